"""The CAMEO code table with Goldstein scores, quad classes and the PLOVER mapping."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from cronaca.errors import ResourceError


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float | None          # None for a user code (not CAMEO): no score is known
    quad_class: int | None
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


# A code a user's dictionary defines beyond CAMEO ("903", "1717", "174K" in PETRARCH's test
# dictionaries): two digits for its root, then one or two digits or capitals.
USER_CODE = re.compile(r"^[0-9]{2}[0-9A-Z]{1,2}$")


def is_user_code(code: str) -> bool:
    """A well-formed code that is not in the CAMEO table."""
    return code not in cameo() and USER_CODE.match(code) is not None


def describe(code: str) -> Code:
    """The CAMEO code, or for a user code one with its root and no Goldstein score, quad class
    or PLOVER type (none is known: Cronaca does not make one up)."""
    if is_user_code(code):
        return Code(code=code, name="user code (not in CAMEO)", goldstein=None,
                    quad_class=None, plover=None, plover_mode=None)
    return lookup(code)


@cache
def plover_modes() -> dict[str, set[str]]:
    modes: dict[str, set[str]] = {}
    for row in _rows("plover.tsv"):
        modes.setdefault(row["type"], set())
        if row["mode"]:
            modes[row["type"]].add(row["mode"])
    return modes
