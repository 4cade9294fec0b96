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


def catalog_entries(search, additions: SearchAdditions, site_dir: Path) -> None:
    """Material's index also gets the catalogue's own entries and fields (EXTRA_FIELDS), and the query
    settings the browser's query rewriting needs (search_query.js); it is written as UTF-8, sharded
    when large (catalog_index). Call from on_pre_build, after the search plugin made this build's index."""
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

    def generate_catalog_index(prev) -> str:
        # Material's own generation also merges the previous build's entries on `mkdocs serve --dirty`
        # rebuilds; only its config is read back from its (escaped) JSON, and the index is made again from
        # the entries, never parsed: at 1,000 programmes a parse of it took hundreds of MB.
        material_json = generate(prev)
        if not material_json.startswith(_MATERIAL_INDEX_START):
            raise RuntimeError("Material's search index no longer starts with its config: update engine/material.py")
        config, _ = json.JSONDecoder().raw_decode(material_json, len(_MATERIAL_INDEX_START))
        escaped_size = len(material_json)
        del material_json
        data = {"config": {**config, "catalog_query": additions.query}, "docs": index.entries}
        return catalog_index(data, escaped_size, site_dir / "search")

    index.generate_search_index = generate_catalog_index


_MATERIAL_INDEX_START = '{"config":'


def catalog_index(data: dict, escaped_size: int, folder: Path) -> str:
    """The search index Material writes (search/search_index.json), as UTF-8 instead of \\uXXXX escapes;
    above SHARD_FROM_BYTES of Material's escaped index, the sharded index's manifest, with the shards
    written into `folder` (features/search.py; the browser fetches them per query, search_query.js).

    Escaped, every Chinese character takes 6 bytes, and so does every zero-width space that marks
    jieba's word boundaries: the UTF-8 file is about 40% smaller, about a third smaller gzipped, and
    the browser reads the same data. CATALOG_SEARCH=sharded or =whole overrides the size rule (the
    benchmark compares both on one catalogue)."""
    choice = os.environ.get("CATALOG_SEARCH", "auto")
    if choice == "sharded" or (choice == "auto" and escaped_size > SHARD_FROM_BYTES):
        from lunr.stemmer import PorterStemmer

        files = sharded_index(data, PorterStemmer().stem)
        for name, text in files.items():
            if name != "search_index.json":
                target = folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        return files["search_index.json"]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


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
