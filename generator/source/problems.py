"""The one shape every input problem takes: file:line: field: message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{field} {self.message}"


class CatalogError(Exception):
    """Raised with every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        # Rebuilt from the problems, not the message: an error raised in a forked worker
        # (generator/source/parallel.py) reaches the parent intact.
        return type(self), (self.problems,)
