"""Scanning a library: broken files are reported by name, the rest still loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import LibraryError
from reader.core.library import Library


def write(path: Path, article_id: str, title: str, collection: str = "Test") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\nid: {article_id}\ntitle: {title}\ncollection: {collection}\n---\n\nBody.\n",
        encoding="utf-8",
    )


def test_broken_files_are_reported_and_the_rest_loads(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.md", "one", "One")
    write(tmp_path / "b" / "two.md", "two", "Two", "Other")
    (tmp_path / "a" / "empty.md").write_bytes(b"")
    (tmp_path / "a" / "yaml.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    (tmp_path / "a" / "latin.md").write_bytes(b"---\nid: x\n---\n\xff\n")
    write(tmp_path / "b" / "dupe.md", "one", "Duplicate")
    library = Library.scan(tmp_path)
    assert sorted(s.id for s in library.summaries) == ["one", "two"]
    reported = {p.path.name: p for p in library.problems}
    assert set(reported) == {"empty.md", "yaml.md", "latin.md", "dupe.md"}
    assert reported["yaml.md"].line == 2
    assert "duplicate id" in reported["dupe.md"].message


def test_collections_group_articles(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.md", "one", "One", "Women's health")
    write(tmp_path / "a" / "two.md", "two", "Two", "Women's health")
    write(tmp_path / "b" / "three.md", "three", "Three", "Research")
    library = Library.scan(tmp_path)
    groups = {c.name: [a.id for a in c.articles] for c in library.collections()}
    assert groups == {"Research": ["three"], "Women's health": ["one", "two"]}


def test_find_by_id_or_path_and_load(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.md", "one", "One")
    library = Library.scan(tmp_path)
    assert library.find("one") is not None
    assert library.find(str(tmp_path / "a" / "one.md")) is not None
    assert library.find("nope") is None
    assert library.load("one").title == "One"
    with pytest.raises(LibraryError):
        library.load("nope")


def test_hidden_folders_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".index" / "x.md", "x", "X")
    write(tmp_path / "a" / "one.md", "one", "One")
    assert [s.id for s in Library.scan(tmp_path).summaries] == ["one"]


def test_missing_library_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="does not exist"):
        Library.scan(tmp_path / "nowhere")


def test_collections_follow_the_librarys_order_file_then_the_alphabet(tmp_path: Path) -> None:
    for collection in ("Zebra", "Research", "Health topics", "Alpha"):
        folder = tmp_path / collection.lower().replace(" ", "-")
        folder.mkdir()
        (folder / "a.md").write_text(
            f"---\nid: {folder.name}\ntitle: A\ncollection: {collection}\n---\n\nText.\n"
        )
    (tmp_path / "collections.txt").write_text("# order\nHealth topics\nNot here\nResearch\n")
    names = [c.name for c in Library.scan(tmp_path).collections()]
    assert names == ["Health topics", "Research", "Alpha", "Zebra"]
    (tmp_path / "collections.txt").unlink()
    assert [c.name for c in Library.scan(tmp_path).collections()] == sorted(names)
