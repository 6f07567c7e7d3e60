"""Search relevance on the bundled library: do the words people type find the topic a nurse
would hand over? Hits in the top 1 and top 3 articles, and latency, against SQLite FTS5.

    .venv/bin/python benchmarks/search_relevance.py [--library DIR] [--with-rare]
        [--rounds N] [--show-misses]

Each query in :data:`QUERIES` names the articles a nurse would hand over for it (any of
them counts; so does the same topic from another source, read from each expected
article's ``other_sources``). A query "hits top 1" when the first article of the reader's
results is one of them, "top 3" when one is among the first three distinct articles.

The baseline, measured in the same run on the same sections: SQLite FTS5 (porter
tokenizer, bm25 with title 4, heading 2.5, body 1; the query's words all required, as
``search_bench.py`` runs it), its results grouped by article the same way.

``--with-rare`` also measures the library with MedQuAD's rare-disease and genetics sets
(GARD, GHR) added: a copy of the library in a temporary folder, imported and indexed
there (several minutes), so their effect on everyday queries can be read side by side.

The reader's figures use the library's prebuilt index (``library/.index``, made at
set-up) when it is up to date, else an index built into a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARCHIVE = ROOT / "resources" / "content" / "medquad" / "medquad-answered.tar.xz"

#: (what a person types, the articles a nurse would hand over), lay words first. Where two
#: sources name one topic differently (MedlinePlus "Obesity", NHLBI "Overweight and Obesity")
#: both are listed.
QUERIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("high sugar", ("hyperglycemia", "blood-sugar", "diabetes")),
    ("blood pressure pills", ("blood-pressure-medicines",)),
    ("chest pain", ("chest-pain",)),
    ("pink eye", ("pinkeye",)),
    ("belly pain child", ("abdominal-pain",)),
    ("pregnant bleeding", ("vaginal-bleeding", "health-problems-in-pregnancy", "miscarriage")),
    ("sore throat", ("sore-throat",)),
    ("rash on baby", ("rashes", "common-infant-and-newborn-problems", "skin-conditions")),
    ("ear infection", ("ear-infections",)),
    ("worms in stool", ("pinworms", "parasites-enterobiasis-also-known-as-pinworm-infection")),
    ("heart attack", ("heart-attack",)),
    ("diabetes", ("diabetes",)),
    ("vaccine", ("immunization", "vaccines", "childhood-immunization")),
    ("hiv", ("hiv-aids",)),
    ("sugar diabetes", ("diabetes", "diabetes-type-2")),
    ("flu", ("flu",)),
    ("flu shot", ("flu-shot",)),
    ("cold", ("common-cold",)),
    ("runny nose", ("common-cold", "hay-fever")),
    ("cough that won't go away", ("cough", "chronic-bronchitis")),
    ("can't sleep", ("insomnia", "sleep-disorders")),
    ("feeling sad all the time", ("depression",)),
    ("worried all the time", ("anxiety", "anxiety-disorders")),
    ("memory loss", ("memory", "alzheimer-s-disease", "dementia", "mild-cognitive-impairment")),
    ("stroke signs", ("stroke",)),
    ("headache", ("headache",)),
    ("back pain", ("back-pain",)),
    ("joint pain", ("arthritis", "joint-disorders")),
    ("high cholesterol", ("cholesterol", "high-blood-cholesterol")),
    ("overweight", ("obesity", "weight-control", "overweight-and-obesity")),
    ("quit smoking", ("quitting-smoking",)),
    ("asthma child", ("asthma-in-children",)),
    ("diarrhoea", ("diarrhea",)),
    ("throwing up", ("nausea-and-vomiting",)),
    ("constipation", ("constipation",)),
    ("heartburn", ("heartburn", "gerd")),
    ("kidney stones", ("kidney-stones", "kidney-stones-in-adults")),
    ("bladder infection", ("urinary-tract-infections", "urinary-tract-infection-in-adults")),
    ("burning when peeing", ("urinary-tract-infections", "urinary-tract-infection-in-adults")),
    ("yeast infection", ("yeast-infections",)),
    ("birth control", ("birth-control",)),
    ("morning sickness", ("nausea-and-vomiting", "pregnancy", "health-problems-in-pregnancy")),
    ("breastfeeding", ("breastfeeding",)),
    ("baby fever", ("fever", "common-infant-and-newborn-problems")),
    ("chicken pox", ("chickenpox",)),
    ("shingles", ("shingles",)),
    ("lice", ("head-lice", "lice")),
    ("bed bugs", ("bedbugs",)),
    ("tick bite", ("tick-bites", "lyme-disease")),
    ("dog bite", ("animal-bites",)),
    ("sunburn", ("sun-exposure", "burns")),
    ("broken bone", ("fractures",)),
    ("sprained ankle", ("sprains-and-strains", "ankle-injuries-and-disorders")),
    ("thin bones", ("osteoporosis",)),
    ("tb", ("tuberculosis",)),
    ("jaundice baby", ("jaundice", "common-infant-and-newborn-problems")),
    ("sugar test", ("blood-sugar", "a1c", "prediabetes")),
    ("low iron", ("anemia", "iron", "iron-deficiency-anemia")),
    ("tired all the time", ("fatigue", "chronic-fatigue-syndrome")),
    ("dizzy", ("dizziness-and-vertigo",)),
    ("fits", ("seizures", "epilepsy")),
    ("leaking urine", ("urinary-incontinence",)),
    ("bedwetting", ("bedwetting",)),
    ("toothache", ("tooth-disorders", "tooth-decay", "dental-health")),
    ("bleeding gums", ("gum-disease",)),
    ("bad breath", ("bad-breath",)),
    ("hair loss", ("hair-loss",)),
    ("itchy skin", ("itching", "skin-conditions")),
    ("food poisoning", ("foodborne-illness",)),
    ("stomach flu", ("gastroenteritis", "norovirus-infections", "viral-gastroenteritis")),
    ("hay fever", ("hay-fever",)),
    ("std", ("sexually-transmitted-diseases",)),
    ("irregular heartbeat", ("arrhythmia", "atrial-fibrillation")),
    ("blood clot in leg", ("deep-vein-thrombosis", "blood-clots")),
    ("breast lump", ("breast-cancer", "breast-diseases")),
    ("hot flashes", ("menopause",)),
    ("period pain", ("menstruation", "premenstrual-syndrome")),
    ("autism", ("autism-spectrum-disorder",)),
    ("high blood pressure", ("high-blood-pressure",)),
    ("kidney failure", ("kidney-failure",)),
    ("falls elderly", ("falls",)),
    ("short of breath", ("breathing-problems",)),
    ("water pills", ("blood-pressure-medicines", "heart-failure")),
    ("sugar low shaky", ("hypoglycemia",)),
)


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] if values else 0.0


def _accepted(library_root: Path) -> dict[str, set[str]]:
    """Each query's acceptable article ids: its expected ones and their other sources."""
    from reader.core.library import Library

    library = Library.scan(library_root)
    out: dict[str, set[str]] = {}
    missing: set[str] = set()
    for query, expected in QUERIES:
        ids: set[str] = set()
        for article_id in expected:
            if library.summary(article_id) is None:
                missing.add(article_id)
                continue
            ids.add(article_id)
            extra = dict(library.load(article_id).meta.extra)
            ids.update(i.strip() for i in extra.get("other_sources", "").split(",") if i.strip())
        out[query] = ids
    if missing:
        print(f"note: not in this library: {', '.join(sorted(missing))}", file=sys.stderr)
    return out


