"""Where a library's index lives and whether it may be written (reader.core.search.location),
on real folders: read-only media (a read-only mount as root, chmod otherwise), a user
cache that is missing or cannot be written, prebuilt indexes current, stale, foreign or
interrupted. The index then stays where it was put: an update never moves it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from readonly_media import read_only_copy

from reader.core.errors import SearchError
from reader.core.library import Library
from reader.core.search import PREBUILT_DIR_NAME, SearchIndex, location
from reader.core.search.analysis import DIRTY_NAME, MANIFEST_NAME
from reader.core.search.location import Place

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "search_library"
NEW_ARTICLE = "---\nid: zinkoflux\ntitle: Zinkoflux\ncollection: Nutrition\n---\n\nZinkoflux.\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's folders, not made yet (as on a fresh account)."""
    folder = tmp_path / "home"
    monkeypatch.setenv("OFFLINE_READER_HOME", str(folder))
    return folder


@pytest.fixture
def library_dir(tmp_path: Path, home: Path) -> Path:
    root = tmp_path / "library"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.fixture
def prebuilt(library_dir: Path) -> Path:
    """The library with its index built beside it, as a kiosk image ships it."""
    index = SearchIndex.open(Library.scan(library_dir), library_dir / PREBUILT_DIR_NAME)
    index.update()
    index.close()
    return library_dir


def add_article(root: Path) -> None:
    (root / "zinkoflux.md").write_text(NEW_ARTICLE, encoding="utf-8")


def files(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file()}


# -- whether a folder may be written --------------------------------------------------------


def test_a_folder_may_be_written_when_it_or_its_nearest_parent_can_be(tmp_path: Path) -> None:
    assert location.can_write(tmp_path)
    missing = tmp_path / "a" / "b" / "c"
    assert location.can_write(missing)
    assert not (tmp_path / "a").exists()  # asking makes nothing
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert not location.can_write(tmp_path / "file")
    assert not location.can_write(tmp_path / "file" / "index")


def test_a_read_only_folder_may_not_be_written_nor_anything_under_it(tmp_path: Path) -> None:
    (tmp_path / "src" / "inside").mkdir(parents=True)
    with read_only_copy(tmp_path / "src", tmp_path / "media") as media:
        assert not location.can_write(media)
        assert not location.can_write(media / "inside")
        assert not location.can_write(media / "missing" / "index")
    assert location.can_write(tmp_path)


# -- no prebuilt index: the user cache, or a temporary folder ------------------------------------


def test_without_a_prebuilt_index_it_lives_in_the_user_cache_made_when_first_written(
    library_dir: Path, home: Path
) -> None:
    library = Library.scan(library_dir)
    for where in (location.for_reading(library), location.for_writing(library)):
        assert where.place is Place.CACHE and where.writable and where.notice is None
        assert where.folder == location.default_index_dir(library_dir)
        assert where.folder.is_relative_to(home)
    assert not home.exists()  # deciding made nothing
    index = SearchIndex.open(library, location.for_writing(library))
    try:
        assert index.update().added == 4
        assert index.search("b12").hits
    finally:
        index.close()
    assert (location.default_index_dir(library_dir) / MANIFEST_NAME).is_file()
    assert not (library_dir / PREBUILT_DIR_NAME).exists()


def test_with_nothing_writable_the_index_is_temporary_says_so_and_goes_at_close(
    tmp_path: Path, read_only_home: Path
) -> None:
    with read_only_copy(FIXTURE, tmp_path / "media") as media:
        library = Library.scan(media)
        assert location.for_reading(library).place is Place.CACHE  # reading makes nothing
        assert not location.for_reading(library).writable
        where = location.for_writing(library)
        assert where.place is Place.TEMPORARY and where.temporary and where.writable
        assert where.folder.is_dir() and list(where.folder.iterdir()) == []
        assert where.notice is not None and str(where.folder) in where.notice
        assert "rebuilt at each start" in where.notice
        index = SearchIndex.open(library, where)
        try:
            assert index.notice == where.notice and index.temporary
            assert index.update().location == where.folder
            assert index.search("b12").hits
        finally:
            index.close()
        assert not where.folder.exists()


