"""The eligibility self-check: the shared cases through both engines, the profile contract, the CLI.

The cases are the oracle: each programme's own in programs/cases/<id>.yaml, beside its data, and any
that are about no one programme in tests/eligibility_vectors.yaml (docs/eligibility.md, "Test cases").
The Python engine must give exactly the expected result; the JavaScript engine
(site_overrides/assets/eligibility/engine.js, run in Node by tests/js/run_vectors.mjs) must give
exactly what Python gives, on every case and on a few hundred generated profiles. The browser run of
the same module is in tests/browser/test_eligibility_widget.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.features.eligibility import engine, rules_json
from generator.features.eligibility.profile import (
    FIELDS,
    Profile,
    ProfileError,
    parse_profile,
)
from generator.source.models import Condition

from ..conftest import PROGRAM_CASES, ROOT, VECTOR_CASES, case_files, generated_profiles, load_case_file, python_result

RUNNER = ROOT / "tests" / "js" / "run_vectors.mjs"
ENGINE_JS = ROOT / "site_overrides" / "assets" / "eligibility" / "engine.js"
WIDGET_JS = ROOT / "site_overrides" / "assets" / "eligibility" / "widget.js"


def summary(result: dict) -> dict:
    """A public result in the vectors' terms: per level, status, met clauses, missing."""
    return {
        lv["level"]: {
            "status": lv["status"],
            "met": list(dict.fromkeys(r["clause"] for r in lv["met_routes"])),
            "missing": lv["missing"],
        }
        for lv in result["levels"]
    }


def expected(case: dict) -> dict:
    return {
        level: {"status": e["status"], "met": e.get("met", []), "missing": e.get("missing", [])}
        for level, e in case["expect"].items()
    }


# --- Python engine: the vectors -------------------------------------------------------------------


@pytest.mark.parametrize("case", VECTOR_CASES, ids=lambda c: c["key"])
def test_python_engine_matches_vector(catalog, case):
    assert summary(python_result(catalog, case["program"], case["profile"])) == expected(case)


def test_vector_ids_are_unique_and_programmes_exist(catalog):
    ids = [c["id"] for path in case_files() for c in load_case_file(path)]
    assert len(ids) == len(set(ids))
    assert {c["program"] for c in VECTOR_CASES} <= set(catalog.programs)
    # A programme's cases file is named after a programme, and the data loader never reads it.
    assert {p.stem for p in PROGRAM_CASES.glob("*.yaml")} <= set(catalog.programs)
    assert not any(path.is_relative_to(PROGRAM_CASES) for path in loaded_files())


def loaded_files() -> list[Path]:
    """The files the data loader reads."""
    from generator.source.load import load_project

    project, _ = load_project(ROOT)
    return [doc.path for doc in project.documents]


def _route_met(catalog, program, route, profile) -> bool:
    scope = engine.Scope(catalog.vocabulary("zh"), engine.own_schemes(program), catalog)
    return all(engine.check_condition(c, profile, scope).value is True for c in route.conditions)


def test_vectors_meet_every_route_of_every_level(catalog):
    """At least one case per route: every route of every level of every programme is met somewhere."""
    by_program: dict[str, list[Profile]] = {}
    for case in VECTOR_CASES:
        by_program.setdefault(case["program"], []).append(Profile.model_validate(case["profile"]))
    uncovered = []
    for pid, program in catalog.programs.items():
        for unit in engine.level_rules(program):
            for n, route in enumerate(unit.eligibility.routes if unit.eligibility else ()):
                if not any(_route_met(catalog, program, route, p) for p in by_program.get(pid, [])):
                    uncovered.append(f"{pid} {unit.level} route {n + 1} {route.clause}")
    assert not uncovered


