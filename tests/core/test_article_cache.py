"""Parsed articles kept on disk: an article read back from its entry is the article a fresh
parse gives, field by field; a damaged, foreign or stale entry is never used (the file is
parsed again and the entry rewritten); a kiosk's library reads prebuilt entries and writes
nothing; ``offline-reader prebuild`` makes and tidies the prebuilt ones."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

from reader.cli.main import main
from reader.core import article_cache
from reader.core.article import read_article
from reader.core.article_cache import (
    ArticleCache,
    cache_folder,
    decode_entry,
    encode,
    entry_name,
    prebuilt_folder,
)
from reader.core.library import Library
from reader.core.model import Article, BlockKind, RunKind
from reader.core.paths import checkout_library, user_cache_dir

BUNDLED = checkout_library()


def assert_same_article(got: Article, want: Article) -> None:
    """Equal field by field (a difference names the field, section and block)."""
    for f in dataclasses.fields(Article):
        if f.name != "sections":
            assert getattr(got, f.name) == getattr(want, f.name), f.name
    assert len(got.sections) == len(want.sections)
    for s_got, s_want in zip(got.sections, want.sections, strict=True):
        for f in dataclasses.fields(s_want):
            if f.name != "blocks":
                assert getattr(s_got, f.name) == getattr(s_want, f.name), (s_want.anchor, f.name)
        assert len(s_got.blocks) == len(s_want.blocks), s_want.anchor
        for n, (b_got, b_want) in enumerate(zip(s_got.blocks, s_want.blocks, strict=True)):
            assert b_got == b_want, (s_want.anchor, n)
    assert got == want


def sample_of_bundled_articles(library: Library) -> list[str]:
    """Articles of every shape the bundled library has: the largest, the seed, each
    collection's first, and those with tables, formulas, flagged claims, code, quotes,
    lists and warnings (found by parsing, not named here)."""
    by_size = sorted(library.summaries, key=lambda s: s.path.stat().st_size)
    chosen = {by_size[-1].id, by_size[-2].id, by_size[0].id}
    chosen |= {c.articles[0].id for c in library.collections()}
    if library.summary("exploring-the-connection-between-vitamin-b-12-in-breast-milk"):
        chosen.add("exploring-the-connection-between-vitamin-b-12-in-breast-milk")
    wanted: dict[str, Any] = {
        "table": lambda a: any(b.kind is BlockKind.TABLE for s in a.sections for b in s.blocks),
        "formula": lambda a: any(
            r.formula is not None for s in a.sections for b in s.blocks for r in b.runs
        ),
        "flagged": lambda a: bool(a.flagged),
        "warnings": lambda a: bool(a.warnings),
        "list": lambda a: any(b.kind is BlockKind.LIST_ITEM for s in a.sections for b in s.blocks),
        "script": lambda a: any(r.script for s in a.sections for b in s.blocks for r in b.runs),
        "uncertain": lambda a: bool(a.uncertain_headings),
    }
    for summary in by_size[::7]:  # every seventh article, small to large, until all found
        if not wanted:
            break
        article = read_article(summary.path)
        for name, test in list(wanted.items()):
            if test(article):
                chosen.add(summary.id)
                del wanted[name]
    return sorted(chosen)


@pytest.mark.skipif(BUNDLED is None or not BUNDLED.is_dir(), reason="no bundled library")
def test_bundled_articles_read_back_are_the_articles_a_fresh_parse_gives(
    tmp_path: Path,
) -> None:
    assert BUNDLED is not None
    library = Library.scan(BUNDLED)
    # Only the user cache here: whatever is prebuilt beside the bundled library is not used.
    mine = tmp_path / "parsed"
    library.parsed = ArticleCache([mine], write_to=mine)
    ids = sample_of_bundled_articles(library)
    assert len(ids) >= 8
    for article_id in ids:
        summary = library.summary(article_id)
        assert summary is not None
        fresh = read_article(summary.path, BUNDLED)
        first = library.load(article_id)  # parsed, and kept
        assert (mine / entry_name(fresh.content_hash)).is_file(), article_id
        kept = library.parsed.get(fresh.content_hash, summary.path)  # what load reads back
        assert kept is not None, article_id
        again = library.load(article_id)
        assert again is not first
        assert_same_article(kept, fresh)
        assert_same_article(first, fresh)
        assert_same_article(again, fresh)


ARTICLE = """\
---
id: shapes
title: "Every shape"
collection: Test
language: en
authors: [A. Writer, B. Writer]
published: 2021-02-03
journal: A Journal
extra_field: kept as an extra
flagged_claims:
  - claim: The Daily Paper says so
    names: The Daily Paper
    reason: no reference is from it
    kind: absent
  - claim: a sentence that is not there
    names: Nobody
    reason: none
