"""Read-only media and full disks. As root (where chmod does not stop writes) the
read-only library is a real read-only tmpfs mount (see tests/readonly_media.py), and the
full disk a tiny tmpfs; as another user, chmod -R a-w stands in for read-only media."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from readonly_media import ROOT_USER, mount, read_only_copy, umount
from robust_library import make_library

from reader.core.errors import SearchError
from reader.core.library import Library
from reader.core.search import PREBUILT_DIR_NAME, SearchIndex, default_index_dir


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def prebuilt(tmp_path: Path) -> Path:
    """A library with its index built beside it, as a kiosk image ships it."""
    library = make_library(tmp_path / "source", 40, paragraphs=6)
    ix = SearchIndex.open(Library.scan(library), library / PREBUILT_DIR_NAME)
    ix.update()
    ix.close()
    return library


def test_a_read_only_library_with_a_prebuilt_index_searches_and_writes_nothing(
    tmp_path: Path, prebuilt: Path, private_home: Path
) -> None:
    with read_only_copy(prebuilt, tmp_path / "media") as media:
        before = snapshot(media)
        library = Library.scan(media)
        ix = SearchIndex.open(library)
        try:
            assert ix.index_dir == media / PREBUILT_DIR_NAME
            assert ix.damage is None and not ix.needs_update()
            assert ix.search("vitamin").hits
            assert ix.search('"blood pressure"').total >= 0
            assert ix.suggest("vit")
            assert library.load(library.summaries[0].id).sections
        finally:
            ix.close()
        assert snapshot(media) == before
    assert not (private_home / "cache" / "index").exists()  # nothing was built elsewhere


def test_a_read_only_library_without_an_index_indexes_into_the_user_cache(
    tmp_path: Path, private_home: Path
) -> None:
    source = make_library(tmp_path / "source", 20, paragraphs=4)
    with read_only_copy(source, tmp_path / "media") as media:
        ix = SearchIndex.open(Library.scan(media))
        try:
            report = ix.update()
            assert report.added == 20
            assert ix.index_dir == default_index_dir(media)
            assert ix.index_dir.is_relative_to(private_home)
            assert ix.search("vitamin").hits
        finally:
            ix.close()


def test_a_stale_prebuilt_index_on_read_only_media_is_rebuilt_in_the_user_cache(
    tmp_path: Path, prebuilt: Path, private_home: Path
) -> None:
    extra = prebuilt / "c0" / "new-article.md"
    extra.write_text(
        "---\nid: new-article\ntitle: Zinkoflux\ncollection: Nutrition\n---\n\nZinkoflux.\n",
        encoding="utf-8",
    )
    with read_only_copy(prebuilt, tmp_path / "media") as media:
        ix = SearchIndex.open(Library.scan(media))
        try:
            assert ix.needs_update()
            ix.update()
            assert ix.index_dir.is_relative_to(private_home)
            assert [h.article_id for h in ix.search("zinkoflux").hits] == ["new-article"]
        finally:
            ix.close()


def test_with_nothing_writable_search_still_works_and_says_where_its_index_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = make_library(tmp_path / "source", 12, paragraphs=4)
    (tmp_path / "home-src").mkdir()
    with (
        read_only_copy(source, tmp_path / "media") as media,
        read_only_copy(tmp_path / "home-src", tmp_path / "home") as home,
    ):
        monkeypatch.setenv("OFFLINE_READER_HOME", str(home))
        ix = SearchIndex.open(Library.scan(media))
        try:
            ix.update()
            assert ix.search("vitamin").hits
            assert ix.notice and "rebuilt" in ix.notice
        finally:
            ix.close()


# --- a full disk -------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    if not ROOT_USER or not mount("tmpfs", where, "size=1500k"):
        pytest.skip("a full disk is simulated with a tiny tmpfs mount (needs root)")
    try:
        yield where
    finally:
        umount(where)


def test_a_full_disk_while_indexing_keeps_the_old_index_and_says_so(
    tmp_path: Path, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(small_disk))
    library = make_library(tmp_path / "library", 10, paragraphs=4)
    ix = SearchIndex.open(Library.scan(library))
    ix.update()
    before = [h.article_id for h in ix.search("vitamin").hits]
    assert before
    make_library(tmp_path / "more", 400, seed=7, paragraphs=12)
    for path in (tmp_path / "more").rglob("*.md"):
        target = library / "more" / path.name.replace("art-", "more-")
        target.parent.mkdir(exist_ok=True)
        target.write_text(
            path.read_text(encoding="utf-8").replace("id: art-", "id: more-"), encoding="utf-8"
        )
    ix.library = Library.scan(library)
    try:
        with pytest.raises(SearchError, match="full"):
            ix.update()
        # the old index goes on serving, in this run and the next
        assert [h.article_id for h in ix.search("vitamin").hits] == before
        assert not ix.search("vitamin").rebuilding
    finally:
        ix.close()
    again = SearchIndex.open(Library.scan(library))
    try:
        assert again.damage is None
        assert again.search("vitamin").hits
    finally:
        again.close()
