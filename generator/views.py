"""Template helpers for the level ladder and the compare control, shared by both editions.

`install` adds them to a renderer's Jinja environment; the templates call them and decide nothing.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from . import compare, ladder
from .i18n import UNTRANSLATED, UNTRANSLATED_SHORT, Words

if TYPE_CHECKING:
    from jinja2 import Environment

    from .catalog import Catalog


def html_text(text: object) -> str:
    """Text for raw HTML: escaped (quotes too) and on one line, so it can never end an HTML block."""
    return html.escape(" ".join(str(text).split()), quote=True)


def install(env: Environment, catalog: Catalog, words: Words) -> None:
    env.filters["h"] = html_text
    env.filters["cond"] = lambda condition: words.condition(condition, catalog)
    env.globals.update(
        w=words,
        UNTRANSLATED=UNTRANSLATED,
        UNTRANSLATED_SHORT=UNTRANSLATED_SHORT,
        ladder=lambda program: ladder.ladder(program, catalog),
        ladder_linked=ladder.is_linked,
        compare_url=compare.compare_url,
        compare_text=compare.TEXT[words.lang],
    )
