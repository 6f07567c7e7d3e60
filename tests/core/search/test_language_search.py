"""Each article is searched in its own language: a real on-disk index of the English search
fixtures plus four short Spanish articles of our own (tests/fixtures/spanish_library)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.core.language import direction, is_known_code, primary_code, spanish_singular
from reader.core.library import Library
from reader.core.model import SearchResults
from reader.core.search import LANGUAGES, SearchIndex

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    tmp = tmp_path_factory.mktemp("languages")
    root = tmp / "library"
    shutil.copytree(FIXTURES / "search_library", root)
    shutil.copytree(FIXTURES / "spanish_library" / "salud-familiar", root / "salud-familiar")
    ix = SearchIndex.open(Library.scan(root), tmp / "index")
    ix.update()
    yield ix
    ix.close()


def articles(results: SearchResults) -> list[str]:
    return list(dict.fromkeys(h.article_id for h in results.hits))


def marked(results: SearchResults) -> list[str]:
    return [h.snippet[s:e] for h in results.hits for s, e in h.highlights]


# --- codes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "code"), [("es", "es"), ("es-MX", "es"), ("pt_BR", "pt"), ("EN", "en"), ("", "")]
)
def test_primary_code_of_a_language_tag(tag: str, code: str) -> None:
    assert primary_code(tag) == code


def test_known_codes_and_directions() -> None:
    assert is_known_code("es-419") and is_known_code("ar")
    assert not is_known_code("spanish") and not is_known_code("xx") and not is_known_code(None)
    assert direction("ar") == direction("he-IL") == "rtl"
    assert direction("es") == direction("zz") == "ltr"


# --- analysis --------------------------------------------------------------------------


def test_spanish_plural_and_singular_share_a_term() -> None:
    es = LANGUAGES.analysis("es")
    assert spanish_singular("enfermedades") == "enfermedad"
    assert spanish_singular("luces") == "luz"
    assert es.analyse("enfermedades") == es.analyse("enfermedad") == es.analyse("Enfermedad")
    assert es.analyse("niños") == es.analyse("niño") == es.analyse("nino") == es.analyse("NIÑO")
    assert es.analyse("alimentación") == es.analyse("alimentacion") == es.analyse("alimentar")
    # Spanish stop words go, words that matter in health text stay
    assert es.analyse("la leche de la madre") == es.analyse("leche madre")
    assert es.analyse("sin azúcar") != es.analyse("azúcar")


def test_english_spellings_stay_english() -> None:
    en, es = LANGUAGES.analysis("en"), LANGUAGES.analysis("es")
    assert en.analyse("anaemia") == en.analyse("anemia")
    assert es.analyse("paediatra") != es.analyse("pediatra")  # no British rules in Spanish


# --- search ----------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["enfermedades", "enfermedad", "Enfermedad"])
def test_spanish_stemming_finds_singular_and_plural(index: SearchIndex, query: str) -> None:
    results = index.search(query)
    assert articles(results) == ["enfermedades-del-corazon"], query
    assert "enfermedades" in [m.lower() for m in marked(results)]


@pytest.mark.parametrize("query", ["niño", "nino", "niños", "ninos"])
def test_n_tilde_is_searchable_both_ways(index: SearchIndex, query: str) -> None:
    results = index.search(query)
    assert articles(results)[:1] == ["fiebre-en-ninos"], query
    assert {"niño", "niños"} <= {m.lower() for m in marked(results)}


def test_a_spanish_query_finds_spanish_articles_first(index: SearchIndex) -> None:
    results = index.search("vitamina b12 leche materna")
    found = articles(results)
    assert found[0] == "vitamina-b12-leche-materna"
    assert results.did_you_mean is None
    # the English article on B12 is there too, after the Spanish one
    assert "seed-b12-breast-milk" in found[1:]


def test_an_english_query_keeps_english_first_and_its_synonyms(index: SearchIndex) -> None:
    results = index.search("heart attack")
    assert articles(results)[0] == "heart-attack-warning-signs"
    assert "infarction" in [m.lower() for m in marked(results)]
    assert articles(index.search("b12 breastfeeding"))[0] == "seed-b12-breast-milk"


def test_a_word_of_both_languages_follows_the_interface_language(index: SearchIndex) -> None:
    assert articles(index.search("diabetes"))[0] == "heart-attack-warning-signs"
    spanish = index.search("diabetes", language="es")
    assert articles(spanish)[0] == "enfermedades-del-corazon"
    assert "heart-attack-warning-signs" in articles(spanish)


def test_did_you_mean_offers_a_word_of_the_query_language(index: SearchIndex) -> None:
    results = index.search("leche matrena")
    assert results.did_you_mean == "leche materna"
    assert articles(results)[0] == "vitamina-b12-leche-materna"
    # an English typo is corrected from English words, never from Spanish ones
    english = index.search("brest milk")
    assert english.did_you_mean is not None
    assert english.did_you_mean.split()[0] == "breast"


def test_spanish_question_words_are_stop_words(index: SearchIndex) -> None:
    results = index.search("¿Qué es la anemia?")
    assert articles(results)[0] == "anemia-en-el-embarazo"
    assert results.hits[0].section_anchor == "que-es-la-anemia"


def test_titles_of_spanish_hits_are_shown_as_written(index: SearchIndex) -> None:
    hit = index.search("corazón").hits[0]
    assert hit.article_title == "Enfermedades del corazón en las mujeres"
    assert "\x1d" not in hit.article_title + hit.section_heading


def test_opened_article_marks_words_of_its_language(index: SearchIndex) -> None:
    text = "Lleve al niño al médico si los niños tienen fiebre."
    spans = index.mark(text, "ninos fiebre", language="es")
    assert [text[s:e] for s, e in spans] == ["niño", "niños", "fiebre"]
