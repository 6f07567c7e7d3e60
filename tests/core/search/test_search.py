"""Search against a real on-disk index built from a small library (the seed article and a
few short articles of our own), with the per-user folders redirected to tmp_path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.core.errors import SearchError
from reader.core.library import Library
from reader.core.model import IndexProgress, SearchResults
from reader.core.search import MANIFEST_NAME, SearchIndex, default_index_dir, parse_query

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "search_library"
SEED = "seed-b12-breast-milk"


@pytest.fixture
def library_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    root = tmp_path / "library"
    shutil.copytree(FIXTURE, root)
    return root


def open_built(root: Path, index_dir: Path | None = None) -> SearchIndex:
    ix = SearchIndex.open(Library.scan(root), index_dir)
    if ix.needs_update():
        ix.update()
    return ix


@pytest.fixture
def index(library_dir: Path) -> SearchIndex:
    ix = open_built(library_dir)
    yield ix
    ix.close()


def articles(results: SearchResults) -> list[str]:
    return list(dict.fromkeys(h.article_id for h in results.hits))


# --- the health vocabulary, through real queries ------------------------------------------


@pytest.mark.parametrize("query", ["b12", "B12", "B-12", "B 12", "b 12", "B₁₂", "cobalamin"])
def test_letter_digit_variants_and_synonym_find_the_seed_sections(
    index: SearchIndex, query: str
) -> None:
    results = index.search(query)
    assert results.hits, query
    assert results.hits[0].article_id == SEED
    anchors = {h.section_anchor for h in results.hits if h.article_id == SEED}
    assert "the-importance-of-vitamin-b-12-for-infant-development" in anchors


def test_b12_breastfeeding_finds_the_seed_first_with_marked_words(index: SearchIndex) -> None:
    results = index.search("B 12 breastfeeding")
    hit = results.hits[0]
    assert hit.article_id == SEED
    marked = [hit.snippet[s:e].lower() for s, e in hit.highlights]
    assert marked, hit.snippet
    assert any(m in ("b-12", "b12") for m in marked)
    assert "<" not in hit.snippet  # plain text, not HTML
    assert any(t.lower() in ("b-12", "b12") for t in hit.terms)


def test_american_spelling_finds_british_text(index: SearchIndex) -> None:
    results = index.search("anemia")
    assert articles(results)[0] == "anaemia-in-pregnancy"
    hit = results.hits[0]
    assert "anaemia" in [hit.snippet[s:e].lower() for s, e in hit.highlights]
    assert articles(index.search("edema")) == ["anaemia-in-pregnancy"]
    assert "anaemia-in-pregnancy" in articles(index.search("hemoglobin"))
    assert "understanding-autism" in articles(index.search("pediatrician"))


def test_british_spelling_finds_american_text(index: SearchIndex) -> None:
    # the seed says "fetal"; a British reader types "foetal"
    assert SEED in articles(index.search("foetal growth"))


def test_abbreviation_finds_the_words_spelled_out(index: SearchIndex) -> None:
    results = index.search("ASD")
    assert "understanding-autism" in articles(results)  # says only "autism spectrum disorder"


def test_lay_words_find_clinical_words(index: SearchIndex) -> None:
    assert articles(index.search("heart attack"))[0] == "heart-attack-warning-signs"
    results = index.search("high blood pressure")
    assert "heart-attack-warning-signs" in articles(results)
    assert any(h.section_anchor == "risk-factors" for h in results.hits)


def test_a_library_can_add_synonyms(library_dir: Path) -> None:
    (library_dir / "synonyms.tsv").write_text("fatigue\ttiredness\n", encoding="utf-8")
    with open_built(library_dir) as ix:
        assert "heart-attack-warning-signs" in articles(ix.search("fatigue"))


def test_typo_gets_did_you_mean(index: SearchIndex) -> None:
    results = index.search("vitamn")
    assert results.did_you_mean == "vitamin"
    assert results.hits and results.hits[0].article_id == SEED  # and the corrected results
    assert results.message


def test_phrase_does_not_match_the_words_apart(index: SearchIndex) -> None:
    assert SEED in articles(index.search("milk breast"))  # both words are there
    assert SEED in articles(index.search('"breast milk"'))
    apart = index.search('"milk breast"')
    assert SEED not in articles(apart)
    assert apart.hits == () and (apart.broader or apart.message)


def test_excluded_words(index: SearchIndex) -> None:
    assert SEED in articles(index.search("milk"))
    results = index.search("milk -breast")
    assert articles(results) == ["heart-attack-warning-signs"]
    assert SEED not in articles(index.search('milk -"breast milk"'))


def test_collection_filter(index: SearchIndex) -> None:
    assert set(articles(index.search("milk", collection="heart health"))) == {
        "heart-attack-warning-signs"
    }
    assert "heart-attack-warning-signs" not in articles(
        index.search("milk", collection="Womens Health")
    )
    elsewhere = index.search("hypertension", collection="womens health")
    assert elsewhere.hits == ()
    assert elsewhere.message and "other collections" in elsewhere.message


def test_all_words_rank_before_some_words(index: SearchIndex) -> None:
    results = index.search("autism diagnosis")
    assert results.hits[0].article_id == "understanding-autism"
    assert results.hits[0].section_anchor == "getting-a-diagnosis"
    assert "autism" in (results.hits[0].snippet + results.hits[0].article_title).lower()


def test_results_are_grouped_by_article(index: SearchIndex) -> None:
    results = index.search("vitamin")
    ids = [h.article_id for h in results.hits]
    # each article's sections come together, never interleaved with another article
    assert ids == sorted(ids, key=ids.index)
    assert len(ids) <= 3 * len(set(ids))


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed',
        "AND",
        "OR NOT",
        "((",
        "))",
        "a" * 5000,
        "vitamin " * 1200,
        "x" * 10000,
        "\x00\x07\x1b[31m",
        "*",
        "vi*",
        "-",
        '""',
        "title:b12",
        "NOT",
        "b12 AND",
        "\ud800",
        "🙂",
        "",
        "   ",
    ],
)
def test_malformed_queries_never_raise(index: SearchIndex, query: str) -> None:
    results = index.search(query)
    assert isinstance(results, SearchResults)
    if not results.hits:
        assert results.message or results.did_you_mean or results.broader


def test_nothing_found_always_offers_a_next_step(index: SearchIndex) -> None:
    for query in ("qqzzxv", "qqzzxv wwkkjj", '"qqzzxv milk"', "milk -milk"):
        results = index.search(query)
        assert results.hits == ()
        assert results.message or results.did_you_mean or results.broader, query


def test_parse_query() -> None:
    parsed = parse_query('b12 "breast milk" -formula NOT cow AND')
    assert parsed.words == ["b12"]
    assert parsed.phrases == ["breast milk"]
    assert parsed.excluded == ["formula", "cow"]


# --- suggestions ----------------------------------------------------------------------------


def test_suggest_titles_and_headings_as_typed(index: SearchIndex) -> None:
    for typed in ("w", "wa", "war", "warn"):
        texts = [s.text for s in index.suggest(typed)]
        assert "Warning Signs of a Heart Attack in Women" in texts, typed
    heading = index.suggest("new res")
    assert heading and heading[0].text == "New Research Findings"
    assert heading[0].section_anchor == "new-research-findings"
    assert heading[0].article_id == SEED
    # a word inside a title, another spelling, a letter–digit variant
    assert any(s.article_id == "anaemia-in-pregnancy" for s in index.suggest("anem"))
    assert any("B-12" in s.text for s in index.suggest("b12"))
    assert len(index.suggest("i", limit=2)) <= 2
    assert index.suggest("") == ()
    assert index.suggest("((\x00") == ()


# --- the index on disk -----------------------------------------------------------------------


def test_index_lives_in_the_user_cache_with_a_manifest(
    index: SearchIndex, library_dir: Path
) -> None:
    assert index.index_dir == default_index_dir(library_dir)
    assert str(index.index_dir).startswith(str(library_dir.parent / "home"))
    manifest = json.loads((index.index_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["schema"]
    assert set(manifest["articles"]) == {
        SEED,
        "anaemia-in-pregnancy",
        "understanding-autism",
        "heart-attack-warning-signs",
    }
    assert all(len(row[0]) == 64 for row in manifest["articles"].values())


def test_first_build_reports_progress(library_dir: Path) -> None:
    seen: list[IndexProgress] = []
    ix = SearchIndex.open(Library.scan(library_dir))
    assert ix.needs_update()
    assert ix.search("b12").rebuilding
    report = ix.update(progress=seen.append)
    assert report.added == 4 and report.changed == report.removed == 0
    assert seen[0].phase == "checking"
    assert seen[-1].phase == "done"
    assert any(p.phase == "indexing" and p.article_id == SEED for p in seen)
    assert not ix.needs_update()
    assert not ix.search("b12").rebuilding
    ix.close()


def test_reopening_an_unchanged_library_indexes_nothing(library_dir: Path) -> None:
    open_built(library_dir).close()
    ix = SearchIndex.open(Library.scan(library_dir))
    assert ix.damage is None
    assert not ix.needs_update()
    report = ix.update()
    assert (report.added, report.changed, report.removed, report.unchanged) == (0, 0, 0, 4)
    assert ix.search("b12").hits
    ix.close()


def test_incremental_update_touches_only_what_changed(library_dir: Path) -> None:
    open_built(library_dir).close()
    heart = library_dir / "heart-health" / "heart-attack-warning-signs.md"
    heart.write_text(
        heart.read_text(encoding="utf-8").replace("Hypertension", "Hypertension and zinkoflux"),
        encoding="utf-8",
    )
    (library_dir / "womens-health" / "understanding-autism.md").unlink()
    (library_dir / "heart-health" / "palpitations.md").write_text(
        "---\nid: palpitations\ntitle: Palpitations\ncollection: heart health\n---\n\n"
        "## When to worry\n\nA fluttering heartbeat with fainting needs a doctor.\n",
        encoding="utf-8",
    )
    ix = SearchIndex.open(Library.scan(library_dir))
    assert ix.damage is None
    assert ix.needs_update()
    report = ix.update()
    assert (report.added, report.changed, report.removed, report.unchanged) == (1, 1, 1, 2)
    assert articles(ix.search("zinkoflux")) == ["heart-attack-warning-signs"]
    assert articles(ix.search("fluttering")) == ["palpitations"]
    assert "understanding-autism" not in articles(ix.search("autism"))
    assert [s.article_id for s in ix.suggest("palp")] == ["palpitations"]
    assert not ix.suggest("understanding aut")
    ix.close()


def test_cancelled_update_commits_nothing(library_dir: Path) -> None:
    ix = SearchIndex.open(Library.scan(library_dir))
    report = ix.update(cancel=lambda: True)
    assert report.cancelled
    assert ix.needs_update()
    assert ix.update().added == 4
    ix.close()


def _segment(index_dir: Path) -> Path:
    return next(index_dir.glob("*.seg"))


def _toc(index_dir: Path) -> Path:
    return next(index_dir.glob("*.toc"))


DAMAGE = {
    "truncated segment": lambda d: _segment(d).write_bytes(_segment(d).read_bytes()[:1000]),
    "empty segment": lambda d: _segment(d).write_bytes(b""),
    "segment deleted": lambda d: _segment(d).unlink(),
    "toc deleted": lambda d: _toc(d).unlink(),
    "garbage toc": lambda d: _toc(d).write_bytes(b"\x80\x04garbage" * 50),
    "same-size garbage toc": lambda d: _toc(d).write_bytes(b"\xff" * _toc(d).stat().st_size),
    "garbage manifest": lambda d: (d / MANIFEST_NAME).write_bytes(b"{not json"),
    "other schema version": lambda d: (d / MANIFEST_NAME).write_text(
        (d / MANIFEST_NAME).read_text(encoding="utf-8").replace('"schema":"', '"schema":"0.'),
        encoding="utf-8",
    ),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_index_is_detected_at_open_and_rebuilt(library_dir: Path, damage: str) -> None:
    first = open_built(library_dir)
    index_dir = first.index_dir
    first.close()
    DAMAGE[damage](index_dir)
    ix = SearchIndex.open(Library.scan(library_dir))
    assert ix.damage is not None, damage
    assert ix.needs_update()
    waiting = ix.search("b12")
    assert waiting.rebuilding and waiting.message
    report = ix.update()
    assert report.added == 4
    assert ix.search("b12").hits[0].article_id == SEED
    ix.close()
    again = SearchIndex.open(Library.scan(library_dir))
    assert again.damage is None and not again.needs_update()
    again.close()


def test_index_of_another_library_is_not_used(library_dir: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared-index"
    open_built(library_dir, shared).close()
    other = tmp_path / "other"
    (other / "misc").mkdir(parents=True)
    (other / "misc" / "one.md").write_text(
        "---\nid: one\ntitle: Sleep\ncollection: misc\n---\n\nSleep matters.\n", encoding="utf-8"
    )
    ix = SearchIndex.open(Library.scan(other), shared)
    assert ix.damage is not None and "another library" in ix.damage
    assert ix.update().added == 1
    assert ix.search("b12").hits == ()
    assert articles(ix.search("sleep")) == ["one"]
    ix.close()


def test_failure_while_searching_becomes_a_friendly_result(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise EOFError("segment ended early")

    monkeypatch.setattr(index._searcher, "search", broken)
    results = index.search("b12")
    assert results.hits == () and results.rebuilding and results.message
    assert index.needs_update()
    monkeypatch.undo()
    index.update()
    assert index.search("b12").hits


def test_prebuilt_index_beside_the_library_is_used(library_dir: Path) -> None:
    beside = library_dir / ".index"
    open_built(library_dir, beside).close()
    ix = SearchIndex.open(Library.scan(library_dir))
    assert ix.index_dir == beside
    assert ix.damage is None and not ix.needs_update()
    assert ix.search("cobalamin").hits
    ix.close()


def test_failed_update_is_reported_and_mended_by_the_next(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.core.search.index as search_module  # where an update reads documents

    ix = SearchIndex.open(Library.scan(library_dir))

    def broken(article: object) -> list[dict[str, object]]:
        raise OSError("disk full")

    monkeypatch.setattr(search_module, "section_documents", broken)
    with pytest.raises(SearchError, match="could not be updated"):
        ix.update()
    assert ix.needs_update()
    monkeypatch.undo()
    assert ix.update().added == 4
    assert ix.search("b12").hits
    ix.close()


def test_marking_an_opened_section_uses_spellings_and_synonyms(index: SearchIndex) -> None:
    text = "Anaemia: haemoglobin falls, iron is low. Low haemoglobin; cobalamin (vitamin B-12)."
    marked = [text[s:e] for s, e in index.mark(text, "anemia b12")]
    # a multi-word synonym ("low hemoglobin") is marked only where it stands whole
    assert marked == ["Anaemia", "Low", "haemoglobin", "cobalamin", "vitamin", "B-12"]
    assert index.mark(text, "anemia")[1][0] == text.index("Low")
    assert index.mark(text, "((") == ()
