"""MathML (as found in JATS articles) -> a formula in readable linear form.

A formula becomes three things, made from one small tree:

- ``markdown``: the linear form as library Markdown. Sub- and superscripts are
  bracketed spans, ``[ij]{.sub}`` and ``[2]{.sup}`` (the attributes syntax of
  mdit-py-plugins' ``attrs`` plugin), which the reader shows as real sub- and
  superscripts; every other character is escaped, so no formula can make markup.
- ``text``: the same linear form as plain text (what the reader shows, without the
  raising and lowering): ``νij(t, τ) = v⃗i(t)/|v⃗i(t)|``.
- ``words``: what a screen reader says, in any language: words of
  :mod:`reader.core.formula_words` (``~sub``, ``~fraction``, ``~nu``) and the formula's
  own text, which the reader puts into the interface's language;
- ``spoken``: those words in English: ``nu sub i j of t, tau equals vector v sub i of t,
  over …``.

:func:`formula_markdown` wraps the linear form in
``[…]{.math aria-label="spoken" data-words="words"}``: the reader knows where a formula
is and what to say for it.

Reading is bounded: a formula nested deeper than :data:`MAX_MATH_DEPTH` or longer than
:data:`MAX_MATH_NODES` elements is not laid out; its characters are kept as plain text
(nothing is lost) and :attr:`LinearFormula.problem` says why.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.core.formula_words import SEPARATOR, greek_key, literal, say, word
from reader.core.importers import escape_markdown

#: Deeper MathML nesting is not laid out (real formulas nest < 20 levels).
MAX_MATH_DEPTH = 40
#: A formula with more elements than this is kept as plain text.
MAX_MATH_NODES = 20_000
#: The spoken form is cut after this many characters.
MAX_SPOKEN_CHARS = 2_000

_WS = re.compile(r"\s+")

# --- the tree ----------------------------------------------------------------------------


@dataclass
class _Atom:
    text: str
    kind: str  # "mi" | "mn" | "mo" | "mtext" | "space"


@dataclass
class _Script:
    base: _Node
    sub: _Node | None = None
    sup: _Node | None = None


@dataclass
class _Frac:
    num: _Node
    den: _Node


@dataclass
class _Root:
    body: _Node
    index: _Node | None = None


@dataclass
class _Accent:
    base: _Node
    mark: str  # the accent character, e.g. "→" or "‾"
    under: bool = False


@dataclass
class _Limits:
    """An operator with limits below and/or above (∑ from k = 1 to n)."""

    base: _Node
    under: _Node | None = None
    over: _Node | None = None


@dataclass
class _Row:
    items: list[_Node] = field(default_factory=list)


@dataclass
class _Table:
    rows: list[list[_Node]] = field(default_factory=list)


_Node = _Atom | _Script | _Frac | _Root | _Accent | _Limits | _Row | _Table


class MathTooComplexError(Exception):
    """The formula is nested too deeply or is too long to lay out."""


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060-\u2064\ufeff]")


def _token_text(elem: ET.Element) -> str:
    return _WS.sub(" ", _INVISIBLE.sub("", "".join(elem.itertext()))).strip()


_ACCENTS = {
    "→": "\u20d7",  # combining right arrow above: a vector
    "⟶": "\u20d7",
    "⃗": "\u20d7",
    "‾": "\u0305",  # combining overline: a mean
    "¯": "\u0305",
    "_": "\u0332",
    "^": "\u0302",
    "ˆ": "\u0302",
    "̂": "\u0302",
    "~": "\u0303",
    "˜": "\u0303",
    "̃": "\u0303",
    "˙": "\u0307",
    ".": "\u0307",
    "¨": "\u0308",
    "..": "\u0308",
    "ˇ": "\u030c",
    "´": "\u0301",
    "`": "\u0300",
}
_ACCENT_WORDS = {
    "\u20d7": ("vector", True),
    "\u0305": ("bar", False),
    "\u0332": ("underline", False),
    "\u0302": ("hat", False),
    "\u0303": ("tilde_accent", False),
    "\u0307": ("dot", False),
    "\u0308": ("double_dot", False),
    "\u030c": ("check", False),
    "\u0301": ("acute", False),
    "\u0300": ("grave", False),
}
_LARGE_OPERATORS = frozenset("∑∏∐∫∬∭∮⋃⋂⋁⋀⨁⨂")
_LIMIT_WORDS = frozenset({"lim", "max", "min", "sup", "inf", "arg max", "arg min", "argmax"})


class _Builder:
    def __init__(self) -> None:
        self.nodes = 0

    def build(self, elem: ET.Element, depth: int) -> _Node:
        self.nodes += 1
        if depth > MAX_MATH_DEPTH:
            raise MathTooComplexError(f"it nests more than {MAX_MATH_DEPTH} levels deep")
        if self.nodes > MAX_MATH_NODES:
            raise MathTooComplexError(f"it has more than {MAX_MATH_NODES} elements")
        tag = _local(elem.tag)
        kids = [c for c in elem if _local(c.tag)]
        if tag in ("mi", "mn", "mo", "mtext", "ms"):
            text = _token_text(elem)
            if tag == "ms":
                text = f"“{text}”"
            if tag == "mtext" and not text and "".join(elem.itertext()):
                return _Atom(" ", "space")
            return _Atom(text, "mtext" if tag == "ms" else tag)
        if tag == "mspace":
            width = elem.get("width", "")
            wide = re.match(r"\s*(\d+(?:\.\d+)?)\s*(em|ex)?", width)
            if wide and float(wide.group(1)) >= (1.0 if wide.group(2) != "ex" else 2.0):
                return _Atom(" ", "space")
            return _Row()
        if tag in ("none", "mprescripts", "mphantom", "annotation", "annotation-xml", "malignmark"):
            return _Row()
        if tag == "mglyph":
            return _Atom(elem.get("alt", ""), "mi")
        if tag == "semantics":
            return self.build(kids[0], depth + 1) if kids else _Row()
        if tag in ("msub", "msup", "msubsup") and kids:
            parts = [self.build(k, depth + 1) for k in kids[:3]]
            base = parts[0]
            sub = parts[1] if tag != "msup" and len(parts) > 1 else None
            sup = (
                parts[-1] if tag != "msub" and len(parts) > (2 if tag == "msubsup" else 1) else None
            )
            return _Script(base, sub, sup)
        if tag == "mmultiscripts" and kids:
            base = self.build(kids[0], depth + 1)
            rest = [self.build(k, depth + 1) for k in kids[1:3] if _local(k.tag) != "mprescripts"]
            return _Script(base, rest[0] if rest else None, rest[1] if len(rest) > 1 else None)
        if tag == "mfrac" and len(kids) >= 2:
            num, den = self.build(kids[0], depth + 1), self.build(kids[1], depth + 1)
            if elem.get("linethickness", "").strip() in ("0", "0pt", "0px", "0em"):
                # a binomial coefficient or a stacked pair: (n above k)
                return _Row([_Atom("(", "mo"), num, _Atom(" ", "space"), den, _Atom(")", "mo")])
            return _Frac(num, den)
        if tag == "msqrt":
            return _Root(self.row(kids, depth))
        if tag == "mroot" and len(kids) >= 2:
            return _Root(self.build(kids[0], depth + 1), self.build(kids[1], depth + 1))
        if tag in ("mover", "munder", "munderover") and kids:
            return self.under_over(tag, elem, kids, depth)
        if tag == "mfenced":
            return self.fenced(elem, kids, depth)
        if tag == "mtable":
            table = _Table()
            for tr in kids:
                cells = [c for c in tr if _local(c.tag) == "mtd"] or [tr]
                table.rows.append([self.row(list(c), depth + 1) for c in cells])
            return table
        if tag in ("mtr", "mlabeledtr", "mtd"):
            return self.row(kids, depth)
        if tag == "maction":
            return self.build(kids[0], depth + 1) if kids else _Row()
        # mrow, math, mstyle, mpadded, menclose, merror and anything unknown: its children.
        if not kids:
            text = _token_text(elem)
            return _Atom(text, "mtext") if text else _Row()
        return self.row(kids, depth)

    def row(self, kids: Sequence[ET.Element], depth: int) -> _Node:
        items = [self.build(k, depth + 1) for k in kids]
        items = [i for i in items if not (isinstance(i, _Atom) and not i.text)]
        return items[0] if len(items) == 1 else _Row(items)

    def under_over(self, tag: str, elem: ET.Element, kids: list[ET.Element], depth: int) -> _Node:
        base = self.build(kids[0], depth + 1)
        second = self.build(kids[1], depth + 1) if len(kids) > 1 else None
        third = self.build(kids[2], depth + 1) if len(kids) > 2 else None
        if tag in ("mover", "munder") and isinstance(second, _Atom):
            mark = _ACCENTS.get(second.text.strip())
            accent = elem.get("accent" if tag == "mover" else "accentunder")
            if mark is not None and (accent != "false" or second.kind == "mo"):
                return _Accent(base, mark, under=tag == "munder")
        if tag == "mover":
            return _Limits(base, over=second)
        if tag == "munder":
            return _Limits(base, under=second)
        return _Limits(base, under=second, over=third)

    def fenced(self, elem: ET.Element, kids: list[ET.Element], depth: int) -> _Node:
        opener = elem.get("open", "(")
        closer = elem.get("close", ")")
        separators = (elem.get("separators", ",") or "").replace(" ", "")
        items: list[_Node] = [_Atom(opener, "mo")] if opener else []
        for i, kid in enumerate(kids):
            if i and separators:
                items.append(_Atom(separators[min(i - 1, len(separators) - 1)], "mo"))
            items.append(self.build(kid, depth + 1))
        if closer:
            items.append(_Atom(closer, "mo"))
        return _Row(items)


# --- linear form -------------------------------------------------------------------------

#: Operators written with a space on each side.
_SPACED = frozenset("=+−-×·±∓<>≤≥≠≈≡∼≃≅∝→←↔⇒⇐⇔↦∈∉∋⊂⊃⊆⊇∪∩∧∨÷⊕⊗⊙∘≪≫≺≻≼≽⊥∥∖≜≝≐:") | frozenset(
    {"⩽", "⩾", "<=", ">=", "!=", ":=", "mod"}
)
_OPEN = frozenset("([{⟨⌊⌈")
_CLOSE = frozenset(")]}⟩⌋⌉")
_FENCES = frozenset("|∣‖")
_PUNCT = frozenset(",;")


@dataclass
class _Piece:
    text: str
    script: str = ""  # "" | "sub" | "sup"


class _Linear:
    """Pieces of text, each normal, subscript or superscript."""

    def __init__(self) -> None:
        self.pieces: list[_Piece] = []

    def add(self, text: str, script: str = "") -> None:
        if not text:
            return
        if self.pieces and self.pieces[-1].script == script:
            self.pieces[-1].text += text
        else:
            self.pieces.append(_Piece(text, script))

    def extend(self, pieces: Iterable[_Piece]) -> None:
        for p in pieces:
            self.add(p.text, p.script)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


def _is_atomic(node: _Node) -> bool:
    """Written without parentheses as a numerator, base or root: one short token."""
    if isinstance(node, _Atom):
        return node.kind != "mo" and " " not in node.text.strip()
    if isinstance(node, _Row):
        real = [i for i in node.items if not (isinstance(i, _Row) and not i.items)]
        return len(real) == 1 and _is_atomic(real[0])
    return isinstance(node, (_Accent, _Script))


def _flat(node: _Node) -> str:
    """The linear text of a node, scripts written with _ and ^ (inside a script)."""
    return _lay(node, in_script=True).text


def _group(node: _Node) -> str:
    text = _flat(node)
    return text if _is_atomic(node) or len(text) <= 1 else f"({text})"


def _lay(node: _Node, in_script: bool = False) -> _Linear:
    out = _Linear()
    if isinstance(node, _Atom):
        out.add(node.text)
    elif isinstance(node, _Row):
        _lay_row(node.items, out, in_script)
    elif isinstance(node, _Script):
        base = _lay(node.base, in_script)
        if not _is_atomic(node.base) and isinstance(node.base, _Frac):
            out.add("(")
            out.extend(base.pieces)
            out.add(")")
        else:
            out.extend(base.pieces)
        _add_scripts(out, ((node.sub, "sub", "_"), (node.sup, "sup", "^")), in_script)
    elif isinstance(node, _Frac):
        out.extend(_bracketed(node.num, in_script).pieces)
        out.add("/")
        out.extend(_bracketed(node.den, in_script).pieces)
    elif isinstance(node, _Root):
        index = _flat(node.index) if node.index is not None else ""
        if index and index != "2":
            out.add(index if in_script else "", "")
            if not in_script:
                out.add(index, "sup")
        out.add("√")
        out.extend(_bracketed(node.body, in_script).pieces)
    elif isinstance(node, _Accent):
        base_text = _flat(node.base)
        if node.mark == "\u0305":  # a bar over every character (after its own marks)
            marked = []
            for k, ch in enumerate(base_text):
                marked.append(ch)
                following = base_text[k + 1 : k + 2]
                if not following or not unicodedata.combining(following):
                    marked.append(node.mark)
            out.add("".join(marked))
        else:
            out.add(base_text + node.mark)
    elif isinstance(node, _Limits):
        out.extend(_lay(node.base, in_script).pieces)
        _add_scripts(out, ((node.under, "sub", "_"), (node.over, "sup", "^")), in_script)
    elif isinstance(node, _Table):
        first = True
        for row in node.rows:
            cells = [_lay(c, in_script) for c in row]
            cells = [c for c in cells if c.text.strip()]
            if not cells:
                continue
            if not first:
                # Rows are lines of their own: "a = b; c = d" (a row that ends with its own
                # comma or semicolon needs no other).
                out.add(" " if out.text.rstrip()[-1:] in ",;." else "; ")
            first = False
            for k, cell in enumerate(cells):
                if k and not out.text.endswith(" "):
                    out.add(" ")
                out.extend(cell.pieces)
    return out


def _apart(before: str, after: str) -> bool:
    """Whether a :data:`~reader.core.formula_words.SEPARATOR` goes between text ending in
    ``before`` and text starting with ``after``: a letter or digit (or its accent) meeting
    a letter or digit."""
    last, first = before[-1:], after[:1]
    if not last or not first or not first.isalnum():
        return False
    return last.isalnum() or bool(unicodedata.combining(last))


def _add_scripts(
    out: _Linear, parts: Iterable[tuple[_Node | None, str, str]], in_script: bool
) -> None:
    """A base's sub- and superscript (or its limits below and above) after it."""
    for part, script, mark in parts:
        if part is None or not _flat(part).strip():
            continue
        if in_script:
            out.add(mark + _group(part))
            continue
        text = _flat(part)
        if _apart(out.text, text):
            out.add(SEPARATOR, out.pieces[-1].script if out.pieces else "")
        out.add(text, script)


