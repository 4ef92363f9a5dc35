"""Word classes that decide whether two statements say the same thing or opposite things.

There is no packaged entailment model, so contradiction is read from structure, and
these tables are its vocabulary: verbs grouped into classes of one meaning (to request
help and to need it make the same claim about the one who asks), classes that are
each other's opposite (to send troops and to withdraw them), and nouns grouped by
what they are (help, aid, assistance and reinforcements are all assistance). A word
in no class is only itself.
"""

from __future__ import annotations

from sitrep.extract.quotes.cues import words

PREDICATE_CLASSES: dict[str, frozenset[str]] = {
    "need": words("need request ask seek want require appeal demand"),
    "provide": words("provide give send deliver supply allocate grant offer transfer donate"),
    "support": words("support back endorse favour favor welcome approve"),
    "oppose": words("oppose reject condemn denounce refuse decline veto block"),
    "confirm": words("confirm acknowledge admit"),
    "deny": words("deny dismiss refute"),
    "increase": words("increase raise boost expand strengthen grow double triple step"),
    "decrease": words("decrease reduce cut lower shrink weaken halve"),
    "deploy": words("deploy station dispatch"),
    "withdraw": words("withdraw pull evacuate remove"),
    "agree": words("agree accept sign ratify adopt"),
    "attack": words("attack strike bomb shell raid"),
    "meet": words("meet visit host"),
    "cancel": words("cancel postpone suspend"),
    "win": words("win"),
    "lose": words("lose"),
    "open": words("open reopen"),
    "close": words("close shut"),
    "join": words("join enter"),
    "leave": words("leave quit exit"),
}

# Classes whose claims about one subject and one object cannot both hold.
OPPOSITES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("support", "oppose"),
        ("confirm", "deny"),
        ("increase", "decrease"),
        ("deploy", "withdraw"),
        ("provide", "withdraw"),
        ("agree", "oppose"),
        ("win", "lose"),
        ("open", "close"),
        ("join", "leave"),
    )
)

OBJECT_CLASSES: dict[str, frozenset[str]] = {
    "assistance": words(
        "help aid assistance support reinforcement reinforcements backup relief funding "
        "funds money financing"
    ),
    "force": words("troops troop forces force soldiers soldier contingent personnel units unit"),
    "weapons": words("weapons weapon arms equipment hardware armament armaments"),
    "talks": words("talks negotiations dialogue meeting summit"),
    "border": words("border borders frontier frontiers boundary boundaries"),
}

_CLASS_OF_PREDICATE = {
    lemma: name for name, lemmas in PREDICATE_CLASSES.items() for lemma in lemmas
}
_CLASS_OF_OBJECT = {word: name for name, nouns in OBJECT_CLASSES.items() for word in nouns}


def predicate_class(lemma: str) -> str:
    """The class of a verb lemma; the lemma itself when it is in none."""
    return _CLASS_OF_PREDICATE.get(lemma, lemma)


def are_opposites(first: str, second: str) -> bool:
    """Two predicate classes that contradict each other about the same object."""
    return frozenset((first, second)) in OPPOSITES


def object_classes(object_words: frozenset[str]) -> frozenset[str]:
    """The classes of an object's nouns ("help with border security" -> assistance)."""
    return frozenset(_CLASS_OF_OBJECT[word] for word in object_words if word in _CLASS_OF_OBJECT)
