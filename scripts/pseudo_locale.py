"""A right-to-left pseudo-translation of the interface, for testing layouts (never shipped).

    .venv/bin/python scripts/pseudo_locale.py OUT_DIR     # writes OUT_DIR/reader_ar.qm

Every message of ``reader/i18n/reader_es.ts`` (which lists them all) becomes its English
text with accented letters and a third longer ("Search" -> "[Śéàŕçĥ ~~]"), placeholders,
accelerators and HTML tags kept, under the code ``ar``: the interface then runs right to
left with longer words, which shows mirroring and text that would not fit a translation.
The words are not Arabic: no real translation is pretended.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET  # building our own file; parsing is defusedxml's
from pathlib import Path

from defusedxml.ElementTree import parse as parse_xml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "reader" / "i18n" / "reader_es.ts"
CODE = "ar"
_ACCENTS = str.maketrans("aceinorsuyzACEINORSUYZ", "áçéîñöŕšûýžÁÇÉÎÑÖŔŠÛÝŽ")
_KEEP = re.compile(r"(%\d|%n|\{\w+\}|<[^>]*>|&[a-z]+;|&(?=\w))")


def pseudo(text: str) -> str:
    """``text`` accented and padded, every placeholder, tag and accelerator kept."""
    parts = _KEEP.split(text)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in parts if p)
    letters = sum(c.isalpha() for c in text)
    return f"[{out} {'~' * max(1, letters // 3)}]" if letters else text


def write_ts(target: Path) -> None:
    tree = parse_xml(SOURCE)
    root = tree.getroot()
    root.set("language", CODE)
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for form in list(translation):
            translation.remove(form)
        if message.get("numerus") == "yes":
            translation.text = None
            for _ in range(6):  # Arabic has six plural forms
                ET.SubElement(translation, "numerusform").text = pseudo(source)
        else:
            translation.text = pseudo(source)
    tree.write(target, encoding="utf-8", xml_declaration=True)


def build(out_dir: Path) -> Path:
    """Write ``out_dir/reader_ar.ts`` and compile ``reader_ar.qm``; return the .qm."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ts = out_dir / f"reader_{CODE}.ts"
    qm = ts.with_suffix(".qm")
    write_ts(ts)
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
