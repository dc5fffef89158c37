"""Calendar arithmetic and TimeML value strings: shifting dates by units, formatting a date at a
granularity, and turning a value back into the interval it denotes (for OWL-Time in the graph)."""
from __future__ import annotations

import datetime as dt
import re

# Granularities are TimeML unit letters: D day, W week, M month, Q quarter, H half, Y year,
# DE decade, CE century, WE weekend.
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTDAY_HOURS = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 24), "NI": (21, 30), "DT": (9, 17)}


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, the day clipped to the target month's length."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    m += 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (D, W, WE, M, Q, H, Y, DE, CE)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift by unit {unit!r}")
    return add_months(d, months * n)


def fmt(d: dt.date, gran: str) -> str:
    """The TimeML value of the ``gran``-sized period containing ``d``."""
    if gran == "D":
        return d.isoformat()
    if gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "Y":
        return f"{d.year:04d}"
    if gran in ("W", "WE"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if gran == "DE":
        return f"{d.year // 10:03d}"
    if gran == "CE":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown granularity {gran!r}")


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?:(?P<hh>\d\d)(?::(?P<mm>\d\d))?|(?P<pd>MO|AF|EV|NI|DT)))?)?"
    r"|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
    r"|^(?P<dec>\d{3})$|^(?P<cen>\d{2})$"
)


def interval(value: str) -> tuple[str, str] | None:
    """The [begin, until) interval that a fully specified DATE/TIME value denotes, else None.

    Days, months, years and coarser give ISO dates; clock times and parts of day give ISO
    datetimes. Underspecified (``XXXX``) and ``*_REF`` values denote no fixed interval.
    """
    m = _VALUE.match(value)
    if not m:
        return None
    g = m.groupdict()
    if g["dec"]:
        y = int(g["dec"]) * 10
        return f"{y:04d}-01-01", f"{y + 10:04d}-01-01"
    if g["cen"]:
        y = int(g["cen"]) * 100
        return f"{y:04d}-01-01", f"{y + 100:04d}-01-01"
    y = int(g["y"])
    try:
        if g["d"]:
            day = dt.date(y, int(g["m"]), int(g["d"]))
            if g["hh"]:
                start = dt.datetime(day.year, day.month, day.day) + dt.timedelta(hours=int(g["hh"]), minutes=int(g["mm"] or 0))
                end = start + (dt.timedelta(minutes=1) if g["mm"] else dt.timedelta(hours=1))
                return start.isoformat(timespec="minutes"), end.isoformat(timespec="minutes")
            if g["pd"]:
                h0, h1 = PARTDAY_HOURS[g["pd"]]
                base = dt.datetime(day.year, day.month, day.day)
                return ((base + dt.timedelta(hours=h0)).isoformat(timespec="minutes"),
                        (base + dt.timedelta(hours=h1)).isoformat(timespec="minutes"))
            return day.isoformat(), (day + dt.timedelta(days=1)).isoformat()
        if g["m"]:
            start = dt.date(y, int(g["m"]), 1)
            return start.isoformat(), add_months(start, 1).isoformat()
        if g["w"]:
            monday = dt.date.fromisocalendar(y, int(g["w"]), 1)
            if g["we"]:
                return (monday + dt.timedelta(days=5)).isoformat(), (monday + dt.timedelta(days=7)).isoformat()
            return monday.isoformat(), (monday + dt.timedelta(days=7)).isoformat()
        if g["q"]:
            start = dt.date(y, 3 * int(g["q"]) - 2, 1)
            return start.isoformat(), add_months(start, 3).isoformat()
        if g["h"]:
            start = dt.date(y, 6 * int(g["h"]) - 5, 1)
            return start.isoformat(), add_months(start, 6).isoformat()
        if g["s"]:
            start = dt.date(y, SEASON_MONTHS[g["s"]], 1)
            return start.isoformat(), add_months(start, 3).isoformat()
    except ValueError:  # e.g. February 30: the text names no real day
        return None
    return f"{y:04d}-01-01", f"{y + 1:04d}-01-01"

