"""Damage inside index files, full disks and unwritable folders while indexing, and what
the search command prints: search never raises, wrong answers are found out by checksum,
a failed update leaves the last index (and nothing else) behind."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from robust_library import TOPICS, make_library

from reader.core.library import Library
from reader.core.search import MANIFEST_NAME, SearchIndex, default_index_dir

ROOT = Path(__file__).resolve().parents[2]
ROOT_USER = os.geteuid() == 0


def run_cli(
    *args: str, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        timeout=300,
        env={
            **os.environ,
            "OFFLINE_READER_HOME": str(home),
            "PYTHONPATH": str(ROOT),
            **(env or {}),
        },
        check=False,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "library", 60, paragraphs=6)


def build(root: Path) -> Path:
    ix = SearchIndex.open(Library.scan(root))
    ix.update()
    ix.close()
    return ix.index_dir


def answers(ix: SearchIndex) -> dict[str, set[str]]:
    return {w: {h.article_id for h in ix.search(w, limit=200).hits} for w in TOPICS}


def segment(index_dir: Path) -> Path:
    return max(index_dir.glob("*.seg"), key=lambda p: p.stat().st_size)


def test_a_damaged_compressed_block_never_escapes_search_and_starts_a_rebuild(
    library: Path,
) -> None:
    """A flipped bit in the stored text (zlib data): search() said nothing, it raised
    zlib.error; the CLI printed a traceback and no rebuild was started."""
    index_dir = build(library)
    good = SearchIndex.open(Library.scan(library))
    expected = answers(good)
    good.close()
    seg = segment(index_dir)
    data = bytearray(seg.read_bytes())
    streams = zlib_streams(data)
    assert len(streams) > 20
    for p in streams[5:-5]:
        data[p] ^= 0x01  # the zlib header no longer checks
    seg.write_bytes(bytes(data))

    ix = SearchIndex.open(Library.scan(library))  # as the window opens it: no checksums yet
    try:
        results = [ix.search(w) for w in TOPICS]  # never raises
        assert any(r.rebuilding for r in results)
        assert ix.damage and ix.needs_update()  # found out, and to be rebuilt
        ix.update()
        assert answers(ix) == expected
    finally:
        ix.close()


def zlib_streams(data: bytearray) -> list[int]:
    """Where compressed blocks (stored section text) start in a segment."""
    found = []
    for m in re.finditer(rb"\x78[\x01\x5e\x9c\xda]", data):
        try:
            zlib.decompressobj().decompress(bytes(data[m.start() : m.start() + 4096]))
        except zlib.error:
            continue
        found.append(m.start())
    return found


def test_the_search_command_rebuilds_a_damaged_index_instead_of_a_traceback(
    library: Path, private_home: Path
) -> None:
    index_dir = build(library)
    seg = segment(index_dir)
    data = bytearray(seg.read_bytes())
    for p in zlib_streams(data)[5:-5]:
        data[p] ^= 0x01
    seg.write_bytes(bytes(data))
    done = run_cli("search", "vitamin", "--json", "--library", str(library), home=private_home)
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    assert done.returncode == 0
    assert json.loads(done.stdout)["hits"]


def test_zeroed_blocks_inside_a_segment_are_found_by_checksum_and_rebuilt(library: Path) -> None:
    """16 KiB zeroed at 10 % of a segment: no error anywhere, but common words that are in
    the library answered "No articles match". The checksums in the manifest tell."""
    index_dir = build(library)
    good = SearchIndex.open(Library.scan(library))
    expected = answers(good)
    good.close()
    seg = segment(index_dir)
    data = bytearray(seg.read_bytes())
    at = len(data) // 10
    data[at : at + 16384] = bytes(16384)
    seg.write_bytes(bytes(data))
    size = seg.stat().st_size

    # a window opens first and checks later, on a worker: searching is never held up
    ix = SearchIndex.open(Library.scan(library))
    try:
        assert ix.damage is None  # sizes, manifest and trial search all look fine
        reason = ix.verify()
        assert reason and seg.name in reason
        assert ix.needs_update() and ix.search("vitamin").rebuilding
    finally:
        ix.close()

    # a command checks at once, and rebuilds
    ix = SearchIndex.open(Library.scan(library), verify=True)
    try:
        assert ix.damage and "checksum" in ix.damage
        ix.update()
        assert ix.verify() is None
        assert answers(ix) == expected
    finally:
        ix.close()
    assert size == len(data)


def test_checksums_are_kept_for_unchanged_files_and_cover_every_file(library: Path) -> None:
    index_dir = build(library)
    manifest = json.loads((index_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert set(manifest["digests"]) == set(manifest["files"]) and manifest["files"]
    (library / "c0" / "extra.md").write_text(
        "---\nid: extra\ntitle: Extra\ncollection: Nutrition\n---\n\nZinkoflux.\n",
        encoding="utf-8",
    )
    ix = SearchIndex.open(Library.scan(library), verify=True)
    try:
        ix.update()
        assert ix.verify() is None
        assert [h.article_id for h in ix.search("zinkoflux").hits] == ["extra"]
    finally:
        ix.close()
    after = json.loads((index_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    kept = set(manifest["files"]) & set(after["files"])
    assert all(after["digests"][n] == manifest["digests"][n] for n in kept)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_manifest_that_is_not_a_file_is_damage_not_a_hang(library: Path, kind: str) -> None:
    index_dir = build(library)
    manifest = index_dir / MANIFEST_NAME
    manifest.unlink()
    if kind == "fifo":
        os.mkfifo(manifest)
    else:
        manifest.symlink_to("/dev/zero")
    ix = SearchIndex.open(Library.scan(library))
    try:
        assert ix.damage and ix.needs_update()
    finally:
        ix.close()


# --- a full disk, read-only folders ----------------------------------------------------------


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    cmd = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)]
    return subprocess.run(cmd, capture_output=True, check=False).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    if not ROOT_USER or not _mount_tmpfs(where, "1500k"):
        pytest.skip("a full disk is simulated with a tiny tmpfs mount (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def test_a_full_disk_during_the_index_command_cleans_up_and_says_so_once(
    tmp_path: Path, small_disk: Path
) -> None:
    library = make_library(tmp_path / "library", 10, paragraphs=4)
    first = run_cli("index", "--library", str(library), home=small_disk)
    assert first.returncode == 0, first.stderr.decode()
    index_dir = small_disk / "cache" / "index" / default_index_dir(library).name
    before = {p.name for p in index_dir.iterdir()}
    more = make_library(tmp_path / "more", 400, seed=7, paragraphs=12)
    for path in more.rglob("*.md"):
        text = path.read_text(encoding="utf-8").replace("id: art-", "id: more-")
        (library / "c0" / path.name.replace("art-", "more-")).write_text(text, encoding="utf-8")
    full = run_cli("index", "--library", str(library), home=small_disk)
    err = full.stderr.decode()
    assert full.returncode == 2
    assert "Traceback" not in err, err
    assert err.count("is full") == 1 and "No space left" not in err, err
    assert "the last index is still used" in err
    assert {p.name for p in index_dir.iterdir()} == before  # no partial segment left
    search = run_cli("search", "vitamin", "--json", "--library", str(library), home=small_disk)
    assert json.loads(search.stdout)["hits"]


def test_no_temporary_index_folder_is_left_after_a_run_with_nothing_writable(
    tmp_path: Path,
) -> None:
    library = make_library(tmp_path / "library", 8, paragraphs=4)
    home = tmp_path / "home"
    home.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    if ROOT_USER:  # chmod does not stop root: read-only bind mounts do
        for folder in (library, home):
            subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
            remount = ["mount", "-o", "remount,bind,ro", str(folder)]
            if subprocess.run(remount, capture_output=True, check=False).returncode:
                pytest.skip("read-only bind mounts are not allowed here")
    else:
        subprocess.run(["chmod", "-R", "a-w", str(library), str(home)], check=True)
    try:
        for args in (["index"], ["search", "vitamin"]):
            done = run_cli(*args, "--library", str(library), home=home, env={"TMPDIR": str(temp)})
            assert done.returncode == 0, done.stderr.decode()
            assert list(temp.iterdir()) == []
    finally:
        if ROOT_USER:
            for folder in (library, home):
                subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
        else:
            subprocess.run(["chmod", "-R", "u+w", str(library), str(home)], check=True)


def test_search_json_is_valid_utf8_whatever_bytes_the_query_holds(
    library: Path, private_home: Path
) -> None:
    build(library)
    raw = b"vitamin \xff\xfe caf\xe9"  # Latin-1 bytes in a UTF-8 world
    for locale in ("C.UTF-8", "C"):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "reader",
                "search",
                os.fsdecode(raw),
                "--json",
                "--library",
                str(library),
            ],
            capture_output=True,
            timeout=300,
            env={
                **os.environ,
                "OFFLINE_READER_HOME": str(private_home),
                "PYTHONPATH": str(ROOT),
                "LC_ALL": locale,
                "PYTHONIOENCODING": "",
            },
            check=False,
        )
        assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
        data = json.loads(done.stdout.decode("utf-8"))  # strict: raises on invalid UTF-8
        assert data["query"].startswith("vitamin ")
        assert data["hits"]


def test_a_total_is_never_reported_for_a_search_that_found_nothing(tmp_path: Path) -> None:
    """'ka lo mi' said "total 161" beside 0 hits and "No articles match": Whoosh's estimate
    counts sections of articles that were removed since (until segments are merged)."""
    root = tmp_path / "library"
    folder = root / "c"
    folder.mkdir(parents=True)
    words = ["ka", "lo", "mi"]
    for n in range(600):
        body = " ".join([words[n % 3], "kosa"] * 3) if n < 300 else "kosa vitamin"
        (folder / f"a{n}.md").write_text(
            f"---\nid: a{n}\ntitle: Words {n}\ncollection: C\n---\n\n## One\n\n{body}.\n",
            encoding="utf-8",
        )
    ix = SearchIndex.open(Library.scan(root), tmp_path / "ix")
    try:
        ix.update()
        assert ix.search("ka").hits
        for n in range(300):  # the articles with those words are removed; one is added
            (folder / f"a{n}.md").unlink()
        (folder / "new.md").write_text(
            "---\nid: new\ntitle: New\ncollection: C\n---\n\n## One\n\nZinc.\n", encoding="utf-8"
        )
        ix.library = Library.scan(root)
        ix.update()
        for query in ("ka lo mi", "ka", "ka lo", "kosa ka"):
            results = ix.search(query, limit=10)
            assert results.total >= len(results.hits)
            if not results.hits:
                assert results.total == 0, (query, results.total, results.message)
    finally:
        ix.close()
