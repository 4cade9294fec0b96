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
    validate = commands.add_parser("validate", help="check every data file and report all problems")
    build = commands.add_parser("build", help="validate, generate and build the whole site into site/")
    for command in (validate, build):
        command.add_argument("--strict", action="store_true", default=None,
                             help="fail when a review_by date has passed (default when CI is set)")
    build.add_argument("--site-dir", type=Path, default=None, help="output folder (default: ROOT/site)")
    commands.add_parser("schema", help="write the JSON Schemas for editors into schema/")
    urls = commands.add_parser("urls", help="list URLs not yet in the published-URL registry")
    urls.add_argument("--update", action="store_true", help="add them to published-urls.txt")
    new = commands.add_parser("new", help="write a starter file that passes validation")
    new.add_argument("kind", choices=["program", "syllabus", "policy", "body"])
    new.add_argument("id", help="the new id; for a syllabus, <program> or <program>/<level>")
    generate = commands.add_parser("generate", help="write the generated Markdown tree, for any static engine")
    generate.add_argument("out", type=Path, help="folder to write the generated pages into")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    from . import permalinks, pipeline  # imported late so --help stays fast

    try:
        if args.command == "validate":
            catalog, _files = pipeline.render_files(root, args.strict)
            print(f"ok: {len(catalog.programs)} programmes, {len(catalog.syllabi)} syllabi, "
                  f"{len(catalog.policies)} policies, {len(catalog.bodies)} bodies")
        elif args.command == "generate":
            count = pipeline.generate_to(root, args.out.resolve())
            print(f"wrote {count} files to {args.out}")
        elif args.command == "new":
            from .scaffold import ScaffoldError, new_file

            try:
                path = new_file(root, args.kind, args.id)
            except ScaffoldError as exc:
                print(f"catalog new: {exc}", file=sys.stderr)
                return 1
            print(f"wrote {path.relative_to(root)}; edit it, then run `catalog validate`")
        elif args.command == "urls":
            catalog, files = pipeline.render_files(root)
            paths = [*files, *pipeline.hand_written_pages(root)]
            if args.update:
                added = permalinks.update_registry(root, catalog, paths)
                print(f"registered {len(added)} new URL(s) in {permalinks.REGISTRY}")
            else:
                registered = {url for _, url in permalinks.read_registry(root)}
                for url in sorted(permalinks.current_urls(catalog, paths) - registered):
                    print(url)
        elif args.command == "schema":
            from .schema import write_schemas

            for path in write_schemas(root):
                print(f"wrote {path.relative_to(root)}")
        elif args.command == "build":
            site_dir = pipeline.build_site(root, args.site_dir.resolve() if args.site_dir else None, args.strict)
            print(f"built {site_dir}")
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