def _bracketed(node: _Node, in_script: bool) -> _Linear:
    """A numerator, denominator or root body: in parentheses unless it is one token."""
    inner = _lay(node, in_script)
    if _is_atomic(node) or len(inner.text.strip()) <= 1:
        return inner
    out = _Linear()
    out.add("(")
    out.extend(inner.pieces)
    out.add(")")
    return out


def _op_of(node: _Node | None) -> str | None:
    while isinstance(node, _Row) and len(node.items) == 1:
        node = node.items[0]
    return node.text.strip() if isinstance(node, _Atom) and node.kind == "mo" else None


def _lay_row(items: Sequence[_Node], out: _Linear, in_script: bool) -> None:
    prev: _Node | None = None
    for node in items:
        if isinstance(node, _Row) and not node.items:
            continue
        op = _op_of(node)
        prev_op = _op_of(prev) if prev is not None else None
        text_of = _lay(node, in_script)
        if not text_of.text:
            continue
        sep = ""
        if prev is not None:
            if op is not None and (op in _SPACED or (op.isalpha() and len(op) > 1)):
                unary = prev_op is not None and (
                    prev_op in _SPACED or prev_op in _OPEN or prev_op in _PUNCT
                )
                sep = " " if not unary or op not in "+−-±∓" else (" " if prev_op in _SPACED else "")
            elif prev_op is not None and prev_op in _PUNCT:
                sep = " "
            elif prev_op is not None and (
                prev_op in _SPACED or (prev_op.isalpha() and len(prev_op) > 1)
            ):
                before = out.text.rstrip()
                # "a = b", but a sign at the start or after another operator stays with
                # its number: "= −w".
                unary_prev = prev_op in "+−-±∓" and (
                    not before[:-1].strip() or before[:-1].rstrip()[-1:] in "=(,;<>≤≥[{"
                )
                sep = "" if unary_prev else " "
            elif _is_large(node) and not (prev_op is not None and prev_op in _OPEN):
                sep = " "
            elif isinstance(node, _Atom) and node.kind == "mtext" and node.text.strip():
                sep = "" if out.text[-1:] in "([{⟨ " else " "
            elif isinstance(prev, _Atom) and prev.kind == "mtext" and prev.text.strip():
                sep = "" if text_of.text[:1] in ",;.:)]}⟩ " else " "
            elif (_is_function_name(prev) and op is None) or _is_large(prev):
                sep = " "
        if (
            in_script
            and not sep
            and _is_letter(prev)
            and _is_letter(node)
            and _apart(out.text, text_of.text)
        ):
            sep = SEPARATOR  # the indices of "νij": i and j, not "ij"
        first = text_of.text[:1]
        if out.text[-1:] in _OPEN or first in _CLOSE or first in _PUNCT:
            sep = ""  # never "( a" or "a ,"
        elif first in _OPEN and _is_function_name(prev) if prev is not None else False:
            sep = ""  # "min(a, b)"
        if sep and not out.text.endswith(" "):
            out.add(sep)
        out.extend(text_of.pieces)
        prev = node


