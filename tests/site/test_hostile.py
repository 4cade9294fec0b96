"""Nothing one pull request contains can take over, break or stall the site (issue #15).

Each mutation a careless or hostile pull request could make is applied to a copy of a built project:
the build must exit 1, name the file as file:line, print no traceback, finish in bounded time, and
leave the published site as it was. Mutations that fit in one data file are in tests/broken/ (the
corpus); here are the rest: links, devices and folders, hand-written files, the CSP, the calendar's
command line, and the publishing step itself, killed between its steps.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from importlib.metadata import version
from pathlib import Path

import markdown
import pytest

from generator.engine import headers, themescripts
from generator.publish import publishing
from generator.source import load
from generator.cli import main
from generator.pages.markup import inline

from ..conftest import MINIMAL, ROOT, tree_digest

PROGRAM = "programs/test-program.yaml"
# The whole refusal, from the command to exit 1, in seconds: generous for a loaded 2-core CI machine,
# far below the minutes a stalled loader or a read of /dev/zero takes.
REFUSAL_SECONDS = 10
# file:line: …, for data files, hand-written files and mkdocs.yml alike.
PROBLEM_LINE = re.compile(r"^[\w./-]+\.\w+:\d+: ")
REPRODUCIBLE = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """The minimal project, built once; each test works on a copy of it, site included."""
    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(MINIMAL, project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    assert main(["--root", str(project), "build"]) == 0
    return project


@pytest.fixture
def project(built_project, tmp_path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built_project, copy, symlinks=True)
    return copy


def refused(project: Path, capsys, expected: str, argv: tuple[str, ...] = ("build",)) -> str:
    """Run the command on a mutated project and check the refusal; the error output, for more checks."""
    before = tree_digest(project / "site")
    started = time.monotonic()
    exit_code = main(["--root", str(project), *argv])
    elapsed = time.monotonic() - started
    captured = capsys.readouterr()
    assert exit_code == 1, captured.err
    problems = [line for line in captured.err.splitlines() if not line.endswith("nothing was written.")]
    assert problems and all(PROBLEM_LINE.match(line) for line in problems), \
        captured.err
    assert expected in captured.err, captured.err
    assert "Traceback" not in captured.err + captured.out
    assert elapsed < REFUSAL_SECONDS, f"refused in {elapsed:.1f} s"
    assert tree_digest(project / "site") == before, "the published site changed"
    assert not list(project.glob(publishing.staging_prefix(project / "site") + "*"))
    return captured.err


# --- files that are not plain files, or not in the project -------------------------------------


def _link(target: str):
    return lambda project, path: (project / path).symlink_to(target)


FILE_SYSTEM_MUTATIONS = {
    # A read of /dev/zero never ends; the size check must come first.
    "symlink-to-dev-zero": ("programs/zero.yaml", _link("/dev/zero"), "programs/zero.yaml:1: is a symbolic link to /dev/zero, outside the project"),
    "symlink-out-of-project": ("content/bodies/passwd.yaml", _link("/etc/passwd"), "content/bodies/passwd.yaml:1: is a symbolic link to /etc/passwd, outside the project"),
    "dangling-symlink": ("programs/gone.yaml", _link("gone-for-good.yaml"), "programs/gone.yaml:1: is a symbolic link to"),
    "symlink-to-folder": ("programs/folder.yaml", _link("../content"), "programs/folder.yaml:1: is a folder"),
    "folder-named-yaml": ("programs/folder.yaml", lambda project, path: (project / path).mkdir(), "programs/folder.yaml:1: is a folder"),
    # A pipe blocks its reader until someone writes: a stalled CI job.
    "pipe-named-yaml": ("programs/pipe.yaml", lambda project, path: os.mkfifo(project / path), "programs/pipe.yaml:1: is not a plain file"),
}


@pytest.mark.parametrize("name", FILE_SYSTEM_MUTATIONS)
def test_links_devices_and_folders_are_refused_unread(name, project, capsys):
    path, mutate, expected = FILE_SYSTEM_MUTATIONS[name]
    mutate(project, path)
    refused(project, capsys, expected)


def test_a_link_to_a_plain_file_inside_the_project_is_read(project):
    """The other side of the rule: such a link is an ordinary data file."""
    (project / "shared").mkdir()
    (project / PROGRAM).rename(project / "shared/test-program.yaml")
    (project / PROGRAM).symlink_to("../shared/test-program.yaml")
    assert main(["--root", str(project), "validate"]) == 0


# --- deep nesting is refused fast ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "name: " + "[" * 20_000 + "]" * 20_000 + "\n",  # the review's 40 KB file: 90–100 s in the round-trip loader
    "name: " + "[" * 499_990 + "]" * 499_990 + "\n",  # 1 MB, the size limit
    "name:\n" + "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(600)) + " " * 1_202 + "x\n",  # block nesting
    "name: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n",
], ids=["flow-40kb", "flow-1mb", "block", "flow-mappings"])
def test_deep_nesting_is_refused_in_under_two_seconds(text, tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size <= load.MAX_FILE_BYTES
    started = time.monotonic()
    data, problems = load.parse_file(path, "content/bodies/deep.yaml", tmp_path)
    elapsed = time.monotonic() - started
    assert data is None
    assert [p.message for p in problems] == [f"values nest more than {load.MAX_NESTING} levels deep; data files need far fewer"]
    assert elapsed < 2, f"{elapsed:.2f} s"


def test_a_deep_file_fails_the_whole_build_cleanly(project, capsys):
    (project / "content/bodies/deep.yaml").write_text("name: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    refused(project, capsys, "content/bodies/deep.yaml:1: values nest more than 64 levels deep")


# --- hand-written pages: Markdown and images only ------------------------------------------------


@pytest.mark.parametrize(("name", "content"), [
    ("x.html", "<p>hello</p><script>alert(document.cookie)</script>"),
    ("x.js", "alert(document.cookie)"),
    ("x.css", "body { background: url(https://evil.example/track) }"),
    ("nested/x.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("x.htm", "<script>alert(1)</script>"),
])
def test_hand_written_files_that_could_run_are_refused(name, content, project, capsys):
    path = project / "content/pages" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    refused(project, capsys, f"content/pages/{name}:1: content/pages/ holds Markdown pages and images")


def test_a_hand_written_link_out_of_the_project_is_refused(project, capsys):
    (project / "content/pages/secret.md").symlink_to("/etc/hostname")
    refused(project, capsys, "content/pages/secret.md:1: is a symbolic link to /etc/hostname, outside the project")


@pytest.mark.parametrize(("page", "expected"), [
    ("programs/index.md", "content/pages/programs/index.md:1: /programs/ is already the generated programs/index.md"),
    ("policies/timeline.md", "content/pages/policies/timeline.md:1: /policies/timeline/ is already the generated"),
    ("programs/test-program.md", "programs/test-program.yaml:1: id: /programs/test-program/ would be the page of "
                                 "programme 'test-program', but it is already content/pages/programs/test-program.md:1"),
    ("feed.xml.md", None),  # a page beside a data file is fine: /feed.xml.md/ is not /feed.xml
])
def test_a_hand_written_page_cannot_take_a_generated_url(page, expected, project, capsys):
    path = project / "content/pages" / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: 我的页面\n---\n\n# 我的页面\n", encoding="utf-8")
    if expected is None:
        assert main(["--root", str(project), "validate"]) == 0
    else:
        refused(project, capsys, expected, ("validate",))


def test_an_allow_listed_file_is_published(project):
    (project / "content/pages/verify.txt").write_text("reviewed\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - catalog\n" in text
    config.write_text(text.replace("\n  - catalog\n", "\n  - catalog:\n      allow_files: [content/pages/verify.txt]\n"),
                      encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 0
    assert (project / "site/verify.txt").read_text(encoding="utf-8") == "reviewed\n"


# --- redirects never replace pages; redirect pages carry the policy --------------------------------


def test_a_former_id_redirects_under_the_policy(project):
    program = project / PROGRAM
    program.write_text(program.read_text(encoding="utf-8").replace("id: test-program\n", "id: test-program\nformer_ids: [old-name]\n", 1),
                       encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 0
    page = (project / "site/programs/old-name/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page
    assert not themescripts.INLINE_SCRIPT.search(page), "an inline script the policy would have to trust"
    assert '<script src="../../assets/redirect.js"></script>' in page
    assert '<link rel="canonical" href="../test-program/">' in page
    assert (project / "site/assets/redirect.js").is_file()
    # The real page is still the real page.
    assert "测试管理师" in (project / "site/programs/test-program/index.html").read_text(encoding="utf-8")


# --- the Content-Security-Policy -----------------------------------------------------------------


def _material_template_scripts() -> set[str]:
    templates = Path(__import__("material").__file__).parent / "templates" / "partials" / "javascripts"
    found = set()
    for name in ("base.html", "palette.html", "content.html"):
        text = (templates / name).read_text(encoding="utf-8")
        text = re.sub(r'\{\{ config\.extra\.scope \| d\(base_url\) \}\}', "{scope}", text)
        found |= {m.group(1) for m in re.finditer(r"<script>(.*?)</script>", text, re.DOTALL)
                  if "{%" not in m.group(1) and "{{" not in m.group(1)}
    return found


def test_the_reviewed_theme_scripts_are_the_installed_materials():
    """When a Material upgrade changes an inline script, this names the one to review."""
    installed = _material_template_scripts()
    missing = [script[:60] for script in themescripts.THEME_SCRIPTS if script not in installed]
    assert not missing, (f"Material {version('mkdocs-material')} no longer has these inline scripts, reviewed for "
                         f"{themescripts.THEME_SCRIPTS_REVIEWED_FOR}: {missing}; review its scripts and update "
                         "generator/themescripts.py")


def test_an_unreviewed_inline_script_fails_the_build(project, capsys):
    """Anywhere on the page, not only in the article: the policy never learns to trust an injection."""
    override = project / "site_overrides/main.html"
    text = override.read_text(encoding="utf-8")
    override.write_text(text.replace("{% block extrahead %}\n  {{ super() }}",
                                     "{% block extrahead %}\n  {{ super() }}\n  <script>window.__injected=1</script>", 1),
                        encoding="utf-8")
    err = refused(project, capsys, "inline script not among the reviewed theme scripts")
    assert "window.__injected=1" in err


def test_every_page_has_the_one_policy_and_the_headers_file_repeats_it(built_project):
    site = built_project / "site"
    policies = {re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', p.read_text(encoding="utf-8")).group(1)
                for p in site.rglob("*.html")}
    assert len(policies) == 1
    [page_policy] = policies
    lines = (site / headers.HEADERS_FILE).read_text(encoding="utf-8").splitlines()
    assert "/*" in lines
    assert f"  Content-Security-Policy: {page_policy}; frame-ancestors 'none'" in lines
    assert "  X-Content-Type-Options: nosniff" in lines
    assert "  Referrer-Policy: strict-origin-when-cross-origin" in lines
    # Every inline script on the site is one the policy allows.
    allowed = set(themescripts.script_hashes("/"))
    for path in site.rglob("*.html"):
        for match in themescripts.INLINE_SCRIPT.finditer(path.read_text(encoding="utf-8")):
            if not any(t in match.group(1) for t in themescripts.DATA_TYPES):
                assert themescripts.sha256_source(match.group(2)) in allowed, path


# --- text is shown as itself ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["<program>", "a ~ b ~~c~~", "2^10 x^2^", "a | b", r"C:\temp", "&lt;", "*x* _y_ `z` [l](u)"])
def test_text_renders_as_itself_in_a_table_cell(text):
    rendered = markdown.markdown(f"| h |\n|---|\n| {inline(text)} |", extensions=["tables", "attr_list", "md_in_html"])
    cell = re.search(r"<td>(.*?)</td>", rendered, re.DOTALL).group(1)
    assert "<" not in cell, cell  # no markup at all
    assert html.unescape(cell) == text


def test_the_api_page_shows_placeholders_without_a_backslash(built_project):
    page = (built_project / "site/api/index.html").read_text(encoding="utf-8")
    assert "&lt;program&gt;" in page
    assert "\\&lt;" not in page and "\\<" not in html.unescape(re.sub(r"<[^>]+>", "", page))


# --- the calendar's command line -----------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [("0001-01-01", "9999-12-31"), ("2026-01-01", "9999-12-31"), ("1000-01-01", "2026-01-01")])
def test_the_calendar_refuses_dates_it_cannot_count(start, end, capsys):
    exit_code = main(["--root", str(MINIMAL), "calendar", "--from", start, "--to", end])
    captured = capsys.readouterr()
    assert exit_code == 1
    assert "the years the calendar can date" in captured.err
    assert "Traceback" not in captured.err


# --- publishing: atomic, locked, tidy, readable ----------------------------------------------------

_KILLED_BUILD = textwrap.dedent("""
    import os, signal, sys
    from generator import cli
    from generator.publish import publishing

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    step, root = sys.argv[1], sys.argv[2]
    exchange = publishing._exchange
    if step == "before-swap":  # the new site is complete in its staging folder, not yet in place
        publishing._exchange = lambda staging, target: die()
    elif step == "after-swap":  # in place; the old site, now in the staging folder, not yet deleted
        publishing._exchange = lambda staging, target: (exchange(staging, target), die())
    sys.exit(cli.main(["--root", root, "build"]))
