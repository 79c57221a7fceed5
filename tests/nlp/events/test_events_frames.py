"""What a clause says about its event trigger (plain data, no spaCy). Invented sentences."""

from __future__ import annotations

from datetime import date

from veille.model import Event, TimeExpr
from veille.nlp.events.frames import _clause_before, attribution_source
from veille.nlp.events.rules import Actor, EventContext, SentenceContext, build_events

PUBLISHED = EventContext(date(2026, 3, 4), published=True)
ALVES = ("Pedro Alves", "PER")
SILVA = ("Marta Silva", "PER")


def actors(text: str, names: dict[str, tuple[str, str]]) -> list[Actor]:
    """Actors at the first occurrence of each surface form: form -> (name, type)."""
    return [Actor(text.index(form), text.index(form) + len(form), name, kind)
            for form, (name, kind) in names.items()]


def events(text: str, names: dict[str, tuple[str, str]], times: list[TimeExpr] | None = None,
           around: SentenceContext | None = None) -> list[Event]:
    return build_events(text, (0, len(text)), actors(text, names), times or [], PUBLISHED,
                        None, around)


def time(text: str, form: str, value: str) -> TimeExpr:
    return TimeExpr(text.index(form), text.index(form) + len(form), form, value, "published")


def test_calling_for_a_truce_is_no_phone_call() -> None:
    text = "Les dirigeants de l'Union africaine ont appelé à une trêve immédiate au Sahel."
    assert events(text, {"Union africaine": ("Union africaine", "ORG")}) == []


def test_calling_on_someone_to_act_is_no_phone_call() -> None:
    text = "Pedro Alves a appelé Marta Silva à libérer les otages sans délai."
    assert events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []


def test_an_appeal_for_calm_is_no_phone_call() -> None:
    text = "L'appel au calme lancé par Pedro Alves est resté sans effet."
    assert events(text, {"Pedro Alves": ALVES}) == []


def test_calling_a_person_is_a_phone_call() -> None:
    text = "Pedro Alves a appelé Marta Silva mardi soir."
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA},
                   [time(text, "mardi soir", "2026-03-03")])
    assert [(e.type, e.date, e.participants) for e in found] == [
        ("call", "2026-03-03", ["Pedro Alves", "Marta Silva"])]


def test_calling_nobody_named_is_no_event() -> None:
    text = "Le comité de Lisbonne a appelé jeudi."
    assert events(text, {"comité de Lisbonne": ("Comité de Lisbonne", "ORG")}) == []


def test_talks_by_telephone_are_one_call() -> None:
    text = ("Pedro Alves s'est entretenu mercredi par téléphone avec son homologue "
            "Marta Silva.")
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA},
                   [time(text, "mercredi", "2026-03-04")])
    assert [(e.type, e.cameo, e.date, e.participants) for e in found] == [
        ("call", "041", "2026-03-04", ["Pedro Alves", "Marta Silva"])]


def test_an_event_said_not_to_be_planned_is_no_event() -> None:
    text = "Une rencontre entre Pedro Alves et Marta Silva n'est pas prévue à ce stade."
    assert events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []


def test_a_summit_that_will_not_take_place_is_cancelled() -> None:
    text = "Le sommet entre Pedro Alves et Marta Silva n'aura finalement pas lieu."
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA})
    assert [(e.type, e.status) for e in found] == [("summit", "cancelled")]


def test_a_negated_verb_reports_no_meeting() -> None:
    text = "Pedro Alves n'a pas rencontré Marta Silva pendant son séjour."
    assert events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []


def test_an_excluded_or_possible_meeting_is_no_event() -> None:
    excluded = "Pedro Alves exclut toute rencontre avec Marta Silva."
    possible = "Ils ont parlé d'une éventuelle rencontre entre Pedro Alves et Marta Silva."
    assert events(excluded, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []
    assert events(possible, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []


def test_a_question_reports_no_event() -> None:
    text = "Monsieur Alves, allez-vous rencontrer Marta Silva le mois prochain ?"
    assert events(text, {"Alves": ALVES, "Marta Silva": SILVA}) == []


def test_a_vague_number_of_calls_is_no_event() -> None:
    text = "Pedro Alves a passé plusieurs appels téléphoniques à Marta Silva."
    assert events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []


def test_the_source_of_an_inverted_attribution_is_no_participant() -> None:
    text = ("Pedro Alves s'est entretenu avec Marta Silva, a indiqué le palais de Belém "
            "dans un communiqué.")
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA,
                          "palais de Belém": ("Palais de Belém", "ORG")})
    assert [e.participants for e in found] == [["Pedro Alves", "Marta Silva"]]


