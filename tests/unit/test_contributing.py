"""The contributor set-up says and runs what it promises."""

from __future__ import annotations

from ruamel.yaml import YAML

from ..conftest import ROOT

yaml = YAML(typ="safe")


def test_pull_requests_validate_build_and_test():
    workflow = yaml.load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    commands = [step.get("run") for step in workflow["jobs"]["check"]["steps"]]
    assert {"make validate", "make site", "make test"} <= set(commands)


def test_pushes_to_main_deploy_to_pages():
    workflow = yaml.load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert workflow["on"]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_pre_commit_runs_the_validator():
    config = yaml.load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert any(hook["entry"].endswith("catalog validate") for hook in hooks)


def test_contributing_guide_is_bilingual():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## 中文说明" in text and "## English" in text
    assert (ROOT / ".github/pull_request_template.md").is_file()
