"""Stage 3: the resolved, read-only catalogue that rendering works from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Literal, Mapping

from generator.source.models import (
    OTHER_SCHEME, Body, Eligibility, Glossary, Level, Names, Policy, Program, Role, Scheme, SiteSettings, SourceDocument,
    Syllabus, Synonyms,
)
from generator.source.validate import ValidProject

# What a specialty takes from its family when it does not say otherwise.
INHERITED_FIELDS = (
    "bodies", "preconditions", "eligibility", "exam", "fees", "schedule",
    "timeline", "registration", "certificate", "course", "policies",
)


def _inherit(specialty: Program, family: Program) -> Program:
    update = {}
    for name in INHERITED_FIELDS:
        own = getattr(specialty, name)
        if own is None or own == ():
            update[name] = getattr(family, name)
    return specialty.model_copy(update=update)


# The built-in scheme's name: any certificate other than the programme's own.
OTHER_SCHEME_NAME = Names(zh="其他职业或技能证书、职称证书", en="another vocational or skills certificate or professional title")


@dataclass(frozen=True)
class Vocabulary:
    """One edition's names for what eligibility conditions refer to by id."""

    programs: Mapping[str, str]  # programme id → name
    schemes: Mapping[str, str]  # scheme id → name (content/schemes.yaml, and `other`)
    roles: Mapping[str, str]  # role id → name
    # scheme id → names of the programmes with levels whose certificate is one of the scheme (the registry)
    scheme_holders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @staticmethod
    def of(catalog: Catalog | None, lang: Literal["zh", "en"]) -> Vocabulary:
        """The catalogue's vocabulary, or (without a catalogue) only the built-in scheme's name."""
        if catalog is not None:
            return catalog.vocabulary(lang)
        return Vocabulary({}, {OTHER_SCHEME: getattr(OTHER_SCHEME_NAME, lang)}, {})


@dataclass(frozen=True)
class Catalog:
    programs: Mapping[str, Program]
    syllabi: Mapping[str, Syllabus]
    policies: Mapping[str, Policy]
    bodies: Mapping[str, Body]
    glossary: Glossary | None
    # Reverse indexes, built once so templates never search.
    citing_programs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    body_programs: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    specialties: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    program_syllabi: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The field's own vocabulary (content/schemes.yaml) and the site's settings (content/site.yaml).
    schemes: Mapping[str, Scheme] = field(default_factory=dict)
    roles: Mapping[str, Role] = field(default_factory=dict)
    site: SiteSettings = field(default_factory=SiteSettings)
    # The source documents by file name (content/sources.yaml): readers see their titles.
    sources: Mapping[str, SourceDocument] = field(default_factory=dict)
    synonyms: Synonyms | None = None  # content/synonyms.yaml: search synonyms

    def vocabulary(self, lang: Literal["zh", "en"]) -> Vocabulary:
        return self._vocabularies[lang]

    @cached_property
    def _vocabularies(self) -> dict[str, Vocabulary]:
        return {lang: Vocabulary(
            programs={pid: getattr(p.name, lang) for pid, p in self.programs.items()},
            schemes={**{sid: getattr(s.name, lang) for sid, s in self.schemes.items()},
                     OTHER_SCHEME: getattr(OTHER_SCHEME_NAME, lang)},
            roles={rid: getattr(r.name, lang) for rid, r in self.roles.items()},
            scheme_holders={sid: tuple(getattr(self.programs[pid].name, lang) for pid in self.certificates_meeting(sid)
                                       if pid in self.programs and self.programs[pid].levels)
                            for sid in self.schemes},
        ) for lang in ("zh", "en")}

    def scheme_members(self, program_id: str) -> tuple[str, ...]:
        """The registry's schemes that count this programme's certificate as one of theirs."""
        return tuple(sid for sid, s in self.schemes.items() if any(m.program == program_id for m in s.members))

    def certificates_meeting(self, scheme: str) -> tuple[str, ...]:
        """The certificates that meet a requirement of `scheme` (at the same or a higher level): the
        scheme itself and, for a scheme of the registry, every member programme's certificate."""
        registered = self.schemes.get(scheme)
        members = tuple(m.program for m in registered.members if m.program != scheme) if registered else ()
        return (scheme, *members)

    def syllabi_of(self, program_id: str) -> list[Syllabus]:
        return [self.syllabi[sid] for sid in self.program_syllabi.get(program_id, ())]

    def level(self, program_id: str, level_id: str) -> Level | None:
        return next((lv for lv in self.programs[program_id].levels if lv.id == level_id), None)

    def program_relations(self, program_id: str | None = None) -> list[tuple[str, str, Literal["document", "namesake"]]]:
        """(specialty, programme, how they relate) for each specialty and standalone programme of one
        Chinese name: "document" when the programme is the specialty's own document, "namesake" when they
        only share the name. With `program_id`, only the pairs it is in."""
        pairs = []
        for specialty in self.programs.values():
            if specialty.type != "specialty":
                continue
            for other in self.programs.values():
                if other.type != "programme":
                    continue
                if specialty.document == other.id:
                    pairs.append((specialty.id, other.id, "document"))
                elif other.name.zh == specialty.name.zh:
                    pairs.append((specialty.id, other.id, "namesake"))
        return [pair for pair in pairs if program_id is None or program_id in pair[:2]]

    @staticmethod
    def rules_for(program: Program, level_id: str | None) -> Eligibility | None:
        """The eligibility rules that apply to one level of a programme (None: not published).

        The only place that decides it: a level's own rules, else the programme-wide ones; none for a
        level the source marks 待定. A programme without levels is asked with `level_id=None`."""
        if level_id is None:
            return program.eligibility
        level = next(lv for lv in program.levels if lv.id == level_id)
        if level.status == "unpublished":
            return None
        return level.eligibility or program.eligibility

    @property
    def policies_by_date(self) -> list[Policy]:
        """Newest first; undated policies last."""
        return sorted(self.policies.values(), key=lambda p: (p.sort_date, p.id), reverse=True)

    @property
    def policies_oldest_first(self) -> list[Policy]:
        """Oldest first, for a timeline; undated policies last (they have no place on it)."""
        return sorted(self.policies.values(), key=lambda p: (p.date is None, p.sort_date, p.id))


