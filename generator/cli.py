"""The `catalog` command."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import re
import sys
from pathlib import Path

from generator import site
from generator.engine.site_build import build_site
from generator.features.calendar.ics import ics_feed
from generator.features.calendar.sessions import calendar_programs, display_name, events_between
from generator.features.eligibility.engine import check_profile, evaluate, format_text
from generator.features.eligibility.profile import ProfileError, load_profile
from generator.publish import opendata, permalinks
from generator.source.clock import build_date
from generator.source.problems import CatalogError
from generator.source.scaffold import ScaffoldError, new_file
from generator.source.starter import StarterError, init_project
from generator.source.schema import write_schemas


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catalog", description="Build a certification catalogue site.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every data file and report all problems")
    build = commands.add_parser("build", help="validate, generate and build the whole site into site/")
    for command in (validate, build):
        command.add_argument("--strict", action="store_true", default=None,
                             help="fail when a review_by date has passed (default when CI is set)")
    build.add_argument("--site-dir", type=Path, default=None, help="output folder (default: ROOT/site)")
    commands.add_parser("schema", help="write the JSON Schemas for editors into schema/ (and the API's into schema/api/)")
    urls = commands.add_parser("urls", help="list URLs not yet in the published-URL registry")
    urls.add_argument("--update", action="store_true", help="add them to published-urls.txt")
    init = commands.add_parser("init", help="create a new catalogue project (with one sample programme) that builds as it is")
    init.add_argument("dir", type=Path, help="folder for the new project; must be new or empty")
    new = commands.add_parser("new", help="write a starter file that passes validation")
    new.add_argument("kind", choices=["program", "syllabus", "policy", "body"])
    new.add_argument("id", help="the new id; for a syllabus, <program> or <program>/<level>")
    check = commands.add_parser("check", help="which levels a candidate profile (JSON) can apply for, and why")
    check.add_argument("--program", required=True, help="a programme id, or `all`")
    check.add_argument("--profile", required=True, type=Path, help="candidate profile, JSON (see docs/eligibility.md)")
    check.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    generate = commands.add_parser("generate", help="write the generated Markdown tree, for any static engine")
    generate.add_argument("out", type=Path, help="folder to write the generated pages into")
    calendar = commands.add_parser(
        "calendar", help="exam sessions and milestones dated between two days, as JSON or iCalendar",
        description="Exam sessions and milestones dated in [--from, --to]. Without --program: every programme "
                    "with a schedule (a specialty that only repeats its family's calendar is listed as the family).")
    calendar.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="first day")
    calendar.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="last day (included)")
    calendar.add_argument("--program", metavar="ID", help="one programme id")
    calendar.add_argument("--format", choices=["json", "ics"], default="json", help="output format (default: json)")
    return parser


def _day(option: str, value: str):
    """A YYYY-MM-DD option as a date, or None (after saying why) when it is not one."""

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            print(f"catalog calendar: {option} {value!r} is not a real date ({exc})", file=sys.stderr)
            return None
    print(f"catalog calendar: {option} {value!r} is not a date; write YYYY-MM-DD", file=sys.stderr)
    return None


# The calendar dates sessions from rules and reaches up to a few years around them: Python's dates end
# at year 9999, and centuries away from today mean nothing for an exam.
CALENDAR_FIRST_DAY = dt.date(1990, 1, 1)
CALENDAR_LAST_DAY = dt.date(2199, 12, 31)


def _calendar(root: Path, args: argparse.Namespace) -> int:
    start, end = _day("--from", args.start), _day("--to", args.end)
    if start is None or end is None:
        return 1
    if start > end:
        print(f"catalog calendar: --from {start} is after --to {end}", file=sys.stderr)
        return 1
    for option, day in (("--from", start), ("--to", end)):
        if not CALENDAR_FIRST_DAY <= day <= CALENDAR_LAST_DAY:
            print(f"catalog calendar: {option} {day} is outside {CALENDAR_FIRST_DAY} to {CALENDAR_LAST_DAY}, "
                  "the years the calendar can date", file=sys.stderr)
            return 1
    catalog = site.load_catalog(root)
    if args.program:
        program = catalog.programs.get(args.program)
        if program is None:
            close = difflib.get_close_matches(args.program, list(catalog.programs), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            print(f"catalog calendar: unknown programme {args.program!r}{hint}", file=sys.stderr)
            return 1
        if program.schedule is None:
            print(f"catalog calendar: {args.program} publishes no exam schedule", file=sys.stderr)
        programs = [program]
    else:
        programs = calendar_programs(catalog)
    events = events_between(programs, start, end)
    if args.format == "ics":
        title = (f"考试日历 · {display_name(catalog, programs[0])}" if args.program
                 else catalog.site.calendar_title)
        sys.stdout.buffer.write(ics_feed(events, title, build_date(), catalog))
        sys.stdout.flush()
    else:
        print(json.dumps([e.to_json() for e in events], ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()

    try:
        if args.command == "validate":
            catalog = site.load_catalog(root, args.strict)
            site.generate_catalog_site(root, catalog)
            print(f"ok: {len(catalog.programs)} programmes, {len(catalog.syllabi)} syllabi, "
                  f"{len(catalog.policies)} policies, {len(catalog.bodies)} bodies")
        elif args.command == "generate":
            count = site.generate(root, args.out.resolve())
            print(f"wrote {count} files to {args.out}")
        elif args.command == "init":
            try:
                written = init_project(args.dir.resolve())
            except StarterError as exc:
                print(f"catalog init: {exc}", file=sys.stderr)
                return 1
            print(f"wrote {len(written)} files to {args.dir}; edit content/site.yaml and the sample data, "
                  f"then run `catalog --root {args.dir} build`")
        elif args.command == "new":

            try:
                path = new_file(root, args.kind, args.id)
            except ScaffoldError as exc:
                print(f"catalog new: {exc}", file=sys.stderr)
                return 1
            print(f"wrote {path.relative_to(root)}; edit it, then run `catalog validate`")
        elif args.command == "urls":
            catalog = site.load_catalog(root)
            paths = site.published_paths(root, site.generate_catalog_site(root, catalog).zh)
            if args.update:
                added = permalinks.update_registry(root, catalog, paths)
                print(f"registered {len(added)} new URL(s) in {permalinks.REGISTRY}")
            else:
                registered = {url for _, url in permalinks.read_registry(root)}
                for url in sorted(permalinks.current_urls(catalog, paths) - registered):
                    print(url)
        elif args.command == "schema":

            for path in [*write_schemas(root), *opendata.write_schemas(root)]:
                print(f"wrote {path.relative_to(root)}")
        elif args.command == "check":
            return _check(root, args)
        elif args.command == "calendar":
            return _calendar(root, args)
        elif args.command == "build":
            site_dir = build_site(root, args.site_dir.resolve() if args.site_dir else None, args.strict)
            print(f"built {site_dir}")
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    return 0


def _check(root: Path, args: argparse.Namespace) -> int:
    """`catalog check`: evaluate a profile against one programme or all of them."""



    catalog = site.load_catalog(root)
    if args.program != "all" and args.program not in catalog.programs:
        close = difflib.get_close_matches(args.program, list(catalog.programs), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f" (known: all, {', '.join(catalog.programs)})"
        print(f"--program: unknown programme '{args.program}'{hint}", file=sys.stderr)
        return 1
    try:
        profile = load_profile(args.profile)
        problems = check_profile(profile, catalog, str(args.profile))
        if problems:
            raise ProfileError(problems)
    except ProfileError as exc:
        for message in exc.messages:
            print(message, file=sys.stderr)
        return 1
    programs = list(catalog.programs) if args.program == "all" else [args.program]
    results = [evaluate(catalog.programs[pid], profile, catalog) for pid in programs]
    if args.format == "json":
        data = [r.to_json() for r in results] if args.program == "all" else results[0].to_json()
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_text(results, catalog), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
