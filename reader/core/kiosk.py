"""Kiosk configuration: what a deployment on a shared screen decides, read from TOML.

The file is optional (``offline-reader --kiosk`` alone uses the defaults below) but,
when given, every key is checked: an unknown key, a wrong type or a value out of
range raises :class:`~reader.core.errors.SettingsError` naming the file, the key and
what is allowed. Nothing falls back to a default silently.

The administrator PIN is stored only as a salted scrypt hash
(``offline-reader kiosk hash-pin`` makes one) and checked in constant time.
``docs/kiosk.md`` documents every key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from reader.core.errors import SettingsError
from reader.core.fsutil import read_bounded
from reader.core.language import INTERFACE_LANGUAGES
from reader.core.paths import user_cache_dir, user_config_dir, user_data_dir
from reader.core.settings import FONT_CHOICES, SCALE_STEPS
from reader.core.texts import QT_TRANSLATE_NOOP, os_reason
from reader.core.theme import theme_ids

#: The most of a kiosk configuration file that is read (a real one is a few KiB).
CONFIG_LIMIT = 1 << 20

#: Inclusive limits for the deployment's values (seconds unless said).
IDLE_TIMEOUT_RANGE = (30, 3600)
WARNING_COUNTDOWN_RANGE = (20, 600)  # WCAG 2.2.1: at least 20 s to say "keep reading"
SPEECH_RATE_RANGE = (-1.0, 1.0)  # QTextToSpeech's rate scale
TAPS_RANGE = (3, 10)
TAP_WINDOW_RANGE = (1.0, 10.0)
HOLD_SECONDS_RANGE = (2.0, 20.0)
FAILURES_BEFORE_DELAY_RANGE = (1, 10)
FAILURE_DELAY_RANGE = (1, 600)
PIN_LENGTH_RANGE = (4, 12)

#: Text sizes a deployment may start with (per cent): the reader's zoom steps from 100 up.
TEXT_SIZES: tuple[int, ...] = tuple(s for s in SCALE_STEPS if s >= 100)
THEMES: tuple[str, ...] = theme_ids()
FONTS: tuple[str, ...] = tuple(font_id for font_id, _ in FONT_CHOICES)
LANGUAGES: tuple[str, ...] = tuple(code for code, _ in INTERFACE_LANGUAGES)
GESTURES: tuple[str, ...] = ("taps", "hold")
CORNERS: tuple[str, ...] = ("top-left", "top-right", "bottom-left", "bottom-right")

# scrypt cost: 16 MiB of memory, ~50 ms here; stored with the hash so it can change.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
PIN_HASH_PREFIX = "scrypt"

_T = TypeVar("_T", str, int)


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    idle_timeout: int = 180
    warning_countdown: int = 30


@dataclass(frozen=True, slots=True)
class DisplayDefaults:
    """What a new person sees; a reset puts these back."""

    text_size: int = 100
    theme: str = "light"
    font: str = "atkinson"
    speech_rate: float = 0.0
    language: str = "en"  # the interface language a new person is greeted in


@dataclass(frozen=True, slots=True)
class HomeScreen:
    title: str = QT_TRANSLATE_NOOP("KioskWindow", "Health library")  # a configured one stays
    #: Collections shown as tiles, in this order; empty means every collection.
    collections: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Features:
    printing: bool = False
    qr_codes: bool = False


@dataclass(frozen=True, slots=True)
class AdminPolicy:
    pin_hash: str | None = None
    gesture: str = "taps"
    corner: str = "top-left"
    taps: int = 5
    tap_window: float = 3.0
    hold_seconds: float = 5.0
    failures_before_delay: int = 3
    failure_delay: int = 30
    #: Where wrong PINs are counted across restarts (needed with ``pin_hash`` in a file).
    lockout_file: Path | None = None

    @property
    def exit_possible(self) -> bool:
        return self.pin_hash is not None


@dataclass(frozen=True, slots=True)
class KioskConfig:
    session: SessionPolicy = field(default_factory=SessionPolicy)
    display: DisplayDefaults = field(default_factory=DisplayDefaults)
    home: HomeScreen = field(default_factory=HomeScreen)
    features: Features = field(default_factory=Features)
    admin: AdminPolicy = field(default_factory=AdminPolicy)
    source: Path | None = None


# --- PIN hashing ------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def check_pin_format(pin: str) -> None:
    """A PIN is 4 to 12 digits (the kiosk's PIN pad has only digits)."""
    low, high = PIN_LENGTH_RANGE
    if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high):
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                "KioskConfig", "a kiosk PIN must be {low} to {high} digits (0-9), nothing else"
            ).format(low=low, high=high)
        )


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``scrypt$n=..,r=..,p=..$<salt>$<hash>`` with a fresh random salt."""
    check_pin_format(pin)
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=HASH_BYTES
    )
    params = f"n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}"
    return f"{PIN_HASH_PREFIX}${params}${_b64(salt)}${_b64(digest)}"


def _parse_pin_hash(text: str) -> tuple[int, int, int, bytes, bytes]:
    parts = text.split("$")
    if len(parts) != 4 or parts[0] != PIN_HASH_PREFIX:
        raise ValueError("not a scrypt PIN hash")
    params = dict(item.split("=", 1) for item in parts[1].split(","))
    n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
    if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        raise ValueError("scrypt parameters out of range")
    salt, digest = _unb64(parts[2]), _unb64(parts[3])
    if len(salt) < 8 or len(digest) < 16:
        raise ValueError("salt or hash too short")
    return n, r, p, salt, digest


def is_pin_hash(text: str) -> bool:
    try:
        _parse_pin_hash(text)
    except (ValueError, KeyError):
        return False
    return True


def verify_pin(pin: str, pin_hash: str) -> bool:
    """True when ``pin`` matches; the comparison takes the same time whatever the PIN."""
    try:
        n, r, p, salt, expected = _parse_pin_hash(pin_hash)
    except (ValueError, KeyError):
        return False
    candidate = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=len(expected)
    )
    return hmac.compare_digest(candidate, expected)


# --- reading and checking the file -------------------------------------------------------


def _out_of_range(value: float, lim: tuple[float, float]) -> str:
    return QT_TRANSLATE_NOOP("KioskConfig", "{value} is out of range; allowed {low}–{high}").format(
        value=value, low=lim[0], high=lim[1]
    )


class _Checker:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, message: str) -> SettingsError:
        return SettingsError(
            QT_TRANSLATE_NOOP("KioskConfig", "{file}: {key}: {problem}").format(
                file=self.path, key=key, problem=message
            )
        )

    def table(self, data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            problem = QT_TRANSLATE_NOOP("KioskConfig", "must be a table ([{name}]), not {type}")
            raise self.fail(name, problem.format(name=name, type=type(value).__name__))
        return value

    def known(self, data: Mapping[str, Any], prefix: str, allowed: tuple[str, ...]) -> None:
        for key in data:
            if key not in allowed:
                where = f"{prefix}.{key}" if prefix else key
                choices = ", ".join(allowed)
                problem = QT_TRANSLATE_NOOP("KioskConfig", "unknown key; allowed here: {choices}")
                raise self.fail(where, problem.format(choices=choices))

    def integer(self, data: Mapping[str, Any], prefix: str, key: str, lim: tuple[int, int]) -> int:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            problem = QT_TRANSLATE_NOOP("KioskConfig", "must be a whole number, not {value}")
            raise self.fail(f"{prefix}.{key}", problem.format(value=repr(value)))
        if not lim[0] <= value <= lim[1]:
            raise self.fail(f"{prefix}.{key}", _out_of_range(value, lim))
        return value

    def number(
        self, data: Mapping[str, Any], prefix: str, key: str, lim: tuple[float, float]
    ) -> float:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            problem = QT_TRANSLATE_NOOP("KioskConfig", "must be a number, not {value}")
            raise self.fail(f"{prefix}.{key}", problem.format(value=repr(value)))
        if not lim[0] <= value <= lim[1]:
            raise self.fail(f"{prefix}.{key}", _out_of_range(value, lim))
        return float(value)

    def boolean(self, data: Mapping[str, Any], prefix: str, key: str) -> bool:
        value = data[key]
        if not isinstance(value, bool):
            problem = QT_TRANSLATE_NOOP("KioskConfig", "must be true or false, not {value}")
            raise self.fail(f"{prefix}.{key}", problem.format(value=repr(value)))
        return value

    def string(self, data: Mapping[str, Any], prefix: str, key: str) -> str:
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            problem = QT_TRANSLATE_NOOP("KioskConfig", "must be a non-empty text, not {value}")
            raise self.fail(f"{prefix}.{key}", problem.format(value=repr(value)))
        return value.strip()

    def choice(self, data: Mapping[str, Any], prefix: str, key: str, choices: tuple[_T, ...]) -> _T:
        value = data[key]
        for allowed_value in choices:
            if type(value) is type(allowed_value) and value == allowed_value:
                return allowed_value
        allowed = ", ".join(repr(c) for c in choices)
        problem = QT_TRANSLATE_NOOP(
            "KioskConfig", "{value} is not allowed; choose one of {allowed}"
        )
        raise self.fail(f"{prefix}.{key}", problem.format(value=repr(value), allowed=allowed))

    def strings(self, data: Mapping[str, Any], prefix: str, key: str) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problem = QT_TRANSLATE_NOOP("KioskConfig", "must be a list of texts, not {value}")
            raise self.fail(f"{prefix}.{key}", problem.format(value=repr(value)))
        items = tuple(v.strip() for v in value)
        if len(set(items)) != len(items):
            raise self.fail(
                f"{prefix}.{key}", QT_TRANSLATE_NOOP("KioskConfig", "lists a collection twice")
            )
        return items


def user_folders() -> tuple[Path, ...]:
    """The folders of the account running the reader, which a kiosk never writes to."""
    folders = [Path.home(), user_cache_dir(), user_config_dir(), user_data_dir()]
    for name in ("OFFLINE_READER_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                 "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):  # fmt: skip
        value = os.environ.get(name)
        if value:
            folders.append(Path(value))
    return tuple(f.absolute() for f in folders)


def _inside(path: Path, folder: Path) -> bool:
    try:
        real, real_folder = path.resolve(), folder.resolve()
    except (OSError, RuntimeError):
        real, real_folder = path, folder
    return real == real_folder or real_folder in real.parents or folder in path.parents


def _read(checker: _Checker, data: Mapping[str, Any], prefix: str, spec: Mapping[str, Any]) -> Any:
    """Fill the dataclass ``spec['type']`` from ``data`` with ``spec``'s per-key readers."""
    readers: Mapping[str, Callable[[Mapping[str, Any], str, str], Any]] = spec["keys"]
    checker.known(data, prefix, tuple(readers))
    values = {key: read(data, prefix, key) for key, read in readers.items() if key in data}
    return spec["type"](**values)


