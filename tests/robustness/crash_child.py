"""A process for the crash tests to kill with SIGKILL: ``python crash_child.py MODE DIR``.

Each mode does one kind of write in a loop (or once, for indexing) and prints a line
per step, flushed, so the test can pick its moment. Modes: ``index`` (build the index
of DIR/library), ``instance`` (open, update if needed, search), ``searcher`` (search in
a loop), ``write`` (replace one large article again and again), ``settings``
(save settings again and again).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def article_version(n: int) -> str:
    """A valid ~3 MB article whose every line names its version ``n``."""
    head = f"---\nid: big\ntitle: Version {n}\ncollection: Crash\n---\n\n"
    body = "".join(f"Paragraph {i} of version {n}.\n\n" for i in range(100_000))
    return head + body + f"END OF VERSION {n}\n"


def settings_version(n: int) -> object:
    import base64

    from reader.core.settings import Settings

    blob = base64.b64encode(bytes([n % 256]) * 40_000).decode()
    return Settings(text_scale=100, window_state=blob, last_article=f"version-{n}")


def main() -> None:
    mode, base = sys.argv[1], Path(sys.argv[2])
    if mode == "index":
        from reader.core.library import Library
        from reader.core.model import IndexProgress
        from reader.core.search import SearchIndex

        def progress(p: IndexProgress) -> None:
            print(f"{p.phase} {p.done}", flush=True)

        ix = SearchIndex.open(Library.scan(base / "library"))
        ix.update(progress=progress)
        print("finished", flush=True)
    elif mode == "instance":  # what a second reader window does at start, headless
        from reader.core.library import Library
        from reader.core.model import IndexProgress
        from reader.core.search import SearchIndex

        def tell(p: IndexProgress) -> None:
            print(f"{p.phase} {p.done}", flush=True)

        ix = SearchIndex.open(Library.scan(base / "library"))
        print(f"opened {ix.damage}", flush=True)
        if ix.needs_update():
            print(f"updated {ix.update(progress=tell).added}", flush=True)
        results = ix.search("vitamin")
        print(f"hits {len(results.hits)} {results.rebuilding}", flush=True)
        ix.close()
    elif mode == "searcher":  # searches again and again until killed
        from reader.core.library import Library
        from reader.core.search import SearchIndex

        ix = SearchIndex.open(Library.scan(base / "library"))
        n = 0
        while True:
            results = ix.search(("vitamin", "iron folate", '"blood pressure"')[n % 3])
            assert results.hits or results.message, results
            if results.rebuilding and ix.needs_update():
                ix.update()
            n += 1
            print(f"searched {n} {len(results.hits)}", flush=True)
    elif mode == "write":
        from reader.core.importers import write_article

        texts = [article_version(n) for n in range(2)]
        print("ready", flush=True)
        n = 0
        while True:
            write_article(base / "library" / "crash" / "big.md", texts[n % 2], replace=True)
            n += 1
            print(f"wrote {n}", flush=True)
    elif mode == "settings":
        from reader.core.settings import SettingsStore

        store = SettingsStore(base / "settings.json")
        versions = [settings_version(n) for n in range(2)]
        print("ready", flush=True)
        n = 0
        while True:
            store.save(versions[n % 2])  # type: ignore[arg-type]
            n += 1
            print(f"saved {n}", flush=True)


if __name__ == "__main__":
    main()
