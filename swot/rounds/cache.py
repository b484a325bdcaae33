"""A cache of validated entries, so that rereading unchanged files costs almost nothing.

Reading YAML is what bounds a merge (``benchmarks/RESULTS.md``). When a round is read again
with no file changed — the second ``swot merge`` of the day, ``status`` after ``merge`` — the
entries of every unchanged file come from the cache instead of being parsed and validated again.

Where and what
    ``<workshop>/.swot-cache/entries-<round>.json``, one file per round, with a ``README.txt``
    beside it saying that the folder may be deleted at any time. The YAML files stay the only
    truth: the cache is never read by a person, never edited, and never needed.

When an entry comes from the cache
    Only when all of these hold, otherwise the file is parsed as if there were no cache:

    * the cache was written by the same swot (version and the source of the modules that decide
      what is valid), for a workshop.yaml with the same content (its themes and units decide
      what is valid), and its own content is whole (its digest matches: a cache cut short by a
      full disk or a half-synced copy is never used);
    * the entries file has the same size and the same content digest (BLAKE2b of its bytes)
      as when it was cached. Every file is read and hashed on every run (about 30 ms for a
      national round of 12 MB): a modification time alone is not trusted, since network
      shares and USB sticks keep it to 2 seconds, and an edit of one digit keeps the size.
    * the file had no problem at all. Files with errors or warnings are read every time, so
      their messages are always current and in the language asked for.

Groups of near-duplicates
    ``groups-<round>.json`` keeps, per theme × quadrant, which distinct texts were grouped,
    keyed by a digest of everything grouping depends on: the distinct normalised texts, the
    merges.yaml decisions of that theme × quadrant, the similarity threshold and the code of
    ``swot.analysis.similarity`` and ``swot.analysis.grouping``. A theme × quadrant whose texts changed is grouped
    afresh; the others reuse their groups.

Writing the cache may fail (a read-only share, a full disk): the round is then read as usual
and nothing is reported; the next run tries again. Two runs writing at once each replace the
file whole (write beside it, then rename).

Whose cache is trusted
    A cache file's digest is keyed (BLAKE2b with a key) by a random key of the user's, kept
    outside every workshop: ``<user cache folder>/swot/cache-key`` (``~/.cache`` or
    ``$XDG_CACHE_HOME`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows),
    made on first use, readable by its owner only. Someone who can write in the workshop folder
    but not in the user's home can therefore not change what a handout says by editing the
    cache and recomputing its digest: the cache no longer verifies and the entries files are
    read. The cost: a cache written by another user (a colleague's laptop, a shared drive) is
    not used but rewritten, so two people taking turns on one folder each read the YAML. When
    no key can be kept (a read-only home), no cache is used or written."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import swot
from swot.models import Entry, entry_from_row, entry_row

if TYPE_CHECKING:
    from swot.files.entries import EntriesFile
    from swot.files.workshop import LoadedWorkshop

CACHE_DIR = ".swot-cache"
FORMAT = 1
MAGIC = b"swot-cache"
# The modules whose code decides which entries are valid and what they hold.
_READING_CODE = (
    "models.py",
    "vocabulary.py",
    "files/yamltree.py",
    "files/located.py",
    "files/messages.py",
    "files/entries.py",
    "files/workshop.py",
    "rounds/load.py",
    "rounds/cache.py",
)
# The modules whose code decides how texts are grouped.
_GROUPING_CODE = (
    "texts.py",
    "analysis/similarity.py",
    "analysis/grouping.py",
    "files/decisions.py",
    "rounds/cache.py",
)

README = """\
Den här mappen skapas av swot. Den sparar redan kontrollerade poster så att nästa
`swot merge` går fortare. Den kan tas bort när som helst; inget går förlorat.
Svaren finns bara i mappen entries/. Redigera inte filerna här.

