"""`make bench-serve`: how the server holds up under concurrent readers, on loopback only.

Builds (once, then reuses) a store of generated articles (scripts/bench_corpus.py), starts
`veille serve` on 127.0.0.1 in its own process, and reports for the search and document
endpoints, JSON and page, and the timeline JSON: requests per second at each concurrency
(10 and 20 by default), p50/p99 latency, and the load average before and after each phase (the
machine may be shared: a rate means little without it). Then it starts an expensive search
(the issue's ``'a* '`` x 166) and times a small request (``/api``) while that search runs.
Bounded: a fixed number of requests per endpoint and a time cap per phase.

The searches are varied, as a newsroom's are: words drawn from the stored texts themselves
(neither the words nearly every article has nor those of one article only), two-word
queries, and the names of stored people and organisations, so that no answer is measured
warm from a handful of repeated queries. The client is ``http.client`` on keep-alive
connections, one a thread: it shares the cores with the server, and httpx cost 2-3 ms of CPU
a request, as much as a document's answer.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import build_corpus  # noqa: E402

from veille.api.server import free_port  # noqa: E402
from veille.extract import extract_records  # noqa: E402
from veille.run import store_outcomes  # noqa: E402
from veille.settings import Settings  # noqa: E402
from veille.store import Store, open_store  # noqa: E402

HOST = "127.0.0.1"  # loopback only, whatever the environment says
EXPENSIVE = "a* " * 166
# The timeline of each of the most mentioned people: its first request merges (seconds, see
# the README), the next ones read the merged result until the store changes.
TIMELINE_NAMES = 5
# The query mix: words of the stored texts (of at least MIN_LETTERS letters, in at least two
# documents and at most a third of them), pairs of them, and stored names.
MIN_LETTERS = 4
SAMPLE_TEXTS = 400
QUERY_MIX = {"word": 0.6, "pair": 0.2, "name": 0.2}
WARM_UP = 40


def build_store(path: Path, count: int, examples: Path) -> int:
    """A store of at least ``count`` documents at ``path`` (kept for the next run)."""
    settings = Settings(db=str(path))
    store = open_store(settings.db)
    try:
        have = store.stats()["documents"]
        if have >= count:
            return have
        # Some generated articles are near-copies of others and skipped: generate spares.
        raws = build_corpus(examples, int(count * 1.3) + 50)
        started = time.perf_counter()
        for start in range(0, len(raws), 64):
            store_outcomes(extract_records(raws[start:start + 64], settings), store, settings)
            have = store.stats()["documents"]
            if have >= count:
                break
        print(f"built a store of {have} documents in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        return have
    finally:
        store.close()


def query_mix(store: Store, count: int, rng: random.Random) -> list[str]:
    """``count`` search queries drawn from the store's own vocabulary and names."""
    texts = [record.text for record in islice(store.iter_records(), SAMPLE_TEXTS)]
    in_docs = Counter(w for text in texts for w in
                      {w for w in re.findall(r"\w+", text.casefold())
                       if len(w) >= MIN_LETTERS and not w.isdigit()})
    words = sorted(w for w, n in in_docs.items() if 2 <= n <= len(texts) / 3)
    names = sorted({row.name for kind in ("PER", "ORG")
                    for row in store.entities(type=kind, limit=300)})
    kinds = rng.choices(list(QUERY_MIX), weights=list(QUERY_MIX.values()), k=count)
    return [rng.choice(names) if kind == "name" and names
            else " ".join(rng.sample(words, 2)) if kind == "pair"
            else rng.choice(words) for kind in kinds]


