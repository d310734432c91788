"""Time-zone names given by people (options, mapping files, notebook parameters), checked once."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from analytics.errors import AnalyticsError, InputDataError

__all__ = ["zone"]


def zone(
    tz: object, *, what: str = "time zone", error: type[AnalyticsError] = InputDataError
) -> ZoneInfo:
    """The IANA zone ``tz``, or ``error`` naming ``what`` was given and what is expected.

    ``what`` says where the name came from (``--tz``, ``[time] timezone`` ...); ``error`` lets a
    loader keep its own error class (a bad mapping file is an ``ExportFormatError``).
    """
    try:
        return ZoneInfo(tz)  # type: ignore[arg-type]
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise error(
            f"{what} {tz!r} is not a time zone name; expected an IANA name such as "
            "'Asia/Jakarta', 'Asia/Makassar' or 'UTC'"
        ) from None
