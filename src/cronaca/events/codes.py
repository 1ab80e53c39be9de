"""The CAMEO code table with Goldstein scores, quad classes and the PLOVER mapping."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from cronaca.errors import ResourceError


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("cronaca.events") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


@cache
def cameo() -> dict[str, Code]:
    table = {}
    for row in _rows("cameo.tsv"):
        try:
            table[row["code"]] = Code(
                code=row["code"], name=row["name"], goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover=None if row["plover"] in ("", "-") else row["plover"],
                plover_mode=row["plover_mode"] or None)
        except (KeyError, ValueError) as exc:
            raise ResourceError(f"events/data/cameo.tsv: bad row {row!r} ({exc})") from None
    return table


def lookup(code: str) -> Code:
    try:
        return cameo()[code]
    except KeyError:
        raise ResourceError(f"unknown CAMEO code {code!r}") from None


@cache
def plover_modes() -> dict[str, set[str]]:
    modes: dict[str, set[str]] = {}
    for row in _rows("plover.tsv"):
        modes.setdefault(row["type"], set())
        if row["mode"]:
            modes[row["type"]].add(row["mode"])
    return modes