uncertain_headings:
  - heading: Results
    placed_before: We found
    alternatives: [Later on, Elsewhere]
---

A lead with *emphasis*, **strong**, `code`, [a link](https://example.org/x), H[2]{.sub}O,
x[2]{.sup} and [a + b]{.math aria-label="a plus b" data-words="a plus b"}.[^one] The Daily Paper says so.

# Results

We found a table.[^two]

| Name | Value |
|------|-------|
| a    | 1[^one] |

> A quote.

1. First
2. Second
   - nested

```
code block
```

---

A citation with no reference.[^missing]

[^one]: Smith AB, Jones C. A title. J Abbrev. 2014;1(2):3-4. doi:10.1000/xyz
[^two]: Org. “Quoted title.” Website, 2021. https://example.org/page
[^three]: Never cited.
"""


def test_an_article_of_every_shape_survives_the_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "lib" / "test" / "shapes.md"
    path.parent.mkdir(parents=True)
    path.write_text(ARTICLE, encoding="utf-8")
    fresh = read_article(path)
    # the sample really has every shape
    runs = [r for s in fresh.sections for b in s.blocks for r in b.runs]
    assert {r.kind for r in runs} >= {RunKind.TEXT, RunKind.CODE, RunKind.CITE}
    assert any(r.formula and r.formula.words for r in runs) and any(r.script for r in runs)
    assert any(r.link for r in runs) and any(r.emphasis for r in runs)
    kinds = {b.kind for s in fresh.sections for b in s.blocks}
    assert {BlockKind.TABLE, BlockKind.QUOTE, BlockKind.LIST_ITEM, BlockKind.CODE} <= kinds
    assert fresh.flagged and fresh.uncertain_headings and fresh.warnings and fresh.meta.extra
    back = decode_entry(encode(fresh), fresh.content_hash, path)
    assert_same_article(back, fresh)
    # read from elsewhere (the library moved): the problems name the file where it is now
    moved = tmp_path / "elsewhere.md"
    back = decode_entry(encode(fresh), fresh.content_hash, moved)
    assert back.path == moved
    assert {p.path for p in back.warnings} == {moved}


def test_the_format_holds_every_field_of_the_model() -> None:
    """A field added to the model and not to the format would be lost on the way back: the
    cache then keeps nothing (so nothing is wrong), and this test says what to bring up to
    date in reader/core/article_cache.py."""
    for cls, names in article_cache.KNOWN_FIELDS.items():
        assert tuple(f.name for f in dataclasses.fields(cls)) == names, cls.__name__
    assert article_cache.COMPLETE


def test_with_a_field_the_format_lacks_nothing_is_kept_or_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, _, folder = library_with_one_article(tmp_path)
    fresh = library.load("shapes")
    assert (folder / entry_name(fresh.content_hash)).is_file()
    monkeypatch.setattr(article_cache, "COMPLETE", False)
    assert library.parsed is not None
    assert library.parsed.get(fresh.content_hash, fresh.path) is None
    (folder / entry_name(fresh.content_hash)).unlink()
    assert library.load("shapes") == fresh  # parsed, and not kept
    assert not (folder / entry_name(fresh.content_hash)).exists()
    assert main(["prebuild", "--library", str(tmp_path / "lib")]) == 2
    assert not prebuilt_folder(tmp_path / "lib").exists()


def library_with_one_article(tmp_path: Path) -> tuple[Library, Path, Path]:
    root = tmp_path / "lib"
    path = root / "test" / "shapes.md"
    path.parent.mkdir(parents=True)
    path.write_text(ARTICLE, encoding="utf-8")
    library = Library.scan(root, cache_dir=tmp_path / "cache")
    return library, path, cache_folder(tmp_path / "cache", root)


def damage_flip(raw: bytes) -> bytes:
    middle = len(raw) // 2
    return raw[:middle] + bytes([raw[middle] ^ 0xFF]) + raw[middle + 1 :]


def damage_types(raw: bytes) -> bytes:
    data = json.loads(zlib.decompress(raw))
    data["article"][1][0][3][0][1] = [[1, 2, 3, 4, 5, 6, 7, 8]]  # a run of numbers
    return zlib.compress(json.dumps(data).encode())


def damage_parser(raw: bytes) -> bytes:
    data = json.loads(zlib.decompress(raw))
    data["parser"] = "another reader"
    return zlib.compress(json.dumps(data).encode())


def damage_text(raw: bytes) -> bytes:
    data = json.loads(zlib.decompress(raw))
    data["article"][0][1] = "A title the file does not have"  # still well formed
    data["hash"] = "0" * 64
    return zlib.compress(json.dumps(data).encode())


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        damage_flip,  # a byte changed: the checksum does not match
        lambda raw: b"not an entry at all",
        lambda raw: zlib.compress(b"[1, 2, 3]"),
        lambda raw: zlib.compress(b"{" * 100_000),  # nested too deeply
        damage_types,
        damage_parser,
        damage_text,
    ],
    ids=["cut", "flipped", "garbage", "list", "deep", "types", "parser", "hash"],
)
def test_a_damaged_entry_is_not_used_and_is_written_again(tmp_path: Path, damage: Any) -> None:
    library, _, folder = library_with_one_article(tmp_path)
    fresh = library.load("shapes")
    entry = folder / entry_name(fresh.content_hash)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    again = library.load("shapes")
    assert_same_article(again, fresh)
    assert entry.read_bytes() == good  # rebuilt
    assert library.load("shapes") == fresh


def test_a_changed_file_is_parsed_again_not_read_back(tmp_path: Path) -> None:
    library, path, folder = library_with_one_article(tmp_path)
    before = library.load("shapes")
    path.write_text(ARTICLE.replace("We found a table.", "We found two tables."), "utf-8")
    after = library.load("shapes")
    assert after.section("results") is not None
    assert after.section("results").blocks[0].text.startswith("We found two tables.")  # type: ignore[union-attr]
    assert after.content_hash != before.content_hash
    assert (folder / entry_name(after.content_hash)).is_file()
    # the next start keeps only the entries of the articles as they are now
    (folder / "notes.txt").write_text("not an entry: left alone\n", encoding="utf-8")
    assert (folder / entry_name(before.content_hash)).is_file()
    again = Library.scan(path.parents[1], cache_dir=tmp_path / "cache")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["notes.txt", entry_name(after.content_hash)]
    )
    assert again.load("shapes") == after


def test_an_entry_is_read_within_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library, _, folder = library_with_one_article(tmp_path)
    fresh = library.load("shapes")
    entry = folder / entry_name(fresh.content_hash)
    # an entry that inflates past the limit is not inflated further
    monkeypatch.setattr(article_cache, "MAX_ENTRY_JSON_BYTES", 1000)
    assert ArticleCache([folder]).get(fresh.content_hash, fresh.path) is None
    monkeypatch.undo()
    # a file larger than the limit is not read at all
    monkeypatch.setattr(article_cache, "MAX_ENTRY_BYTES", 100)
    assert ArticleCache([folder]).get(fresh.content_hash, fresh.path) is None
    monkeypatch.undo()
    assert ArticleCache([folder]).get(fresh.content_hash, fresh.path) == fresh
    # a link in place of an entry is not followed
    target = tmp_path / "elsewhere"
    entry.rename(target)
    entry.symlink_to(target)
    assert ArticleCache([folder]).get(fresh.content_hash, fresh.path) is None


def test_without_a_cache_folder_prebuilt_entries_are_read_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    root = tmp_path / "lib"
    path = root / "test" / "shapes.md"
    path.parent.mkdir(parents=True)
    path.write_text(ARTICLE, encoding="utf-8")
    # no prebuilt entries: parsed, and nothing written anywhere
    kiosk = Library.scan(root)
    fresh = kiosk.load("shapes")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["lib", "shapes.md", "test"]
    # prebuilt: the entry is what is read (its title changed on purpose shows it)
    assert main(["prebuild", "--library", str(root)]) == 0
    entry = prebuilt_folder(root) / entry_name(fresh.content_hash)
    data = json.loads(zlib.decompress(entry.read_bytes()))
    data["article"][0][1] = "Read from the prebuilt entry"
    entry.write_bytes(zlib.compress(json.dumps(data, ensure_ascii=False).encode()))
    assert Library.scan(root).load("shapes").title == "Read from the prebuilt entry"
    # a window's library reads the prebuilt entry too, and writes nothing of its own
    window = Library.scan(root, cache_dir=tmp_path / "cache")
    assert window.load("shapes").title == "Read from the prebuilt entry"
    assert not cache_folder(tmp_path / "cache", root).exists()


def test_prebuild_parses_what_changed_and_removes_what_went(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    for n in range(3):
        path = root / "test" / f"a{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.replace("id: shapes", f"id: a{n}"), encoding="utf-8")
    (root / "test" / "broken.md").write_text("no front matter\n", encoding="utf-8")
    folder = prebuilt_folder(root)
    folder.mkdir()
    (folder / "notes.txt").write_text("not an entry: left alone\n", encoding="utf-8")
    assert main(["prebuild", "--library", str(root)]) == 0
    assert capsys.readouterr().out.startswith("3 parsed, 0 unchanged, 0 removed")
    assert main(["prebuild", "--library", str(root)]) == 0
    assert capsys.readouterr().out.startswith("0 parsed, 3 unchanged, 0 removed")
    (root / "test" / "a0.md").unlink()
    changed = root / "test" / "a1.md"
    changed.write_text(changed.read_text("utf-8").replace("A quote.", "Another."), "utf-8")
    kept = folder / entry_name(read_article(root / "test" / "a2.md").content_hash)
    kept.write_bytes(b"damaged")
    assert main(["prebuild", "--library", str(root)]) == 0
    # a1 (changed) and a2 (its entry damaged) parsed; the entries of a0 and the old a1 gone
    assert capsys.readouterr().out.startswith("2 parsed, 0 unchanged, 2 removed")
    assert len(list(folder.glob("*.json.z"))) == 2
    assert (folder / "notes.txt").is_file()
    library = Library.scan(root)
    for article_id in ("a1", "a2"):
        summary = library.summary(article_id)
        assert summary is not None
        fresh = read_article(summary.path)
        assert ArticleCache([folder]).get(fresh.content_hash, summary.path) == fresh


def test_the_windows_indexing_process_keeps_what_it_parsed_for_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    root = tmp_path / "lib"
    for n in range(3):
        path = root / "test" / f"a{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.replace("id: shapes", f"id: a{n}"), encoding="utf-8")
    assert main(["index", "--library", str(root), "--progress-json"]) == 0
    capsys.readouterr()
    window = Library.scan(root, cache_dir=user_cache_dir())
    assert window.parsed is not None
    for summary in window.summaries:
        fresh = read_article(summary.path)
        # the first open reads the entry the indexer wrote: no parse is left for the window
        assert window.parsed.get(fresh.content_hash, summary.path) == fresh
    # the plain command (a person's, or a kiosk's prebuilt index) writes none
    other = tmp_path / "other"
    shutil.copytree(root, other)
    assert main(["index", "--library", str(other), "--out", str(tmp_path / "idx")]) == 0
    assert not cache_folder(user_cache_dir(), other).exists()


def test_the_parsers_key_covers_every_module_the_parser_imports() -> None:
    """The key hashes the modules directly in reader/core: the parser must need no other
    module of the reader (one in a sub-package could change what a parse gives unseen)."""
    code = (
        "import sys, reader.core.article_cache\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('reader.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert "reader.core.article" in out
    modules = [m for m in out if m not in ("reader", "reader.core")]  # the packages
    outside = [m for m in modules if m.count(".") != 2 or not m.startswith("reader.core.")]
    assert outside == [], outside