def test_the_indexer_can_hand_its_temporary_folder_to_the_window(library_dir: Path) -> None:
    library = Library.scan(library_dir)
    made = location.temporary()
    index = SearchIndex.open(library, made)
    index.update()
    index.keep_temporary_folder()  # what `index --progress-json` does before it exits
    index.close()
    assert (made.folder / MANIFEST_NAME).is_file()
    where = location.reported(made.folder, temporary=True, notice=made.notice)
    assert where.place is Place.TEMPORARY and where.notice == made.notice
    window = SearchIndex.open(library, where)
    try:
        assert window.damage is None and window.search("b12").hits
        assert window.notice == made.notice
    finally:
        window.close()
    assert not made.folder.exists()  # the window deletes it when done
    kept = location.reported(library_dir / "kept", temporary=False, notice="")
    assert kept.place is Place.CHOSEN and kept.notice is None


# -- a prebuilt index beside the library --------------------------------------------------------


def test_a_prebuilt_index_on_writable_media_is_read_and_kept_up_to_date_in_place(
    prebuilt: Path, home: Path
) -> None:
    add_article(prebuilt)
    library = Library.scan(prebuilt)
    beside = prebuilt / PREBUILT_DIR_NAME
    assert location.for_reading(library).folder == beside
    where = location.for_writing(library)
    assert (where.place, where.folder, where.writable) == (Place.PREBUILT, beside, True)
    index = SearchIndex.open(library, where)
    try:
        assert index.update().added == 1
        assert [h.article_id for h in index.search("zinkoflux").hits] == ["zinkoflux"]
    finally:
        index.close()
    assert not home.exists()


def test_a_current_prebuilt_index_on_read_only_media_is_used_and_nothing_is_written(
    tmp_path: Path, prebuilt: Path, home: Path
) -> None:
    with read_only_copy(prebuilt, tmp_path / "media") as media:
        before = files(media)
        library = Library.scan(media)
        where = location.for_writing(library)
        assert (where.place, where.writable) == (Place.PREBUILT, False)
        assert where.folder == media / PREBUILT_DIR_NAME
        index = SearchIndex.open(library, where)
        try:
            report = index.update()  # up to date: nothing to write, no error
            assert (report.added, report.location) == (0, where.folder)
            assert index.search("b12").hits
        finally:
            index.close()
        assert files(media) == before
    assert not home.exists()


def test_a_stale_prebuilt_index_on_read_only_media_is_brought_up_to_date_in_the_cache(
    tmp_path: Path, prebuilt: Path, home: Path
) -> None:
    add_article(prebuilt)
    with read_only_copy(prebuilt, tmp_path / "media") as media:
        library = Library.scan(media)
        # the window reads the old index meanwhile; the indexer writes in the cache
        reading = location.for_reading(library)
        assert (reading.place, reading.writable) == (Place.PREBUILT, False)
        writing = location.for_writing(library)
        assert writing.place is Place.CACHE and writing.folder.is_relative_to(home)
        index = SearchIndex.open(library, writing)
        try:
            assert index.update().added == 5
            assert [h.article_id for h in index.search("zinkoflux").hits] == ["zinkoflux"]
        finally:
            index.close()


def test_an_update_never_moves_the_index_it_fails_where_it_cannot_write(
    tmp_path: Path, prebuilt: Path, home: Path
) -> None:
    add_article(prebuilt)
    with read_only_copy(prebuilt, tmp_path / "media") as media:
        before = files(media)
        library = Library.scan(media)
        index = SearchIndex.open(library, location.for_reading(library))
        try:
            assert index.needs_update()
            with pytest.raises(SearchError, match="cannot be written"):
                index.update()
            assert index.index_dir == media / PREBUILT_DIR_NAME  # it stayed
            assert index.search("b12").hits  # and still serves the index it has
        finally:
            index.close()
        assert files(media) == before
    assert not home.exists()  # nothing was built elsewhere behind the caller's back


