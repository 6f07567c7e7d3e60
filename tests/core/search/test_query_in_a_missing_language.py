"""A query in a language the library has no article in: no did-you-mean made of another
language's words, and a plain word that there are no articles in that language.

A real on-disk index of the English search fixtures (no Spanish article at all). The
original complaint: "vitamina b12 leche materna" got "Did you mean: vitamins b12 leche
maternal" — English words forced on Spanish ones.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.model import SearchResults
from reader.core.search import SearchIndex
from reader.core.texts import Text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
B12 = "seed-b12-breast-milk"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    tmp = tmp_path_factory.mktemp("english-only")
    shutil.copytree(FIXTURES / "search_library", tmp / "library")
    ix = SearchIndex.open(Library.scan(tmp / "library"), tmp / "index")
    ix.update()
    assert ix.languages() == ("en",)
    yield ix
    ix.close()


def articles(results: SearchResults) -> list[str]:
    return list(dict.fromkeys(h.article_id for h in results.hits))


def said(results: SearchResults) -> tuple[str, dict[str, object]]:
    message = results.message
    assert isinstance(message, Text), message
    return message.template, dict(message.values)


def test_a_spanish_readers_query_gets_english_results_with_a_plain_note(
    index: SearchIndex,
) -> None:
    results = index.search("vitamina b12 leche materna", language="es")
    assert results.did_you_mean is None
    assert articles(results)[0] == B12  # "vitamina" and "materna" read as Spanish words
    template, values = said(results)
    assert template.startswith("There are no articles in {language} about “{query}”. These")
    assert values["language"] == "Spanish" and values["library_language"] == "English"
    assert values["query"] == "vitamina b12 leche materna"
    assert "leave" not in str(results.message) and "vitamins" not in str(results.message)


def test_nothing_in_either_language_says_so_and_what_to_try(index: SearchIndex) -> None:
    results = index.search("presión arterial alta", language="es")
    assert results.hits == () and results.total == 0 and results.did_you_mean is None
    assert str(results.message) == (
        "There are no articles in Spanish about “presión arterial alta”, and none in "
        "English match. Try the words in English."
    )


def test_a_spanish_query_is_seen_as_spanish_in_the_english_interface_too(
    index: SearchIndex,
) -> None:
    results = index.search("dolor de cabeza", language="en")  # "de": a Spanish word
    assert results.did_you_mean is None
    assert said(results)[1]["language"] == "Spanish"


def test_english_words_and_english_typing_mistakes_are_as_before(index: SearchIndex) -> None:
    plain = index.search("vitamin b12", language="es")  # a Spanish reader typing English
    assert articles(plain)[0] == B12 and plain.message is None
    typo = index.search("vitamn b12", language="en")
    assert typo.did_you_mean == "vitamin b12"
    assert articles(typo)[0] == B12
    # a word the English library knows is not taken for a Spanish stop word ("mi")
    heart = index.search("heart attack", language="es")
    assert heart.message is None and heart.hits