def _is_letter(node: _Node | None) -> bool:
    """An identifier of one letter (a variable, an index)."""
    return isinstance(node, _Atom) and node.kind == "mi" and len(node.text.strip()) == 1


def _is_large(node: _Node) -> bool:
    """A sum, product or integral sign, with or without its limits."""
    if isinstance(node, (_Limits, _Script)):
        return _is_large(node.base)
    return _op_of(node) in _LARGE_OPERATORS


def _is_function_name(node: _Node) -> bool:
    if isinstance(node, _Atom) and node.kind in ("mi", "mo"):
        word = node.text.strip()
        return len(word) > 1 and word.isalpha()
    if isinstance(node, _Limits):
        return _is_function_name(node.base)
    return False


# --- spoken form -------------------------------------------------------------------------

# Each symbol's word (a key of :data:`reader.core.formula_words.VOCABULARY`), or the
# punctuation it stays.
_SPOKEN_SYMBOLS = {
    "=": "equals",
    "+": "plus",
    "−": "minus",
    "-": "minus",
    "±": "plus_minus",
    "∓": "minus_plus",
    "×": "times",
    "·": "times",
    "⋅": "times",
    "∗": "star",
    "*": "star",
    "⋆": "star",
    "/": "divided_by",
    "÷": "divided_by",
    "<": "less",
    ">": "greater",
    "≤": "less_equal",
    "⩽": "less_equal",
    "≥": "greater_equal",
    "⩾": "greater_equal",
    "≠": "not_equal",
    "≈": "approximately",
    "≃": "approximately",
    "≪": "much_less",
    "≫": "much_greater",
    "≅": "congruent",
    "≡": "identical",
    "∼": "tilde",
    "~": "tilde",
    "∝": "proportional",
    "→": "arrow_to",
    "←": "arrow_from",
    "⇒": "implies",
    "⇔": "if_and_only_if",
    "↦": "maps_to",
    "∈": "in",
    "∉": "not_in",
    "⊂": "subset",
    "⊆": "subset_equal",
    "∪": "union",
    "∩": "intersection",
    "∑": "sum",
    "∏": "product",
    "∫": "integral",
    "∂": "partial",
    "∇": "nabla",
    "∞": "infinity",
    "∀": "for_all",
    "∃": "exists",
    "∅": "empty_set",
    "′": "prime",
    "'": "prime",
    "″": "double_prime",
    "′′": "double_prime",
    "%": "percent",
    "!": "factorial",
    "…": "dots",
    "⋯": "dots",
    "⋮": "dots",
    "|": "vertical_bar",
    "∣": "vertical_bar",
    "‖": "norm",
    "∥": "parallel",
    "⊥": "perpendicular",
    "°": "degrees",
    "√": "square_root_sign",
    "&": "and",
    "ℓ": "ell",
    "⊤": "transpose",
    "≔": "defined_as",
    "≜": "defined_as",
    "ħ": "h_bar",
}
_PUNCTUATION_WORDS = frozenset(",;:?")
_GREEK = re.compile(r"GREEK (?:(SMALL|CAPITAL) )?(?:LETTER )?(?:LUNATE |FINAL )?(\w+)(?: SYMBOL)?$")


