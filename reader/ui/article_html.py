"""Article model -> the HTML subset QTextDocument renders. Pure functions; their words
(labels, the welcome page) come in the interface language from Qt's translator.

Every piece of text from the article is HTML-escaped; nothing from the file becomes
markup. Citation markers become ``cite:<ordinal>`` links, flagged claims get a
``flag:<index>`` marker after the claim, in-article links keep their ``#anchor``,
and web addresses are shown as text (never as links a click could open).

Each marker's place in the model (section, block, offset into ``block.text``) is
returned with the HTML so the view can map a claim span onto document positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, QObject

from reader.core.byline import byline, is_research
from reader.core.model import Article, Block, BlockKind, Formula, Run, RunKind, Section
from reader.ui.i18n import fill


def flag_label() -> str:
    return QCoreApplication.translate("ArticleHtml", "[source not in the references]")


def lead_name() -> str:
    return QCoreApplication.translate("ArticleHtml", "Introduction")


class _Plurals(QObject):
    """Plural words of this module (lupdate reads plural forms from tr())."""

    def articles(self, n: int) -> str:
        return self.tr("%n article(s)", "", n)


MARKER_LEAD = "\u200a"
_OWN_NOTE_LABEL = re.compile(r"\s*(?:please\s+)?note\s*:\s*", re.IGNORECASE)
#: A thematic break. Not ``<hr />``: that is an empty block, and a screen reader's
#: Say All that reaches an empty line sends speech nothing to say and waits forever.
RULE_HTML = '<p align="center" class="muted">\u2042</p>'


@dataclass(frozen=True, slots=True)
class Marker:
    """A link placed in the text: where it sits in the model."""

    href: str
    section_anchor: str
    block_index: int
    offset: int  # into block.text
    text: str  # the text shown for it


@dataclass(frozen=True, slots=True)
class RenderedArticle:
    html: str
    markers: tuple[Marker, ...]
    heading_anchors: tuple[str, ...]  # in document order: "top" (the title), then sections
    tables: tuple[str, ...] = ()  # each table's HTML, to check its width alone
    #: The formulas, in reading order: ``math:<n>`` links to the n-th.
    formulas: tuple[Formula, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentColours:
    """The few colours the document's own stylesheet needs."""

    text: str
    link: str
    muted: str
    border: str


def section_label(article: Article, anchor: str) -> str:
    section = article.section(anchor)
    if section is None or not section.heading:
        return lead_name()
    return section.heading


#: Heading sizes relative to the body text at 100 %: modest, so that long words in a
#: heading still fit a narrow window at a large text size.
HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.2, 4: 1.1, 5: 1.0, 6: 1.0}


def heading_point_size(level: int, body_pt: float, text_scale: int) -> float:
    """A heading's size for body text of ``body_pt`` at ``text_scale`` per cent.

    The step above the body shrinks as the text grows (at 400 % a first-level heading is
    1.15 times the body, not 1.6), so one heading never fills a small screen.
    """
    factor = HEADING_SCALE.get(min(max(level, 1), 6), 1.0)
    growth = max(text_scale, 100) / 100.0
    return body_pt * (1.0 + (factor - 1.0) / growth)


#: The spacing most people keep (Settings' default): at large sizes its space between lines
#: shrinks, and what a wider spacing adds beyond it is kept in full.
USUAL_SPACING = 1.5
#: At 400 % the usual spacing keeps this share of the space it adds at 200 % and below.
LARGE_TEXT_LEADING_SHARE = 0.08


def line_height_percent(line_spacing: float, text_scale: int) -> int:
    """The body's line height (per cent of the font's own line) for ``line_spacing`` at
    ``text_scale`` per cent.

    Large text needs less space between its lines: above 200 % the space the usual spacing
    (1.5) adds shrinks as the text grows, to 8 % of it at 400 % (1.5 gives 1.04 there, the
    font's own line and a little: nine lines at 400 % on a 600 px screen). What a wider
    spacing adds beyond 1.5 is kept in full, so a person who asks for more space gets it:
    2.0 still gives 1.54 at 400 %, more than the 1.5 times the text size WCAG 1.4.12 asks
    to be possible (a font's own line is already about 1.2 times its size).
    """
    s = min(max(text_scale, 200), 400)
    share = 1.0 - (1.0 - LARGE_TEXT_LEADING_SHARE) * (s - 200) / 200
    usual = (min(line_spacing, USUAL_SPACING) - 1.0) * share
    wider = max(line_spacing - USUAL_SPACING, 0.0)
    return round((1.0 + usual + wider) * 100)


