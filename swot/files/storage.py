"""Writing files so that nothing is ever lost: atomic replaces, appends that keep every byte a
person wrote, and a lock so two facilitators writing the same unit never overwrite each other."""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast, overload

from swot.errors import SwotError
from swot.i18n import catalogue, say
from swot.models import Entry, EntryValues, PendingEntries, said_by
from swot.vocabulary import BUILTIN_THEMES, QUADRANT_NAMES, SOURCE_NAMES, Quadrant, Source

LOCK_TIMEOUT_SECONDS = 30.0

MESSAGES = catalogue("files/storage")

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


# Most texts are words with spaces between them: a letter first, no ":" or "#", not white
# space last. Such a text is safe plain (a space rules out every typed form: none has one
# after a letter), checked in one match; ``plain_is_safe`` decides every other text.
_QUICK_PLAIN = re.compile(r"[^\W\d_][^:#]* [^:#]*[^:#\s]")


def yaml_scalar(text: str) -> str:
    """A string as a YAML scalar that reads back exactly: plain when safe, else double-quoted."""
    if (text.isprintable() and _QUICK_PLAIN.fullmatch(text)) or plain_is_safe(text):
        return text
    return '"' + "".join(_escape(ch) for ch in text) + '"'


def plain_is_safe(text: str) -> bool:
    """Whether a text reads back as itself when written plain, under any YAML 1.1/1.2 resolver."""
    return bool(
        _PLAIN_SAFE.match(text)
        and not _LOOKS_TYPED.match(text)
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        # str.isprintable() (in C) implies every character is YAML-printable and none is a tab
        # or CR; only a text it refuses (e.g. a no-break space) is checked one character at a time
        and (text.isprintable() or all(_printable(ch) and ch not in "\t\r" for ch in text))
    )


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
    body = _entry_body(entry, lang, theme_names)
    return f"{body}{_entry_tail(entry.respondent, entry.note, lang)}"


def _entry_body(entry: Entry, lang: str, theme_names: dict[str, str] | None) -> str:
    """An entry's lines from its theme to its source (what many entries have alike)."""
    values = (entry.theme, entry.quadrant, entry.text, entry.importance, entry.source)
    return _values_body(values, lang, theme_names)


def _values_body(values: EntryValues, lang: str, theme_names: dict[str, str] | None) -> str:
    """``_entry_body`` of an entry with these values (theme id to source)."""
    theme, quadrant, text, importance, source = values
    if lang == "sv":  # Swedish files say 'jämställdhet'; English files use the theme id.
        theme = (theme_names or _BUILTIN_THEME_NAMES).get(theme, theme)
    return "".join(
        (
            _entry_head(theme, quadrant, lang),
            _text_scalar(text),
            _entry_middle(importance, source, lang),
        )
    )


@functools.lru_cache(maxsize=1024)  # a respondent's entries are written together
def _entry_tail(respondent: str | None, note: str | None, lang: str) -> str:
    """An entry's respondent and note lines (if any), and its final line break."""
    sv = lang == "sv"
    tail = ""
    if respondent is not None:
        tail = f"\n  {'svarande' if sv else 'respondent'}: {yaml_scalar(respondent)}"
    if note is not None:
        tail += f"\n  {'anteckning' if sv else 'note'}: {yaml_scalar(note)}"
    return f"{tail}\n"


@dataclass(frozen=True, slots=True)
class EntryBlock:
    """Entries already written as text (what ``entries_text`` writes of them), and the entries
    themselves, which may be made only when they are looked at (``PendingEntries``)."""

    text: str
    entries: Sequence[Entry]


