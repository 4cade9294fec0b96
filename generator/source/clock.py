"""The build's idea of today: fixed by SOURCE_DATE_EPOCH, so builds are reproducible."""

from __future__ import annotations

import datetime as dt
import os


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def strict_freshness() -> bool:
    """CI is strict: a passed review date fails the build there, and only warns elsewhere."""
    return os.environ.get("CATALOG_STRICT", os.environ.get("CI", "")).lower() in {"1", "true", "yes"}