def parse_kiosk_config(data: Mapping[str, Any], path: Path) -> KioskConfig:
    """Check already-parsed TOML data; ``path`` is named in every error."""
    c = _Checker(path)
    c.known(data, "", ("session", "display", "home", "features", "admin"))

    def lockout_file(d: Mapping[str, Any], prefix: str, key: str) -> Path:
        value = Path(c.string(d, prefix, key))
        where = f"{prefix}.{key}"
        if not value.is_absolute():
            problem = QT_TRANSLATE_NOOP("KioskConfig", "must be an absolute path, not {value}")
            raise c.fail(where, problem.format(value=repr(str(value))))
        for folder in user_folders():
            if _inside(value, folder):
                problem = QT_TRANSLATE_NOOP(
                    "KioskConfig",
                    "{path} is inside {folder}, one of the kiosk account's own folders, "
                    "where a kiosk writes nothing; choose a folder the staff control, "
                    "such as /var/lib/offline-reader",
                )
                raise c.fail(where, problem.format(path=value, folder=folder))
        return value

    def pin_hash(d: Mapping[str, Any], prefix: str, key: str) -> str:
        value = c.string(d, prefix, key)
        if not is_pin_hash(value):
            raise c.fail(
                f"{prefix}.{key}",
                QT_TRANSLATE_NOOP(
                    "KioskConfig",
                    "is not a PIN hash; make one with 'offline-reader kiosk hash-pin' "
                    "(the PIN itself is never written in the file)",
                ),
            )
        return value

    session = _read(
        c,
        c.table(data, "session"),
        "session",
        {
            "type": SessionPolicy,
            "keys": {
                "idle_timeout": lambda d, p, k: c.integer(d, p, k, IDLE_TIMEOUT_RANGE),
                "warning_countdown": lambda d, p, k: c.integer(d, p, k, WARNING_COUNTDOWN_RANGE),
            },
        },
    )
    display = _read(
        c,
        c.table(data, "display"),
        "display",
        {
            "type": DisplayDefaults,
            "keys": {
                "text_size": lambda d, p, k: c.choice(d, p, k, TEXT_SIZES),
                "theme": lambda d, p, k: c.choice(d, p, k, THEMES),
                "font": lambda d, p, k: c.choice(d, p, k, FONTS),
                "speech_rate": lambda d, p, k: c.number(d, p, k, SPEECH_RATE_RANGE),
                "language": lambda d, p, k: c.choice(d, p, k, LANGUAGES),
            },
        },
    )
    home = _read(
        c,
        c.table(data, "home"),
        "home",
        {
            "type": HomeScreen,
            "keys": {"title": c.string, "collections": c.strings},
        },
    )
    features = _read(
        c,
        c.table(data, "features"),
        "features",
        {"type": Features, "keys": {"printing": c.boolean, "qr_codes": c.boolean}},
    )
    admin = _read(
        c,
        c.table(data, "admin"),
        "admin",
        {
            "type": AdminPolicy,
            "keys": {
                "pin_hash": pin_hash,
                "gesture": lambda d, p, k: c.choice(d, p, k, GESTURES),
                "corner": lambda d, p, k: c.choice(d, p, k, CORNERS),
                "taps": lambda d, p, k: c.integer(d, p, k, TAPS_RANGE),
                "tap_window": lambda d, p, k: c.number(d, p, k, TAP_WINDOW_RANGE),
                "hold_seconds": lambda d, p, k: c.number(d, p, k, HOLD_SECONDS_RANGE),
                "failures_before_delay": lambda d, p, k: c.integer(
                    d, p, k, FAILURES_BEFORE_DELAY_RANGE
                ),
                "failure_delay": lambda d, p, k: c.integer(d, p, k, FAILURE_DELAY_RANGE),
                "lockout_file": lockout_file,
            },
        },
    )
    if admin.pin_hash is not None and admin.lockout_file is None:
        raise c.fail(
            "admin.lockout_file",
            QT_TRANSLATE_NOOP(
                "KioskConfig",
                "is needed with admin.pin_hash: a file where wrong PINs are counted across "
                "restarts, in a folder the staff control that the kiosk's account can write "
                '(for example lockout_file = "/var/lib/offline-reader/pin-lockout.json")',
            ),
        )
    return KioskConfig(
        session=session, display=display, home=home, features=features, admin=admin, source=path
    )


def load_kiosk_config(path: Path | None) -> KioskConfig:
    """The deployment's configuration; ``None`` gives the defaults (no admin exit)."""
    if path is None:
        return KioskConfig()
    try:
        raw = read_bounded(path, CONFIG_LIMIT)
    except OSError as exc:
        problem = QT_TRANSLATE_NOOP(
            "KioskConfig", "{file}: the kiosk configuration cannot be read: {reason}"
        )
        raise SettingsError(problem.format(file=path, reason=os_reason(exc))) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        problem = QT_TRANSLATE_NOOP(
            "KioskConfig", "{file}: the kiosk configuration is not UTF-8 text"
        )
        raise SettingsError(problem.format(file=path)) from None
    except tomllib.TOMLDecodeError as exc:
        problem = QT_TRANSLATE_NOOP("KioskConfig", "{file}: not valid TOML: {reason}")
        raise SettingsError(problem.format(file=path, reason=exc)) from None
    return parse_kiosk_config(data, path)
