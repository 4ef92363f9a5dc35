"""Quote families: the same utterance as different reports quote it.

One remark travels: an agency quotes it in Russian, an English outlet translates
it, a third report paraphrases half of it in reported speech. A *family* holds those
quotes together so that the dossier can say who reported the same words, and how.

Which quotes are compared (the store finds them through an index, never a scan):
two quotes of *different* reports, attributed to the same actor, in reports
published within ``WINDOW_DAYS`` of each other (at most ``MAX_CANDIDATES``). A
report with no known date is compared with the ``MAX_UNDATED_CANDIDATES`` most recent
quotes of that speaker, and so is an undated stored quote with a dated new one.

How a pair is scored, in the units of the embedding cosine::

    score = cosine                                        max over pairs of units
          + LEXICAL_WEIGHT * max(0, overlap - SAME_LANGUAGE_OVERLAP)  same language only
          + NAME_BONUS                                    a capitalised name in common
          - NUMBER_PENALTY                                both have numbers, none shared

and a new quote joins the family of its best candidate when the score reaches
``THRESHOLD`` (``CROSS_LANGUAGE_THRESHOLD`` between two languages; if that candidate
has no family yet, the two start one); other
candidates above it that have no family join too.

- ``cosine``: multilingual-e5-small's cosine of the two closest units, one from each
  quote. Units are sentences and their longer clauses (``comparison_units``), taken
  from the quote less any attribution written inside it (``comparable_text``):
  outlets quote one remark at different extents and translators cut it differently.
  It is 1.0, with no model, when the two quotes have the same words or one's words run
  inside the other's ("verbatim": a shorter extent of the same quote).
- ``overlap``: the content-word stems two quotes share, over the smaller set
  (stopwords dropped, words cut to ``STEM_LENGTH`` letters, which folds most English
  and Russian endings). Only a bonus, in one language: two English translations of
  one Russian remark share few words ("caught off guard" / "catch us off guard"), so
  a low overlap says little. Sharing fewer than ``MIN_SHARED_STEMS`` stems, or under
  ``MIN_SHARED_SHARE`` of them, in one language, though, is another remark, decided
  without the model.
- names: a capitalised word, not the first of a sentence, in both (by alias key).
- numbers: "12 soldiers" and "15 soldiers" are not one remark; the penalty is more
  than the other terms can make up.

Why 0.90 (0.89 across languages): e5's cosines are compressed. On the seed reports
(three outlets' English translations of Putin's remarks at the 2013 Sochi summit),
the pairs that are one remark scored 0.91-0.95 and the closest pair of two remarks
0.89; on sentences written to calibrate this module (eight remarks, each in two to
four languages and in reported speech, beside 21 other remarks of the same speakers
on the same topics) one remark scored 0.86-0.94 across languages and 0.92-0.98 within
one, other remarks on the same topic up to 0.87 across languages and 0.90 within one.
A wrong family misleads an analyst ("three outlets carry this"); a missed one only
leaves a quote alone, so the threshold errs high.

The model costs about 11 ms a sentence (two cores, batched), against some 76 ms to
ingest a BBC report, so only pairs that the words leave open are embedded: not
verbatim, each with ``MIN_EMBEDDED_WORDS`` words or more, and able to reach the
threshold at a cosine of ``PARAPHRASE_CEILING``, about the highest we saw for two
different wordings. Two quotes in one language with little in common, or whose
numbers disagree, cost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sitrep.link.names import alias_key

WINDOW_DAYS = 7
MAX_CANDIDATES = 200
# With no date on one side there is no window: only the speaker's latest quotes are
# candidates, few enough that a store of undated reports stays cheap to grow.
MAX_UNDATED_CANDIDATES = 30

THRESHOLD = 0.90
# e5 puts two languages further apart than two wordings in one: the same remark
# scores lower across languages, and so do other remarks (at most 0.87 measured).
CROSS_LANGUAGE_THRESHOLD = 0.89
LEXICAL_WEIGHT = 0.2
SAME_LANGUAGE_OVERLAP = 0.5
# Two English translations of one Russian remark share few words ("caught off guard" /
# "catch us off guard": guard, scenario), but rarely none: fewer than this many shared
# stems in one language is another remark, decided without the model.
MIN_SHARED_STEMS = 2
MIN_SHARED_SHARE = 0.15  # of the smaller quote's stems; the seed translations share 0.18-0.38
NAME_BONUS = 0.01
NUMBER_PENALTY = 0.2
PARAPHRASE_CEILING = 0.96

STEM_LENGTH = 5
# A quote inside another counts as verbatim only when it is this long: "we will" lies
# inside many remarks.
MIN_VERBATIM_WORDS = 4
# Shorter quotes ("collective help") are compared verbatim only: the cosine of two
# short fragments says little.
MIN_EMBEDDED_WORDS = 5
# Fragments shorter than this join the sentence before them ("No." "Never."), so that
# a short generic sentence cannot match alone.
MIN_SENTENCE_WORDS = 4
# A quote longer than this many sentences is compared by its first ones (a speech
# quoted at length): bounds the model's work per quote.
MAX_SENTENCES = 8
# Clauses as units of comparison: split at commas, semicolons, colons, dashes, and
# where "and that" / "but that" opens a second reported clause.
MIN_CLAUSE_WORDS = 6
MAX_UNITS = 8
_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s+|\s+[—–]\s+|\s+(?:and|but)\s+(?=that\s)")

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# White space after a full stop, question or exclamation mark, or after one followed by
# one or two closing marks (each lookbehind has a fixed width, as Python requires).
_CLOSERS = "[\"'»”’)\\]]"
_SENTENCE_END = re.compile(
    rf"(?<=[.!?…])\s+|(?<=[.!?…]{_CLOSERS})\s+|(?<=[.!?…]{_CLOSERS}{_CLOSERS})\s+"
)
# Digits with thousands separators or a decimal mark ("1,500", "1 500" with a
# no-break space, "3.5"); a plain space separates two numbers.
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}\b)")
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,2}\.$")  # "Mr.", "Dr.", "Gen."
# What may stand between a sentence's end and its first word, whose capital says nothing.
_OPENERS = " \t\n\"'«»“”„‘’()[]—–-"

# Function words of English and Russian, the languages of most reports; words under
# three letters are dropped anyway.
_STOPWORDS = frozenset(
    re.findall(
        r"\S+",
        """
    the and but for nor yet not was were are has have had been being will would shall
    should can could may might must does did doing this that these those there here
    their them they then than with without from into onto over under about above
    below after before again once all any both each few more most other some such
    only own same very just also too out off what which who whom whose when where why
    how our ours your yours his her hers its it's we've we'll you're they're i've
    said says say told tell according because while whether if it is be of to in on
    at by as or an a he she we you i me my us him
    это как так что чтобы если или ещё уже только все всё был была были было будет
    будут есть нет для при над под без про через после перед между его её их наш
    наши наша ваш они она оно мы вы ты она меня нас вас них ним ней него также
    сказал сказала заявил заявила отметил по словам
    """,
    )
)


@dataclass(frozen=True, slots=True)
class QuoteEvidence:
    """What the scoring reads from a quote's words, without a model.

    Attributes:
        words: the content words in order, casefolded: the verbatim test.
        stems: content-word stems: the lexical overlap.
        numbers: the numbers written in digits, thousands separators dropped.
        names: alias keys of capitalised words that do not start a sentence.
        language: the report's language (ISO 639-1), or None when unknown.
    """

    words: tuple[str, ...]
    stems: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    language: str | None


@dataclass(frozen=True, slots=True)
class FamilyCandidate:
    """A stored quote a new one may join: its id, its family (if any), its evidence."""

    quote_id: int
    family_id: int | None
    evidence: QuoteEvidence


@dataclass(frozen=True, slots=True)
class FamilyMatch:
    candidate: FamilyCandidate
    score: float


def quote_evidence(text: str, language: str | None) -> QuoteEvidence:
    """The words, stems, numbers and names of a quote's content."""
    words = tuple(word.casefold() for word in _WORD.findall(text))
    content = [word for word in words if len(word) > 2 and word not in _STOPWORDS]
    numbers = frozenset(
        _THOUSANDS.sub("", number).replace(",", ".") for number in _NUMBER.findall(text)
    )
    names = frozenset(
        alias_key(match.group())[:STEM_LENGTH]
        for match in _WORD.finditer(text)
        if len(match.group()) > 1
        and match.group()[0].isupper()
        and not _starts_sentence(text, match.start())
    )
    return QuoteEvidence(
        words=words,
        stems=frozenset(word[:STEM_LENGTH] for word in content if not word.isdigit()),
        numbers=numbers,
        names=names - {""},
        language=language,
    )


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    if not before or before[-1] in "!?…:;":
        return True
    return before[-1] == "." and not _ABBREVIATION.search(before)


