"""Dates as a reader of each language writes them: «26 қараша 2026 ж.»,
«26 ноября 2026 г.». The month's name is CLDR's (Babel), in the form a date
takes; the order and the abbreviation after the year are the string table's
`edition.date`."""

from __future__ import annotations

import datetime

from babel.dates import get_month_names


def long_date(date: datetime.date, locale: str, t) -> str:
    month = get_month_names("wide", "format", locale)[date.month]
    return t("edition.date").replace("{day}", str(date.day)).replace("{month}", month).replace("{year}", str(date.year))
