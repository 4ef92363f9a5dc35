"""sitrep's event typology: a small set of event types, each with the verbs and nouns
that report it. The types follow PLOVER's spirit (who did what to whom) at the grain
situation reports need; docs/events.md lists them with examples.

A word names its type only when the parse uses it as the part of speech it is listed
under: "the summit" (a noun) is a meeting; "strike" the verb is an attack, and so is
"a strike" the noun.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.quotes.cues import words


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    label: str  # how titles name it: "Summit", "Agreement"
    verbs: frozenset[str]
    nouns: frozenset[str]


# fmt: off
TYPES: tuple[EventType, ...] = (
    EventType(
        "meet", "Meeting",
        words("meet convene gather host visit"),
        words("meeting summit session talks conference visit forum consultations"),
    ),
    EventType("call", "Call", words("phone telephone"), words("call telephone phone")),
    EventType(
        "statement", "Statement",
        words("announce declare proclaim"),
        words("statement declaration announcement communique"),
    ),
    EventType(
        "agree", "Agreement",
        words("agree sign ratify conclude"),
        words("agreement treaty deal accord memorandum pact"),
    ),
    EventType(
        "decide", "Decision",
        words("decide adopt approve endorse pass launch establish create found"),
        words("decision adoption resolution approval programme program"),
    ),
    EventType(
        "deliver", "Delivery",
        words("deliver supply transfer ship donate"),
        words("delivery deliveries supply supplies shipment transfer"),
    ),
    EventType(
        "exercise", "Exercise",
        words("drill"),
        words("exercise exercises drill drills manoeuvres maneuvers wargames"),
    ),
    EventType(
        "attack", "Attack",
        words("attack strike bomb shell ambush assault kill shoot raid"),
        words("attack attacks strike strikes bombing shelling assault ambush raid shooting "
              "explosion blast"),
    ),
    EventType(
        "seize", "Seizure",
        words("seize capture overrun occupy storm"),
        words("seizure capture takeover fall occupation"),
    ),
    EventType(
        "withdraw", "Withdrawal",
        words("withdraw evacuate"),
        words("withdrawal pullout pull-out evacuation departure"),
    ),
    EventType(
        "cross", "Crossing",
        words("cross infiltrate breach"),
        words("crossing incursion infiltration breach"),
    ),
    EventType(
        "deploy", "Deployment", words("deploy station reinforce"), words("deployment")
    ),
    EventType("arrest", "Arrest", words("arrest detain"), words("arrest arrests detention")),
    EventType(
        "disaster", "Disaster",
        words("erupt"),
        words("earthquake quake flood fire eruption crash collapse landslide"),
    ),
)

# fmt: on

BY_NAME = {event_type.name: event_type for event_type in TYPES}
_BY_VERB = {verb: t for t in TYPES for verb in t.verbs}
_BY_NOUN = {noun: t for t in TYPES for noun in t.nouns}


def type_of(lemma: str, pos: str) -> EventType | None:
    """The type a word reports, as the parse uses it (``pos`` is spaCy's coarse tag)."""
    if pos == "VERB":
        return _BY_VERB.get(lemma)
    if pos in {"NOUN", "PROPN"}:
        return _BY_NOUN.get(lemma)
    return None
