"""Every sentence the core can show a person in the window is translatable, and has Spanish.

The core is Qt-free, so it marks what it says with ``QT_TRANSLATE_NOOP`` (see
``reader.core.texts``); the window translates it. A scanner reads the core's source
(``ast``) and fails on an error raised, or a warning returned, with an English literal or
f-string that is not so marked; then every marked template must have a finished Spanish
translation in ``reader/i18n/reader_es.ts`` whose ``{placeholders}`` are the English ones.

Left out on purpose: ``reader/core/importers`` (imports run only on the command line,
which speaks English) and errors that are not for people (``ValueError``/``KeyError``
between the core's own functions, caught and reworded before anyone sees them).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from defusedxml.ElementTree import parse as parse_xml

from reader.core.errors import ArticleError, LibraryError, SettingsError
from reader.core.index_wire import IndexerOutcome, decode_line, encode_failed
from reader.core.kiosk import load_kiosk_config
from reader.core.texts import Text, text_from_json

REPO = Path(__file__).resolve().parents[2]
CORE = REPO / "reader" / "core"
TS_ES = REPO / "reader" / "i18n" / "reader_es.ts"
#: Only the command line uses these (it prints English).
COMMAND_LINE_ONLY = ("importers",)

#: Constructors of the errors and warnings a person sees; every string argument of theirs
#: that has words must be a marked sentence.
MESSAGE_CALLS = frozenset(
    {
        "ReaderError", "ArticleError", "LibraryError", "SearchError", "SettingsError",
        "ImporterError", "UnsafeFileError", "NotRegularFileError", "OutsideFolderError",
        "UndecodableTextError", "Reading", "fail", "_set_aside", "_broken_front_matter",
    }
)  # fmt: skip
_WORDS = re.compile(r"[A-Za-z]{3,}")
_FIELD = re.compile(r"\{(\w+)[^{}]*\}")


def _english(node: ast.AST) -> bool:
    """A literal, f-string or concatenation holding English words (not a marked text)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_english(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _english(node.left) or _english(node.right)
    if isinstance(node, ast.Tuple | ast.List):
        return any(_english(e) for e in node.elts)
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _core_files() -> list[Path]:
    return sorted(
        p
        for p in CORE.rglob("*.py")
        if "__pycache__" not in p.parts and not any(part in p.parts for part in COMMAND_LINE_ONLY)
    )


def untranslated_messages(path: Path, root: Path = REPO) -> list[str]:
    """``file:line: source`` of each message for people written as plain English."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    rel = path.relative_to(root)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        arguments: list[ast.AST] = []
        if name == "fail":  # fail(key, message): the key is a name, not words
            arguments = list(node.args[1:])
        elif name in MESSAGE_CALLS:
            arguments = [*node.args, *(k.value for k in node.keywords)]
        elif name == "append" and _name(getattr(node.func, "value", node.func)) == "warnings":
            arguments = list(node.args)  # warnings.append("…")
        arguments += [k.value for k in node.keywords if k.arg == "warnings"]
        found += [f"{rel}:{node.lineno}: {ast.unparse(a)[:80]}" for a in arguments if _english(a)]
    for node in ast.walk(tree):  # return DEFAULTS, ("a warning",)
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
            for element in node.value.elts[1:]:
                sentences = isinstance(element, ast.Tuple) and all(
                    isinstance(e, ast.Constant | ast.JoinedStr) for e in element.elts
                )
                if sentences and _english(element):
                    found.append(f"{rel}:{node.lineno}: {ast.unparse(element)[:80]}")
    return found


def marked_templates(path: Path) -> list[tuple[str, str, int]]:
    """(context, template, line) of every ``QT_TRANSLATE_NOOP("ctx", "…")`` in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) == "QT_TRANSLATE_NOOP":
            context, template = (ast.literal_eval(a) for a in node.args[:2])
            out.append((context, template, node.lineno))
    return out


def spanish() -> dict[tuple[str, str], str]:
    """(context, source) -> the finished Spanish translation."""
    found: dict[tuple[str, str], str] = {}
    for context in parse_xml(TS_ES).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            found[(name, message.findtext("source") or "")] = translation.text or ""
    return found


