"""Import the committed MedQuAD archive's general health topics into the bundled library.

The archive (``resources/content/medquad/medquad-answered.tar.xz``, CC BY 4.0) is part of
the repository; the Markdown made from it is not: it is written at set-up into one folder
per source under ``library/`` (git-ignored) by ``offline-reader import medquad``, with the
general health sources only (MedlinePlus, NIDDK, NHLBI, NINDS, CDC, NIHSeniorHealth,
cancer.gov). The rare-disease and genetics sets (GARD, GHR) are left out of the bundled
library: measured with ``benchmarks/search_relevance.py --with-rare``, they push rare
syndromes above the common topic for everyday words and triple the index build.

Safe to run again: a stamp records the archive's hash and the importer's fingerprint;
when they match and the articles are there, nothing is done. Articles of an earlier
import that the new one no longer makes are removed.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.importers import collection_folder, medquad  # noqa: E402

ARCHIVE = ROOT / "resources" / "content" / "medquad" / "medquad-answered.tar.xz"
ARCHIVE_SHA256 = "b03e7868de8d69ea5ab82ad11f8870a281ade49b4ec2a687a8186ca927bcb900"
LIBRARY = ROOT / "library"
STAMP = ROOT / ".cache" / "medquad" / "imported.stamp"
SOURCES = medquad.GENERAL_SOURCES


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint() -> str:
    digest = hashlib.sha256(medquad.IMPORTER_VERSION.encode())
    for module in (medquad, sys.modules["reader.core.importers"]):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(",".join(sorted(SOURCES)).encode())
    return digest.hexdigest()[:16]


def folders() -> list[Path]:
    return [LIBRARY / collection_folder(s.collection) for s in medquad.SOURCES if s.key in SOURCES]


def main() -> int:
    actual = sha256(ARCHIVE)
    if actual != ARCHIVE_SHA256:
        raise SystemExit(
            f"import_medquad: {ARCHIVE} has SHA-256 {actual}, expected {ARCHIVE_SHA256}"
        )
    stamp = f"{ARCHIVE_SHA256} {fingerprint()}\n"
    present = sorted(p for folder in folders() if folder.is_dir() for p in folder.glob("*.md"))
    if STAMP.is_file() and STAMP.read_text() == stamp and present:
        expected = int(STAMP.with_suffix(".count").read_text() or 0)
        if len(present) == expected:
            print(f"import_medquad: {len(present)} health topics already in {LIBRARY}")
            return 0
    result = medquad.import_medquad([ARCHIVE], LIBRARY, sources=SOURCES)
    written = set(result.articles.values())
    for stale in present:
        if stale not in written:
            stale.unlink()
    for report in result.failed:
        print(report.line())
    print(f"import_medquad: {result.summary()}")
    STAMP.parent.mkdir(parents=True, exist_ok=True)
    STAMP.with_suffix(".count").write_text(f"{len(written)}\n")
    STAMP.write_text(stamp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
