from __future__ import annotations

from datetime import date

import pytest

from compare.dates import find_dates, weekday_name

FRIDAY = date(2023, 9, 1)


def resolved(
    text: str, published: date | None = FRIDAY, year_from: date | None = None
) -> list[tuple[str, str, object]]:
    return [(m.text, m.precision, m.resolved) for m in find_dates(text, published, year_from)]


def test_weekday_is_the_most_recent_one_on_or_before_publication() -> None:
    assert resolved("It happened on Wednesday.") == [("Wednesday", "weekday", date(2023, 8, 30))]
    assert resolved("It happened on Friday.") == [("Friday", "weekday", FRIDAY)]
    assert resolved("It happened on Saturday.") == [("Saturday", "weekday", date(2023, 8, 26))]


def test_month_day_forms_take_the_publication_year() -> None:
    assert resolved("on Aug. 31")[0][2] == date(2023, 8, 31)
    assert resolved("on 25 August")[0][2] == date(2023, 8, 25)
    assert resolved("on September 3rd, 2021")[0][2] == date(2021, 9, 3)
    assert resolved("on 2022-01-05")[0][2] == date(2022, 1, 5)
    assert resolved("on Dec. 30", published=date(2024, 1, 2))[0][2] == date(2023, 12, 30)


def test_without_a_publication_date_only_explicit_years_resolve() -> None:
    assert resolved("on Wednesday, Aug. 31", published=None) == [
        ("Wednesday", "weekday", None),
        ("Aug. 31", "day", None),
    ]
    assert resolved("on Aug. 31", published=None, year_from=FRIDAY)[0][2] == date(2023, 8, 31)
    assert resolved("on Wednesday", published=None, year_from=FRIDAY)[0][2] is None


def test_relative_phrases() -> None:
    assert resolved("Raids stepped up in recent days.") == [("in recent days", "relative", None)]
    assert resolved("He left yesterday.") == [("yesterday", "relative", date(2023, 8, 31))]
    assert resolved("An invalid Feb. 30 date.") == [("Feb. 30", "day", None)]


def test_weekday_name() -> None:
    assert weekday_name(date(2023, 8, 31)) == "Thursday"


def test_months_and_years_without_a_day() -> None:
    mentions = find_dates("In March, sales fell; since May 2021 and in 1998 they grew. It rose in June.", FRIDAY)
    assert [(m.text, m.precision, m.value) for m in mentions] == [
        ("March", "month", "2023-03"),
        ("May 2021", "month", "2021-05"),
        ("1998", "year", "1998"),
        ("June", "month", "2023-06"),
    ]
    # The nearest such month: in January, "in November" is the one just past.
    assert find_dates("It began in November.", date(2024, 1, 10))[0].value == "2023-11"


def test_modal_may_counts_and_bare_numbers_are_not_dates() -> None:
    assert find_dates("Prices may rise, May Smith said, with 2019 votes and 1,998 others.", FRIDAY) == []


def test_a_date_without_a_year_is_the_nearest_at_most_four_months_ahead() -> None:
    march_14 = date(2025, 3, 14)
    assert find_dates("A hearing is scheduled for April 8.", march_14)[0].resolved == date(2025, 4, 8)
    assert find_dates("It began on Nov. 5.", date(2025, 1, 10))[0].resolved == date(2024, 11, 5)
    assert find_dates("Talks resume on Jan. 3.", date(2024, 12, 28))[0].resolved == date(2025, 1, 3)
    assert find_dates("The quake struck on Feb. 10.", date(2023, 9, 1))[0].resolved == date(2023, 2, 10)


def test_quarters_halves_and_compared_years() -> None:
    text = "Listing is set for the first quarter of 2026, after a weak second half and Q3 2025, compared with 2023."
    assert [(m.text, m.precision, m.value) for m in find_dates(text, FRIDAY)] == [
        ("first quarter of 2026", "quarter", "2026-Q1"),
        ("second half", "quarter", "H2"),
        ("Q3 2025", "quarter", "2025-Q3"),
        ("2023", "year", "2023"),
    ]


def test_a_year_something_is_moved_to() -> None:
    found = [(m.text, m.value) for m in find_dates("The opening was pushed back to 2028.", FRIDAY)]
    assert found == [("2028", "2028")]
    assert find_dates("Sales rose to 2028 units.", FRIDAY) == []
    assert find_dates("The firm cut back to 2000 workers.", FRIDAY) == []


def test_feb_29_keeps_its_leap_year_and_words_are_no_months() -> None:
    assert find_dates("It is set for Feb. 29.", date(2024, 12, 1))[0].resolved == date(2024, 2, 29)
    assert find_dates("It is set for Feb. 28.", date(2024, 12, 1))[0].resolved == date(2025, 2, 28)
    assert find_dates("The ship docked in Marseille; the Mayor met May Wong in Decatur.", FRIDAY) == []


def test_a_day_without_a_year_keeps_its_month_and_day() -> None:
    assert [m.value for m in find_dates("On November 11, Nov. 11 and 11 November.", None)] == ["--11-11"] * 3


def test_times_of_day_on_a_24_hour_clock() -> None:
    text = "It struck at 3 p.m., or 15:00, before 10:30 a.m. and by noon; the odds were 2:1."
    assert [(m.text, m.value) for m in find_dates(text, None)] == [
        ("3 p.m.", "T15:00"),
        ("15:00", "T15:00"),
        ("10:30 a.m.", "T10:30"),
        ("noon", "T12:00"),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Rain is likely through Saturday.", 17),
        ("The road stays shut until Saturday.", 17),
        ("They will meet on Saturday.", 17),
        ("Schools will stay closed, officials said, until Saturday.", 17),
        ("The board will decide how to proceed on Saturday.", 17),
        ("They met on Saturday.", 10),
        ("Schools were shut until Saturday.", 10),
        ("Voting ran through Saturday.", 10),
        ("Police will investigate what happened on Saturday.", 10),
        ("Gusts of up to 45 mph could persist through Saturday.", 17),
        ("Residents could not return until Saturday.", 10),
    ],
)
def test_a_weekday_after_through_until_or_will_is_the_coming_one(text: str, day: int) -> None:
    # Published on Thursday 2024-08-15: the coming Saturday is the 17th, the last one the 10th.
    assert [d.resolved for d in find_dates(text, date(2024, 8, 15))] == [date(2024, 8, day)]