def test_vectors_cover_no_route_met_every_status_and_condition_kind(catalog):
    statuses = {(c["program"], level): set() for c in VECTOR_CASES for level in c["expect"]}
    for case in VECTOR_CASES:
        for level, e in case["expect"].items():
            statuses[(case["program"], level)].add(e["status"])
    # Every programme, every level: the expected levels are exactly the engine's levels.
    for pid, program in catalog.programs.items():
        assert any(c["program"] == pid for c in VECTOR_CASES), f"no case for {pid}"
        for case in (c for c in VECTOR_CASES if c["program"] == pid):
            assert list(case["expect"]) == [u.level for u in engine.level_rules(program)], case["key"]
    # Every published level has a case where no route is met.
    for (pid, level), seen in statuses.items():
        unit = next(u for u in engine.level_rules(catalog.programs[pid]) if u.level == level)
        if unit.eligibility:
            assert "not_eligible" in seen and "eligible" in seen, (pid, level, seen)
        else:
            assert seen == {"unpublished"}, (pid, level)
    all_statuses = set().union(*statuses.values())
    assert all_statuses == {"eligible", "needs_training", "not_eligible", "unknown", "unpublished"}
    assert any(level == engine.ALL_LEVELS for _, level in statuses)
    kinds = {
        name for p in catalog.programs.values() for u in engine.level_rules(p) if u.eligibility
        for r in u.eligibility.routes for c in r.conditions for name in Condition.model_fields if getattr(c, name) is not None
    } | {name for p in catalog.programs.values() for pre in p.preconditions
         for name in Condition.model_fields if getattr(pre.condition, name) is not None}
    assert kinds == set(Condition.model_fields), "the catalogue no longer uses every condition kind"
    unknown_fields = {m for c in VECTOR_CASES for e in c["expect"].values() for m in e.get("missing", [])
                      if m.startswith("未回答")}
    assert {m.removeprefix("未回答：") for m in unknown_fields} == set(FIELDS.values())


def test_unpublished_levels_and_programme_wide_rules(catalog):
    admin = engine.evaluate(catalog.programs["carbon-emission-administrator"], Profile(education="doctorate"), catalog)
    assert [(lv.level, lv.status) for lv in admin.levels] == [
        ("level-4", "eligible"), ("level-3", "eligible"), ("level-2", "unpublished"), ("level-1", "unpublished")]
    family = engine.evaluate(catalog.programs["ceca-carbon-reduction"], Profile(), catalog)
    assert [lv.level for lv in family.levels] == ["all"]
    for sid in catalog.specialties["ceca-carbon-reduction"]:
        assert [lv.level for lv in engine.evaluate(catalog.programs[sid], Profile(), catalog).levels] == ["all"]


def test_every_level_of_every_programme_gets_an_answer(catalog):
    for profile in (Profile(), Profile(education="doctorate", experience_years=10, experience_continuous=True,
                                           training_hours_met=True)):
        for result in engine.evaluate_all(catalog, profile):
            program = catalog.programs[result.program]
            assert [lv.level for lv in result.levels] == [u.level for u in engine.level_rules(program)]
            for lv in result.levels:
                assert lv.status in engine.STATUS
                assert lv.status in ("eligible", "unpublished") or lv.missing, (result.program, lv)


def test_no_programme_id_is_hard_coded_in_either_engine(catalog):
    sources = {path: path.read_text(encoding="utf-8")
               for path in (*sorted((ROOT / "generator/features/eligibility").glob("*.py")), ENGINE_JS, WIDGET_JS)}
    # Programme and scheme ids are data (programs/, content/schemes.yaml): no engine names one.
    for ident in {*catalog.programs, *catalog.schemes}:
        for path, text in sources.items():
            assert ident not in text, f"{path.name} names {ident}"


def test_no_scheme_id_is_written_in_any_code(catalog):
    """The scheme registry (content/schemes.yaml) is the only place a scheme is named: not the engines, the
    ladder, the pages, the API or the CTDL export, nor any script."""
    code = [*(ROOT / "generator").rglob("*.py"), *(ROOT / "site_overrides").rglob("*.js")]
    assert len(code) > 30
    found = [f"{path.relative_to(ROOT)} names {sid}" for path in code for sid in catalog.schemes
             if sid in path.read_text(encoding="utf-8")]
    assert not found
    # The built-in `other` travels in the rules JSON as met_by: null, not as a name in the browser engine.
    assert '"other"' not in ENGINE_JS.read_text(encoding="utf-8")


