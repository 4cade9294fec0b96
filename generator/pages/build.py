"""The build context: what every feature of one edition is handed (as Pelican hands its context).

A `Build` is made once per edition and build by `generator.site`. Features read the catalogue, the
reader-independent "today" (the build date, the fallback when a page has no JavaScript), the site's
address and the edition's words from it, and render their pages through `render` / `page`, which pick
the edition's template and add the page metadata that features declared for that path.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Mapping

from jinja2 import Environment

from generator.source.catalog import Catalog
from generator.source.siteurl import absolute
from generator.words.editions import Words


@dataclass
class Build:
    catalog: Catalog
    today: dt.date
    site_url: str | None
    words: Words
    env: Environment
    # Front-matter keys for generated pages, by path, declared by features before any page is rendered
    # (for example JSON-LD); `page` writes them into the page's front matter.
    page_meta: Mapping[str, Mapping[str, object]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        """A site path as a full URL where the site's address is known, else the path itself."""
        return absolute(self.site_url, path)

    def render(self, template: str, **context: object) -> str:
        """A template of this edition: its own version under `<lang>/` if it has one, else the shared one."""
        names = [f"{self.words.lang}/{template}", template] if self.words.lang != "zh" else [template]
        return self.env.select_template(names).render(**context)

    def page(self, path: str, template: str, **context: object) -> str:
        """The page at `path`, with the metadata features declared for it in its front matter."""
        return with_front_matter(self.render(template, **context), self.page_meta.get(path, {}))


def with_front_matter(markdown: str, values: Mapping[str, object]) -> str:
    """Markdown with `values` as extra front-matter keys (one JSON line each: JSON is valid YAML)."""
    if not values:
        return markdown
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in values.items())
    if not markdown.startswith("---\n"):
        return "---\n" + lines + "---\n\n" + markdown
    return "---\n" + lines + markdown[4:]
