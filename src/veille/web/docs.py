"""The API's own docs: Swagger UI at ``/docs``, with no CDN.

FastAPI's own docs pages load their scripts from a CDN and start them with an inline script:
Veille's CSP (``script-src 'self'``) blocks both, which left ``/docs`` blank. Here the assets
are fastapi-offline's copies, served from ``/docs-assets``, and the start-up code is
``static/docs.js``, so the page runs inside the same CSP as every other page. (Not ReDoc,
which the package ships too: its menu loads a logo from its maker's CDN that no option turns off.)
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from veille.web.pages import templates

ASSETS_URL = "/docs-assets"
router = APIRouter(include_in_schema=False)


def mount_docs(app: FastAPI) -> None:
    """Serve the docs pages and their assets on ``app`` (created with ``docs_url=None``)."""
    assets = resources.files("fastapi_offline") / "static"
    app.mount(ASSETS_URL, StaticFiles(directory=str(assets)), name="docs-assets")
    app.include_router(router)


@router.get("/docs", response_class=HTMLResponse)
def swagger_page(request: Request) -> HTMLResponse:
    context = {"assets": ASSETS_URL, "openapi_url": request.app.openapi_url,
               "title": request.app.title}
    return templates.TemplateResponse(request, "docs.html", context)
