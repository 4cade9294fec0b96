"""What this site changes in Material for MkDocs' search: a jieba dictionary of the catalogue's terms,
entries of its own (knowledge points, document numbers, the page a section belongs to), a UTF-8 index,
whole-word Chinese queries rewritten for numbers and synonyms, and no segmentation for the English
edition."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from generator.features.search import (
    SHARD_FROM_BYTES, number_prefixes, number_tokens, numbers_by_page, point_entries, query_settings, search_dictionary,
    sharded_index, syllabi_by_page,
)
from generator.source.catalog import Catalog

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


def search_dictionary_file(root: Path, catalog: Catalog) -> Path:
    path = root / ".cache" / "catalog" / "jieba_user_dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(search_dictionary(catalog), encoding="utf-8")
    return path


def catalog_entries(search, catalog: Catalog) -> None:
    """Material's index also gets the catalogue's own entries and fields (EXTRA_FIELDS), and the query
    settings the browser's query rewriting needs (search_query.js). Call from on_pre_build, after
    the search plugin made this build's index."""
    index = getattr(search, "search_index", None)
    if index is None:
        return
    index.config["fields"] = {**index.config["fields"], **EXTRA_FIELDS}
    prefixes = number_prefixes(catalog)
    syllabi, numbers = syllabi_by_page(catalog), numbers_by_page(catalog)
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
        syllabus = syllabi.get(page.file.src_uri)
        for point in point_entries(syllabus) if syllabus else ():
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

    def generate_with_query_settings(prev) -> str:
        data = json.loads(generate(prev))
        data["config"]["catalog_query"] = query_settings(catalog)
        return json.dumps(data, separators=(",", ":"))

    index.generate_search_index = generate_with_query_settings


def without_jieba(search) -> None:
    """The English search index is not segmented by jieba.

    Material's search plugin segments every run of Han characters with jieba whenever jieba is
    installed, whatever `lang` says. The English edition's Chinese fallback text is indexed as
    written instead: this build's search index (made in the search plugin's on_config, so call
    this from on_pre_build) gets a segmenter that does nothing."""
    index = getattr(search, "search_index", None)
    if index is not None:
        index._segment_chinese = lambda text: text


def write_search_index(site_dir: Path) -> None:
    """Rewrite Material's search index as UTF-8 instead of \\uXXXX escapes, and shard it when it is large.

    Escaped, every Chinese character takes 6 bytes, and so does every zero-width space that marks
    jieba's word boundaries: the UTF-8 file is about 40% smaller, about a third smaller gzipped, and
    the browser reads the same data. Above SHARD_FROM_BYTES (features/search.py) the index is written in
    pieces the browser fetches per query (search_query.js); CATALOG_SEARCH=sharded or =whole overrides
    the size rule (the benchmark compares both on one catalogue)."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    raw = path.read_bytes()
    data = json.loads(raw)
    choice = os.environ.get("CATALOG_SEARCH", "auto")
    if choice == "sharded" or (choice == "auto" and len(raw) > SHARD_FROM_BYTES):
        from lunr.stemmer import PorterStemmer

        for name, text in sharded_index(data, PorterStemmer().stem).items():
            target = site_dir / "search" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


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
