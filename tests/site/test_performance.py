"""Large catalogues: the features' files made on forked workers are the serial ones (a full generation
of the real catalogue, twice)."""

from __future__ import annotations

import datetime as dt

from generator import site

from ..conftest import every_worker_forked, ran_in_workers, zh_build


def test_parallel_site_files_are_the_serial_ones(catalog, monkeypatch, tmp_path):
    today = dt.date(2026, 11, 21)
    serial = site.edition_files(zh_build(catalog, today, "http://localhost:8000/"))
    log = every_worker_forked(monkeypatch, tmp_path)
    forked = site.edition_files(zh_build(catalog, today, "http://localhost:8000/"))
    assert forked == serial and "programs/carbon-asset-manager.md" in forked
    assert ran_in_workers(log)
