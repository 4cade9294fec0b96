"""The English edition: every page of the Chinese edition, at the same path under /en/.

It is a second MkDocs build (`mkdocs.en.yml`: English theme and search, no jieba), run by
`pipeline.build_site` after the Chinese one, into `en/` of the same staging folder. The catalog
plugin, told `edition: en`, hands it the files from `site_files` below:

- English pages from the templates in `templates/en/`, for the catalogue itself: programmes,
  syllabi, policies, bodies, the glossary and /compare/. English text comes only from structured
  data and `en` fields (names, `title_en`, `summary_en`, `definition_en`); `i18n.EN` says it.
  Free text without a translation is shown in Chinese, marked `lang="zh"`, under a visible
  "Not yet translated — shown in Chinese" marker.
- Hand-written English pages from `content/pages-en/` (the home page).
- Every other page of the Chinese edition (the exam calendar, the eligibility self-check, pages
  added later) as a *fallback*: the Chinese page whole, inside `lang="zh"`, under the same marker.
  So the two editions always have the same paths, and the language switcher never leads nowhere.
- Every data file (JSON, iCalendar, schemas) as in the Chinese edition, except compare.json,
  which is written in English for the English /compare/ page.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path


from . import compare, exam_calendar, views
from .catalog import Catalog
from .i18n import EN, UNTRANSLATED
from .models import Program, Syllabus
from .render import (
    attr, body_ids, catalog_pages, template_environment, collect_notes, eligibility_of, fees_by_kind, inline, level_sort_key, meta,
    search_boost, source_label, syllabus_url,
)
from .siteurl import absolute

CONFIG = "mkdocs.en.yml"
PREFIX = "en/"
PAGES_FOLDER = Path("content/pages-en")
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def configured(root: Path) -> bool:
    """The project has an English edition when it has its MkDocs configuration."""
    return (root / CONFIG).is_file()


def search_keywords(program: Program) -> list[str]:
    """Indexed with the highest boost: the Chinese name and the occupation code."""
    code = [program.occupation.code] if program.occupation and program.occupation.code else []
    return [program.name.zh, *code]


def roles_by_program(catalog: Catalog, body_id: str) -> list[tuple[str, str]]:
    roles: dict[str, list[str]] = {}
    for pid, role in catalog.body_programs.get(body_id, ()):
        roles.setdefault(pid, []).append(EN.body_role[role])
    return [(pid, ", ".join(dict.fromkeys(names))) for pid, names in roles.items()]


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


class EnglishRenderer:
    """The English pages of the catalogue (path → Markdown), from templates/en/."""

    def __init__(self, catalog: Catalog, today: dt.date | None = None, site_url: str | None = None):
        self.catalog = catalog
        self.today = today or exam_calendar.build_today()
        self.site_url = site_url
        self.env = template_environment()
        self.env.filters.update(
            inline=inline, attr=attr, meta=meta, date=EN.date, offset=EN.offset, rule=EN.rule,
            condition=lambda c: EN.condition(c, catalog), fee_line=EN.fee_line, source=source_label,
            capitalize_first=capitalize_first,
        )
        self.env.globals.update(
            catalog=catalog, NOT_PUBLISHED=EN.not_published, today=self.today,
            fees_by_kind=fees_by_kind, collect_notes=collect_notes, eligibility_of=eligibility_of,
            syllabus_url=syllabus_url, level_sort_key=level_sort_key, search_boost=search_boost, body_ids=body_ids,
            roles_by_program=lambda body_id: roles_by_program(catalog, body_id),
            search_keywords=search_keywords, syllabus_name=self.syllabus_name,
            next_sessions=lambda program: exam_calendar.next_sessions(program, self.today),
            permalink=lambda path: absolute(self.site_url, path),
        )
        views.install(self.env, catalog, EN)

    def syllabus_name(self, syllabus: Syllabus) -> str:
        program = self.catalog.programs[syllabus.program]
        level = self.catalog.level(syllabus.program, syllabus.level) if syllabus.level else None
        return f"{program.name.en} syllabus" + (f": {level.name.en}" if level else "")

    def _render(self, template: str, **context) -> str:
        return self.env.get_template(f"en/{template}").render(**context)

    def pages(self) -> dict[str, str]:
        out = catalog_pages(self.catalog, self._render)
        out[compare.PAGE_PATH] = compare.page(self.env, self.catalog, EN, self.today, "en/compare.md.j2")
        return out


def fallback_page(markdown: str) -> str:
    """A Chinese page in the English edition: the page whole, marked lang="zh", under the marker."""
    found = _FRONT_MATTER.match(markdown)
    front, body = (found.group(0), markdown[found.end():]) if found else ("", markdown)
    return (
        f"{front}\n"
        f'!!! untranslated "{UNTRANSLATED}"\n\n'
        "    This page has no English version yet; below is the Chinese page.\n\n"
        f'<div lang="zh" markdown>\n\n{body.strip()}\n\n</div>\n'
    )


def hand_written_pages(root: Path) -> dict[str, str]:
    """The English edition's own hand-written pages (content/pages-en/), by path."""
    folder = root / PAGES_FOLDER
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.glob("**/*.md"))}


