"""The real catalogue, built strictly: every page is there, and the sources' facts reach it."""

from __future__ import annotations

import re

import pytest


from ..conftest import folded, page_text


def test_fixed_ids_exist(catalog):
    assert FIXED_PROGRAM_IDS <= set(catalog.programs)
    assert FIXED_BODY_IDS <= set(catalog.bodies)
    specialties = catalog.specialties["ceca-carbon-reduction"]
    assert len(specialties) >= 9 and all(s.startswith("ceca-") for s in specialties)
