"""The pipeline: four registered components, built from a pack, on French and English."""

from __future__ import annotations

import gc

from spacy.language import Language
from spacy.util import registry

from veille.nlp.context import DocContext
from veille.nlp.factories import COMPONENTS
from veille.nlp.model import load_pipeline
from veille.nlp.pipeline import analyze
from veille.settings import Settings

ENGLISH = ("Geneva, March 3, 2026. The Canadian foreign minister Ada Ferrer met her Norwegian "
           "counterpart on Monday. \u201cWe agreed on a timetable,\u201d Ferrer said after the "
           "talks. She added that a summit would follow in June.")


def test_four_components_are_registered_with_versioned_rules() -> None:
    for name in COMPONENTS:
        assert Language.has_factory(name)
    for rules in ("veille.entity_rules.v1", "veille.time_rules.v1", "veille.quote_rules.v1",
                  "veille.event_rules.v1", "veille.kb.v1"):
        assert registry.misc.get(rules) is not None


def test_the_french_pipeline_is_the_model_and_the_components(settings: Settings) -> None:
    nlp = load_pipeline(settings.model)
    assert nlp.pipe_names[-4:] == list(COMPONENTS)
    assert nlp.get_pipe("veille_quotes").pack.code == "fr"
    assert nlp.get_pipe_config("veille_events")["rules"] == {"@misc": "veille.event_rules.v1"}


def test_the_english_pack_runs_on_a_blank_english_pipeline() -> None:
    nlp = load_pipeline("blank:en")
    assert nlp.get_pipe("veille_entities").pack.code == "en"
    ctx = DocContext.from_iso("2026-03-03", "published", language="en")
    result = next(analyze([(ENGLISH, ctx)], "blank:en"))
    quotes = [q.text for q in result.quotes]
    assert quotes == ["We agreed on a timetable,"] or quotes == ["We agreed on a timetable"]
    values = {t.text: t.value for t in result.times}
    assert values.get("March 3, 2026") == "2026-03-03"
    assert values.get("on Monday") == "2026-03-02"  # the Monday before a Tuesday's dateline
    # Blank English has no tagger to say "would follow" is future: June is read, in 2025 or 2026.
    assert values.get("in June") in ("2025-06", "2026-06")


def test_french_rules_do_not_fire_on_english_text() -> None:
    # French cue words, months and triggers inside English: nothing of them is read.
    text = ("The report quoted a line, \u201cil a déclaré que le sommet aura lieu le 3 mars\u201d, "
            "without comment.")
    ctx = DocContext.from_iso("2026-03-03", "published", language="en")
    result = next(analyze([(text, ctx)], "blank:en"))
    assert not [t for t in result.times if "mars" in t.text]
    assert not [e for e in result.events if e.trigger in ("sommet", "aura lieu")]
    assert all(q.cue is None or "déclaré" not in q.cue for q in result.quotes)


def test_the_loaded_pipeline_is_out_of_the_collectors_scans(nlp: Language) -> None:
    # gc.get_objects() lists what the cyclic collector walks; frozen objects are not in it.
    scanned = {id(o) for o in gc.get_objects()}
    assert gc.get_freeze_count() > 100_000  # the model's, the pack's and the KB's objects
    assert id(nlp) not in scanned
    assert id(nlp.get_pipe("veille_entities")) not in scanned
    fresh = [object()]  # made after the load: scanned as usual
    assert id(fresh) in {id(o) for o in gc.get_objects()}


FRENCH = ("Paris, 3 mars 2026. La ministre norvégienne des Affaires étrangères, Ada Ferrer, a "
          "rencontré lundi son homologue canadien. « Nous avons fixé un calendrier », a déclaré "
          "Mme Ferrer après l'entretien. Elle a ajouté qu'un sommet suivrait en juin à Oslo.")


def test_an_analysed_doc_leaves_no_cycle_for_the_collector(settings: Settings) -> None:
    # Veille's tables point back at their Doc; left in doc.user_data they would keep every
    # Doc, and what it holds, alive until a full collection.
    ctx = DocContext.from_iso("2026-03-03", "published")
    list(analyze([(FRENCH, ctx)] * 3, settings.model))  # every cache warm
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        result = list(analyze([(FRENCH, ctx)] * 3, settings.model))
        gc.collect()
        kinds = {type(o).__name__ for o in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert len(result) == 3 and result[0].quotes  # the rules did run
    assert "Doc" not in kinds
    assert not kinds & {"EntityTable", "Tree", "Columns", "DocContext", "Mention"}