This folder is made by swot. It keeps entries already checked so that the next
`swot merge` is faster. It may be deleted at any time; nothing is lost.
The answers live only in the entries/ folder. Do not edit the files here.
"""


def cache_folder(workshop: LoadedWorkshop) -> Path:
    return workshop.folder / CACHE_DIR


def _code_digest(modules: tuple[str, ...]) -> str:
    here = Path(__file__).parent.parent  # the swot package; the names are relative to it
    digest = hashlib.blake2b(swot.__version__.encode(), digest_size=16)
    for name in modules:
        with contextlib.suppress(OSError):  # e.g. running from a zip: the version still counts
            digest.update((here / name).read_bytes())
    return digest.hexdigest()


@dataclass
class _Cached:
    """One entries file in the cache: its size, digest and entries (as JSON rows, or entries)."""

    size: int
    digest: str
    rows: bytes | None = None  # the JSON of its rows, as read from the cache file
    entries: list[Entry] | None = None  # or the entries read this run


@dataclass
class RoundCache:
    """The cached entries of one round, and what this run adds to them.

    The file holds a header line (format, key, digest of the rest), then one line per entries
    file: ``["u01.yaml", size, "digest"]`` TAB ``[[theme, quadrant, text, …], …]``. A file's rows
    are parsed only when its entries are used, and an unchanged file's line is written back as
    it was read, so neither reading nor writing holds a second copy of the whole round.
    """

    path: Path
    key: str
    files: dict[str, _Cached] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls, workshop: LoadedWorkshop, round_id: str) -> RoundCache:
        """The round's cache; empty if there is none or it cannot be used."""
        key = hashlib.blake2b(
            f"{FORMAT}\n{_code_digest(_READING_CODE)}\n{workshop.workshop.model_dump_json()}".encode(),
            digest_size=16,
        ).hexdigest()
        cache = cls(cls.path_of(workshop, round_id), key)
        body = _read_verified(cache.path, key)
        for line in body.split(b"\n") if body else ():
            about, tab, rows = line.partition(b"\t")
            try:
                name, size, digest = json.loads(about)
            except ValueError:
                continue
            if tab and isinstance(name, str) and isinstance(size, int) and isinstance(digest, str):
                cache.files[name] = _Cached(size, digest, rows)
        return cache

    @staticmethod
    def path_of(workshop: LoadedWorkshop, round_id: str) -> Path:
        return cache_folder(workshop) / f"entries-{_safe(round_id)}.json"

    def lookup(self, path: Path, unit: str, round_id: str) -> EntriesFile | None:
        """The file's entries if it is cached and unchanged; None means: read it."""
        cached = self.files.get(path.name)
        if cached is None or cached.rows is None:
            return None
        try:
            if path.stat().st_size != cached.size:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        from swot.files.entries import EntriesFile, content_digest

        digest = content_digest(data)
        if digest != cached.digest:
            return None
        try:
            entries = [entry_from_row(row, unit, round_id) for row in json.loads(cached.rows)]
        except (ValueError, TypeError):  # damaged in a way the digest could not tell
            del self.files[path.name]
            self.changed = True
            return None
        return EntriesFile(path, unit, round_id, entries, [], digest)

    def update(self, files: list[EntriesFile]) -> None:
        """Remember the files read this run that had no problem; forget the others."""
        present = {f.path.name for f in files}
        for name in list(self.files):
            if name not in present:
                del self.files[name]
                self.changed = True
        for read in files:
            cached = self.files.get(read.path.name)
            if read.problems or not read.digest:
                if cached is not None:
                    del self.files[read.path.name]
                    self.changed = True
            elif cached is None or cached.digest != read.digest:
                try:
                    size = read.path.stat().st_size
                except OSError:
                    continue
                self.files[read.path.name] = _Cached(size, read.digest, entries=read.entries)
                self.changed = True

    def save(self) -> None:
        """Write the cache if this run changed it; give up quietly if it cannot be written."""
        if self.changed and _write(self.path, self.key, self._lines()):
            self.changed = False

    def _lines(self) -> Iterator[bytes]:
        for name, cached in self.files.items():
            yield json.dumps([name, cached.size, cached.digest], ensure_ascii=False).encode()
            yield b"\t"
            if cached.rows is not None:
                yield cached.rows
            else:
                rows = [entry_row(entry) for entry in cached.entries or []]
                yield json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
            yield b"\n"


def _read_verified(path: Path, key: str) -> bytes | None:
    """The cache file's content after its header, if it is whole and was written under ``key``."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, _, body = data.partition(b"\n")
    parts = head.split(b" ")
    if len(parts) != 4 or parts[0] != MAGIC or parts[1] != str(FORMAT).encode():
        return None
    try:
        digest = _digest(body).hexdigest()
    except OSError:
        return None
    if parts[2] != key.encode() or parts[3] != digest.encode():
        return None
    return body


def _write(path: Path, key: str, chunks: Iterable[bytes]) -> bool:
    """Replace the cache file whole: a header line with its key and the digest of the rest.

    The content is streamed (the header is written last, at the start of the file), so a large
    round is never held twice in memory.
    """
    folder = path.parent
    try:
        if not folder.is_dir():
            folder.mkdir(exist_ok=True)
            (folder / "README.txt").write_text(README, encoding="utf-8")
        temp = folder / f".{path.name}.{os.getpid()}.tmp"
        try:
            digest = _digest()
            with temp.open("wb") as out:
                out.write(_header(key, "0" * 32))
                for chunk in chunks:
                    digest.update(chunk)
                    out.write(chunk)
                out.seek(0)
                out.write(_header(key, digest.hexdigest()))
            os.replace(temp, path)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
    except OSError:
        return False
    return True


def _header(key: str, digest: str) -> bytes:
    return b"%s %d %s %s\n" % (MAGIC, FORMAT, key.encode(), digest.encode())


def _digest(body: bytes = b"") -> Any:
    """A keyed BLAKE2b of ``body`` (see "Whose cache is trusted"); raises OSError without key."""
    key = user_key()
    if key is None:
        raise OSError("no key for the cache")
    return hashlib.blake2b(body, digest_size=16, key=key)


KEY_BYTES = 32


@functools.cache
def user_key() -> bytes | None:
    """The user's key for cache digests, made on first use; None if it cannot be kept."""
    path = user_cache_folder() / "swot" / "cache-key"
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".cache-key.{os.getpid()}.tmp")
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(os.urandom(KEY_BYTES))
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)  # the first to get there wins; a later one reads its key
        temp.unlink()
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


