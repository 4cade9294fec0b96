"""The lists of every programme at 1,000 programmes: the groupings by body and by level become pages of
their own and the syllabus list loses its table of contents, so no page passes 1 MB (issue #14); below
LISTS_APART_FROM one page lists everything, and every grouping's anchor is on /programs/ either way."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from types import MappingProxyType

from generator.pages import catalog_pages
from generator.site import make_build
from generator.words.editions import EN

from ..conftest import zh_build
from .test_compare import THEME_ALLOWANCE, catalogue_of

TODAY = dt.date(2026, 11, 30)
ANCHOR = re.compile(r"\{#((?:issuer|level)-[\w-]+) data-search-exclude\}")
# Templates write their comments {## … ##} (Markdown anchors are {#id}); one written {# … #} reaches the page.
JINJA_COMMENT = re.compile(r"\{#\s|(?<!#)#\}")


def test_a_small_catalogue_lists_everything_on_one_page(catalog):
    files = catalog_pages.list_pages(zh_build(catalog, TODAY))
    index = files["programs/index.md"]
    assert "programs/by-issuer.md" not in files and "programs/by-level.md" not in files
    for pid in catalog.programs:
        assert index.count(f"](/programs/{pid}.md") >= 2  # under its body and under each of its levels
    assert re.findall(r"^## .* \{#[\w-]+ data-search-exclude\}$", files["syllabi/index.md"], re.M)


def named_apart(catalog):
    """Copies renamed: copies under the name of a CECA specialty would each be listed as its namesake."""
    programs = {pid: p if "-copy-" not in pid else p.model_copy(update={"name": p.name.model_copy(
        update={"zh": f"{p.name.zh}{pid.rsplit('-', 1)[1]}"})}) for pid, p in catalog.programs.items()}
    return dataclasses.replace(catalog, programs=MappingProxyType(programs))


def test_a_large_catalogue_lists_its_groupings_on_pages_of_their_own(catalog):
    big = named_apart(catalogue_of(catalog, 1000))
    files = catalog_pages.list_pages(zh_build(big, TODAY))
    index, by_issuer, by_level = (files[p] for p in ("programs/index.md", "programs/by-issuer.md", "programs/by-level.md"))
    # Every grouping keeps its anchor on /programs/, and leads to the same anchor on its own page.
    anchors = ANCHOR.findall(index)
    assert anchors and set(anchors) == set(ANCHOR.findall(by_issuer) + ANCHOR.findall(by_level))
    for anchor in anchors:
        page = "by-issuer" if anchor.startswith("issuer-") else "by-level"
        assert f"(/programs/{page}.md#{anchor})" in index
    # Every programme is still reached without JavaScript: from the table, and from both lists.
    listed_by_body = {pid for pairs in big.body_programs.values() for pid, _role in pairs}
    assert len(listed_by_body) > 5
    for pid, program in big.programs.items():
        assert f'<a href="{pid}/">' in index
        assert (f"](/programs/{pid}.md)" in by_issuer) == (pid in listed_by_body)
        assert (f"](/programs/{pid}.md#" in by_level) == bool(program.levels)
    # Past the table, the index links to no programme page: it lists none twice.
    assert not re.findall(r"\]\(/programs/(?!by-issuer\.md|by-level\.md)", index.split("{#by-issuer")[1])
    english = catalog_pages.list_pages(make_build(big, EN, TODAY, None))
    for page in (index, by_issuer, by_level, files["syllabi/index.md"], *english.values()):
        assert len(page.encode()) + THEME_ALLOWANCE < 1_000_000
        assert not JINJA_COMMENT.search(page)  # a comment in Jinja's default delimiters is printed, once per row
    # The syllabus list's heading per programme, in Markdown, would make a table of contents as long as
    # the page (twice over: the theme renders it in both sidebars); as HTML they keep their anchors.
    syllabi = files["syllabi/index.md"]
    programs_with_syllabi = {s.program for s in big.syllabi.values()}
    assert not re.findall(r"^## ", syllabi, re.M)
    assert set(re.findall(r'^<h2 id="([\w-]+)" data-search-exclude>', syllabi, re.M)) == programs_with_syllabi


def test_no_template_writes_a_comment_in_jinjas_default_delimiters():
    templates = Path(catalog_pages.__file__).parent / "templates"
    found = [f"{path.relative_to(templates)}:{n}" for path in sorted(templates.rglob("*.j2"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if JINJA_COMMENT.search(line)]
    assert found == []
