"""Load on `swot survey`: many participants answering at once, and the server killed mid-way.

Run: python benchmarks/survey_load.py [--submissions 300] [--clients 50] [--append FILE]

Starts `swot survey` (a separate process, as a facilitator would) on a copy of
workshops/hoganasmodellen (8 units) on 127.0.0.1, then `--clients` participants answer at
the same time with httpx, each from its own loopback address (127.0.0.2, 127.0.0.3, …: each
has its own rate budget, as phones on a wifi do). A submission is what a browser does: get
the form, post it (summary page), post Send, follow the redirect to the thank-you page; its
two answers carry a unique marker. Reported: latency of Send (the request that saves) and of
every request, p50/p95/max.

Checked afterwards, from the files alone: every submission that got its thank-you page is on
disk exactly once (0 lost, 0 duplicated), each as one respondent whose id no other submission
and no earlier entry of its unit has, and `swot validate` passes on every file.

Then the same load again on a fresh copy, and the server is killed with SIGKILL once a third
of the submissions are through: every submission that had its thank-you page must be on
disk; the files must be valid. Only 127.0.0.0/8 is ever contacted; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workshops" / "hoganasmodellen"
ROUND = "uppfoljning"
UNITS = ["hoganas", "lund", "angelholm", "landskrona", "bjuv", "svalov", "bastad", "kristianstad"]
MARKER = re.compile(r"Lasttest (\d+)-(\d+)")
TOKEN = re.compile(r'name="token" value="([^"]+)"')
DEADLINE_SECONDS = 300  # a run never goes on longer than this


@dataclass
class Run:
    """What one load run measured."""

    send: list[float] = field(default_factory=list)  # seconds per Send (the saving request)
    every: list[float] = field(default_factory=list)  # seconds per request, all kinds
    thanked: set[tuple[int, int]] = field(default_factory=set)  # (client, n) confirmed
    failed: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0  # processor seconds the server used during the run
    client_cpu: float = 0.0  # and this load generator (both share the machine's cores)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path, port: int, log: Path) -> subprocess.Popen:
    """`swot survey` in its own process; returns once it serves (its address is printed)."""
    handle = log.open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "swot", "survey", str(folder), "--port", str(port)],
        stdout=handle,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, NO_COLOR="1", COLUMNS="120"),
    )
    deadline = time.monotonic() + 30
    while f"127.0.0.1:{port}/" not in log.read_text(encoding="utf-8"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"swot survey did not start:\n{log.read_text(encoding='utf-8')}")
        time.sleep(0.05)
    return process


async def timed(client: httpx.AsyncClient, run: Run, method: str, url: str, **kw) -> httpx.Response:
    start = time.perf_counter()
    response = await client.request(method, url, **kw)
    run.every.append(time.perf_counter() - start)
    return response


def new_client(number: int) -> httpx.AsyncClient:
    """A participant's browser, from its own loopback address (made before the clock starts:
    httpx builds an SSL context for every client, ~30 ms each, even for plain http)."""
    transport = httpx.AsyncHTTPTransport(local_address=f"127.0.0.{number + 2}")
    return httpx.AsyncClient(transport=transport, timeout=30)


async def participant(
    client: httpx.AsyncClient,
    number: int,
    count: int,
    url: str,
    run: Run,
    stop: asyncio.Event,
    pause: float,
) -> None:
    """One client answering ``count`` times; with ``pause``, it reads and types for up to that
    many seconds (random) before each post."""
    chance = random.Random(number)
    think = (lambda: asyncio.sleep(chance.uniform(pause / 5, pause))) if pause else None
    async with client:
        for n in range(count):
            if stop.is_set():
                return
            unit = UNITS[(number * count + n) % len(UNITS)]
            try:
                await submit(client, url, run, number, n, unit, think)
            except (httpx.HTTPError, AssertionError):
                run.failed += 1
                if stop.is_set():
                    return


async def submit(
    client: httpx.AsyncClient,
    url: str,
    run: Run,
    number: int,
    n: int,
    unit: str,
    think: Callable[[], Awaitable[None]] | None,
) -> None:
    page = await timed(client, run, "GET", url)
    token = TOKEN.search(page.text)
    assert token is not None
    data = {
        "token": token.group(1),
        "lang": "sv",
        "round": ROUND,
        "unit": unit,
        "text-equality-strengths-1": f"Lasttest {number}-{n}: cheferna lyssnar – åäö",
        "importance-equality-strengths-1": str(1 + n % 5),
        "text-accessibility-weaknesses-1": f"Lasttest {number}-{n}: hissen är trasig",
    }
    if think:
        await think()
    summary = await timed(client, run, "POST", url, data={**data, "action": "review"})
    assert summary.status_code == 200, summary.status_code
    if think:
        await think()
    start = time.perf_counter()
    sent = await client.post(url, data={**data, "action": "send"})
    run.send.append(time.perf_counter() - start)
    run.every.append(run.send[-1])
    assert sent.status_code == 303, sent.status_code
    run.thanked.add((number, n))  # saved: the redirect to the thank-you page is on its way
    thanks = await timed(client, run, "GET", url + "thanks?lang=sv")
    assert "Tack för dina svar" in thanks.text


async def load(url: str, submissions: int, clients: int, kill_after: int | None,
               process: subprocess.Popen, pause: float = 0.0) -> Run:  # fmt: skip
    run = Run()
    stop = asyncio.Event()
    per_client = -(-submissions // clients)
    browsers = [new_client(c) for c in range(clients)]
    start = time.perf_counter()
    tasks = [
        asyncio.create_task(participant(browsers[c], c, per_client, url, run, stop, pause))
        for c in range(clients)
    ]
    while not all(t.done() for t in tasks):
        if kill_after is not None and len(run.thanked) >= kill_after and not stop.is_set():
            process.send_signal(signal.SIGKILL)
            stop.set()
        if time.perf_counter() - start > DEADLINE_SECONDS:
            stop.set()
            for task in tasks:
                task.cancel()
            break
        await asyncio.sleep(0.005)
    await asyncio.gather(*tasks, return_exceptions=True)
    run.seconds = time.perf_counter() - start
    return run


def on_disk(folder: Path) -> dict:
    """The markers of every load-test entry on disk, and whether every file is valid."""
    from swot.files.entries import read_entries_file
    from swot.files.workshop import load_workshop

    workshop = load_workshop(folder)
    found: dict[tuple[int, int], list[tuple[str, str]]] = {}
    earlier: dict[str, set[str]] = {}
    invalid = []
    for unit in UNITS:
        path = workshop.entries_file(ROUND, unit)
        if not path.exists():  # a unit without a file yet that no submission reached
            continue
        result = read_entries_file(path, workshop, unit=unit, round_id=ROUND)
        if not result.ok:
            invalid.append(str(path))
        for entry in result.entries:
            match = MARKER.match(entry.text)
            if match:
                key = (int(match.group(1)), int(match.group(2)))
                found.setdefault(key, []).append((unit, entry.respondent or ""))
            else:
                earlier.setdefault(unit, set()).add(entry.respondent or "")
    return {"found": found, "earlier": earlier, "invalid": invalid}


def check(folder: Path, run: Run, original: dict) -> dict:
    """0 lost, 0 duplicated, one fresh respondent id per submission, every file valid."""
    disk = on_disk(folder)
    found = disk["found"]
    lost = sorted(run.thanked - set(found))
    duplicated = [key for key, places in found.items() if len(places) != 2]
    ids: dict[tuple[str, str], set[tuple[int, int]]] = {}
    mixed = 0
    for key, places in found.items():
        if len(set(places)) != 1:
            mixed += 1  # a submission's two answers under two respondents
        for place in set(places):
            ids.setdefault(place, set()).add(key)
    shared = sum(1 for keys in ids.values() if len(keys) > 1)
    reused = sum(1 for unit, rid in ids if rid in original["earlier"].get(unit, set()))
    validate = subprocess.run(
        [sys.executable, "-m", "swot", "validate", str(folder)], capture_output=True, text=True
    )
    return {
        "thanked": len(run.thanked),
        "on disk": len(found),
        "lost": len(lost),
        "duplicated": len(duplicated) + mixed,
        "respondent ids shared": shared + reused,
        "invalid files": len(disk["invalid"]),
        "swot validate": validate.returncode,
        "validate output": validate.stdout.strip().splitlines()[-1:],
    }


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def figures(samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return (
        f"p50 {statistics.median(ms):.0f} ms · p95 {percentile(ms, 0.95):.0f} ms · "
        f"max {max(ms):.0f} ms ({len(ms)} requests)"
        if ms
        else "no requests"
    )


def cpu_seconds(pid: int) -> float:
    """Processor time a process has used so far (Linux: /proc/<pid>/stat); 0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(
    submissions: int, clients: int, kill: bool, workdir: Path, pause: float, name: str
) -> tuple[Run, dict, str]:
    folder = workdir / name
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts", ".swot-cache"))
    original = on_disk(folder)
    port = free_port()
    log = workdir / f"{folder.name}.log"
    process = start_server(folder, port, log)
    url = f"http://127.0.0.1:{port}/"
    kill_after = submissions // 3 if kill else None
    cpu_before, own_before = cpu_seconds(process.pid), time.process_time()
    try:
        run = asyncio.run(load(url, submissions, clients, kill_after, process, pause))
        run.server_cpu = cpu_seconds(process.pid) - cpu_before
        run.client_cpu = time.process_time() - own_before
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(30)
        if process.poll() is None:
            process.kill()
    ending = f"exit {process.returncode}"
    return run, check(folder, run, original), ending