def document_stylesheet(
    colours: DocumentColours, line_spacing: float, body_pt: float | None = None
) -> str:
    """CSS for QTextDocument.setDefaultStyleSheet (line height, colours; heading sizes
    when ``body_pt`` is given: the reader's view sets them itself, as the text grows)."""
    lh = round(line_spacing * 100)
    headings = ""
    if body_pt:
        headings = "".join(
            f"h{n} {{ font-size: {heading_point_size(n, body_pt, 100):.1f}pt; }}\n"
            for n in HEADING_SCALE
        )
    return headings + (
        f"body {{ color: {colours.text}; }}\n"
        f"p, li, td, th, blockquote {{ line-height: {lh}%; white-space: pre-wrap; }}\n"
        f".muted {{ color: {colours.muted}; }}\n"
        f".addr {{ color: {colours.muted}; }}\n"
        f"a.formula {{ color: {colours.text}; text-decoration: none; }}\n"
        f"table {{ border-color: {colours.border}; }}\n"
        "h1, h2, h3, h4, h5, h6 { margin-top: 0.8em; }\n"
    )


def _runs_html(
    runs: Sequence[Run],
    numbers: dict[str, int],
    cite_ordinal: list[int] | None,
    markers: list[Marker] | None,
    where: tuple[str, int],
    flags_at: dict[int, list[int]],
    formulas: list[Formula] | None = None,
) -> str:
    """Inline runs to HTML. ``cite_ordinal`` is a one-item counter shared across the article
    (None inside table cells, whose markers are not citations). Each formula becomes a
    ``math:<n>`` link (n counts ``formulas``, shared across the article) when given."""
    out: list[str] = []
    offset = 0
    in_formula: Formula | None = None

    def close_formula() -> None:
        nonlocal in_formula
        if in_formula is not None:
            out.append("</a>")
            in_formula = None

    def emit_flags(upto: int) -> None:
        if any(k <= upto for k in flags_at):
            close_formula()
        for at in sorted(k for k in flags_at if k <= upto):
            for index in flags_at.pop(at):
                href = f"flag:{index}"
                label = flag_label()
                if markers is not None:
                    markers.append(Marker(href, where[0], where[1], at, label))
                out.append(f'<a href="{href}">{escape(label)}</a>')

    for run in runs:
        if formulas is not None and run.formula != in_formula:
            close_formula()
            if run.formula is not None and run.text:
                out.append(f'<a href="math:{len(formulas)}" class="formula">')
                formulas.append(run.formula)
                in_formula = run.formula
        if run.kind is RunKind.CITE:
            emit_flags(offset)
            n = numbers.get(run.target or "")
            label = f"[{n}]" if n is not None else "[?]"
            if cite_ordinal is not None and run.target:
                href = f"cite:{cite_ordinal[0]}"
                cite_ordinal[0] += 1
                if markers is not None:
                    markers.append(Marker(href, where[0], where[1], offset, label))
            else:
                href = f"ref:{run.target or ''}"
            # A hair space starts the link: a sentence that ends just before the marker
            # then ends before it, so reading by sentence keeps "[1]" whole.
            out.append(f'<a href="{escape(href)}">{MARKER_LEAD}{label}</a>')
            continue
        text = run.text
        end = offset + len(text)
        # A flag marker inside this run: split the run there.
        pieces: list[str] = []
        cursor = 0
        for at in sorted(k for k in flags_at if offset < k < end):
            pieces.append(text[cursor : at - offset])
            cursor = at - offset
        pieces.append(text[cursor:])
        start = offset
        for i, piece in enumerate(pieces):
            if i > 0:
                emit_flags(start)
            out.append(_text_run_html(run, piece))
            start += len(piece)
        offset = end
    emit_flags(offset)
    close_formula()
    return "".join(out)


