"""The `catalog` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import CatalogError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catalog", description="Build the carbon-certification catalogue site.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every data file and report all problems")
    build = commands.add_parser("build", help="validate, generate and build the whole site into site/")
    build.add_argument("--site-dir", type=Path, default=None, help="output folder (default: ROOT/site)")
    commands.add_parser("schema", help="write the JSON Schemas for editors into schema/")
    generate = commands.add_parser("generate", help="write the generated Markdown tree, for any static engine")
    generate.add_argument("out", type=Path, help="folder to write the generated pages into")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    from . import pipeline  # imported late so --help stays fast

    try:
        if args.command == "validate":
            catalog = pipeline.load_catalog(root)
            print(f"ok: {len(catalog.programs)} programmes, {len(catalog.syllabi)} syllabi, "
                  f"{len(catalog.policies)} policies, {len(catalog.bodies)} bodies")
        elif args.command == "generate":
            count = pipeline.generate_to(root, args.out.resolve())
            print(f"wrote {count} files to {args.out}")
        elif args.command == "schema":
            from .schema import write_schemas

            for path in write_schemas(root):
                print(f"wrote {path.relative_to(root)}")
        elif args.command == "build":
            site_dir = pipeline.build_site(root, args.site_dir.resolve() if args.site_dir else None)
            print(f"built {site_dir}")
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
