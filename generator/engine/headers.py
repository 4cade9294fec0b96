"""The site's security headers, as the _headers file static hosts read (Netlify, Cloudflare Pages).

A <meta> Content-Security-Policy cannot set frame-ancestors (nor any other header), so the same
policy is shipped as a real header too, with frame-ancestors 'none' (no site may frame these pages),
X-Content-Type-Options: nosniff (a file is never run as another type than it is served as) and a
Referrer-Policy. docs/security-headers.md gives the same headers for nginx and S3/CloudFront.
"""

from __future__ import annotations

from pathlib import Path

from generator.engine import csp

HEADERS_FILE = "_headers"


def security_headers(site_path: str) -> dict[str, str]:
    # The page policy does not depend on the page (generator/engine/themescripts.py), so one header serves all.
    page_policy = csp.policy("", HEADERS_FILE, site_path)
    return {
        "Content-Security-Policy": f"{page_policy}; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    }


def headers_file(site_path: str) -> str:
    lines = ["# Security headers for every path (generator/engine/headers.py; docs/security-headers.md).", "/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(site_path).items()]
    return "\n".join(lines) + "\n"


def write_headers_file(site_dir: Path, site_path: str) -> None:
    (site_dir / HEADERS_FILE).write_text(headers_file(site_path), encoding="utf-8")