def _spoken_char(ch: str) -> str:
    """A character's word (``~key``), or the character itself (a letter, a digit, a
    punctuation mark), or Unicode's name for it."""
    if ch in _SPOKEN_SYMBOLS:
        return word(_SPOKEN_SYMBOLS[ch])
    if ch in _PUNCTUATION_WORDS:
        return ch
    if ch.isascii():
        return literal(ch)
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return ch
    greek = _GREEK.match(name)
    key = greek_key(greek.group(1) != "CAPITAL", greek.group(2)) if greek else None
    if key is not None:
        return word(key)
    if unicodedata.category(ch)[0] in "LN":
        return ch
    if unicodedata.category(ch) == "Mn":
        return ""
    return name.lower()


def _spoken_text(text: str, kind: str) -> str:
    text = text.strip()
    if not text:
        return ""
    if kind == "mtext":
        return literal(text)
    if kind == "mn" or (kind == "mi" and text.isalpha() and text.isascii()):
        return literal(text)
    if kind == "mo" and text.isalpha() and text.isascii():
        return text
    words: list[str] = []
    run = ""
    for ch in text:
        spoken = _spoken_char(ch)
        if spoken == ch and ch.isalnum():
            run += ch
            continue
        if run:
            words.append(run)
            run = ""
        if spoken:
            words.append(spoken)
    if run:
        words.append(run)
    return " ".join(words)


