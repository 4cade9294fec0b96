"""Stage 1: read every YAML file of the project, keeping line marks for errors."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from generator.source import parallel as parallel_work
from generator.source.problems import Problem

MAX_FILE_BYTES = 1_000_000
# Real data nests about 8 levels; the round-trip loader takes minutes over thousands of levels, so
# anything deeper than this is refused by a fast scan before that loader sees it.
MAX_NESTING = 64


@dataclass(frozen=True)
class RawDocument:
    """One YAML file as parsed, before validation."""

    kind: str
    path: Path
    relpath: str
    data: Any

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The line of the deepest node on `loc` that the file has."""
        node, line = self._marked, 1
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

    @cached_property
    def _marked(self) -> Any:
        """The document with line marks: parsed again, only when a problem needs a line (see _fast_load)."""
        if isinstance(self.data, CommentedMap):
            return self.data
        try:
            return _yaml().load(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YAMLError, ValueError, RecursionError):
            return self.data


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
    ("synonyms", "content/synonyms.yaml"),
    ("schemes", "content/schemes.yaml"),
    ("site", "content/site.yaml"),
    ("sources", "content/sources.yaml"),
)


def _timestamp_as_text(constructor, node):
    # Dates stay text here; the models check them, so an impossible date gets a field and a line.
    return constructor.construct_scalar(node)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    return yaml


def refuse_before_reading(path: Path, relpath: str, root: Path | None,
                          max_bytes: int = MAX_FILE_BYTES) -> Problem | None:
    """Why the file must not be read, judged from the file system alone before reading a byte: a link
    out of the project (or into /dev), a link to nothing, a folder or device named *.yaml, a huge file."""
    def refused(message: str) -> Problem:
        return Problem(relpath, 1, "", message)

    try:
        if path.is_symlink():
            target = Path(os.path.realpath(path))
            if root is not None and not target.is_relative_to(Path(os.path.realpath(root))):
                return refused(f"is a symbolic link to {target}, outside the project; data files are plain files")
            if not target.exists():
                return refused(f"is a symbolic link to {target}, which does not exist")
        info = path.stat()
    except OSError as exc:
        return refused(f"cannot be read: {exc.strerror or exc}")
    if stat.S_ISDIR(info.st_mode):
        return refused("is a folder, not a data file; data files are plain files named *.yaml")
    if not stat.S_ISREG(info.st_mode):
        return refused("is not a plain file (a device, pipe or socket); data files are plain files")
    if info.st_size > max_bytes:
        return refused(f"file is {info.st_size} bytes; the limit is {max_bytes}")
    return None


