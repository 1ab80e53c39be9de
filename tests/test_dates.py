"""Date expressions (cronaca.time): absolute, relative to the publication date, and words that
look like months but are not."""

from __future__ import annotations

import datetime as dt

import pytest

from cronaca.time.dates import find_dates, interval_before

PUB = dt.date(2023, 3, 1)          # a Wednesday


def one(text: str, lang: str, tense: str = "past", pub: dt.date | None = PUB):
    found = find_dates(text.split(), lang, pub, tense)
    assert len(found) <= 1, found
    return (found[0].date.isoformat(), found[0].precision, found[0].text) if found else None


@pytest.mark.parametrize("text, lang, expected", [
    ("lo scorso settembre", "it", ("2022-09-01", "month", "scorso settembre")),
    ("a dicembre", "it", ("2022-12-01", "month", "dicembre")),
    ("nel febbraio 2022", "it", ("2022-02-01", "month", "febbraio 2022")),
    ("all' inizio del 2023", "it", ("2023-01-01", "month", "inizio del 2023")),
    ("nel 2018", "it", ("2018-01-01", "year", "2018")),
    ("ieri", "it", ("2023-02-28", "day", "ieri")),
    ("tre giorni fa", "it", ("2023-02-26", "day", "tre giorni fa")),
    ("lunedì scorso", "it", ("2023-02-27", "day", "lunedì scorso")),
    ("il mese scorso", "it", ("2023-02-01", "month", "mese scorso")),
    ("il 3 gennaio", "it", ("2023-01-03", "day", "3 gennaio")),
    ("il 3 mar 2022", "it", ("2022-03-03", "day", "3 mar 2022")),
    ("last September", "en", ("2022-09-01", "month", "last September")),
    ("On January 3 ,", "en", ("2023-01-03", "day", "January 3")),
    ("March 1 , 2022", "en", ("2022-03-01", "day", "March 1 , 2022")),
    ("two weeks ago", "en", ("2023-02-15", "day", "two weeks ago")),
    ("last year", "en", ("2022-01-01", "year", "last year")),
])
def test_dates(text, lang, expected):
    assert one(text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("nel Mar Rosso", "it"),                # a sea, not March
    ("sul Mar Nero", "it"),
    ("ha preso un set di misure", "it"),    # "set" is no September here
    ("Russia may attack Moldova", "en"),    # a modal verb
    ("protesters march on parliament", "en"),
])
def test_words_that_are_not_dates(text, lang):
    assert one(text, lang) is None


def test_future_tense_points_forward():
    assert one("a dicembre", "it", tense="future") == ("2023-12-01", "month", "dicembre")


def test_without_publication_date_only_complete_dates():
    assert one("lo scorso settembre", "it", pub=None) is None
    assert one("nel febbraio 2022", "it", pub=None) == ("2022-02-01", "month", "febbraio 2022")


@pytest.mark.parametrize("lang, words, marker, date, precision", [
    ("en", "five years after crowds burned", "after", dt.date(2010, 1, 1), "year"),
    ("it", "tre mesi dopo che", "dopo", dt.date(2015, 5, 1), "month"),
    ("es", "cinco días después de", "después", dt.date(2015, 7, 31), "day"),
    ("fr", "10 ans après que", "après", dt.date(2005, 1, 1), "year"),
])
def test_an_interval_before_a_marker_counts_back_from_its_anchor(lang, words, marker, date,
                                                                 precision):
    found = interval_before(words.split(), lang, dt.date(2015, 8, 5), frozenset({marker}))
    assert (found.date, found.precision, found.start, found.end) == (date, precision, 0, 3)


def test_no_interval_without_its_marker():
    assert interval_before("five years later".split(), "en", dt.date(2015, 8, 5),
                           frozenset({"after"})) is None