def build_catalog(project: ValidProject) -> Catalog:
    raw_programs = {found.value.id: found.value for found in project.programs}
    programs = {
        pid: _inherit(p, raw_programs[p.family]) if p.family else p for pid, p in sorted(raw_programs.items())
    }
    citing: dict[str, list[str]] = {}
    by_body: dict[str, list[tuple[str, str]]] = {}
    specialties: dict[str, list[str]] = {}
    for pid, program in programs.items():
        for policy in program.policies:
            citing.setdefault(policy, []).append(pid)
        for ref in program.bodies:
            by_body.setdefault(ref.body, []).append((pid, ref.role))
        if program.family:
            specialties.setdefault(program.family, []).append(pid)
    syllabi = {s.value.id: s.value for s in sorted(project.syllabi, key=lambda s: s.value.id)}
    registry = project.schemes.value if project.schemes else None
    by_program: dict[str, list[str]] = {}
    for sid, syllabus in syllabi.items():
        by_program.setdefault(syllabus.program, []).append(sid)
    return Catalog(
        programs=MappingProxyType(programs),
        syllabi=MappingProxyType(syllabi),
        policies=MappingProxyType({p.value.id: p.value for p in project.policies}),
        bodies=MappingProxyType({b.value.id: b.value for b in project.bodies}),
        glossary=project.glossary.value if project.glossary else None,
        citing_programs=MappingProxyType({k: tuple(v) for k, v in citing.items()}),
        body_programs=MappingProxyType({k: tuple(v) for k, v in by_body.items()}),
        specialties=MappingProxyType({k: tuple(v) for k, v in specialties.items()}),
        program_syllabi=MappingProxyType({k: tuple(v) for k, v in by_program.items()}),
        schemes=MappingProxyType({s.id: s for s in registry.schemes} if registry else {}),
        roles=MappingProxyType({r.id: r for r in registry.roles} if registry else {}),
        site=project.site.value if project.site else SiteSettings(),
        sources=MappingProxyType(dict(project.sources.value.sources) if project.sources else {}),
        synonyms=project.synonyms.value if project.synonyms else None,
    )
