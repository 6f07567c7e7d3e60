"""Ranking and counting on a real on-disk index large enough for Whoosh to split its
postings into blocks (a few hundred generated articles): the sections shown are the best
scored of all that match, the count is every match, and the scores are Whoosh's BM25F."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.query import And
from whoosh.scoring import BM25F

from reader.core.library import Library
from reader.core.search import SearchIndex, parse_query
from reader.core.search.query import make_plan

WORDS = (
    "walking",
    "exercise",
    "physical",
    "activity",
    "heart",
    "blood",
    "pressure",
    "sugar",
    "diet",
    "sleep",
    "children",
    "daily",
    "weekly",
    "doctor",
    "nurse",
    "muscle",
    "bone",
    "strength",
    "balance",
    "older",
    "adults",
    "habit",
    "routine",
)


def _article(rng: random.Random, i: int) -> str:
    sections = []
    for s in range(rng.randint(1, 3)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 60))]
        if rng.random() < 0.3:  # the phrase, sometimes
            at = rng.randrange(len(words))
            words[at:at] = ["physical", "activity"]
        heading = f"\n## {rng.choice(WORDS).title()} {s}\n" if s else ""
        sections.append(f"{heading}\n{' '.join(words).capitalize()}.\n")
    title = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {i}"
    return f"---\nid: art-{i:04d}\ntitle: {title}\ncollection: Health\n---\n" + "".join(sections)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    root = tmp_path_factory.mktemp("ranking") / "library"
    folder = root / "health"
    folder.mkdir(parents=True)
    rng = random.Random(5)
    for i in range(450):
        (folder / f"art-{i:04d}.md").write_text(_article(rng, i), encoding="utf-8")
    ix = SearchIndex.open(Library.scan(root), root.parent / "index")
    ix.update()
    yield ix
    ix.close()


QUERIES = ["walking", "heart", "physical activity", '"physical activity"', "sleep diet"]


def _all_scored(ix: SearchIndex, query: str) -> list[tuple[float, int]]:
    """Every section matching ``query`` as the reader plans it, scored by a searcher with
    Whoosh's own BM25F, best first."""
    plan = make_plan(parse_query(query), ix.synonyms)
    assert ix._ix is not None
    q = plan.units[0] if len(plan.units) == 1 else And(plan.units)
    with ix._ix.searcher(weighting=BM25F()) as searcher:
        return [(float(s), int(d)) for s, d in searcher.search(plan.scored(q), limit=None).top_n]


@pytest.mark.parametrize("query", QUERIES)
def test_the_shown_sections_are_the_best_of_all_matches_with_whooshs_scores(
    index: SearchIndex, query: str
) -> None:
    expected = _all_scored(index, query)
    assert len(expected) > 60  # enough matches to span several posting blocks
    plan = make_plan(parse_query(query), index.synonyms)
    hits, total, n_all = index._run(plan, None, 10)
    assert total == len(expected)
    assert n_all == 20  # twice the places asked for, for grouping by article
    assert [(s, d) for d, s in hits[:n_all]] == expected[:n_all]


@pytest.mark.parametrize("query", QUERIES)
def test_the_count_is_every_matching_section(index: SearchIndex, query: str) -> None:
    results = index.search(query, limit=5)
    assert results.total == len(_all_scored(index, query))
    assert len(results.hits) == 5


# --- Did-you-mean knows the words of every update ------------------------------------------


def _write(root: Path, name: str, title: str, text: str) -> None:
    (root / "misc").mkdir(parents=True, exist_ok=True)
    (root / "misc" / f"{name}.md").write_text(
        f"---\nid: {name}\ntitle: {title}\ncollection: misc\n---\n\n{text}\n", encoding="utf-8"
    )


def test_did_you_mean_knows_the_words_of_each_build_and_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    root = tmp_path / "library"
    _write(root, "one", "Sleep", "Melatonin helps some people sleep. Melatonin is a hormone.")
    _write(root, "two", "Rest", "Melatonin and chamomile before bed.")
    with SearchIndex.open(Library.scan(root), tmp_path / "index") as ix:
        ix.update()
        assert ix.search("melatonn").did_you_mean == "melatonin"
        assert ix.search("chamomle").did_you_mean == "chamomile"
        _write(root, "three", "Calm", "Valerian root, and melatonin again.")
        ix.library = Library.scan(root)
        assert ix.update().added == 1
        assert ix.search("valerain").did_you_mean == "valerian"
        assert ix.search("melatonn").did_you_mean == "melatonin"
        ix.rebuild()  # a second build in the same process knows every word again
        for typo, word in (("melatonn", "melatonin"), ("chamomle", "chamomile")):
            assert ix.search(typo).did_you_mean == word
        assert ix.search("valerain").did_you_mean == "valerian"


def test_a_changed_synonyms_file_counts_at_the_next_opening_without_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    root = tmp_path / "library"
    _write(root, "one", "Glimmerwort", "Glimmerwort after a long illness is common.")
    _write(root, "two", "Sleep", "Sleep well.")
    with SearchIndex.open(Library.scan(root), tmp_path / "index") as ix:
        ix.update()
        assert [h.article_id for h in ix.search("zorp").hits] == []
    # kept analysed in the manifest: the same rows give the same synonyms
    (root / "synonyms.tsv").write_text("zorp\tglimmerwort\n", encoding="utf-8")
    with SearchIndex.open(Library.scan(root), tmp_path / "index") as ix:
        assert not ix.needs_update()
        assert [h.article_id for h in ix.search("zorp").hits][:1] == ["one"]
        ix.update()  # nothing to do: the manifest keeps the synonyms it had
    with SearchIndex.open(Library.scan(root), tmp_path / "index") as ix:
        assert [h.article_id for h in ix.search("zorp").hits][:1] == ["one"]
    (root / "synonyms.tsv").write_text("quib\tglimmerwort\n", encoding="utf-8")
    with SearchIndex.open(Library.scan(root), tmp_path / "index") as ix:
        assert [h.article_id for h in ix.search("zorp").hits] == []
        assert [h.article_id for h in ix.search("quib").hits][:1] == ["one"]