def _is_short(node: _Node) -> bool:
    """Short enough to need no "end" after it when spoken (one word or number)."""
    if isinstance(node, _Atom):
        return node.kind != "mo" and len(node.text.strip().split()) <= 1
    if isinstance(node, _Row):
        real = [i for i in node.items if not (isinstance(i, _Row) and not i.items)]
        return all(isinstance(i, _Atom) and i.kind in ("mi", "mn") for i in real) and len(real) <= 3
    return False


def _letters(node: _Node) -> str:
    """A subscript of identifiers said letter by letter: "i j"."""
    if isinstance(node, _Row):
        return " ".join(_say(i) for i in node.items if _say(i))
    return _say(node)


def _say(node: _Node) -> str:
    if isinstance(node, _Atom):
        return "" if node.kind == "space" else _spoken_text(node.text, node.kind)
    if isinstance(node, _Row):
        return _say_row(node.items)
    if isinstance(node, _Script) and _is_large(node.base):
        return _say(_Limits(node.base, node.sub, node.sup))
    if isinstance(node, _Script):
        words = [_say(node.base)]
        if node.sub is not None and _say(node.sub):
            words.append(f"{word('sub')} {_letters(node.sub)}")
            if not _is_short(node.sub):
                words.append(word("end_sub"))
        if node.sup is not None and _say(node.sup):
            words.append(_say_power(node.sup))
        return " ".join(w for w in words if w)
    if isinstance(node, _Frac):
        if _is_short(node.num) and _is_short(node.den):
            return f"{_say(node.num)} {word('over')} {_say(node.den)}"
        return (
            f"{word('fraction')} {_say(node.num)}, {word('over')} {_say(node.den)}, "
            f"{word('end_fraction')}"
        )
    if isinstance(node, _Root):
        body = _say(node.body)
        end = "" if _is_short(node.body) else f", {word('end_root')}"
        if node.index is not None and _flat(node.index) not in ("", "2"):
            return f"{word('root')} {_say(node.index)} {word('of')} {body}{end}"
        return f"{word('square_root')} {body}{end}"
    if isinstance(node, _Accent):
        key, before = _ACCENT_WORDS.get(node.mark, ("", False))
        base = _say(node.base)
        if not key:
            return base
        return f"{word(key)} {base}" if before else f"{base} {word(key)}"
    if isinstance(node, _Limits):
        base = _say(node.base)
        op = _op_of(node.base)
        if op in _LARGE_OPERATORS or _is_function_name(node.base):
            words = [base]
            if node.under is not None and _say(node.under):
                limit = word("from") if op else word("over_limit")
                words.append(f"{limit} {_say(node.under)}")
            if node.over is not None and _say(node.over):
                words.append(f"{word('to')} {_say(node.over)}")
            if op in _LARGE_OPERATORS:
                words.append(word("of"))
            return " ".join(words)
        words = [base]
        if node.under is not None and _say(node.under):
            words.append(f"{word('under')} {_say(node.under)}")
        if node.over is not None and _say(node.over):
            words.append(f"{word('with')} {_say(node.over)} {word('above')}")
        return " ".join(words)
    rows = []
    for row in node.rows:
        rows.append(" ".join(s for s in (_say(c) for c in row) if s))
    return "; ".join(r for r in rows if r)


