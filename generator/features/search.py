"""Search: what the catalogue adds to the search index and to the reader's query.

- the jieba user dictionary that keeps the catalogue's own terms whole in the index;
- knowledge points as search entries of their own, each landing on its permanent anchor;
- document numbers (文号) as one token however they are typed: 中节协〔2024〕3号, 中节协[2024]3号,
  中节协(2024)3 and 中节协2024年3号 are one number;
- the synonyms of content/synonyms.yaml, applied to the query in the browser.
The browser half (the query) is generator/engine/search_query.js, which gets `query_settings`."""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from generator.source.catalog import Catalog
from generator.source.models import Syllabus

# The prefix an issuer writes before the year (国发, 中节协 …): the Han characters a number starts with.
_NUMBER_PREFIX = re.compile(r"[\u4e00-\u9fff]+")
# Some issuers' full names are usually shortened when quoted: 中华人民共和国国务院令 → 国务院令.
_OMITTED_LEADS = ("中华人民共和国",)
_OPEN = "〔［\\[（(【﹝"
_CLOSE = "〕］\\]）)】﹞"


def search_dictionary(catalog: Catalog) -> str:
    """jieba user dictionary: domain terms stay single search tokens."""
    words: list[str] = []
    for program in catalog.programs.values():
        words.append(program.name.zh)
    for body in catalog.bodies.values():
        words += [body.name.zh] + ([body.short_name] if body.short_name else [])
    if catalog.glossary:
        words += [w for term in catalog.glossary.terms for w in (term.zh, *term.search_words)]
    words += list(number_prefixes(catalog))  # so a number like 国发〔2021〕23号 keeps its issuer whole
    tokens = {w for word in words for w in re.split(r"[\s（）()·、，,/]+", word) if len(w) > 1}
    # A high frequency makes jieba prefer the whole term over its parts.
    return "".join(f"{word} 100000 n\n" for word in sorted(tokens))


# --- document numbers ---------------------------------------------------------------------------------


def number_prefixes(catalog: Catalog) -> dict[str, str]:
    """Every way a reader writes an issuer's prefix → the prefix as the catalogue prints it."""
    prefixes: dict[str, str] = {}
    for policy in catalog.policies.values():
        if policy.number and (m := _NUMBER_PREFIX.match(policy.number)):
            prefix = m.group(0).removesuffix("第")  # 国务院令第775号: 第 belongs to the number
            prefixes[prefix] = prefix
            for lead in _OMITTED_LEADS:
                if prefix.startswith(lead) and len(prefix) > len(lead) + 1:
                    prefixes[prefix.removeprefix(lead)] = prefix
    return prefixes


def number_pattern(prefixes: dict[str, str]) -> str | None:
    """A regular expression (the same text in Python and JavaScript) for a document number however it is
    typed: groups prefix, year (in brackets), year (before 年 or a space), number. None without prefixes."""
    if not prefixes:
        return None
    names = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    return (f"({names})\\s*(?:[{_OPEN}]\\s*([0-9]{{4}})\\s*[{_CLOSE}]|([0-9]{{4}})\\s*年|([0-9]{{4}})(?=\\s))?"
            f"\\s*第?\\s*([0-9]{{1,5}})\\s*号?(?![0-9月日])")


def number_token(prefix: str, year: str | None, number: str) -> str:
    """One search token for one document number, in ASCII so the browser's query splitting leaves it
    whole (engine/search_query.js builds the same)."""
    code = "".join(f"{ord(c):x}" for c in prefix)
    return f"docno{code}" + (f"y{year}" if year else "") + f"n{int(number)}"


def number_tokens(text: str, prefixes: dict[str, str]) -> list[str]:
    pattern = number_pattern(prefixes)
    if pattern is None:
        return []
    found = []
    for m in re.finditer(pattern, text):
        token = number_token(prefixes[m.group(1)], m.group(2) or m.group(3) or m.group(4), m.group(5))
        if token not in found:
            found.append(token)
    return found


# --- what a page adds to the index --------------------------------------------------------------------


@dataclass(frozen=True)
class PointEntry:
    anchor: str
    title: str  # the point's text
    text: str  # where it sits: the topic and the unit


def point_entries(syllabus: Syllabus) -> list[PointEntry]:
    """Knowledge points as search entries of their own, so a hit lands on the point's anchor."""
    return [PointEntry(point.id, point.text, f"{topic.name} · {unit.name}")
            for unit in syllabus.units for topic in unit.topics for point in topic.points]


# --- the query -----------------------------------------------------------------------------------------


def query_settings(catalog: Catalog) -> dict:
    """What the browser needs to rewrite a query: the number pattern and prefixes, and the synonyms as
    word → the words a search for it also finds."""
    prefixes = number_prefixes(catalog)
    also: dict[str, list[str]] = {}
    if catalog.synonyms:
        for group in catalog.synonyms.same:
            for word in group:
                also.setdefault(word, []).extend(w for w in group if w != word)
        for entry in catalog.synonyms.also:
            also.setdefault(entry.word, []).extend(entry.finds)
    return {"number_pattern": number_pattern(prefixes), "prefixes": prefixes, "synonyms": also}


# --- what the site engine is handed ------------------------------------------------------------------


@dataclass(frozen=True)
class SearchAdditions:
    """Everything the catalogue adds to the site engine's search, as plain data (engine/material.py
    applies it), so the engine's build never needs the catalogue itself."""

    dictionary: str  # jieba's user dictionary (search_dictionary)
    prefixes: dict[str, str]  # document-number prefixes (number_prefixes)
    points_by_page: dict[str, list[PointEntry]]  # syllabus page (its Markdown path) → its knowledge points
    numbers_by_page: dict[str, str]  # policy page (its Markdown path) → its own document number
    query: dict  # what the browser's query rewriting needs (query_settings)


