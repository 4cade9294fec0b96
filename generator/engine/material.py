"""What this site changes in Material for MkDocs' search: a jieba dictionary of the catalogue's terms,
entries of its own (knowledge points, document numbers, the page a section belongs to), a UTF-8 index
(sharded when large), whole-word Chinese queries rewritten for numbers and synonyms, and no
segmentation for the English edition. What the catalogue adds comes as plain data
(features/search.py: SearchAdditions): the build hands MkDocs no catalogue."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from generator.features.search import SHARD_FROM_BYTES, SearchAdditions, number_tokens, sharded_index

# Fields the catalogue adds to Material's (title 1000, text 1, tags 1e6), with their boosts:
# - `page`: the title of the page a section belongs to, so 碳资产管理师 报名材料 finds that programme's
#   registration section first; below a title's boost, so a programme's name alone still ranks its page first;
# - `number`: a policy page's own document number, as one token (features/search.py), as strong as a title;
# - `cites`: the numbers a section mentions, so a page citing the document comes after the document itself.
EXTRA_FIELDS = {"page": {"boost": 100}, "number": {"boost": 1000}, "cites": {"boost": 10}}
_TAG = re.compile(r"<[^>]+>")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
# A section the page keeps out of the index (fee tables, eligibility clauses: boilerplate every programme
# page repeats) is still findable by its heading, with no text: 碳资产管理师 报名材料 lands on #registration.
_EXCLUDED_HEADING = re.compile(r'<h[1-6] (?=[^>]*\bdata-search-exclude\b)[^>]*\bid="([^"]+)"[^>]*>(.*?)</h[1-6]>', re.S)
# Knowledge points are precise: as strong as a policy page (search: boost: 2).
POINT_BOOST = 2


def search_dictionary_file(root: Path, additions: SearchAdditions) -> Path:
    path = root / ".cache" / "catalog" / "jieba_user_dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(additions.dictionary, encoding="utf-8")
    return path


def catalog_entries(search, additions: SearchAdditions) -> None:
    """Material's index also gets the catalogue's own entries and fields (EXTRA_FIELDS); write_catalog_index
    writes it. Call from on_pre_build, after the search plugin made this build's index."""
    index = getattr(search, "search_index", None)
    if index is None:
        return
    index.config["fields"] = {**index.config["fields"], **EXTRA_FIELDS}
    prefixes, numbers = additions.prefixes, additions.numbers_by_page
    add_page = index.add_entry_from_context

    def add_with_catalog_entries(page) -> None:
        start = len(index.entries)
        add_page(page)
        if len(index.entries) == start:  # the page is not searched (search: exclude)
            return
        segment = index._segment_chinese
        page_title = segment(str(page.meta.get("title", page.title)))
        # Like Material's own sections, the added ones carry the page's tags: a tag's weight in the
        # ranking depends on how many entries carry it.
        tags = {"tags": index.entries[start]["tags"]} if "tags" in index.entries[start] else {}
        for point in additions.points_by_page.get(page.file.src_uri, ()):
            index.entries.append({"location": f"{page.url}#{point.anchor}", "title": segment(point.title),
                                  "text": segment(point.text), "boost": POINT_BOOST, **tags})
        for anchor, heading in _EXCLUDED_HEADING.findall(page.content):
            title = html.unescape(_TAG.sub("", _HEADERLINK.sub("", heading))).strip()
            index.entries.append({"location": f"{page.url}#{anchor}", "title": segment(title), "text": "", **tags})
        own = numbers.get(page.file.src_uri)
        for entry in index.entries[start:]:
            if "#" in entry["location"]:
                entry["page"] = page_title
            cites = number_tokens(_TAG.sub(" ", entry["title"] + " " + entry["text"]).replace("\u200b", ""), prefixes)
            if cites:
                entry["cites"] = " ".join(cites)
        if own:
            index.entries[start]["number"] = " ".join(number_tokens(own, prefixes))

    index.add_entry_from_context = add_with_catalog_entries
    generate = index.generate_search_index

    def generate_without_entries(prev) -> str:
        # Material writes its index with no entries: write_catalog_index writes them afterwards, one by
        # one. Written whole (and escaped) they took hundreds of MB at 1,000 programmes. On `mkdocs serve
        # --dirty` rebuilds (prev) Material's generation merges the previous build's entries into the
        # index, so it gets them then.
        if prev is not None:
            return generate(prev)
        entries, index.entries = index.entries, []
        try:
            return generate(prev)
        finally:
            index.entries = entries

    index.generate_search_index = generate_without_entries