class BlockWriter:
    """The text of an import's entries, a respondent's at a time, each distinct body (theme to
    source) written once: 50,000 rows give 160,000 entries, of far fewer distinct bodies, and
    none is made as an ``Entry`` to be written (that took longer than writing them)."""

    def __init__(self, lang: str, theme_names: dict[str, str] | None) -> None:
        self.lang, self.theme_names = lang, theme_names
        self.bodies = _Bodies(lang, theme_names)
        self.key = "svarande" if lang == "sv" else "respondent"

    def block(self, parts: Iterable[tuple[str, Sequence[Entry], str | None]]) -> EntryBlock:
        """Of each part (a comment, entries, a respondent id or None): the comment as it is,
        then the entries, each said by the respondent (None: as they are), as ``format_entry``
        writes each of ``said_by(entries, respondent)``."""
        texts: list[str] = []
        pieces: list[Sequence[Entry]] = []
        bodies, key = self.bodies.__getitem__, self.key
        for comment, entries, respondent in parts:
            texts.append(comment)
            if (
                respondent is None
                or not isinstance(entries, PendingEntries)
                or any(type(item) is not tuple for item in entries.items)
            ):  # entries as they are, or entries the quick path did not take (made already)
                made = entries if respondent is None else said_by(entries, respondent)
                texts.append(entries_text(made, self.lang, self.theme_names))
                pieces.append(made)
                continue
            values = cast("list[EntryValues]", entries.items)
            if _PLAIN_ID.fullmatch(respondent):  # what _entry_tail writes, without the cache
                tail = f"\n  {key}: {respondent}\n"
            else:
                tail = _entry_tail(respondent, None, self.lang)
            if values:  # each entry: its body, then the tail
                texts.append(tail.join(map(bodies, values)))
                texts.append(tail)
            pieces.append(entries.said_later_by(respondent))
        return EntryBlock("".join(texts), EntriesChain(pieces))


_PLAIN_ID = re.compile(r"r[0-9]+")  # the anonymous ids swot gives: yaml_scalar keeps them plain


class _Bodies(dict[EntryValues, str]):
    """Each entry body (``_values_body``) by its values, written when first asked for."""

    def __init__(self, lang: str, theme_names: dict[str, str] | None) -> None:
        super().__init__()
        self.lang, self.theme_names = lang, theme_names

    def __missing__(self, values: EntryValues) -> str:
        body = self[values] = _values_body(values, self.lang, self.theme_names)
        return body