def site_files(root: Path, catalog: Catalog, zh_files: dict[str, str | bytes], zh_pages: dict[str, str],
               today: dt.date | None = None, site_url: str | None = None) -> dict[str, str | bytes]:
    """Every generated file of the English edition (its hand-written pages are not among them).

    `zh_files` are the Chinese edition's generated files and `zh_pages` its hand-written pages;
    whatever has no English page falls back to the Chinese one."""
    today = today or exam_calendar.build_today()
    own = hand_written_pages(root)
    files: dict[str, str | bytes] = dict(EnglishRenderer(catalog, today, english_url(site_url)).pages())
    files[compare.DATA_PATH] = compare.data_json(catalog, EN, today)
    for path, content in {**zh_pages, **zh_files}.items():
        if path in files or path in own:
            continue
        files[path] = fallback_page(content) if path.endswith(".md") and isinstance(content, str) else content
    return files


def english_url(site_url: str | None) -> str | None:
    """The English edition's address: the Chinese one's plus en/."""
    if not site_url:
        return site_url
    return site_url.rstrip("/") + "/" + PREFIX


def edition_paths(root: Path, zh_paths: list[str]) -> list[str]:
    """The English edition's site paths (en/…), for the published-URL registry; [] without one.

    `site_files` gives the English edition every path of the Chinese one (its own page or the
    fallback), plus its own hand-written pages, so this needs no rendering."""
    if not configured(root):
        return []
    return sorted(PREFIX + path for path in {*zh_paths, *hand_written_pages(root)})


def load_config(root: Path, site_dir: Path, zh_config):
    """The English build's MkDocs configuration: mkdocs.en.yml, built into `site_dir`, at the
    Chinese edition's address plus en/."""
    from mkdocs.config import load_config as mkdocs_load_config

    return mkdocs_load_config(config_file=str(root / CONFIG), site_dir=str(site_dir), strict=True,
                              site_url=english_url(zh_config.site_url))


def edition_files(root: Path, catalog: Catalog, zh_files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """What the catalog plugin hands the English build (`edition: en`)."""
    from .pipeline import PAGES_FOLDER as ZH_PAGES, hand_written_pages as zh_hand_written
    from .siteurl import configured_site_url

    zh_pages = {path: (root / ZH_PAGES / path).read_text(encoding="utf-8") for path in zh_hand_written(root)}
    return site_files(root, catalog, zh_files, zh_pages, site_url=configured_site_url(root))


def without_jieba(search) -> None:
    """The English search index is not segmented by jieba.

    Material's search plugin segments every run of Han characters with jieba whenever jieba is
    installed, whatever `lang` says. The English edition's Chinese fallback text is indexed as
    written instead: this build's search index (made in the search plugin's on_config, so call
    this from on_pre_build) gets a segmenter that does nothing."""
    index = getattr(search, "search_index", None)
    if index is not None:
        index._segment_chinese = lambda text: text


def generated_tree(root: Path, catalog: Catalog, zh_files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """The English edition's whole Markdown tree under en/ (for `catalog generate`); {} without one."""
    if not configured(root):
        return {}
    tree = {**hand_written_pages(root), **edition_files(root, catalog, zh_files)}
    return {PREFIX + path: content for path, content in tree.items()}
