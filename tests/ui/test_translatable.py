"""Every word the interface shows or speaks is translatable, and Spanish is complete.

A scanner reads the UI modules' source (``ast``) and fails on any text literal or f-string
with words that reaches a widget — a label, a button, a menu, a tool tip, an accessible
name or description, a status or spoken message — without passing through ``tr()``,
``QCoreApplication.translate()`` or ``translated()``. A line that shows text which is not
for translation (a language's own name, a number) says so with ``# notr``.
Then the translation sources must match the code and Spanish must have no unfinished or
missing message.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET  # the Element type; parsing is defusedxml's
from pathlib import Path

from defusedxml.ElementTree import parse as parse_xml

REPO = Path(__file__).resolve().parents[2]
UI = REPO / "reader" / "ui"
TS_ES = REPO / "reader" / "i18n" / "reader_es.ts"

#: Methods whose string arguments a person sees or hears.
TEXT_METHODS = frozenset(
    {
        "setText", "setAccessibleName", "setAccessibleDescription", "setToolTip",
        "setPlaceholderText", "setWindowTitle", "setTitle", "addMenu", "setStatusTip",
        "setWhatsThis", "setHtml", "setPlainText", "setItemText", "addItem", "insertItem",
        "setHeaderLabels", "setHorizontalHeaderLabels", "setLabelText", "setTabText",
        "addTab", "setSuffix", "setPrefix", "setSpecialValueText", "showMessage",
        "show_status", "set_message", "_say", "announce", "set_accessible", "_button",
        "_key", "setItemData", "setData", "setFormat", "setNameFilter",
    }
)  # fmt: skip
#: Widgets (and items) whose constructor's string arguments are shown.
TEXT_CLASSES = frozenset(
    {
        "QAction", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton",
        "QGroupBox", "QDockWidget", "QToolBar", "QMenu", "QListWidgetItem",
        "QTreeWidgetItem", "QStandardItem", "QMessageBox", "QLineEdit", "QTableWidgetItem",
        "StatusMessage",
    }
)  # fmt: skip
#: Calls that make a text translatable.
TRANSLATING = frozenset({"tr", "translate", "translated", "_tr", "qtr"})
_WORDS = re.compile(r"[A-Za-z]{2,}")


def _has_words(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.Constant) and isinstance(v.value, str) and _WORDS.search(v.value)
            for v in node.values
        )
    if isinstance(node, ast.BinOp):  # "a" + b, "%s" % x
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.IfExp):
        return _has_words(node.body) or _has_words(node.orelse)
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def untranslated(path: Path, root: Path = REPO) -> list[str]:
    """``file:line: text`` of every literal with words passed to a widget untranslated."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name not in TEXT_METHODS and name not in TEXT_CLASSES:
            continue
        if name in ("setData", "setItemData", "insertItem", "setItemText", "setTabText"):
            args = node.args[1:2]  # the text, not the index (nor, for data, the role)
        elif name == "addItem":
            args = node.args[:1]  # the text, not the item's data
        else:
            args = [*node.args, *(k.value for k in node.keywords)]
        for arg in args:
            if not _has_words(arg):
                continue
            line = lines[arg.lineno - 1]
            if "# notr" in line:
                continue
            rel = path.relative_to(root)
            found.append(f"{rel}:{arg.lineno}: {ast.unparse(arg)[:70]}")
    return found


def test_no_untranslated_text_reaches_a_widget() -> None:
    problems = [p for path in sorted(UI.rglob("*.py")) for p in untranslated(path)]
    assert problems == [], "text shown or spoken without tr():\n" + "\n".join(problems)


def test_the_scanner_finds_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label.setText('Search the library')\n"
        "button = QPushButton(f'{n} results found', self)\n"
        "label.setText(self.tr('Search the library'))\n"
        "label.setText(QCoreApplication.translate('Pane', 'Open'))\n"
        "label.setText('100 %')\n"
        "label.setText('Español / English')  # notr\n",
        encoding="utf-8",
    )
    assert [p.split(":")[1] for p in untranslated(sample, tmp_path)] == ["1", "2"]


def _messages(ts: Path) -> list[ET.Element]:
    return list(parse_xml(ts).getroot().iter("message"))


def test_the_translation_sources_match_the_code() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_spanish_is_complete() -> None:
    messages = _messages(TS_ES)
    assert len(messages) > 10
    unfinished = []
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None, source
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if message.get("numerus") == "yes":
            done = bool(forms) and all(f.strip() for f in forms)
        else:
            done = bool((translation.text or "").strip())
        if not done or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            unfinished.append(source)
    assert unfinished == [], f"{len(unfinished)} Spanish messages unfinished: {unfinished[:20]}"


def test_spanish_keeps_every_placeholder() -> None:
    wrong = []
    for message in _messages(TS_ES):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        wanted = sorted(re.findall(r"%\d|%n|\{\w+\}", source))
        for form in forms:
            got = sorted(re.findall(r"%\d|%n|\{\w+\}", form))
            # a numerus form may leave out %n ("un artículo")
            if got != wanted and not (message.get("numerus") == "yes" and set(got) <= set(wanted)):
                wrong.append((source, form))
    assert wrong == []


def test_a_text_moved_to_another_class_keeps_its_translation() -> None:
    spec = importlib.util.spec_from_file_location(
        "update_ts", REPO / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    update_ts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update_ts)

    def message(source: str, translation: str, kind: str = "") -> str:
        return f"<message>\n<source>{source}</source>\n<translation{kind}>{translation}</translation>\n</message>"

    before = "".join(
        (
            message("Font", "Letra"),
            message("Back", "Atrás"),
            message("Back", "Volver"),  # two translations: one must be chosen by a person
        )
    )
    after = message("Font", "", ' type="unfinished"') + message("Back", "", ' type="unfinished"')
    done = update_ts.carry_over(after, update_ts.translations_by_text(before))
    assert done == message("Font", "Letra") + message("Back", "", ' type="unfinished"')