def comparable_text(text: str, attribution: tuple[int, int] | None) -> str:
    """The quote's words without an attribution inside them ("..., Vladimir Putin says.
    ..."): the speaker's name and verb are not part of the remark, and they pull two
    translations of it apart. ``attribution`` is relative to ``text``."""
    if attribution is None:
        return text
    start, end = attribution
    if not 0 <= start < end <= len(text):
        return text
    return f"{text[:start].rstrip(' ,')} {text[end:].lstrip(' ,.')}".strip()


def comparison_units(text: str) -> tuple[str, ...]:
    """What the embeddings compare: each sentence, and its clauses of ``MIN_CLAUSE_WORDS``
    words or more. Outlets quote one remark at different extents and translators cut
    it differently ("..., whatever scenario it may follow" beside a sentence of its
    own), so the closest pair of units decides. At most ``MAX_UNITS``."""
    units: list[str] = []
    for sentence in split_sentences(text):
        units.append(sentence)
        clauses = [c.strip() for c in _CLAUSE_BREAK.split(sentence)]
        long_enough = [c for c in clauses if len(c.split()) >= MIN_CLAUSE_WORDS]
        if len(long_enough) > 1 or (long_enough and long_enough[0] != sentence):
            units.extend(long_enough)
    return tuple(dict.fromkeys(units))[:MAX_UNITS]


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of a quote: what the embeddings compare, at most ``MAX_SENTENCES``.

    A full stop, question or exclamation mark (and any closing quotation mark) before
    white space ends a sentence; a fragment of fewer than ``MIN_SENTENCE_WORDS`` words
    joins the one before it. Abbreviations ("Mr. Smith") split too early and then
    rejoin as short fragments, or cost one sentence more: harmless here.
    """
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if not piece:
            continue
        too_short = min(len(piece.split()), len(sentences[-1].split())) if sentences else None
        if too_short is not None and too_short < MIN_SENTENCE_WORDS:
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return tuple(sentences[:MAX_SENTENCES])


def is_verbatim(first: QuoteEvidence, second: QuoteEvidence) -> bool:
    """The same words, or one quote's words a run inside the other's (a shorter extent)."""
    shorter, longer = sorted((first.words, second.words), key=len)
    if shorter == longer:
        return bool(shorter)
    if len(shorter) < MIN_VERBATIM_WORDS:
        return False
    return f" {' '.join(shorter)} " in f" {' '.join(longer)} "


def adjustment(first: QuoteEvidence, second: QuoteEvidence) -> float:
    """What the words say beside the embeddings: the score minus the cosine."""
    total = 0.0
    if _same_language(first, second):
        shared = overlap(first.stems, second.stems)
        total += LEXICAL_WEIGHT * max(0.0, shared - SAME_LANGUAGE_OVERLAP)
    if first.names & second.names:
        total += NAME_BONUS
    if first.numbers and second.numbers and not first.numbers & second.numbers:
        total -= NUMBER_PENALTY
    return total


def threshold(first: QuoteEvidence, second: QuoteEvidence) -> float:
    """The score a pair must reach to be one remark (lower across two known languages)."""
    known = first.language is not None and second.language is not None
    if known and first.language != second.language:
        return CROSS_LANGUAGE_THRESHOLD
    return THRESHOLD


def _same_language(first: QuoteEvidence, second: QuoteEvidence) -> bool:
    return first.language is not None and first.language == second.language


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Shared items over the smaller set (a partial quote is all inside the full one)."""
    smaller = min(len(first), len(second))
    return len(first & second) / smaller if smaller else 0.0


