"""Sentences of the core stay English strings and remember how to be translated."""

from __future__ import annotations

import pickle

import pytest

from reader.core.texts import QT_TRANSLATE_NOOP, Text


def test_a_text_is_its_english_sentence_and_keeps_its_template() -> None:
    marked = QT_TRANSLATE_NOOP("search", "Nothing found for “{query}”.")
    filled = marked.format(query="leche")
    assert filled == "Nothing found for “leche”."
    assert isinstance(filled, str) and isinstance(filled, Text)
    assert (filled.context, filled.template, dict(filled.values)) == (
        "search",
        "Nothing found for “{query}”.",
        {"query": "leche"},
    )
    # it crosses to a worker process and back whole (our own bytes, not untrusted data)
    assert pickle.loads(pickle.dumps(filled)).values == {"query": "leche"}  # noqa: S301
    # anything built from it is plain English
    assert type(filled + "!") is str


def test_only_named_values() -> None:
    with pytest.raises(TypeError):
        QT_TRANSLATE_NOOP("x", "{0}").format("a")
