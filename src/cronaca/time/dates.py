"""Dates written in a sentence, resolved against the publication date.

Handles what news writes and dateparser misses: "lo scorso settembre", "a dicembre",
"nel febbraio 2022", "all'inizio del 2023", "martedì", "due settimane fa", "last September",
"in early 2023", as well as full dates ("1 marzo 2023", "March 1, 2023", "2023-03-01").
The language's words come from ``lang/<code>/dates.yaml``; the grammar here is shared.
A date has a precision: day, month or year (a month or year date is its first day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from cronaca.lang import resource

Precision = str  # "day" | "month" | "year"


@dataclass(frozen=True)
class DateMention:
    start: int              # token index of the first and one past the last token
    end: int
    date: dt.date
    precision: Precision
    text: str


@dataclass(frozen=True)
class Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    days: dict[tuple[str, ...], int]
    units: dict[str, str]
    numbers: dict[str, int]
    previous: frozenset[str]
    next: frozenset[str]
    this: frozenset[str]
    ago: tuple[tuple[str, ...], ...]    # "fa", "ago" after the number; "hace", "il y a" before
    in_future: frozenset[str]
    parts: dict[str, str]
    capitalised_months: bool = False     # English: "may", "march" in lower case are no months


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+'|\w+|[^\w\s]", phrase.lower()))


@cache
def words(lang: str) -> Words | None:
    try:
        data = resource(lang, "dates.yaml")
    except Exception:
        return None
    return Words(
        months={k.lower(): int(v) for k, v in data["months"].items()},
        weekdays={k.lower(): int(v) for k, v in data["weekdays"].items()},
        # a day word may be one token to the parser ("aujourd'hui", "avant-hier") or several
        days={form: int(v) for k, v in data["days"].items()
              for form in {_tokens(k), tuple(str(k).lower().split())}},
        units={k.lower(): v for k, v in data["units"].items()},
        numbers={k.lower(): int(v) for k, v in data["numbers"].items()},
        previous=frozenset(w.lower() for w in data["previous"]),
        next=frozenset(w.lower() for w in data["next"]),
        this=frozenset(w.lower() for w in data["this"]),
        ago=tuple(_tokens(w) for w in data["ago"]),
        in_future=frozenset(w.lower() for w in data["in_future"]),
        parts={k.lower(): v for k, v in data["parts"].items()},
        capitalised_months=bool(data.get("capitalised_months", False)),
    )


def _year(token: str) -> int | None:
    return int(token) if re.fullmatch(r"(1[89]|20)\d\d", token) else None


def _day(token: str) -> int | None:
    m = re.fullmatch(r"(\d{1,2})(°|º|st|nd|rd|th|er|re)?", token)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(date.day, calendar.monthrange(year, month + 1)[1]))


def _month_occurrence(month: int, pub: dt.date, direction: str | None, tense: str | None) -> dt.date:
    """The month's date nearest the publication date in the direction the text gives."""
    if direction == "previous" or (direction is None and tense == "past"):
        year = pub.year if month < pub.month else pub.year - 1
        if direction is None and month == pub.month:
            year = pub.year
    elif direction == "next" or (direction is None and tense == "future"):
        year = pub.year if month > pub.month else pub.year + 1
        if direction is None and month == pub.month:
            year = pub.year
    else:
        year = pub.year
    return dt.date(year, month, 1)


def _weekday_occurrence(weekday: int, pub: dt.date, direction: str | None, tense: str | None) -> dt.date:
    delta = (pub.weekday() - weekday) % 7
    if direction == "next" or (direction is None and tense == "future"):
        ahead = (weekday - pub.weekday()) % 7 or 7
        return pub + dt.timedelta(days=ahead)
    if direction == "previous" and delta == 0:
        delta = 7
    return pub - dt.timedelta(days=delta)


def find_dates(tokens: list[str], lang: str, pub: dt.date | None,
               tense: str | None = None) -> list[DateMention]:
    """Date expressions among ``tokens`` (the words of one sentence).

    ``tense`` ("past" or "future") orients a month or weekday that has no "scorso"/"prossimo".
    Without a publication date only complete dates (with a year) are returned.
    """
    w = words(lang)
    if w is None:
        return []
    low = [t.lower() for t in tokens]
    found: list[DateMention] = []
    i = 0
    while i < len(low):
        mention = None if _not_a_month(tokens, low, i, w) else _match_at(low, i, w, pub, tense)
        if mention is None:
            i += 1
            continue
        start, end, date, precision = mention
        found.append(DateMention(start, end, date, precision, " ".join(tokens[start:end])))
        i = end
    return found


