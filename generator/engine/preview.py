"""Helpers for `make serve`: incremental page files and a readable error page."""

from __future__ import annotations

from pathlib import Path

from generator.source.problems import Problem
from generator.pages.markup import inline


def write_changed(folder: Path, files: dict[str, str | bytes]) -> list[str]:
    """Write only files whose content changed, so unchanged ones keep their timestamps."""
    changed = []
    for path, content in files.items():
        target = folder / path
        data = content.encode("utf-8") if isinstance(content, str) else content
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(path)
    return changed


def error_page(problems: list[Problem]) -> str:
    lines = "\n".join(f"- {inline(str(p))}" for p in problems)
    return (
        "---\ntitle: 预览出错\n---\n\n# 预览出错 · Preview error\n\n"
        "数据文件有问题，预览仍显示上一次正确的页面。请修改以下问题后保存，页面会自动刷新。\n\n"
        '<p lang="en">The data has problems; the preview keeps the last good pages. Fix these and save.</p>\n\n'
        f"{lines}\n"
    )
