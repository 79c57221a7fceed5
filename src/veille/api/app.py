"""The web app: JSON routes under ``/api``, HTML pages at the same paths without it.

``create_app(settings)`` opens the store named by ``settings.db``; ``serve()`` runs it with
uvicorn. Errors are JSON under ``/api`` and an HTML page elsewhere, with the same message.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from veille.api import documents, entities, events, quotes, search
from veille.api.deps import StoreHandle
from veille.api.urls import API_PREFIX
from veille.errors import QueryTimeout
from veille.settings import Settings
from veille.store import Store, open_store
from veille.views.home import HomeView, home_view
from veille.web.docs import mount_docs
from veille.web.pages import render_error
from veille.web.pages import router as pages_router

# No inline script: article text is untrusted, and this header is the second wall behind
# autoescaping. Inline styles stay allowed because Swagger UI (/docs) sets element styles;
# with every external fetch closed (default-src, img-src), injected CSS could leak nothing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The app over ``store`` (or the one at ``settings.db``, closed on shutdown)."""
    handle = StoreHandle(store or open_store(settings.db), settings.query_timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if store is None:
            handle.close()

    # docs_url/redoc_url None: FastAPI's own docs load from a CDN that the CSP blocks.
    app = FastAPI(title="Veille", version="0.1.0", lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Who said what, who met whom, where and when, in French news. "
                              "Every HTML page has a JSON twin: the same path under /api.")
    app.state.settings = settings
    app.state.handle = handle
    for module in (documents, search, quotes, entities, events):
        app.include_router(module.router)
    app.add_api_route("/api", home, methods=["GET"], response_model=HomeView, tags=["home"],
                      summary="Store counts, latest articles and events, top entities")
    app.include_router(pages_router)
    mount_docs(app)
    static = resources.files("veille.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    # Plain ASGI middleware: the ``@app.middleware("http")`` kind runs each request through
    # a task group and memory streams, a millisecond or two of a 10 ms request.
    app.add_middleware(DropEmptyParams)
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(QueryTimeout, query_timeout)
    return app


def home(request: Request) -> HomeView:
    handle: StoreHandle = request.app.state.handle
    with handle.use() as store:
        return home_view(store)


class DropEmptyParams:
    """A form sends its empty fields ("since="): an empty parameter means no filter, so it is
    dropped here once rather than tolerated by every parameter's validation."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string", b"") if scope["type"] == "http" else b""
        if query:
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
            scope = {**scope, "query_string": urlencode([(k, v) for k, v in pairs if v]
                                                        ).encode()}
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path == API_PREFIX or path.startswith(API_PREFIX + "/") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> Response:
    if wants_json(request):
        body = {"error": message, "status": status, "detail": detail}
        return JSONResponse(body, status_code=status, headers=headers)
    return render_error(request, status, message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    headers = dict(exc.headers) if exc.headers else None
    return error_response(request, exc.status_code, message, headers=headers)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [{"where": ".".join(str(p) for p in err["loc"]), "problem": err["msg"]}
                for err in exc.errors()]
    message = "invalid input: " + "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
    return error_response(request, 422, message, problems)


async def query_timeout(request: Request, exc: Exception) -> Response:
    """A runaway query is the request's doing (a search of a hundred wildcards): a 400 that
    says so, while the other requests, on their own connections, carried on."""
    return error_response(request, 400, str(exc))


def serve(settings: Settings, workers: int = 1) -> None:
    """Run the app with uvicorn on ``settings.host:settings.port`` until interrupted.

    With ``workers`` > 1, that many processes share the port, each with its own store
    connections: the GIL keeps one process to about one core of JSON and HTML rendering.
    They rebuild their settings from the environment, so ``settings`` is written there first.
    """
    import uvicorn

    if workers <= 1:
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                    log_level="info", access_log=False)
        return
    for name, value in settings.model_dump().items():
        if value is not None:
            os.environ[f"VEILLE_{name.upper()}"] = str(value)
    uvicorn.run("veille.api.app:app_from_environment", factory=True, host=settings.host,
                port=settings.port, workers=workers, log_level="info", access_log=False)


def app_from_environment() -> FastAPI:
    """The app over the settings of the environment (one per ``veille serve`` worker)."""
    return create_app(Settings())