def request_paths(queries: list[str], doc_ids: list[str], people: list[str]
                  ) -> dict[str, list[str]]:
    """The requests of each endpoint: one a query, document or person given."""
    return {
        "search": [f"/api/search?q={quote(q)}" for q in queries],
        "search_page": [f"/search?q={quote(q)}" for q in queries],
        "document": [f"/api/documents/{quote(d, safe='')}" for d in doc_ids],
        "document_page": [f"/documents/{quote(d, safe='')}" for d in doc_ids],
        "timeline": [f"/api/timeline?entity={quote(p)}" for p in people],
    }


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "VEILLE_API_TOKEN": ""}
    veille = Path(sys.executable).with_name("veille")
    server = subprocess.Popen([str(veille), "serve", "--db", str(db), "--host", HOST,
                               "--port", str(port), "--workers", str(workers)], env=env,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


def load_average() -> float:
    """The 1-minute load average (0.0 where the system has none)."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else 0.0


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by process ``pid`` and its children (the server's workers),
    from /proc (0.0 where there is none). On a shared machine the rate follows the load, but
    the CPU a request costs does not."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # a process that ended meanwhile
        if stat.parent.name == str(pid) or fields[1] == str(pid):  # itself, or a child
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def load(base: str, paths: list[str], concurrency: int, cap: float, pid: int = 0
         ) -> dict[str, object]:
    """Send ``paths`` from ``concurrency`` threads; requests/s, p50/p99 ms, errors, the
    server's CPU ms per request, and the load average before and after."""
    load_before = load_average()
    cpu_before = server_cpu(pid) if pid else 0.0
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + cap
    local = threading.local()
    where = urlsplit(base)

    def one(path: str) -> None:
        if time.monotonic() > stop_at:
            return
        t0 = time.perf_counter()
        try:
            if not hasattr(local, "conn"):
                local.conn = http.client.HTTPConnection(where.hostname or HOST, where.port,
                                                        timeout=60)
            local.conn.request("GET", path)
            answer = local.conn.getresponse()
            answer.read()
            status = answer.status
        except (OSError, http.client.HTTPException):  # a timeout counts, as a failure
            local.conn.close()
            del local.conn  # a new connection for the next request
            status = 0
        took = time.perf_counter() - t0
        with lock:
            latencies.append(took)
            statuses.append(status)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, paths))
    wall = time.perf_counter() - started
    latencies.sort()
    cpu_ms = 1000 * (server_cpu(pid) - cpu_before) / max(1, len(latencies)) if pid else 0.0
    return {"load_before": load_before, "load_after": load_average(),
            "server_cpu_ms_per_request": round(cpu_ms, 2),
            "requests": len(latencies), "requests_per_s": round(len(latencies) / wall, 1),
            "p50_ms": round(1000 * statistics.median(latencies), 1),
            "p99_ms": round(1000 * latencies[min(len(latencies) - 1,
                                                 int(len(latencies) * 0.99))], 1),
            "non_2xx": sum(1 for s in statuses if not 200 <= s < 300),
            # Which: 0 is a client timeout, 503 a query over its budget; a 500 is a bug.
            "non_2xx_statuses": dict(sorted(Counter(
                str(s) for s in statuses if not 200 <= s < 300).items()))}


def first_timelines(base: str, names: list[str]) -> dict[str, float]:
    """Seconds of each entity's first timeline request (the merge, before it is kept)."""
    out = {}
    with httpx.Client(base_url=base, timeout=300) as client:
        for name in names:
            t0 = time.perf_counter()
            client.get("/api/timeline", params={"entity": name})
            out[name] = round(time.perf_counter() - t0, 2)
    return out


def small_while_slow(base: str, samples: int) -> dict[str, float]:
    """Latency of ``/api`` while the expensive search runs in another connection."""
    slow: dict[str, float] = {}

    def expensive() -> None:
        t0 = time.perf_counter()
        with httpx.Client(base_url=base, timeout=120) as client:
            slow["status"] = client.get("/api/search", params={"q": EXPENSIVE}).status_code
        slow["seconds"] = round(time.perf_counter() - t0, 2)

    thread = threading.Thread(target=expensive)
    thread.start()
    time.sleep(0.05)
    small = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for _ in range(samples):
            t0 = time.perf_counter()
            client.get("/api")
            small.append(time.perf_counter() - t0)
            if not thread.is_alive():
                break
            time.sleep(0.05)
    thread.join()
    return {"expensive_search_status": slow.get("status", 0),
            "expensive_search_s": slow.get("seconds", 0.0), "small_requests": len(small),
            "small_max_ms": round(1000 * max(small), 1),
            "small_p50_ms": round(1000 * statistics.median(small), 1)}