def search_additions(catalog: Catalog) -> SearchAdditions:
    return SearchAdditions(
        dictionary=search_dictionary(catalog),
        prefixes=number_prefixes(catalog),
        points_by_page={f"syllabi/{s.id}.md": point_entries(s) for s in catalog.syllabi.values()},
        numbers_by_page={f"policies/{p.id}.md": p.number for p in catalog.policies.values() if p.number},
        query=query_settings(catalog),
    )


# --- a sharded index for large catalogues --------------------------------------------------------------
#
# Material's search fetches the whole index and builds it with lunr in the browser before the first
# result: 15 MB and about 7 s at 1,000 programmes. Above SHARD_FROM_BYTES the build writes the index in
# pieces instead (docs/scale.md): a term list, posting shards fetched per query term, and blocks of
# entries fetched for the results shown; generator/engine/search_query.js searches them.

SHARD_FROM_BYTES = 2_000_000  # of the whole index, UTF-8; the real catalogue's is about 0.3 MB: lunr serves it whole
SHARD_TARGET_BYTES = 24_000  # postings per shard file, before gzip
POSTINGS_PER_TERM = 400  # the strongest entries of a term; the rest would rank below them anyway
DOCS_PER_BLOCK = 48
_SEPARATOR = re.compile(r"[\s\u200b\-]+")
_TAGS = re.compile(r"<[^>]+>")
_TRIM = re.compile(r"^[^\w\u4e00-\u9fff]+|[^\w\u4e00-\u9fff]+$")


def shard_of(term: str, shards: int) -> int:
    """FNV-1a over the term's UTF-16 code units: search_query.js computes the same."""
    h = 0x811C9DC5
    data = term.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards


def index_terms(text: str, stem) -> list[str]:
    """The index's words of a field, as lunr makes them in the browser: split at the separator (jieba's
    zero-width spaces included), trimmed, lower-cased, Latin words stemmed."""
    terms = []
    for raw in _SEPARATOR.split(_TAGS.sub(" ", text)):
        word = _TRIM.sub("", raw).lower()
        if word:
            terms.append(stem(word) if word.isascii() and word.isalpha() else word)
    return terms


def sharded_index(index: dict, stem) -> Iterator[tuple[str, str]]:
    """Material's search index (config, docs) as the sharded files, (path under search/, text), each made
    when the caller asks for it, so that the caller writes it before the next is made (at 1,000 programmes
    the files are 62 MB, which held at once set the build's peak memory). The last, search_index.json,
    keeps Material's config with the manifest and no docs."""
    stem = lru_cache(maxsize=None)(stem)  # a catalogue repeats its words: stem each once
    docs = index["docs"]
    fields = index["config"]["fields"]
    boosts = [fields[name]["boost"] for name in fields]
    # One int per posting (entry << 11 | field << 8 | count), in an array per term: at 1,000 programmes
    # there are millions of postings, and a tuple each took hundreds of MB of the build's memory.
    postings: dict[str, array] = {}
    page_starts = []
    for n, doc in enumerate(docs):
        if "#" not in doc["location"]:
            page_starts.append(n)
        for f, name in enumerate(fields):
            value = doc.get(name)
            if not value:
                continue
            counts: dict[str, int] = {}
            for term in index_terms(" ".join(value) if isinstance(value, list) else str(value), stem):
                counts[term] = counts.get(term, 0) + 1
            for term, tf in counts.items():
                postings.setdefault(term, array("q")).append(n << 11 | f << 8 | min(tf, 255))

    def impact(packed: int) -> float:
        tf = packed & 255
        return boosts[packed >> 8 & 7] * docs[packed >> 11].get("boost", 1) * tf / (tf + 1.2)

    # An entry's own boost travels in its postings (as a number into entry_boosts, above field and count),
    # not in a table by entry: at 1,000 programmes that table was 1.9 MB that every first search fetched.
    entry_boosts = sorted({1, *(d.get("boost", 1) for d in docs)})
    boost_code = {value: code for code, value in enumerate(entry_boosts)}
    size = sum(len(p) for p in postings.values()) * 12
    shards = max(1, size // SHARD_TARGET_BYTES)

    def flat(found: array) -> list[int]:
        strongest = sorted(found, key=impact, reverse=True)[:POSTINGS_PER_TERM] if len(found) > POSTINGS_PER_TERM else found
        out = [len(found)]
        for packed in sorted(strongest):
            out += [packed >> 11, boost_code[docs[packed >> 11].get("boost", 1)] << 11 | packed & 2047]
        return out

    # One shard's lists at a time: every shard's at once, as Python ints, put the MkDocs process about 50 MB
    # higher at 1,000 programmes (docs/scale.md, "Build memory").
    terms_of_shard: list[list[str]] = [[] for _ in range(shards)]
    for term in postings:
        terms_of_shard[shard_of(term, shards)].append(term)
    for i, terms in enumerate(terms_of_shard):
        yield f"index/{i}.json", _compact({term: flat(postings[term]) for term in terms})
    for b in range(0, len(docs), DOCS_PER_BLOCK):
        yield f"index/docs-{b // DOCS_PER_BLOCK}.json", _compact(
            [[d["location"], d["title"], d["text"]] for d in docs[b:b + DOCS_PER_BLOCK]])
    yield "index/terms.json", _compact(sorted(postings))
    manifest = {"shards": shards, "docs": len(docs), "block": DOCS_PER_BLOCK, "page_starts": page_starts,
                "fields": [fields[name]["boost"] for name in fields], "entry_boosts": entry_boosts}
    yield "search_index.json", _compact({"config": {**index["config"], "catalog_shards": manifest}, "docs": []})


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
