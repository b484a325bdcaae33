"""What keeps the survey safe on a shared network, before any answer is read.

- a random per-session token as the first part of every path with ``--lan`` (routing gives
  404 without it), and a signed token in every form (CSRF; it also names one submission, so a
  double click or a reload saves once);
- ``GuardMiddleware``: the ``Host`` header must be an address swot showed (no DNS rebinding),
  each client has a request budget (a token bucket per address; a form posted beyond its
  budget is shown again with a message, nothing lost), and a request body over the cap is
  refused before it is parsed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
# A page saying why a request was refused: (scope, status, reason) → an ASGI response.
Refuse = Callable[[Scope, int, str], ASGIApp]

BODY_LIMIT = 64 * 1024
TOO_MANY_POSTS = "swot_too_many_posts"  # set in scope["state"]: the form is shown, not acted on


@dataclass(frozen=True)
class Limits:
    """The caps of one survey session (tests and the benchmark may raise them)."""

    body_bytes: int = BODY_LIMIT
    requests_per_minute: int = 120  # every request of one client, CSS and pages included
    posts_per_minute: int = 30  # a person adds rows, reviews and sends: a handful a minute


class SessionKeys:
    """The secrets of one running survey; a restart makes every old link and form invalid."""

    def __init__(self, lan: bool) -> None:
        self._secret = secrets.token_bytes(32)
        # 80 random bits, lower-case base32: short enough for a small QR code and easy to type.
        self.path_token = (
            base64.b32encode(secrets.token_bytes(10)).decode("ascii").lower() if lan else ""
        )

    def new_form_token(self) -> str:
        """A token for one new form: a random submission id and its signature."""
        submission = secrets.token_urlsafe(12)
        return f"{submission}.{self._sign(submission)}"

    def submission_of(self, token: str) -> str | None:
        """The submission id a form token names, or None if swot did not sign it."""
        submission, _, signature = token.partition(".")
        if not submission or not signature:
            return None
        if not hmac.compare_digest(signature, self._sign(submission)):
            return None
        return submission

    def _sign(self, text: str) -> str:
        return hmac.new(self._secret, text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


class RateLimiter:
    """A token bucket per client: ``per_minute`` requests, refilled evenly over a minute."""

    MAX_CLIENTS = 10_000  # forget the oldest clients beyond this, so memory stays bounded

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client → (tokens, when)
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """Take one token for ``client``; False if its budget is spent for now."""
        now = self.clock()
        with self._lock:
            tokens, when = self._buckets.pop(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - when) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > self.MAX_CLIENTS:
                del self._buckets[next(iter(self._buckets))]
        return allowed


def host_allowed(host: str, allowed: frozenset[str]) -> bool:
    """Whether a ``Host`` header names one of the addresses swot serves on."""
    return host.strip().lower() in allowed


def allowed_hosts(addresses: list[str], port: int) -> frozenset[str]:
    """Every ``Host`` header a browser sends for ``addresses`` on ``port``."""
    hosts = set()
    for address in addresses:
        name = f"[{address}]" if ":" in address else address
        hosts.add(f"{name}:{port}".lower())
        if port == 80:
            hosts.add(name.lower())
    return frozenset(hosts)


class GuardMiddleware:
    """Host check, rate limits and the body cap, in front of the application."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], limits: Limits, refuse: Refuse) -> None:
        self.app = app
        self.hosts = hosts
        self.limits = limits
        self.refuse = refuse
        self.requests = RateLimiter(limits.requests_per_minute)
        self.posts = RateLimiter(limits.posts_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        reason = self._refusal(scope)
        if reason is not None:
            status, why = reason
            await self.refuse(scope, status, why)(scope, receive, send)
            return
        if scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        if not self.posts.allow(client):  # the form says so, with the answers kept
            scope.setdefault("state", {})[TOO_MANY_POSTS] = True
        body = await _read_body(receive, self.limits.body_bytes, _content_length(scope))
        if body is None:
            await self.refuse(scope, 413, "too_large")(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if not host_allowed(host, self.hosts):
            return 400, "bad_host"
        client = (scope.get("client") or ("?", 0))[0]
        if not self.requests.allow(client):
            return 429, "rate"
        return None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or []:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _read_body(receive: Receive, limit: int, declared: int | None) -> bytes | None:
    """The whole request body, or None as soon as it is longer than ``limit`` bytes."""
    if declared is not None and declared > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, original: Receive) -> Receive:
    """A ``receive`` that hands the application the body already read, then waits for the
    client to go away as the server's own ``receive`` does."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await original()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