def test_a_source_at_the_end_of_a_long_sentence_is_still_no_participant() -> None:
    # the sentence's head is read only within reach of the source: the answer is the same
    head = "Pedro Alves s'est entretenu avec Marta Silva " + "longuement et " * 40
    text = head.rstrip(" et") + ", a indiqué le palais de Belém dans un communiqué."
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA,
                          "palais de Belém": ("Palais de Belém", "ORG")})
    assert [e.participants for e in found] == [["Pedro Alves", "Marta Silva"]]
    far = "Selon la Commission européenne" + ", longuement" * 10
    assert attribution_source(far, 0, len(far), 0) is False  # "selon" 100 characters back
    assert attribution_source("Selon la Commission", 0, len("Selon la "), 0) is True


def test_a_source_and_the_topic_of_talks_are_no_parties() -> None:
    text = ("Selon la Commission européenne, les négociations porteront sur les conditions "
            "fixées par le Fonds monétaire international.")
    assert events(text, {"Commission européenne": ("Commission européenne", "ORG"),
                         "Fonds monétaire international": ("FMI", "ORG")}) == []


def test_the_speaker_took_part_in_a_press_conference_told_after_the_attribution() -> None:
    text = "« Nous resterons unis », a déclaré Marta Silva lors d'une conférence de presse."
    found = events(text, {"Marta Silva": SILVA})
    assert [(e.type, e.participants) for e in found] == [("press_conference", ["Marta Silva"])]


def test_a_first_person_event_keeps_the_speaker() -> None:
    text = "« Notre rencontre a été franche et utile », a affirmé Pedro Alves."
    found = events(text, {"Pedro Alves": ALVES})
    assert [(e.type, e.participants) for e in found] == [("meeting", ["Pedro Alves"])]


def test_going_to_a_named_place_is_a_visit() -> None:
    text = "Marta Silva se rendra à Luanda le 12 mars."
    found = events(text, {"Marta Silva": SILVA, "Luanda": ("Luanda", "LOC")},
                   [time(text, "12 mars", "2026-03-12")])
    assert [(e.type, e.place, e.date, e.status) for e in found] == [
        ("visit", "Luanda", "2026-03-12", "planned")]
    assert events("Pedro Alves a dû se rendre à l'évidence.", {"Pedro Alves": ALVES}) == []


def test_ministers_gathered_somewhere_have_met() -> None:
    text = "Les ministres de l'OTAN, réunis mardi à Vilnius, ont adopté une déclaration."
    found = events(text, {"OTAN": ("OTAN", "ORG"), "Vilnius": ("Vilnius", "LOC")})
    assert [(e.type, e.place, e.participants) for e in found] == [
        ("meeting", "Vilnius", ["OTAN"])]


def test_a_conversation_after_a_venue_is_talks_there_not_a_call() -> None:
    text = "Pedro Alves a eu une longue conversation avec Marta Silva."
    names = {"Pedro Alves": ALVES, "Marta Silva": SILVA}
    assert [e.type for e in events(text, names)] == ["call"]
    assert [e.type for e in events(text, names, around=SentenceContext(True))] == ["talks"]


def test_a_time_after_a_verb_of_saying_dates_the_statement_not_the_event() -> None:
    text = "Marta Silva a annulé la visite prévue jeudi à Luanda, a annoncé lundi son cabinet."
    found = events(text, {"Marta Silva": SILVA, "Luanda": ("Luanda", "LOC")},
                   [time(text, "jeudi", "2026-03-05"), time(text, "lundi", "2026-03-02")])
    assert [(e.type, e.date, e.status) for e in found] == [("visit", "2026-03-05", "cancelled")]


def test_the_headline_interview_of_a_questions_and_answers_text_is_the_text_itself() -> None:
    text = "Entretien avec Pedro Alves, maire de Porto\nQ - Monsieur le Maire, ...\nR - Oui."
    ctx = EventContext(date(2026, 3, 4), True, interview=True)
    found = build_events(text, (0, text.index("\n")), actors(text, {"Pedro Alves": ALVES}),
                         [], ctx)
    assert [(e.type, e.participants, e.date, e.date_basis) for e in found] == [
        ("interview", ["Pedro Alves"], "2026-03-04", "reference")]


def test_the_headline_end_given_by_the_document_is_the_one_read_from_the_text() -> None:
    text = "Entretien avec Pedro Alves, maire de Porto\nQ - Monsieur le Maire, ...\nR - Oui."
    headline = (0, text.index("\n"))
    given = EventContext(date(2026, 3, 4), True, interview=True, headline_end=headline[1])
    # a first line said to end before the trigger: the interview is not the text's headline
    early = EventContext(date(2026, 3, 4), True, interview=True, headline_end=5)
    named = actors(text, {"Pedro Alves": ALVES})
    assert [e.date_basis for e in build_events(text, headline, named, [], given)] == [
        "reference"]
    assert [e.date_basis for e in build_events(text, headline, named, [], early)] != [
        "reference"]