def _say_power(sup: _Node) -> str:
    flat = _flat(sup).strip()
    if flat in _POWER_WORDS:
        return word(_POWER_WORDS[flat])
    end = "" if _is_short(sup) else f", {word('end_power')}"
    return f"{word('power')} {_say(sup)}{end}"


#: Powers said in a word of their own: x squared, x prime, A transposed.
_POWER_WORDS = {
    "2": "squared",
    "3": "cubed",
    "′": "prime",
    "'": "prime",
    "″": "double_prime",
    "′′": "double_prime",
    "*": "star",
    "∗": "star",
    "⋆": "star",
    "⊤": "transposed",
    "T": "transposed",
    "−1": "inverse",
    "-1": "inverse",
}
_OPEN_WORDS = {"(": "open_paren", "[": "open_bracket", "{": "open_brace"}
_CLOSE_WORDS = {")": "close_paren", "]": "close_bracket", "}": "close_brace"}


def _applies(prev: _Node) -> bool:
    """``prev`` followed by parentheses reads as a function of its arguments: f(x)."""
    if isinstance(prev, _Atom):
        return prev.kind == "mi"
    return isinstance(prev, (_Script, _Accent))


def _flattened(items: Sequence[_Node]) -> list[_Node]:
    """A row's items with the rows inside it opened up (they only group)."""
    out: list[_Node] = []
    stack = [iter(items)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, _Row):
            stack.append(iter(item.items))
        else:
            out.append(item)
    return out


