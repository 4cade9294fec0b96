"""China's working days, and the days a schedule rule names.

Official holiday schedules (with 调休) come from `chinesecalendar`; years it does not know yet are
counted on the statutory holidays from `holidays`, without 调休, and marked estimated.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from generator.source.models import ScheduleRule

WEEKDAY_INDEX = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}


HOLIDAY_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def default_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The current year and the next."""
    return dt.date(today.year, 1, 1), dt.date(today.year + 1, 12, 31)


def nth_weekday(year: int, month: int, weekday: int, week: int) -> dt.date | None:
    """The `week`-th `weekday` (0 = Monday) of the month, or the last one for week -1.

    None when the month has no such day (week 5 in a month with four of them).
    """
    days_in_month = _stdlib_calendar.monthrange(year, month)[1]
    if week == -1:
        last = dt.date(year, month, days_in_month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    if not 1 <= week <= 5:
        raise ValueError(f"week must be 1–5 or -1, not {week}")
    first = dt.date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (week - 1)
    return dt.date(year, month, day) if day <= days_in_month else None


def rule_days(rule: ScheduleRule, start: dt.date, end: dt.date) -> list[tuple[dt.date, ...]]:
    """Each session's exam days, for sessions whose first day lies in [start, end]."""
    found = []
    for year in range(start.year, end.year + 1):
        for month in sorted(rule.months):
            day = nth_weekday(year, month, WEEKDAY_INDEX[rule.weekday], rule.week)
            if day is None or not start <= day <= end:
                continue
            days = (day, day + dt.timedelta(days=1)) if rule.also_next_day else (day,)
            found.append(days)
    return found


@dataclass(frozen=True)
class DayInfo:
    """What the holiday data says about one day."""

    workday: bool
    holiday: str | None = None  # the holiday's Chinese name when the day is a public holiday
    adjusted_workday: str | None = None  # the holiday it makes up for, on a 调休 working weekend day
    estimated: bool = False  # True when the year has no official schedule in chinesecalendar


@lru_cache(maxsize=None)
def official_schedule_published(year: int) -> bool:
    """Whether chinesecalendar has the State Council's holiday schedule for the year."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=None)
def statutory_holidays(year: int) -> dict[dt.date, str]:
    """China's statutory public holidays for a year, from `holidays`, without adjusted days.

    The package also knows some years' 调休 arrangements (its "special" holidays); those are dropped,
    so the count is the plain statutory one.
    """
    import holidays

    country = holidays.China(years=year, observed=False, language="zh_CN")
    special = getattr(country, "special_public_holidays", {}).get(year, ())
    if special and isinstance(special[0], int):  # a single entry is stored unwrapped
        special = (special,)
    special_days = {dt.date(year, entry[0], entry[1]) for entry in special}
    return {day: name for day, name in country.items() if day.year == year and day not in special_days}


@lru_cache(maxsize=None)
def day_info(day: dt.date) -> DayInfo:
    if official_schedule_published(day.year):
        import chinese_calendar

        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        zh = HOLIDAY_ZH.get(name, name) if name else None
        if on_holiday:
            return DayInfo(workday=False, holiday=zh)
        return DayInfo(workday=True, adjusted_workday=zh if day.weekday() >= 5 else None)
    holiday = statutory_holidays(day.year).get(day)
    return DayInfo(workday=day.weekday() < 5 and holiday is None, holiday=holiday, estimated=True)


def shift_working_days(start: dt.date, count: int) -> tuple[dt.date, bool]:
    """The `count`-th working day after `start` (before it when negative), and whether estimated.

    The count starts on the day after the exam: "15 working days after" a Saturday exam is the
    15th working day following it. Estimated when any day counted lies in a year without an
    official schedule.
    """
    step = 1 if count >= 0 else -1
    day, counted, estimated = start, 0, False
    while counted < abs(count):
        day += dt.timedelta(days=step)
        info = day_info(day)
        estimated = estimated or info.estimated
        if info.workday:
            counted += 1
    return day, estimated