class EntriesChain(Sequence[Entry]):
    """The entries of several pieces (entries, or blocks' entries) as one sequence, without
    making those not looked at: a save returns them, and an import looks at five."""

    def __init__(self, pieces: list[Sequence[Entry]]) -> None:
        self.pieces = pieces
        self.size = sum(map(len, pieces))

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, int):
            found = self[index : index + 1] if index >= 0 else self[index:][:1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(self.size)
        if step < 0:  # backwards: from all of them
            return self[:][index]
        taken: list[Entry] = []
        for piece in self.pieces:  # only the pieces the slice reaches are looked at
            if start >= stop:
                break
            size = len(piece)
            if start < size:
                taken += piece[start : min(stop, size)]
            start, stop = max(start - size, 0), stop - size
        return taken[::step]


def entries_text(
    entries: Iterable[Entry | str | EntryBlock], lang: str, theme_names: dict[str, str] | None
) -> str:
    """Entries (and comment lines, as they are) as ``format_entry`` writes them one by one; each
    distinct body (theme to source: an import's respondents often said the same) made once."""
    bodies: dict[tuple[object, ...], str] = {}
    parts = []
    for entry in entries:
        if isinstance(entry, str):
            parts.append(entry)
            continue
        if isinstance(entry, EntryBlock):
            parts.append(entry.text)
            continue
        key = (entry.theme, entry.quadrant, entry.text, entry.importance, entry.source)
        body = bodies.get(key)
        if body is None:
            body = bodies[key] = _entry_body(entry, lang, theme_names)
        parts.append(body)
        parts.append(_entry_tail(entry.respondent, entry.note, lang))
    return "".join(parts)


_BUILTIN_THEME_NAMES = {t: n["sv"].lower() for t, n in BUILTIN_THEMES.items()}


# The lines that are the same in many entries, written once each (an import writes 160,000).
@functools.lru_cache(maxsize=256)
def _entry_head(theme: str, quadrant: Quadrant, lang: str) -> str:
    """An entry's lines up to its text: '- tema: …', '  kvadrant: …', '  text: '."""
    sv = lang == "sv"
    shown = QUADRANT_NAMES[quadrant][lang].lower() if sv else quadrant.value
    return (
        f"- {'tema' if sv else 'theme'}: {yaml_scalar(theme)}\n"
        f"  {'kvadrant' if sv else 'quadrant'}: {shown}\n"
        "  text: "
    )


@functools.lru_cache(maxsize=256)
def _entry_middle(importance: int | None, source: Source, lang: str) -> str:
    """An entry's lines after its text: importance (if any) and source."""
    sv = lang == "sv"
    line = f"\n  {'vikt' if sv else 'importance'}: {importance}" if importance is not None else ""
    return f"{line}\n  {'källa' if sv else 'source'}: {SOURCE_NAMES[source][lang]}"


# Many entries say the same (an import of 160,000 entries has far fewer distinct texts); bounded,
# so at most a few MB of texts are kept.
_text_scalar = functools.lru_cache(maxsize=4096)(yaml_scalar)


def atomic_write_bytes(
    path: Path, data: bytes, verify: Callable[[Path], None] | None = None
) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or the new file, whole.

    The new content is written and fsynced beside the target (so the rename is atomic), then
    renamed over it, and the folder is fsynced so the rename itself survives a power cut.
    ``verify`` may read the written content (from a path it is given) and raise to abandon the
    write; the target is then untouched. On Linux the content lives in an unnamed file
    (``O_TMPFILE``) while it is written and verified, so a writer killed then leaves nothing
    behind; it gets a name only for the instant between linking and renaming (the next
    ``append_entries`` removes such a leftover).
    """
    path = real_path(path)  # a linked file is written where it really is, and stays linked
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        temp_name = _write_temp_file(path, data, mode, verify)
        try:
            os.replace(temp_name, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        _fsync_folder(path.parent)
    except OSError as error:  # say which file, and how much it needed (for a full disk)
        error.filename = str(path)
        error.swot_bytes = len(data)  # type: ignore[attr-defined]
        raise


# SWOT_PORTABLE_PATHS=1 writes and locks with only what every system has, as swot does on
# Windows and macOS: named temp files (no O_TMPFILE), no fsync of folders, a byte-range lock
# tried without waiting (msvcrt's semantics), no forked worker processes. The suite runs the
# concurrency and SIGKILL tests both ways; a file system that misbehaves with the Linux-only
# calls can use it too.
PORTABLE = os.environ.get("SWOT_PORTABLE_PATHS") == "1"


def real_path(path: Path) -> Path:
    """Where a file really is: a symlinked file (an entries file on a shared drive) is followed,
    so that writes go to the shared file and every laptop locks the same lock file."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _write_temp_file(
    path: Path, data: bytes, mode: int | None, verify: Callable[[Path], None] | None
) -> str:
    """Write, fsync and verify ``data`` in a new file beside ``path``; return its name."""
    flag = 0 if PORTABLE else getattr(os, "O_TMPFILE", 0)
    if flag and os.path.isdir("/proc/self/fd"):
        try:
            descriptor = os.open(path.parent, flag | os.O_WRONLY, 0o644)
        except OSError:  # the file system cannot do it (e.g. some network mounts)
            descriptor = -1
        if descriptor >= 0:
            try:
                _write_all(descriptor, data)
                if mode is not None:
                    with contextlib.suppress(OSError):
                        os.fchmod(descriptor, mode)
                if verify is not None:
                    verify(Path(f"/proc/self/fd/{descriptor}"))
                name = _link_unnamed(descriptor, path)
                if name is not None:
                    return name
            finally:
                os.close(descriptor)
    descriptor, name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        try:
            _write_all(descriptor, data)
            if mode is not None:
                with contextlib.suppress(OSError):
                    os.fchmod(descriptor, mode)
        finally:
            os.close(descriptor)
        if verify is not None:
            verify(Path(name))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return name


