"""Search: the jieba user dictionary that keeps the catalogue's own terms whole in the search index."""

from __future__ import annotations

import re

from generator.source.catalog import Catalog


def search_dictionary(catalog: Catalog) -> str:
    """jieba user dictionary: domain terms stay single search tokens."""
    words: list[str] = []
    for program in catalog.programs.values():
        words.append(program.name.zh)
    for body in catalog.bodies.values():
        words += [body.name.zh] + ([body.short_name] if body.short_name else [])
    if catalog.glossary:
        words += [w for term in catalog.glossary.terms for w in (term.zh, *term.search_words)]
    # Document-number prefixes (国发, 中节协, 国务院令 …) so a number like 国发〔2021〕23号 is findable.
    words += [m.group(0) for p in catalog.policies.values() if p.number and (m := re.match(r"[\u4e00-\u9fff]+", p.number))]
    tokens = {w for word in words for w in re.split(r"[\s（）()·、，,/]+", word) if len(w) > 1}
    # A high frequency makes jieba prefer the whole term over its parts.
    return "".join(f"{word} 100000 n\n" for word in sorted(tokens))