def test_a_wished_or_offered_meeting_is_no_event() -> None:
    ready = "Pedro Alves s'est dit prêt à rencontrer Marta Silva sans conditions."
    offered = "Pedro Alves a proposé une rencontre à Marta Silva."
    assert events(ready, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []
    assert events(offered, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []


def test_receiving_a_person_is_hosting_a_visit_receiving_support_is_not() -> None:
    text = "Pedro Alves a reçu mardi au palais de Belém la présidente Marta Silva."
    found = events(text, {"Pedro Alves": ALVES, "palais de Belém": ("Palais de Belém", "ORG"),
                          "Marta Silva": SILVA})
    assert [(e.type, e.cameo, e.participants) for e in found] == [
        ("visit", "043", ["Pedro Alves", "Marta Silva"])]  # the palace is where, not who
    support = "Pedro Alves a reçu le soutien de Marta Silva."
    assert events(support, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []


def test_hosting_someone_for_a_visit_is_one_event() -> None:
    text = "Pedro Alves recevra à Porto son homologue Marta Silva pour une visite de deux jours."
    found = events(text, {"Pedro Alves": ALVES, "Porto": ("Porto", "LOC"),
                          "Marta Silva": SILVA})
    assert [(e.trigger, e.place, e.participants) for e in found] == [
        ("recevra", "Porto", ["Pedro Alves", "Marta Silva"])]


def test_the_start_of_a_span_is_not_the_date_of_the_event() -> None:
    text = "Les négociations entre Pedro Alves et Marta Silva durent depuis janvier."
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA},
                   [time(text, "janvier", "2026-01")])
    assert [(e.type, e.date) for e in found] == [("talks", None)]


def test_a_conversation_at_a_meeting_is_that_meeting() -> None:
    text = ("« Nous avons eu une conversation utile », a déclaré Pedro Alves à l'issue de "
            "son entretien avec Marta Silva.")
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA})
    assert [(e.type, sorted(e.participants)) for e in found] == [
        ("talks", ["Marta Silva", "Pedro Alves"])]


def test_a_visit_told_twice_in_one_clause_is_one_visit() -> None:
    text = "Mardi, Marta Silva s'est rendue à Luanda où elle a été reçue par Pedro Alves."
    found = events(text, {"Marta Silva": SILVA, "Luanda": ("Luanda", "LOC"),
                          "Pedro Alves": ALVES}, [time(text, "Mardi", "2026-03-03")])
    assert [(e.type, e.date, e.place, e.participants) for e in found] == [
        ("visit", "2026-03-03", "Luanda", ["Marta Silva", "Pedro Alves"])]


def test_meeting_somewhere_and_finding_oneself_somewhere() -> None:
    met = "Les ministres de l'OTAN se retrouvent jeudi à Vilnius."
    found = events(met, {"OTAN": ("OTAN", "ORG"), "Vilnius": ("Vilnius", "LOC")})
    assert [(e.type, e.place) for e in found] == [("meeting", "Vilnius")]
    alone = "Pedro Alves s'est retrouvé en minorité au conseil."
    assert events(alone, {"Pedro Alves": ALVES}) == []


def test_gathering_for_a_summit_is_a_summit() -> None:
    text = "Les dirigeants de l'ASEAN se sont retrouvés lundi à Manille pour un sommet."
    found = events(text, {"ASEAN": ("ASEAN", "ORG"), "Manille": ("Manille", "LOC")})
    assert [(e.type, e.cameo, e.place) for e in found] == [("summit", "044", "Manille")]


def test_calling_for_a_meeting_is_no_meeting() -> None:
    text = "Pedro Alves appelle à une rencontre rapide avec Marta Silva."
    assert events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA}) == []


def test_a_video_call_is_a_call_and_talking_to_reporters_an_interview() -> None:
    video = "Marta Silva a tenu un appel vidéo avec Pedro Alves."
    reporters = "Marta Silva s'est entretenue avec des journalistes dans l'avion."
    assert [e.type for e in events(video, {"Marta Silva": SILVA, "Pedro Alves": ALVES})] == [
        "call"]
    assert [e.type for e in events(reporters, {"Marta Silva": SILVA})] == ["interview"]