def _say_row(items: Sequence[_Node]) -> str:
    items = _flattened(items)
    words: list[str] = []
    depth: list[bool] = []  # per open parenthesis: said as "of" (a function's arguments)
    prev: _Node | None = None
    for node in items:
        if isinstance(node, _Row) and not node.items:
            continue
        op = _op_of(node)
        if op in _OPEN:
            applied = prev is not None and _applies(prev)
            depth.append(applied)
            words.append(word("of" if applied else _OPEN_WORDS.get(op or "", "open_paren")))
        elif op in _CLOSE:
            applied = depth.pop() if depth else False
            words.append("," if applied else word(_CLOSE_WORDS.get(op or "", "close_paren")))
        else:
            said = _say(node)
            if said:
                words.append(said)
        prev = node
    text = " ".join(w for w in words if w)
    text = re.sub(r"\s+([,;:?.])", r"\1", text)
    return re.sub(r"([,;])(?:\s*[,;])+", r"\1", text).strip(" ,")


# --- the front door ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinearFormula:
    """One formula in linear form (see the module's docstring)."""

    markdown: str
    text: str
    spoken: str
    #: What to say in any language: words of :mod:`reader.core.formula_words` (``~key``)
    #: and the formula's own text; ``spoken`` is it in English.
    words: str = ""
    problem: str | None = None  # why the formula was kept as plain text

    @property
    def empty(self) -> bool:
        return not self.text.strip()