def _abbreviation(word: str, w: Words) -> bool:
    """"mar", "set", "ago", "feb": a short form of a longer month name of the language."""
    month = w.months[word]
    return any(len(other) > len(word) and n == month for other, n in w.months.items())


def _not_a_month(tokens: list[str], low: list[str], i: int, w: Words) -> bool:
    """A month word that is something else here: "Mar Nero" (a sea), "set" and "ago" (Italian
    words), English "may" and "march" (a modal and a verb, which English writes lower case)."""
    if low[i] not in w.months:
        return False
    if w.capitalised_months and not tokens[i][:1].isupper():
        return True
    if not _abbreviation(low[i], w):
        return False
    before = low[i - 1] if i > 0 else ""
    after = low[i + 1] if i + 1 < len(low) else ""
    return not (_day(before) or _day(after) or _year(after) or after == ".")


def _direction(low: list[str], around: range, w: Words) -> str | None:
    for j in around:
        if 0 <= j < len(low):
            if low[j] in w.previous:
                return "previous"
            if low[j] in w.next:
                return "next"
            if low[j] in w.this:
                return "this"
    return None


def _match_at(low, i, w: Words, pub, tense):
    tok = low[i]
    nxt = low[i + 1] if i + 1 < len(low) else ""

    # ISO and numeric dates: 2023-03-01, 01/03/2023
    m = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", tok)
    if m and (d := _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
        return i, i + 1, d, "day"
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)", tok)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (b, a) if w.months.get("january") else (a, b)   # US order in English
        if (d := _safe(y, month, day)):
            return i, i + 1, d, "day"

    # "1 marzo 2023", "1° marzo", "1 March 2023", "5 de marzo de 2023"
    k = i + 2 if nxt in _DAY_MONTH_LINKS and i + 2 < len(low) and low[i + 2] in w.months else i + 1
    if (day := _day(tok)) and k < len(low) and low[k] in w.months:
        month = w.months[low[k]]
        y = k + 2 if k + 2 < len(low) and low[k + 1] in _DAY_MONTH_LINKS else k + 1
        year = _year(low[y]) if y < len(low) else None
        if year and (d := _safe(year, month, day)):
            return i, y + 1, d, "day"
        if pub:
            base = _month_occurrence(month, pub, None, tense or "past")
            if (d := _safe(base.year, month, day)):
                return i, k + 1, d, "day"

    if tok in w.months:
        month = w.months[tok]
        # "March 1, 2023" / "March 1"
        if (day := _day(nxt)) and not _year(nxt):
            j = i + 2
            if j < len(low) and low[j] == ",":
                j += 1
            year = _year(low[j]) if j < len(low) else None
            if year and (d := _safe(year, month, day)):
                return i, j + 1, d, "day"
            if pub:                                          # "On January 3,"
                base = _month_occurrence(month, pub, None, tense or "past")
                if (d := _safe(base.year, month, day)):
                    return i, i + 2, d, "day"
        # "febbraio 2022", "February of 2022", "settembre del 2021"
        j = i + 1
        if j < len(low) and low[j] in ("del", "of", "de", "von", "do", "di", ","):
            j += 1
        if j < len(low) and (year := _year(low[j])):
            return i, j + 1, dt.date(year, month, 1), "month"
        if pub is None:
            return None
        # "lo scorso settembre", "settembre scorso", "last September", "a dicembre"
        direction = _direction(low, range(i - 2, i + 2), w)
        start = i - 1 if i > 0 and low[i - 1] in (w.previous | w.next | w.this) else i
        end = i + 2 if nxt in (w.previous | w.next) else i + 1
        if direction == "this":
            return start, end, dt.date(pub.year, month, 1), "month"
        return start, end, _month_occurrence(month, pub, direction, tense), "month"

    if tok in w.weekdays and pub is not None:
        direction = _direction(low, range(i - 1, i + 2), w)
        start = i - 1 if i > 0 and low[i - 1] in (w.previous | w.next | w.this) else i
        end = i + 2 if nxt in (w.previous | w.next) else i + 1
        return start, end, _weekday_occurrence(w.weekdays[tok], pub, direction
                                               if direction != "this" else None, tense), "day"

    if pub is not None:
        for phrase, offset in w.days.items():
            if tuple(low[i:i + len(phrase)]) == phrase:
                return i, i + len(phrase), pub + dt.timedelta(days=offset), "day"

    # "due settimane fa", "two weeks ago", "hace dos semanas", "tra tre giorni", "in three days"
    count = w.numbers.get(tok) or (int(tok) if tok.isdigit() and len(tok) <= 3 else None)
    if count and nxt in w.units and pub is not None:
        unit = w.units[nxt]
        before = low[i - 1] if i > 0 else ""
        for phrase in w.ago:
            if tuple(low[i + 2:i + 2 + len(phrase)]) == phrase:           # "due settimane fa"
                return i, i + 2 + len(phrase), _offset(pub, unit, -count), _precision(unit)
            if i >= len(phrase) and tuple(low[i - len(phrase):i]) == phrase:   # "hace tres días"
                return i - len(phrase), i + 2, _offset(pub, unit, -count), _precision(unit)
        if before in w.in_future:
            return i - 1, i + 2, _offset(pub, unit, count), _precision(unit)

    # "la settimana scorsa", "il mese prossimo", "last year", "next month"
    if tok in w.units and pub is not None:
        direction = _direction(low, range(i - 1, i + 2), w)
        if direction in ("previous", "next"):
            start = i - 1 if i > 0 and low[i - 1] in (w.previous | w.next) else i
            end = i + 2 if nxt in (w.previous | w.next) else i + 1
            unit = w.units[tok]
            step = -1 if direction == "previous" else 1
            return start, end, _period(_offset(pub, unit, step), unit), _precision(unit)

    # "all'inizio del 2023", "early 2023", "a metà 2024", "in 2022", "nel 2019"
    if (year := _year(tok)) and i > 0:
        back = low[max(0, i - 3):i]
        part = next((w.parts[t] for t in back if t in w.parts), None)
        if part:
            month = {"early": 1, "mid": 6, "late": 10}[part]
            start = i - len(back) + next(k for k, t in enumerate(back) if t in w.parts)
            return start, i + 1, dt.date(year, month, 1), "month"
        if back and back[-1] in _YEAR_PREPOSITIONS:
            return i, i + 1, dt.date(year, 1, 1), "year"
    return None


