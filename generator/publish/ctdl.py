"""A CTDL-shaped export (Credential Transparency Description Language, credreg.net): api/v1/ctdl.json.

One `ceterms:Certificate` per level (or one per programme whose source has no levels). Its
`ceterms:requires` lists one `ceterms:ConditionProfile` per eligibility route: the route is one way
to qualify, so the profiles are alternatives and meeting any one of them is enough. Each profile
carries the clause verbatim (`ceterms:description`), its number (`ceterms:name`), every condition in
words (`ceterms:condition`), years of experience (`ceterms:yearsOfExperience`) and, for a required
certificate of a catalogued programme, the credential itself (`ceterms:targetCredential`). The
structured conditions, exactly as the eligibility engine reads them, are under `cc:conditions`.
Programme-wide preconditions (training hours) hold on every route, so every profile repeats them.

The export is "CTDL-shaped", not registry-ready: no CTIDs are registered with Credential Engine.
`ceterms:ctid` is a stable, deterministic UUID derived from the credential's permanent URL path.
"""

from __future__ import annotations

import json
import uuid

from generator.words import labels
from generator.source.catalog import Catalog
from generator.source.models import Condition, Eligibility, Fee, Level, Program
from generator.words.phrases import describe_condition
from generator.publish.published import SCHEMA_VERSION, attribution
from generator.source.siteurl import absolute

PATH = "api/v1/ctdl.json"


def catalog_vocab(site_id: str) -> str:
    """The URN of the catalogue's own terms, from the site's machine name (content/site.yaml `id`)."""
    return f"urn:{site_id}:vocab:"


def context(site_id: str) -> list:
    return [
        "https://credreg.net/ctdl/schema/context/json",
        {
            "@version": 1.1,
            "cc": catalog_vocab(site_id),
            "schema_version": "cc:schemaVersion",
            "attribution": {"@id": "cc:attribution", "@container": "@language"},
            "cc:conditions": {"@type": "@json"},
            "cc:source": {"@type": "@json"},
        },
    ]
_CTID_NAMESPACE = uuid.UUID("6f1c1c0e-4b8e-5d0a-9a57-0c0a7c3b0f21")


def ctid(path: str) -> str:
    """A CTID-shaped id ("ce-" + UUID), the same in every build: from the permanent URL path."""
    return "ce-" + str(uuid.uuid5(_CTID_NAMESPACE, path))


def lang(zh: str, en: str | None = None) -> dict:
    out = {"zh-CN": zh}
    if en:
        out["en-US"] = en
    return out


def _condition_json(condition: Condition) -> dict:
    kind = next(name for name in Condition.model_fields if getattr(condition, name) is not None)
    value = getattr(condition, kind)
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    elif isinstance(value, tuple):
        value = list(value)
    return {"kind": kind, "rule": value}


