"""Synthetic catalogues for the benchmark: N programmes in the shape and words of the real data.

Every synthetic programme has three levels (初级/中级/高级) with eligibility routes, a syllabus per
level, an exam, fees, a schedule and timeline, registration, a certificate, a course, facts, notes
and 2–4 cited policies. The text is not copied page after page: prose is drawn from a word-level
Markov chain trained (with jieba) on every text field of the real catalogue, so each page has its own
sentences in the real data's vocabulary, and the search index and gzip see realistic text. Lists that
really are shared across programmes in the real data (eligibility clauses, timeline steps, certificate
fields, syllabus topics) are sampled from the real ones.

The output is a complete project folder (data, content/pages/index.md, the real mkdocs.yml and
site_overrides/) that `catalog build --root` builds. Deterministic for a given N and seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

# Name parts, all taken from words of the real data (audiences' industries, programme and glossary names).
INDUSTRIES = (
    ("电力", "power", "Power"), ("石化", "petrochem", "Petrochemical"), ("化工", "chemical", "Chemical"),
    ("建材", "building-materials", "Building Materials"), ("钢铁", "steel", "Steel"),
    ("有色", "nonferrous", "Non-ferrous Metals"), ("造纸", "paper", "Paper"), ("航空", "aviation", "Aviation"),
    ("能源", "energy", "Energy"), ("林业", "forestry", "Forestry"), ("交通", "transport", "Transport"),
    ("建筑", "construction", "Construction"), ("草原", "grassland", "Grassland"),
    ("循环经济", "circular-economy", "Circular Economy"),
)
STEMS = (
    ("碳资产", "carbon-asset", "Carbon Asset"), ("碳排放", "carbon-emission", "Carbon Emission"),
    ("碳汇计量", "carbon-sink", "Carbon Sink Measurement"), ("碳排放权交易", "emission-trading", "Emission Trading"),
    ("碳排放配额", "allowance", "Emission Allowance"), ("碳中和", "neutrality", "Carbon Neutrality"),
    ("温室气体", "ghg", "Greenhouse Gas"), ("碳审计", "carbon-audit", "Carbon Audit"),
    ("碳减排", "carbon-reduction", "Carbon Reduction"), ("节能", "energy-saving", "Energy Saving"),
)
ROLES = (
    ("管理师", "manager", "Manager"), ("管理员", "administrator", "Administrator"),
    ("评估师", "evaluator", "Evaluator"), ("核算员", "accountant", "Accountant"),
    ("咨询师", "consultant", "Consultant"), ("监测员", "monitor", "Monitor"), ("核查员", "verifier", "Verifier"),
    ("交易师", "trader", "Trader"), ("审计师", "auditor", "Auditor"),
)
BODY_KINDS = (("节能协会", "Energy Conservation Association", "社会团体"),
              ("教育咨询有限责任公司", "Education Consulting Co., Ltd.", "企业"),
              ("工业文化发展中心", "Industrial Culture Development Centre", "事业单位"),
              ("碳排放权交易中心", "Emission Trading Centre", "企业"))
POLICY_PREFIXES = ("中节协", "国发", "教职成", "发改办气候", "工信部联政法", "人社部发", "环办气候")
POLICY_ISSUERS = ("国务院", "中国节能协会", "国家发展改革委", "生态环境部", "教育部", "人力资源社会保障部", "工业和信息化部")
POLICY_KINDS = ("opinion", "plan", "notice", "announcement", "regulation", "standard")
LEVELS = (("junior", "初级", "Junior"), ("intermediate", "中级", "Intermediate"), ("senior", "高级", "Senior"))
NUMERALS = "一二三四五六七八九十"
SEEDS = ("000_5c4945766cffce33.txt", "001_696128d07f6a27be.txt", "002_33d05804b6a0116a.txt",
         "003_e294aabf07463324.txt", "004_5a1526c59c4484a5.txt")


# --- words of the real data ----------------------------------------------------------------------


def _strings(node, key: str = "") -> list[tuple[str, str]]:
    """(field name, text) for every string in a parsed YAML document."""
    if isinstance(node, dict):
        return [pair for k, v in node.items() for pair in _strings(v, str(k))]
    if isinstance(node, list):
        return [pair for v in node for pair in _strings(v, key)]
    return [(key, node)] if isinstance(node, str) else []


class RealData:
    """Everything the synthesis borrows from the real catalogue."""

    def __init__(self, root: Path = ROOT):
        from ruamel.yaml import YAML

        yaml = YAML(typ="safe", pure=True)
        docs = {p: yaml.load(p.read_text(encoding="utf-8")) for p in sorted(root.glob("programs/*.yaml"))}
        syllabi = [yaml.load(p.read_text(encoding="utf-8")) for p in sorted(root.glob("syllabi/**/*.yaml"))]
        others = [yaml.load(p.read_text(encoding="utf-8"))
                  for p in sorted(root.glob("content/**/*.yaml"))]
        skip = {"file", "id", "url", "body", "issuer", "family", "document", "syllabus", "kind", "type", "start", "end",
                "weekday", "scheme", "level", "minimum", "major", "role", "en", "title_en", "last_verified",
                "section", "clause", "rule_text", "photo_size"}
        self.sentences = [
            text for doc in (*docs.values(), *syllabi, *others) for key, text in _strings(doc)
            if key not in skip and len(text) >= 12 and re.search(r"[\u4e00-\u9fff]", text)
        ]
        self.routes: dict[str, list[dict]] = {lid: [] for lid, _, _ in LEVELS}
        self.timeline: list[dict] = []
        self.cert_fields: list[str] = []
        self.materials: list[str] = []
        for doc in docs.values():
            for level in doc.get("levels", ()):
                if level["id"] in self.routes and level.get("eligibility"):
                    self.routes[level["id"]].extend(level["eligibility"]["routes"])
            if len(doc.get("timeline", ())) > len(self.timeline):
                self.timeline = doc["timeline"]
            self.cert_fields += (doc.get("certificate") or {}).get("fields", [])
            self.materials += (doc.get("registration") or {}).get("materials", [])
        self.unit_names = [u["name"] for s in syllabi for u in s["units"]]
        self.topic_names = [t["name"] for s in syllabi for u in s["units"] for t in u["topics"]]
        self.points = [p["text"] for s in syllabi for u in s["units"] for t in u["topics"] for p in t.get("points", ())]
        self.glossary = (root / "content/glossary.yaml").read_text(encoding="utf-8")


class Markov:
    """A word-level (order 2, falling back to 1) chain over jieba tokens of the real text."""

    END = frozenset("。；！？")

    def __init__(self, sentences: list[str]):
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.starts: list[tuple[str, str]] = []
        self.next2: dict[tuple[str, str], list[str]] = {}
        self.next1: dict[str, list[str]] = {}
        for sentence in sentences:
            for part in re.split(r"(?<=[。；！？])", " ".join(sentence.split())):
                words = [w for w in jieba.lcut(part) if w.strip()]
                if len(words) < 3:
                    continue
                self.starts.append((words[0], words[1]))
                for a, b, c in zip(words, words[1:], words[2:]):
                    self.next2.setdefault((a, b), []).append(c)
                for a, b in zip(words, words[1:]):
                    self.next1.setdefault(a, []).append(b)

    def text(self, rng: random.Random, low: int, high: int) -> str:
        """About low–high characters, ending at a sentence end where the chain allows."""
        out = list(rng.choice(self.starts))
        length = sum(map(len, out))
        while length < high:
            options = self.next2.get((out[-2], out[-1])) or self.next1.get(out[-1])
            if not options:
                if length >= low:
                    break
                out += list(rng.choice(self.starts))
                length = sum(map(len, out))
                continue
            word = rng.choice(options)
            out.append(word)
            length += len(word)
            if word in self.END and length >= low:
                break
        text = "".join(out).strip(" ，、：")
        return text if text[-1] in self.END else text + "。"


# --- YAML out ------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[\u4e00-\u9fff（《“A-Za-z][^\n#]*$")


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.match(text) and ": " not in text and not text.endswith(":") and text not in {"true", "false", "null"}:
        return text
    return json.dumps(text, ensure_ascii=False)


def to_yaml(node, indent: int = 0) -> str:
    """Block-style YAML, as editors write it (a flow-style dump would not load like the real files)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if value is None or value == [] or value == {}:
                continue
            if isinstance(value, (dict, list)):
                lines.append(f"{pad}{key}:\n{to_yaml(value, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {_scalar(value)}")
    else:
        for item in node:
            if isinstance(item, dict):
                body = to_yaml(item, indent + 2)
                lines.append(f"{pad}- {body[indent + 2:]}")
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    return "\n".join(lines)


