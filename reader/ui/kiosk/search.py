"""Search for the kiosk without writing anywhere a person's traces could stay.

The kiosk searches with the window's :class:`~reader.ui.workers.SearchService` (searches
run on its worker thread, never on the screen's); this class only decides where the
index lives:

- A prebuilt index beside the library (``<library>/.index``, made with
  ``offline-reader index --out <library>/.index``) is opened read-only: searching
  never writes to it, and a stale or damaged one is never cleared or rebuilt here.
- Without one, an index is built in the background in a private temporary folder,
  which :meth:`KioskSearch.close` removes when the kiosk stops. Until it is ready a
  search says so.

The user's cache, config and data folders are never touched.
"""

from __future__ import annotations

import gc
import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.core.errors import ReaderError, SearchError
from reader.core.library import Library
from reader.core.model import IndexReport
from reader.core.search import IndexLocation, Place, SearchIndex, location
from reader.core.texts import QT_TRANSLATE_NOOP
from reader.ui.i18n import fill
from reader.ui.workers import IndexReady, SearchService

log = logging.getLogger(__name__)


def preparing() -> str:
    """Shown while the index is not ready; the kiosk runs the search itself once it is."""
    return QCoreApplication.translate(
        "KioskSearch",
        "The search is being prepared. Your results will appear here by themselves "
        "as soon as it is ready.",
    )


class KioskSearch(SearchService):
    """The kiosk's search index: prebuilt and read-only, or private and temporary."""

    may_update = False
    ready = Signal()
    failed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(library, parent)
        self.prebuilt = False
        self.problem: str | None = None
        self._where: IndexLocation | None = None  # decided at start (see location.for_kiosk)
        self.index_finished.connect(self._on_self_index_finished)
        self.index_failed.connect(self._on_self_index_failed)

    @property
    def temp_dir(self) -> Path | None:
        where = self._where
        return where.folder if where is not None and where.temporary else None

    def start(self) -> None:
        try:
            self._where = location.for_kiosk(self.library)
        except SearchError as exc:  # not even a temporary folder can be made
            self._on_self_index_failed(str(exc))
            return
        super().start()

    def _open_index(
        self, report: IndexReport | None, notice: str | None, temporary: bool
    ) -> SearchIndex:
        """On the index thread: the prebuilt index as it is, or a private one built now."""
        where = self._where
        assert where is not None  # start() decided it
        if where.place is Place.PREBUILT:
            try:
                index = SearchIndex.open_prebuilt(self.library, where)
            except SearchError as exc:
                unusable = QT_TRANSLATE_NOOP(
                    "KioskSearch", "the prebuilt index {folder} cannot be used: {reason}"
                )
                raise SearchError(unusable.format(folder=where.folder, reason=exc.text)) from exc
            self.prebuilt = True
            return index
        # Opening is done with garbage collection paused (see SearchService._open); a
        # build makes and drops far more objects than that, so it runs with it on.
        gc.enable()
        try:
            index = SearchIndex.open(self.library, where)
            if index.needs_update():
                index.update(cancel=lambda: self._closing)
        except Exception as exc:  # a worker must never take the kiosk down
            log.exception("building the kiosk's search index failed")
            unbuilt = QT_TRANSLATE_NOOP(
                "KioskSearch", "the search index could not be built ({reason})"
            )
            reason = exc.text if isinstance(exc, ReaderError) else str(exc)
            raise SearchError(unbuilt.format(reason=reason)) from exc
        finally:
            gc.disable()
        return index

    def _on_self_index_finished(self, _ready: IndexReady) -> None:
        log.info("kiosk search ready (%s)", "prebuilt" if self.prebuilt else "temporary")
        self.ready.emit()

    def _on_self_index_failed(self, message: str) -> None:
        self.problem = fill(self.tr("Search is not available on this screen: %1."), message)
        log.warning("%s", self.problem)
        self.failed.emit(self.problem)

    def _not_ready_message(self) -> str:
        return self.problem or preparing()

    @property
    def is_ready(self) -> bool:
        return self.index is not None

    def close(self) -> None:
        """Stop building, close the index and remove the temporary folder."""
        # A build stops at the next article, but writing its last segment cannot be
        # stopped: wait for it (a slow, loaded machine takes a while), so no file of the
        # temporary folder is still open when the folder is removed.
        self.shutdown(60000)
        self.index = None
        folder = self.temp_dir  # the index deletes it when closed; a failed build may not
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        self._where = None