""")


def _build_in_a_process(project: Path, step: str = "none") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _KILLED_BUILD, step, str(project)], env=REPRODUCIBLE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _change_the_data(project: Path) -> None:
    program = project / PROGRAM
    program.write_text(program.read_text(encoding="utf-8").replace("summary: 测试用项目。", "summary: 新的简介。"),
                       encoding="utf-8")


def _complete(site: Path) -> bool:
    return all((site / page).is_file() for page in ("index.html", "404.html", "programs/test-program/index.html",
                                                    "sitemap.xml", headers.HEADERS_FILE))


@pytest.mark.parametrize("step", ["before-swap", "after-swap"])
def test_a_build_killed_at_the_swap_leaves_a_whole_site(step, project):
    old = tree_digest(project / "site")
    _change_the_data(project)
    build = _build_in_a_process(project, step)
    build.communicate(timeout=120)
    assert build.returncode == -signal.SIGKILL
    site = project / "site"
    assert _complete(site)
    page = (site / "programs/test-program/index.html").read_text(encoding="utf-8")
    if step == "before-swap":
        assert tree_digest(site) == old and "测试用项目" in page
    else:
        assert "新的简介" in page
    leftovers = list(project.glob(publishing.staging_prefix(site) + "*"))
    assert leftovers, "the killed build's staging folder"
    # The next build publishes and deletes what the killed one left.
    assert main(["--root", str(project), "build"]) == 0
    assert not list(project.glob(publishing.staging_prefix(site) + "*"))
    assert "新的简介" in (site / "programs/test-program/index.html").read_text(encoding="utf-8")


def _use_data(project: Path, changed: bool) -> None:
    program = project / PROGRAM
    text = program.read_text(encoding="utf-8")
    old, new = ("summary: 测试用项目。", "summary: 新的简介。") if changed else ("summary: 新的简介。", "summary: 测试用项目。")
    program.write_text(text.replace(old, new), encoding="utf-8")


def test_a_build_killed_at_any_moment_leaves_a_whole_site(project):
    """Kill builds at spread-out moments of their run: the site is always the whole old or the whole new one."""
    site = project / "site"
    digests = {}
    for changed in (False, True):  # both sites, built reproducibly, and how long a build takes
        _use_data(project, changed)
        started = time.monotonic()
        build = _build_in_a_process(project)
        assert build.wait(timeout=120) == 0
        duration = time.monotonic() - started
        digests[changed] = tree_digest(site)
    assert digests[False] != digests[True]
    published = True
    for fraction in (0.3, 0.6, 0.85, 0.95, 1.0):
        _use_data(project, not published)  # always something new to publish
        build = _build_in_a_process(project)
        time.sleep(duration * fraction)
        build.kill()
        build.wait(timeout=60)
        now = tree_digest(site)
        assert now in digests.values(), f"killed at {fraction:.0%} of a build: a site that is neither"
        published = now == digests[True]
        assert _complete(site)


def test_a_second_build_waits_for_the_first_and_says_so(project):
    said = ""
    with publishing.build_lock(project / "site"):
        build = _build_in_a_process(project)
        stderr = build.stderr.fileno()
        os.set_blocking(stderr, False)  # read what it has said so far, while it runs
        deadline = time.monotonic() + 60
        while "waiting" not in said and time.monotonic() < deadline:
            time.sleep(0.2)
            assert build.poll() is None, "the second build did not wait"
            try:
                said += os.read(stderr, 65536).decode("utf-8", "replace")
            except BlockingIOError:
                pass
        assert "waiting" in said, said
        assert build.poll() is None
    os.set_blocking(stderr, True)
    _, rest = build.communicate(timeout=120)
    assert build.returncode == 0, said + rest
    assert f"another build (process {os.getpid()}) is building" in said


def test_two_builds_at_once_both_succeed(project):
    builds = [_build_in_a_process(project) for _ in range(2)]
    results = [build.communicate(timeout=180) for build in builds]
    assert [build.returncode for build in builds] == [0, 0], results
    assert "Traceback" not in "".join(err for _, err in results)
    assert _complete(project / "site")
    assert not list(project.glob(publishing.staging_prefix(project / "site") + "*"))


def test_the_site_is_readable_by_a_web_server_whatever_the_umask(project):
    build = subprocess.run([sys.executable, "-c", "import os, sys; os.umask(0o077); from generator import cli; "
                            "sys.exit(cli.main(['--root', sys.argv[1], 'build']))", str(project)],
                           env=REPRODUCIBLE, capture_output=True, text=True, timeout=180)
    assert build.returncode == 0, build.stderr
    site = project / "site"
    modes = {stat.S_IMODE(path.stat().st_mode) for path in [site, *site.rglob("*")] if path.is_dir()}
    assert modes == {0o755}
    modes = {stat.S_IMODE(path.stat().st_mode) for path in site.rglob("*") if path.is_file()}
    assert modes == {0o644}


def test_staging_folders_and_the_lock_are_ignored_by_git():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for name in (".site-staging-abc123", ".site.lock"):
        assert subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", name]).returncode == 0, name
