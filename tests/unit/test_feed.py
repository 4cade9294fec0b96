"""The updates feed (/feed.xml): valid Atom, dated only from the data, linked from every page."""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree as ET

import pytest

from generator.publish import feed

from ..conftest import zh_build

A = "{http://www.w3.org/2005/Atom}"
SITE = "https://catalog.example.org/"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def root(catalog) -> ET.Element:
    return ET.fromstring(feed.atom(catalog, SITE).encode("utf-8"))


def test_the_feed_is_valid_atom(root):
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{tag}") is not None, tag
    assert root.find(f"{A}author/{A}name").text
    assert RFC3339.match(root.find(f"{A}updated").text)
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
    assert links == {"self": f"{SITE}feed.xml", "alternate": SITE}
    entries = root.findall(f"{A}entry")
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(ids) == len(set(ids)), "entry ids are unique"
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert (entry.find(f"{A}{tag}").text or "").strip(), tag
        assert RFC3339.match(entry.find(f"{A}updated").text)
        assert entry.find(f"{A}id").text.startswith("tag:")
        link = entry.find(f"{A}link")
        assert link.get("rel") == "alternate" and link.get("href").startswith(SITE)
        published = entry.find(f"{A}published")
        if published is not None:
            assert published.text <= entry.find(f"{A}updated").text


def test_the_feed_covers_policies_and_programmes_newest_first(root, catalog):
    entries = root.findall(f"{A}entry")
    hrefs = {e.find(f"{A}link").get("href") for e in entries}
    assert {f"{SITE}policies/{pid}/" for pid in catalog.policies} <= hrefs
    assert {f"{SITE}programs/{pid}/" for pid in catalog.programs} <= hrefs
    dates = [e.find(f"{A}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert root.find(f"{A}updated").text == dates[0]


def test_entries_are_dated_from_the_data(root, catalog):
    by_link = {e.find(f"{A}link").get("href"): e for e in root.findall(f"{A}entry")}
    policy = catalog.policies["gf-2021-4"]  # issued 2021-02-02, published 2021-02-22
    entry = by_link[f"{SITE}policies/gf-2021-4/"]
    assert entry.find(f"{A}updated").text == "2021-02-22T00:00:00+08:00"
    assert policy.number in entry.find(f"{A}summary").text
    program = catalog.programs["carbon-emission-administrator"]
    entry = by_link[f"{SITE}programs/carbon-emission-administrator/"]
    verified = program.last_verified.isoformat()
    assert entry.find(f"{A}updated").text == f"{verified}T00:00:00+08:00"
    assert entry.find(f"{A}id").text.endswith(f"/{verified}"), "a new verification is a new entry"
    assert "3900" in entry.find(f"{A}summary").text  # the fee as of that verification


def test_partial_dates_become_their_first_day():
    assert feed.timestamp("2022") == "2022-01-01T00:00:00+08:00"
    assert feed.timestamp("2020-09") == "2020-09-01T00:00:00+08:00"
    assert feed.timestamp(dt.date(2026, 11, 21)) == "2026-11-21T00:00:00+08:00"


def test_the_feed_does_not_depend_on_the_build_date(catalog):
    first = feed.files(zh_build(catalog, dt.date(2026, 1, 1), SITE))["feed.xml"]
    second = feed.files(zh_build(catalog, dt.date(2027, 6, 1), SITE))["feed.xml"]
    assert first == second and first.count("<entry>") > 5


