"""A source's DOI or web address as a QR code, to scan with one's own phone.

Encoded by ``segno`` (pure Python, no dependencies); drawn here as a plain image.
Nothing is opened on the kiosk itself.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from reader.core.model import Reference

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def reference_address(reference: Reference) -> str | None:
    """What the code should carry: the DOI as a resolver address, else the web address."""
    if reference.doi:
        return f"https://doi.org/{reference.doi}"
    if reference.url and reference.url.startswith(("http://", "https://")):
        return reference.url
    return None


def qr_image(text: str, module_px: int = 6) -> QImage:
    code = segno.make(text, error="m", micro=False)
    rows = [list(row) for row in code.matrix]
    size = (len(rows) + 2 * QUIET_ZONE) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        for y, row in enumerate(rows):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(
                        (x + QUIET_ZONE) * module_px,
                        (y + QUIET_ZONE) * module_px,
                        module_px,
                        module_px,
                    )
    finally:
        painter.end()
    return image


def qr_pixmap(text: str, module_px: int = 6) -> QPixmap:
    return QPixmap.fromImage(qr_image(text, module_px))
