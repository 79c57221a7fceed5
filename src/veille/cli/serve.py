"""``veille serve``: the REST API and the web UI over the store, on localhost by default."""

from __future__ import annotations

from typing import Annotated

import typer


def serve_cli(
    db: Annotated[str | None, typer.Option(help="Store location (default: settings.db).")] = None,
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default 8765).")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (about one "
                                         "core each).")] = 1,
) -> None:
    """Serve the API (/api, /docs) and the analysts' pages until Ctrl-C."""
    from veille.api.app import serve
    from veille.settings import get_settings  # at run time: `veille --help` stays quick

    overrides = {k: v for k, v in {"db": db, "host": host, "port": port}.items() if v is not None}
    settings = get_settings().model_copy(update=overrides)
    typer.echo(f"Veille on http://{settings.host}:{settings.port}/ over {settings.db}"
               + ("" if settings.api_token else " (read-only: no VEILLE_API_TOKEN)"), err=True)
    serve(settings, workers)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)