def test_every_specialty_of_a_member_family_is_a_member_with_a_source(catalog):
    """002 lists the CECA specialties; a programme whose family's certificate is in a scheme is listed too."""
    for scheme in catalog.schemes.values():
        members = {m.program for m in scheme.members}
        assert all(m.source.file for m in scheme.members)
        for pid, program in catalog.programs.items():
            if program.family in members:
                assert pid in members, f"{pid} (family {program.family}) is missing from {scheme.id}"
    assert "ceca-carbon-trader" in catalog.certificates_meeting("ceca-carbon-reduction")


# --- the JavaScript engine, in Node -----------------------------------------------------------------


@pytest.fixture(scope="module")
def rules_file(catalog, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("eligibility") / "eligibility-rules.json"
    path.write_text(rules_json.rules_json(catalog), encoding="utf-8")
    return path


def run_node(rules_file: Path, cases: list[dict]) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found on PATH: the JavaScript engine is tested in Node (README: Node/npm).",
                    pytrace=False)
    cases_file = rules_file.with_name(f"cases-{len(cases)}.json")
    cases_file.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([node, str(RUNNER), str(rules_file), str(cases_file)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def vector_run(rules_file) -> dict:
    return run_node(rules_file, [{"program": c["program"], "profile": c["profile"]} for c in VECTOR_CASES])


@pytest.mark.parametrize("index", range(len(VECTOR_CASES)), ids=[c["key"] for c in VECTOR_CASES])
def test_js_engine_agrees_with_python_on_vector(catalog, vector_run, index):
    case = VECTOR_CASES[index]
    js = vector_run["results"][index]
    assert js == python_result(catalog, case["program"], case["profile"])
    assert summary(js) == expected(case)


def test_js_engine_agrees_with_python_on_generated_profiles(catalog, rules_file):
    profiles = generated_profiles(catalog)
    assert len(profiles) >= 200
    cases = [{"program": pid, "profile": p} for p in profiles for pid in catalog.programs]
    run = run_node(rules_file, cases)
    disagreements = [
        (c["program"], c["profile"]) for c, js in zip(cases, run["results"])
        if js != python_result(catalog, c["program"], c["profile"])
    ]
    assert not disagreements, f"{len(disagreements)} of {len(cases)} disagree, e.g. {disagreements[:2]}"
    # Every status turns up, so the comparison is not vacuous.
    assert {lv["status"] for r in run["results"] for lv in r["levels"]} == set(engine.STATUS)


def test_profile_survives_the_url_query(catalog, rules_file):
    """The widget keeps the profile in the URL query: reading it back gives the same profile."""
    profiles = generated_profiles(catalog, 60)
    run = run_node(rules_file, [{"program": "carbon-asset-manager", "profile": p} for p in profiles])
    for original, back in zip(profiles, run["roundtrip"]):
        assert Profile.model_validate(back) == Profile.model_validate(original)


def test_rules_json_is_the_model(catalog):
    rules = rules_json.rules(catalog)
    assert [p["id"] for p in rules["programs"]] and {p["id"] for p in rules["programs"]} == set(catalog.programs)
    assert rules["messages"] == engine.MESSAGES and rules["status"] == engine.STATUS
    for spec in rules["programs"]:
        program = catalog.programs[spec["id"]]
        assert [lv["id"] for lv in spec["levels"]] == [u.level for u in engine.level_rules(program)]
        for lv, unit in zip(spec["levels"], engine.level_rules(program)):
            routes = unit.eligibility.routes if unit.eligibility else ()
            assert [(r["clause"], r["text"]) for r in lv["routes"]] == [(r.clause, r.text) for r in routes]
    family = next(p for p in rules["programs"] if p["id"] == "ceca-carbon-sink-evaluator")
    assert family["shares_rules_with"] == "ceca-carbon-reduction"


# --- the profile contract ----------------------------------------------------------------------------


def test_profile_fields_are_all_optional_and_null_means_unanswered():
    assert Profile() == Profile.model_validate_json('{"education": null, "roles": null}')
    full = parse_profile(json.dumps({
        "education": "bachelor", "major_related": True, "student": False, "experience_years": 2.5,
        "experience_continuous": True, "certificates": [{"scheme": "other", "level": "junior", "years_held": 1}],
        "roles": ["exchange-staff"], "training_hours_met": True}))
    assert full.experience_years == 2.5 and full.certificates[0].years_held == 1
    assert list(Profile.model_fields) == list(FIELDS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"educaton": "bachelor"}', "p.json: educaton: unknown field (allowed: education, "),
        ('{"educaton": "bachelor"}', "did you mean 'education'?"),
        ('{"education": "phd"}', "p.json: education: Input should be 'none', "),
        ('{"major_related": "yes"}', "p.json: major_related: Input should be a valid boolean"),
        ('{"student": 1}', "p.json: student: Input should be a valid boolean"),
        ('{"experience_years": -1}', "p.json: experience_years: Input should be greater than or equal to 0"),
        ('{"experience_years": "2"}', "p.json: experience_years: Input should be a valid number"),
        ('{"certificates": [{"scheme": "other"}]}', "p.json: certificates[0].level: Field required"),
        ('{"certificates": [{"scheme": "other", "level": "junior", "year": 1}]}',
         "p.json: certificates[0].year: unknown field (allowed: scheme, level, years_held); did you mean 'years_held'?"),
        ('{"roles": "exchange-staff"}', "p.json: roles: Input should be a valid"),
        ('["bachelor"]', "p.json: a profile is a JSON object"),
        ('{"education": "bachelor",}', "p.json: invalid JSON: "),
    ],
)
def test_bad_profiles_are_rejected_with_file_field_and_message(text, message):
    with pytest.raises(ProfileError) as err:
        parse_profile(text, "p.json")
    assert any(m.startswith(message) or message in m for m in err.value.messages), err.value.messages


