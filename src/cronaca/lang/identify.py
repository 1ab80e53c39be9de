"""Language identification with py3langid (offline, about a millisecond per article)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# A page's language shows in its first few thousand characters; reading more only costs time.
SAMPLE_CHARS = 5000


@dataclass(frozen=True)
class Guess:
    code: str | None          # ISO 639-1, or None when the text has no identifiable language
    score: float              # normalised probability of the top language


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> Guess:
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return Guess(None, 0.0)
    code, score = _identifier().classify(sample)
    if code == "zxx":  # py3langid's "no linguistic content"
        return Guess(None, float(score))
    return Guess(code, float(score))