def test_the_scanner_sees_an_english_error_and_accepts_a_marked_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from reader.core.errors import LibraryError\n"
        "from reader.core.texts import QT_TRANSLATE_NOOP\n"
        "def a(root):\n"
        '    raise LibraryError(f"the library folder {root} is gone")\n'
        "def b(root):\n"
        '    raise LibraryError(QT_TRANSLATE_NOOP("LibraryError", "{root} is gone").format(root=root))\n'
        "def c(path):\n"
        '    return None, (f"the settings file {path} is damaged",)\n',
        encoding="utf-8",
    )
    found = untranslated_messages(sample, tmp_path)
    assert [f.split(": ", 1)[0].rsplit(":", 1)[1] for f in found] == ["4", "8"]


def test_every_error_and_warning_of_the_core_is_marked_for_translation() -> None:
    found = [line for path in _core_files() for line in untranslated_messages(path)]
    assert not found, "write these with QT_TRANSLATE_NOOP (reader.core.texts):\n" + "\n".join(found)


def test_every_sentence_of_the_core_has_spanish_with_the_same_placeholders() -> None:
    translations = spanish()
    missing: list[str] = []
    for path in _core_files():
        for context, template, line in marked_templates(path):
            where = f"{path.relative_to(REPO)}:{line}: [{context}] {template!r}"
            es = translations.get((context, template))
            if not es:
                missing.append(f"{where}: no Spanish")
            elif sorted(_FIELD.findall(es)) != sorted(_FIELD.findall(template)):
                missing.append(f"{where}: placeholders differ in {es!r}")
    assert len(missing) == 0, "\n".join(missing)


def test_an_error_keeps_its_translatable_sentence_and_its_english() -> None:
    error = ArticleError(Path("/lib/a.md"), "x", line=3)
    assert str(error) == "/lib/a.md:3: x"
    assert isinstance(error.text, Text) and error.text.template == "{file}:{line}: {problem}"
    try:
        load_kiosk_config(Path("/nonexistent/kiosk.toml"))
    except SettingsError as exc:
        assert str(exc) == (
            "/nonexistent/kiosk.toml: the kiosk configuration cannot be read: "
            "No such file or directory"
        )
        assert isinstance(exc.text, Text)
        reason = exc.text.values["reason"]
        assert isinstance(reason, Text) and reason.context == "OSError"
    else:
        raise AssertionError("a missing configuration must be an error")
    assert LibraryError("plain words").text == "plain words"  # an unmarked one stays as it is


def test_a_sentence_crosses_the_indexers_wire_whole() -> None:
    inner = Text("OSError", "No space left on device")
    message = Text("SearchError", "the index in {folder} could not be updated: {reason}").format(
        folder=Path("/idx"), reason=inner
    )
    outcome = decode_line(encode_failed(message))
    assert isinstance(outcome, IndexerOutcome)
    failure = outcome.failure
    assert isinstance(failure, Text) and failure == message
    assert isinstance(failure.values["reason"], Text)
    # bad data on the wire is no text, never an exception
    assert text_from_json({"context": "x", "template": "{a}", "values": {"b": 1}}) is None
    assert text_from_json({"context": "x", "template": "{a}", "values": {"a": [1]}}) is None
    deep: object = "x"
    for _ in range(10):
        deep = {"context": "c", "template": "{v}", "values": {"v": deep}}
    assert text_from_json(deep) is None
    assert decode_line(json.dumps({"phase": "failed", "message": "plain"})) == IndexerOutcome(
        failure="plain"
    )


def test_every_bundled_topic_group_has_a_translatable_name() -> None:
    from reader.core.topics import GROUP_NAMES, group_name, topic_groups

    names = [g.name for g in topic_groups()]
    assert names and [n for n in names if n not in GROUP_NAMES] == []
    assert all(isinstance(group_name(n), Text) for n in names)
    assert group_name("A group of a library's own") == "A group of a library's own"