def _rank(ids: list[str], accepted: set[str]) -> int | None:
    distinct = list(dict.fromkeys(ids))
    return next((n for n, i in enumerate(distinct) if i in accepted), None)


def run_reader(root: Path, rounds: int) -> tuple[dict[str, list[str]], list[float]]:
    from reader.core.library import Library
    from reader.core.search import SearchIndex, default_index_dir

    library = Library.scan(root)
    ix = SearchIndex.open(library)
    if ix.needs_update() or ix.rebuilding:
        ix.close()
        # kept for the next run: .cache/relevance/<the library's folder hash>
        where = ROOT / ".cache" / "relevance" / default_index_dir(root).name
        print(f"updating an index of {root} in {where} ...", file=sys.stderr)
        ix = SearchIndex.open(library, where)
        ix.update()
    results: dict[str, list[str]] = {}
    times: list[float] = []
    for query, _ in QUERIES:
        ix.search(query, limit=20)  # warm
    for _ in range(rounds):
        for query, _ in QUERIES:
            t = time.perf_counter()
            found = ix.search(query, limit=20)
            times.append((time.perf_counter() - t) * 1000)
            results[query] = [h.article_id for h in found.hits]
    ix.close()
    return results, times


def run_fts5(root: Path, work: Path, rounds: int) -> tuple[dict[str, list[str]], list[float]]:
    from reader.core.article import read_article
    from reader.core.library import iter_article_files

    con = sqlite3.connect(work / "fts5.sqlite")
    con.execute(
        "CREATE VIRTUAL TABLE s USING fts5(article UNINDEXED, title, heading, body,"
        " tokenize='porter unicode61 remove_diacritics 2')"
    )
    rows = []
    for path in iter_article_files(root):
        try:
            art = read_article(path)
        except Exception:  # noqa: S112 - a broken file is skipped, as the reader does
            continue
        rows.extend((art.id, art.title, s.heading, s.text) for s in art.sections)
    with con:
        con.executemany("INSERT INTO s VALUES (?,?,?,?)", rows)
    con.execute("INSERT INTO s(s) VALUES('optimize')")
    sql = (
        "SELECT article, bm25(s, 4.0, 2.5, 1.0) AS r, snippet(s, 3, '[', ']', '…', 24) "
        "FROM s WHERE s MATCH ? ORDER BY r LIMIT 20"
    )

    def search(q: str) -> list[str]:
        words = " ".join(f'"{w}"' for w in q.replace('"', " ").split())
        try:
            return [r[0] for r in con.execute(sql, (words,)).fetchall()]
        except sqlite3.OperationalError:
            return []

    results: dict[str, list[str]] = {}
    times: list[float] = []
    for query, _ in QUERIES:
        search(query)
    for _ in range(rounds):
        for query, _ in QUERIES:
            t = time.perf_counter()
            results[query] = search(query)
            times.append((time.perf_counter() - t) * 1000)
    con.close()
    return results, times


