"""What the window is started with: plain data, no Qt (the command line builds it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GuiOptions:
    library: Path
    open_target: str | None = None
    kiosk: bool = False
    kiosk_config: Path | None = None