def _text_run_html(run: Run, text: str) -> str:
    if not text:
        return ""
    if run.kind is RunKind.BREAK:
        return "<br />"
    body = escape(text, quote=False)
    if run.kind is RunKind.CODE:
        body = f"<code>{body}</code>"
    if run.emphasis:
        body = f"<i>{body}</i>"
    if run.strong:
        body = f"<b>{body}</b>"
    if run.script in ("sub", "sup"):
        body = f"<{run.script}>{body}</{run.script}>"
    if run.link:
        if run.link.startswith("#"):
            body = f'<a href="{escape(run.link)}">{body}</a>'
        elif run.link.strip() != text.strip():
            # Shown, never opened: the address is text to read or copy.
            body = f'{body} <span class="addr">&lt;{escape(run.link)}&gt;</span>'
    return body


def details_link_text() -> str:
    return QCoreApplication.translate("ArticleHtml", "Article details")


#: The link that opens and closes a research article's details.
DETAILS_HREF = "details:"


def _byline_html(article: Article, details_open: bool) -> list[str]:
    """A research article's first lines: "L. Giuggioli, T. J. McKetterick et al. · PLOS
    Computational Biology · 2015", then the "Article details" link (and, open, the
    details themselves)."""
    line = byline(article.meta)
    names = ", ".join(line.authors)
    if line.more_authors and names:
        names = fill(QCoreApplication.translate("ArticleHtml", "%1 et al."), names)
    pieces = [p for p in (names, line.journal or "", line.year or "") if p]
    parts = [f'<h1><a name="top">{escape(article.meta.title)}</a></h1>']
    if pieces:
        parts.append(f"<p>{escape(' · '.join(pieces))}</p>")  # notr: a separator
    parts.append(f'<p><a href="{DETAILS_HREF}">{escape(details_link_text())}</a></p>')
    if details_open:
        parts.extend(_details_html(article, brief=False))
    elif article.meta.abstract and not any(
        s.heading.casefold().startswith("abstract") for s in article.sections
    ):
        parts.extend(_abstract_html(article))
    parts.append(RULE_HTML)
    return parts


def _abstract_html(article: Article) -> list[str]:
    label = QCoreApplication.translate("ArticleHtml", "Abstract.")
    abstract = fill("%1 %2", f"<b>{escape(label)}</b>", escape(article.meta.abstract or ""))  # notr
    return [f"<p>{abstract}</p>"]


def _meta_html(article: Article, details_open: bool = False, fold: bool = True) -> list[str]:
    """The title and what is known about the article. A research article (``fold``) opens
    with a short byline; its details show when ``details_open``."""
    if fold and is_research(article.meta):
        return _byline_html(article, details_open)
    m = article.meta
    parts = [f'<h1><a name="top">{escape(m.title)}</a></h1>']
    parts.extend(_details_html(article, brief=True))
    if m.abstract:
        parts.extend(_abstract_html(article))
    parts.append(RULE_HTML)
    return parts


def _details_html(article: Article, *, brief: bool) -> list[str]:
    """Authors, journal, dates, DOI, source, licence, collection, the note."""
    m = article.meta
    parts: list[str] = []
    rows: list[tuple[str, str]] = []
    if m.authors:
        rows.append((QCoreApplication.translate("ArticleHtml", "By"), "; ".join(m.authors)))
    if m.journal:
        rows.append((QCoreApplication.translate("ArticleHtml", "Journal"), m.journal))
    dates = []
    if m.published:
        dates.append(fill(QCoreApplication.translate("ArticleHtml", "published %1"), m.published))
    if m.reviewed:
        dates.append(fill(QCoreApplication.translate("ArticleHtml", "reviewed %1"), m.reviewed))
    if dates:
        rows.append((QCoreApplication.translate("ArticleHtml", "Dates"), ", ".join(dates)))
    elif dict(m.extra).get("date_note"):
        # no dates known, only when the text was collected (the health topics)
        dates_label = QCoreApplication.translate("ArticleHtml", "Dates")
        rows.append((dates_label, dict(m.extra)["date_note"]))
    if m.doi:
        rows.append(("DOI", m.doi))
    if m.source:
        rows.append((QCoreApplication.translate("ArticleHtml", "Source"), m.source))
    if m.licence:
        rows.append((QCoreApplication.translate("ArticleHtml", "Licence"), m.licence))
    if m.licence_text:
        rows.append((QCoreApplication.translate("ArticleHtml", "Attribution"), m.licence_text))
    rows.append((QCoreApplication.translate("ArticleHtml", "Collection"), m.collection))
    if dict(m.extra).get("other_titles"):
        # the same topic from another source, in the library under these titles
        also = QCoreApplication.translate("ArticleHtml", "Also in this library")
        rows.append((also, dict(m.extra)["other_titles"]))
    row_of = QCoreApplication.translate("ArticleHtml", "%1: %2")
    for label, value in rows:
        row = fill(row_of, f"<b>{escape(label)}</b>", escape(value))
        parts.append(f'<p class="muted">{row}</p>')
    if m.disclaimer:
        label = QCoreApplication.translate("ArticleHtml", "Please note:")
        # The label once: a disclaimer that starts with its own "Note:" keeps the rest.
        said = _OWN_NOTE_LABEL.match(m.disclaimer)
        disclaimer = m.disclaimer[said.end() :] if said else m.disclaimer
        note = fill("%1 %2", f"<b>{escape(label)}</b>", escape(disclaimer))  # notr
        parts.append(f"<p>{note}</p>")
    if not brief and m.abstract:
        parts.extend(_abstract_html(article))
    return parts


