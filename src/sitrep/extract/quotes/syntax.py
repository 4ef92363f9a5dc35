"""What the dependency parse says about a speech verb: who speaks, and what is said.

Small readers over spaCy tokens, shared by the direct and the reported-speech rules.
Spans are (start, end) character offsets into the report text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.extract.quotes.cues import TO_INFINITIVE

CharSpan = tuple[int, int]

# The passive subject of a reporting verb is what was said or who was told ("it was
# reported", "they are estimated at"), never the speaker.
_SUBJECTS = frozenset({"nsubj"})
# Pronouns that fill the subject slot without naming anyone: "it was reported that".
_EXPLETIVES = frozenset({"it", "there", "this", "that", "which", "who"})
# A participle or conjoined verb shares its subject with the verb it hangs on:
# "Rakhmon requested help, saying ...", "He announced ... and said ...".
_SHARES_SUBJECT = frozenset({"advcl", "conj", "xcomp", "pcomp", "acl"})
# What a speaker's name may carry that is not the name: "Natalia Kharitonova,
# press secretary of ...", "the head of ..., Andrei Grozin, in an interview".
_REPORTED_OBJECTS = frozenset({"dobj", "oprd", "prep", "xcomp", "attr", "dative", "advcl"})
_NOT_THE_SPEAKER = frozenset({"appos", "relcl", "punct", "prep", "acl", "advmod", "cc"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """The speaker of a speech verb as the text gives it.

    Attributes:
        span: the words that name the speaker, for display ("Natalia Kharitonova").
        reach: the whole phrase, appositions included, for finding the actor in it
            ("the head of the department ..., Andrei Grozin").
        head: the phrase's head word's span ("head", "Kharitonova", "he").
        head_tag: the head's fine-grained tag: "NNS" for "the two leaders", "NNP"...
    """

    span: CharSpan
    reach: CharSpan
    head: CharSpan
    head_tag: str = "NNP"


def speaker_of(verb: Token, depth: int = 0) -> Speaker | None:
    """Who the speech verb's subject is; a participle's or conjunct's is its head's.

    "quote" and "cite" name the speaker as their object ("the publication quotes
    Lavrov"); everything else as its subject. A verb with none takes the subject of
    the verb it hangs from, through prepositions and nouns ("Trump landed in hot water
    by saying ...", "his office put out a statement saying ...").
    """
    own = _own_speaker(verb)
    if own is not None or depth >= 3 or verb.head is verb:
        return own
    head = verb.head
    if verb.dep_ == "conj":
        # The parser may hang "and said" on a verb inside the first verb's clause
        # ("announced that the drills would take place ... and said"): the verb it
        # shares a subject with has its tense.
        while head.tag_ != verb.tag_ and head.dep_ in {"ccomp", "conj", "xcomp"}:
            head = head.head
        return speaker_of(head, depth + 1)
    if verb.dep_ not in _SHARES_SUBJECT:
        return None
    steps = 0
    while head.pos_ in {"ADP", "NOUN", "PROPN"} and head.head is not head and steps < 3:
        head, steps = head.head, steps + 1
    return speaker_of(head, depth + 1) if head.pos_ in {"VERB", "AUX"} else None


def _own_speaker(verb: Token) -> Speaker | None:
    if verb.lemma_ in {"quote", "cite"}:
        for child in verb.children:
            if child.dep_ == "dobj":
                return _speaker_phrase(child)
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.lower_ not in _EXPLETIVES:
            return _speaker_phrase(child)
        if child.dep_ == "agent":  # "was stated by the ministry"
            for object_ in child.children:
                if object_.dep_ == "pobj":
                    return _speaker_phrase(object_)
    return None


def _speaker_phrase(head: Token) -> Speaker:
    reach = _extent(list(head.subtree))
    kept = [head]
    # A name stands alone; a title keeps what it is a title of ("head of the department").
    dropped = _NOT_THE_SPEAKER if head.pos_ in {"PROPN", "PRON"} else _NOT_THE_SPEAKER - {"prep"}
    for child in head.children:
        if child.dep_ not in dropped:
            kept.extend(child.subtree)
    display = _extent(kept)
    return Speaker(display, reach, (head.idx, head.idx + len(head)), head.tag_)


def attribution_at_end(
    index: TokenIndex, start: int, end: int, verbs: frozenset[str]
) -> tuple[int, Token, Speaker] | None:
    """An attribution closing the text between ``start`` and ``end``: "..., explains
    Nikita Mendkovich, head of the Eurasian Analytical Club." or "..., Sergei Koshelev
    told reporters." Returns the comma it follows, its verb and its speaker.

    Commas are tried from the last one back (an attribution may hold commas of its
    own), over the last 300 characters only.
    """
    text = index.doc.text
    floor = max(start, end - 300)
    comma = end
    while (comma := text.rfind(",", floor, comma)) != -1:
        for token in index.between(comma + 1, end):
            if token.pos_ != "VERB" or token.lemma_ not in verbs:
                continue
            speaker = speaker_of(token) or appositive_speaker(token)
            if speaker is not None and speaker.reach[0] > comma:
                return comma, token, speaker
    return None


def appositive_speaker(verb: Token) -> Speaker | None:
    """The speaker the parser hung as an apposition on the reported clause's last noun:
    in "... fall on the Russian side, Omar Nessar, a researcher at ..., told Izvestia"
    it reads "Omar Nessar" as another name for "the side", and "told" has no subject.
    The outermost apposition that ends right before the verb is the speaker."""
    if any(child.dep_ in _SUBJECTS for child in verb.children) or verb.i == 0:
        return None
    previous = verb.doc[verb.i - 1]
    while previous.is_punct and previous.i > 0:
        previous = verb.doc[previous.i - 1]
    outermost = None
    for token in [previous, *previous.ancestors]:
        if token.i >= verb.i:
            break
        if token.dep_ == "appos" and token.head.i < token.i:
            outermost = token
    return _speaker_phrase(outermost) if outermost is not None else None


def complement_of(verb: Token, *, strict: bool = True) -> Span | None:
    """The clause a reporting verb reports: its clausal complement ("said [that ...]"),
    or for speech acts like "urge" and "vow" its infinitive with its object ("urged
    [the member states to pass from words to deeds]").

    ``strict`` asks for a complement with a subject of its own, which keeps out
    parser debris when there is nothing else to go on; quoted words under the verb
    are evidence enough without it.
    """
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "ccomp" and (_is_clause(child) or not strict):
            return _span(doc, _without_that(_clause_tokens(child, verb)))
    misattached = _that_clause_under_circumstance(verb)
    if misattached is not None:
        return _span(doc, _without_that(list(misattached.subtree)))
    if verb.lemma_ in TO_INFINITIVE:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if xcomp is not None:
            tokens = list(xcomp.subtree)
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < xcomp.i]
            for object_ in objects:
                tokens.extend(object_.subtree)
            return _span(doc, tokens)
        if verb.lemma_ == "call":  # "called for further coordination of ..."
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "for":
                    return _span(doc, list(child.subtree)[1:])
    return None


def governed_after(verb: Token) -> Span | None:
    """What a verb that takes no clause reports: its objects and complements after it
    ("called [the plan “a disaster”]", "opposed [the intervention in Syria]")."""
    after = [
        child for child in verb.children if child.i > verb.i and child.dep_ in _REPORTED_OBJECTS
    ]
    if not after:
        return None
    last = max(after, key=lambda child: child.right_edge.i).right_edge
    first = min(child.left_edge.i for child in after)
    return verb.doc[first : last.i + 1]


def _that_clause_under_circumstance(verb: Token) -> Token | None:
    """The parser often hangs "that ..." on the noun just before it: in "predicted at
    the debate that Republicans will win" or "told reporters on Tuesday that ...", the
    that-clause becomes a relative clause of "debate". Such a clause after a
    circumstance of the verb is what the verb reports."""
    for child in verb.children:
        if child.dep_ not in {"prep", "npadvmod", "dobj"} or child.i < verb.i:
            continue
        for token in child.subtree:
            # A true relative clause has "that" as its subject ("the plan that
            # passed"); a that-clause has a subject of its own.
            if (
                token.dep_ == "relcl"
                and token.left_edge.lower_ == "that"
                and any(c.dep_ in _SUBJECTS and c.lower_ != "that" for c in token.children)
            ):
                return token
    return None


def _clause_tokens(head: Token, verb: Token) -> list[Token]:
    """The complement's words, less a verb the parser conjoined to it that is really
    the speaker's next act: in "said he makes $41,000 a year and questioned how ...",
    "questioned" shares the tense of "said", not of "makes", and has no subject."""
    dropped: set[int] = set()
    for child in head.children:
        if (
            child.dep_ == "conj"
            and child.pos_ == "VERB"
            and child.tag_ == verb.tag_ != head.tag_
            and not any(c.dep_ in _SUBJECTS for c in child.children)
        ):
            dropped.update(t.i for t in child.subtree)
            dropped.update(c.i for c in head.children if c.dep_ == "cc" and c.i < child.i)
    return [t for t in head.subtree if t.i not in dropped]


def _is_clause(token: Token) -> bool:
    """A complement with a verb and a subject of its own is a reported statement."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return any(child.dep_ in _SUBJECTS | {"nsubjpass", "expl", "csubj"} for child in token.children)


def _without_that(tokens: list[Token]) -> list[Token]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].lower_ in {"that", ","} or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (
        (tokens[-1].is_punct and tokens[-1].text not in {"?", "!", "”", '"', "»"})
        or tokens[-1].pos_ == "CCONJ"  # "... and" left by a conjunct cut off
    ):
        tokens = tokens[:-1]
    return tokens


def _span(doc: Doc, tokens: list[Token]) -> Span | None:
    if not tokens:
        return None
    return doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]


def _extent(tokens: list[Token]) -> CharSpan:
    start = min(t.idx for t in tokens)
    last = max(tokens, key=lambda t: t.idx)
    return start, last.idx + len(last)


class TokenIndex:
    """Finds tokens by character offset in one ``Doc`` (a binary search, not a scan)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._starts = [token.idx for token in doc]

    def at(self, offset: int) -> Token | None:
        """The token holding ``offset``, or else the first one after it."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._starts[index] + len(self.doc[index]):
            return self.doc[index]
        return self.doc[index + 1] if index + 1 < len(self.doc) else None

    def between(self, start: int, end: int) -> Span:
        """The tokens that start at or after ``start`` and end by ``end``."""
        first = bisect_left(self._starts, start)
        last = first
        while last < len(self.doc) and self._starts[last] + len(self.doc[last]) <= end:
            last += 1
        return self.doc[first:last]

    def sentence(self, offset: int) -> Span | None:
        token = self.at(offset)
        return token.sent if token is not None else None