# --- the catalogue ---------------------------------------------------------------------------------


class Synth:
    def __init__(self, n: int, seed: int = 7, real: RealData | None = None, today: dt.date | None = None):
        self.n = n
        self.rng = random.Random(seed)
        self.real = real or RealData()
        self.chain = Markov(self.real.sentences)
        self.today = today or dt.date.today()
        combos = [(i, s, r) for i in INDUSTRIES for s in STEMS for r in ROLES]
        if n > len(combos):
            raise ValueError(f"at most {len(combos)} synthetic programmes")
        self.rng.shuffle(combos)
        self.names = combos[:n]
        self.bodies = [self._body(k) for k in range(max(3, n // 20))]
        self.policies = [self._policy(k) for k in range(max(6, n // 4))]

    def say(self, low: int, high: int) -> str:
        return self.chain.text(self.rng, low, high)

    def source(self) -> dict:
        heading = self.rng.choice(self.real.unit_names + self.real.topic_names)
        return {"file": self.rng.choice(SEEDS), "section": f"{self.rng.choice(NUMERALS)}、{heading}"}

    def _body(self, k: int) -> dict:
        industry = INDUSTRIES[k % len(INDUSTRIES)]
        kind = BODY_KINDS[(k // len(INDUSTRIES)) % len(BODY_KINDS)]
        round_ = k // (len(INDUSTRIES) * len(BODY_KINDS))
        prefix = f"第{round_ + 1}" if round_ else ""
        return {
            "id": f"body-{k:03d}",
            "name": {"zh": f"{prefix}中国{industry[0]}{kind[0]}", "en": f"China {industry[2]} {kind[1]} {k}"},
            "short_name": f"中{industry[0][:1]}{kind[0][:2]}{k}",
            "kind": kind[2],
            "summary": self.say(60, 140),
            "facts": [{"text": self.say(30, 120), "source": self.source()} for _ in range(self.rng.randint(1, 3))],
            "sources": [self.source()],
            "notes": [{"kind": "info", "text": self.say(30, 90), "sources": [self.source()]}],
        }

    def _policy(self, k: int) -> dict:
        year = self.rng.randint(2011, 2025)
        number = f"{self.rng.choice(POLICY_PREFIXES)}〔{year}〕{self.rng.randint(1, 120)}号"
        topic = self.rng.choice(self.real.topic_names + self.real.unit_names)
        issued = dt.date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        return {
            "id": f"policy-{k:04d}",
            "title": f"关于{re.sub(r'^模块.：', '', topic)}工作的{self.rng.choice(('通知', '意见', '指导意见', '实施方案'))}",
            "title_en": f"Policy document {k} on {self.rng.choice(STEMS)[2].lower()} work",
            "number": number,
            "kind": self.rng.choice(POLICY_KINDS),
            "issuer": self.rng.choice(POLICY_ISSUERS),
            "issued": issued,
            "published": issued + dt.timedelta(days=self.rng.randint(0, 30)),
            "summary": self.say(60, 150),
            "points": [{"text": self.say(40, 160), "source": self.source()} for _ in range(self.rng.randint(2, 4))],
            "sources": [self.source()],
            "notes": [{"kind": "info", "text": self.say(30, 100), "sources": [self.source()]}]
            if self.rng.random() < 0.5 else [],
            "last_verified": self.today,
        }

    def _routes(self, level_id: str, real_name_pattern: re.Pattern, name: str) -> list[dict]:
        pool = self.real.routes[level_id]
        chosen = self.rng.sample(pool, k=min(len(pool), self.rng.randint(4, 7)))
        routes = []
        for i, route in enumerate(chosen, 1):
            conditions = []
            for condition in route["conditions"]:
                if "certificate" in condition:
                    cert = dict(condition["certificate"])
                    if cert["scheme"] not in {"ceca-carbon-reduction", "miit-energy-environment", "other"}:
                        cert["scheme"] = "other"
                    condition = {"certificate": cert}
                conditions.append(condition)
            routes.append({"clause": f"({i})", "text": real_name_pattern.sub(name, route["text"]),
                           "conditions": conditions})
        return routes

    def program(self, index: int) -> tuple[dict, dict[str, dict]]:
        """(programme, {level id: syllabus}) for the index-th synthetic name."""
        (ind, ind_slug, ind_en), (stem, stem_slug, stem_en), (role, role_slug, role_en) = self.names[index]
        rng, say = self.rng, self.say
        pid = f"{ind_slug}-{stem_slug}-{role_slug}"
        name, en = f"{ind}{stem}{role}", f"{ind_en} {stem_en} {role_en}"
        real_names = re.compile("碳资产管理师|碳汇计量评估师|碳排放管理师|碳排放管理员")
        issuer, organiser = rng.sample(self.bodies, 2)
        months = sorted(rng.sample(range(1, 13), rng.randint(2, 6)))
        week = rng.randint(1, 4)
        levels, syllabi = [], {}
        for level_id, level_zh, level_en in LEVELS:
            levels.append({
                "id": level_id,
                "name": {"zh": f"{level_zh}{name}", "en": f"{level_en} {en}"},
                "focus": say(20, 60),
                "syllabus": f"{pid}/{level_id}",
                "eligibility": {
                    "rule_text": "(以上条件需满足其中一条)",
                    "source": self.source(),
                    "routes": self._routes(level_id, real_names, name),
                },
            })
            syllabi[level_id] = self.syllabus(pid, level_id, f"{name}（{level_zh}）课程大纲")
        amounts = {"exam": rng.choice((600, 800, 980, 1200, 1500)), "training": rng.choice((1800, 2600, 3200, 4800)),
                   "retake": rng.choice((100, 200, 300))}
        program = {
            "id": pid,
            "name": {"zh": name, "en": en},
            "summary": f"由{issuer['name']['zh']}开展的{name}专业技能岗位培训及等级考试，分初级、中级、高级三个级别。"
                       + say(40, 120),
            "occupation": {"definition": say(40, 100), "work_types": [say(6, 16) for _ in range(rng.randint(0, 3))],
                           "source": self.source()} if rng.random() < 0.3 else None,
            "audiences": [say(20, 60) for _ in range(rng.randint(3, 5))],
            "objectives": [say(15, 45) for _ in range(rng.randint(3, 4))],
            "skills": [say(15, 45) for _ in range(rng.randint(0, 4))],
            "bodies": [
                {"body": issuer["id"], "role": "issuer", "text": f"经考试合格者，由{issuer['name']['zh']}颁发{name}证书。"},
                {"body": organiser["id"], "role": "organiser", "text": f"承办单位：{organiser['name']['zh']}"},
            ],
            "levels": levels,
            "exam": {
                "mode": rng.choice(("online", "offline", "blended")),
                "text": f"{name}考试" + say(40, 120),
                "question_types": [{"type": t} for t in rng.sample(
                    ("single_choice", "multiple_choice", "true_false", "short_answer"), rng.randint(2, 4))],
                "total_points": 100,
                "pass_mark": 60,
                "duration_minutes": rng.choice((90, 120, 150)),
                "times": [{"start": "09:00", "end": "11:00", "label": "初级、中级、高级"}],
                "source": self.source(),
                "notes": [{"kind": "info", "text": say(30, 90), "sources": [self.source()]}],
            },
            "fees": [{"kind": kind, "amount": amount, "unit": "元/人", "text": f"{say(10, 30)}{amount}元/人",
                      "source": self.source()} for kind, amount in amounts.items()],
            "schedule": {
                "text": f"考试时间为每年{'、'.join(f'{m}月' for m in months)}第{NUMERALS[week - 1]}周周六。",
                "rule": {"months": months, "week": week, "weekday": "saturday"},
                "reading": f"按每月第{NUMERALS[week - 1]}个周六理解",
                "source": self.source(),
            },
            "timeline": [{**step, "source": self.source()} for step in self.real.timeline],
            "registration": {
                "materials": [f"{name}报名审核表", *rng.sample(self.real.materials, k=min(4, len(self.real.materials)))],
                "text": f"报名材料：{name}报名审核表、" + say(20, 60),
                "photo_size": "二寸",
                "source": self.source(),
            },
            "certificate": {
                "name": f"{name}专业技能岗位证书",
                "issuer": issuer["id"],
                "fields": list(dict.fromkeys(rng.sample(self.real.cert_fields, k=min(6, len(self.real.cert_fields))))),
                "usage": [say(15, 50) for _ in range(rng.randint(2, 5))],
                "verification": [{"method": f"登录{issuer['name']['zh']}官方网站查询证书",
                                  "url": f"https://www.example.org/{issuer['id']}/certificates", "source": self.source()}],
                "source": self.source(),
                "notes": [{"kind": "unpublished", "text": say(30, 90), "sources": [self.source()]}],
            },
            "course": {
                "modules": [{"category": rng.choice(("基础理论", "专业技能", "实务操作")),
                             "name": re.sub(r"^模块.：", "", rng.choice(self.real.unit_names)),
                             "hours": rng.choice((8, 12, 16, 24)), "lessons": rng.randint(4, 20),
                             "topics": rng.sample(self.real.topic_names, 3)} for _ in range(rng.randint(3, 6))],
                "delivery": say(10, 40),
                "source": self.source(),
            },
            "facts": [{"date": dt.date(rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28)),
                       "text": say(60, 200), "source": self.source()} for _ in range(rng.randint(1, 3))],
            "policies": [p["id"] for p in rng.sample(self.policies, rng.randint(2, 4))],
            "sources": [self.source() for _ in range(rng.randint(1, 3))],
            "notes": [{"kind": rng.choice(("info", "reading", "discrepancy")), "text": say(40, 160),
                       "sources": [self.source()]} for _ in range(rng.randint(1, 3))],
            "last_verified": self.today,
        }
        return program, syllabi

    def syllabus(self, pid: str, level_id: str, title: str) -> dict:
        rng = self.rng
        units = []
        for u in range(rng.randint(4, 6)):
            topics = []
            for t in range(rng.randint(3, 5)):
                points = [{"id": f"u{u + 1}-t{t + 1}-{p + 1}",
                           "text": rng.choice(self.real.points) if rng.random() < 0.5 else self.say(6, 20)}
                          for p in range(rng.randint(0, 5))]
                name = rng.choice(self.real.topic_names) if rng.random() < 0.5 else self.say(6, 18).rstrip("。")
                topics.append({"id": f"u{u + 1}-t{t + 1}", "name": name, "points": points})
            unit_name = re.sub(r"^模块.：", "", rng.choice(self.real.unit_names))
            units.append({"id": f"module-{u + 1}", "name": f"模块{NUMERALS[u]}：{unit_name}", "topics": topics})
        return {"program": pid, "level": level_id, "title": title, "units": units, "source": self.source()}

    def write(self, out: Path) -> Path:
        """The whole project folder; returns it."""
        if out.exists():
            shutil.rmtree(out)
        for folder in ("programs", "syllabi", "content/policies", "content/bodies", "content/pages"):
            (out / folder).mkdir(parents=True, exist_ok=True)
        for k in range(self.n):
            program, syllabi = self.program(k)
            (out / "programs" / f"{program['id']}.yaml").write_text(to_yaml(program) + "\n", encoding="utf-8")
            for level_id, syllabus in syllabi.items():
                path = out / "syllabi" / program["id"] / f"{level_id}.yaml"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(to_yaml(syllabus) + "\n", encoding="utf-8")
        for policy in self.policies:
            (out / "content/policies" / f"{policy['id']}.yaml").write_text(to_yaml(policy) + "\n", encoding="utf-8")
        for body in self.bodies:
            (out / "content/bodies" / f"{body['id']}.yaml").write_text(to_yaml(body) + "\n", encoding="utf-8")
        (out / "content/glossary.yaml").write_text(self.real.glossary, encoding="utf-8")
        # The field's certificate schemes and the site's names, less what names the real programmes.
        schemes = yaml.safe_load((ROOT / "content/schemes.yaml").read_text(encoding="utf-8"))
        for scheme in schemes["schemes"]:
            scheme["members"] = []
        (out / "content/schemes.yaml").write_text(to_yaml(schemes) + "\n", encoding="utf-8")
        settings = yaml.safe_load((ROOT / "content/site.yaml").read_text(encoding="utf-8"))
        settings.pop("compare_example", None)
        (out / "content/site.yaml").write_text(to_yaml(settings) + "\n", encoding="utf-8")
        (out / "content/pages/index.md").write_text(HOME_PAGE.format(n=self.n), encoding="utf-8")
        shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
        shutil.copytree(ROOT / "site_overrides", out / "site_overrides")
        if (ROOT / "mkdocs.en.yml").is_file():  # the English edition, when the real site has one
            shutil.copy(ROOT / "mkdocs.en.yml", out / "mkdocs.en.yml")
            (out / "content/pages-en").mkdir(parents=True, exist_ok=True)
            (out / "content/pages-en/index.md").write_text(HOME_PAGE_EN.format(n=self.n), encoding="utf-8")
        return out


HOME_PAGE = """---
title: 首页
description: 基准测试用的合成目录（{n} 个项目）。
---

# 碳市场职业技能证书目录（合成数据）

本目录为性能基准测试生成的合成数据，共 {n} 个项目，文字取自真实目录的词汇。

- [证书项目目录](programs/index.md)
- [课程大纲](syllabi/index.md)
- [政策文件](policies/index.md)与[政策时间线](policies/timeline.md)
- [机构](bodies/index.md)
- [术语表](glossary.md)
"""


HOME_PAGE_EN = """---
title: Home
description: A synthetic catalogue ({n} programmes) for the benchmark.
---

# Carbon-market certification catalogue (synthetic data)

Synthetic data for the performance benchmark: {n} programmes.

- [Programmes](programs/index.md)
- [Syllabi](syllabi/index.md)
- [Policies](policies/index.md)
"""


def write_catalogue(n: int, out: Path, seed: int = 7, real: RealData | None = None) -> Path:
    from generator.source.clock import build_date

    return Synth(n, seed=seed, real=real, today=build_date()).write(out)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic catalogue project folder.")
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(write_catalogue(args.n, args.out, args.seed))
