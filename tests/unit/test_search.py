"""Search data: document numbers however typed, synonyms as data, knowledge points' permanent anchors."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator import load_catalog
from generator.cli import main
from generator.features.search import number_prefixes, number_token, number_tokens, query_settings
from generator.publish import opendata, permalinks

from ..conftest import edit, register, zh_build

SYNONYMS = "content/synonyms.yaml"
SYLLABUS = "syllabi/test-program.yaml"


@pytest.mark.parametrize("typed", ["中节协〔2024〕3号", "中节协[2024]3号", "中节协［2024］3号", "中节协（2024）3号",
                                   "中节协(2024)3", "中节协2024年3号", "中节协 〔2024〕 3 号", "关于（中节协〔2024〕3号）的通知"])
def test_a_document_number_is_one_token_however_typed(catalog, typed):
    assert number_tokens(typed, number_prefixes(catalog)) == [number_token("中节协", "2024", "3")]


def test_different_numbers_are_different_tokens(catalog):
    prefixes = number_prefixes(catalog)
    assert number_tokens("中节协〔2024〕3号", prefixes) != number_tokens("中节协〔2021〕3号", prefixes)
    assert number_tokens("中节协〔2024〕3号", prefixes) != number_tokens("中节协〔2024〕30号", prefixes)
    assert number_tokens("2024年3月", prefixes) == []


def test_a_decree_is_found_by_its_short_name(catalog):
    prefixes = number_prefixes(catalog)
    assert number_tokens("国务院令第775号", prefixes) == number_tokens("中华人民共和国国务院令第775号", prefixes) != []


def test_synonyms_reach_the_query_settings_both_ways_or_one_way(catalog):
    synonyms = query_settings(catalog)["synonyms"]
    assert "专科" in synonyms["大专"] and "大专" in synonyms["专科"]
    assert {"硕士", "博士"} <= set(synonyms["研究生"]) and "研究生" not in synonyms.get("硕士", [])


@pytest.mark.parametrize(("text", "line", "message"), [
    ("same:\n  - [大专, 专科]\n  - [专科, 高职]\n", 3, "same[1][0]: '专科' is already in same[0]"),
    ("same:\n  - [大专]\n", 2, "same[0]"),
    ("also:\n  - word: 研究 生\n    finds: [硕士]\n", 2, "also[0].word"),
    ("same:\n  - [大专, 专科]\nwords: [x]\n", 3, "words"),
])
def test_bad_synonyms_are_reported_with_file_and_line(minimal_project, capsys, text, line, message):
    (minimal_project / SYNONYMS).write_text(text, encoding="utf-8")
    assert main(["--root", str(minimal_project), "validate"]) == 1
    err = capsys.readouterr().err
    assert f"{SYNONYMS}:{line}:" in err and message in err and "Traceback" not in err


def test_knowledge_points_are_registered_anchors(minimal_project):
    register(minimal_project)
    urls = {url for _, url in permalinks.read_registry(minimal_project)}
    assert "/syllabi/test-program/#greenhouse-impacts" in urls


def test_a_knowledge_point_keeps_its_anchor_when_reworded_or_moved(minimal_project, capsys):
    register(minimal_project)
    edit(minimal_project, SYLLABUS, "- {id: greenhouse-impacts, text: 温室气体的影响}",
         "- {id: carbon-basics-2, text: 新知识点}\n          - {id: greenhouse-impacts, text: 温室气体的影响与危害}")
    assert main(["--root", str(minimal_project), "validate"]) == 0


def test_removing_a_registered_knowledge_point_fails_the_build(minimal_project, capsys):
    register(minimal_project)
    edit(minimal_project, SYLLABUS, "greenhouse-impacts", "greenhouse-effects")
    assert main(["--root", str(minimal_project), "build"]) == 1
    assert "/syllabi/test-program/#greenhouse-impacts: this published URL no longer exists" in capsys.readouterr().err


def test_a_renamed_knowledge_point_keeps_its_old_anchor_with_former_ids(minimal_project, tmp_path):
    register(minimal_project)
    edit(minimal_project, SYLLABUS, "{id: greenhouse-impacts,", "{id: greenhouse-effects, former_ids: [greenhouse-impacts],")
    catalog = load_catalog(minimal_project)
    paths = [f"syllabi/{s}.md" for s in catalog.syllabi]
    assert not [p for p in permalinks.check(minimal_project, catalog, paths) if "#greenhouse-impacts" in p.field]


def test_a_point_id_used_twice_in_a_syllabus_is_refused(minimal_project, capsys):
    edit(minimal_project, SYLLABUS, "{id: greenhouse-impacts,", "{id: carbon-basics,")
    assert main(["--root", str(minimal_project), "validate"]) == 1
    assert "anchor ids repeat within the syllabus: carbon-basics" in capsys.readouterr().err


def test_the_api_gives_units_topics_and_points_their_urls(catalog):
    files = dict(opendata.files(zh_build(catalog, dt.date(2026, 11, 21), "https://catalog.example.org/")))
    detail = json.loads(files[f"{opendata.API_ROOT}/programs/carbon-sink-evaluator.json"])
    page = "https://catalog.example.org/syllabi/carbon-sink-evaluator/intermediate/"
    syllabus = next(s for s in detail["program"]["syllabi"] if s["level"] == "intermediate")
    unit = syllabus["units"][0]
    assert unit["url"] == f"{page}#{unit['id']}"
    assert unit["topics"][0]["url"] == f"{page}#{unit['topics'][0]['id']}"
    points = [p for u in syllabus["units"] for t in u["topics"] for p in t["knowledge_points"]]
    cedar = next(p for p in points if p["text"].startswith("杉木"))
    assert cedar["url"] == f"{page}#species-supply-potential-1"


# --- the sharded index --------------------------------------------------------------------------------------


def _index(n_pages: int) -> dict:
    docs = []
    for p in range(n_pages):
        docs.append({"location": f"p{p}/", "title": f"碳\u200b资产\u200b{p}", "text": "Administrators of carbon", "boost": 2})
        docs.append({"location": f"p{p}/#s", "title": "报名\u200b材料", "text": "碳\u200b资产"})
    return {"config": {"lang": ["zh", "en"], "separator": "[\\s\\u200b\\-]",
                       "fields": {"title": {"boost": 1000}, "text": {"boost": 1}}}, "docs": docs}


def test_the_sharded_index_puts_each_term_in_the_shard_its_hash_names():
    from lunr.stemmer import PorterStemmer

    from generator.features.search import sharded_index, shard_of

    files = dict(sharded_index(_index(300), PorterStemmer().stem))
    manifest = json.loads(files["search_index.json"])["config"]["catalog_shards"]
    assert json.loads(files["search_index.json"])["docs"] == []
    terms = json.loads(files["index/terms.json"])
    assert {"碳", "资产", "报名", "材料", "administr", "carbon"} <= set(terms)  # stemmed as lunr.js stems
    for term in terms:
        assert term in json.loads(files[f"index/{shard_of(term, manifest['shards'])}.json"])
    assert manifest["page_starts"] == list(range(0, 600, 2)) and manifest["docs"] == 600
    blocks = [json.loads(files[f"index/docs-{b}.json"]) for b in range(-(-600 // manifest["block"]))]
    assert [d[0] for block in blocks for d in block] == [d["location"] for d in _index(300)["docs"]]


def test_a_term_keeps_its_strongest_postings_and_its_true_count():
    from lunr.stemmer import PorterStemmer

    from generator.features.search import POSTINGS_PER_TERM, sharded_index, shard_of

    files = dict(sharded_index(_index(300), PorterStemmer().stem))
    shards = json.loads(files["search_index.json"])["config"]["catalog_shards"]["shards"]
    postings = json.loads(files[f"index/{shard_of('资产', shards)}.json"])["资产"]
    assert postings[0] == 600  # its document frequency, for the ranking
    kept = postings[1::2]
    assert len(kept) == POSTINGS_PER_TERM
    assert set(range(0, 600, 2)) <= set(kept)  # every title hit (boost 1000) is stronger than a text hit


def test_an_entry_boost_travels_in_its_postings():
    from lunr.stemmer import PorterStemmer

    from generator.features.search import sharded_index, shard_of

    index = _index(300)
    index["docs"][3]["boost"] = 0.5
    files = dict(sharded_index(index, PorterStemmer().stem))
    manifest = json.loads(files["search_index.json"])["config"]["catalog_shards"]
    postings = json.loads(files[f"index/{shard_of('材料', manifest['shards'])}.json"])["材料"]
    boosts = {n: manifest["entry_boosts"][packed >> 11] for n, packed in zip(postings[1::2], postings[2::2])}
    assert boosts == {n: index["docs"][n].get("boost", 1) for n in range(1, 600, 2)}
    assert boosts[3] == 0.5 and boosts[1] == 1


def test_the_sharded_files_come_one_at_a_time_with_the_manifest_last():
    """The build writes each file before the next is made: held at once they set its peak memory."""
    from lunr.stemmer import PorterStemmer

    from generator.features.search import sharded_index

    files = sharded_index(_index(300), PorterStemmer().stem)
    assert next(files)[0] == "index/0.json"
    assert [name for name, _ in files][-1] == "search_index.json"
