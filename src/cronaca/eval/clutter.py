"""`cronaca eval clutter`: the clutter filter on Cronaca's own Italian test set.

Each file in ``data/clutter_it`` is one article as an extractor outputs it, every line marked
``K`` (article text, must be kept) or ``D <reason>`` (clutter, must be dropped), optionally
preceded by ``title: <headline>`` (the page's metadata).  The filter sees the text without
the marks; a dropped line is a true positive when it was marked ``D``.

The set was written without looking at the filter.  Files 01-27 are the development part the
filter's rules were improved on; files 28-40 are held out and were never tuned on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from cronaca.clean import normalize_text
from cronaca.clean.clutter import filter_text
from cronaca.errors import ResourceError

_MARK = re.compile(r"^(K|D (\S+)) (.*)$")


@dataclass
class Line:
    text: str
    drop: bool
    reason: str | None


@dataclass
class Case:
    name: str
    title: str | None
    lines: list[Line]
    raw: str                                     # the text the filter sees


@dataclass
class Result:
    cases: int = 0
    tp: int = 0                                  # clutter dropped
    fp: int = 0                                  # article text dropped
    fn: int = 0                                  # clutter kept
    tn: int = 0                                  # article text kept
    missed: Counter = field(default_factory=Counter)       # clutter kept, by reason
    expected: Counter = field(default_factory=Counter)     # clutter lines, by reason
    wrong_drops: list[tuple[str, str, str]] = field(default_factory=list)
    missed_lines: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def keep_rate(self) -> float:
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 1.0


def data_dir() -> Path:
    return Path(str(resources.files("cronaca.eval"))) / "data" / "clutter_it"


def load_case(path: Path) -> Case:
    title = None
    lines: list[Line] = []
    raw: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            raw.append("")
            continue
        if number == 0 and line.startswith("title: "):
            title = line[len("title: "):].strip()
            continue
        m = _MARK.match(line)
        if not m:
            raise ResourceError(f"{path.name}:{number + 1}: a line must start with 'K ' or "
                                "'D <reason> '")
        lines.append(Line(text=m.group(3), drop=m.group(1) != "K", reason=m.group(2)))
        raw.append(m.group(3))
    return Case(name=path.stem, title=title, lines=lines, raw="\n".join(raw))


def load_cases(folder: Path | None = None) -> list[Case]:
    return [load_case(p) for p in sorted((folder or data_dir()).glob("*.txt"))]


HELD_OUT_FROM = 28


def split(case: Case) -> str:
    return "held-out" if int(case.name[:2]) >= HELD_OUT_FROM else "development"


def run(folder: Path | None = None, part: str | None = None) -> Result:
    """Score the filter on every case, or on one part ("development" or "held-out")."""
    result = Result()
    for case in load_cases(folder):
        if part and split(case) != part:
            continue
        result.cases += 1
        filtered = filter_text(normalize_text(case.raw), case.title)
        dropped = Counter(" ".join(r.text.split()) for r in filtered.removed)
        for line in case.lines:
            key = " ".join(line.text.split())
            was_dropped = dropped[key] > 0
            if was_dropped:
                dropped[key] -= 1
            if line.drop:
                result.expected[line.reason] += 1
                if was_dropped:
                    result.tp += 1
                else:
                    result.fn += 1
                    result.missed[line.reason] += 1
                    result.missed_lines.append((case.name, line.reason, line.text))
            elif was_dropped:
                result.fp += 1
                result.wrong_drops.append((case.name, "", line.text))
            else:
                result.tn += 1
    return result


def report(result: Result, title: str = "all files") -> str:
    lines = [
        f"Clutter filter on Cronaca's Italian clutter set, {title} ({result.cases} articles, "
        f"{result.tp + result.fn} clutter lines, {result.tn + result.fp} article lines)",
        "",
        f"precision {result.precision:.3f}  (dropped lines that were clutter)",
        f"recall    {result.recall:.3f}  (clutter lines dropped)",
        f"kept      {result.keep_rate:.3f}  (article lines kept: {result.tn} of {result.tn + result.fp})",
        "",
        "recall by kind:",
    ]
    for reason, total in sorted(result.expected.items()):
        found = total - result.missed[reason]
        lines.append(f"  {reason:<18} {found:3d}/{total:<3d} {found / total:.2f}")
    if result.wrong_drops:
        lines += ["", "article lines dropped:"]
        lines += [f"  {name}: {text[:100]}" for name, _, text in result.wrong_drops]
    if result.missed_lines:
        lines += ["", "clutter lines kept:"]
        lines += [f"  {name} [{reason}]: {text[:100]}" for name, reason, text in result.missed_lines]
    return "\n".join(lines)