def _too_deep(text: str) -> int | None:
    """Line where the document nests deeper than MAX_NESTING, found by libyaml's event scan (milliseconds
    for a megabyte), or None. Syntax errors are left to the loaders, which report them with a hint."""
    loader = _FastLoader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (pyyaml.MappingStartEvent, pyyaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_NESTING:
                    return event.start_mark.line + 1
            elif isinstance(event, (pyyaml.MappingEndEvent, pyyaml.SequenceEndEvent)):
                depth -= 1
    except pyyaml.MarkedYAMLError as exc:
        # libyaml gives up itself at 1,000 flow levels; the round-trip loader would not.
        if "nesting depth" in str(exc.problem) and exc.problem_mark is not None:
            return exc.problem_mark.line + 1
    except (pyyaml.YAMLError, ValueError, RecursionError):
        pass
    finally:
        loader.dispose()
    return None


def parse_file(path: Path, relpath: str, root: Path | None = None) -> tuple[Any, list[Problem]]:
    """Parse one file; a bad file gives problems, never an exception. `root`: links may not leave it."""
    refusal = refuse_before_reading(path, relpath, root)
    if refusal is not None:
        return None, [refusal]
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # never more, whatever the size said
    except OSError as exc:
        return None, [Problem(relpath, 1, "", f"cannot be read: {exc.strerror or exc}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(relpath, 1, "", f"file is over {MAX_FILE_BYTES} bytes, the limit")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(relpath, line, "", "file is not valid UTF-8; save it as UTF-8")]
    if not text.strip():
        return None, [Problem(relpath, 1, "", "file is empty")]
    deep = _too_deep(text)
    if deep is not None:
        return None, [Problem(relpath, deep, "", f"values nest more than {MAX_NESTING} levels deep; "
                                                 "data files need far fewer")]
    data = _fast_load(text)
    if data is not None:
        return data, []
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


# Field names, and the source file names that key content/sources.yaml (plain text to both loaders).
_FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]*|[0-9]{3}_[0-9a-f]{16}\.txt")
# A block scalar header (| or >) with something other than its indicators after it: the two parsers
# disagree on some of these, so the round-trip loader reads the file.
_ODD_BLOCK_HEADER = re.compile(r"(?m)(?:^|[ :-])[|>][-+0-9]*[^-+0-9\s]")
# What could start an anchor, alias or tag (& * ! at the start of a token), a directive, a merge key, or
# a tab: files with any of these go to the round-trip loader (which also catches alias bombs).
_TOKEN_START = re.compile(r"(?m)(?:^|[\s\[{,])[&*!]")
_DIRECTIVE = re.compile(r"(?m)^%")


def _risky(text: str) -> bool:
    """Whether the fast loader should leave the file to the round-trip loader (cheap checks first)."""
    return bool(
        "<<" in text or "\t" in text
        or (("&" in text or "*" in text or "!" in text) and _TOKEN_START.search(text))
        or ("%" in text and _DIRECTIVE.search(text))
        or (("|" in text or ">" in text) and _ODD_BLOCK_HEADER.search(text)))


_TEXT_TAG = "tag:yaml.org,2002:str"


class _Unsure(Exception):
    """The fast loader cannot promise the round-trip loader's result: let that one decide."""


class _FastLoader(getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)):  # libyaml's parser when built with it
    """Reads plain data files 20–30 times faster than the round-trip loader, with the same result.

    Same YAML 1.2 typing (ruamel's own resolver patterns), dates kept as text, and anything where the
    two could differ (duplicate keys, tags, unusual numbers) handed to the round-trip loader.
    """

    def plain_data(self, node):
        """The node as dicts, lists and scalars. Text (nearly every node) is taken as it is, rather than
        through PyYAML's general construction machinery, which was most of the loader's time."""
        if isinstance(node, pyyaml.ScalarNode):
            return node.value if node.tag == _TEXT_TAG else self.construct_object(node, deep=True)
        if isinstance(node, pyyaml.SequenceNode):
            return [self.plain_data(item) for item in node.value]
        # Field names are plain snake_case words; anything else (or a repeated key) goes to the
        # round-trip loader, whose rules for odd keys and whose duplicate-key error are the reference.
        keys = [key.value if isinstance(key, pyyaml.ScalarNode) else None for key, _ in node.value]
        if len(keys) != len(set(keys)) or not all(
                isinstance(key, str) and _FIELD_NAME.fullmatch(key) for key in keys) or any(
                key.tag != _TEXT_TAG or key.style for key, _ in node.value):
            raise _Unsure
        return {key: self.plain_data(value) for key, (_, value) in zip(keys, node.value)}

    # The composer asks these for every node; data files use no path resolvers.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is pyyaml.ScalarNode and implicit[0]:
            for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return tag
            return _TEXT_TAG
        return super().resolve(kind, value, implicit)

    def construct_yaml_int(self, node):
        value = self.construct_scalar(node)
        if not re.fullmatch(r"[-+]?(?:0|[1-9][0-9]*)", value):
            raise _Unsure
        return int(value)

    def construct_yaml_float(self, node):
        value = self.construct_scalar(node)
        if not re.fullmatch(r"[-+]?[0-9]+\.[0-9]*", value):
            raise _Unsure
        return float(value)

    def construct_undefined(self, node):
        raise _Unsure


def _fast_loader_types() -> None:
    from ruamel.yaml.resolver import implicit_resolvers

    _FastLoader.yaml_implicit_resolvers = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions and tag.rsplit(":", 1)[1].split(",")[-1] not in {"yaml", "value", "merge"}:
            # ruamel's patterns are lazily compiled proxies; a plain compiled pattern is much faster to call.
            _FastLoader.add_implicit_resolver(tag, re.compile(regexp.pattern, regexp.flags), first)
    _FastLoader.yaml_constructors = {
        **_FastLoader.yaml_constructors,
        "tag:yaml.org,2002:int": _FastLoader.construct_yaml_int,
        "tag:yaml.org,2002:float": _FastLoader.construct_yaml_float,
        "tag:yaml.org,2002:timestamp": _FastLoader.construct_scalar,
        None: _FastLoader.construct_undefined,
    }


_fast_loader_types()


def _fast_load(text: str) -> dict | None:
    """The document as plain data, or None when the round-trip loader must read it.

    That is: any anchor or alias character, any syntax problem, anything not a mapping, anything the
    fast loader is unsure of. Line marks for problems come later from RawDocument._marked.
    """
    if _risky(text):
        return None
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if not isinstance(node, pyyaml.MappingNode):
            return None
        return loader.plain_data(node)
    except (_Unsure, pyyaml.YAMLError, ValueError, RecursionError):
        return None
    finally:
        loader.dispose()


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


# From this many data files, parsing is spread over the cores (generator/source/parallel.py).
PARALLEL_FROM_FILES = 400


def load_project(root: Path) -> tuple[RawProject, list[Problem]]:
    found = [(kind, path, path.relative_to(root).as_posix())
             for kind, pattern in KIND_GLOBS for path in sorted(root.glob(pattern))]
    parsed = parallel_work.map_all(lambda item: parse_file(item[1], item[2], root), found,
                                   parallel_work.worth_it(len(found), PARALLEL_FROM_FILES))
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    for (kind, path, relpath), (data, file_problems) in zip(found, parsed):
        problems.extend(file_problems)
        if data is not None:
            documents.append(RawDocument(kind, path, relpath, data))
    pages = tuple(sorted((root / "content" / "pages").glob("**/*.md")))
    return RawProject(root, tuple(documents), pages), problems
