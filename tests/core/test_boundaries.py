"""The layers: the core stays Qt-free and only the search package knows Whoosh; the UI never
imports the command line, panes never import each other, the kiosk and the window share
one application module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import reader.core

CORE = Path(reader.core.__file__).parent
READER = CORE.parent


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


def test_only_the_search_package_imports_whoosh() -> None:
    package = READER / "core" / "search"
    files = {
        str(p.relative_to(READER.parent)): _imports(p)
        for p in sorted(READER.rglob("*.py"))
        if "__pycache__" not in p.parts
    }
    inside = {f for f in files if Path(f).is_relative_to(package.relative_to(READER.parent))}
    assert len(inside) >= 8 and len(files) > 2 * len(inside)
    assert any(i.startswith("whoosh.") for f in inside for i in files[f])  # the scan sees them
    offenders = {
        f: sorted(i for i in imps if i == "whoosh" or i.startswith("whoosh."))
        for f, imps in files.items()
        if f not in inside
    }
    assert {f: i for f, i in offenders.items() if i} == {}


# -- the UI's layers, read from every import statement (function-level ones too) ----------

UI = CORE.parent / "ui"
PANES = ("article_view", "library_pane", "references_pane", "search_pane", "sections_pane")


def _imports(path: Path, package: str | None = None) -> set[str]:
    """Every module a file imports, by its full dotted name (relative imports resolved
    against ``package``, by default the file's own)."""
    parts = package.split(".") if package else path.parent.relative_to(READER.parent).parts
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(parts[: len(parts) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_relative_imports_are_read_as_the_modules_they_name(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"  # as if it were reader/ui/kiosk/probe.py
    probe.write_text(
        "from . import window\nfrom ..search_pane import SearchPane\nfrom .. import app\n",
        encoding="utf-8",
    )
    found = _imports(probe, "reader.ui.kiosk")
    assert {"reader.ui.kiosk.window", "reader.ui.search_pane", "reader.ui.app"} <= found


def _ui_files() -> dict[str, set[str]]:
    return {
        str(p.relative_to(UI.parent.parent)): _imports(p)
        for p in sorted(UI.rglob("*.py"))
        if "__pycache__" not in p.parts
    }


def test_the_ui_never_imports_the_command_line() -> None:
    files = _ui_files()
    assert len(files) >= 10
    offenders = {
        f: sorted(i for i in imps if i.startswith("reader.cli")) for f, imps in files.items()
    }
    assert {f: i for f, i in offenders.items() if i} == {}


def test_panes_never_import_each_other() -> None:
    offenders = {}
    for pane in PANES:
        imports = _imports(UI / f"{pane}.py")
        others = sorted(
            i for i in imports for other in PANES if other != pane and i == f"reader.ui.{other}"
        )
        if others:
            offenders[pane] = others
    assert offenders == {}


def test_the_window_and_the_kiosk_share_the_application_without_a_circle() -> None:
    kiosk = {f: imps for f, imps in _ui_files().items() if "/kiosk/" in f}
    assert kiosk
    assert {f: "reader.ui.app" for f, imps in kiosk.items() if "reader.ui.app" in imps} == {}
    window_app = _imports(UI / "app.py")
    assert not any(i.startswith("reader.ui.kiosk") for i in window_app)
    assert "reader.ui.application" in window_app


def test_the_window_options_are_plain_data() -> None:
    assert not any(i.startswith("PySide6") for i in _imports(UI / "options.py"))


def test_what_the_window_is_built_from_never_imports_the_window() -> None:
    """The actions' and the look's tables and builders are given the window's handlers:
    only the application that opens the window imports it."""
    importers = {
        f
        for f, imps in _ui_files().items()
        if any(i.startswith("reader.ui.main_window") for i in imps)
    }
    assert importers == {"reader/ui/app.py"}
