"""Veille's four spaCy components, registered with versioned names.

``veille_entities`` -> ``veille_times`` -> ``veille_quotes`` -> ``veille_events``, each a factory
with a default config: ``lang`` (the language pack; ``null`` takes the pipeline's language),
the knowledge base as a registered function (``veille.kb.v1``), and the rules as a registered,
versioned function (``veille.entity_rules.v1``, ...), so a saved config keeps meaning the rules
it was made with. Results go on Doc extensions; :mod:`veille.nlp.record` reads them back as
plain records. The document's :class:`DocContext` comes in as ``doc._.veille_context``.

``veille_lemmatizer`` and ``veille_attribute_ruler`` are not among the four: they stand in for
the model's own lemmatizer and attribute ruler, with the same annotations at a fraction of the
cost (:mod:`veille.nlp.lemmas`, :mod:`veille.nlp.attributes`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.util import registry

from veille.kb.base import KnowledgeBase, get_kb
from veille.lang.pack import LanguagePack
from veille.model import Event, Quote, TimeExpr
from veille.nlp.attributes import FastAttributeRuler, rule_tests
from veille.nlp.context import DocContext
from veille.nlp.entities.component import build_entity_table
from veille.nlp.entities.table import EntityTable
from veille.nlp.events.component import extract_events
from veille.nlp.lemmas import FastLemmatizer, cache_attrs
from veille.nlp.quotes.component import extract_quotes
from veille.nlp.scope import scope
from veille.nlp.times.component import extract_times

COMPONENTS = ("veille_entities", "veille_times", "veille_quotes", "veille_events")
_EXTENSIONS = ("veille_context", "veille_entities", "veille_times", "veille_quotes",
               "veille_events")
for _name in _EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

EntityRules = Callable[[Doc, DocContext, KnowledgeBase], EntityTable]
TimeRules = Callable[[Doc, DocContext], list[TimeExpr]]
QuoteRules = Callable[[Doc, EntityTable, list[TimeExpr], DocContext], list[Quote]]
EventRules = Callable[[Doc, EntityTable, list[TimeExpr], DocContext], list[Event]]


@registry.misc("veille.kb.v1")  # type: ignore[untyped-decorator]
def installed_kb(extra: str | None = None) -> KnowledgeBase:
    """The bundled KB, the user's entries, then the file ``extra`` (``settings.kb_path``)."""
    return get_kb(extra)


@registry.misc("veille.entity_rules.v1")  # type: ignore[untyped-decorator]
def entity_rules() -> EntityRules:
    return build_entity_table


@registry.misc("veille.time_rules.v1")  # type: ignore[untyped-decorator]
def time_rules() -> TimeRules:
    return extract_times


@registry.misc("veille.quote_rules.v1")  # type: ignore[untyped-decorator]
def quote_rules() -> QuoteRules:
    return extract_quotes


@registry.misc("veille.event_rules.v1")  # type: ignore[untyped-decorator]
def event_rules() -> EventRules:
    return extract_events


class VeilleComponent:
    """One of the four components: its pack, its KB, and the step that fills its extension.

    ``step(doc, context)`` runs the component's rules inside the pack's and KB's scope; its
    result goes on ``doc._.<assigns>``.
    """

    def __init__(self, nlp: Language, lang: str | None, kb: KnowledgeBase,
                 step: Callable[[Doc, DocContext], object], assigns: str) -> None:
        self.pack = LanguagePack.load(lang or str(nlp.lang))
        self.kb = kb
        self.step = step
        self.assigns = assigns

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.veille_context
        with scope(self.pack, self.kb):
            result = self.step(doc, ctx if isinstance(ctx, DocContext) else DocContext())
        setattr(doc._, self.assigns, result)
        return doc


def _config(rules: str) -> dict[str, Any]:
    return {"lang": None, "kb": {"@misc": "veille.kb.v1", "extra": None},
            "rules": {"@misc": rules}}


@Language.factory("veille_entities", default_config=_config("veille.entity_rules.v1"),
                  assigns=["doc._.veille_entities"])
def make_entities(nlp: Language, name: str, lang: str | None, kb: KnowledgeBase,
                  rules: EntityRules) -> VeilleComponent:
    return VeilleComponent(nlp, lang, kb, lambda doc, ctx: rules(doc, ctx, kb), "veille_entities")


@Language.factory("veille_times", default_config=_config("veille.time_rules.v1"),
                  assigns=["doc._.veille_times"])
def make_times(nlp: Language, name: str, lang: str | None, kb: KnowledgeBase,
               rules: TimeRules) -> VeilleComponent:
    return VeilleComponent(nlp, lang, kb, rules, "veille_times")


@Language.factory("veille_quotes", default_config=_config("veille.quote_rules.v1"),
                  requires=["doc._.veille_entities", "doc._.veille_times"],
                  assigns=["doc._.veille_quotes"])
def make_quotes(nlp: Language, name: str, lang: str | None, kb: KnowledgeBase,
                rules: QuoteRules) -> VeilleComponent:
    return VeilleComponent(nlp, lang, kb, lambda doc, ctx: rules(
        doc, doc._.veille_entities, doc._.veille_times, ctx), "veille_quotes")


@Language.factory("veille_events", default_config=_config("veille.event_rules.v1"),
                  requires=["doc._.veille_entities", "doc._.veille_times"],
                  assigns=["doc._.veille_events"])
def make_events(nlp: Language, name: str, lang: str | None, kb: KnowledgeBase,
                rules: EventRules) -> VeilleComponent:
    return VeilleComponent(nlp, lang, kb, lambda doc, ctx: rules(
        doc, doc._.veille_entities, doc._.veille_times, ctx), "veille_events")


@Language.factory("veille_lemmatizer", default_config={"stock": "lemmatizer"},
                  requires=["token.pos"], assigns=["token.lemma"])
def make_lemmatizer(nlp: Language, name: str, stock: str) -> FastLemmatizer:
    """The faster equivalent of the pipeline's lemmatizer ``stock`` (:mod:`veille.nlp.lemmas`);
    ``stock`` itself stays in the pipeline, disabled, for what compares with bare spaCy."""
    lemmatizer = nlp.get_pipe(stock)
    attrs = cache_attrs(lemmatizer) if isinstance(lemmatizer, Lemmatizer) else None
    if attrs is None or not isinstance(lemmatizer, Lemmatizer):
        raise ValueError(f"veille_lemmatizer: pipe {stock!r} is not a spaCy lemmatizer whose "
                         "rules it knows; leave that pipe in place instead")
    return FastLemmatizer(lemmatizer, attrs)


@Language.factory("veille_attribute_ruler", default_config={"stock": "attribute_ruler"},
                  assigns=["token.tag"])
def make_attribute_ruler(nlp: Language, name: str, stock: str) -> FastAttributeRuler:
    """The faster equivalent of the pipeline's attribute ruler ``stock``
    (:mod:`veille.nlp.attributes`); ``stock`` stays in the pipeline, disabled."""
    ruler = nlp.get_pipe(stock)
    rules = rule_tests(ruler) if isinstance(ruler, AttributeRuler) else None
    if rules is None or not isinstance(ruler, AttributeRuler):
        raise ValueError(f"veille_attribute_ruler: the rules of pipe {stock!r} are not all "
                         "one-token tests; leave that pipe in place instead")
    return FastAttributeRuler(ruler, rules)
