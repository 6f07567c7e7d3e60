"""Formulas in linear form: what a reader sees (text, raised and lowered parts) and what a
screen reader is told, from small MathML fixtures, from JATS and from the real PLOS corpus."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring as defused_fromstring

from reader.core.article import parse_article
from reader.core.formula_words import VOCABULARY, say
from reader.core.importers.jats import convert_jats, parse_jats
from reader.core.importers.mathml import (
    MAX_MATH_DEPTH,
    MAX_MATH_NODES,
    SEPARATOR,
    formula_markdown,
    linear_formula,
)
from reader.core.model import Article, Block, Run

MML = "http://www.w3.org/1998/Math/MathML"
S = SEPARATOR  # unseen: between a letter and its script, and between a script's letters
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "jats"
ARTICLE = FIXTURES / "article.xml"
CORPUS = Path(__file__).resolve().parents[2] / ".cache" / "allofplos" / "starter_corpus"


def _math(body: str) -> ET.Element:
    return defused_fromstring(f'<math xmlns="{MML}">{body}</math>')


def _runs(body: str) -> tuple[Block, list[Run]]:
    """The formula as the reader gets it: imported Markdown, parsed like an article."""
    markdown = formula_markdown(linear_formula(_math(body)))
    article = parse_article(f"---\nid: x\ntitle: X\ncollection: C\n---\n\nSee {markdown} here.\n")
    block = article.sections[0].blocks[0]
    return block, [r for r in block.runs if r.formula is not None]


def _shown(runs: list[Run]) -> list[tuple[str, str]]:
    return [(r.text, r.script) for r in runs]


def test_subscripts_and_superscripts_are_raised_and_lowered_not_spaced() -> None:
    block, runs = _runs(
        "<msub><mi>ν</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub>"
        "<mo>=</mo><msup><mi>x</mi><mn>2</mn></msup>"
        "<mo>+</mo><msubsup><mi>σ</mi><mi>s</mi><mn>3</mn></msubsup>"
    )
    assert block.text == f"See ν{S}i{S}j = x{S}2 + σ{S}s{S}3 here."
    assert block.text.replace(S, "") == "See νij = x2 + σs3 here."  # as it is seen
    assert _shown(runs) == [
        (f"ν{S}", ""),
        (f"i{S}j", "sub"),
        (f" = x{S}", ""),
        ("2", "sup"),
        (f" + σ{S}", ""),
        (f"s{S}", "sub"),
        ("3", "sup"),
    ]
    assert runs[0].formula is not None
    assert runs[0].formula.spoken == "nu sub i j equals x squared plus sigma sub s cubed"


def test_fraction_root_vector_and_text() -> None:
    block, runs = _runs(
        "<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mi>c</mi></mfrac>"
        "<mo>,</mo><msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>"
        "<mo>,</mo><mover accent='true'><mi>v</mi><mo>→</mo></mover>"
        "<mtext> if </mtext><mi>t</mi><mo>&gt;</mo><mo>−</mo><mn>1</mn>"
    )
    assert block.text == "See (a + b)/c, √(x + 1), v\u20d7 if t > −1 here."
    assert runs[0].formula is not None
    assert runs[0].formula.spoken == (
        "the fraction a plus b, over c, end fraction, the square root of x plus 1, end root, "
        "vector v if t is greater than minus 1"
    )


def test_function_arguments_and_limits_are_spoken_as_read() -> None:
    _, runs = _runs(
        "<munderover><mo>∑</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi>"
        "</munderover><msub><mi>x</mi><mi>k</mi></msub><mrow><mo>(</mo><mi>t</mi><mo>)</mo></mrow>"
    )
    assert _shown(runs) == [("∑", ""), (f"k = 1{S}", "sub"), ("n", "sup"), (f" x{S}", ""),
                            ("k", "sub"), ("(t)", "")]  # fmt: skip
    assert runs[0].formula is not None
    assert runs[0].formula.spoken == "sum from k equals 1 to n of x sub k of t"


def test_markup_in_a_formula_stays_text() -> None:
    """Stars, brackets, a link, quotes and braces inside MathML cannot make markup, and
    cannot end the screen reader's words early."""
    _, runs = _runs(
        '<mtext>*a* [b](http://x) "q" } % \\</mtext><msub><mi>_y_</mi><mi>`i`</mi></msub>'
    )
    assert "".join(r.text for r in runs) == '*a* [b](http://x) "q"} % \\ _y_`i`'
    assert all(r.link is None and not r.emphasis for r in runs)
    assert runs[-1].script == "sub"
    assert runs[0].formula is not None
    assert runs[0].formula.spoken == "*a* b (http://x) 'q' percent _ y _ sub ` i `"


