"""A generator for certification-catalogue sites: YAML programmes, syllabi and a knowledge base in,
a static site out.

The public API is three functions; everything else is internal and may change:

- `load_catalog(root)`: load and validate a project, raising `CatalogError` with every problem;
- `generate(root, out)`: write the generated Markdown tree of both editions, for any static engine;
- `build_site(root)`: generate, then build the site with MkDocs into `root/site`.

Inside, data flows one way: source/ (load → validate → models → catalog) → words/ → pages/ →
features/ → publish/ → site.py (one Build per edition) → engine/ (MkDocs). tests/unit/test_imports.py
keeps it so.
"""

from generator.engine.site_build import build_site
from generator.site import generate, load_catalog
from generator.source.problems import CatalogError

__all__ = ["CatalogError", "build_site", "generate", "load_catalog"]