def test_a_verb_in_the_future_plans_the_event() -> None:
    text = "« Nous nous réunirons bientôt », a promis Pedro Alves."
    assert [(e.type, e.status) for e in events(text, {"Pedro Alves": ALVES})] == [
        ("meeting", "planned")]


def test_what_the_parties_discussed_takes_no_part() -> None:
    text = "Lors de sa rencontre avec Marta Silva, Pedro Alves a évoqué le Mercosur."
    found = events(text, {"Marta Silva": SILVA, "Pedro Alves": ALVES,
                          "Mercosur": ("Mercosur", "ORG")})
    assert [e.participants for e in found] == [["Marta Silva", "Pedro Alves"]]


def test_consultations_between_states_are_talks_and_a_weekly_briefing_speaks() -> None:
    talks = "Des consultations entre Moscou et Washington se sont tenues mardi."
    found = events(talks, {"Moscou": ("Moscou", "LOC"), "Washington": ("Washington", "LOC")})
    assert [(e.type, e.participants) for e in found] == [("talks", ["Russie", "États-Unis"])]
    briefing = "Lors de son briefing hebdomadaire, Marta Silva a dénoncé les sanctions."
    assert [e.type for e in events(briefing, {"Marta Silva": SILVA})] == ["press_conference"]
    public = "Pedro Alves a lancé une consultation publique sur la réforme."
    assert events(public, {"Pedro Alves": ALVES}) == []


def test_a_date_left_by_an_apposed_mention_goes_to_the_event() -> None:
    text = ("Pedro Alves s'était entretenu par téléphone avec Marta Silva le 3 juillet, "
            "leur quatrième conversation depuis janvier.")
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA},
                   [time(text, "le 3 juillet", "2025-07-03"), time(text, "janvier", "2025-01")])
    assert [(e.type, e.date, e.participants) for e in found] == [
        ("call", "2025-07-03", ["Pedro Alves", "Marta Silva"])]


def test_those_who_evoke_a_summit_do_not_take_part_in_it() -> None:
    text = "Pedro Alves et Marta Silva ont évoqué la préparation du sommet de l'OTAN."
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA, "OTAN": ("OTAN", "ORG")})
    assert [(e.type, e.participants) for e in found] == [("summit", ["OTAN"])]


def test_what_a_press_conference_said_takes_no_part_in_it() -> None:
    text = ("Marta Silva a affirmé lors de son point de presse que le Mercosur restait ouvert "
            "aux négociations.")
    found = events(text, {"Marta Silva": SILVA, "Mercosur": ("Mercosur", "ORG")})
    assert [(e.type, e.participants) for e in found] == [("press_conference", ["Marta Silva"])]


def test_a_call_for_tenders_or_funds_is_no_phone_call() -> None:
    tenders = "L'appel d'offres de la Marinha a été remporté par Pedro Alves."
    funds = "Marta Silva a relayé l'appel de fonds de l'Unicef."
    assert events(tenders, {"Marinha": ("Marinha", "ORG"), "Pedro Alves": ALVES}) == []
    assert events(funds, {"Marta Silva": SILVA, "Unicef": ("Unicef", "ORG")}) == []


def test_agreeing_to_meet_plans_a_meeting() -> None:
    text = "Pedro Alves a accepté de rencontrer Marta Silva à Luanda."
    found = events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA,
                          "Luanda": ("Luanda", "LOC")})
    assert [(e.type, e.status, e.place) for e in found] == [("meeting", "planned", "Luanda")]


def test_the_venue_named_after_a_summit_and_its_parties_is_its_place() -> None:
    text = "Le sommet Alves-Silva de Luanda a été reporté."
    found = events(text, {"Alves": ALVES, "Silva": SILVA, "Luanda": ("Luanda", "LOC")})
    assert [(e.type, e.status, e.place) for e in found] == [("summit", "cancelled", "Luanda")]


def test_a_link_to_another_article_reports_no_event() -> None:
    text = "À lire aussi : Pedro Alves et Marta Silva se sont rencontrés à Luanda"
    assert events(text, {"Pedro Alves": ALVES, "Marta Silva": SILVA,
                         "Luanda": ("Luanda", "LOC")}) == []


def test_a_narrower_clause_before_a_trigger_is_the_end_of_the_wider_one() -> None:
    text = "Hier. Après plusieurs appels sans réponse, quelques rencontres"
    start = text.index("rencontres")
    assert _clause_before(text, start, 80) == " Après plusieurs appels sans réponse, quelques "
    assert _clause_before(text, start, 30) == "appels sans réponse, quelques "
    assert _clause_before(text, start, 10) == " quelques "
    assert _clause_before("Hier. Un sommet", 9, 40) == " Un "  # the full stop ends it