class CtdlExport:
    def __init__(self, catalog: Catalog, site_url: str | None):
        self.catalog = catalog
        self.site_url = site_url

    def url(self, path: str) -> str:
        return absolute(self.site_url, path)

    def org_id(self, body_id: str) -> str:
        return self.url(f"/bodies/{body_id}/") + "#organization"

    def org(self, body_id: str) -> dict:
        body = self.catalog.bodies[body_id]
        path = f"/bodies/{body_id}/"
        out = {
            "@type": "ceterms:CredentialOrganization",
            "@id": self.org_id(body_id),
            "ceterms:ctid": ctid(path),
            "ceterms:name": lang(body.name.zh, body.name.en),
            "ceterms:description": lang(body.summary),
            "ceterms:subjectWebpage": self.url(path),
        }
        if body.websites:
            out["ceterms:sameAs"] = [str(site.url) for site in body.websites]
        return out

    def credential_path(self, program: Program, level: Level | None) -> str:
        return f"/programs/{program.id}/" + (f"#{level.id}" if level else "")

    def credential_refs(self, scheme: str, level_id: str) -> list[str]:
        """The catalogued credentials that meet a certificate condition: the programme it names, or every
        member programme of the scheme it names (content/schemes.yaml)."""
        refs = []
        for pid in self.catalog.certificates_meeting(scheme):
            program = self.catalog.programs.get(pid)
            if program is None:
                continue
            level = next((lv for lv in program.levels if lv.id == level_id), None)
            if level is not None or not program.levels:
                refs.append(self.url(self.credential_path(program, level)))
        return refs

    def profile(self, program: Program, route, eligibility: Eligibility) -> dict:
        conditions = list(route.conditions) + [pre.condition for pre in program.preconditions]
        words = [describe_condition(c, self.catalog.vocabulary("zh")) for c in route.conditions]
        words += [pre.text for pre in program.preconditions]
        out: dict = {
            "@type": "ceterms:ConditionProfile",
            "ceterms:name": lang(f"报考条件 {route.clause}", f"Eligibility route {route.clause}"),
            "ceterms:description": lang(route.text),
            "ceterms:condition": {"zh-CN": words},
        }
        years = [c.experience.years for c in route.conditions if c.experience]
        if years:
            out["ceterms:yearsOfExperience"] = max(years)
        targets = [t for c in route.conditions if c.certificate
                   for t in self.credential_refs(c.certificate.scheme, c.certificate.level)]
        if targets:
            out["ceterms:targetCredential"] = targets
        out["cc:clause"] = route.clause
        out["cc:conditions"] = [_condition_json(c) for c in conditions]
        out["cc:source"] = {"file": eligibility.source.file, "section": eligibility.source.section}
        return out

    def costs(self, program: Program, level: Level | None) -> list[dict]:
        out = []
        for fee in program.fees:
            if level and fee.levels and level.id not in fee.levels:
                continue
            out.append(self.cost(fee))
        return out

    @staticmethod
    def cost(fee: Fee) -> dict:
        item: dict = {
            "@type": "ceterms:CostProfile",
            "ceterms:name": lang(labels.FEE_KIND[fee.kind]),
            "ceterms:description": lang(fee.text),
            "ceterms:currency": "CNY",
            "cc:feeKind": fee.kind,
        }
        if fee.amount is not None:
            item["ceterms:price"] = fee.amount
        if fee.unit:
            item["cc:unit"] = fee.unit
        return item

    def credential(self, program: Program, level: Level | None) -> dict:
        path = self.credential_path(program, level)
        name = level.name if level else program.name
        status = level.status if level else "published"
        eligibility = None if status == "unpublished" else ((level.eligibility if level else None) or program.eligibility)
        out: dict = {
            "@type": "ceterms:Certificate",
            "@id": self.url(path),
            "ceterms:ctid": ctid(path),
            "ceterms:name": lang(name.zh, name.en),
            "ceterms:description": lang((level.focus if level and level.focus else None) or program.summary),
            "ceterms:subjectWebpage": self.url(path),
            "ceterms:inLanguage": ["zh"],
        }
        if status == "unpublished":
            # A level the source marks 待定 states nothing: no costs, requirements, owners or other facts.
            out["cc:eligibilityStatus"] = status
            out["cc:program"], out["cc:level"] = program.id, level.id
            return out
        if program.occupation and program.occupation.code:
            out["ceterms:occupationType"] = [{
                "@type": "ceterms:CredentialAlignmentObject",
                "ceterms:codedNotation": program.occupation.code,
                "ceterms:frameworkName": lang("中华人民共和国职业分类大典", "Occupational Classification of the PRC"),
                "ceterms:targetNodeName": lang(program.name.zh, program.name.en),
            }]
        owners = [ref.body for ref in program.bodies if ref.role == "issuer"]
        offerers = [ref.body for ref in program.bodies if ref.role in ("host", "organiser", "trainer")]
        if owners:
            out["ceterms:ownedBy"] = [self.org_id(b) for b in dict.fromkeys(owners)]
        if offerers:
            out["ceterms:offeredBy"] = [self.org_id(b) for b in dict.fromkeys(offerers)]
        if eligibility:
            out["ceterms:requires"] = [self.profile(program, r, eligibility) for r in eligibility.routes]
        out["cc:eligibilityStatus"] = "published" if eligibility else "unpublished"
        costs = self.costs(program, level)
        if costs:
            out["ceterms:estimatedCost"] = costs
        out["cc:program"] = program.id
        out["cc:level"] = level.id if level else None
        out["cc:lastVerified"] = program.last_verified.isoformat()
        return out

    def graph(self) -> list[dict]:
        items = [self.org(body_id) for body_id in sorted(self.catalog.bodies)]
        for program in sorted(self.catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id)):
            if program.levels:
                items += [self.credential(program, level) for level in program.levels]
            else:
                items.append(self.credential(program, None))
        return items

    def document(self) -> dict:
        return {
            "@context": context(self.catalog.site.id),
            "schema_version": SCHEMA_VERSION,
            "attribution": attribution().model_dump(),
            "@graph": self.graph(),
        }


def export(catalog: Catalog, site_url: str | None) -> dict:
    return CtdlExport(catalog, site_url).document()


def export_json(catalog: Catalog, site_url: str | None) -> str:
    return json.dumps(export(catalog, site_url), ensure_ascii=False, separators=(",", ":")) + "\n"
