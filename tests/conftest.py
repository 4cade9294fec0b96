"""Shared fixtures and helpers for every tier.

The tests are in three tiers, one folder each, marked automatically by folder:
- tests/unit/ (`unit`): no site build and no browser; fast (`make test-fast` runs `pytest -m unit`);
- tests/site/ (`site`): need the built site or a full generation of the real project;
- tests/browser/ (`browser`): drive Debian's chromium against the built site.

The real site is built once per session (`built_site`), for the site and browser tiers alike; only
tests that must build a modified copy build their own.
"""

from __future__ import annotations

import hashlib
import html
import os
import random
import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator import site
from generator.cli import main
from generator.features.eligibility import engine
from generator.features.eligibility.profile import Profile
from generator.source import load, parallel

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
MINIMAL = TESTS / "fixtures" / "minimal"
TIERS = ("unit", "site", "browser")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test with its tier (markers registered in pyproject.toml), from the folder it is in:
    tests/<tier>/…. A test outside the tiers' folders is an error, so `pytest -m unit` misses nothing."""
    untiered = []
    for item in items:
        try:
            folder = Path(str(item.path)).resolve().relative_to(TESTS).parts[0]
        except ValueError:
            continue
        if folder in TIERS:
            item.add_marker(getattr(pytest.mark, folder))
        else:
            untiered.append(item.nodeid)
    if untiered:
        raise pytest.UsageError(f"tests outside tests/{{{','.join(TIERS)}}}/: {untiered[:5]}")


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    """A small valid project (with the real site config) that a test may break."""
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    return project