def _nested(depth: int) -> ET.Element:
    math = ET.Element(f"{{{MML}}}math")
    node = math
    for _ in range(depth):
        node = ET.SubElement(node, f"{{{MML}}}mrow")
    ET.SubElement(node, f"{{{MML}}}mi").text = "q"
    ET.SubElement(math, f"{{{MML}}}mi").text = "z"
    return math


def test_too_deep_a_formula_is_kept_as_text_with_a_reason() -> None:
    fine = linear_formula(_nested(MAX_MATH_DEPTH - 2))
    assert fine.problem is None and fine.text == "qz"
    deep = linear_formula(_nested(MAX_MATH_DEPTH + 5))
    assert deep.problem is not None and "levels deep" in deep.problem
    assert deep.text == "qz"  # nothing lost
    huge = linear_formula(_math("<mi>a</mi>" * (MAX_MATH_NODES + 10)))
    assert huge.problem is not None and "elements" in huge.problem
    assert huge.text == "a" * (MAX_MATH_NODES + 10)


def _jats(body: str) -> Article:
    xml = ARTICLE.read_text(encoding="utf-8").replace(
        "<p>Walking improves sleep ",
        f'<p xmlns:mml="{MML}">{body} Walking improves sleep ',
        1,
    )
    conv = convert_jats(xml.encode("utf-8"), "Research", ARTICLE)
    return parse_article(conv.markdown)


def test_a_display_formula_is_a_paragraph_of_its_own_with_its_number() -> None:
    article = _jats(
        'Then<disp-formula id="e1"><alternatives><graphic xlink:href="e1.tif" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"/><mml:math display="block">'
        "<mml:msup><mml:mi>E</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math></alternatives>"
        "<label>(1)</label></disp-formula>so."
    )
    blocks = [b for s in article.sections for b in s.blocks]
    index = next(i for i, b in enumerate(blocks) if b.text == f"E{S}2 (1)")
    formula = blocks[index].runs[0].formula
    assert formula is not None and formula.display and formula.spoken == "E squared"
    assert blocks[index - 1].text == "Then"
    assert blocks[index + 1].text.startswith("so.")


def test_a_formula_that_is_only_an_image_says_so() -> None:
    article = _jats(
        '<disp-formula id="e2"><graphic xlink:href="e2.tif" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"/><label>(2)</label></disp-formula>'
    )
    texts = [b.text for s in article.sections for b in s.blocks]
    assert "Formula (2) is an image in the original article: not included here." in texts


def test_a_deep_formula_in_an_article_is_reported_and_kept() -> None:
    depth = MAX_MATH_DEPTH + 5
    body = "<mml:mrow>" * depth + "<mml:mi>q</mml:mi>" + "</mml:mrow>" * depth
    xml = ARTICLE.read_text(encoding="utf-8").replace(
        "<p>Walking improves sleep ",
        f'<p xmlns:mml="{MML}">Deep <inline-formula><mml:math>{body}</mml:math>'
        "</inline-formula> end. Walking improves sleep ",
        1,
    )
    conv = convert_jats(xml.encode("utf-8"), "Research", ARTICLE)
    assert any("formula is kept as plain text" in w for w in conv.warnings)
    texts = [s.text for s in parse_article(conv.markdown).sections]
    assert any("Deep q end." in t for t in texts)


# --- the real PLOS articles ----------------------------------------------------------------

_BATS = CORPUS / "journal.pcbi.1004089.xml"


