"""Full-text search over the library: the only package that imports Whoosh, and its
front door (import from here, not from the modules inside).

The index holds ONE DOCUMENT PER SECTION (plus one for an article's reference list),
so a hit points at the section that matched and its snippet comes from a short text.
Beside the Whoosh files, ``reader-index.json`` records the schema version, the
library it belongs to, the files of the last commit with their sizes, and a manifest
of every article's content hash, title and headings. The manifest drives
incremental updates (only added, changed and removed articles are touched) and the
as-you-type suggestions (a sorted in-memory list of title and heading words, never a
wildcard over the body).

Query handling (see :meth:`SearchIndex.search`): plain words (sections with all of
them first, then sections with some), ``"quoted phrases"``, ``-excluded`` words, a
collection filter; synonyms applied at query time; Did-you-mean from the library's own
vocabulary. Whatever a person types, search returns results or a friendly nothing.

The modules, from the bottom up: ``analysis`` (constants, languages, analyzer, schema),
``documents`` (an article's section documents), ``manifest``, ``suggestions``,
``snippets``, ``query`` (parsing and planning), ``location`` (where an index lives and
whether it may be written: asked by everything that opens one) and ``index``
(:class:`SearchIndex`).
"""

from __future__ import annotations

from reader.core.search.analysis import (
    LANGUAGES,
    MANIFEST_NAME,
    MAX_QUERY_CHARS,
    PREBUILT_DIR_NAME,
    SCHEMA_VERSION,
    SNIPPET_CHARS,
    HealthAnalyzer,
    make_schema,
)
from reader.core.search.documents import section_documents
from reader.core.search.index import SearchIndex
from reader.core.search.location import IndexLocation, Place, default_index_dir
from reader.core.search.manifest import file_checksum
from reader.core.search.query import ParsedQuery, parse_query
from reader.core.search.snippets import Marks, make_snippet
from reader.core.search.suggestions import suggestion_keys

__all__ = [
    "LANGUAGES",
    "MANIFEST_NAME",
    "MAX_QUERY_CHARS",
    "PREBUILT_DIR_NAME",
    "SCHEMA_VERSION",
    "SNIPPET_CHARS",
    "HealthAnalyzer",
    "IndexLocation",
    "Marks",
    "ParsedQuery",
    "Place",
    "SearchIndex",
    "default_index_dir",
    "file_checksum",
    "make_schema",
    "make_snippet",
    "parse_query",
    "section_documents",
    "suggestion_keys",
]
