"""Writing files so that nothing is ever lost: atomic replaces, appends that keep every byte a
person wrote, and a lock so two facilitators writing the same unit never overwrite each other.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from swot.models import Entry
from swot.vocabulary import BUILTIN_THEMES, QUADRANT_NAMES, SOURCE_NAMES

LOCK_TIMEOUT_SECONDS = 30.0

# A plain scalar is safe only if it reads back as the same string under any YAML 1.1/1.2
# resolver and cannot be mistaken for syntax. Anything else is written double-quoted.
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^\n]*$")
_LOOKS_TYPED = re.compile(
    r"""^(?:
        [-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?   # numbers, incl. 0123, 1_000, .5
      | [-+]?0[xXoObB][0-9a-fA-F_]+                     # hex, octal, binary
      | [-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?           # sexagesimal 12:30
      | [-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)
      | y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE
      | on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<
      | \d{4}-\d\d?-\d\d?(?:[Tt\s].*)?                   # dates and timestamps
    )$""",
    re.VERBOSE,
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def yaml_scalar(text: str) -> str:
    """A string as a YAML scalar that reads back exactly: plain when safe, else double-quoted."""
    if (
        _PLAIN_SAFE.match(text)
        and not _LOOKS_TYPED.match(text)
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and all(_printable(ch) and ch not in "\t" for ch in text)
    ):
        return text
    return '"' + "".join(_escape(ch) for ch in text) + '"'


def _printable(ch: str) -> bool:
    """Characters YAML lets stand as themselves (we also escape line separators and BOMs)."""
    code = ord(ch)
    if ch in "\x85\u2028\u2029\ufeff":
        return False
    return (
        code in (0x09, 0x0A, 0x0D)
        or 0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if _printable(ch):
        return ch
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def format_entry(entry: Entry, lang: str, theme_names: dict[str, str] | None = None) -> str:
    """One entry as YAML list item text, with keys and values in the workshop's language."""
    sv = lang == "sv"
    theme = entry.theme
    if sv:  # Swedish files say 'jämställdhet'; English files use the theme id.
        names = theme_names or {t: n["sv"].lower() for t, n in BUILTIN_THEMES.items()}
        theme = names.get(entry.theme, entry.theme)
    lines = [
        f"- {'tema' if sv else 'theme'}: {yaml_scalar(theme)}",
        f"  {'kvadrant' if sv else 'quadrant'}: "
        f"{QUADRANT_NAMES[entry.quadrant][lang].lower() if sv else entry.quadrant.value}",
        f"  text: {yaml_scalar(entry.text)}",
    ]
    if entry.importance is not None:
        lines.append(f"  {'vikt' if sv else 'importance'}: {entry.importance}")
    lines.append(f"  {'källa' if sv else 'source'}: {SOURCE_NAMES[entry.source][lang]}")
    if entry.respondent is not None:
        lines.append(f"  {'svarande' if sv else 'respondent'}: {yaml_scalar(entry.respondent)}")
    if entry.note is not None:
        lines.append(f"  {'anteckning' if sv else 'note'}: {yaml_scalar(entry.note)}")
    return "\n".join(lines) + "\n"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or the new file, whole.

    The temp file lives in the same folder (so the rename is atomic), is fsynced before the
    rename, and the folder is fsynced after it so the rename itself survives a power cut.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp_name, path.stat().st_mode & 0o777)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """``atomic_write_bytes`` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open folders
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_stale_temp_files(folder: Path, older_than_seconds: float = 60.0) -> None:
    """Remove temp files a killed writer left behind (they never hold the only copy of data)."""
    if not folder.is_dir():
        return
    now = time.time()
    for temp in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if now - temp.stat().st_mtime > older_than_seconds:
                temp.unlink()


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock for ``path`` (on a sibling ``.lock`` file) across processes."""
    lock_path = path.with_name(f".{path.name}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+b")  # noqa: SIM115 - closed in finally
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                _lock(handle)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{path} is locked by another swot process") from None
                time.sleep(0.02)
        yield
    finally:
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows laptops
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def append_entries(
    path: Path,
    entries: Sequence[Entry],
    lang: str,
    header: str = "",
    theme_names: dict[str, str] | None = None,
) -> None:
    """Append entries to an entries file, keeping every existing byte as it was.

    Holds the file's lock, re-reads the file just before writing (another facilitator may have
    appended meanwhile), and replaces it atomically. A new file starts with ``header``.
    """
    with locked(path):
        old = path.read_bytes() if path.exists() else header.encode("utf-8")
        addition = "".join(format_entry(e, lang, theme_names) for e in entries).encode("utf-8")
        if old and not old.endswith((b"\n", b"\r")):
            newline = b"\r\n" if b"\r\n" in old else b"\n"
            old += newline
        if b"\r\n" in old:
            addition = addition.replace(b"\n", b"\r\n")
        atomic_write_bytes(path, old + addition)
