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
gets a plain English ``str``. A value may itself be a :class:`Text` (a reason inside an
error's sentence): it is translated too.

Errors are sentences like any other: ``raise LibraryError(QT_TRANSLATE_NOOP("LibraryError",
"…{root}…").format(root=root))`` keeps the :class:`Text` in ``error.args[0]``
(:attr:`reader.core.errors.ReaderError.text`), and the window shows it in its language.
A :class:`Text` crosses a process boundary as JSON with :meth:`Text.to_json` and
:func:`text_from_json` (the indexer's wire).
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from typing import Any


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

    def to_json(self) -> dict[str, Any]:
        """The text as JSON data (values that are not numbers or texts become strings)."""

        def value(v: object) -> object:
            if isinstance(v, Text):
                return v.to_json()
            if isinstance(v, bool) or not isinstance(v, int | float):
                return str(v)
            return v

        return {
            "context": self.context,
            "template": self.template,
            "values": {k: value(v) for k, v in self.values.items()},
        }


def text_from_json(data: object) -> str | None:
    """A :class:`Text` back from :meth:`Text.to_json` (a plain string stays one); None for
    anything else. Bounded: a value nested deeper than a few levels is refused."""
    return _from_json(data, 0)


def _from_json(data: object, depth: int) -> str | None:
    if isinstance(data, str):
        return data
    if not isinstance(data, dict) or depth > 4:
        return None
    context, template, values = data.get("context"), data.get("template"), data.get("values")
    if not (isinstance(context, str) and isinstance(template, str) and isinstance(values, dict)):
        return None
    filled: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int | float | str | dict):
            return None
        inner = _from_json(value, depth + 1) if isinstance(value, dict) else value
        if inner is None:
            return None
        filled[str(key)] = inner
    try:
        return Text(context, template, filled)
    except (KeyError, IndexError, ValueError):
        return None


def QT_TRANSLATE_NOOP(context: str, template: str) -> Text:  # noqa: N802 - lupdate's name
    """Mark ``template`` for translation in ``context``; see the module docstring."""
    return Text(context, template)


#: The reasons an operating system gives most often, worded as the C library does in
#: English (so the command line says what it always said) and translatable.
_OS_REASONS: dict[int, Text] = {
    errno.ENOENT: QT_TRANSLATE_NOOP("OSError", "No such file or directory"),
    errno.EACCES: QT_TRANSLATE_NOOP("OSError", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("OSError", "Operation not permitted"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("OSError", "No space left on device"),
    errno.EROFS: QT_TRANSLATE_NOOP("OSError", "Read-only file system"),
    errno.EISDIR: QT_TRANSLATE_NOOP("OSError", "Is a directory"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("OSError", "Not a directory"),
    errno.EIO: QT_TRANSLATE_NOOP("OSError", "Input/output error"),
    errno.ELOOP: QT_TRANSLATE_NOOP("OSError", "Too many levels of symbolic links"),
    errno.EEXIST: QT_TRANSLATE_NOOP("OSError", "File exists"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("OSError", "File name too long"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("OSError", "Disk quota exceeded"),
}


def os_reason(exc: OSError) -> str:
    """Why ``exc`` happened, as a short translatable phrase ("Permission denied"); the
    system's own words for a reason not in the list."""
    known = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if known is not None and (exc.strerror is None or exc.strerror == str(known)):
        return known
    return exc.strerror or str(exc)
