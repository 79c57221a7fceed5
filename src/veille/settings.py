"""One settings object for the whole of Veille.

Every field is read from the environment with the ``VEILLE_`` prefix (``VEILLE_DB``,
``VEILLE_MAX_BYTES`` ...) and documented by its ``description``; ``tests/test_docs.py`` fails when
the README's configuration table misses one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_db() -> str:
    return str(Path(platformdirs.user_data_dir("veille")) / "veille.sqlite")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VEILLE_", extra="ignore")

    db: str = Field(
        default_factory=default_db,
        description="Store location: a SQLite file path or a postgresql:// URL.",
    )
    model: str = Field(
        default="fr_core_news_md", description="Name of the installed spaCy pipeline to load."
    )
    batch_size: int = Field(default=16, description="Documents per nlp.pipe batch.")
    keep_spans: int = Field(
        default=100_000, ge=0,
        description="Tokenizer spans (a word with its punctuation) seen in two batches that "
                    "stay in the vocabulary past the batch's memory zone, so they are not "
                    "tokenized again; about 350 bytes each. 0 keeps none.",
    )
    max_bytes: int = Field(
        default=5_000_000, description="Inputs larger than this many bytes are refused."
    )
    max_chars: int = Field(
        default=1_000_000,
        description="Cleaned texts longer than this are refused (one huge text ties up a worker).",
    )
    http_timeout: float = Field(
        default=20.0,
        description="Deadline of one whole fetch in seconds, redirects included, from the "
                    "first connection to the last byte.",
    )
    http_max_redirects: int = Field(default=5, description="Redirects a fetch follows.")
    allow_private_urls: bool = Field(
        default=False,
        description="Let fetches reach loopback, private, link-local and other non-public "
                    "addresses (intranets, tests); off, such URLs are refused (SSRF guard).",
    )
    feed_max_entries: int = Field(
        default=200, ge=1,
        description="New entries fetched per feed per poll; the rest wait for the next poll.",
    )
    user_agent: str = Field(
        default="Veille/0.1 (news monitoring; set VEILLE_USER_AGENT to add a contact address)",
        description="User-Agent sent with every fetch.",
    )
    near_duplicate_threshold: float = Field(
        default=0.85,
        description="MinHash Jaccard estimate above which a document counts as a near-copy.",
    )
    api_token: str | None = Field(
        default=None,
        description="Token that unlocks the API's ingest endpoint (read-only if unset).",
    )
    host: str = Field(default="127.0.0.1", description="Address `veille serve` binds to.")
    port: int = Field(default=8765, description="Port `veille serve` listens on.")
    query_timeout: float = Field(
        default=2.0, gt=0,
        description="Seconds one store query may run for the server; a longer one (a runaway "
                    "search) is stopped and answered with a 400.",
    )
    kb_path: str | None = Field(
        default=None,
        description="Extra knowledge-base JSON Lines file merged over the bundled one.",
    )
    workers: int = Field(default=1, description="Worker processes for `veille process`.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
