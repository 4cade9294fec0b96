"""Stage 2: check every document against its model, then check references between them."""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import BaseModel, ValidationError

from generator.source.load import RawDocument, RawProject
from generator.source.models import (
    OTHER_SCHEME, Body, Glossary, Policy, Program, Schemes, SiteSettings, Source, SourceRegistry, Syllabus, Synonyms,
)
from generator.source.problems import Problem

MODEL_OF_KIND: dict[str, type[BaseModel]] = {
    "program": Program,
    "syllabus": Syllabus,
    "policy": Policy,
    "body": Body,
    "glossary": Glossary,
    "synonyms": Synonyms,
    "schemes": Schemes,
    "site": SiteSettings,
    "sources": SourceRegistry,
}


@dataclass(frozen=True)
class Located:
    """A validated object and the raw document it came from, for error lines."""

    value: BaseModel
    doc: RawDocument


@dataclass(frozen=True)
class ValidProject:
    programs: tuple[Located, ...]
    syllabi: tuple[Located, ...]
    policies: tuple[Located, ...]
    bodies: tuple[Located, ...]
    glossary: Located | None
    schemes: Located | None = None
    site: Located | None = None
    sources: Located | None = None
    synonyms: Located | None = None


def format_loc(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _submodel(annotation: object) -> type[BaseModel] | None:
    """The model class inside X, X | None or tuple[X, ...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found:
            return found
    return None


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _submodel(field.annotation)
    return current


def _clean_loc(loc: tuple) -> tuple[str | int, ...]:
    # pydantic adds tags such as 'function-after[...]' for validators; drop them.
    return tuple(p for p in loc if isinstance(p, int) or not ("[" in p and "]" in p))


def _explain(error: dict, model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        known = list(parent.model_fields) if parent else []
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.5) if loc else []
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        return f"unknown field{hint} (allowed: {', '.join(known)})"
    if kind == "missing":
        return "required field is missing"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if "input" in error and kind not in {"model_type"}:
        shown = repr(error["input"])
        if len(shown) < 60:
            message += f" (got {shown})"
    return message


def _check_shape(doc: RawDocument) -> tuple[BaseModel | None, list[Problem]]:
    model = MODEL_OF_KIND[doc.kind]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        errors = exc.errors()
        for error in errors:
            loc = _clean_loc(error["loc"])
            if _emptied_by_its_items(error, loc, errors):
                continue
            problems.append(Problem(doc.relpath, doc.line_of(loc), format_loc(loc), _explain(error, model, loc)))
        return None, problems


def _emptied_by_its_items(error: dict, loc: tuple, errors: list[dict]) -> bool:
    """pydantic counts a list's length after its items' own errors: a list whose only item is wrong is
    also "too short". That is the same mistake reported twice; the item's error says what is wrong."""
    return error["type"] == "too_short" and any(
        len(other_loc) > len(loc) and other_loc[:len(loc)] == loc
        for other_loc in (_clean_loc(other["loc"]) for other in errors))


def _check_file_names(found: Located) -> list[Problem]:
    """Ids come from file names, so a URL never changes behind an editor's back."""
    value, doc = found.value, found.doc
    path = PurePosixPath(doc.relpath)
    if doc.kind == "syllabus":
        expected = path.with_suffix("").relative_to("syllabi").as_posix()
        if value.id != expected:
            field = "level" if value.level else "program"
            return [Problem(doc.relpath, doc.line_of((field,)), field,
                            f"this file describes syllabus '{value.id}', so it belongs at syllabi/{value.id}.yaml")]
        return []
    if doc.kind in {"program", "policy", "body"} and value.id != path.stem:
        return [Problem(doc.relpath, doc.line_of(("id",)), "id",
                        f"id '{value.id}' must match the file name '{path.stem}'")]
    return []


class _References:
    """Cross-document checks: every reference must name something that exists."""

    def __init__(self, raw: RawProject, programs, syllabi, policies, bodies, registry: Located | None):
        self.programs = {p.value.id: p.value for p in programs}
        # Ids of files that failed their own checks still count, so one mistake is reported once. A
        # syllabus's id is its path (syllabi/<id>.yaml, checked in _check_file_names).
        self.syllabus_ids = {s.value.id for s in syllabi} | {
            doc.relpath.removeprefix("syllabi/").removesuffix(".yaml") for doc in raw.of_kind("syllabus")}
        self.program_ids = set(self.programs) | _raw_ids(raw, "program")
        self.policies = {p.value.id for p in policies} | _raw_ids(raw, "policy")
        self.bodies = {b.value.id for b in bodies} | _raw_ids(raw, "body")
        # Certificate schemes that are not programme ids: content/schemes.yaml's, and `other`.
        self.schemes = {s.id for s in registry.value.schemes} if registry else set()
        for doc in raw.of_kind("schemes"):  # a registry that failed its own checks still names its schemes
            listed = doc.data.get("schemes") if isinstance(doc.data, dict) else None
            self.schemes |= {str(s["id"]) for s in listed or () if isinstance(s, dict) and s.get("id")}
        self.schemes.add(OTHER_SCHEME)
        self.problems: list[Problem] = []

    def expect(self, doc: RawDocument, loc: tuple, value: str, known, what: str) -> None:
        if value in known:
            return
        guess = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        self.problems.append(Problem(doc.relpath, doc.line_of(loc), format_loc(loc),
                                     f"no {what} with id '{value}'{hint}"))

    def program(self, found: Located) -> None:
        program, doc = found.value, found.doc
        for i, ref in enumerate(program.bodies):
            self.expect(doc, ("bodies", i, "body"), ref.body, self.bodies, "body")
        for i, policy in enumerate(program.policies):
            self.expect(doc, ("policies", i), policy, self.policies, "policy")
        if program.certificate:
            self.expect(doc, ("certificate", "issuer"), program.certificate.issuer, self.bodies, "body")
        if program.family:
            families = {k for k, v in self.programs.items() if v.type == "family"}
            self.expect(doc, ("family",), program.family, families, "programme family")
        if program.document:
            self.expect(doc, ("document",), program.document, self.program_ids, "programme")
        level_ids = {level.id for level in program.levels}
        for i, fee in enumerate(program.fees):
            for j, level in enumerate(fee.levels):
                self.expect(doc, ("fees", i, "levels", j), level, level_ids, f"level in {program.id}")
        schemes = self.program_ids | self.schemes
        for i, level in enumerate(program.levels):
            if level.syllabus:
                self.expect(doc, ("levels", i, "syllabus"), level.syllabus, self.syllabus_ids, "syllabus")
            if level.eligibility:
                self._conditions(doc, ("levels", i, "eligibility"), level.eligibility, schemes)
        if program.eligibility:
            self._conditions(doc, ("eligibility",), program.eligibility, schemes)

    def _conditions(self, doc, loc, eligibility, schemes) -> None:
        for r, route in enumerate(eligibility.routes):
            for c, condition in enumerate(route.conditions):
                if condition.certificate:
                    self.expect(doc, (*loc, "routes", r, "conditions", c, "certificate", "scheme"),
                                condition.certificate.scheme, schemes, "certificate scheme")

    def syllabus(self, found: Located) -> None:
        syllabus, doc = found.value, found.doc
        self.expect(doc, ("program",), syllabus.program, self.program_ids, "programme")
        program = self.programs.get(syllabus.program)
        if program and syllabus.level:
            self.expect(doc, ("level",), syllabus.level, {lv.id for lv in program.levels},
                        f"level in {program.id}")

    def registry(self, found: Located) -> None:
        """content/schemes.yaml: ids once each, member programmes that exist."""
        doc = found.doc
        for what, items in (("schemes", found.value.schemes), ("roles", found.value.roles)):
            seen: dict[str, int] = {}
            for i, item in enumerate(items):
                if item.id in seen:
                    self.problems.append(Problem(doc.relpath, doc.line_of((what, i, "id")), f"{what}[{i}].id",
                                                 f"duplicate id '{item.id}' (first used by {what}[{seen[item.id]}])"))
                seen.setdefault(item.id, i)
        for i, scheme in enumerate(found.value.schemes):
            for j, member in enumerate(scheme.members):
                self.expect(doc, ("schemes", i, "members", j, "program"), member.program, self.program_ids, "programme")

    def policy(self, found: Located) -> None:
        for i, body in enumerate(found.value.issuer_bodies):
            self.expect(found.doc, ("issuer_bodies", i), body, self.bodies, "body")


def _cited(value: object, loc: tuple = ()):
    """Every Source inside a model, with where it is."""
    if isinstance(value, Source):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _cited(getattr(value, name), (*loc, name))
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _cited(item, (*loc, i))


def _uncatalogued_sources(documents: list[Located], registry: Located) -> list[Problem]:
    """Readers see a source by its title (content/sources.yaml), so every cited file must be listed there."""
    known = registry.value.sources
    return [Problem(found.doc.relpath, found.doc.line_of((*loc, "file")), format_loc((*loc, "file")),
                    f"source file '{source.file}' is not in {registry.doc.relpath}; add its title, kind and publisher there")
            for found in documents for loc, source in _cited(found.value) if source.file not in known]


def _raw_ids(raw: RawProject, kind: str) -> set[str]:
    return {str(doc.data.get("id")) for doc in raw.of_kind(kind) if doc.data.get("id")}


def _duplicate_terms(found: Located) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, term in enumerate(found.value.terms):
        if term.id in seen:
            problems.append(Problem(found.doc.relpath, found.doc.line_of(("terms", i, "id")), f"terms[{i}].id",
                                    f"duplicate id '{term.id}' (first used by terms[{seen[term.id]}])"))
        seen.setdefault(term.id, i)
    return problems


def _repeated_synonyms(found: Located) -> list[Problem]:
    """A word belongs to one `same` group: in two, the groups would silently merge."""
    problems = []
    seen: dict[str, int] = {}
    for i, group in enumerate(found.value.same):
        for j, word in enumerate(group):
            if group.index(word) != j:
                problems.append(Problem(found.doc.relpath, found.doc.line_of(("same", i, j)), f"same[{i}][{j}]",
                                        f"'{word}' is already in this group"))
            elif word in seen and seen[word] != i:
                problems.append(Problem(found.doc.relpath, found.doc.line_of(("same", i, j)), f"same[{i}][{j}]",
                                        f"'{word}' is already in same[{seen[word]}]; merge the two groups"))
            seen.setdefault(word, i)
    return problems


def validate_project(raw: RawProject) -> tuple[ValidProject, list[Problem]]:
    problems: list[Problem] = []
    by_kind: dict[str, list[Located]] = {kind: [] for kind in MODEL_OF_KIND}
    for doc in raw.documents:
        value, shape_problems = _check_shape(doc)
        problems.extend(shape_problems)
        if value is not None:
            found = Located(value, doc)
            problems.extend(_check_file_names(found))
            by_kind[doc.kind].append(found)

    registry = by_kind["schemes"][0] if by_kind["schemes"] else None
    references = _References(raw, by_kind["program"], by_kind["syllabus"], by_kind["policy"], by_kind["body"], registry)
    if registry:
        references.registry(registry)
    for settings in by_kind["site"]:
        for i, pid in enumerate(settings.value.compare_example):
            references.expect(settings.doc, ("compare_example", i), pid, references.program_ids, "programme")
    for found in by_kind["program"]:
        references.program(found)
    for found in by_kind["syllabus"]:
        references.syllabus(found)
    for found in by_kind["policy"]:
        references.policy(found)
    problems.extend(references.problems)

    glossary = by_kind["glossary"][0] if by_kind["glossary"] else None
    if glossary:
        problems.extend(_duplicate_terms(glossary))
    sources = by_kind["sources"][0] if by_kind["sources"] else None
    if sources:
        problems.extend(_uncatalogued_sources(
            [found for kind, items in by_kind.items() if kind != "sources" for found in items], sources))
    synonyms = by_kind["synonyms"][0] if by_kind["synonyms"] else None
    if synonyms:
        problems.extend(_repeated_synonyms(synonyms))
    project = ValidProject(
        programs=tuple(by_kind["program"]),
        syllabi=tuple(by_kind["syllabus"]),
        policies=tuple(by_kind["policy"]),
        bodies=tuple(by_kind["body"]),
        glossary=glossary,
        schemes=registry,
        site=by_kind["site"][0] if by_kind["site"] else None,
        sources=sources,
        synonyms=synonyms,
    )
    return project, problems


def overdue_reviews(project: ValidProject, today) -> list[Problem]:
    """Programmes and policies whose review_by date has passed."""
    found = []
    for item in (*project.programs, *project.policies):
        review_by = item.value.review_by
        if review_by is not None and review_by < today:
            found.append(Problem(item.doc.relpath, item.doc.line_of(("review_by",)), "review_by",
                                 f"review date {review_by} has passed: check the facts against the source, "
                                 "then update last_verified and review_by"))
    return found
