"""The Jinja environment every edition's templates share."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates kept on disk (Jinja's per-user cache folder, keyed by each template's source),
    so a build does not compile them all again: that was a third of the generator's time on the real
    catalogue (BENCHMARKS.md). A cache folder that cannot be used only means compiling."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


@lru_cache(maxsize=1)
def _template_cache() -> _TemplateCache | None:
    try:
        return _TemplateCache()
    except (OSError, RuntimeError):
        return None


def template_environment() -> Environment:
    """The Jinja set-up every edition's templates share."""
    return Environment(
        bytecode_cache=_template_cache(),
        loader=PackageLoader("generator.pages", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # templates emit Markdown; text goes through `inline`/`attr`
        # Markdown anchors are written {#id}, so Jinja comments need other delimiters.
        comment_start_string="{##",
        comment_end_string="##}",
    )
