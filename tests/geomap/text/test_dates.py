"""Tests of geomap.text._dates: date expressions in news text, resolved against the publication date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from geomap.text import _dates as dates
from geomap.text._dates import DateMention, find_dates, resolve_date
from geomap.text._datelines import find_publication_date

MON = dt.date(2023, 3, 20)  # a Monday
SUN = dt.date(2023, 3, 19)  # a Sunday
NEW_YEAR = dt.date(2023, 1, 1)  # a Sunday: year roll-back
LEAP = dt.date(2024, 2, 29)  # a Thursday of a leap year

# (text, published, [(mention text, date, time_precision, kind), ...])
CASES = [
    # absolute days
    ("Two soldiers died on Feb. 20.", MON, [("Feb. 20", "2023-02-20", 1, "absolute")]),
    ("Shelling on February 20 hit Stepanakert.", MON, [("February 20", "2023-02-20", 1, "absolute")]),
    ("Shelling on 20 February hit the village.", MON, [("20 February", "2023-02-20", 1, "absolute")]),
    ("Protests began on the 20th of February.", MON, [("the 20th of February", "2023-02-20", 1, "absolute")]),
    ("The talks of 20 March 2023 failed.", MON, [("20 March 2023", "2023-03-20", 1, "absolute")]),
    ("The talks of March 20, 2023 failed.", MON, [("March 20, 2023", "2023-03-20", 1, "absolute")]),
    ("MARCH 20, 2023 was calm.", MON, [("MARCH 20, 2023", "2023-03-20", 1, "absolute")]),
    ("Report dated 2023-03-20.", MON, [("2023-03-20", "2023-03-20", 1, "absolute")]),
    ("Report dated 20/03/2023.", MON, [("20/03/2023", "2023-03-20", 1, "absolute")]),
    ("Report dated 03/20/2023.", MON, [("03/20/2023", "2023-03-20", 1, "absolute")]),
    ("Report dated 03/04/2023.", MON, []),  # day-month or month-day: unknowable
    ("Report dated 20.03.2023.", MON, [("20.03.2023", "2023-03-20", 1, "absolute")]),
    ("Sept. 5 saw heavy fighting.", MON, [("Sept. 5", "2022-09-05", 1, "absolute")]),
    ("On Jan 20 a mine exploded.", MON, [("Jan 20", "2023-01-20", 1, "absolute")]),
    ("On March 21 a mine exploded.", MON, [("March 21", "2022-03-21", 1, "absolute")]),  # after publication
    ("On Feb. 20 a mine exploded.", NEW_YEAR, [("Feb. 20", "2022-02-20", 1, "absolute")]),
    ("On December 31 a mine exploded.", NEW_YEAR, [("December 31", "2022-12-31", 1, "absolute")]),
    ("On January 1 a mine exploded.", NEW_YEAR, [("January 1", "2023-01-01", 1, "absolute")]),
    ("On Oct. 7 a mine exploded.", NEW_YEAR, [("Oct. 7", "2022-10-07", 1, "absolute")]),
    ("On Feb. 29 a mine exploded.", LEAP, [("Feb. 29", "2024-02-29", 1, "absolute")]),
    ("On Feb. 29 a mine exploded.", MON, []),  # 2023-02-29 does not exist
    ("On Monday, March 20, 2023, talks began.", MON, [("Monday, March 20, 2023", "2023-03-20", 1, "absolute")]),
    # impossible dates are skipped
    ("On February 30 nothing happened.", MON, []),
    ("On February 29, 2023 nothing happened.", MON, []),
    ("Serial 2023-13-45 is not a date.", MON, []),
    ("Serial 45/13/2023 is not a date.", MON, []),
    # ranges
    ("Fighting on 20-22 March killed six.", MON, [("20-22 March", "2023-03-20", 2, "range")]),
    ("Fighting on March 20\u201322, 2023 killed six.", MON, [("March 20\u201322, 2023", "2023-03-20", 2, "range")]),
    ("Fighting on 3-25 February killed six.", MON, [("3-25 February", "2023-02-03", 3, "range")]),
    # weekdays, resolved backwards
    ("Russia on Monday accused the West.", MON, [("Monday", "2023-03-20", 1, "relative")]),
    ("Azerbaijan said Sunday that a soldier died.", MON, [("Sunday", "2023-03-19", 1, "relative")]),
    ("The attack on Tuesday killed two.", MON, [("Tuesday", "2023-03-14", 1, "relative")]),
    ("Monday's attack killed two.", MON, [("Monday", "2023-03-20", 1, "relative")]),
    ("The attack last Monday killed two.", MON, [("last Monday", "2023-03-13", 1, "relative")]),
    ("The attack last Friday killed two.", MON, [("last Friday", "2023-03-17", 1, "relative")]),
    ("The attack on Sunday killed two.", SUN, [("Sunday", "2023-03-19", 1, "relative")]),
    ("The attack on Monday killed two.", SUN, [("Monday", "2023-03-13", 1, "relative")]),
    ("The attack last Sunday killed two.", SUN, [("last Sunday", "2023-03-12", 1, "relative")]),
    ("The attack on Friday killed two.", NEW_YEAR, [("Friday", "2022-12-30", 1, "relative")]),
    ("The attack on Wednesday killed two.", LEAP, [("Wednesday", "2024-02-28", 1, "relative")]),
    ("Talks resume next Friday.", MON, [("next Friday", "2023-03-24", 1, "future")]),
    ("Sales on Black Friday and on Mondays.", MON, []),
    # days relative to publication
    ("A drone struck today.", MON, [("today", "2023-03-20", 1, "relative")]),
    ("A drone struck tonight.", MON, [("tonight", "2023-03-20", 1, "relative")]),
    ("A drone struck this morning.", MON, [("this morning", "2023-03-20", 1, "relative")]),
    ("Yesterday a drone struck.", MON, [("Yesterday", "2023-03-19", 1, "relative")]),
    ("A drone struck last night.", MON, [("last night", "2023-03-19", 1, "relative")]),
    ("A drone struck yesterday.", NEW_YEAR, [("yesterday", "2022-12-31", 1, "relative")]),
    ("A drone struck yesterday.", LEAP, [("yesterday", "2024-02-28", 1, "relative")]),
    ("A drone struck the day before yesterday.", MON, [("the day before yesterday", "2023-03-18", 1, "relative")]),
    ("Talks resume tomorrow.", MON, [("tomorrow", "2023-03-21", 1, "future")]),
    ("A drone struck two days ago.", MON, [("two days ago", "2023-03-18", 1, "relative")]),
    ("A drone struck 10 days ago.", MON, [("10 days ago", "2023-03-10", 1, "relative")]),
    ("A drone struck five days ago.", NEW_YEAR, [("five days ago", "2022-12-27", 1, "relative")]),
    # weeks
    ("Clashes last week left three dead.", MON, [("last week", "2023-03-13", 2, "relative")]),
    ("Clashes last week left three dead.", SUN, [("last week", "2023-03-06", 2, "relative")]),
    ("Clashes late last week left three dead.", MON, [("late last week", "2023-03-13", 2, "relative")]),
    ("Clashes this week left three dead.", MON, [("this week", "2023-03-20", 2, "relative")]),
    ("Clashes earlier this week left three dead.", SUN, [("earlier this week", "2023-03-13", 2, "relative")]),
    ("Clashes over the past week left three dead.", MON, [("the past week", "2023-03-14", 2, "relative")]),
    ("Clashes three weeks ago left three dead.", MON, [("three weeks ago", "2023-02-27", 2, "relative")]),
    ("Clashes over the weekend left three dead.", MON, [("over the weekend", "2023-03-18", 2, "relative")]),
    ("Clashes last weekend left three dead.", SUN, [("last weekend", "2023-03-11", 2, "relative")]),
    ("Talks resume next week.", MON, [("next week", "2023-03-27", 2, "future")]),
    ("Talks resume this weekend.", MON, [("this weekend", "2023-03-25", 2, "future")]),
    # months
    ("Shootouts in October killed dozens.", MON, [("October", "2022-10-01", 3, "month")]),
    ("Shootouts in March killed dozens.", MON, [("March", "2023-03-01", 3, "month")]),
    ("Shootouts in May killed dozens.", MON, [("May", "2022-05-01", 3, "month")]),
    ("Shootouts in December 2022 killed dozens.", MON, [("December 2022", "2022-12-01", 3, "month")]),
    ("Shootouts in Dec. 2022 killed dozens.", MON, [("Dec. 2022", "2022-12-01", 3, "month")]),
    ("Shootouts in December killed dozens.", NEW_YEAR, [("December", "2022-12-01", 3, "month")]),
    ("Violence flared in early March.", MON, [("early March", "2023-03-01", 3, "month")]),
    ("Violence flared in mid-March.", MON, [("mid-March", "2023-03-11", 3, "month")]),
    ("Violence flared in late March.", MON, [("late March", "2022-03-21", 3, "month")]),
    ("Violence flared in late February.", MON, [("late February", "2023-02-21", 3, "month")]),
    ("Violence flared at the end of February.", MON, [("the end of February", "2023-02-21", 3, "month")]),
    ("Violence flared last month.", MON, [("last month", "2023-02-01", 3, "relative")]),
    ("Violence flared last month.", NEW_YEAR, [("last month", "2022-12-01", 3, "relative")]),
    ("Violence flared earlier this month.", MON, [("earlier this month", "2023-03-01", 3, "relative")]),
    ("Violence flared a month ago.", MON, [("a month ago", "2023-02-01", 3, "relative")]),
    ("Violence flared two months ago.", NEW_YEAR, [("two months ago", "2022-11-01", 3, "relative")]),
    ("Elections are due next month.", MON, [("next month", "2023-04-01", 3, "future")]),
    ("The road has been blocked since December.", MON, [("since December", "2022-12-01", 3, "range_start")]),
    ("Talks held since Monday stalled.", SUN, [("since Monday", "2023-03-13", 1, "range_start")]),
    # future dates with a year
    ("Talks are set for April 5, 2023.", MON, [("April 5, 2023", "2023-04-05", 1, "future")]),
    ("Talks are set for 05/05/2023.", MON, [("05/05/2023", "2023-05-05", 1, "future")]),
    # not emitted
    ("The 44-day war in 2020 ended.", MON, []),
    ("Trade fell last year.", MON, []),
    ("A few days ago a shell landed.", MON, []),
    ("May God protect them, they may return.", MON, []),
    ("March organisers joined a march in Yerevan.", MON, []),
    ("Jan Kowalski flew to Marseille.", MON, []),
    ("The monthslong blockade of the road continued.", MON, []),
    ("", MON, []),
    # without a publication date, only dates with their year
    ("On Monday and on Feb. 20 and yesterday.", None, []),
    ("Talks of 20 March 2023 and December 2022.", None,
     [("20 March 2023", "2023-03-20", 1, "absolute"), ("December 2022", "2022-12-01", 3, "month")]),
    ("Blocked since December 2022.", None, [("since December 2022", "2022-12-01", 3, "range_start")]),
    # several in one text
    ("On Monday, Baku said a soldier died on Saturday; a truce of Nov. 10, 2020 was broken in October.", MON,
     [("Monday", "2023-03-20", 1, "relative"), ("Saturday", "2023-03-18", 1, "relative"),
      ("Nov. 10, 2020", "2020-11-10", 1, "absolute"), ("October", "2022-10-01", 3, "month")]),
]


def _summary(mention: DateMention) -> tuple[str, str, int, str]:
    return mention.text, mention.date.isoformat(), mention.time_precision, mention.kind


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[f"{i}-{c[0][:30]}" for i, c in enumerate(CASES)])
def test_find_dates(text: str, published: dt.date | None, expected: list[tuple[str, str, int, str]]) -> None:
    mentions = find_dates(text, published)
    assert [_summary(m) for m in mentions] == expected
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
        assert mention.date == mention.low
        assert mention.high is None or mention.low <= mention.high
        assert mention.time_precision in (1, 2, 3)


def test_case_count() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    ("text", "published", "low", "high"),
    [
        ("in October", MON, "2022-10-01", "2022-10-31"),
        ("in early March", MON, "2023-03-01", "2023-03-10"),
        ("in mid-April", MON, "2022-04-11", "2022-04-20"),
        ("late February", LEAP, "2024-02-21", "2024-02-29"),
        ("late April", MON, "2022-04-21", "2022-04-30"),
        ("last week", MON, "2023-03-13", "2023-03-19"),
        ("earlier this week", MON, "2023-03-20", "2023-03-20"),
        ("earlier this month", MON, "2023-03-01", "2023-03-20"),
        ("last month", LEAP, "2024-01-01", "2024-01-31"),
        ("since December", MON, "2022-12-01", "2023-03-20"),
        ("20-22 March", MON, "2023-03-20", "2023-03-22"),
        ("over the weekend", SUN, "2023-03-18", "2023-03-19"),
        ("later this week", MON, "2023-03-21", "2023-03-26"),
    ],
)
def test_interval(text: str, published: dt.date, low: str, high: str) -> None:
    mention = resolve_date(text, published)
    assert mention is not None
    assert (mention.low, mention.high) == (dt.date.fromisoformat(low), dt.date.fromisoformat(high))


def test_since_without_publication_has_open_end() -> None:
    [mention] = find_dates("since December 2022", None)
    assert (mention.low, mention.high) == (dt.date(2022, 12, 1), None)


def test_month_precision_date_keeps_the_month() -> None:
    for text in ("in December", "early December", "late December", "last month"):
        mention = resolve_date(text, dt.date(2023, 1, 15))
        assert mention is not None and mention.time_precision == 3
        assert mention.date.strftime("%Y-%m") == "2022-12"


def test_resolve_date() -> None:
    mention = resolve_date("last Monday", MON)
    assert mention is not None
    assert (mention.start, mention.end, mention.date) == (0, 11, dt.date(2023, 3, 13))
    assert resolve_date("in 2020", MON) is None
    assert resolve_date("", MON) is None
    assert resolve_date("on Monday", None) is None


def test_datetime_publication_is_reduced_to_its_date() -> None:
    [mention] = find_dates("yesterday", dt.datetime(2023, 3, 20, 23, 30))
    assert mention.date == dt.date(2023, 3, 19) and type(mention.date) is dt.date


@pytest.mark.parametrize("bad", [b"20 March 2023", None, 42, ["today"]])
def test_text_must_be_str(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        find_dates(bad, MON)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be str"):
        find_publication_date(bad)  # type: ignore[arg-type]


def test_published_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="published"):
        find_dates("today", "2023-03-20")  # type: ignore[arg-type]


def test_mention_is_frozen() -> None:
    [mention] = find_dates("today", MON)
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.text = "x"  # type: ignore[misc]
    assert not hasattr(mention, "__dict__")


def test_large_text() -> None:
    sentence = "Shelling hit the village on Monday, 20 March 2023, and again yesterday, officials said. "
    text = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    mentions = find_dates(text, MON)
    assert len(mentions) >= 2 * (1_000_000 // len(sentence))
    assert all(text[m.start:m.end] == m.text for m in mentions[-5:])
    assert {m.kind for m in mentions} == {"absolute", "relative"}


def test_garbage_never_raises() -> None:
    text = "99/99/9999 31.02.2023 2023-02-31 0 March 32 May 00/00/2000 March 0, 2023 -1 days ago 999 days ago " * 20
    mentions = find_dates(text, MON)
    assert all(text[m.start:m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ministers meet in Moscow, Russia, April 3, 2023. (EPA Photo)\n\nThe talks went on.", "2023-04-03"),
        ("YEREVAN, April 3, 2023 (Reuters) - Armenia said on Monday ...", "2023-04-03"),
        ("BAKU, 3 April 2023 \u2013 Azerbaijan said ...", "2023-04-03"),
        ("Published: 3 April 2023\nArmenia said ...", "2023-04-03"),
        ("Posted on 2023-04-03 by staff\nArmenia said ...", "2023-04-03"),
        ("Title\n03.04.2023\nArmenia said ...", "2023-04-03"),
        ("Title\nMonday, 3 April 2023 10:45\nArmenia said ...", "2023-04-03"),
        ("Updated April 4, 2023\nArmenia said ...", "2023-04-04"),
        ("Updated April 4, 2023\nPublished April 3, 2023\nArmenia said ...", "2023-04-03"),
        ("YEREVAN, April 3 (Reuters) - Armenia said ...", None),  # no year
        ("Armenia said the war ended on 10 November 2020 with a truce.", None),  # not a dateline
        ("Published: 31 February 2023\nArmenia said ...", None),
        ("x" * 1000 + "\nPublished: 3 April 2023", None),  # too far down
        ("", None),
    ],
)
def test_find_publication_date(text: str, expected: str | None) -> None:
    result = find_publication_date(text)
    assert result == (None if expected is None else dt.date.fromisoformat(expected))


def test_all_is_sorted_and_public() -> None:
    assert dates.__all__ == sorted(dates.__all__)
    public = {name for name in vars(dates) if not name.startswith("_") and callable(getattr(dates, name))
              and getattr(getattr(dates, name), "__module__", "") == dates.__name__}
    assert public == set(dates.__all__)
