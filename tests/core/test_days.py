"""One strict reading of the project's days (wizard.core.domain.days) and how documents
and messages write them (i18n.formats): a date that is no real day never prints."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.core.domain.days import day_problem, days_in_month, parse_day
from wizard.core.i18n.formats import PLACEHOLDER, format_clock, format_date, month_name, typed_date


@pytest.mark.parametrize(
    ("typed", "day", "problem"),
    [
        ("2027-03-08", dt.date(2027, 3, 8), None),
        (" 2028-02-29\n", dt.date(2028, 2, 29), None),
        ("", None, None),
        ("2027-02-29", None, "day"),
        ("2027-02-30", None, "day"),
        ("2027-06-31", None, "day"),
        ("2027-04-00", None, "day"),
        ("2027-13-01", None, "month"),
        ("2027-00-10", None, "month"),
        ("0000-01-01", None, "shape"),
        ("8 mars 2027", None, "shape"),
        ("2027/03/08", None, "shape"),
        ("20270308", None, "shape"),  # fromisoformat reads it from Python 3.11 only (K27)
        ("2027-W10-1", None, "shape"),
        ("2027-03-08T00:00", None, "shape"),
        ("٢٠٢٧-٠٣-٠٨", None, "shape"),  # digits of another script: \d would take them
    ],
)
def test_parse_day_is_strict(typed, day, problem):
    assert (parse_day(typed), day_problem(typed)) == (day, problem)


def test_days_in_month():
    assert days_in_month("2027-02-30") == (2027, 2, 28)
    assert days_in_month("2100-02-29") == (2100, 2, 28)
    assert days_in_month("2027-13-01") is None and days_in_month("mars") is None


@pytest.mark.parametrize("typed", ["", "2027-02-30", "8 mars 2027", "20270308", "2027-13-01"])
def test_a_document_prints_the_placeholder_for_a_date_that_is_no_day(typed):
    assert format_date(typed, "fr") == format_date(typed, "en") == PLACEHOLDER
    assert month_name(typed, "en") == PLACEHOLDER


def test_a_document_prints_a_real_day_long():
    """French joins the words of a date with no-break spaces (U+00A0), so that a line never
    ends inside it; English joins its month and day, the year may follow the comma."""
    assert format_date("2027-03-01", "fr") == "1er\u00a0mars\u00a02027"
    assert format_date("2027-05-12", "fr") == "12\u00a0mai\u00a02027"
    assert format_date("2027-03-08", "en") == "March\u00a08, 2027"
    assert month_name("2027-02-01", "fr") == "février\u00a02027"
    assert month_name("2027-02-01", "en") == "February 2027"


@pytest.mark.parametrize(
    ("iso", "text"),
    [
        ("2026-12-07", "December\u00a07, 2026"),  # the break reported: "December" ending a line
        ("2027-02-01", "February\u00a01, 2027"),
        ("2027-05-31", "May\u00a031, 2027"),
        ("2028-02-29", "February\u00a029, 2028"),
    ],
)
def test_an_english_date_keeps_its_month_and_day_together(iso, text):
    assert format_date(iso, "en") == format_date(iso, "en", into="text") == text
    assert typed_date(iso, "en") == text  # a message quotes it as a document writes it
    # the clean twin: a machine output's text (the OCDS award) keeps what it always wrote
    assert format_date(iso, "en", into="data") == text.replace("\u00a0", " ")


@pytest.mark.parametrize("iso", ["2026-12-07", "2027-03-01", "2027-05-12"])
def test_french_dates_are_the_same_in_a_document_and_in_data(iso):
    """French has joined every word of a date from the start, in the OCDS text too."""
    assert format_date(iso, "fr", into="data") == format_date(iso, "fr") == typed_date(iso, "fr")
    assert " " not in format_date(iso, "fr")


def test_a_bad_date_is_the_placeholder_or_quoted_wherever_it_is_written():
    assert format_date("2027-02-30", "en", into="data") == PLACEHOLDER
    assert typed_date("December 7 2026", "en") == "December 7 2026"  # as typed, not rewritten


@pytest.mark.parametrize(
    ("time", "fr", "en"),
    [
        (dt.time(11, 7), "11\u00a0h\u00a007", "11:07\u00a0a.m."),
        (dt.time(9, 5), "9\u00a0h\u00a005", "9:05\u00a0a.m."),  # never CLDR's « 09 h 05 »
        (dt.time(14, 0, 30), "14\u00a0h\u00a000", "2:00\u00a0p.m."),
        (dt.time(0, 0), "0\u00a0h\u00a000", "12:00\u00a0a.m."),
    ],
)
def test_a_time_of_day_never_splits(time, fr, en):
    """One formatter of every time the documents write: no-break spaces in French
    (« 11 h 07 »), and in English before "a.m." where CLDR has a narrow one (U+202F,
    missing from some fonts)."""
    assert (format_clock(time, "fr"), format_clock(time, "en")) == (fr, en)


def test_a_message_quotes_what_was_typed():
    assert typed_date("2027-02-30", "en") == "2027-02-30"
    assert typed_date(" 8 mars\n2027 ", "fr") == "8 mars 2027"  # as typed: not a date
    assert typed_date("2027-03-08", "fr") == "8\u00a0mars\u00a02027"
    assert typed_date("", "en") == PLACEHOLDER
