"""The core stays Qt-free, and only the search module knows Whoosh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import reader.core

CORE = Path(reader.core.__file__).parent


def test_core_never_imports_pyside6() -> None:
    modules = sorted(
        "reader.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert len(modules) >= 5
    assert result.stdout.strip() == "", f"reader.core imported Qt: {result.stdout}"


def test_only_the_search_module_imports_whoosh() -> None:
    offenders = [
        str(p.relative_to(CORE))
        for p in CORE.rglob("*.py")
        if p.name != "search.py"
        and any(
            line.lstrip().startswith(("import whoosh", "from whoosh"))
            for line in p.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
