"""Settings in one place.

Defaults are chosen for a laptop and a hostile web; every field can be overridden per call
(library) or per command (CLI options), and a few by environment variables named
``CRONACA_<FIELD>`` so that CI and servers can tune them without code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    # Reading input
    max_bytes: int = 20_000_000          # largest page or file read, after decompression
    fetch_timeout: float = 15.0          # seconds for connect and for each read of a URL
    user_agent: str = "Cronaca/0.1 (+https://github.com/cronaca/cronaca)"
    # Cleaning
    extraction_mode: str = "precision"   # trafilatura: "precision", "balanced" or "recall"
    min_text_chars: int = 20             # below this an article counts as empty
    clutter_filter: bool = True
    # Language identification
    min_lang_confidence: float = 0.5     # below this the language is reported as uncertain
    # Sentence splitting: a quotation longer than this is split inside
    max_quote_chars: int = 1200
    # Named entities where a language has two taggers (Italian): "encoder" (the fine-tuned
    # multilingual encoder, more accurate) or "spacy" (the pipeline's own NER, about 3x faster)
    entities: str = "encoder"

    def with_overrides(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _from_env() -> Settings:
    base = Settings()
    changes = {}
    for f in fields(Settings):
        raw = os.environ.get(f"CRONACA_{f.name.upper()}")
        if raw is None:
            continue
        kind = type(getattr(base, f.name))
        changes[f.name] = raw.lower() in {"1", "true", "yes"} if kind is bool else kind(raw)
    return replace(base, **changes)


DEFAULT = _from_env()
