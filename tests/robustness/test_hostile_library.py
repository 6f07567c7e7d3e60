"""Hostile or damaged entries in the library folder: link loops, links out of the library,
named pipes and devices, files swapped after the library was listed, duplicate keys,
direction-changing characters, and articles that are slow to parse.

The command-line cases run the installed command in a child process (bounded in time and
memory), so a hang or a runaway read fails the test instead of the test run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from robust_library import make_library

from reader.core.article import parse_article, read_article
from reader.core.check import check_library
from reader.core.errors import ArticleError
from reader.core.library import Library

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "---\nid: {id}\ntitle: {title}\ncollection: Tests\nlanguage: en\n---\n\n## Part\n\n{body}\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def hostile_library(root: Path) -> Path:
    """Three good articles beside a link loop, a dangling link, a link out of the library,
    a link to /dev/zero, a named pipe and a sub-folder that loops back to the library."""
    for n in range(3):
        write(
            root / "c" / f"good-{n}.md",
            ARTICLE.format(id=f"good-{n}", title=f"Good {n}", body="Zinc."),
        )
    (root / "c" / "loop.md").symlink_to("loop.md")
    (root / "c" / "ping.md").symlink_to("pong.md")
    (root / "c" / "pong.md").symlink_to("ping.md")
    (root / "c" / "dangling.md").symlink_to("nowhere.md")
    (root / "c" / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(root / "c" / "pipe.md")
    (root / "c" / "back").symlink_to("..")
    return root


BAD = {"loop.md", "ping.md", "pong.md", "dangling.md", "zero.md", "pipe.md"}


def run_cli(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OFFLINE_READER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
    code = limit + "from reader.cli.main import main; raise SystemExit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def test_a_bad_entry_is_reported_by_name_and_the_rest_of_the_library_loads(
    tmp_path: Path,
) -> None:
    root = hostile_library(tmp_path / "lib")
    library = Library.scan(root, tmp_path / "cache")
    assert [s.id for s in library.summaries] == ["good-0", "good-1", "good-2"]
    reported = {p.path.name: p.message for p in library.problems}
    assert set(reported) == BAD
    assert "loop" in reported["loop.md"]
    assert "outside the library" in reported["zero.md"]
    assert "named pipe" in reported["pipe.md"]
    assert "missing" in reported["dangling.md"]
    assert library.load("good-1").title == "Good 1"


@pytest.mark.parametrize("command", ["check", "index", "search"])
def test_every_command_runs_on_a_library_with_bad_entries(
    tmp_path: Path, private_home: Path, command: str
) -> None:
    root = hostile_library(tmp_path / "lib")
    args = [command, "--library", str(root)]
    if command == "search":
        args += ["zinc", "--json"]
    done = run_cli(*args, home=private_home)
    assert "Traceback" not in done.stderr, done.stderr
    if command == "check":
        assert done.returncode == 1  # broken entries: reported, not fatal
        for name in BAD:
            assert name in done.stdout
        assert "good-2: ok" in done.stdout
    elif command == "search":
        assert done.returncode == 0, done.stderr
        hits = json.loads(done.stdout)["hits"]
        assert {h["article_id"] for h in hits} == {"good-0", "good-1", "good-2"}
    else:
        assert "3 added" in done.stdout, done.stdout + done.stderr


def _swap(path: Path, target: str) -> None:
    path.unlink()
    path.symlink_to(target)


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "pipe", "outside"])
def test_a_file_swapped_after_listing_is_refused_when_opened(
    tmp_path: Path, private_home: Path, target: str
) -> None:
    """Listed as a good article, then replaced by a link to a device, a named pipe or a
    secret outside the library: opening it is refused at once, nothing of it is read."""
    root = make_library(tmp_path / "lib", 3)
    secret = write(
        tmp_path / "secret.txt", "---\nid: art-00001\ntitle: SECRET\ncollection: X\n---\n\nSECRET\n"
    )
    if target == "pipe":
        os.mkfifo(tmp_path / "fifo")
        target = str(tmp_path / "fifo")
    elif target == "outside":
        target = str(secret)
    child = f"""
import sys, time
from pathlib import Path
from reader.core.library import Library
from reader.core.errors import ArticleError
library = Library.scan(Path({str(root)!r}))
victim = library.summary("art-00001").path
victim.unlink()
victim.symlink_to({target!r})
start = time.monotonic()
try:
    article = library.load("art-00001")
except ArticleError as exc:
    print("REFUSED", exc, round(time.monotonic() - start, 2))
else:
    print("OPENED", article.title)
