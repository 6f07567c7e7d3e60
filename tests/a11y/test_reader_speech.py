"""What a blind reader hears: the real reader, read by the real Orca.

One reader process and one Orca (with speech-dispatcher and espeak-ng, no sound card)
are shared by the scenarios of this module, which run in order: each starts by putting
the keyboard where it needs it. A plain ``QTextBrowser`` showing the same article is
the baseline the article is measured against (``baseline`` fixture): for the same keys
the reader must say at least what it says. Assertions are on Orca's speech log.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterator

import pytest

from reader.core.article import read_article
from reader.core.model import Article
from reader.ui.article_html import render_article

from .conftest import REPO
from .speech_harness import (
    SPEECH_TESTS,
    OrcaSession,
    SpeechSession,
    joined,
    start_with_orca,
    vm_rss_kib,
)
from .stack import A11yStack

pytestmark = SPEECH_TESTS

SEED_ID = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"
SEED = REPO / "library" / "womens-health" / f"{SEED_ID}.md"


class Session(SpeechSession):
    """The reader (or the baseline) read by Orca, on its own stack."""

    def __init__(self, stack: A11yStack, orca: OrcaSession, pid: int, started: int) -> None:
        super().__init__(orca, started)
        self.stack = stack
        self.pid = pid


def _session(
    tmp_path_factory: pytest.TempPathFactory,
    argv: list[str],
    env: dict[str, str],
    *,
    orca_first: bool = True,
) -> Iterator[Session]:
    """The program read by Orca (see :func:`start_with_orca`)."""
    for started in start_with_orca(tmp_path_factory, argv, env, orca_first=orca_first):
        yield Session(started.stack, started.orca, started.pid, started.mark)


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_article(SEED)


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory, seed: Article) -> Iterator[Session]:
    root = tmp_path_factory.mktemp("reader-library")
    library = root / "library"
    shutil.copytree(REPO / "library", library)
    yield from _session(
        tmp_path_factory,
        [sys.executable, "-m", "reader", "--library", str(library), SEED_ID],
        {"OFFLINE_READER_HOME": str(root / "home"), "PYTHONFAULTHANDLER": "1"},
    )


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory, seed: Article) -> Iterator[Session]:
    yield from _session(
        tmp_path_factory,
        [sys.executable, "-m", "tests.a11y.baseline_app", str(SEED)],
        {"PYTHONPATH": str(REPO)},
        # The baseline needs no start-up speech, and its keyboard reaches Orca more
        # reliably this way.
        orca_first=False,
    )


#: Where each scenario's speech is written, for people to read what Orca said.
HEARD_DIR = REPO / ".cache" / "speech-heard"


@pytest.fixture(autouse=True)
def _record_heard(request: pytest.FixtureRequest) -> Iterator[None]:
    """Write what Orca said during the scenario (reader, and baseline when it ran) to
    ``.cache/speech-heard/<scenario>.txt``: the log behind the assertions, readable."""
    names = [n for n in ("reader", "baseline") if n in request.fixturenames]
    sessions: dict[str, Session] = {n: request.getfixturevalue(n) for n in names}
    start_up = "start_up" in request.node.name  # from the program's start
    marks = {n: s.started if start_up else s.orca.log.mark() for n, s in sessions.items()}
    yield
    HEARD_DIR.mkdir(parents=True, exist_ok=True)
    lines = [f"{n}: {u}" for n, s in sessions.items() for u in s.orca.log.heard(marks[n])]
    (HEARD_DIR / f"{request.node.name}.txt").write_text("\n".join(lines) + "\n")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("\u2019", "'"))


def _in_article(seed: Article, spoken: str) -> bool:
    """Whether ``spoken`` is a run of the article's words (as the reader shows them);
    what the reader adds before a heading it reads ("heading level 2, ") aside."""
    spoken = re.sub(r"heading level \d+, ", " ", spoken)
    shown = html.unescape(re.sub(r"<[^>]+>", " ", render_article(seed).html))
    return " ".join(_words(spoken)) in " ".join(_words(shown))


def _to_article_top(session: Session) -> None:
    mark = session.keys("Control_L+Shift_L+a", "Control_L+Home")
    session.orca.wait_for_log(r"PROCESS ATSPI_KEY_RELEASED_EVENT: 'Home'", since=mark)


# --- start-up ------------------------------------------------------------------------


def test_start_up_speaks_the_article_title_and_where_the_reader_is(
    reader: Session, seed: Article
) -> None:
    heard = reader.orca.wait_for(re.escape(seed.title[:40]), since=reader.started, timeout=30)
    start = joined(heard)
    assert "Article" in start, start
    assert not any(u.startswith(("References", "Reference 1")) for u in heard), (
        f"start-up speaks another pane than the one with the keys: {start}"
    )


# --- reading the text ----------------------------------------------------------------


def test_down_and_up_speak_each_line_at_least_as_the_plain_browser_does(
    reader: Session, baseline: Session, seed: Article
) -> None:
    answers = {}
    for name, session in (("baseline", baseline), ("reader", reader)):
        _to_article_top(session)
        answers[name] = session.each_key("Down", 6) + session.each_key("Up", 2)
    spoke = {name: [bool(a) for a in got] for name, got in answers.items()}
    assert all(spoke["baseline"]), f"the baseline is silent: {answers['baseline']}"
    assert spoke["reader"] == spoke["baseline"], (
        f"Down/Up: reader said {answers['reader']}; the plain browser said {answers['baseline']}"
    )
    lines = [joined(a) for a in answers["reader"]]
    assert all(_in_article(seed, line) for line in lines), lines


def test_ctrl_right_speaks_words(reader: Session, baseline: Session) -> None:
    answers = {}
    for name, session in (("baseline", baseline), ("reader", reader)):
        # In the last paragraph, the same text in both windows.
        mark = session.keys("Control_L+Shift_L+a", "Control_L+End", "Up", "Home")
        session.orca.wait_for_log(r"PROCESS ATSPI_KEY_RELEASED_EVENT: 'Home'", since=mark)
        session.orca.wait_for(session.answer, since=mark)
        answers[name] = session.each_key("Control_L+Right", 4)
    # Now and then Orca takes Ctrl+Right for Right, or hears its caret move after the
    # key is gone (the key's timing on a loaded machine, in both windows): most presses
    # speak, and whole words are among what is said.
    assert sum(map(bool, answers["baseline"])) >= 2, answers
    words = [w for got in answers["reader"] for w in got if len(w) > 1 and w.isalpha()]
    assert sum(map(bool, answers["reader"])) >= 2 and words, (
        f"Ctrl+Right: reader said {answers['reader']}; the plain browser said {answers['baseline']}"
    )


# --- headings and citations by their own keys ----------------------------------------


def test_section_keys_speak_each_heading_with_its_level(reader: Session, seed: Article) -> None:
    """] / [ land on headings and say them with their level, in the article's order.

    (Which heading each press lands on is checked in process, in tests/ui: here, now
    and then a key is delivered twice when the accessibility bus is slow to answer.)
    """
    headings = [f"heading level {s.level}, {s.heading}" for s in seed.headed_sections]
    _to_article_top(reader)
    spoken: list[str] = []
    for _ in range(3):
        mark = reader.keys("bracketright")
        heard = reader.orca.wait_for(r"^heading level \d", since=mark)
        spoken += [h.strip() for h in heard if h.startswith("heading level")]
    assert spoken and all(h in headings for h in spoken), spoken
    assert [headings.index(h) for h in spoken] == sorted(headings.index(h) for h in spoken)
    # Reading on line by line (a long heading takes more than one line) into the text
    # under it; Up comes back onto the heading, which is said as one.
    heading = spoken[-1].split(", ", 1)[1]
    for _ in range(4):
        mark = reader.keys("Down")
        heard = reader.orca.wait_for(r"\w", since=mark)
        assert _in_article(seed, joined(heard)), heard
        if not all(h.strip() in heading for h in reader.said(mark)):
            break
    mark = reader.keys("Up")
    heard = reader.orca.wait_for(r"^heading level \d", since=mark)
    assert any(h.strip() == spoken[-1] for h in heard), (spoken[-1], heard)
    mark = reader.keys("Control_L+Up")
    heard = reader.orca.wait_for(r"^heading level 2", since=mark)
    assert any(h.strip() in headings for h in heard), heard


def test_citation_to_reference_to_cited_in_and_back(reader: Session, seed: Article) -> None:
    first = seed.citations[0]
    claim_start = r"\W+".join(re.escape(w) for w in first.claim.split()[:5])
    _to_article_top(reader)
    mark = reader.keys("period")
    reader.orca.wait_for(r"citation 1\W+Cornell University\W+2021", since=mark)
    mark = reader.keys("Return")
    reader.orca.wait_for(r"Reference 1 of 4\W+Cornell University", since=mark)
    tab = reader.keys("Tab")
    reader.orca.wait_for(rf"paragraph 1\W+{claim_start}", since=tab)
    # The reference was said once (by the focus landing on it), not again as news.
    told = [u for u in reader.orca.log.heard(mark) if "Reference 1 of 4" in u]
    assert len(told) == 1, f"the reference was spoken {len(told)} times: {told}"
    mark = reader.keys("Return")
    reader.orca.wait_for(claim_start, since=mark)
    # Back from the reference by Escape speaks the claim too.
    reader.keys("period")
    mark = reader.keys("Return")
    reader.orca.wait_for(r"Reference 1 of 4", since=mark)
    mark = reader.keys("Escape")
    reader.orca.wait_for(claim_start, since=mark)


# --- the panes -----------------------------------------------------------------------


def test_library_tree_speaks_its_current_item(reader: Session, seed: Article) -> None:
    """Entering the Library speaks the open article, with where it is in its collection,
    last: what the keys are on (whatever Qt's selection told the screen reader first)."""
    mark = reader.keys("Control_L+l")
    title = re.escape(seed.title[:30])
    reader.orca.wait_for(rf"{title}.*\b\d+ of \d+", since=mark)
    said = reader.said(mark)
    assert re.search(title, said[-1]), f"the Library tree ended on another item: {said}"


def test_sections_tree_speaks_its_current_item(reader: Session, seed: Article) -> None:
    """F6 from the article enters the Sections tree (raising its tab) and ends on the
    section being read, with where it is, selected."""
    _to_article_top(reader)
    mark = reader.keys("F6")
    first = "Introduction" if seed.section("lead") else seed.headed_sections[0].heading
    reader.orca.wait_for(
        rf"^{re.escape(first)}\b.*\b1 of {len(reader_sections(seed))}\b", since=mark
    )
    said = reader.said(mark)
    assert said[-1].startswith(first), f"the Sections tree ended on another item: {said}"
    assert "not selected" not in joined(said), said


def reader_sections(seed: Article) -> list[str]:
    """The rows of the Sections tree: the introduction (if any), then every heading."""
    lead = ["Introduction"] if seed.section("lead") else []
    return lead + [s.heading for s in seed.headed_sections]


# --- search --------------------------------------------------------------------------


def test_search_speaks_the_count_goes_down_to_results_and_opens_one(
    reader: Session, seed: Article
) -> None:
    """The words of one of the seed article's sections: the seed (committed, so in every
    library the tests run on) is the first result whatever else the library holds."""
    query = "vitamin B-12 autism"
    mark = reader.keys("Control_L+k")
    reader.orca.wait_for(r"^Search the library", since=mark)
    typed = reader.orca.log.mark()
    reader.orca.type(query)
    # While the words are typed, the counts of shorter queries are heard. Once Orca has
    # taken in the box's last letter (it takes the program's news in order), a count it
    # says is the whole query's: the box drops results for anything else.
    last = (
        rf"Dequeued object:text-changed:insert \[text \| Search the library\] \({len(query) - 1},"
    )
    reader.orca.wait_for_log(last, since=typed, timeout=60)
    whole = reader.orca.log.find(last, typed)
    assert whole is not None
    count = r"\b\d+ results? in \d+ articles?"
    reader.orca.wait_for(count, since=whole, timeout=120)
    mark = reader.keys("Down")
    reader.orca.wait_for(rf"^{re.escape(seed.title[:40])}", since=mark)
    mark = reader.keys("Return")
    # Where the result opened the article: its section's heading (or the article).
    opened = r"^(heading level \d+, |Article: )\w"
    heard = reader.orca.wait_for(opened, since=mark)
    assert not [u for u in reader.said(mark) if re.search(count, u)], heard
    places = [f"Article: {seed.title}"] + [
        f"heading level {s.level}, {s.heading}" for s in seed.headed_sections
    ]
    said = next(u for u in heard if re.search(opened, u)).strip()
    assert any(said.startswith(place) for place in places), f"opened elsewhere: {heard}"


def test_f10_opens_the_menu_bar(reader: Session) -> None:
    _to_article_top(reader)
    mark = reader.keys("F10")
    try:
        reader.orca.wait_for(r"\bFile\b", since=mark)
    finally:
        mark = reader.keys("Escape", "Escape")
        reader.orca.wait_for_log(r"PROCESS ATSPI_KEY_RELEASED_EVENT: 'Escape'", since=mark)


def _say_all(session: Session, until: str) -> list[str]:
    """Say All from the top until ``until`` is read; what Say All sent, in order.

    speech-dispatcher (espeak-ng, null output) now and then never reports the end of a
    chunk, and Orca's Say All then waits for ever, in the plain browser as in the
    reader. A listener would press Say All again; so does this, from where it stopped,
    up to three times.
    """
    _to_article_top(session)
    mark = session.keys("KP_Add")
    for _ in range(3):
        try:
            session.orca.wait_for(until, since=mark, timeout=40, said_all=True)
            break
        except AssertionError:
            session.keys("KP_Add")
    session.orca.wait_for(until, since=mark, timeout=40, said_all=True)
    session.keys("Control_L")  # stop reading
    return session.orca.log.heard(mark, said_all=True)


def test_say_all_reads_the_whole_article_with_citations_whole(
    reader: Session, baseline: Session, seed: Article
) -> None:
    last_words = seed.sections[-1].text.split()[:4]
    pattern = r"\W+".join(re.escape(w) for w in last_words)
    heard = {
        name: _say_all(session, pattern)
        for name, session in (("baseline", baseline), ("reader", reader))
    }
    text = " ".join(heard["reader"])
    for ordinal in range(1, len(seed.references) + 1):
        if f"[{ordinal}]" in " ".join(heard["baseline"]):
            assert f"[{ordinal}]" in text, text
    assert not re.search(r"\bnote:\s*note:", text, re.IGNORECASE), "a doubled 'Note:'"
    # Headings are said as headings: "heading level 2." just before each.
    unsaid = [
        f"heading level {s.level}, {s.heading}"
        for s in seed.headed_sections
        if not re.search(rf"heading level {s.level}\W+{re.escape(s.heading)}", text)
    ]
    assert not unsaid, f"Say All read these headings as plain text: {unsaid}"
    split = [u for u in heard["reader"] if u.rstrip().endswith("[") or u.lstrip().startswith("1]")]
    assert not split, f"a citation marker was split: {split}"
    assert len(_words(text)) >= len(_words(" ".join(heard["baseline"]))) * 0.95


# --- no silent Tab stop ----------------------------------------------------------------


def _tab_until(session: Session, back_to: str, most: int) -> list[list[str]]:
    """Tab until Orca says ``back_to`` again (or ``most`` times); what each Tab said."""
    answers: list[list[str]] = []
    for _ in range(most):
        answers += session.each_key("Tab", 1, timeout=10)
        if any(re.search(back_to, u) for u in answers[-1]):
            break
    return answers


def test_every_tab_stop_in_the_window_speaks(reader: Session) -> None:
    mark = reader.keys("Control_L+k")
    reader.orca.wait_for(r"^Search the library", since=mark)
    answers = _tab_until(reader, r"^Search the library", 60)
    silent = [i + 1 for i, said in enumerate(answers) if not said]
    assert not silent, f"Tab stops {silent} of {len(answers)} said nothing: {answers}"
    assert any(re.search(r"^Search the library", u) for u in answers[-1]), (
        f"Tab did not come round to the search box: {answers}"
    )


def test_shortcuts_dialog_speaks_every_tab_stop_and_escape_comes_back(
    reader: Session, seed: Article
) -> None:
    """F1 from the article: the dialog and its table are spoken; Tab goes round its two
    stops, the table and the Close button, twice, each spoken; Escape closes it and the
    article is spoken again, with the keys on it: Down reads on from where it was."""
    _to_article_top(reader)
    mark = reader.keys("F1")
    reader.orca.wait_for(r"^Keyboard shortcuts\b.*\bdialog", since=mark)
    table = r"^table with \d+ rows"
    reader.orca.wait_for(table, since=mark)
    # Each Tab waits for its own stop's words (what is still being said of the last
    # one is no answer on a slow machine): a silent stop fails with what was heard.
    for stop in [r"^Close push button", table] * 2:
        tab = reader.keys("Tab")
        reader.orca.wait_for(stop, since=tab)
    mark = reader.keys("Escape")
    reader.orca.wait_for(rf"^Article: {re.escape(seed.title[:40])}", since=mark)
    mark = reader.keys("Down")
    heard = reader.orca.wait_for(reader.answer, since=mark)
    assert _in_article(seed, joined(reader.said(mark))), heard


# --- nothing freezes or floods the screen reader -------------------------------------


#: The 200 keys: twenty kinds, ten times, over the article, citations, references,
#: the Sections tree, the other panes and history, typed without waiting for speech.
ROUND = [
    "Down", "Down", "period", "Return", "Down", "Escape", "bracketright", "Control_L+Right",
    "period", "Tab", "Return", "Control_L+Alt_L+Down", "Up", "F6", "F6", "Shift_L+F6",
    "Control_L+Shift_L+a", "bracketleft", "Alt_L+Left", "Control_L+Home",
]  # fmt: skip
#: The most events Orca may be sent per key of the round, on average.
EVENTS_PER_KEY = 5


def test_two_hundred_keys_leave_orca_responsive_and_its_memory_bounded(
    reader: Session, seed: Article
) -> None:
    """After 200 keys typed at a person's fastest, Orca still answers the next key:
    it speaks the reader's answer (the last heading, reached from the end) within
    30 s, so the reader sent it no more than it can take in."""
    _to_article_top(reader)
    before = vm_rss_kib(reader.orca.orca_pid)
    start = reader.orca.log.mark()
    for _ in range(10):
        reader.orca.press(*ROUND)
    last = seed.headed_sections[-1]
    mark = reader.keys("Control_L+Shift_L+a", "Control_L+End", "bracketleft")
    pressed = time.monotonic()
    answer = rf"^heading level {last.level}, {re.escape(last.heading)}"
    try:
        reader.orca.wait_for(answer, since=mark, timeout=30)
    except AssertionError as behind:
        raise AssertionError(f"{behind}\n{_flood(reader.orca.log.lines[start:])}") from None
    lag = time.monotonic() - pressed
    grown = (vm_rss_kib(reader.orca.orca_pid) - before) // 1024
    events = reader.orca.log.count(r"EVENT MANAGER: Queueing object:", start)
    print(f"200 keys: {events} events to Orca; the next key answered in {lag:.1f} s; +{grown} MB")
    assert grown < 200, f"Orca grew by {grown} MB over 200 keys"
    assert events < EVENTS_PER_KEY * len(ROUND) * 10, (
        f"the reader sent Orca {events} events over 200 keys"
    )


def _flood(lines: list[str]) -> str:
    """What Orca was sent (by kind) and how long its queue grew, from its debug log."""
    kinds = Counter(
        m.group(1) for line in lines if (m := re.search(r"Queueing (object:\S+|focus:)", line))
    )
    sizes = [int(m.group(1)) for line in lines if (m := re.search(r"Queue size is (\d+)", line))]
    return (
        f"Orca was sent {sum(kinds.values())} events: {kinds.most_common(6)}; "
        f"its queue reached {max(sizes, default=0)} (past 50 it sifts the whole queue at "
        "each new event)"
    )
