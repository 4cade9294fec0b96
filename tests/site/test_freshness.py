"""Freshness on the built pages: every programme and policy page says when its facts were verified."""

from __future__ import annotations

from ..conftest import page_text


def test_pages_show_when_facts_were_verified(built_site, catalog):
    for program in catalog.programs.values():
        assert f"信息核实于 {program.last_verified.isoformat()}" in page_text(built_site, f"programs/{program.id}")
    for policy in catalog.policies.values():
        assert f"信息核实于 {policy.last_verified.isoformat()}" in page_text(built_site, f"policies/{policy.id}")