"""
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
    done = subprocess.run(
        [sys.executable, "-c", limit + child],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("REFUSED"), done.stdout
    assert "SECRET" not in done.stdout


def test_a_file_swapped_for_an_oversized_one_is_refused_without_reading_it(
    tmp_path: Path,
) -> None:
    root = make_library(tmp_path / "lib", 2)
    library = Library.scan(root)
    path = library.summaries[0].path
    with path.open("r+b") as f:
        f.truncate(64 * 1024 * 1024)  # sparse: 64 MB that take no room
    with pytest.raises(ArticleError, match="refused"):
        library.load(library.summaries[0].id)


def test_a_link_inside_the_library_still_opens(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib", 2)
    (root / "c0" / "art-00000.md").rename(root / "real.md.txt")
    (root / "c0" / "art-00000.md").symlink_to("../real.md.txt")
    library = Library.scan(root)
    assert library.load("art-00000").sections


def test_check_reports_a_named_pipe_and_duplicate_front_matter_keys(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    write(root / "c" / "ok.md", ARTICLE.format(id="ok", title="Fine", body="Text."))
    write(
        root / "c" / "twice.md",
        "---\nid: twice\ntitle: Real title\ncollection: Tests\ntitle: Spoofed title\n---\n\nText.\n",
    )
    os.mkfifo(root / "c" / "fifo.md")
    report = {c.path.name: c for c in check_library(root).articles}
    assert report["fifo.md"].broken
    assert "named pipe" in report["fifo.md"].problems[0].message
    twice = report["twice.md"]
    assert twice.broken
    assert any("'title' more than once" in p.message and p.line == 5 for p in twice.problems)
    assert not report["ok.md"].broken


BIDI = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "abc\u202efdp.exe" shows as "abcexe.pdf"


def test_direction_overrides_are_removed_from_titles_names_references_and_text(
    tmp_path: Path,
) -> None:
    text = (
        f'---\nid: bidi\ntitle: "Safe \u2066dose\u2069 {BIDI}gm 0001"\ncollection: Tests\n'
        f'authors:\n  - "Dr {BIDI}htimS"\njournal: "J {BIDI}lacideM"\n---\n\n'
        f"## Dose {BIDI}gm 5\n\nTake {BIDI}gm 0001 daily.[^a]\n\n"
        f"[^a]: {BIDI}nosrep A. Title. Journal. 2020.\n"
    )
    path = write(tmp_path / "lib" / "c" / "bidi.md", text)
    article = read_article(path)
    shown = [
        article.title,
        *article.meta.authors,
        article.meta.journal or "",
        *(s.heading for s in article.sections),
        *(b.text for s in article.sections for b in s.blocks),
        *(r.text for r in article.references),
        *(c.claim for c in article.citations),
    ]
    controls = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert not [s for s in shown if controls & set(s)]
    assert article.title == "Safe dose gm 0001"
    assert any("direction" in w.message for w in article.warnings)
    summary = Library.scan(tmp_path / "lib").summaries[0]
    assert summary.title == article.title and summary.authors == ("Dr htimS",)
    arabic = parse_article(ARTICLE.format(id="ar", title="فيتامين د", body="نص عربي."))
    assert arabic.title == "فيتامين د"
    assert not [w for w in arabic.warnings if "direction" in w.message]


def _parse_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        parse_article(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    "make",
    [
        # cited sentences in ONE paragraph (one a line): was quadratic
        lambda n: "\n".join(f"Claim {i} on iron.[^r{i % 9}]" for i in range(n)),
        # sentences that do not end (abbreviations) in one paragraph: was quadratic
        lambda n: "Dr. Smith e.g. said approx. no.\n" * (n // 5) + "End.[^r0]",
    ],
    ids=["cited-sentences", "abbreviations"],
)
def test_parsing_grows_in_proportion_to_the_paragraph_not_its_square(make: object) -> None:
    """Four times the sentences take about four times as long, not sixteen (a 148 KiB
    paragraph of 4,000 cited sentences took 73 s). Compared in one run, so the speed of
    the machine cancels out."""
    assert callable(make)
    refs = "\n".join(f"[^r{i}]: Ref {i}." for i in range(9))

    def article(n: int) -> str:
        return ARTICLE.format(id="slow", title="Slow", body=f"{make(n)}\n\n{refs}")

    small, large = _parse_seconds(article(600)), _parse_seconds(article(2400))
    assert parse_article(article(2400)).citations  # it was parsed, not refused
    assert large < 8 * max(small, 0.002), (small, large)


def test_import_jats_refuses_an_article_the_reader_would_refuse(
    tmp_path: Path, private_home: Path
) -> None:
    """A 25 MB article was reported as imported, though the reader then refused it."""
    source = (ROOT / "tests" / "fixtures" / "jats" / "article.xml").read_text(encoding="utf-8")
    padding = "<sec><title>Padding</title><p>" + "Iron and folate matter. " * 400_000 + "</p></sec>"
    big = tmp_path / "big.xml"
    big.write_text(source.replace("</body>", padding + "</body>", 1), encoding="utf-8")
    library = tmp_path / "lib"
    library.mkdir()
    done = run_cli(
        "import", "jats", str(big), "--collection", "Research", "--library", str(library),
        home=private_home,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert "failed" in done.stderr and "MiB" in done.stderr
    assert "1 imported" not in done.stdout
    assert list(library.rglob("*.md")) == []
