"""schema.org JSON-LD for the pages, carried in each page's front matter (`jsonld:`).

- programme pages: one `EducationalOccupationalCredential` per level (or one for a programme the source
  does not split into levels): credentialCategory, educationalLevel, recognizedBy (the issuing
  Organization), offers (the fees that apply, with price in CNY where the source gives one), validFor
  (only when the certificate's published validity reads as a number of years or months);
- syllabus pages: a `Course`;
- programme calendar pages: an `EducationEvent` for each exam session listed;
- body pages: the body's `Organization`;
- the API page: the `Dataset` with its downloads.

`site_overrides/main.html` writes each object into <head> as <script type="application/ld+json">,
outside the article. The front matter holds each object as JSON text in which every `<` is written
`\\u003c` (and main.html replaces `<` again), so no data can close the script element; JSON parsers
read the same strings back.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from generator.features.calendar import sessions as calendar
from generator.features.calendar.workdays import default_window
from generator.source.facts import schedule_fact
from generator.words.phrases import calendar_day, describe_rule, qualified_text, source_label

from generator.words import labels
from generator.words.editions import EN
from generator.source.models import Body, Fee, Level, Program, Syllabus
from generator.pages.build import Build
from generator.publish import opendata
from generator.publish.published import ATTRIBUTION_EN, ATTRIBUTION_ZH, PublishedCatalog

CONTEXT = "https://schema.org"
ATTENDANCE = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "blended": "https://schema.org/MixedEventAttendanceMode",
}
FRONT_MATTER_KEY = "jsonld"
# Characters YAML reads as line breaks or refuses in a document: escaped inside the JSON strings.
_YAML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def script_json(block: dict) -> str:
    """One JSON-LD object as one line of JSON that is safe inside <script> and inside YAML."""
    text = json.dumps(block, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _year_month(text: str | None) -> str | None:
    """ISO 8601 duration for a validity such as 3年 or 6个月; None when the text is not that simple."""
    if not text:
        return None
    match = re.fullmatch(r"\s*(?:有效期)?[为：:]?\s*(\d+)\s*(年|个月)\s*(?:有效)?\s*[。.]?\s*", text)
    if not match:
        return None
    return f"P{match.group(1)}{'Y' if match.group(2) == '年' else 'M'}"


def _date_time(day: dt.date, time: str | None) -> str:
    return f"{day.isoformat()}T{time}:00+08:00" if time else day.isoformat()


class JsonLd(PublishedCatalog):
    # shared parts

    def organization(self, body: Body, full: bool = False) -> dict:
        out: dict = {
            "@type": "Organization",
            "@id": self.url(f"/bodies/{body.id}/") + "#organization",
            "name": body.name.zh,
            "url": self.url(f"/bodies/{body.id}/"),
        }
        alternate = [body.name.en] + ([body.short_name] if body.short_name else [])
        out["alternateName"] = alternate
        if full:
            out["description"] = body.summary
            if body.websites:
                out["sameAs"] = [str(site.url) for site in body.websites]
            if body.founded:
                out["foundingDate"] = body.founded
            out["mainEntityOfPage"] = self.url(f"/bodies/{body.id}/")
        return out

    def bodies_with_role(self, program: Program, *roles: str) -> list[dict]:
        ids = dict.fromkeys(ref.body for ref in program.bodies if ref.role in roles)
        return [self.organization(self.catalog.bodies[b]) for b in ids if b in self.catalog.bodies]

    def credential_id(self, program: Program, level: Level | None) -> str:
        return self.url(f"/programs/{program.id}/") + (f"#{level.id}" if level else "#certificate")

    @staticmethod
    def offer(fee: Fee) -> dict:
        out: dict = {
            "@type": "Offer",
            "category": labels.FEE_KIND[fee.kind],
            "description": fee.text,
            "priceCurrency": "CNY",
        }
        if fee.amount is not None:
            out["price"] = f"{fee.amount:g}"
            out["priceSpecification"] = {
                "@type": "UnitPriceSpecification", "price": f"{fee.amount:g}", "priceCurrency": "CNY",
                **({"unitText": fee.unit} if fee.unit else {}),
            }
        return out

    # programme pages

    def credential(self, program: Program, level: Level | None) -> dict:
        name = level.name if level else program.name
        cert = program.certificate
        out: dict = {
            "@context": CONTEXT,
            "@type": "EducationalOccupationalCredential",
            "@id": self.credential_id(program, level),
            "name": name.zh,
            "alternateName": name.en,
            "description": (level.focus if level and level.focus else program.summary),
            "url": self.credential_id(program, level),
            "inLanguage": "zh-CN",
            "credentialCategory": {
                "@type": "DefinedTerm",
                "name": cert.name if cert else labels.PROGRAM_TYPE[program.type],
                "termCode": "certificate",
            },
        }
        if level:
            out["educationalLevel"] = {
                "@type": "DefinedTerm", "name": labels.LEVEL_NAME[level.id], "alternateName": EN.level[level.id],
                "termCode": level.id,
            }
        if level and level.status == "unpublished":
            # A level the source marks 待定 states nothing: no offers, dates, issuer or other facts.
            out["description"] = "；".join(n.text for n in level.notes) or labels.NOT_PUBLISHED
            return out
        issuers = self.bodies_with_role(program, "issuer")
        if cert and cert.issuer in self.catalog.bodies and not issuers:
            issuers = [self.organization(self.catalog.bodies[cert.issuer])]
        if issuers:
            out["recognizedBy"] = issuers
        fees = [f for f in program.fees if not (level and f.levels and level.id not in f.levels)]
        if fees:
            out["offers"] = [self.offer(f) for f in fees]
        valid_for = _year_month(cert.validity if cert else None)
        if valid_for:
            out["validFor"] = valid_for
        if program.occupation and program.occupation.code:
            out["occupationalCategory"] = program.occupation.code
        if level and level.syllabus and level.syllabus in self.catalog.syllabi:
            out["competencyRequired"] = [
                {"@type": "DefinedTerm", "name": unit.name,
                 "url": self.url(f"/syllabi/{level.syllabus}/#{unit.id}")}
                for unit in self.catalog.syllabi[level.syllabus].units
            ]
        out["dateModified"] = program.last_verified.isoformat()
        return out

    def program_blocks(self, program: Program) -> list[dict]:
        if program.levels:
            return [self.credential(program, level) for level in program.levels]
        return [self.credential(program, None)]

    # syllabus pages

    def course(self, syllabus: Syllabus) -> dict:
        program = self.catalog.programs[syllabus.program]
        level = self.catalog.level(program.id, syllabus.level) if syllabus.level else None
        page = self.url(f"/syllabi/{syllabus.id}/")
        description = program.name.zh + (f"（{level.name.zh}）" if level else "") + "课程大纲"
        out: dict = {
            "@context": CONTEXT,
            "@type": "Course",
            "@id": page + "#course",
            "name": syllabus.title,
            "description": description,
            "url": page,
            "inLanguage": "zh-CN",
            "courseCode": syllabus.id,
            "syllabusSections": [
                {"@type": "Syllabus", "name": unit.name, "url": f"{page}#{unit.id}",
                 "description": "；".join(topic.name for topic in unit.topics)}
                for unit in syllabus.units
            ],
            "citation": source_label(syllabus.source, self.catalog.sources),
            "dateModified": program.last_verified.isoformat(),
        }
        providers = self.bodies_with_role(program, "trainer", "host", "organiser", "issuer")
        if providers:
            out["provider"] = providers
        credentials = [level] if level else [lv for lv in program.levels if lv.syllabus == syllabus.id] or [None]
        out["educationalCredentialAwarded"] = [
            {"@type": "EducationalOccupationalCredential", "@id": self.credential_id(program, lv),
             "name": (lv.name.zh if lv else program.name.zh)}
            for lv in credentials
        ]
        if level:
            out["educationalLevel"] = labels.LEVEL_NAME[level.id]
        return out

    # calendar pages

    def event(self, session: calendar.Session) -> dict:
        program = session.program
        name = calendar.display_name(self.catalog, program)
        page = self.url(f"/calendar/{program.id}/")
        times = session.times
        start = _date_time(session.days[0], times[0].start if times else None)
        end = _date_time(session.days[-1], times[-1].end if times else None)
        notes = list(dict.fromkeys(n.text for e in session.events for n in e.notes))
        schedule = schedule_fact(program)
        description = (f"{name}考试。日期按公布的考试规则推算：" + qualified_text(
            schedule, describe_rule(schedule.value.rule), with_notes=True) + "，以主办方通知为准。"
                       if schedule else f"{name}考试。")
        if session.estimated:
            description += " 部分节点为推算日期（estimated）。"
        description += " ".join(notes)
        out: dict = {
            "@context": CONTEXT,
            "@type": "EducationEvent",
            "@id": f"{page}#{session.anchor}",
            "name": f"{name}考试 · {calendar_day(session.date, weekday=False)}",
            "description": description.strip(),
            "url": f"{page}#{session.anchor}",
            "startDate": start,
            "endDate": end,
            "inLanguage": "zh-CN",
            "eventStatus": "https://schema.org/EventScheduled",
        }
        if session.mode:
            out["eventAttendanceMode"] = ATTENDANCE[session.mode]
        locations = []
        if session.mode in ("online", "blended"):
            locations.append({"@type": "VirtualLocation", "name": program.exam.platform if program.exam and
                              program.exam.platform else labels.EXAM_MODE["online"],
                              "url": self.url(f"/programs/{program.id}/#exam")})
        if session.mode in ("offline", "blended"):
            locations.append({"@type": "Place", "name": labels.EXAM_MODE["offline"] + "（地点" + labels.NOT_PUBLISHED + "）"})
        if locations:
            out["location"] = locations if len(locations) > 1 else locations[0]
        organizers = self.bodies_with_role(program, "host", "organiser", "issuer")
        if organizers:
            out["organizer"] = organizers
        if session.levels:
            out["educationalLevel"] = [labels.LEVEL_NAME.get(lv, lv) for lv in session.levels]
        levels = [self.catalog.level(program.id, lv) for lv in session.levels] or [None]
        out["about"] = [
            {"@type": "EducationalOccupationalCredential", "@id": self.credential_id(program, lv),
             "name": lv.name.zh if lv else program.name.zh}
            for lv in levels
        ]
        return out

    def calendar_blocks(self, program: Program) -> list[dict]:
        """The upcoming sessions the programme's calendar page lists."""
        start, end = default_window(self.today)
        found = [s for s in calendar.sessions(program, start, end) if s.date >= self.today]
        found.sort(key=lambda s: (s.date, s.program.id))
        return [self.event(s) for s in found]

    # the API page

    def dataset(self, paths: list[str]) -> dict:
        updated = max((p.last_verified for p in self.catalog.programs.values()), default=self.today)
        return {
            "@context": CONTEXT,
            "@type": "Dataset",
            "@id": self.url("/api/") + "#dataset",
            "name": f"{self.catalog.site.title.zh} · 开放数据 ({self.catalog.site.title.en}: open data)",
            "description": ATTRIBUTION_ZH + " " + ATTRIBUTION_EN,
            "url": self.url("/api/"),
            "inLanguage": ["zh-CN", "en"],
            "dateModified": updated.isoformat(),
            "isAccessibleForFree": True,
            "creditText": ATTRIBUTION_ZH,
            "distribution": [
                {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": self.url("/" + p)}
                for p in paths
            ],
        }

    # every page

    def blocks(self) -> dict[str, list[dict]]:
        """Markdown path → its JSON-LD objects, for every page whose objects come from the catalogue alone."""
        cat = self.catalog
        out: dict[str, list[dict]] = {}
        for program in cat.programs.values():
            out[f"programs/{program.id}.md"] = self.program_blocks(program)
        for syllabus in cat.syllabi.values():
            out[f"syllabi/{syllabus.id}.md"] = [self.course(syllabus)]
        for body in cat.bodies.values():
            out[f"bodies/{body.id}.md"] = [{"@context": CONTEXT, **self.organization(body, full=True)}]
        for program in calendar.scheduled_programs(cat):
            out[f"calendar/{program.id}.md"] = self.calendar_blocks(program)
        # The all-programme pages (/calendar/ and the month pages) carry no events of their own: each
        # session's event is on its programme's calendar page, which keeps those pages small at any
        # catalogue size (a thousand programmes' events were most of a 14 MB /calendar/, docs/scale.md).
        return out


def page_metadata(build: Build) -> dict[str, dict[str, list[str]]]:
    """JSON-LD for every page that has some (and the API page's Dataset, which lists the data files),
    as the `jsonld` front-matter key the theme override writes out (site_overrides/main.html)."""
    ld = JsonLd(build.catalog, build.today, build.site_url)
    blocks = {**ld.blocks(), opendata.DOC_PAGE: [ld.dataset(opendata.data_paths(build.catalog))]}
    return {path: {FRONT_MATTER_KEY: [script_json(b) for b in objects]} for path, objects in blocks.items() if objects}
