"""Actor mentions in one report: people, organisations, places and groups, with roles.

The English model's entities are the start. News text trips it in known ways, so
each one is checked against the bundled gazetteer and its neighbourhood:

- a name the gazetteer knows gets the gazetteer's type ("Tajikistan" is a country,
  never a nationality; "Dushanbe" a city, never an organisation);
- a demonym is a group, never a person ("Tajik");
- a name after a title is a person ("Secretary General Imangali Tasmagambetov"),
  and the title becomes the person's role ("Tajik President Emomali Rakhmon":
  President of Tajikistan);
- a surface the report tags as a person elsewhere is a person everywhere in it;
- a name the report uses again is found again where the model missed it;
- names the model missed are found through the gazetteer (also in reports in
  other languages, which the English model never reads: "ОДКБ") and through the
  report's own acronym definitions ("..., or OSTO");
- a role with no name is kept as a role mention ("Kazakhstan's prime minister"),
  and short descriptions ("the Russian leader", "the organization") as descriptions,
  for the report's binding to resolve.

Named exercises and operations, works of art and products are not actors.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.extract.actors.acronyms import AcronymDefinition, acronym_definitions
from sitrep.extract.actors.descriptions import descriptions_and_roles
from sitrep.extract.actors.names import (
    gazetteer_names,
    model_names,
    repeated_names,
    with_roles,
)
from sitrep.link.gazetteer import Gazetteer
from sitrep.models import Mention

__all__ = ["REQUIRES", "AcronymDefinition", "acronym_definitions", "find_mentions"]

# The named-entity recognizer, and the tags and parse the role rules read.
REQUIRES = ("tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


def find_mentions(text: str, doc: Doc | None, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Every actor mention in ``text``, in text order.

    Args:
        text: the clean report text.
        doc: its spaCy parse with entities, or None for a report the English model
            did not read (then only gazetteer names and defined acronyms are found).
        gazetteer: the bundled gazetteer.
    """
    names = model_names(doc, gazetteer) if doc is not None else []
    names = _without_overlaps(names, gazetteer_names(text, gazetteer))
    names = _without_overlaps(
        names, [definition.acronym for definition in acronym_definitions(text, names)]
    )
    names = _without_overlaps(names, repeated_names(text, names))
    names = with_roles(text, names, gazetteer)
    # Roles may nest over a place or group name ("Kazakhstan's prime minister").
    others = descriptions_and_roles(text, names, gazetteer)
    return tuple(sorted([*names, *others], key=lambda m: (m.start, m.end)))


def _without_overlaps(kept: list[Mention], extra: list[Mention]) -> list[Mention]:
    """``kept`` plus every mention of ``extra`` that overlaps none of them."""
    taken = sorted((m.start, m.end) for m in kept)
    result = list(kept)
    for mention in extra:
        if not any(start < mention.end and mention.start < end for start, end in taken):
            result.append(mention)
            taken.append((mention.start, mention.end))
    return result
