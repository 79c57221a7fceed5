"""The scope a component's rules read their pack and KB from."""

from __future__ import annotations

from contextvars import Context

import pytest

from veille.errors import VeilleError
from veille.kb.base import get_kb
from veille.lang.pack import LanguagePack
from veille.nlp.scope import current_kb, current_pack, scope

# The test session runs inside a French scope (tests/conftest.py): these run in a new,
# empty context, as code outside any component does.


def test_rules_outside_a_component_are_told_so() -> None:
    with pytest.raises(VeilleError, match="outside a component"):
        Context().run(current_pack)
    with pytest.raises(VeilleError, match="outside a component"):
        Context().run(current_kb)


def _nested() -> None:
    french, english, kb = LanguagePack.load("fr"), LanguagePack.load("en"), get_kb(None)
    with scope(french, kb):
        assert current_pack() is french and current_kb() is kb
        with scope(english, kb):
            assert current_pack() is english
        assert current_pack() is french
    with pytest.raises(VeilleError):
        current_pack()


def test_a_scope_gives_its_pack_and_kb_and_the_outer_one_comes_back() -> None:
    Context().run(_nested)


def test_derive_builds_once_per_pack() -> None:
    calls: list[str] = []

    def build(pack: LanguagePack) -> str:
        calls.append(pack.code)
        return pack.code.upper()

    french, english = LanguagePack.load("fr"), LanguagePack.load("en")
    assert [french.derive(build), french.derive(build), english.derive(build)] == ["FR", "FR", "EN"]
    assert calls == ["fr", "en"]
