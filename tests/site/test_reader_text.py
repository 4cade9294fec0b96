"""Internal names never reach readers: no field id (`registration_close`, `(training_hours_met)`)
and no clause label read as a number (`第 ✓1 条`) in what a built page shows or reads aloud, in
either edition. Code spans, URLs and markup are the exceptions: there ids are the point.

The API page (api/) documents the files' fields, so their ids are its subject; it is left out."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

# Text inside these elements is code, data or script, not prose.
NOT_PROSE = {"code", "pre", "script", "style", "kbd", "samp", "template", "svg"}
# Attributes whose values readers see or hear.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

FIELD_ID = re.compile(r"(?<![\w/.#:@=-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/.=-])")
CLAUSE_AS_NUMBER = re.compile(r"第\s*[✓✔✗]\s*\d+\s*条")
LEFT_OUT = ("api/", "en/api/")


class ReaderText(HTMLParser):
    """What a page shows or reads aloud: text outside code, plus the read attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden_depth: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if not self.hidden_depth:
            self.parts.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value)
        if tag in NOT_PROSE or self.hidden_depth and tag not in VOID:
            self.hidden_depth.append(tag)

    def handle_endtag(self, tag):
        if self.hidden_depth and self.hidden_depth[-1] == tag:
            self.hidden_depth.pop()

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


def reader_text(html: str) -> str:
    parser = ReaderText()
    parser.feed(html)
    return " ".join(parser.parts)


def internal_names(text: str) -> list[str]:
    return FIELD_ID.findall(text) + CLAUSE_AS_NUMBER.findall(text)


@pytest.mark.parametrize("sample", ["达标 (training_hours_met)", "符合第 ✓1 条：学历", "节点 registration_close 已过"])
def test_the_sweep_finds_internal_names(sample: str) -> None:
    assert internal_names(reader_text(f"<p>{sample}</p>")), sample


@pytest.mark.parametrize("sample", ['<code>registration_close</code>', '<a href="/a_b/">链接</a>',
                                    "<p>✓1 学历：本科及以上</p>", "<p>见 https://example.org/x_y</p>"])
def test_the_sweep_leaves_code_urls_and_clause_labels(sample: str) -> None:
    assert not internal_names(reader_text(sample)), sample


def test_no_internal_names_on_any_page(built_site: Path) -> None:
    pages = [p for p in sorted(built_site.rglob("*.html"))
             if not p.relative_to(built_site).as_posix().startswith(LEFT_OUT)]
    assert len(pages) > 100, f"only {len(pages)} pages built"
    found = {}
    for path in pages:
        names = internal_names(reader_text(path.read_text(encoding="utf-8")))
        if names:
            found[path.relative_to(built_site).as_posix()] = sorted(set(names))
    assert not found, "internal names shown to readers:\n" + "\n".join(f"{p}: {n}" for p, n in found.items())
