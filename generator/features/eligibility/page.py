"""The cross-programme self-check page, /eligibility/, and the rules files its widget reads, per edition.

The page stays light whatever the size of the catalogue: it lists each programme with a link to its
报考条件 section (where the rules are, in words, without JavaScript) and the notes on its rules, and the
widget fetches a programme's rules only when it shows that programme's result (rules_json.EAGER_LIMIT).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.features.eligibility import wording
from generator.features.eligibility.rules_json import RULES_PATH, listed_programs, program_files, rules_json, shares_family_rules
from generator.pages.build import Build
from generator.source.catalog import Catalog
from generator.source.models import Level, Note, Program

EDITIONS = ("zh", "en")

PAGE_PATH = "eligibility/index.md"


@dataclass(frozen=True)
class ListedProgram:
    """One entry of the page's list: the programme, the specialties that share its rules, and the notes
    on its rules, by level name (None for notes on the whole programme's rules)."""

    program: Program
    sharing: tuple[str, ...]  # names of the specialties that share its rules
    notes: tuple[tuple[str | None, Note], ...]


def files(build: Build) -> dict[str, str]:
    """The page /eligibility/ and the rules JSON the widget evaluates, in the edition's words."""
    catalog, words = build.catalog, build.words
    programs = listed_programs(catalog)
    shared = {p.id for p in programs if shares_family_rules(p, catalog)}
    listed = [ListedProgram(p, tuple(words.name(catalog.programs[s].name) for s in catalog.specialties.get(p.id, ()) if s in shared),
                            rule_notes(p, words.name))
              for p in programs if p.id not in shared]
    page = build.page(PAGE_PATH, "eligibility.md.j2", listed=listed, readings=readings(catalog, words.lang),
                      t=wording.PAGE[words.lang])
    return {PAGE_PATH: page, RULES_PATH: rules_json(catalog, words), **program_files(catalog, words)}


def rule_notes(program: Program, name) -> tuple[tuple[str | None, Note], ...]:
    """The notes on a programme's rules: its eligibility's own, each level's, and a level's notes that cite
    the passage its rules come from (such as a garbled table's column order)."""
    out: list[tuple[str | None, Note]] = [(None, n) for n in (program.eligibility.notes if program.eligibility else ())]
    for level in program.levels:
        out += [(name(level.name), n) for n in _level_rule_notes(level)]
    return tuple(out)


def _level_rule_notes(level: Level) -> list[Note]:
    rules = level.eligibility
    if rules is None:
        return []
    about_rules = [n for n in level.notes if any(s == rules.source for s in n.sources)]
    return [*rules.notes, *about_rules]


def readings(catalog: Catalog, lang: str) -> tuple[str, ...]:
    """How the self-check reads the rules, in the words the site shows candidates, with the field's own
    words (content/site.yaml `related_majors`, the first scheme of content/schemes.yaml and its holders)."""
    majors = catalog.site.related_majors
    names = catalog.vocabulary(lang)
    scheme = next(iter(catalog.schemes), None)
    example = wording.READING_EXAMPLE[lang].format(
        scheme=names.schemes[scheme], holders=wording.LIST_SEPARATOR[lang].join(names.scheme_holders[scheme])
    ) if scheme and names.scheme_holders.get(scheme) else ""
    related = wording.READING_MAJORS[lang].format(majors=majors) if majors else wording.READING_MAJORS_NONE[lang]
    return tuple(r.format(majors=related, example=example) for r in wording.READINGS[lang])
