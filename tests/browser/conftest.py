"""Browser-test harness: the session's one real site build (tests/conftest.py's
built_site, shared with tests/site/), one local HTTP server and one chromium per session.

The browser is Debian's chromium (installed by `make test` via apt-get), never a downloaded one.
If it is missing the tests fail with a message saying so; they are never skipped.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def site_dir(built_site: Path) -> Path:
    """The real catalogue as built once per session for every tier (tests/conftest.py's built_site)."""
    return built_site


@contextlib.contextmanager
def serve_folder(folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve a built site on a free local port; yields its base URL (with trailing slash)."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Base URL (with trailing slash) of the built site, served on a free local port."""
    with serve_folder(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium, driven by Playwright's sync API."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "chromium not found on PATH. The browser tests use Debian's chromium and never "
            "download one: run `make test` (it installs chromium with apt-get), or "
            "`sudo apt-get install chromium`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def site_context(browser, site_url: str, **options):
    """A browser context for the local site; every other request (Google Fonts …) is refused,
    so the tests never touch the network and never wait for it."""
    context = browser.new_context(base_url=site_url, locale="zh-CN", **options)
    context.route(re.compile("^(?!" + re.escape(site_url) + ")"), lambda route: route.abort())
    return context


@pytest.fixture
def page(browser, site_url: str):
    """A fresh page (own context, JavaScript on) whose relative URLs resolve against the site."""
    context = site_context(browser, site_url)
    yield context.new_page()
    context.close()


@pytest.fixture
def nojs_page(browser, site_url: str):
    """A fresh page in a context with JavaScript disabled."""
    context = site_context(browser, site_url, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(
            f"{AXE_JS.relative_to(ROOT)} is missing: run `make test` (it runs `npm ci`) "
            "to install axe-core from package.json.",
            pytrace=False,
        )
    return AXE_JS.read_text(encoding="utf-8")
