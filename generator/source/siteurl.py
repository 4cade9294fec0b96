"""The site's public address (mkdocs.yml `site_url`), for permanent links in data files and print.

Read here without importing MkDocs, so the generated tree (`catalog generate`) carries the same links
as the built site. `site_url: !ENV [SITE_URL, null]` is honoured: the variable when set; unset, the
site has no address and names no host (data files and feeds carry paths, links stay relative).
"""

from __future__ import annotations

from pathlib import Path
import yaml


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV` is resolved, every other tag (e.g. `!!python/name:`) read as null."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    from yaml_env_tag import construct_env_tag

    return construct_env_tag(loader, node)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config(root: Path) -> dict:
    """ROOT/mkdocs.yml as data ({} when there is none), read without MkDocs."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    return config if isinstance(config, dict) else {}


def configured_site_url(root: Path) -> str | None:
    """`site_url` from ROOT/mkdocs.yml, with a trailing slash; None when there is none."""
    value = mkdocs_config(root).get("site_url")
    if not value or not isinstance(value, str):
        return None
    return value if value.endswith("/") else value + "/"


def absolute(site_url: str | None, path: str) -> str:
    """A site path ("/programs/x/") as a full URL; the path itself when the address is unknown."""
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")
