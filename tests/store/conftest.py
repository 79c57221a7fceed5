"""A real PostgreSQL server for the store tests, started once per session on a free port.

Debian's ``postgresql`` package is installed when missing (we run as root in CI and in the
dev container); the server runs as the ``postgres`` OS user because initdb refuses root. Tests
that need it skip with the reason only when the package cannot be installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _install_postgres() -> str | None:
    """Install Debian's server package; the reason it failed, or None."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return "PostgreSQL is not installed and we cannot apt-get it (not root / not Debian)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "postgresql"]):
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if done.returncode:
            return f"`{' '.join(cmd)}` failed: {done.stderr.strip().splitlines()[-1:]}"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(*cmd: str) -> subprocess.CompletedProcess[str]:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *cmd], capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[tuple[Path, int]]:
    """(bin dir, port) of a throwaway cluster in a temp dir; stopped at the end of the session."""
    bindir = _pg_bindir()
    if bindir is None:
        reason = _install_postgres()
        bindir = _pg_bindir()
        if bindir is None:
            pytest.skip(f"no PostgreSQL server for the store tests: {reason}")
    root = Path(tempfile.mkdtemp(prefix="veille-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    init = _as_postgres(str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                        "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8")
    assert init.returncode == 0, init.stderr
    port = _free_port()
    options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
               " -c full_page_writes=off -c synchronous_commit=off")
    start = _as_postgres(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"),
                         "-o", options, "-w", "start")
    assert start.returncode == 0, start.stderr + (root / "log").read_text()
    try:
        yield bindir, port
    finally:
        _as_postgres(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def create_database(server: tuple[Path, int]) -> str:
    """A new empty database on the test server; its URL."""
    import psycopg

    _bindir, port = server
    name = f"veille_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres",
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return f"postgresql://postgres@127.0.0.1:{port}/{name}"


@pytest.fixture(scope="session")
def postgres_url(postgres_server: tuple[Path, int]) -> str:
    """The URL of one database for the whole session (the brief's ``yields the URL``)."""
    return create_database(postgres_server)


@pytest.fixture
def fresh_postgres_url(postgres_server: tuple[Path, int]) -> str:
    """A new empty database per test, so tests never see each other's documents."""
    return create_database(postgres_server)