def report(
    name: str,
    accepted: dict[str, set[str]],
    results: dict[str, list[str]],
    times: list[float],
    show_misses: bool,
) -> tuple[float, float, float]:
    n = len(QUERIES)
    top1 = top3 = 0
    misses: list[str] = []
    for query, _ in QUERIES:
        rank = _rank(results.get(query, []), accepted[query])
        top1 += rank == 0
        top3 += rank is not None and rank < 3
        if rank is None or rank >= 3:
            got = ", ".join(list(dict.fromkeys(results.get(query, [])))[:3]) or "nothing"
            misses.append(f"  {query!r}: got {got}")
    p50, p95 = _pct(times, 50), _pct(times, 95)
    print(
        f"| {name} | {top1}/{n} ({100 * top1 / n:.0f} %) | {top3}/{n} ({100 * top3 / n:.0f} %) "
        f"| {p50:.1f} | {p95:.1f} |"
    )
    if show_misses and misses:
        print("\n".join(misses))
    return top1 / n, p50, p95


def measure(root: Path, label: str, rounds: int, show_misses: bool) -> None:
    accepted = _accepted(root)
    with tempfile.TemporaryDirectory(prefix="relevance-") as tmp:
        work = Path(tmp)
        os.environ.setdefault("OFFLINE_READER_HOME", str(work / "home"))
        reader_results, reader_times = run_reader(root, rounds)
        fts_results, fts_times = run_fts5(root, work, rounds)
    print(f"\n{label}: {len(QUERIES)} queries, {rounds} timed round(s) each\n")
    print("| engine | top 1 | top 3 | p50 ms | p95 ms |\n|---|---|---|---|---|")
    _, r50, r95 = report("reader (Whoosh)", accepted, reader_results, reader_times, show_misses)
    _, f50, f95 = report("SQLite FTS5, all words", accepted, fts_results, fts_times, show_misses)
    print(
        f"\nlatency reader/FTS5: p50 {r50 / max(f50, 1e-9):.1f}x, p95 {r95 / max(f95, 1e-9):.1f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, default=ROOT / "library")
    parser.add_argument("--with-rare", action="store_true", help="also measure with GARD and GHR")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    root: Path = args.library
    measure(root, f"library {root}", args.rounds, args.show_misses)
    if args.with_rare:
        from reader.core.importers.medquad import import_medquad, parse_sources

        copy = ROOT / ".cache" / "relevance" / "with-rare"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".index"))
        result = import_medquad([ARCHIVE], copy, sources=parse_sources("GARD,GHR"))
        print(f"\nadded GARD and GHR: {result.summary()}", file=sys.stderr)
        measure(copy, "the same library with GARD and GHR", args.rounds, args.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
