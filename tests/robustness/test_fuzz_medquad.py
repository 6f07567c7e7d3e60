"""Property-based fuzzing of the MedQuAD importer: any topic file becomes a readable library
article whose text is the answers' text (nothing turned into markup), or is refused with a
readable error; never another exception."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.article import parse_article
from reader.core.errors import ReaderError
from reader.core.importers.medquad import article_markdown, parse_topic, plan_articles

#: Pieces a flattened answer is made of: words, Markdown and HTML look-alikes, the runs of
#: spaces and line breaks that joined paragraphs and list items, labels, credit lines.
#: (Not "[^1]": the article parser takes that text, even escaped, for a citation with no
#: reference; no MedQuAD answer holds it.)
_PIECES = [
    "Diabetes", "is a disease", ".", ":", " - ", "   - ", "    ", "\n", "\n   \n", "#", "##",
    "*", "**", "_", "`", "[1]", "[link](http://x)", "<b>", "&", "1.", "1)", "> ", "|", "~",
    "Summary : ", "Key Points", "NIH: National Cancer Institute", "What causes it?", "---",
    "\\", "é", "–",
]  # fmt: skip
_text = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_QTYPES = ["information", "symptoms", "treatment", "inheritance", "", "other kind"]


@st.composite
def topic_files(draw: st.DrawFn) -> bytes:
    focus = draw(_text)
    pairs = "".join(
        f'<QAPair pid="{n}"><Question qtype={quoteattr(draw(st.sampled_from(_QTYPES)))}>'
        f"{escape(draw(_text))}</Question><Answer>{escape(draw(_text))}</Answer></QAPair>"
        for n in range(draw(st.integers(0, 4)))
    )
    synonyms = "".join(f"<Synonym>{escape(draw(_text))}</Synonym>" for _ in range(2))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Document id="1" source="CDC" url="http://x/">'
        f"<Focus>{escape(focus)}</Focus><FocusAnnotations><Synonyms>{synonyms}</Synonyms>"
        f"</FocusAnnotations><QAPairs>{pairs}</QAPairs></Document>"
    ).encode()


def _words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text).split()]


@settings(max_examples=150, deadline=None)
@given(topic_files())
def test_any_topic_file_imports_as_a_readable_article_or_is_refused(data: bytes) -> None:
    try:
        topic = parse_topic(data, "fuzz.xml")
    except ReaderError as exc:
        assert str(exc).strip()
        return
    if not topic.pairs:
        return
    (article,) = plan_articles([topic])
    markdown, _, _, _ = article_markdown(article)
    parsed = parse_article(markdown, Path("fuzz.md"))
    assert not [w for w in parsed.warnings if w.severity == "error"]
    assert not parsed.references and not parsed.citations  # no footnotes made from text
    # every word of the answers is still there as text (none swallowed by markup)
    text = " ".join(s.heading + " " + s.text for s in parsed.sections)
    for pair in topic.pairs:
        if "NIH:" in pair.answer:
            continue  # a credit line is taken out of the text on purpose (to front matter)
        for word in _words(pair.answer):
            if word != "Summary":
                assert word in _words(text) or word in _words(parsed.meta.title), word
