"""`catalog init DIR`: a new project that builds as it is, with its sample programme; never over a
non-empty folder."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def catalog(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          timeout=600, cwd=cwd)


def test_init_then_build(tmp_path: Path):
    project = tmp_path / "new-catalogue"
    done = catalog("init", str(project))
    assert done.returncode == 0, done.stderr
    for path in ("mkdocs.yml", "README.md", "published-urls.txt", "content/site.yaml", "content/schemes.yaml",
                 "content/pages/index.md", "programs/example-barista.yaml", "syllabi/example-barista.yaml",
                 "site_overrides/main.html", "schema/program.schema.json", "schema/site.schema.json"):
        assert (project / path).is_file(), path
    assert not (project / "site_overrides").is_symlink()
    built = catalog("build", cwd=project)  # in the project's folder, as its README says
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "programs" / "example-barista" / "index.html").read_text(encoding="utf-8")
    assert "示例咖啡师证书" in page
    assert (project / "site" / "syllabi" / "example-barista" / "index.html").is_file()
    assert "碳" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    # Every script and stylesheet a page asks for is in the build: the starter's mkdocs.yml once named
    # assets/eligibility.js, which no longer exists, and left out the plan page's and the permalink's.
    for page in ("index.html", "eligibility/index.html", "plan/index.html", "syllabi/example-barista/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        assets = re.findall(r'<script[^>]* src="([^"]+)"|<link[^>]* rel="stylesheet"[^>]* href="([^"]+)"', html)
        wanted = [a or b for a, b in assets if not (a or b).startswith(("http:", "https:"))]
        if page == "eligibility/index.html":
            assert any(w.endswith("eligibility/widget.js") for w in wanted), wanted
        for src in wanted:
            target = ((project / "site" / page).parent / src.split("?")[0]).resolve()
            assert target.is_file(), f"{page} asks for {src}"


def test_init_refuses_a_non_empty_folder(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    done = catalog("init", str(tmp_path))
    assert done.returncode == 1
    assert "not empty" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_init_into_an_empty_folder(tmp_path: Path):
    done = catalog("init", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "programs" / "example-barista.yaml").is_file()
