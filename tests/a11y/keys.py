"""Type keys as a person would, for Orca to hear: Debian's /usr/bin/python3 only.

Reads one command per line on stdin and answers ``ok`` (or ``error: ...``) per line:

  press Control_L+Down      hold the modifiers, press and release the key, let go
  type some words           type the text, character by character
  nudge                     register (and drop) an event listener with the registry

Keys go through ``Atspi.generate_keyboard_event`` (the registry's synthesiser), so
Orca's keyboard listener sees them exactly as it sees a real keyboard. Key names are
X keysym names (``Down``, ``Return``, ``KP_Add``, ``Insert``, ``F6``, ``period``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

_x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
_x11.XOpenDisplay.restype = ctypes.c_void_p
_x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
_x11.XStringToKeysym.restype = ctypes.c_ulong
_x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
_x11.XKeysymToKeycode.restype = ctypes.c_ubyte
_x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
_display = _x11.XOpenDisplay(None)
if not _display:
    print("error: cannot open the X display", flush=True)
    sys.exit(1)

#: Between the events of one key: long enough for the X server to order them.
GAP = 0.02
#: How long modifiers are held before and after their key.
HOLD = 0.08


def keycode(name: str) -> int:
    keysym = _x11.XStringToKeysym(name.encode())
    if not keysym:
        raise ValueError(f"no X keysym named {name!r}")
    code = int(_x11.XKeysymToKeycode(_display, keysym))
    if not code:
        raise ValueError(f"the keymap has no key for {name!r}")
    return code


def _event(code: int, kind: Atspi.KeySynthType) -> None:
    Atspi.generate_keyboard_event(code, None, kind)
    time.sleep(GAP)


def press(combo: str) -> None:
    *modifiers, key = combo.split("+")
    codes = [keycode(m) for m in modifiers]
    main = keycode(key)
    for code in codes:
        _event(code, Atspi.KeySynthType.PRESS)
    if codes:
        time.sleep(HOLD)  # the modifier is down everywhere before the key comes
    _event(main, Atspi.KeySynthType.PRESS)
    _event(main, Atspi.KeySynthType.RELEASE)
    if codes:
        time.sleep(HOLD)
    for code in reversed(codes):
        _event(code, Atspi.KeySynthType.RELEASE)


def type_text(text: str) -> None:
    for char in text:
        Atspi.generate_keyboard_event(0, char, Atspi.KeySynthType.STRING)
        time.sleep(GAP)


def nudge() -> None:
    """Make every program ask the registry again who listens.

    Qt forwards keys to the registry only while ``GetRegisteredEvents`` says someone
    listens, and asks only at start-up and whenever a listener is registered: when its
    start-up question fails (a busy registry), its keys never reach Orca. Registering
    a listener makes it ask again.
    """
    listener = Atspi.EventListener.new(lambda event: None)
    listener.register("object:property-change:accessible-parent")
    listener.deregister("object:property-change:accessible-parent")


def main() -> int:
    for line in sys.stdin:
        command, _, rest = line.rstrip("\n").partition(" ")
        try:
            if command == "press":
                for combo in rest.split():
                    press(combo)
            elif command == "type":
                type_text(rest)
            elif command == "nudge":
                nudge()
            else:
                raise ValueError(f"unknown command {command!r}")
        except Exception as exc:  # reported to the test, which fails with it
            print(f"error: {type(exc).__name__}: {exc}", flush=True)
            continue
        print("ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