def _flag_table(article: Article) -> dict[tuple[str, int], dict[int, list[int]]]:
    table: dict[tuple[str, int], dict[int, list[int]]] = {}
    for i, f in enumerate(article.flagged):
        if f.block_index is None or f.claim_end is None:
            continue
        at = table.setdefault((f.section_anchor, f.block_index), {})
        at.setdefault(f.claim_end, []).append(i)
    return table


def _linear_table_html(
    block: Block, numbers: dict[str, int], formulas: list[Formula] | None = None
) -> str:
    """A table as a list, one row per item ("Header: value; ..."), for narrow windows."""
    header: tuple[str, ...] = ()
    items: list[str] = []
    for row in block.rows:
        if row and all(c.header for c in row):
            header = tuple(c.text for c in row)
            continue
        parts = []
        for i, cell in enumerate(row):
            inner = _runs_html(cell.runs, numbers, None, None, ("", 0), {}, formulas)
            label = header[i] if i < len(header) and header[i] else ""
            parts.append(f"<b>{escape(label)}:</b> {inner}" if label else inner)
        items.append("<li>" + "; ".join(parts) + "</li>")
    return '<ul style="-qt-list-indent: 1;">' + "".join(items) + "</ul>"


def _table_html(
    block: Block,
    numbers: dict[str, int],
    linear: bool = False,
    formulas: list[Formula] | None = None,
) -> str:
    """A table (as a list when ``linear``); its formulas are ``math:<n>`` links counted in
    ``formulas``, as in the text, when given."""
    if linear:
        return _linear_table_html(block, numbers, formulas)
    rows: list[str] = []
    for row in block.rows:
        cells = []
        for cell in row:
            tag = "th" if cell.header else "td"
            inner = _runs_html(cell.runs, numbers, None, None, ("", 0), {}, formulas)
            cells.append(f"<{tag}>{inner}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        + "".join(rows)
        + "</table>"
    )