def _link_unnamed(descriptor: int, path: Path) -> str | None:
    """Give an O_TMPFILE a temp name beside ``path``; None if this system cannot."""
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        for _attempt in range(100):
            name = f"{_temp_prefix(path)}{os.urandom(6).hex()}.tmp"
            try:
                # linkat(AT_SYMLINK_FOLLOW): plain link() cannot name an O_TMPFILE.
                os.link(
                    f"/proc/self/fd/{descriptor}", name, dst_dir_fd=folder, follow_symlinks=True
                )
                return str(path.parent / name)
            except FileExistsError:
                continue
            except OSError:  # no linkat through /proc here: the caller uses a named temp file
                return None
    finally:
        os.close(folder)
    return None


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]
    os.fsync(descriptor)


def atomic_write_text(path: Path, text: str) -> None:
    """``atomic_write_bytes`` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def replace_text(path: Path, text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` so a reader sees the old or the new file, whole, but
    without forcing it to disk: for files swot makes again on demand and writes by the hundred
    (``swot report --all-units``), where an fsync per file costs more than making the file."""
    path = real_path(path)
    data = text.encode("utf-8")
    temp = path.with_name(f"{_temp_prefix(path)}{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as error:  # say which file, and how much it needed (for a full disk)
        with contextlib.suppress(OSError):
            temp.unlink()
        error.filename = str(path)
        error.swot_bytes = len(data)  # type: ignore[attr-defined]
        raise


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix" or PORTABLE:  # Windows cannot open folders
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
    lock_path = real_path(path).with_name(f".{real_path(path).name}.lock")  # beside the target
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+b")  # noqa: SIM115 - closed in finally
    except OSError as error:  # the file it is for is what the person knows
        error.filename = str(path)
        raise
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

    def _byte_range_lock(handle: IO[bytes]) -> None:
        """msvcrt.locking's semantics on POSIX: the first byte, exclusive, without waiting."""
        handle.seek(0)
        fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 0)

    def _byte_range_unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        fcntl.lockf(handle.fileno(), fcntl.LOCK_UN, 1, 0)

    if PORTABLE:
        _lock, _unlock = _byte_range_lock, _byte_range_unlock


# A text among the entries is a comment line (or lines), written as it is before the entries
# after it: ``swot import`` marks each respondent's entries with the digest of their row, and
# gives them as blocks already written.
Appended = Entry | str | EntryBlock
EntriesToAppend = Sequence[Appended] | Callable[[bytes | None], Sequence[Appended]]


def append_entries(
    path: Path,
    entries: EntriesToAppend,
    lang: str,
    header: str = "",
    theme_names: dict[str, str] | None = None,
    verify: Callable[[Path], None] | None = None,
) -> Sequence[Entry]:
    """Append entries to an entries file, keeping every existing byte as it was.

    Holds the file's lock, re-reads the file just before writing (another facilitator may have
    appended meanwhile), and replaces it atomically. A new file starts with ``header``.
    ``entries`` may be a function of the file's current bytes (``None`` if it does not exist),
    called under the lock: that is how a new respondent gets the next free id. ``verify`` may
    check the complete new file (a temp path) and raise to leave the old file untouched.
    Returns the entries written (those of blocks made only when they are looked at).
    """
    with locked_for(path, lang):
        _remove_leftover_temp_files(real_path(path))
        old = path.read_bytes() if path.exists() else None
        chosen = list(entries(old) if callable(entries) else entries)
        written = written_entries(chosen)
        if not written:
            return []
        addition = entries_text(chosen, lang, theme_names)
        start = old if old is not None else header.encode("utf-8")
        atomic_write_bytes(path, appended_bytes(start, addition, path, lang), verify)
        return written


def written_entries(chosen: Sequence[Appended]) -> Sequence[Entry]:
    """The entries among what is appended: a list, unless there are blocks among them."""
    if not any(isinstance(item, EntryBlock) for item in chosen):
        return [item for item in chosen if isinstance(item, Entry)]
    pieces: list[Sequence[Entry]] = []
    for item in chosen:
        if isinstance(item, EntryBlock):
            pieces.append(item.entries)
        elif isinstance(item, Entry):
            pieces.append((item,))
    return EntriesChain(pieces)


