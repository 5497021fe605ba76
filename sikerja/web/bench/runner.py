"""Time pages beside the floor view, count their queries, and write ``var/bench/pages.json``.

Two transports share one loop: ``HttpTransport`` talks to a gunicorn on a loopback port (the
real run: WSGI, middleware, sockets, one worker), ``ClientTransport`` uses Django's test client
in this process (the smoke test, and machines without a free port). Each round requests the
floor and then a page, for every page, so both see the same noise; the ratio of the medians
is what a later run compares.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from sikerja.web.bench.floor import FLOOR_PATH
from sikerja.web.bench.pages import USERS, Page

BENCH_URLCONF = "sikerja.web.bench.urls"


@dataclass
class Result:
    name: str
    url: str
    who: str
    status: int
    median_ms: float = 0.0
    p95_ms: float = 0.0
    queries: int = 0
    ratio_to_floor: float = 0.0
    samples: list[float] = field(default_factory=list, repr=False)


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20, method="inclusive")[18]


# --- transports -----------------------------------------------------------------------------
class ClientTransport:
    """Django's test client in this process, with the floor view's URLconf."""

    def __init__(self, sessions: dict[str, str]):
        self.clients = {}
        for who, key in sessions.items():
            client = Client()
            client.cookies[settings.SESSION_COOKIE_NAME] = key
            self.clients[who] = client
        self.clients["anon"] = Client()
        self._override = override_settings(ROOT_URLCONF=BENCH_URLCONF)

    def __enter__(self):
        self._override.enable()
        return self

    def __exit__(self, *exc):
        self._override.disable()

    def get(self, path: str, who: str) -> tuple[int, float]:
        client = self.clients[who]
        t0 = time.perf_counter()
        response = client.get(path, HTTP_HOST="127.0.0.1")
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        return response.status_code, (time.perf_counter() - t0) * 1000


class HttpTransport:
    """gunicorn (one sync worker) on a free loopback port, one keep-alive-less request each."""

    def __init__(self, sessions: dict[str, str], workers: int = 1):
        self.sessions = sessions
        self.workers = workers
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None

    def __enter__(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="sikerja.web.bench.settings",
            # Same secret key as this process, so the sessions made here are valid there.
            DJANGO_SECRET_KEY=str(settings.SECRET_KEY),
            SIKERJA_DEMO="1",
            # The region user is an administrator; the benchmark does not type TOTP codes.
            SIKERJA_REQUIRE_SECOND_FACTOR="0",
            SIKERJA_PUBLIC_URL=f"http://127.0.0.1:{self.port}",
        )
        cmd = [
            sys.executable, "-m", "gunicorn", "sikerja.config.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
            "--timeout", "300", "--log-level", "warning",
        ]  # fmt: skip
        self.proc = subprocess.Popen(cmd, env=env, cwd=settings.BASE_DIR)  # noqa: S603 - fixed argv, no shell
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn berhenti (kode {self.proc.returncode})")
            try:
                if self.get(FLOOR_PATH, "anon")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn tidak menjawab dalam 60 detik")

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def get(self, path: str, who: str) -> tuple[int, float]:
        headers = {"Host": "127.0.0.1"}
        if who in self.sessions:
            headers["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={self.sessions[who]}"
        t0 = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
        finally:
            conn.close()
        return response.status, (time.perf_counter() - t0) * 1000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the run --------------------------------------------------------------------------------
def login_sessions(prefix: str, password: str) -> dict[str, str]:
    """One session per benchmark user, stored in the session table both transports read."""
    sessions = {}
    for who, suffix in USERS.items():
        client = Client()
        username = f"{prefix}.{suffix}" if prefix else suffix
        if not client.login(username=username, password=password):
            raise RuntimeError(f"tidak dapat masuk sebagai {username}")
        sessions[who] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


def count_queries(pages: list[Page], sessions: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Status and query count of each page, from an in-process pass (gunicorn cannot report them)."""
    out = {}
    with ClientTransport(sessions) as transport:
        for page in pages:
            transport.get(page.url, page.who)  # once first: per-process caches are not the page's
            with CaptureQueriesContext(connection) as ctx:
                status, _ = transport.get(page.url, page.who)
            out[page.name] = (status, len(ctx.captured_queries))
    return out


def measure(
    transport, pages: list[Page], counts: dict[str, tuple[int, int]], rounds: int, log: Callable[[str], None]
) -> tuple[list[Result], float]:
    live = []
    results = []
    for page in pages:
        status, queries = counts[page.name]
        result = Result(page.name, page.url, page.who, status, queries=queries)
        if status == 404 and page.optional:
            log(f"  {page.name}: belum ada (404), dilewati")
            continue
        results.append(result)
        if status == 200:
            live.append(result)
    floor_samples: list[float] = []
    for page in live:  # warm-up: imports, template loading, the database's caches
        transport.get(page.url, page.who)
    for n in range(rounds):
        for result in live:
            floor_samples.append(transport.get(FLOOR_PATH, "anon")[1])
            status, ms = transport.get(result.url, result.who)
            result.status = status if status != 200 else result.status
            result.samples.append(ms)
        log(f"  putaran {n + 1}/{rounds} selesai")
    floor_median = statistics.median(floor_samples) if floor_samples else 0.0
    for result in live:
        result.median_ms = round(statistics.median(result.samples), 2)
        result.p95_ms = round(p95(result.samples), 2)
        result.ratio_to_floor = round(result.median_ms / floor_median, 2) if floor_median else 0.0
    return results, round(floor_median, 3)


def validation_timing(actor, repeat: int = 3) -> dict:
    """The kedudukan report's read in Python beside the raw SQL of the same queries (fetched)."""
    from sikerja.organisation.placement_selectors import validation_report

    report_ms = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            validation_report(actor)
            report_ms.append((time.perf_counter() - t0) * 1000)
    sql_ms = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            for query in ctx.captured_queries:
                cursor.execute(query["sql"])
                cursor.fetchall()
        sql_ms.append((time.perf_counter() - t0) * 1000)
    report, sql = statistics.median(report_ms), statistics.median(sql_ms)
    return {
        "report_ms": round(report, 2),
        "raw_sql_ms": round(sql, 2),
        "ratio_to_sql": round(report / sql, 2) if sql else 0.0,
        "queries": len(ctx.captured_queries),
    }


def write_json(path: Path, results: list[Result], floor_median: float, extra: dict) -> dict:
    data = {
        "pages": [{k: v for k, v in asdict(r).items() if k != "samples"} for r in results],
        "floor_median_ms": floor_median,
        **extra,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    return data