def is_other_remark(new: QuoteEvidence, candidate: QuoteEvidence) -> bool:
    """Decided without the model: too short to embed, or too different in its words."""
    if min(len(new.words), len(candidate.words)) < MIN_EMBEDDED_WORDS:
        return True
    if _same_language(new, candidate) and (
        len(new.stems & candidate.stems) < MIN_SHARED_STEMS
        or overlap(new.stems, candidate.stems) < MIN_SHARED_SHARE
    ):
        return True
    return PARAPHRASE_CEILING + adjustment(new, candidate) < threshold(new, candidate)


def needs_cosine(new: QuoteEvidence, candidate: QuoteEvidence) -> bool:
    """Whether the pair can only be decided with embeddings (see the module docstring)."""
    return not is_verbatim(new, candidate) and not is_other_remark(new, candidate)


def pair_score(new: QuoteEvidence, candidate: QuoteEvidence, cosine: float | None) -> float:
    """The score of a pair; ``cosine`` may be None when ``needs_cosine`` said no."""
    if is_verbatim(new, candidate):
        cosine = 1.0
    elif cosine is None or is_other_remark(new, candidate):
        return float("-inf")
    return cosine + adjustment(new, candidate)


def family_matches(
    new: QuoteEvidence,
    candidates: Iterable[FamilyCandidate],
    cosines: Mapping[int, float],
) -> list[FamilyMatch]:
    """The candidates the new quote is one remark with, best first (empty: it stays alone).

    The new quote joins the best one's family; the others that have no family yet join
    it too: a report that quotes two sentences of one speech in one quotation matches
    two quotes of another report, each of which is a part of the same remark.

    Args:
        new: the new quote.
        candidates: the stored quotes it may join (same speaker, within the window).
        cosines: by candidate ``quote_id``, the max unit cosine for the pairs that
            ``needs_cosine`` asked for; the others are decided without it.
    """
    matches = [
        FamilyMatch(candidate, score)
        for candidate in candidates
        if (score := pair_score(new, candidate.evidence, cosines.get(candidate.quote_id)))
        >= threshold(new, candidate.evidence)
    ]
    return sorted(matches, key=lambda match: -match.score)
