"""The language pack and knowledge base a component runs with, for the rules beneath it.

A component enters ``scope(pack, kb)`` around its work; the rule modules it calls read
:func:`current_pack` and :func:`current_kb` instead of loading data themselves. The scope is a
context variable, so two pipelines of different languages (or two KBs) can run side by side in
one process, and nothing below a component reads settings or the user's files.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from veille.errors import VeilleError
from veille.kb.base import KnowledgeBase
from veille.lang.pack import LanguagePack


@dataclass(frozen=True)
class Scope:
    pack: LanguagePack
    kb: KnowledgeBase


_CURRENT: ContextVar[Scope | None] = ContextVar("veille_scope", default=None)


@contextmanager
def scope(pack: LanguagePack, kb: KnowledgeBase) -> Iterator[Scope]:
    """Run the block with ``pack`` and ``kb`` as the rules' data."""
    token = _CURRENT.set(Scope(pack, kb))
    try:
        yield Scope(pack, kb)
    finally:
        _CURRENT.reset(token)


def _current() -> Scope:
    found = _CURRENT.get()
    if found is None:
        raise VeilleError("Veille's rules ran outside a component: enter nlp.scope.scope(pack, kb)"
                          " or run the pipeline from nlp.pipeline.load_pipeline")
    return found


def current_pack() -> LanguagePack:
    found = _CURRENT.get()  # read hundreds of times a document: the check inlined
    return found.pack if found is not None else _current().pack


def current_kb() -> KnowledgeBase:
    return _current().kb