def test_a_named_folder_is_written_there_or_not_at_all(
    tmp_path: Path, library_dir: Path, home: Path
) -> None:
    library = Library.scan(library_dir)
    out = tmp_path / "out" / "index"
    where = location.for_writing(library, out)
    assert (where.place, where.folder, where.writable) == (Place.CHOSEN, out, True)
    (tmp_path / "ro-src").mkdir()
    with read_only_copy(tmp_path / "ro-src", tmp_path / "ro") as read_only:
        where = location.for_writing(library, read_only / "index")
        assert (where.place, where.writable) == (Place.CHOSEN, False)
        index = SearchIndex.open(library, where)
        try:
            with pytest.raises(SearchError, match="cannot be written"):
                index.update()
            assert index.index_dir == read_only / "index"
        finally:
            index.close()
    assert not home.exists()


@pytest.mark.parametrize("spoil", ["another version", "another library", "interrupted"])
def test_a_prebuilt_index_this_reader_cannot_use_is_left_as_it_is(
    prebuilt: Path, home: Path, spoil: str
) -> None:
    beside = prebuilt / PREBUILT_DIR_NAME
    manifest = beside / MANIFEST_NAME
    if spoil == "interrupted":
        (beside / DIRTY_NAME).write_text("an update is being written\n", encoding="utf-8")
    else:
        head, rest = manifest.read_text(encoding="utf-8").split("\n", 1)
        data = json.loads(head.removesuffix('"articles":{') + '"x":0}')
        key, value = ("schema", "0.old") if spoil == "another version" else ("library", "/else")
        head = head.replace(json.dumps(data[key]), json.dumps(value), 1)
        manifest.write_text(head + "\n" + rest, encoding="utf-8")
    before = files(beside)
    library = Library.scan(prebuilt)
    where = location.for_writing(library)
    assert where.place is Place.CACHE
    index = SearchIndex.open(library)  # the default: the same decision
    try:
        assert index.index_dir == where.folder
        assert index.update().added == 4
    finally:
        index.close()
    assert files(beside) == before


def test_a_damaged_prebuilt_index_is_left_as_it_is_and_the_index_kept_in_the_cache(
    prebuilt: Path, home: Path
) -> None:
    beside = prebuilt / PREBUILT_DIR_NAME
    whoosh = [p for p in beside.iterdir() if p.name != MANIFEST_NAME and "lock" not in p.name]
    biggest = max(whoosh, key=lambda p: p.stat().st_size)
    biggest.write_bytes(b"\0" * biggest.stat().st_size)  # the same size, its bytes gone
    before = files(beside)
    library = Library.scan(prebuilt)
    for where in (location.for_reading(library), location.for_writing(library)):
        assert where.place is Place.PREBUILT  # its manifest looks right
        instead = location.instead_of(where, library)
        assert instead is not None and instead.place is Place.CACHE
        index = SearchIndex.open(library, where, verify=True)
        try:
            assert index.index_dir == instead.folder
            if index.needs_update():
                index.update()
            assert index.search("b12").hits
        finally:
            index.close()
    assert files(beside) == before
    assert location.instead_of(location.cache(prebuilt), library) is None


# -- the kiosk ------------------------------------------------------------------------------------


def test_the_kiosk_reads_a_prebuilt_index_as_it_is_or_builds_one_of_its_own(
    prebuilt: Path, tmp_path: Path, home: Path
) -> None:
    library = Library.scan(prebuilt)
    where = location.for_kiosk(library)
    # never written, even where it could be
    assert (where.place, where.writable) == (Place.PREBUILT, False)
    index = SearchIndex.open_prebuilt(library, where)
    index.close()
    other = tmp_path / "other"
    shutil.copytree(FIXTURE, other)
    own = location.for_kiosk(Library.scan(other))
    try:
        assert own.place is Place.TEMPORARY and own.writable and own.notice is None
        assert own.folder.name.startswith("offline-reader-kiosk-")
        assert not own.folder.is_relative_to(home) and not own.folder.is_relative_to(other)
    finally:
        shutil.rmtree(own.folder)
    assert not home.exists()