def print_table(rates: dict[str, dict[int, float]], cpu: dict[str, dict[int, float]],
                levels: list[int], figures: dict[str, object]) -> None:
    """Requests/s and the server's CPU ms a request, per endpoint and concurrency, on stderr."""
    print(f"\nrequests/s | server CPU ms a request ({figures['workers']} worker(s), "
          f"{figures['cpus']} cpus, load {figures['load_at_start']} -> "
          f"{figures['load_at_end']})", file=sys.stderr)
    print("endpoint".ljust(15) + "".join(f"c={c}".rjust(16) for c in levels), file=sys.stderr)
    for name, by_level in rates.items():
        print(name.ljust(15) + "".join(f"{by_level[c]:9.1f} |{cpu[name][c]:5.1f}" for c in levels),
              file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--store", type=Path,
                        default=Path(tempfile.gettempdir()) / "veille-bench-serve" / "store.sqlite",
                        help="built once, reused by later runs")
    parser.add_argument("--examples", type=Path, default=Path("examples"))
    parser.add_argument("--concurrency", default="10,20",
                        help="comma-separated: each endpoint is loaded at each of them")
    parser.add_argument("--endpoints", default="search,search_page,document,document_page,"
                        "timeline", help="comma-separated, of these")
    parser.add_argument("--workers", type=int, default=1, help="veille serve --workers")
    parser.add_argument("--requests", type=int, default=600, help="per endpoint and level")
    parser.add_argument("--seconds", type=float, default=60, help="cap per endpoint")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    args.store.parent.mkdir(parents=True, exist_ok=True)
    documents = build_store(args.store, args.docs, args.examples)
    rng = random.Random(7)
    n = args.requests
    store = open_store(str(args.store))
    try:
        ids = [row.doc_id for row in store.documents(limit=documents)]
        names = [row.name for row in store.entities(type="PER", limit=TIMELINE_NAMES)]
        queries = query_mix(store, n + WARM_UP, rng)
    finally:
        store.close()
    port = free_port(HOST)
    server = start_server(args.store, port, args.workers)
    base = f"http://{HOST}:{port}"
    doc_ids = [rng.choice(ids) for _ in range(n + WARM_UP)]
    people = [rng.choice(names) for _ in range(n + WARM_UP)]
    endpoints = request_paths(queries[:n], doc_ids[:n], people[:n])
    # Warm-up requests of the same kinds, drawn apart from the measured ones.
    warm = request_paths(queries[n:], doc_ids[n:], people[n:])
    levels = [int(c) for c in args.concurrency.split(",") if c.strip()]
    try:
        figures: dict[str, object] = {"documents": documents, "concurrency": levels,
                                      "distinct_queries": len(set(queries[:n])),
                                      "workers": args.workers, "cpus": os.cpu_count() or 0,
                                      "load_at_start": load_average()}
        figures["timeline_first_request_s"] = first_timelines(base, names)
        rates: dict[str, dict[int, float]] = {}
        cpu: dict[str, dict[int, float]] = {}
        chosen = args.endpoints.split(",")
        for name, paths in ((k, v) for k, v in endpoints.items() if k in chosen):
            # Uncounted: the first requests of each reader thread open its connection and
            # fill its page cache, which a running server has done long before.
            load(base, warm[name], max(levels), args.seconds)
            for level in levels:
                found = load(base, paths, level, args.seconds, server.pid)
                figures[f"{name}@{level}"] = found
                rates.setdefault(name, {})[level] = float(str(found["requests_per_s"]))
                cpu.setdefault(name, {})[level] = float(str(found["server_cpu_ms_per_request"]))
                print(f"{name}@{level}", found, file=sys.stderr)
        figures["small_while_expensive_search"] = small_while_slow(base, 200)
        figures["load_at_end"] = load_average()
        print_table(rates, cpu, levels, figures)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:  # busy with requests the load phase gave up on
            server.kill()
            server.wait(10)
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
