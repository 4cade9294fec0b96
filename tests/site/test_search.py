"""Search: Material's index, segmented by jieba with our domain dictionary, answers real queries."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import jieba
import pytest
from lunr import lunr

from ..conftest import ROOT

_TAGS = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def search_index(built_site):
    return json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))


def test_the_chinese_index_holds_chinese_and_english_words(search_index, catalog):
    """Programme pages show both names, so the Chinese edition's index has both, as words."""
    tokens = _tokens(search_index)
    for program in catalog.programs.values():
        assert program.name.zh in tokens, program.id
        assert set(program.name.en.split()) <= tokens, program.id


def test_jieba_segmented_the_index(search_index):
    """Material inserts zero-width spaces between jieba's tokens; without jieba there are none."""
    assert sum("\u200b" in doc["text"] for doc in search_index["docs"]) > 50


def _tokens(search_index) -> set[str]:
    separator = re.compile(search_index["config"]["separator"])
    words: set[str] = set()
    for doc in search_index["docs"]:
        words.update(separator.split(_TAGS.sub(" ", doc["title"] + " " + doc["text"])))
    return words


@pytest.mark.parametrize("term", ["碳资产管理师", "碳汇计量评估师", "碳排放管理员", "碳排放权", "中国节能协会"])
def test_domain_terms_are_single_tokens(search_index, term):
    assert term in _tokens(search_index)


@lru_cache(maxsize=1)
def _index_and_separator():
    index = json.loads((_site_dir() / "search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    # Like Material's search worker: the index's own fields and boosts, and each page's boost.
    fields = [dict(field_name=name, boost=spec["boost"]) for name, spec in index["config"]["fields"].items()]
    docs = [
        ({"location": d["location"], **{f["field_name"]: _plain(_field(d, f["field_name"]), separator) for f in fields}},
         {"boost": d.get("boost", 1)})
        for d in index["docs"]
    ]
    return lunr(ref="location", fields=fields, documents=docs), separator


def _field(doc: dict, name: str) -> str:
    value = doc.get(name, "")
    return " ".join(value) if isinstance(value, list) else value


def _plain(text: str, separator) -> str:
    return " ".join(t for t in separator.split(_TAGS.sub(" ", text)) if t)


_SITE: list = []


def _site_dir():
    return _SITE[0]


def search(built_site, query: str) -> list[str]:
    _SITE[:] = [built_site]
    idx, separator = _index_and_separator()
    jieba.load_userdict(str(ROOT / ".cache/catalog/jieba_user_dict.txt"))
    terms = [t for part in separator.split(query) for t in jieba.cut(part) if re.match(r"\w", t)]
    hits = idx.search(" ".join(terms))
    return [hit["ref"].split("#")[0] for hit in hits]


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        ("碳资产管理师", "programs/carbon-asset-manager/"),
        ("碳汇计量评估师", "programs/carbon-sink-evaluator/"),
        ("碳排放管理员", "programs/carbon-emission-administrator/"),
        ("4-09-07-04", "programs/carbon-emission-administrator/"),
        ("国发〔2021〕23号", "policies/gf-2021-23/"),
        ("国务院令第775号", "policies/decree-775/"),
        ("Carbon Emission Administrator", "programs/carbon-emission-administrator/"),
        ("Carbon Sink Measurement Evaluator", "programs/carbon-sink-evaluator/"),
    ],
)
def test_real_queries_rank_the_right_page_first(built_site, query, expected_page):
    results = search(built_site, query)
    assert results, f"no results for {query}"
    assert results[0] == expected_page, results[:5]


def test_knowledge_points_are_entries_at_their_own_anchor(search_index, built_site):
    """A point is its own search entry, landing on the point's <li id> (not on its topic's heading)."""
    entry = next(d for d in search_index["docs"] if d["location"].endswith("#species-supply-potential-1"))
    assert entry["location"] == "syllabi/carbon-sink-evaluator/intermediate/#species-supply-potential-1"
    assert "杉木" in entry["title"]
    html = (built_site / "syllabi/carbon-sink-evaluator/intermediate/index.html").read_text(encoding="utf-8")
    assert re.search(r'<li [^>]*\bid="species-supply-potential-1"', html)


def test_a_policy_page_carries_its_own_number_as_one_token(search_index):
    """The token the browser's query rewriting makes of 中节协〔2024〕3号, however typed (features/search.py)."""
    own = next(d for d in search_index["docs"] if d["location"] == "policies/ceca-2024-3/")
    assert own["number"] == "docno4e2d8282534fy2024n3"
    assert search_index["config"]["catalog_query"]["synonyms"]["大专"] == ["专科"]


def test_a_section_kept_out_of_the_index_is_found_by_its_heading(search_index):
    entry = next(d for d in search_index["docs"] if d["location"] == "programs/carbon-asset-manager/#registration")
    assert entry["text"] == "" and "报名材料" in entry["title"].replace("\u200b", "")
    assert entry["page"].replace("\u200b", "") == "碳资产管理师"
