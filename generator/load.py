"""Stage 1: read every YAML file of the project, keeping line marks for errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from .problems import Problem

MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class RawDocument:
    """One YAML file as parsed, before validation."""

    kind: str
    path: Path
    relpath: str
    data: Any

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The line of the deepest node on `loc` that the file has."""
        node, line = self.data, 1
        for key in loc:
            if isinstance(node, CommentedMap) and key in node:
                line = node.lc.key(key)[0] + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
                line = node.lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        return line


@dataclass(frozen=True)
class RawProject:
    root: Path
    documents: tuple[RawDocument, ...]
    pages: tuple[Path, ...]

    def of_kind(self, kind: str) -> list[RawDocument]:
        return [doc for doc in self.documents if doc.kind == kind]


# Where each kind lives, relative to the project root.
KIND_GLOBS: tuple[tuple[str, str], ...] = (
    ("program", "programs/*.yaml"),
    ("syllabus", "syllabi/**/*.yaml"),
    ("policy", "content/policies/*.yaml"),
    ("body", "content/bodies/*.yaml"),
    ("glossary", "content/glossary.yaml"),
)


def _timestamp_as_text(constructor, node):
    # Dates stay text here; the models check them, so an impossible date gets a field and a line.
    return constructor.construct_scalar(node)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    return yaml


def parse_file(path: Path, relpath: str) -> tuple[Any, list[Problem]]:
    """Parse one file; a bad file gives problems, never an exception."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(relpath, 1, "", f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(relpath, line, "", "file is not valid UTF-8; save it as UTF-8")]
    if not text.strip():
        return None, [Problem(relpath, 1, "", "file is empty")]
    try:
        alias = _first_alias(text)
        if alias is not None:
            return None, [Problem(relpath, alias, "", "anchors and aliases (&name / *name) are not allowed in data files; "
                                  "write the value out in full")]
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        line, message = _syntax_problem(exc, text)
        return None, [Problem(relpath, line, "", f"YAML syntax: {message}")]
    except (YAMLError, ValueError, RecursionError) as exc:
        return None, [Problem(relpath, 1, "", f"YAML could not be read: {exc}")]
    if not isinstance(data, CommentedMap):
        return None, [Problem(relpath, 1, "", "the file must be a mapping of field: value")]
    return data, []


def _first_alias(text: str) -> int | None:
    """Line of the first alias: aliases can multiply a small file into a huge one (alias bombs)."""
    for event in _yaml().parse(text):
        if isinstance(event, AliasEvent):
            return event.start_mark.line + 1
    return None


FULL_WIDTH = {"：": ":", "－": "-"}


def _syntax_problem(exc: MarkedYAMLError, text: str) -> tuple[int, str]:
    """Line and message for a syntax error, pointing at the usual culprits: tabs and full-width punctuation."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        return line, message + " (tabs are not allowed for indentation; use spaces)"
    nearby = [exc.context_mark.line + 1] if exc.context_mark else []
    nearby += [line, line - 1]
    for candidate in nearby:
        # Only the key part: values are Chinese text and may use any punctuation.
        head = lines[candidate - 1].split("#")[0].split(":")[0] if 0 < candidate <= len(lines) else ""
        wide = next((ch for ch in FULL_WIDTH if ch in head), None)
        if wide:
            return candidate, (f"{message} (full-width '{wide}' in a field name or list mark; "
                               f"YAML needs the ASCII '{FULL_WIDTH[wide]}')")
    return line, message


def load_project(root: Path) -> tuple[RawProject, list[Problem]]:
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    for kind, pattern in KIND_GLOBS:
        for path in sorted(root.glob(pattern)):
            relpath = path.relative_to(root).as_posix()
            data, file_problems = parse_file(path, relpath)
            problems.extend(file_problems)
            if data is not None:
                documents.append(RawDocument(kind, path, relpath, data))
    pages = tuple(sorted((root / "content" / "pages").glob("**/*.md")))
    return RawProject(root, tuple(documents), pages), problems