def _markdown_of(pieces: Sequence[_Piece]) -> str:
    out: list[str] = []
    for piece in pieces:
        text = escape_markdown(piece.text, at_line_start=False)
        if piece.script and piece.text.strip():
            out.append(f"[{text.strip()}]{{.{piece.script}}}")
        else:
            out.append(text)
    return "".join(out)


_SPACE_BEFORE = re.compile(r"\s+([,;)\]}⟩])")
_SPACE_AFTER = re.compile(r"([(\[{⟨])\s+")


def _tidy(pieces: list[_Piece]) -> list[_Piece]:
    """One space at most between words, none at the ends."""
    for p in pieces:
        p.text = _WS.sub(" ", p.text)
        p.text = _SPACE_BEFORE.sub(r"\1", _SPACE_AFTER.sub(r"\1", p.text))
    while pieces and not pieces[0].text.strip():
        pieces.pop(0)
    while pieces and not pieces[-1].text.strip():
        pieces.pop()
    if pieces:
        pieces[0].text = pieces[0].text.lstrip()
        pieces[-1].text = pieces[-1].text.rstrip()
    return pieces


def _clip_spoken(text: str) -> str:
    text = _WS.sub(" ", text).strip()
    if len(text) > MAX_SPOKEN_CHARS:
        text = text[:MAX_SPOKEN_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def linear_formula(math: ET.Element) -> LinearFormula:
    """A ``<math>`` element (any namespace) in linear form; never raises for its content."""
    try:
        tree = _Builder().build(math, 0)
        pieces = _tidy(_lay(tree).pieces)
        words = _clip_spoken(_say(tree))
    except (MathTooComplexError, RecursionError) as exc:
        text = _WS.sub(" ", "".join(math.itertext())).strip()
        return LinearFormula(
            markdown=escape_markdown(text, at_line_start=False),
            text=text,
            spoken=_clip_spoken(text),
            words=literal(_clip_spoken(text)),
            problem=f"a formula is kept as plain text: {exc}",
        )
    text = "".join(p.text for p in pieces)
    words = words or literal(text)
    return LinearFormula(markdown=_markdown_of(pieces), text=text, spoken=say(words), words=words)


def _attribute_value(text: str, percent: str = " percent") -> str:
    """Text that fits inside ``aria-label="…"``: no quotes, braces, % or backslashes."""
    text = text.replace('"', "'").replace("%", percent)
    return _WS.sub(" ", re.sub(r"[{}\\\[\]]", " ", text)).strip()


def formula_markdown(formula: LinearFormula, *, display: bool = False) -> str:
    """``[linear form]{.math aria-label="spoken form" data-words="words"}`` (``.display``
    for a block): the spoken form in English, and the words it is made of (see
    :mod:`reader.core.formula_words`) for a reader to say in its own language."""
    if formula.empty:
        return ""
    classes = ".math .display" if display else ".math"
    label = _attribute_value(formula.spoken)
    words = _attribute_value(formula.words or literal(formula.spoken), f" {word('percent')}")
    return f'[{formula.markdown}]{{{classes} aria-label="{label}" data-words="{words}"}}'
