"""Example articles written for Cronaca (not copied news): used by `cronaca demo` and the tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

EXAMPLES = ("lukashenko_xi_it.html", "port_strike_en.txt")


def example_paths(names: tuple[str, ...] = EXAMPLES) -> list[Path]:
    root = Path(str(resources.files(__name__)))
    return [root / name for name in names]