_DAY_MONTH_LINKS = {"de", "del"}     # Spanish and Portuguese: "5 de marzo de 2023"
_YEAR_PREPOSITIONS = {"nel", "del", "dal", "al", "in", "of", "since", "until", "entro", "by",
                      "en", "de", "del", "im", "seit", "bis", "em", "no", "desde", "depuis",
                      "dès", "fino"}


def interval_before(tokens: list[str], lang: str, anchor: dt.date,
                    markers: frozenset[str]) -> DateMention | None:
    """A date measured back from ``anchor`` by an interval before one of ``markers`` ("five years
    after crowds burned", "cinque anni dopo che", "cinq ans après que"): the interval's start, at
    its unit's precision; ``start``/``end`` span the words that say it."""
    w = words(lang)
    if w is None:
        return None
    low = [t.lower() for t in tokens]
    for i in range(len(low) - 2):
        count = w.numbers.get(low[i]) or (int(low[i]) if low[i].isdigit() else None)
        unit = w.units.get(low[i + 1])
        if count and unit and low[i + 2] in markers:
            date = _period(_offset(anchor, unit, -count), unit)
            return DateMention(i, i + 3, date, _precision(unit), " ".join(tokens[i:i + 3]))
    return None


def _offset(pub: dt.date, unit: str, count: int) -> dt.date:
    if unit == "day":
        return pub + dt.timedelta(days=count)
    if unit == "week":
        return pub + dt.timedelta(weeks=count)
    if unit == "month":
        return _shift_months(pub, count)
    return _safe(pub.year + count, pub.month, min(pub.day, 28)) or pub


def _period(date: dt.date, unit: str) -> dt.date:
    if unit == "month":
        return date.replace(day=1)
    if unit == "year":
        return date.replace(month=1, day=1)
    if unit == "week":
        return date - dt.timedelta(days=date.weekday())
    return date


def _precision(unit: str) -> Precision:
    return {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