def user_cache_folder() -> Path:
    """The folder the operating system keeps per-user caches in."""
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def _safe(round_id: str) -> str:
    """A round id as part of a file name (ids are checked, but a cache must never escape)."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in round_id)


@dataclass
class MergeMemo:
    """What grouping found in the last run, per theme × quadrant, keyed by what it depends on.

    Two kinds of record (see ``swot.analysis.grouping``): ``items:<digest>`` holds a bucket's items with
    its entries by position, for a bucket whose entries (texts, units, lines), decisions and
    threshold are all unchanged; ``groups:<digest>`` holds which distinct texts were grouped,
    for a bucket whose distinct texts are unchanged. Every record is checked before use; one
    that does not fit is ignored and found again.
    """

    path: Path
    key: str
    records: dict[str, dict] = field(default_factory=dict)
    used: dict[str, dict] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls, workshop: LoadedWorkshop, round_id: str) -> MergeMemo:
        key = _code_digest(_GROUPING_CODE)
        memo = cls(cls.path_of(workshop, round_id), key)
        body = _read_verified(memo.path, key)
        with contextlib.suppress(ValueError):
            content = json.loads(body) if body else {}
            if isinstance(content, dict):
                memo.records = {k: v for k, v in content.items() if isinstance(v, dict)}
        return memo

    @staticmethod
    def path_of(workshop: LoadedWorkshop, round_id: str) -> Path:
        return cache_folder(workshop) / f"groups-{_safe(round_id)}.json"

    def items(self, key: str, size: int) -> list[list] | None:
        """A bucket's items (entry positions, text, key, cohesion, by decision, wordings)."""
        found = self.records.get(key)
        items = found.get("items") if found else None
        if not isinstance(items, list) or not _items_fit(items, size):
            return None
        self.used[key] = found  # type: ignore[assignment]
        for item in items:  # read from JSON: share the texts with the entries' own
            item[1] = sys.intern(item[1])
            item[5] = [sys.intern(wording) for wording in item[5]]
        return items

    def put_items(self, key: str, items: list[list]) -> None:
        self.used[key] = {"items": items}
        self.changed = True

    def groups(self, key: str) -> tuple[list[int], list[float], list[bool]] | None:
        """(root of each distinct text, weakest score, joined by a decision), or None."""
        found = self.records.get(key)
        if found is None:
            return None
        roots, weakest, by_decision = found.get("roots"), found.get("weakest"), found.get("decided")
        if not (
            isinstance(roots, list)
            and isinstance(weakest, list)
            and isinstance(by_decision, list)
            and len(roots) == len(weakest) == len(by_decision)
            and all(isinstance(r, int) and 0 <= r < len(roots) and roots[r] == r for r in roots)
            and all(isinstance(w, (int, float)) for w in weakest)
            and all(isinstance(d, bool) for d in by_decision)
        ):
            return None
        self.used[key] = found
        return roots, [float(w) for w in weakest], by_decision

    def put_groups(
        self, key: str, roots: list[int], weakest: list[float], by_decision: list[bool]
    ) -> None:
        self.used[key] = {"roots": roots, "weakest": weakest, "decided": by_decision}
        self.changed = True

    def save(self) -> None:
        """Keep the records of this run (older ones are dropped), if anything changed."""
        if not (self.changed or self.used.keys() != self.records.keys()):
            return
        if _write(self.path, self.key, _json_object(self.used)):
            self.records, self.changed = dict(self.used), False


def _json_object(records: dict[str, dict]) -> Iterator[bytes]:
    """A JSON object written record by record (one big ``json.dumps`` would hold it twice)."""
    yield b"{"
    for number, (key, record) in enumerate(records.items()):
        yield (b"," if number else b"") + json.dumps(key).encode() + b":"
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    yield b"}"


def _items_fit(items: list, size: int) -> bool:
    """Whether memo items are well formed and use each of ``size`` entries exactly once."""
    seen = 0
    every: set[int] = set()
    for item in items:
        if not (isinstance(item, list) and len(item) == 6):
            return False
        indexes, text, key, cohesion, by_decision, wordings = item
        if not (
            isinstance(indexes, list)
            and isinstance(text, str)
            and isinstance(key, str)
            and isinstance(cohesion, (int, float))
            and isinstance(by_decision, bool)
            and isinstance(wordings, list)
            and all(isinstance(w, str) for w in wordings)
        ):
            return False
        seen += len(indexes)
        every.update(indexes)
    return seen == size == len(every) and every == set(range(size))