def _section_html(
    section: Section,
    numbers: dict[str, int],
    cite_ordinal: list[int],
    markers: list[Marker],
    flags: dict[tuple[str, int], dict[int, list[int]]],
    linear_tables: bool = False,
    tables: list[str] | None = None,
    formulas: list[Formula] | None = None,
) -> list[str]:
    out: list[str] = []
    if section.level > 0:
        level = min(max(section.level, 1), 6)
        out.append(
            f'<h{level}><a name="{escape(section.anchor)}">{escape(section.heading)}</a></h{level}>'
        )
    open_list: tuple[int, bool] | None = None

    def close_list() -> None:
        nonlocal open_list
        if open_list is not None:
            out.append("</ol>" if open_list[1] else "</ul>")
            open_list = None

    for b_index, block in enumerate(section.blocks):
        flags_at = dict(flags.get((section.anchor, b_index), {}))
        where = (section.anchor, b_index)
        kind = block.kind
        if kind is BlockKind.LIST_ITEM:
            key = (block.depth, block.ordered)
            if open_list != key:
                close_list()
                tag = "ol" if block.ordered else "ul"
                start = f' start="{block.number}"' if block.ordered and block.number else ""
                style = "decimal" if block.ordered else ("disc" if block.depth == 0 else "circle")
                out.append(
                    f'<{tag}{start} style="-qt-list-indent: {block.depth + 1}; '
                    f'list-style-type: {style};">'
                )
                open_list = key
            inner = _runs_html(
                block.runs, numbers, cite_ordinal, markers, where, flags_at, formulas
            )
            out.append(f"<li>{inner}</li>")
            continue
        if kind is BlockKind.PARAGRAPH and open_list is not None and block.depth >= 0:
            # A further paragraph of a list item stays indented with its item.
            inner = _runs_html(
                block.runs, numbers, cite_ordinal, markers, where, flags_at, formulas
            )
            indent = 2 * (block.depth + 1)
            out.append(f'<p style="margin-left: {indent}em;">{inner}</p>')
            continue
        close_list()
        first = block.runs[0].formula if block.runs else None
        if kind is BlockKind.PARAGRAPH and first is not None and first.display:
            # A numbered equation: set apart from the text, as it is printed.
            inner = _runs_html(
                block.runs, numbers, cite_ordinal, markers, where, flags_at, formulas
            )
            out.append(f'<p style="margin-left: 2em;">{inner}</p>')
        elif kind is BlockKind.PARAGRAPH:
            inner = _runs_html(
                block.runs, numbers, cite_ordinal, markers, where, flags_at, formulas
            )
            out.append(f"<p>{inner}</p>")
        elif kind is BlockKind.QUOTE:
            inner = _runs_html(
                block.runs, numbers, cite_ordinal, markers, where, flags_at, formulas
            )
            out.append(f"<blockquote><p>{inner}</p></blockquote>")
        elif kind is BlockKind.NOTE:
            inner = _runs_html(
                block.runs, numbers, cite_ordinal, markers, where, flags_at, formulas
            )
            out.append(f'<p class="muted"><i>{inner}</i></p>')
        elif kind is BlockKind.CODE:
            out.append(
                '<p style="font-family: monospace; white-space: pre-wrap;">'
                f"{escape(block.text, quote=False)}</p>"
            )
        elif kind is BlockKind.TABLE:
            html = _table_html(block, numbers, linear_tables, formulas)
            out.append(html)
            if tables is not None:  # as a table, to know whether it fits the width
                tables.append(_table_html(block, numbers) if linear_tables else html)
        elif kind is BlockKind.RULE:
            out.append(RULE_HTML)
    close_list()
    return out


@dataclass(frozen=True, slots=True)
class RenderedPart:
    """A piece of the article's HTML, a whole number of blocks (the title and details, a
    section, or a run of a long section's paragraphs), and what it adds to the article's
    markers, headings, tables and formulas."""

    html: str
    markers: tuple[Marker, ...]
    heading_anchors: tuple[str, ...]
    tables: tuple[str, ...]
    formulas: tuple[Formula, ...]
    starts_piece: bool  # it starts with a heading or a paragraph outside any list


def _cut(html: list[str], chars: int) -> list[str]:
    """A section's HTML (one item per block, list tags apart) cut into pieces of about
    ``chars``, each starting with a heading or a paragraph outside any list."""
    pieces: list[str] = []
    current: list[str] = []
    size = depth = 0
    for item in html:
        if depth == 0 and current and size >= chars and item.startswith(("<p", "<h")):
            pieces.append("".join(current))
            current, size = [], 0
        current.append(item)
        size += len(item)
        if item.startswith(("<ul", "<ol")):
            depth += 1
        elif item in ("</ul>", "</ol>"):
            depth -= 1
    if current:
        pieces.append("".join(current))
    return pieces


def render_parts(
    article: Article,
    *,
    linear_tables: bool = False,
    piece_chars: int = 2000,
    details_open: bool = False,
) -> Iterator[RenderedPart]:
    """The article's HTML piece by piece in reading order, each section rendered when asked
    for (the first screen is shown before the rest is rendered), a long section in pieces of
    about ``piece_chars``. Joined between ``<html><body>`` and ``</body></html>`` they are
    :func:`render_article`'s HTML. ``details_open``: a research article's details shown
    under its byline."""
    numbers = {r.key: r.number for r in article.references}
    cite_ordinal = [0]
    flags = _flag_table(article)
    formulas: list[Formula] = []  # shared: a formula's link counts those before it
    yield RenderedPart("".join(_meta_html(article, details_open)), (), ("top",), (), (), True)
    for section in article.sections:
        markers: list[Marker] = []
        tables: list[str] = []
        before = len(formulas)
        html = _section_html(
            section, numbers, cite_ordinal, markers, flags, linear_tables, tables, formulas
        )
        if not html:
            continue
        pieces = _cut(html, piece_chars)
        yield RenderedPart(
            pieces[0],
            tuple(markers),
            (section.anchor,) if section.level > 0 else (),
            tuple(tables),
            tuple(formulas[before:]),
            html[0].startswith(("<p", "<h")),
        )
        for piece in pieces[1:]:
            yield RenderedPart(piece, (), (), (), (), True)


