"""The updates feed: an Atom feed (RFC 4287) of catalogue changes, at /feed.xml.

Built only from dates in the data, so two builds of the same data are identical:

- one entry per policy document, dated by its publication date (else its issue or effective date)
  when the source gives the day, else by the day it was recorded (never a made-up first of the month);
  a policy added to the catalogue is a new entry;
- one entry per programme and verification: `last_verified` dates it, and its id carries that date,
  so re-checking a programme (after a fee, schedule or rule change) makes a new entry. The data does
  not date fees or schedules on their own, so the entry lists the current fees, schedule, exam and
  levels as of that verification.

Dates are midnight Beijing time; the entry text gives the date as the source does. Fees and the
schedule keep their qualifiers (source/facts.py): the source's condition, our reading, the notes. The feed's `updated` is the newest entry's date.
Ids are tag URIs on a fixed name, so they survive a change of the site's address.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree as ET

from generator.words import labels
from generator.source.catalog import Catalog
from generator.features.calendar.sessions import display_name
from generator.source.models import Policy, Program
from generator.pages.build import Build
from generator.source.facts import fee_facts, schedule_fact
from generator.words.phrases import describe_rule, fee_line, qualified_text, source_date
from generator.source.siteurl import absolute

PATH = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"


def tag(catalog: Catalog) -> str:
    """The feed's tag: URI prefix, on the site's fixed UID domain (content/site.yaml)."""
    return f"tag:{catalog.site.uid_domain},2026:"


def title(catalog: Catalog) -> str:
    return f"{catalog.site.title.zh} · 更新 (updates)"
# Characters XML 1.0 cannot carry.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def timestamp(value: str | dt.date) -> str:
    """RFC 3339 at midnight Beijing time; a partial date (YYYY, YYYY-MM) on its first day."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = [int(p) for p in text.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    return f"{dt.date(year, month, day).isoformat()}T00:00:00+08:00"


def _clean(text: str) -> str:
    return _NOT_XML.sub("", " ".join(str(text).split()))


class Entry:
    def __init__(self, id: str, title: str, updated: str, link: str, summary: str, category: str,
                 published: str | None = None):
        self.id, self.title, self.updated, self.link = id, title, updated, link
        self.summary, self.category, self.published = summary, category, published


def policy_entry(policy: Policy, catalog: Catalog, site_url: str | None) -> Entry:
    date = policy.date
    which = "发布" if policy.published else "成文" if policy.issued else "施行" if policy.effective else None
    when = f"{source_date(date)}{which}" if which else "日期未公布"
    number = f" {policy.number}" if policy.number else ""
    cited = [catalog.programs[pid].name.zh for pid in catalog.citing_programs.get(policy.id, ())]
    summary = f"{policy.title}{number}（{policy.issuer}，{when}）。{policy.summary}"
    if cited:
        summary += " 引用本文件的证书项目：" + "、".join(dict.fromkeys(cited)) + "。"
    # Atom dates are days: a policy dated only to the month or year is not given an invented day; its
    # entry is dated by the day we recorded it (last_verified), and the summary gives the source's date.
    day_precise = date is not None and len(date) == len("YYYY-MM-DD")
    stamp = timestamp(date) if day_precise else timestamp(policy.last_verified)
    return Entry(
        id=f"{tag(catalog)}policy/{policy.id}", title=f"政策文件：{policy.title}", updated=stamp,
        published=stamp if day_precise else None,
        link=absolute(site_url, f"/policies/{policy.id}/"), summary=summary, category="policy")


def program_entry(program: Program, catalog: Catalog, site_url: str | None) -> Entry:
    verified = program.last_verified.isoformat()
    name = display_name(catalog, program)  # a specialty may share its name with a programme
    levels = "、".join(lv.name.zh + ("（待定）" if lv.status == "unpublished" else "") for lv in program.levels)
    parts = [f"{name}（{program.name.en}）的信息已于 {verified} 对照来源核实。", program.summary]
    parts.append("级别：" + (levels or "原文未分级别") + "。")
    if program.exam:
        exam = labels.EXAM_MODE[program.exam.mode]
        if program.exam.pass_mark is not None:
            exam += f"，{program.exam.pass_mark:g} 分及格"
        parts.append(f"考试：{exam}。")
    fees = "；".join(qualified_text(fact, fee_line(fact.value)) for fact in fee_facts(program))
    parts.append("费用：" + (fees or labels.NOT_PUBLISHED) + "。")
    schedule = schedule_fact(program)
    parts.append("考试时间：" + (qualified_text(schedule, describe_rule(schedule.value.rule), with_notes=True)
                                if schedule else labels.NOT_PUBLISHED))
    return Entry(
        id=f"{tag(catalog)}program/{program.id}/{verified}", title=f"证书项目：{name}（核实于 {verified}）",
        updated=timestamp(program.last_verified), link=absolute(site_url, f"/programs/{program.id}/"),
        summary=" ".join(parts), category="program")


def entries(catalog: Catalog, site_url: str | None) -> list[Entry]:
    found = [policy_entry(p, catalog, site_url) for p in catalog.policies.values()]
    found += [program_entry(p, catalog, site_url) for p in catalog.programs.values()]
    return sorted(found, key=lambda e: (e.updated, e.id), reverse=True)


def atom(catalog: Catalog, site_url: str | None) -> str:
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = _clean(text)
        return element

    items = entries(catalog, site_url)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    sub(feed, "id", f"{tag(catalog)}updates")
    sub(feed, "title", title(catalog))
    sub(feed, "subtitle", "新增政策文件、证书项目信息更新（费用、考试安排、报考条件），日期取自数据。"
                          "New policies and re-verified programmes (fees, schedules, rules), dated from the data.")
    sub(feed, "updated", max((e.updated for e in items), default=timestamp(dt.date(2026, 1, 1))))
    author = sub(feed, "author")
    sub(author, "name", catalog.site.title.zh)
    sub(feed, "link", rel="self", type="application/atom+xml", href=absolute(site_url, f"/{PATH}"))
    sub(feed, "link", rel="alternate", type="text/html", href=absolute(site_url, "/"))
    sub(feed, "generator", catalog.site.id)
    for item in items:
        entry = sub(feed, "entry")
        sub(entry, "id", item.id)
        sub(entry, "title", item.title)
        sub(entry, "updated", item.updated)
        if item.published:
            sub(entry, "published", item.published)
        sub(entry, "link", rel="alternate", type="text/html", href=item.link)
        sub(entry, "category", term=item.category)
        sub(entry, "summary", item.summary, type="text")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def files(build: Build) -> dict[str, str]:
    return {PATH: atom(build.catalog, build.site_url)}
