"""The reader in a desktop's menus: its desktop entry and AppStream metainfo pass the
freedesktop validators, and ``offline-reader install-desktop`` puts them and the icons
where desktops look, starting this installation; ``--uninstall`` takes them away."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.desktop import APP_ID
from reader.core.paths import resources_dir

RES = resources_dir()


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: scripts/bootstrap.sh installs it"
    return found


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_bundled_desktop_entry_is_valid() -> None:
    entry = RES / "desktop" / f"{APP_ID}.desktop"
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(entry)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout
    assert f"Icon={APP_ID}" in entry.read_text(encoding="utf-8")


def test_the_appstream_metainfo_is_valid() -> None:
    metainfo = RES / "desktop" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'<launchable type="desktop-id">{APP_ID}.desktop' in metainfo.read_text("utf-8")


def test_install_desktop_puts_entry_metainfo_and_icons_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    assert main(["install-desktop"]) == 0
    capsys.readouterr()
    entry = data / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(entry)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    exec_line = next(x for x in entry.read_text("utf-8").splitlines() if x.startswith("Exec="))
    command = exec_line.removeprefix("Exec=").removesuffix(" %f").strip("'")
    assert Path(command).is_absolute() and Path(command).is_file(), exec_line
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    sizes = set()
    for png in (data / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png"):
        width, height = _png_size(png)
        assert png.parent.parent.name == f"{width}x{height}"
        sizes.add(width)
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes

    assert main(["install-desktop", "--uninstall"]) == 0
    assert not [p for p in data.rglob("*") if p.is_file()]
