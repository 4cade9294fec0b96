"""What this site changes in Material for MkDocs' search: a jieba dictionary of the catalogue's terms,
a UTF-8 index, whole-word Chinese queries, and no segmentation for the English edition."""

from __future__ import annotations

import json
from pathlib import Path

from generator.features.search import search_dictionary
from generator.source.catalog import Catalog


def search_dictionary_file(root: Path, catalog: Catalog) -> Path:
    path = root / ".cache" / "catalog" / "jieba_user_dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(search_dictionary(catalog), encoding="utf-8")
    return path


def without_jieba(search) -> None:
    """The English search index is not segmented by jieba.

    Material's search plugin segments every run of Han characters with jieba whenever jieba is
    installed, whatever `lang` says. The English edition's Chinese fallback text is indexed as
    written instead: this build's search index (made in the search plugin's on_config, so call
    this from on_pre_build) gets a segmenter that does nothing."""
    index = getattr(search, "search_index", None)
    if index is not None:
        index._segment_chinese = lambda text: text


def utf8_search_index(site_dir: Path) -> None:
    """Rewrite Material's search index as UTF-8 instead of \\uXXXX escapes.

    Escaped, every Chinese character takes 6 bytes, and so does every zero-width space that marks
    jieba's word boundaries: the UTF-8 file is about 40% smaller, about a third smaller gzipped, and
    the browser reads the same data."""
    path = site_dir / "search" / "search_index.json"
    if path.is_file():
        data = json.loads(path.read_bytes())
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# Material's search worker (9.x) splits a Chinese query into the index's own words, but its loop stops
# one character short of the end of the query, so the last word is never matched whole: 碳资产管理师
# became 碳* 资产* 管理*, and the programme page ranked below policies that say 管理 often. Letting the
# loop reach the end restores the whole word. Where a Material release no longer has the line, this
# does nothing, and tests/browser/test_search_ranking.py says whether the fix is still needed.
_QUERY_SPLIT_STOPS_SHORT = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
_QUERY_SPLIT_REACHES_END = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def whole_word_queries(site_dir: Path) -> None:
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        code = worker.read_text(encoding="utf-8")
        if _QUERY_SPLIT_STOPS_SHORT in code:
            worker.write_text(code.replace(_QUERY_SPLIT_STOPS_SHORT, _QUERY_SPLIT_REACHES_END), encoding="utf-8")