def test_profile_names_must_exist_in_the_catalogue(catalog):
    profile = parse_profile(json.dumps({
        "certificates": [{"scheme": "carbon-asset-manger", "level": "junior"},
                         {"scheme": "carbon-emission-administrator", "level": "senior"}],
        "roles": ["teacher"]}))
    problems = engine.check_profile(profile, catalog, "p.json")
    assert problems[0] == "p.json: certificates[0].scheme: unknown scheme 'carbon-asset-manger'; did you mean 'carbon-asset-manager'?"
    assert problems[1].startswith("p.json: certificates[1].level: 'senior' is not a level of carbon-emission-administrator")
    assert problems[2].startswith("p.json: roles[0]: unknown role 'teacher'")


# --- the CLI -------------------------------------------------------------------------------------------


def catalog_check(*args: str) -> subprocess.CompletedProcess:
    """`catalog check …`, run in this process (as the console script runs it, without the start-up)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(ROOT), "check", *args])
    return subprocess.CompletedProcess(["catalog", "check", *args], code, out.getvalue(), err.getvalue())


def catalog_check_process(*args: str) -> subprocess.CompletedProcess:
    """`python -m generator check …` in a process of its own: the real exit code and streams."""
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "check", *args],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture
def profile_file(tmp_path):
    def write(data, name="profile.json") -> Path:
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path
    return write


def test_cli_json_for_one_programme(profile_file, catalog):
    path = profile_file({"education": "bachelor", "experience_years": 1, "experience_continuous": True})
    done = catalog_check("--program", "carbon-asset-manager", "--profile", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"program", "levels"} and data["program"] == "carbon-asset-manager"
    for level in data["levels"]:
        assert set(level) == {"level", "status", "met_routes", "missing"}
        assert all(set(r) == {"clause", "text"} for r in level["met_routes"])
        assert all(isinstance(m, str) for m in level["missing"])
    assert data == python_result(catalog, "carbon-asset-manager",
                                 {"education": "bachelor", "experience_years": 1, "experience_continuous": True})
    assert data["levels"][1] == {"level": "intermediate", "status": "eligible", "missing": [], "met_routes": [
        {"clause": "(3)", "text": "本科学历（取得其他专业），连续从事相关领域工作满1年；"}]}


def test_cli_all_lists_every_programme_and_level(profile_file, catalog):
    done = catalog_check("--program", "all", "--profile", str(profile_file({})), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, list) and [d["program"] for d in data] == list(catalog.programs)
    for entry in data:
        assert [lv["level"] for lv in entry["levels"]] == [u.level for u in engine.level_rules(catalog.programs[entry["program"]])]


def test_cli_text_is_readable_chinese(profile_file):
    path = profile_file({"education": "bachelor", "major_related": False, "experience_years": 1.5,
                         "experience_continuous": True, "certificates": [], "student": False})
    done = catalog_check("--program", "carbon-asset-manager", "--profile", str(path))
    assert done.returncode == 0, done.stderr
    assert "碳资产管理师（carbon-asset-manager）" in done.stdout
    assert "✓ 中级碳资产管理师：可以报考" in done.stdout
    assert "符合原文 (3)：本科学历（取得其他专业），连续从事相关领域工作满1年；" in done.stdout
    assert "✗ 高级碳资产管理师：暂不符合" in done.stdout
    assert "最接近原文 (3)" in done.stdout and "· 还需 0.5 年连续的相关工作经验" in done.stdout


# The report of the day: a 碳资产管理师 junior certificate is a 碳减排领域 certificate (content/schemes.yaml),
# and a 碳排放管理师 junior certificate is a 节能与环保领域 certificate.
MEMBER_CERTIFICATE = {"education": "associate", "major_related": False, "student": False, "experience_years": 1.5,
                      "experience_continuous": True, "roles": [], "training_hours_met": True}


@pytest.mark.parametrize(("program", "clause"), [("carbon-asset-manager", "(6)"), ("carbon-emission-manager", "(6)")])
def test_cli_a_member_certificate_meets_its_scheme(profile_file, program, clause):
    profile = {**MEMBER_CERTIFICATE, "certificates": [{"scheme": program, "level": "junior", "years_held": 1}]}
    done = catalog_check("--program", program, "--profile", str(profile_file(profile)), "--format", "json")
    intermediate = next(lv for lv in json.loads(done.stdout)["levels"] if lv["level"] == "intermediate")
    assert intermediate["status"] == "eligible" and clause in [r["clause"] for r in intermediate["met_routes"]]
    text = catalog_check("--program", program, "--profile", str(profile_file(profile))).stdout
    assert re.search(r"✓ 中级\S*：可以报考", text), text


def test_cli_needs_training_names_the_training(profile_file, catalog):
    path = profile_file({"education": "bachelor", "experience_years": 1, "training_hours_met": False})
    data = json.loads(catalog_check("--program", "ceca-carbon-reduction", "--profile", str(path), "--format", "json").stdout)
    training = catalog.programs["ceca-carbon-reduction"].preconditions[0].text
    assert data["levels"][0]["status"] == "needs_training"
    assert data["levels"][0]["missing"] == [f"需要完成规定培训：{training}"]
    text = catalog_check("--program", "ceca-carbon-reduction", "--profile", str(path)).stdout
    assert f"{engine.STATUS['needs_training']}" in text and training in text


def test_cli_text_has_no_internal_names(profile_file, catalog):
    """Readers see words: no field ids, no `第 ✓1 条`."""
    text = catalog_check("--program", "all", "--profile", str(profile_file({"student": True}))).stdout
    for field in FIELDS:
        assert field not in text, field
    assert not re.search(r"第 \S+ 条", text)
    assert "未回答：" in text  # the unknown answers are there, in words


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"experience_years": "three"}', ": experience_years: Input should be a valid number"),
        ('{"hobby": "chess"}', ": hobby: unknown field"),
        ('{"roles": ["astronaut"]}', ": roles[0]: unknown role 'astronaut'"),
        ("{not json", ": invalid JSON: "),
    ],
)
def test_cli_bad_profile_exits_1_without_traceback(profile_file, content, expected):
    path = profile_file(content)
    done = catalog_check("--program", "all", "--profile", str(path))
    assert done.returncode == 1
    assert done.stderr.startswith(f"{path}{expected}"), done.stderr
    assert "Traceback" not in done.stderr + done.stdout and done.stdout == ""


def test_cli_unknown_programme_or_missing_file_exits_1(profile_file, tmp_path):
    done = catalog_check_process("--program", "carbon-asset-manger", "--profile", str(profile_file({})))
    assert done.returncode == 1 and "did you mean 'carbon-asset-manager'?" in done.stderr
    missing = tmp_path / "nope.json"
    done = catalog_check("--program", "all", "--profile", str(missing))
    assert done.returncode == 1 and done.stderr.startswith(f"{missing}: cannot read the profile")
    assert "Traceback" not in done.stderr


# --- /eligibility/ stays light --------------------------------------------------------------------------------


def large_catalogue(catalog, count: int):
    """The catalogue with `count` copies of its richest programme (every level, seven clauses a level)."""
    import dataclasses
    from types import MappingProxyType

    from generator.source.models import Names

    model = catalog.programs["carbon-asset-manager"]
    copies = {f"synthetic-{i:04d}": model.model_copy(update={
        "id": f"synthetic-{i:04d}", "name": Names(zh=f"合成项目{i}", en=f"Synthetic programme {i}")})
        for i in range(count)}
    return dataclasses.replace(catalog, programs=MappingProxyType({**catalog.programs, **copies}))


def test_eligibility_page_stays_light_at_a_thousand_programmes(catalog):
    """The page lists programmes and links to their rules; the rules are fetched per programme. At N=1,000
    the page's Markdown stays far under 1 MB (it was 7.3 MB of HTML when the page carried every rule)."""
    import datetime as dt

    from generator.features.eligibility import page

    from ..conftest import zh_build

    files = page.files(zh_build(large_catalogue(catalog, 1000), dt.date(2026, 11, 30)))
    markdown = files[page.PAGE_PATH]
    size = len(markdown.encode("utf-8"))
    assert size < 400_000, size
    assert "synthetic-0999" in markdown  # every programme is listed, by a link to its rules
    route = catalog.programs["carbon-asset-manager"].levels[0].eligibility.routes[0].text
    assert route not in markdown  # no rule is inlined
    assert f"{rules_json.PROGRAM_RULES_DIR}/synthetic-0999.json" in files
    # The first load fetches the shared part only; it does not carry any programme's rules.
    assert '"programs"' not in files[f"{rules_json.PROGRAM_RULES_DIR}/_common.json"]


def test_eligibility_page_carries_the_notes_on_the_rules_and_no_internal_names(catalog):
    """The 000 note (初级 repeats 高级) and 004's column order are on /eligibility/, in both editions; no
    field id or `第 … 条` is."""
    import datetime as dt

    from generator.features.eligibility import page

    from ..conftest import en_build, zh_build

    sink_junior = catalog.level("carbon-sink-evaluator", "junior")
    manager_junior = catalog.level("carbon-emission-manager", "junior")
    notes = [sink_junior.eligibility.notes[0].text, manager_junior.notes[0].text]
    assert "逐字相同" in notes[0] and "三栏顺序错乱" in notes[1]
    for build in (zh_build(catalog, dt.date(2026, 11, 30)), en_build(catalog, dt.date(2026, 11, 30))):
        markdown = page.files(build)[page.PAGE_PATH]
        for note in notes:
            assert " ".join(note.split()) in markdown
        # (English words such as "education" are fine on the English page; ids like training_hours_met are not.)
        for field in (f for f in FIELDS if build.words.lang == "zh" or "_" in f):
            assert field not in markdown, field
        assert not re.search(r"第 \S+ 条", markdown)  # the source notes may say 第(3)条 themselves
