"""One owner per site URL, known before anything is rendered or written.

Every page, redirect and data file of the site is named by an id (or a former id) or by the generator
itself. MkDocs and mkdocs-redirects write whatever they are handed, the later over the earlier, so a
pull request whose new id, former id or hand-written page names a path that is already taken would
silently replace that page (and, for a programme, its calendar, feed and API file). This module
refuses such a claim with file:line naming both owners.

Ids of one kind share one folder, and the per-programme files elsewhere (calendar/<id>.*,
api/v1/programs/<id>.json, assets/data/eligibility/<id>.json) are keyed by the same programme ids, so
one URL per id and kind stands for all of them. Section pages (programs/index.md, policies/timeline.md,
calendar/all.ics …) sit beside the id pages, so their names are reserved for every id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

from generator.source.catalog import Catalog
from generator.source.load import RawDocument
from generator.publish.permalinks import redirects, url_of
from generator.source.problems import Problem
from generator.source.validate import ValidProject, format_loc

# Names the site's own pages use, beside or instead of id pages: index and timeline pages, calendar/all.ics,
# and top-level sections an id must never shadow (a future /programs/compare/ or /policies/api/).
RESERVED_NAMES = frozenset({
    "index", "timeline", "all", "api", "assets", "search", "en", "calendar", "plan", "compare", "schema",
})

FOLDER_OF_KIND = {"program": "programs", "policy": "policies", "body": "bodies"}
WORD_OF_KIND = {"program": "programme", "policy": "policy", "body": "body"}


@dataclass(frozen=True)
class Owner:
    """Who claims a URL: a data file at a field, or a hand-written file.

    The line is looked up only when a message names it: finding a line re-reads its file with the
    round-trip loader (RawDocument.line_of), slow enough that doing it for every claim of a clean
    catalogue took most of the build at 1,000 programmes."""

    file: str
    field: str
    what: str  # e.g. "the page of programme 'x'", "a redirect to programme 'x'"
    is_redirect: bool = False
    doc: RawDocument | None = None  # None: a hand-written file, named at line 1
    loc: tuple[str | int, ...] = ()

    @property
    def line(self) -> int:
        return self.doc.line_of(self.loc) if self.doc is not None else 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line} ({self.what})"


def _data_owner(doc: RawDocument, loc: tuple[str | int, ...], what: str, is_redirect: bool = False) -> Owner:
    return Owner(doc.relpath, format_loc(loc), what, is_redirect, doc, loc)


def _claims(project: ValidProject) -> list[tuple[str, Owner]]:
    """(URL, owner) for every id page, former-id redirect and syllabus page the data asks for."""
    claims: list[tuple[str, Owner]] = []
    for kind, items in (("program", project.programs), ("policy", project.policies), ("body", project.bodies)):
        folder = FOLDER_OF_KIND[kind]
        for found in items:
            item, doc = found.value, found.doc
            claims.append((f"/{folder}/{item.id}/",
                           _data_owner(doc, ("id",), f"the page of {WORD_OF_KIND[kind]} '{item.id}'")))
            for i, old in enumerate(item.former_ids):
                claims.append((f"/{folder}/{old}/", _data_owner(doc, ("former_ids", i),
                                                                f"a redirect to {WORD_OF_KIND[kind]} '{item.id}'",
                                                                is_redirect=True)))
    for found in project.syllabi:
        syllabus, doc = found.value, found.doc
        field = "level" if syllabus.level else "program"
        claims.append((f"/syllabi/{syllabus.id}/", _data_owner(doc, (field,), f"the syllabus page '{syllabus.id}'")))
        if syllabus.level:  # per-level syllabi share the list of their levels at /syllabi/<program>/
            claims.append((f"/syllabi/{syllabus.program}/", _data_owner(
                doc, ("program",), f"the list of syllabus levels of '{syllabus.program}'")))
    return claims


def _reserved_and_self(project: ValidProject) -> list[Problem]:
    problems = []
    for found in (*project.programs, *project.policies, *project.bodies):
        item, doc = found.value, found.doc
        named = [(("id",), item.id)] + [(("former_ids", i), old) for i, old in enumerate(item.former_ids)]
        for loc, name in named:
            if name in RESERVED_NAMES:
                problems.append(Problem(doc.relpath, doc.line_of(loc), format_loc(loc),
                                        f"'{name}' is reserved for the site's own pages "
                                        f"({', '.join(sorted(RESERVED_NAMES))}); choose another id"))
            elif loc[0] == "former_ids" and name == item.id:
                problems.append(Problem(doc.relpath, doc.line_of(loc), format_loc(loc),
                                        f"former id '{name}' is this file's own id; its page would redirect "
                                        "to itself: remove it"))
    return problems


def _one_owner_each(claims: Iterable[tuple[str, Owner]]) -> list[Problem]:
    """A problem at every claim that finds its URL taken. Pages come before redirects (a redirect never
    replaces a page), then files in name order, a file's claims in the order given (its id before its
    former ids); a file's several claims on one URL (the shared list of syllabus levels) are one claim.
    Sorting by line instead would read every file's lines (see Owner)."""
    ordered = sorted(claims, key=lambda claim: (claim[1].is_redirect, claim[1].file))
    owners: dict[str, Owner] = {}
    problems = []
    for url, owner in ordered:
        first = owners.setdefault(url, owner)
        if first is owner or first.what == owner.what:
            continue
        problems.append(Problem(owner.file, owner.line, owner.field,
                                f"{url} would be {owner.what}, but it is already {first}; "
                                "every URL has one owner: choose another id, or remove this one"))
    return problems