@pytest.mark.skipif(not _BATS.is_file(), reason="the PLOS corpus is fetched by bootstrap")
def test_the_bat_flight_correlation_reads_as_printed() -> None:
    conv = convert_jats(_BATS.read_bytes(), "Research (PLOS)", _BATS)
    article = parse_article(conv.markdown)
    block = next(
        b for s in article.sections for b in s.blocks if b.text.startswith(f"ν{S}i{S}j(t, τ) =")
    )
    assert block.text.replace(S, "") == (
        "νij(t, τ) = (v⃗i(t))/(∣v⃗i(t)∣) · (v⃗j(t + τ))/(∣v⃗j(t + τ)∣), (1)"
    )
    assert block.text.startswith(f"ν{S}i{S}j(t, τ) = (v⃗{S}i(t))")  # heard apart, not "nuidge"
    assert [r.text for r in block.runs if r.script == "sub"] == [f"i{S}j", "i", "i", "j", "j"]
    formula = block.runs[0].formula
    assert formula is not None and formula.display
    assert formula.spoken.startswith(
        "nu sub i j of t, tau, equals the fraction vector v sub i of t, over bar vector v sub i"
    )
    # and in a sentence: "Integrating νij(t, τ) over all N values"
    sentence = next(b for s in article.sections for b in s.blocks if "Integrating ν" in b.text)
    # (written with <sub> and <italic>, not MathML: the indices kept apart all the same)
    assert f"Integrating ν{S}i{S}j(t, τ) over all N values" in sentence.text
    assert next(r.text for r in sentence.runs if r.script == "sub") == f"i{S}j"


def _alnum(text: str) -> list[str]:
    return sorted(c for c in text if c.isalnum() and not unicodedata.combining(c))


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the PLOS corpus is fetched by bootstrap")
def test_every_formula_in_the_corpus_keeps_its_characters_and_has_words() -> None:
    """All ~1,400 MathML formulas: every letter and digit survives, no space sits inside
    parentheses or before a comma, and a screen reader has words for each."""
    seen = 0
    for path in sorted(CORPUS.glob("journal.*.xml")):
        root = parse_jats(path.read_bytes(), path)
        for math in (e for e in root.iter() if e.tag == f"{{{MML}}}math"):
            formula = linear_formula(math)
            source = "".join(
                "".join(e.itertext())
                for e in math.iter()
                if e.tag.rsplit("}", 1)[-1] in ("mi", "mn", "mo", "mtext", "ms")
            )
            assert formula.problem is None, (path.name, formula.problem)
            shown = _alnum(formula.text)
            missing = [c for c in _alnum(source) if c not in shown or shown.remove(c)]
            assert not missing, (path.name, formula.text, missing)
            assert "( " not in formula.text and " ," not in formula.text, formula.text
            assert formula.spoken.strip() or not formula.text.strip(), formula.text
            seen += 1
    assert seen > 1000


def test_rows_of_a_table_read_as_one_line_each_separated_once() -> None:
    row = "<mtr><mtd><mi>{}</mi><mo>=</mo><mn>{}</mn>{}</mtd></mtr>"
    plain = linear_formula(
        _math(f"<mtable>{row.format('a', 1, '')}{row.format('b', 2, '')}</mtable>")
    )
    assert plain.text == "a = 1; b = 2"
    assert plain.spoken == "a equals 1; b equals 2"
    commas = "<mo>,</mo>"
    own = linear_formula(
        _math(f"<mtable>{row.format('a', 1, commas)}{row.format('b', 2, '')}</mtable>")
    )
    assert own.text == "a = 1, b = 2"


def test_the_words_of_a_formula_are_said_from_a_table_of_its_vocabulary() -> None:
    """What the window does in another language: the same formula, each word of the
    vocabulary from the table, the formula's own text (here a "~sub" of its own) as it is."""
    _, runs = _runs(
        "<msub><mi>ν</mi><mi>i</mi></msub><mo>≤</mo>"
        "<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mi>Δ</mi></mfrac><mtext>~sub</mtext>"
    )
    formula = runs[0].formula
    assert formula is not None
    assert formula.spoken == (
        "nu sub i is less than or equal to the fraction a plus b, over capital delta, "
        "end fraction ~sub"
    )
    table = {key: f"<{key}>" for key in VOCABULARY}
    assert say(formula.words, table) == (
        "<nu> <sub> i <less_equal> <fraction> a <plus> b, <over> <capital_delta>, "
        "<end_fraction> ~sub"
    )
    assert say(formula.words, {}) == formula.spoken  # no word in the table: English
