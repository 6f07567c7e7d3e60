"""Sentences for people that the core writes and the interface shows in its language.

The core is Qt-free and speaks English (the command line prints it as it is), but what it
says to a person in the window — a search's "Nothing found…", an error the status bar
shows — must reach them translated. A message is written as

    QT_TRANSLATE_NOOP("search", "Nothing found for “{query}”.").format(query=shown)

``QT_TRANSLATE_NOOP`` is the name Qt's lupdate looks for, so the template lands in the
translation sources under its context; it returns a :class:`Text`: a ``str`` (the English
sentence, used as before) that also remembers its context, template and values, so the
interface can translate the template and fill in the same values
(``reader.ui.i18n.translated``). Anything that builds a new string from a :class:`Text`
gets a plain English ``str``.
"""

from __future__ import annotations

from collections.abc import Mapping


class Text(str):
    """An English sentence that remembers how to be translated."""

    context: str
    template: str
    values: Mapping[str, object]

    def __new__(
        cls, context: str, template: str, values: Mapping[str, object] | None = None
    ) -> Text:
        filled = template.format(**values) if values else template
        self = super().__new__(cls, filled)
        self.context = context
        self.template = template
        self.values = dict(values or {})
        return self

    def format(self, *args: object, **values: object) -> Text:
        """The template filled with ``values`` (named placeholders only), still translatable."""
        if args:
            raise TypeError("a translatable text takes named values only")
        return Text(self.context, self.template, values)

    def __reduce__(self) -> tuple[type[Text], tuple[str, str, dict[str, object]]]:
        return (Text, (self.context, self.template, dict(self.values)))


def QT_TRANSLATE_NOOP(context: str, template: str) -> Text:  # noqa: N802 - lupdate's name
    """Mark ``template`` for translation in ``context``; see the module docstring."""
    return Text(context, template)