@contextlib.contextmanager
def locked_for(path: Path, lang: str) -> Iterator[None]:
    """``locked(path)``, with a message in ``lang`` when another swot holds it too long."""
    try:
        with locked(path):
            yield
    except TimeoutError:
        raise SwotError(
            say(MESSAGES, "locked", lang, file=path), say(MESSAGES, "locked.hint", lang)
        ) from None


def _remove_leftover_temp_files(path: Path) -> None:
    """Remove temp files of ``path`` left by a killed writer (only called under its lock)."""
    for temp in path.parent.glob(f"{glob.escape(_temp_prefix(path))}*.tmp"):
        with contextlib.suppress(OSError):
            temp.unlink()


# Byte-order marks and the codec that continues a file that starts with one. A file without
# a BOM is UTF-8 (the loader refuses anything else, so nothing else reaches an append).
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_FLOW_ROOT = re.compile(r"^[ ]*\[", re.MULTILINE)


def appended_bytes(old: bytes, addition: str, path: Path, lang: str) -> bytes:
    """``old`` followed by ``addition`` in the file's own encoding and line endings.

    The old bytes stay an unchanged prefix: a UTF-16 file with a BOM (Windows Notepad's
    "Unicode") is continued in UTF-16, a CRLF file with CRLF, and a missing final line break
    is added. The one exception is a file whose list is an empty flow list (``[]``, as some
    exporters write it): a block entry cannot follow it, so the ``[]`` is removed and every
    other byte (comments included) is kept. A non-empty flow list is refused.
    """
    bom, codec, text = decoded(old, path, lang)
    if _FLOW_ROOT.search(text):
        span = _empty_flow_root(text, path, lang)
        if span is not None:
            text = text[: span[0]] + text[span[1] :]
            old = bom + text.encode(codec)
    newline = _line_ending(text)
    if text and not text.endswith(("\n", "\r")):
        addition = "\n" + addition
    if newline != "\n":
        addition = addition.replace("\n", newline)
    return old + addition.encode(codec)


def decoded(data: bytes, path: Path, lang: str) -> tuple[bytes, str, str]:
    """The byte-order mark of an entries file's bytes, the codec that continues it, and its
    text; raises ``SwotError`` if it is not UTF-8 or UTF-16/32 with a BOM."""
    mark, codec = next(((m, c) for m, c in _BOMS if data.startswith(m)), (b"", "utf-8"))
    try:
        return mark, codec, data[len(mark) :].decode(codec)
    except UnicodeDecodeError:
        raise SwotError(
            say(MESSAGES, "undecodable", lang, file=path), say(MESSAGES, "undecodable.hint", lang)
        ) from None


def _line_ending(text: str) -> str:
    """The line ending the file uses (its last one), LF for a file with none."""
    last = max(text.rfind("\n"), text.rfind("\r"))
    if last < 0:
        return "\n"
    if text[last] == "\n":
        return "\r\n" if last > 0 and text[last - 1] == "\r" else "\n"
    return "\r"


def _empty_flow_root(text: str, path: Path, lang: str) -> tuple[int, int] | None:
    """Where an empty flow list at the root is (to remove it); refuse a non-empty one."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        events = iter(yaml.parse(text, Loader=loader))
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                root = next(events)
                if isinstance(root, yaml.SequenceStartEvent) and root.flow_style:
                    end = next(events)
                    if isinstance(end, yaml.SequenceEndEvent) and root.start_mark and end.end_mark:
                        return root.start_mark.index, end.end_mark.index
                    raise SwotError(
                        say(MESSAGES, "flow_list", lang, file=path),
                        say(MESSAGES, "flow_list.hint", lang),
                    )
                return None
    except yaml.YAMLError:
        return None  # not valid YAML: the caller's verification reports it with its line
    return None