def machine() -> str:
    from importlib.metadata import version

    packages = ", ".join(
        f"{name} {version(name)}" for name in ("starlette", "uvicorn", "httpx", "pydantic")
    )
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}; {packages}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--pause",
        type=float,
        default=1.0,
        help="in the 'room' run, each client reads and types up to this many seconds before "
        "each post (default 1.0)",
    )
    parser.add_argument("--append", type=Path, help="append the results (Markdown) to this file")
    args = parser.parse_args()
    if not 1 <= args.clients <= 250:
        raise SystemExit("--clients: 1 to 250 (one loopback address each)")
    lines = [
        f"## `swot survey` under load ({time.strftime('%Y-%m-%d')}, benchmarks/survey_load.py)",
        "",
        f"Machine: {machine()}.",
        f"{args.submissions} submissions from {args.clients} concurrent clients against "
        "127.0.0.1; a submission = form, summary, Send, thank-you page (2 answers).",
        "",
    ]
    shapes = [
        ("all at once: no pause between requests", False, 0.0, "burst"),
        (f"a room: each client pauses {args.pause / 5:.1f}–{args.pause:.1f} s before each post",
         False, args.pause, "room"),
        ("all at once, SIGKILL after a third of the submissions", True, 0.0, "killed"),
    ]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="swot-survey-load-") as temp:
        for title, kill, pause, name in shapes:
            run, result, ending = one_run(
                args.submissions, args.clients, kill, Path(temp), pause, name
            )
            thanked = max(1, len(run.thanked))
            lines += [
                f"### {title}",
                "",
                "```",
                f"wall time        {run.seconds:.1f} s ({len(run.thanked)} thanked, "
                f"{run.failed} failed or cut off); server {ending}",
                f"Send (saves)     {figures(run.send)}",
                f"every request    {figures(run.every)}",
                f"processor        server {run.server_cpu:.1f} s "
                f"({run.server_cpu / thanked * 1000:.0f} ms per submission), "
                f"load generator {run.client_cpu:.1f} s",
                *(f"{key:<16} {value}" for key, value in result.items()),
                "```",
                "",
            ]
    report = "\n".join(lines)
    print(report)
    if args.append:
        with args.append.open("a", encoding="utf-8") as handle:
            handle.write("\n" + report)


if __name__ == "__main__":
    main()