def check_data(project: ValidProject, hand_written: dict[str, str]) -> list[Problem]:
    """Before rendering: reserved names, self-redirects, and two files (data or hand-written pages,
    given as site path → project file) claiming one URL."""
    reserved = _reserved_and_self(project)
    already = {(p.file, p.field) for p in reserved}  # reported once, as that, not again as a clash
    claims = [(url, owner) for url, owner in _claims(project) if (owner.file, owner.field) not in already]
    claims += [(url_of(path), Owner(source, "", f"the hand-written page {source}"))
               for path, source in hand_written.items()]
    return reserved + _one_owner_each(claims)


def check_site(catalog: Catalog, generated: Iterable[str], hand_written: dict[str, str]) -> list[Problem]:
    """After rendering, before writing: hand-written files (site path → project file) may not take a
    generated path (section pages and data files included), and, as a last guard, no redirect may land
    on a page of either kind."""
    generated_urls = {url_of(path): path for path in generated}
    problems = []
    pages: dict[str, str] = {url: f"the generated {path}" for url, path in generated_urls.items()}
    for path, source in sorted(hand_written.items()):
        url = url_of(path)
        if url in generated_urls:
            problems.append(Problem(source, 1, "", f"{url} is already the generated {generated_urls[url]}; "
                                                   "every URL has one owner: move or rename this file"))
        pages.setdefault(url, source)
    for old, new in sorted(redirects(catalog).items()):
        url = url_of(old)
        if url in pages:
            former = PurePosixPath(old).parts[1].removesuffix(".md")
            problems.append(Problem("mkdocs.yml", 1, "redirects",
                                    f"the redirect from former id '{former}' ({url}) to {url_of(new)} would be "
                                    f"written over {pages[url]}; a redirect never replaces a page"))
    return problems


def hand_written_files(root: Path, folder: Path) -> dict[str, str]:
    """Site path → project path (for messages) of every file under a hand-written pages folder."""
    base = root / folder
    return {path.relative_to(base).as_posix(): path.relative_to(root).as_posix()
            for path in sorted(base.rglob("*")) if not path.is_dir() or path.is_symlink()}
