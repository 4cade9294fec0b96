"""The real catalogue has the programmes and bodies whose ids are fixed (published URLs)."""

from __future__ import annotations

from ..conftest import FIXED_BODY_IDS, FIXED_PROGRAM_IDS


def test_fixed_ids_exist(catalog):
    assert FIXED_PROGRAM_IDS <= set(catalog.programs)
    assert FIXED_BODY_IDS <= set(catalog.bodies)
    specialties = catalog.specialties["ceca-carbon-reduction"]
    assert len(specialties) >= 9 and all(s.startswith("ceca-") for s in specialties)
