"""The manifest beside the Whoosh files (``reader-index.json``): the schema version, the
library, the files of the last commit with their sizes and checksums, and every article's
content hash, title and headings, written one article to a line.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.fsutil import open_regular
from reader.core.model import ArticleSummary
from reader.core.search.analysis import SCHEMA_VERSION
from reader.core.texts import QT_TRANSLATE_NOOP

#: The manifest's first line ends here; then one article per line, then ``}}``.
_ARTICLES_OPEN = '"articles":{'
_READ_BATCH = 400
#: The manifest of 50,000 articles is some 30 MB; a larger file, or a longer line, is not one.
MAX_MANIFEST_BYTES = 512 * 1024 * 1024
_MAX_MANIFEST_LINE = 16 * 1024 * 1024


def library_key(root: Path, folder: Path) -> str:
    """How the manifest of an index in ``folder`` names the library at ``root``: ``"."``
    for an index beside it (the library and its index move together), else the library's
    absolute path."""
    resolved = Path(root).resolve()
    try:
        if Path(folder).resolve().parent == resolved:
            return "."
    except OSError:
        pass
    return str(resolved)


def file_checksum(path: Path, cancel: Callable[[], bool] | None = None) -> str | None:
    """CRC-32 of a regular file's bytes, read a mebibyte at a time (zlib lets other threads
    run meanwhile); None when ``cancel`` said stop."""
    crc = 0
    with open_regular(path) as f:
        while chunk := f.read(1 << 20):
            if cancel is not None and cancel():
                return None
            crc = zlib.crc32(chunk, crc)
    return f"crc32:{crc:08x}"


@dataclass
class Manifest:
    schema: str = SCHEMA_VERSION
    library: str = ""
    state: str = "clean"  # "dirty" while a writer may have committed without us recording it
    docs: int = 0
    files: dict[str, int] = field(default_factory=dict)
    # file name -> checksum of its bytes (see file_checksum): damage inside a file of the
    # right size (a zeroed block, a flipped bit) is found by comparing them
    digests: dict[str, str] = field(default_factory=dict)
    # id -> [content hash, title, collection, [[anchor, heading], ...]]
    articles: dict[str, list[Any]] = field(default_factory=dict)
    # the library's synonyms as analysed for this index, under the digest of their rows
    # (see reader.core.vocabulary.Synonyms.to_data): opening needs not analyse them again
    synonyms: dict[str, Any] = field(default_factory=dict)

    def unusable(self, key: str) -> str | None:
        """Why the index of this manifest cannot serve the library named ``key`` (see
        :func:`library_key`), or None."""
        if self.schema != SCHEMA_VERSION:
            return QT_TRANSLATE_NOOP(
                "SearchError", "it was built by another version ({version})"
            ).format(version=self.schema)
        if self.library != key:
            return QT_TRANSLATE_NOOP(
                "SearchError", "it belongs to another library ({library})"
            ).format(library=self.library)
        if self.state != "clean":
            return QT_TRANSLATE_NOOP("SearchError", "its last update was interrupted")
        return None

    def diff(
        self, summaries: Iterable[ArticleSummary]
    ) -> tuple[list[str], list[str], list[str], int]:
        """(added, changed, removed, unchanged) articles of a library against this index."""
        known = self.articles
        current = {s.id: s for s in summaries}
        removed = [a for a in known if a not in current]
        changed = [a for a, s in current.items() if a in known and known[a][0] != s.content_hash]
        added = [a for a in current if a not in known]
        unchanged = len(current) - len(changed) - len(added)
        return added, changed, removed, unchanged

    def to_json(self) -> str:
        """One JSON document, written one article to a line (see :meth:`read`)."""
        head = json.dumps(
            {
                "schema": self.schema,
                "library": self.library,
                "state": self.state,
                "docs": self.docs,
                "files": self.files,
                "digests": self.digests,
                "synonyms": self.synonyms,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        lines = [head[:-1] + "," + _ARTICLES_OPEN]
        rows = [
            json.dumps(article_id, ensure_ascii=False)
            + ":"
            + json.dumps(row, ensure_ascii=False, separators=(",", ":"))
            for article_id, row in self.articles.items()
        ]
        lines.append(",\n".join(rows))
        lines.append("}}\n")
        return "\n".join(line for line in lines if line)

    @classmethod
    def read(cls, path: Path, *, head_only: bool = False) -> Manifest:
        """Read a manifest a few hundred lines at a time: no single call (nor the garbage
        collections it would set off) holds the interpreter long, so a window reading the
        index of 50,000 articles on a worker thread stays responsive. A manifest of an
        older, one-line format gives only its schema version (and is rebuilt).
        ``head_only``: its first line only (no articles), to see whether it is usable."""
        with open_regular(path, MAX_MANIFEST_BYTES) as f:
            head = f.readline(_MAX_MANIFEST_LINE).decode("utf-8").rstrip("\r\n")
            if not head.endswith(_ARTICLES_OPEN):
                found = re.search(r'"schema":"([^"]{0,40})"', head[:4096])
                if found is None:
                    raise ValueError("not an index manifest")
                return cls(schema=found.group(1), state="")
            data = json.loads(head[: -len(_ARTICLES_OPEN)].rstrip(",") + "}")
            if not isinstance(data, dict):
                raise ValueError("not an index manifest")
            articles: dict[str, list[Any]] = {}
            batch: list[str] = []
            closed = head_only
            while not head_only and (raw := f.readline(_MAX_MANIFEST_LINE)):
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "}}":
                    closed = True
                    break
                batch.append(line.rstrip(","))
                if len(batch) >= _READ_BATCH:
                    articles.update(json.loads("{" + ",".join(batch) + "}"))
                    batch.clear()
            if batch:
                articles.update(json.loads("{" + ",".join(batch) + "}"))
            if not closed:
                raise ValueError("the manifest is cut short")
        return cls(
            schema=str(data.get("schema", "")),
            library=str(data.get("library", "")),
            state=str(data.get("state", "")),
            docs=int(data.get("docs", -1)),
            files={str(k): int(v) for k, v in dict(data.get("files", {})).items()},
            digests={str(k): str(v) for k, v in dict(data.get("digests", {})).items()},
            articles=articles,
            synonyms=synonyms if isinstance(synonyms := data.get("synonyms"), dict) else {},
        )