@pytest.fixture(scope="session")
def catalog():
    from generator import load_catalog

    return load_catalog(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalogue, built once per session with the strict pipeline: the one build that every
    site and browser test reads (tests that need a modified project build their own copy)."""
    from generator import build_site

    return build_site(ROOT, tmp_path_factory.mktemp("build") / "site")


# --- readers for built HTML and trees ---------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]+>")


def pagefind_index_of(site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """Pagefind's index of a built site in a folder of its own, as `make bench` makes it (bench/browser.py):
    the folder, and the indexing time and size."""
    import sys

    sys.path.insert(0, str(ROOT))
    from bench import browser

    binary = browser.pagefind_binary()
    assert binary is not None, "npm ci installs pagefind's extended binary (package.json devDependencies)"
    dest = tmp_path_factory.mktemp("pagefind")
    return dest, browser.pagefind_overlay(site, dest, binary)


def page_text(site: Path, url_path: str) -> str:
    """The visible text of a built page's article, whitespace folded."""
    raw = (site / url_path / "index.html").read_text(encoding="utf-8")
    article = raw[raw.index("<article"): raw.index("</article>")]
    return " ".join(html.unescape(_TAGS.sub(" ", article)).split())


def folded(text: str) -> str:
    return " ".join(str(text).split())


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder`, by relative path, with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def zh_build(catalog, today, site_url: str | None = None):
    """The Chinese edition's Build for `catalog` on `today` (what a feature's `files(build)` is handed)."""
    from generator.site import make_build
    from generator.words.editions import ZH

    return make_build(catalog, ZH, today, site_url)


def en_build(catalog, today, site_url: str | None = None):
    """The English edition's Build."""
    from generator.site import make_build
    from generator.words.editions import EN

    return make_build(catalog, EN, today, site_url)


# --- eligibility: the shared vectors and profiles (unit and browser tiers) -----------------------------

VECTORS = TESTS / "eligibility_vectors.yaml"
GENERATED_PROFILES = 250


PROGRAM_CASES = ROOT / "programs" / "cases"
CASE_KEYS = {"id", "about", "profile", "expect"}


def case_files() -> list[Path]:
    """Every file of cases: the programmes' own (programs/cases/<id>.yaml), then the generic ones."""
    return [*sorted(PROGRAM_CASES.glob("*.yaml")), VECTORS]


def load_case_file(path: Path) -> list[dict]:
    """The cases of one file, each with `program` (an id or a list) and `source` (the file).

    In programs/cases/<id>.yaml a case runs for that programme, or for the file's `programs` list
    (a family and the specialties that share its rules); in tests/eligibility_vectors.yaml each case
    names its `program`.
    """
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    source = path.relative_to(ROOT).as_posix()
    cases = data.get("cases") or []
    if path.parent == PROGRAM_CASES:
        programs = data.get("programs", [path.stem])
        assert path.stem in programs, f"{source}: `programs` must include {path.stem}"
        for case in cases:
            assert set(case) <= CASE_KEYS, f"{source}: {case.get('id')}: unknown keys {set(case) - CASE_KEYS}"
        return [{**case, "program": programs, "source": source} for case in cases]
    return [{**case, "source": source} for case in cases]


def load_vectors() -> list[dict]:
    """One entry per (case, programme): a case may run for several programmes that share rules."""
    out = []
    for path in case_files():
        for case in load_case_file(path):
            programs = case["program"] if isinstance(case["program"], list) else [case["program"]]
            for program in programs:
                out.append({**case, "program": program, "key": f"{case['id']}@{program}"})
    return out


VECTOR_CASES = load_vectors()


def python_result(catalog, program: str, profile: dict) -> dict:
    return engine.evaluate(catalog.programs[program], Profile.model_validate(profile), catalog).to_json()


def generated_profiles(catalog, count: int = GENERATED_PROFILES) -> list[dict]:
    """Random profiles over every field, with unanswered fields, edge values and every scheme."""
    rng = random.Random(20261121)
    schemes = engine.schemes(catalog)
    roles = list(engine.known_roles(catalog))
    years = [0, 0.5, 0.9, 1, 1.5, 2, 2.5, 2.7, 3, 3.2, 4, 5, 12]
    profiles = []
    for _ in range(count):
        p: dict = {}
        if rng.random() < 0.8:
            p["education"] = rng.choice(engine.EDUCATION_LEVELS)
        for name in ("major_related", "student", "experience_continuous", "training_hours_met"):
            if rng.random() < 0.75:
                p[name] = rng.random() < 0.5
        if rng.random() < 0.8:
            p["experience_years"] = rng.choice(years) if rng.random() < 0.7 else round(rng.uniform(0, 6), 2)
        if rng.random() < 0.75:
            certs = []
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                sid = rng.choice(list(schemes))
                cert = {"scheme": sid, "level": rng.choice(schemes[sid]["levels"])}
                if rng.random() < 0.7:
                    cert["years_held"] = rng.choice([0, 0.5, 1, 1.5, 3])
                certs.append(cert)
            p["certificates"] = certs
        if rng.random() < 0.7:
            p["roles"] = rng.sample(roles, rng.choice([0, 0, 1, len(roles)]))
        if rng.random() < 0.6:
            p["student_kind"] = rng.choice(list(engine.STUDENT_KINDS))
        profiles.append(p)
    return profiles


# --- editing a copy of the minimal project ---------------------------------------------------------------

PROGRAM = "programs/test-program.yaml"


def edit(project: Path, relpath: str, old: str, new: str) -> None:
    path = project / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {relpath}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def register(project) -> None:
    assert main(["--root", str(project), "urls", "--update"]) == 0


def rename_program(project, new_id: str, former: bool) -> None:
    old = project / "programs/test-program.yaml"
    text = old.read_text(encoding="utf-8").replace("id: test-program", f"id: {new_id}", 1)
    if former:
        text = text.replace(f"id: {new_id}\n", f"id: {new_id}\nformer_ids: [test-program]\n", 1)
    old.unlink()
    (project / f"programs/{new_id}.yaml").write_text(text.replace("syllabus: test-program", f"syllabus: {new_id}"),
                                                     encoding="utf-8")
    syllabus = project / "syllabi/test-program.yaml"
    (project / f"syllabi/{new_id}.yaml").write_text(
        syllabus.read_text(encoding="utf-8").replace("program: test-program", f"program: {new_id}"), encoding="utf-8")
    syllabus.unlink()


# --- calendars -----------------------------------------------------------------------------------------

def parse_ics(data: bytes):
    import icalendar

    return icalendar.Calendar.from_ical(data)


# --- forked workers ------------------------------------------------------------------------------------

_PID_LOG: list[Path] = []
_REAL_RUN = None


def _logging_run(index: int):
    """parallel._run that also notes which process ran the task (module-level: the pool pickles it by name)."""
    with _PID_LOG[0].open("a") as log:
        log.write(f"{os.getpid()}\n")
    return _REAL_RUN(index)


def every_worker_forked(monkeypatch, tmp_path: Path) -> Path:
    """Make every catalogue count as large; returns the file that lists the pids the tasks ran in."""
    global _REAL_RUN
    _REAL_RUN = parallel._run
    monkeypatch.setattr(parallel, "_run", _logging_run)
    _PID_LOG[:] = [tmp_path / "pids"]
    monkeypatch.setattr(load, "PARALLEL_FROM_FILES", 0)
    monkeypatch.setattr(site, "PARALLEL_FROM_PROGRAMS", 0)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    # Other tests' servers may still run threads in this process; these tests fork regardless.
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    return _PID_LOG[0]


def ran_in_workers(log: Path) -> bool:
    pids = set(log.read_text().split())
    return bool(pids) and str(os.getpid()) not in pids


# --- the real catalogue's fixed ids (published URLs) ------------------------------------------------------

FIXED_PROGRAM_IDS = {
    "carbon-sink-evaluator", "carbon-asset-manager", "carbon-emission-manager",
    "carbon-emission-administrator", "ceca-carbon-reduction",
}
FIXED_BODY_IDS = {"ceca", "zqgp", "cpcif", "cec", "miit-icdc", "mohrss"}
