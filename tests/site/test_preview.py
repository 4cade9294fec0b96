"""`make serve`: edits show up, only changed pages are rewritten, and bad input shows a message."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from generator.engine.preview import write_changed


def test_only_changed_files_are_rewritten(tmp_path):
    files = {"a.md": "one", "b/c.md": "two"}
    assert sorted(write_changed(tmp_path, files)) == ["a.md", "b/c.md"]
    assert write_changed(tmp_path, {**files, "a.md": "uno"}) == ["a.md"]
    assert write_changed(tmp_path, {**files, "a.md": "uno"}) == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, needle: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url}; last page began {last[:200]!r}")


@pytest.fixture
def preview(minimal_project, tmp_path):
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=minimal_project, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}, start_new_session=True,
    )
    try:
        yield minimal_project, f"http://127.0.0.1:{port}", process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()
        print((tmp_path / "serve.log").read_text(encoding="utf-8")[-3000:])


def test_preview_follows_edits_and_explains_errors(preview):
    project, base, process = preview
    program = project / "programs/test-program.yaml"
    _wait_for(f"{base}/programs/test-program/", "测试用项目")

    program.write_text(program.read_text(encoding="utf-8").replace("测试用项目。", "改过的简介。"), encoding="utf-8")
    _wait_for(f"{base}/programs/test-program/", "改过的简介")
    cached = project / ".cache/catalog/pages"
    assert (cached / "programs/test-program.md").read_text(encoding="utf-8").count("改过的简介") >= 1

    program.write_text(program.read_text(encoding="utf-8").replace("pass_mark: 60", "pass_mark: sixty"),
                       encoding="utf-8")
    page = _wait_for(f"{base}/", "预览出错")
    assert "programs/test-program.yaml:20: exam.pass_mark" in page
    assert process.poll() is None, "the preview server must keep running"
    _wait_for(f"{base}/programs/test-program/", "改过的简介")  # the last good pages stay up

    program.write_text(program.read_text(encoding="utf-8").replace("pass_mark: sixty", "pass_mark: 60"),
                       encoding="utf-8")
    _wait_for(f"{base}/", "测试首页")