_MATERIAL_INDEX_START = '{"config":'


def write_catalog_index(search, additions: SearchAdditions, site_dir: Path) -> None:
    """The search index, after Material has written its own (its config, and no entries): the entries
    written one by one as UTF-8 instead of \\uXXXX escapes, with the query settings the browser's query
    rewriting needs (search_query.js); above SHARD_FROM_BYTES, the sharded index instead (features/search.py;
    the browser fetches it per query). Call from on_post_build, after Material's.

    Escaped, every Chinese character takes 6 bytes, and so does every zero-width space that marks
    jieba's word boundaries: the UTF-8 file is about 40% smaller, about a third smaller gzipped, and
    the browser reads the same data. CATALOG_SEARCH=sharded or =whole overrides the size rule (the
    benchmark compares both on one catalogue)."""
    index = getattr(search, "search_index", None)
    path = site_dir / "search" / "search_index.json"
    if index is None or not path.is_file():
        return
    materials = path.read_text(encoding="utf-8")
    if not materials.startswith(_MATERIAL_INDEX_START):
        raise RuntimeError("Material's search index no longer starts with its config: update engine/material.py")
    config, _ = json.JSONDecoder().raw_decode(materials, len(_MATERIAL_INDEX_START))
    del materials
    config["catalog_query"] = additions.query
    with path.open("w", encoding="utf-8") as out:
        out.write(f"{_MATERIAL_INDEX_START}{_json(config)},\"docs\":[")
        for n, entry in enumerate(index.entries):
            out.write(("," if n else "") + _json(entry))
        out.write("]}")
    choice = os.environ.get("CATALOG_SEARCH", "auto")
    if choice == "whole" or (choice == "auto" and path.stat().st_size <= SHARD_FROM_BYTES):
        return
    from lunr.stemmer import PorterStemmer

    for name, text in sharded_index({"config": config, "docs": index.entries}, PorterStemmer().stem):
        target = site_dir / "search" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def without_jieba(search) -> None:
    """The English search index is not segmented by jieba.

    Material's search plugin segments every run of Han characters with jieba whenever jieba is
    installed, whatever `lang` says. The English edition's Chinese fallback text is indexed as
    written instead: this build's search index (made in the search plugin's on_config, so call
    this from on_pre_build) gets a segmenter that does nothing."""
    index = getattr(search, "search_index", None)
    if index is not None:
        index._segment_chinese = lambda text: text


# Material's search worker (9.x) splits a Chinese query into the index's own words, but its loop stops
# one character short of the end of the query, so the last word is never matched whole: 碳资产管理师
# became 碳* 资产* 管理*, and the programme page ranked below policies that say 管理 often. Letting the
# loop reach the end restores the whole word. Where a Material release no longer has the line, this
# does nothing, and tests/browser/test_search_ranking.py says whether the fix is still needed.
_QUERY_SPLIT_STOPS_SHORT = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
_QUERY_SPLIT_REACHES_END = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


_QUERY_REWRITING = (Path(__file__).parent / "search_query.js").read_text(encoding="utf-8")


def whole_word_queries(site_dir: Path) -> None:
    """Patch the search worker: whole last words (above), and the catalogue's query rewriting first."""
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        code = worker.read_text(encoding="utf-8")
        patched = code.replace(_QUERY_SPLIT_STOPS_SHORT, _QUERY_SPLIT_REACHES_END)
        if not patched.startswith(_QUERY_REWRITING):
            patched = _QUERY_REWRITING + patched
        if patched != code:
            worker.write_text(patched, encoding="utf-8")
