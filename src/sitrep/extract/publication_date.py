"""Publication date: the one the page states, or one inferred from the report itself.

When a page gives no date, the report still bounds it. A dated event it narrates
as done ("was adopted in November 2024") happened before publication, so the
report appeared on or after the first day of that period; an event it announces
("deliveries will start at the end of 2013") had not happened yet, so it appeared
on or before the last day of that period. The inferred date is the earliest day the
evidence allows (news is written soon after what it reports), always flagged as
inferred and given with the window it must lie in and the references behind it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span
from spacy.tokens import Token as SpacyToken

from sitrep.clean.dates import DateMatch, find_dated_references
from sitrep.models import CleanReport, DatedReference, DateStatus, DateWindow, PublicationDate

REQUIRES = ("tagger", "attribute_ruler", "lemmatizer", "parser")

# Horizons, deadlines and targets ("up to 2020", "until 2030", "the budget for 2014")
# are not events the report tells as done, whatever the tense of the verb around them:
# "cooperation up to 2020 was discussed" was not written after 2020.
_HORIZON = re.compile(r"^(?:up to|until|till|by|through|before|to|for)\b", re.IGNORECASE)
# Verbs whose object is still to come: "planned for 2026", "expected in May", "intend to".
_PLANNING_WORDS = frozenset(
    {
        "plan", "schedule", "expect", "intend", "due", "aim", "go", "hope", "promise",
        "pledge", "vow", "propose", "want", "seek", "agree", "envisage", "forecast",
        "predict", "project", "anticipate",
    }
)  # fmt: skip
# ... but "go" announces only in the progressive ("is going to start in 2026"): "the idea
# goes back to 2013" is about the past, not a plan.
_PROGRESSIVE_ONLY = frozenset({"go"})
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUXILIARIES = frozenset({"would", "could", "might", "may", "should", "'d"})
# Non-finite clauses take their tense from the verb they hang from.
_CLIMBABLE = frozenset({"xcomp", "ccomp", "advcl", "relcl", "acl", "conj", "pcomp"})
_MAX_CLIMB = 8


def publication_date(report: CleanReport, doc: Doc, *, is_parsed: bool) -> PublicationDate:
    """The report's publication date: stated, inferred with a window, or unknown.

    Args:
        report: the clean report (its stated date, if any, wins).
        doc: the report's annotated text; tense is read from it when ``is_parsed``.
        is_parsed: whether ``doc`` carries tags and dependencies (English reports).
    """
    if report.published is not None:
        return PublicationDate(report.published, inferred=False, window=None)
    if not is_parsed:
        return PublicationDate(None, inferred=False, window=None)
    references = dated_references(report.text, doc)
    return infer_from_references(references)


def dated_references(text: str, doc: Doc) -> tuple[DatedReference, ...]:
    """The absolute dates in the text, each with whether it is reported as done or to come."""
    references = []
    for match in find_dated_references(text):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        status = DateStatus.UNKNOWN if span is None else status_of(span)
        if _HORIZON.match(match.text) and status is DateStatus.PAST:
            status = DateStatus.UNKNOWN
        references.append(_reference(match, status))
    return tuple(references)


def infer_from_references(references: tuple[DatedReference, ...]) -> PublicationDate:
    """The window the publication date must lie in, given dated past and future references.

    Past events bound the date from below, announced ones from above. When the two
    disagree (a plan that slipped, a misread tense), the past events win: what
    happened is firmer evidence than what was announced.
    """
    past = [reference for reference in references if reference.status is DateStatus.PAST]
    future = [reference for reference in references if reference.status is DateStatus.FUTURE]
    earliest = max((reference.earliest for reference in past), default=None)
    latest = min((reference.latest for reference in future), default=None)
    if earliest is not None and latest is not None and latest < earliest:
        latest, future = None, []
    if earliest is None and latest is None:
        return PublicationDate(None, inferred=False, window=None)
    evidence = tuple(
        reference
        for reference in references
        if (reference in past and reference.earliest == earliest)
        or (reference in future and reference.latest == latest)
    )
    return PublicationDate(
        earliest, inferred=True, window=DateWindow(earliest, latest), evidence=evidence
    )


def status_of(span: Span) -> DateStatus:
    """Whether the clause a date expression sits in reports something done or to come."""
    verb = _governing_verb(span.root)
    if verb is None:
        return DateStatus.UNKNOWN
    return _clause_status(verb)


def _governing_verb(token: SpacyToken) -> SpacyToken | None:
    for _ in range(_MAX_CLIMB):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _clause_status(verb: SpacyToken) -> DateStatus:
    """Tense of a clause, climbing from non-finite verbs ("to start") to the finite one.

    What an infinitive names comes after the verb it hangs from, so a past verb above
    it bounds nothing: "the parties agreed to meet in 2015" was not written after
    2015. A plan told in the past ("deliveries were planned for 2026") bounds nothing
    either: the plan may have slipped or come true.
    """
    after_infinitive = False
    for _ in range(_MAX_CLIMB):
        auxiliaries = [
            child
            for child in verb.children
            if child.dep_ in {"aux", "auxpass"} and child.tag_ != "TO"
        ]
        is_infinitive = any(
            child.dep_ in {"aux", "auxpass"} and child.tag_ == "TO" for child in verb.children
        )
        words = {child.lower_ for child in auxiliaries}
        if words & _FUTURE_AUXILIARIES:
            return DateStatus.FUTURE
        if words & _HYPOTHETICAL_AUXILIARIES:
            return DateStatus.UNKNOWN  # "said it would start in 2014": no bound either way
        is_past = any(
            child.lower_ in {"has", "have", "had"} or "Past" in child.morph.get("Tense", [])
            for child in auxiliaries
        ) or (not auxiliaries and verb.tag_ == "VBD")
        if _is_planning(verb):
            # "deliveries are planned for 2026"; a past plan bounds nothing.
            return DateStatus.UNKNOWN if is_past else DateStatus.FUTURE
        if is_past:
            return DateStatus.UNKNOWN if after_infinitive else DateStatus.PAST
        if is_infinitive and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
            # "the bridge is to be finished by 2018"; "was to be" is a past plan.
            was = "Past" in verb.head.morph.get("Tense", [])
            return DateStatus.UNKNOWN if was else DateStatus.FUTURE
        if auxiliaries or _is_finite(verb):
            return DateStatus.UNKNOWN if after_infinitive else DateStatus.PRESENT
        if verb.tag_ == "VBN" and verb.dep_ == "acl":
            return DateStatus.PAST  # "the summit, held in May 2013, ...": a done deed
        if verb.head is verb or verb.dep_ not in _CLIMBABLE:
            return DateStatus.UNKNOWN
        after_infinitive = after_infinitive or is_infinitive
        verb = verb.head
    return DateStatus.UNKNOWN


def _is_planning(verb: SpacyToken) -> bool:
    lemma = verb.lemma_.lower()
    if verb.lower_ in _MISLEMMATIZED_PLANNING:
        return True
    return lemma in _PLANNING_WORDS and (lemma not in _PROGRESSIVE_ONLY or verb.tag_ == "VBG")


# Forms the small English model lemmatizes wrongly ("hoped" -> "hop").
_MISLEMMATIZED_PLANNING = frozenset({"hoped", "hopes", "hoping"})


def _is_finite(verb: SpacyToken) -> bool:
    return "Fin" in verb.morph.get("VerbForm", []) or verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}


def _reference(match: DateMatch, status: DateStatus) -> DatedReference:
    return DatedReference(
        start=match.start,
        end=match.end,
        text=match.text,
        earliest=match.earliest,
        latest=match.latest,
        status=status,
    )
