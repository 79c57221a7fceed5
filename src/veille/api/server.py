"""A real uvicorn server in a background thread, on a free localhost port.

For the browser tests and ``scripts/screenshots.py``: the same server ``veille serve`` runs,
without a subprocess to babysit.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from veille.api.app import create_app
from veille.settings import Settings


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def background_server(settings: Settings, timeout: float = 15.0) -> Iterator[str]:
    """Serve ``create_app(settings)`` until the block ends; yields the base URL."""
    port = free_port(settings.host)
    config = uvicorn.Config(create_app(settings), host=settings.host, port=port,
                            log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="veille-serve", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start on {settings.host}:{port}")
        time.sleep(0.05)
    try:
        yield f"http://{settings.host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
