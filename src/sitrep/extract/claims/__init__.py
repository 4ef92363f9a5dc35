"""Claims in one report: figures with what they measure (``figures``).

Statements, and the grouping of claims across reports, come next (issue 6).
"""

from __future__ import annotations

from sitrep.extract.claims.figures import find_figures

__all__ = ["REQUIRES", "find_figures"]

# The parse names what a figure measures.
REQUIRES = ("tagger", "attribute_ruler", "lemmatizer", "parser")
