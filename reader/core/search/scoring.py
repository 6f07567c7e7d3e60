"""Ranking: Whoosh's BM25F, with each segment's field lengths read once into memory.

Whoosh's own scorer looks a section's field length up in the index file for every
section it scores (a seek and a one-byte read, since the index is read, not mapped);
a common word scores thousands of sections per search. :class:`FastBM25F` reads each
segment's length column in one read the first time a field is scored and keeps it
(one byte per section and field: 40 KB for 40,000 sections), so the scores are the
very same numbers, found without touching the disk.
"""

from __future__ import annotations

import threading
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.scoring import BM25F, BM25FScorer, WeightScorer
from whoosh.util.numeric import byte_to_length

# Whoosh's scoring classes are untyped: reach them through Any.
_BM25F: Any = BM25F
_BM25FScorer: Any = BM25FScorer
_WeightScorer: Any = WeightScorer

#: The name of a field's length column in Whoosh's files (``whoosh.codec.whoosh3``).
_LENGTH_FIELD = "_{}_len"
#: Decoded field length of each length byte (Whoosh stores lengths as one byte).
_LENGTHS = tuple(byte_to_length(b) for b in range(256))


def _length_table(reader: Any, fieldname: str) -> tuple[int, ...] | None:
    """Every section's length of ``fieldname`` in one segment, decoded; None when the
    reader is not one segment's or keeps its lengths another way (Whoosh then looks
    each length up itself)."""
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None or not hasattr(perdoc, "_cached_reader"):
        return None
    column = perdoc._cached_reader(_LENGTH_FIELD.format(fieldname), LENGTHS_COLUMN)
    doccount = int(reader.doc_count_all())
    if column is None:  # no lengths kept: Whoosh's own lookup says 1
        return (1,) * doccount
    count = int(column._count)
    raw = bytes(column._dbfile.get(column._basepos, count)) if count else b""
    if len(raw) != count:
        raise EOFError(f"the lengths of {fieldname} are cut short")
    lengths = _LENGTHS
    return tuple(lengths[b] for b in raw) + (0,) * (doccount - count)


class _TableScorer(_BM25FScorer):  # type: ignore[misc]  # Whoosh's classes are untyped
    """BM25F of one term in one segment, its field lengths read from a table."""

    def __init__(
        self, searcher: Any, fieldname: str, text: str, b: float, k1: float, qf: int, table: Any
    ) -> None:
        super().__init__(searcher, fieldname, text, b, k1, qf=qf)
        self._table = table
        self.dfl = table.__getitem__

    def score(self, matcher: Any) -> float:
        score: float = self._score(matcher.weight(), self._table[matcher.id()])
        return score


class FastBM25F(_BM25F):  # type: ignore[misc]  # Whoosh's classes are untyped
    """Whoosh's BM25F (same parameters, same scores), field lengths kept in memory.

    One instance serves one searcher: its tables belong to that searcher's segments."""

    def __init__(self) -> None:
        super().__init__()
        self._tables: dict[tuple[int, str], tuple[Any, tuple[int, ...] | None]] = {}
        self._tables_lock = threading.Lock()

    def _table(self, searcher: Any, fieldname: str) -> tuple[int, ...] | None:
        reader = searcher.reader()
        key = (id(reader), fieldname)
        found = self._tables.get(key)
        if found is not None and found[0] is reader:
            return found[1]
        with self._tables_lock:
            table = _length_table(reader, fieldname)
            self._tables[key] = (reader, table)  # the reader kept: its id stays its own
        return table

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return _WeightScorer.for_(searcher, fieldname, text)
        table = self._table(searcher, fieldname)
        b = self._field_B.get(fieldname, self.B)
        if table is None:
            return _BM25FScorer(searcher, fieldname, text, b, self.K1, qf=qf)
        return _TableScorer(searcher, fieldname, text, b, self.K1, qf, table)