def render_article(
    article: Article, *, linear_tables: bool = False, details_open: bool = False
) -> RenderedArticle:
    """The article as HTML; ``linear_tables`` turns tables into lists (narrow windows);
    ``details_open``: a research article's details shown under its byline."""
    parts = list(render_parts(article, linear_tables=linear_tables, details_open=details_open))
    return RenderedArticle(
        "<html><body>" + "".join(p.html for p in parts) + "</body></html>",  # notr
        tuple(m for p in parts for m in p.markers),
        tuple(a for p in parts for a in p.heading_anchors),
        tuple(t for p in parts for t in p.tables),
        tuple(f for p in parts for f in p.formulas),
    )


def welcome_html(collections: Iterable[tuple[str, int]]) -> str:
    """The page shown before any article is opened."""
    plurals = _Plurals()
    items = "".join(
        f"<li>{escape(name)} ({escape(plurals.articles(count))})</li>"
        for name, count in collections
    )
    empty = QCoreApplication.translate("ArticleHtml", "The library is empty.")
    listing = f"<ul>{items}</ul>" if items else f"<p>{escape(empty)}</p>"
    body = QCoreApplication.translate(
        "ArticleHtml",
        '<h1><a name="top">Welcome to the health library</a></h1>'
        "<p>Every article here is stored on this computer: nothing is fetched from the "
        "internet.</p>"
        "<p>Choose an article from the <b>Library</b> list, or type a few words into "
        "<b>Search</b> (Ctrl+K). Citation numbers such as [1] in an article show where a "
        "claim comes from, in the <b>References</b> pane.</p>"
        "<p>Make the text larger with Ctrl+= and smaller with Ctrl+-, or change the colours "
        "from the View menu.</p>",
    )
    heading = QCoreApplication.translate("ArticleHtml", "In this library")
    return f"<html><body>{body}<h2>{escape(heading)}</h2>{listing}</body></html>"


def printed_sections(article: Article, section_anchor: str | None) -> tuple[Section, ...]:
    """The sections a handout holds: every one, or one section with the sections under it
    (deeper headings up to the next heading of its level or higher)."""
    if section_anchor is None:
        return article.sections
    chosen: list[Section] = []
    level: int | None = None
    for section in article.sections:
        if level is None:
            if section.anchor == section_anchor:
                chosen.append(section)
                # The lead (level 0) stands alone; a heading takes its sub-sections.
                level = section.level if section.level > 0 else 99
            continue
        if section.level == 0 or section.level <= level:
            break
        chosen.append(section)
    return tuple(chosen)


def handout_html(
    article: Article,
    section_anchor: str | None = None,
    *,
    references_title: str = "References",
    section_note: str = "",
) -> str:
    """The article (or one section) for print: title, attribution, the text, and the
    references its citations point to, numbered as in the reader."""
    numbers = {r.key: r.number for r in article.references}
    sections = printed_sections(article, section_anchor)
    flags = _flag_table(article)
    parts = ["<html><body>", *_meta_html(article, fold=False)]
    if section_note:
        parts.append(f'<p class="muted"><i>{escape(section_note)}</i></p>')
    for section in sections:
        parts.extend(_section_html(section, numbers, [0], [], flags, linear_tables=False))
    if section_anchor is None:
        cited = list(article.references)
    else:
        anchors = {s.anchor for s in sections}
        keys = {c.reference_key for c in article.citations if c.section_anchor in anchors}
        cited = [r for r in article.references if r.key in keys]
    if cited:
        parts.append(f"<h2>{escape(references_title)}</h2>")
        for ref in cited:
            parts.append(f"<p>{ref.number}. {escape(ref.text)}</p>")
    parts.append("</body></html>")
    return "".join(parts)
