"""What each edition calls things: one vocabulary per language, and the phrases built from data.

The site has two editions: Chinese (the source language, the site root) and English (under /en/).
Modules that decide *what* a page says (compare.py, ladder.py, english.py) ask a `Words` object
*how* to say it, so the same logic serves both editions and templates stay thin. The page templates
(pages/templates/, one per page for both editions) take every word they print from it too (`w`).

The Chinese words are labels.py and phrases.py, unchanged, so the Chinese pages keep
saying exactly what they said. The English words are below. English text that describes data is
built only from structured fields (levels, numbers, enumerations, `en` names); free text from the
sources (clauses, summaries, notes) has no English here, and pages show it in Chinese with a marker.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.words import labels, phrases
from generator.source.catalog import Vocabulary
from generator.source.models import Condition, Exam, Fee, Names, Offset, Policy, ScheduleRule, Syllabus, TimelineStep

if TYPE_CHECKING:
    from generator.source.catalog import Catalog

UNTRANSLATED = "Not yet translated — shown in Chinese"
UNTRANSLATED_SHORT = "not yet translated, shown in Chinese"  # inside a title or sentence


class Words:
    """The Chinese edition's words (labels.py and phrases.py)."""

    lang = "zh"
    not_published = labels.NOT_PUBLISHED
    no_levels = "原文未分级别"
    all_levels = "不分级别"
    list_sep = "、"
    item_sep = "；"
    and_sep = " + "

    # How the pages word things (pages/templates/): the Chinese values are what the pages printed.
    marks_chinese = False  # Chinese source text is marked lang="zh" (under UNTRANSLATED where it stands alone)
    other_lang = "en"  # the language of `other_name`
    source_label = "来源："
    untranslated_suffix = ""
    note_sources = ("（来源：", "）")
    eligibility_intro = ""
    eligibility_header = "| 条款 | 原文 | 结构化解读（全部满足） |"
    eligibility_adds = ""

    # Page words (pages/templates/): what the Chinese pages printed, word for word.
    table_head = "| 项目 | 内容 |"
    colon = "："
    long_list_sep = "、"  # between longer items: names of bodies, certificate fields
    chinese_attr = ""  # after a heading's id: the heading is source text
    source_wording = "原文："
    reading_mark = "我们的理解："  # before a reading of ours, wherever a value is one
    note_mark = "说明："
    sources_heading = "来源与说明"
    level_unpublished_mark = "（待定）"
    every_level = "全部级别"
    ladder_heading = "级别阶梯"
    ladder_no_levels = "本项目原文未分级别，没有级别阶梯：报考条件不区分级别，见上文。"
    ladder_entry = "起点级别：报考条件见上文。"
    ladder_linked = "持较低级别证书，可按以下条款报考（同一条款内的各项需同时满足）："
    ladder_none_linked = "各级别之间没有持证晋升的条款：每个级别都按各自的报考条件单独报考。"
    bodies_title = "颁证与培训机构"
    bodies_heading = "颁证与培训机构"
    bodies_table_head = "| 机构 | 类型 | 相关项目数 |"
    body_short_name = "简称"
    body_kind = "类型"
    body_founded = "成立时间"
    body_websites = "网址"
    body_programs = "相关证书项目"
    body_no_programs = "暂无。"
    body_facts = "机构信息"
    body_facts_head = "| 时间 | 内容 |"
    body_contacts = "联系方式"
    glossary_title = "术语表"
    policies_title = "政策文件"
    policies_description = "证书项目所依据和引用的政策文件。"
    policies_intro = "按发布时间倒序排列；另见[政策时间线](/policies/timeline.md)。"
    policies_table_head = "| 发布时间 | 文件 | 文号 | 发文机构 |"
    policy_timeline_title = "政策时间线"
    policy_kind_label = "类型"
    policy_number = "文号"
    policy_issuer = "发文机构"
    policy_issued = "成文日期"
    policy_published = "发布日期"
    policy_effective = "施行日期"
    policy_links = "原文链接"
    policy_points = "要点"
    policy_cited_by = "引用本文件的证书项目"
    policy_no_citing = "暂无项目引用。"
    syllabi_title = "课程大纲"
    syllabi_intro = ""
    syllabus_untranslated = ""  # the note above a syllabus whose text the edition shows in Chinese
    then_source_wording = ""  # between a precondition's reading and its wording, where both are shown
    syllabus_list_intro = "原文按级别分别给出大纲："
    syllabus_program = "证书项目"
    syllabus_level = "级别"
    syllabus_issuer = "颁证单位"
    syllabus_checked = "信息核实"
    syllabus_source = "来源"
    permanent_link = "永久链接"
    permalink_copy = "复制链接"
    permalink_copied = "已复制完整链接"
    back_to = "返回 "
    no_levels_short = "未分级别"
    programs_title = "证书项目目录"
    programs_columns = ("项目", "类型", "相关机构", "级别")
    filter_count_attr = ""
    filter_body = "相关机构"
    filter_level = "级别"
    filter_all = "全部"
    filter_empty = "没有符合条件的项目。请放宽筛选条件。"
    by_body = "按机构"
    by_level = "按级别"
    compare_title = "项目对比"
    compare_noscript = ("选择项目并排对比需要启用 JavaScript。下方“示例对比”并排列出了两个项目，"
                        "“全部项目”列出了每个项目的页面，页面上有同样的信息。")
    compare_default = "示例对比"
    compare_all = "全部项目"
    comma = "，"
    in_chinese = ""
    specialties = "系列专业"
    at_a_glance = "概览"
    glance_bodies = "颁证/主办"
    glance_links = "官方平台"
    glance_levels = "级别"
    occupation_code = "职业编码"
    glance_exam = "考试形式"
    glance_dates = "考试时间"
    glance_fees = "费用"
    occupation = "职业定义"
    work_types = "工种："
    eligibility = "报考条件"
    preconditions = "所有级别均须满足："
    focus = "培养方向："
    programme_rules_apply = "适用上方的统一报考条件。"
    eligibility_label = "报考条件："
    syllabus_label = "课程大纲："
    exam = "考试"
    exam_format = "形式"
    question_types = "题型"
    exam_question_count = "题量"
    exam_total_points = "总分"
    exam_pass_mark = "及格线"
    exam_duration = "时长"
    exam_times = "场次时间"
    exam_subjects = "考试科目"
    exam_platform = "考试平台"
    exam_proctoring = "监考方式"
    exam_validity = "报名有效期"
    exam_label = "考试安排："
    fees = "费用"
    fees_head = "| 项目 | 金额 | 原文 |"
    schedule = "考试时间安排"
    times_label = "场次："
    schedule_label = "考试时间："
    timeline = "报考流程与时间线"
    timeline_head = "| 环节 | 原文 | 相对考试日期 |"
    timeline_label = "流程时间线："
    course = "课程与大纲"
    course_head = "| 类别 | 模块 | 课时 | 课节 |"
    delivery = "培训形式："
    registration = "报名材料与照片要求"
    submission = "提交方式："
    photo = "照片要求"
    photo_size = "尺寸："
    registration_label = "报名材料："
    certificate = "证书与查询"
    certificate_name = "证书名称"
    certificate_issuer = "颁发单位"
    certificate_fields = "证书内容"
    certificate_validity = "有效期"
    verification = "查询方式："
    certificate_usage = "证书使用说明："
    certificate_benefits = "持证权益："
    certificate_label = "证书信息："
    audience = "培训对象与目标"
    audiences = "培训对象："
    objectives = "培养目标："
    skills = "职业技能："
    facts = "职业前景与市场数据"
    facts_head = "| 时间 | 内容 | 来源 |"
    policies = "相关政策"
    no_policies = "原文未引用政策文件。"

    level = labels.LEVEL_NAME
    education = labels.EDUCATION
    major = labels.MAJOR
    exam_mode = labels.EXAM_MODE
    question_type = labels.QUESTION_TYPE
    fee_kind = labels.FEE_KIND
    timeline_kind = labels.TIMELINE_KIND
    body_role = labels.BODY_ROLE
    note_kind = labels.NOTE_KIND
    policy_kind = labels.POLICY_KIND
    program_type = labels.PROGRAM_TYPE
    weekday = labels.WEEKDAY

    @property
    def level_unpublished_rules(self) -> str:
        return f"本级别原文标注“待定”：报考条件{self.not_published}。"

    relations_heading = "同名的专业与单独项目"

    def program_relation(self, kind: str, specialty: str, program: str, family: str,
                         issuers: tuple[str, str]) -> str:
        """How a family's specialty and a standalone programme of the same name relate (links given)."""
        if kind == "document":
            same = f"两者的颁证单位都是{issuers[0]}。" if issuers[0] == issuers[1] else (
                f"颁证单位分别为{issuers[0]}和{issuers[1]}。")
            return (f"{program}（证书项目）是 {specialty}（{family} 的专业）的单独资料：{same}"
                    "单独资料的级别和规则与该系列的通知不同，两页各按自己的来源列出。")
        return (f"{program}（证书项目）与 {specialty}（{family} 的专业）中文名称相同，但不是同一个项目："
                f"颁证单位分别为{issuers[1]}和{issuers[0]}，报考条件和考试安排各按自己的资料。")

    def specialty_of(self, family: str, document: str | None) -> str:
        """A specialty's note, with links to its family and to its own document's page."""
        own = f"；本专业另有单独文件，见 {document}" if document else ""
        return f"本专业属于 {family}，报考条件、考试与报名规则沿用该系列的通知{own}。"

    def question_count(self, count: int) -> str:
        return f" {count} 道"

    def question_total(self, exam: Exam) -> str:
        """The published total, else the sum of the published parts, shown as a sum (the source gives no total)."""
        if exam.question_count:
            return str(exam.question_count)
        parts = exam.question_count_parts
        if parts:
            return f"{sum(parts)} 题（{'+'.join(map(str, parts))}，按各题型题数相加）"
        return self.not_published

    def points_each(self, points: int) -> str:
        return f"，每题 {points} 分"

    def points(self, points: int) -> str:
        return f"{points} 分"

    def hours(self, hours: int) -> str:
        return f"{hours} 小时"

    def lessons(self, lessons: int) -> str:
        return f"{lessons} 讲"

    def fee_cell(self, fee: Fee) -> str:
        return f"{int(fee.amount)} {fee.unit or '元'}" if fee.amount is not None else self.not_published

    def our_reading(self, reading: str, rule: str) -> str:
        return f"我们的理解：{reading}（{rule}）。"

    def step_label(self, step: TimelineStep) -> str:
        return step.label

    def step_text(self, step: TimelineStep) -> str:
        return step.text

    def programs_description(self, field: str) -> str:
        return f"{field}相关职业技能证书项目一览，可按机构和级别筛选。"

    def compare_description(self, field: str) -> str:
        return (f"并排比较{field}职业技能证书项目：颁证单位、级别、报考条件、考试形式与及格线、费用、考试时间、"
                "下一场考试和证书有效期。")

    def programs_intro(self, count: int) -> str:
        return f"共 {count} 个项目。可按颁证单位和级别筛选；未启用 JavaScript 时，可使用下方的分组列表。"

    def compare_intro(self, add_button: str, example_ids: str) -> str:
        return ("勾选两到三个项目，即可并排比较它们的颁证单位、级别、报考条件摘要、考试形式与及格线、费用、考试时间、"
                f"下一场考试和证书有效期。原文没有公布的内容显示为“{self.not_published}”。所选项目保存在本页网址中"
                f"（例如 `?ids={example_ids}`），复制网址即可分享；"
                f"每个项目页面的“{add_button}”按钮也会把项目加入这里。")

    def compare_default_intro(self, today: str) -> str:
        return ("下表并排列出示例中的项目。报考条件摘要是我们对原文条款的结构化解读，条款原文见各项目页面；"
                f"“下一场考试”按公布的考试规则从 {today} 起推算，以主办方通知为准。")

    def compare_all_intro(self, count: int) -> str:
        return f"全部 {count} 个项目的页面（每页列出同样的信息）："

    def text(self, zh: str, en: str | None) -> str:
        """Free text in the edition's language where the data has it, else the Chinese."""
        return zh

    def chinese(self, html: str) -> str:
        """Chinese source text (already made safe) inside a sentence: marked where the edition is not Chinese."""
        return html

    def paren(self, text: str) -> str:
        return f"（{text}）"

    def checked_on(self, date: str) -> str:
        return f"信息核实于 {date}。"

    def ladder_caption(self, name: str) -> str:
        return f"{name}的级别，由低到高："

    def ladder_unpublished(self, below: str) -> str:
        return f"本级别报考条件未公布（原文标注“待定”）：持{below}证书能否报考，{self.not_published}。"

    def ladder_not_linked(self, below: str) -> str:
        return f"报考条件中没有以本项目较低级别证书为依据的条款：持{below}证书不能据此报考，须另按上文条款。"

    def ladder_clause(self, clause: str) -> str:
        return f"第 {clause} 条："

    def policy_title(self, policy: Policy) -> str:
        return policy.title

    def policy_full_title(self, policy: Policy) -> str:
        """The title with the document number, as the document is cited."""
        return policy.title + (f"（{policy.number}）" if policy.number else "")

    def policy_other_title(self, policy: Policy) -> str:
        return policy.title_en

    def syllabus_name(self, syllabus: Syllabus, catalog: Catalog) -> str:
        return syllabus.title

    def syllabus_description(self, syllabus: Syllabus, catalog: Catalog) -> str:
        program = catalog.programs[syllabus.program]
        level = catalog.level(syllabus.program, syllabus.level) if syllabus.level else None
        return program.name.zh + (f"（{level.name.zh}）" if level else "") + "课程大纲"

    def syllabus_list_title(self, name: str) -> str:
        return f"{name} 课程大纲"

    def name(self, names: Names) -> str:
        return names.zh

    def other_name(self, names: Names) -> str:
        """The name in the other edition's language (indexed so a search in either finds the page)."""
        return names.en

    def english_name_origin(self, source: str | None) -> str:
        """Whether a source gives the English name (`source`: its label) or it is our translation."""
        if source:
            return f"英文名取自来源：{source}"
        return "英文名为本目录译名，来源未给出英文名"

    def scheme_name(self, scheme: str, catalog: Catalog | None) -> str:
        names = Vocabulary.of(catalog, self.lang)
        if scheme in names.schemes:
            return names.schemes[scheme]
        program = catalog.programs.get(scheme) if catalog else None
        return f"{self.name(program.name)}证书" if program else scheme

    def program_names(self, catalog: Catalog) -> dict[str, str]:
        return {pid: self.name(p.name) for pid, p in catalog.programs.items()}

    def condition(self, condition: Condition, catalog: Catalog | None = None) -> str:
        # The catalogue builds its vocabulary once (building every name for every condition made the
        # comparison page quadratic in the number of programmes).
        return phrases.describe_condition(condition, Vocabulary.of(catalog, self.lang))

    def rule(self, rule: ScheduleRule) -> str:
        return phrases.describe_rule(rule)

    def offset(self, offset: Offset | None) -> str:
        return phrases.describe_offset(offset)

    def fee_line(self, fee: Fee) -> str:
        return phrases.fee_line(fee)

    def amount(self, fee: Fee) -> str:
        return f"{fee.amount:g} {fee.unit or '元'}" if fee.amount is not None else self.not_published

    def date(self, value: str | None) -> str:
        return phrases.source_date(value)

    def day(self, day: dt.date) -> str:
        return phrases.calendar_day(day)

    def pass_mark(self, mark: float | None) -> str:
        return f"{mark:g} 分及格" if mark is not None else f"及格线：{self.not_published}"

    def minutes(self, minutes: int) -> str:
        return f"{minutes} 分钟"

    def times(self, start: str, end: str, label: str | None) -> str:
        return f"{label + ' ' if label else ''}{start}–{end}"


class EnglishWords(Words):
    """The English edition's words."""

    lang = "en"
    not_published = "Not published"
    no_levels = "No levels in the source"
    all_levels = "All levels"
    list_sep = ", "
    item_sep = "; "
    and_sep = " + "

    marks_chinese = True
    other_lang = "zh"
    source_label = "Source: "
    untranslated_suffix = f" ({UNTRANSLATED_SHORT})"
    note_sources = (" (Source: ", ")")
    eligibility_intro = "The source introduces the list: "
    eligibility_header = "| Clause | Source wording (Chinese) | Our structured reading (all must hold) |"
    eligibility_adds = "The source adds: "

    table_head = "| Item | Details |"
    colon = ": "
    long_list_sep = "; "
    chinese_attr = ' lang="zh"'
    source_wording = "Source wording (Chinese): "
    reading_mark = "our reading (Chinese): "
    note_mark = "note (Chinese): "
    sources_heading = "Sources and notes"
    level_unpublished_mark = " (not published)"
    every_level = "All levels"
    ladder_heading = "Level ladder"
    ladder_no_levels = ("The source does not split this programme into levels, so there is no ladder: the same "
                        "eligibility rules apply to everyone (see above).")
    ladder_entry = "First level: see its eligibility rules above."
    ladder_linked = "Holders of a lower level qualify under these clauses (everything in a clause must hold):"
    ladder_none_linked = "No clause links the levels: each level is applied for on its own rules."
    bodies_title = "Bodies"
    bodies_heading = "Issuing and training bodies"
    bodies_table_head = "| Body | Kind (Chinese) | Programmes |"
    body_short_name = "Short name"
    body_kind = "Kind (Chinese)"
    body_founded = "Founded"
    body_websites = "Websites"
    body_programs = "Programmes"
    body_no_programs = "None yet."
    body_facts = "About the body"
    body_facts_head = "| Date | Fact (Chinese) |"
    body_contacts = "Contacts"
    glossary_title = "Glossary"
    policies_title = "Policies"
    policies_description = "The policy documents the certification programmes rest on and cite."
    policies_intro = ("Newest first; see also the [policy timeline](/policies/timeline.md). Document numbers and "
                      "issuers are given as printed, in Chinese.")
    policies_table_head = "| Published | Document | Number | Issuer (Chinese) |"
    policy_timeline_title = "Policy timeline"
    policy_kind_label = "Kind"
    policy_number = "Number"
    policy_issuer = "Issuer"
    policy_issued = "Signed"
    policy_published = "Published"
    policy_effective = "In force"
    policy_links = "Original"
    policy_points = "Key points"
    policy_cited_by = "Programmes citing this document"
    policy_no_citing = "No programme cites it yet."
    syllabi_title = "Syllabi"
    syllabi_intro = "The syllabi are the sources' own unit and topic lists, in Chinese."
    syllabus_untranslated = "The units, topics and points below are the source's own wording, in Chinese."
    then_source_wording = ". Source wording: "
    syllabus_list_intro = "The source gives a syllabus for each level:"
    syllabus_program = "Programme"
    syllabus_level = "Level"
    syllabus_issuer = "Issuer"
    syllabus_checked = "Facts checked"
    syllabus_source = "Source"
    permanent_link = "Permanent link"
    permalink_copy = "Copy link"
    permalink_copied = "Full link copied"
    back_to = "Back to "
    no_levels_short = "No levels in the source"
    programs_title = "Programmes"
    programs_columns = ("Programme", "Type", "Bodies", "Levels")
    filter_count_attr = ' data-count-text="Showing {shown} of {total} programmes"'
    filter_body = "Body"
    filter_level = "Level"
    filter_all = "All"
    filter_empty = "No programme matches. Widen the filter."
    by_body = "By body"
    by_level = "By level"
    compare_title = "Compare programmes"
    compare_noscript = ("Choosing programmes to compare needs JavaScript. “Example comparison” below shows two "
                        "programmes side by side, and “All programmes” links to every programme's page, which has "
                        "the same facts.")
    compare_default = "Example comparison"
    compare_all = "All programmes"
    comma = ", "
    in_chinese = " (in Chinese)"
    specialties = "Specialties"
    at_a_glance = "At a glance"
    glance_bodies = "Issuer and organisers"
    glance_links = "Official platforms"
    glance_levels = "Levels"
    occupation_code = "Occupation code"
    glance_exam = "Exam"
    glance_dates = "Exam dates"
    glance_fees = "Fees"
    occupation = "Occupation"
    work_types = "Work types:"
    eligibility = "Eligibility"
    preconditions = "Every level also requires:"
    focus = f"Focus ({UNTRANSLATED_SHORT}): "
    programme_rules_apply = "The programme-wide rules above apply."
    eligibility_label = "Eligibility: "
    syllabus_label = "Syllabus: "
    exam = "Exam"
    exam_format = "Format"
    question_types = "Question types"
    exam_question_count = "Number of questions"
    exam_total_points = "Total points"
    exam_pass_mark = "Pass mark"
    exam_duration = "Duration"
    exam_times = "Times"
    exam_subjects = "Subjects (Chinese)"
    exam_platform = "Platform (Chinese)"
    exam_proctoring = "Proctoring (Chinese)"
    exam_validity = "Registration valid for (Chinese)"
    exam_label = "Exam: "
    fees = "Fees"
    fees_head = "| Item | Amount | Source wording (Chinese) |"
    schedule = "Exam dates"
    times_label = "Times: "
    schedule_label = "Exam dates: "
    timeline = "Steps and timeline"
    timeline_head = "| Step | Source wording (Chinese) | Relative to the exam date |"
    timeline_label = "Timeline: "
    course = "Course and syllabus"
    course_head = "| Category (Chinese) | Module (Chinese) | Hours | Lessons |"
    delivery = "Delivery (Chinese): "
    registration = "Registration documents and photo"
    submission = "Submission (Chinese): "
    photo = "Photo requirements"
    photo_size = "Size (Chinese): "
    registration_label = "Registration documents: "
    certificate = "Certificate and verification"
    certificate_name = "Certificate name (Chinese)"
    certificate_issuer = "Issued by"
    certificate_fields = "Fields on the certificate (Chinese)"
    certificate_validity = "Validity"
    verification = "Verification:"
    certificate_usage = "Using the certificate:"
    certificate_benefits = "What holders get:"
    certificate_label = "Certificate: "
    audience = "Audience and aims"
    audiences = "Who the training is for:"
    objectives = "Aims:"
    skills = "Skills:"
    facts = "Career and market facts"
    facts_head = "| Date | Fact (Chinese) | Source |"
    policies = "Related policies"
    no_policies = "The source cites no policy document."

    level = {
        "junior": "Junior", "intermediate": "Intermediate", "senior": "Senior",
        "level-4": "Level 4", "level-3": "Level 3", "level-2": "Level 2", "level-1": "Level 1",
    }
    education = {
        "none": "no minimum education",
        "junior_high": "junior high school",
        "high_school": "senior high school",
        "secondary_vocational": "secondary vocational school",
        "associate": "associate (junior college) degree",
        "bachelor": "bachelor's degree",
        "double_bachelor": "double bachelor's degree",
        "master": "master's degree",
        "doctorate": "doctorate",
    }
    major = {"related": "related major", "other": "any other major", "any": "any major"}
    exam_mode = {"online": "Online exam", "offline": "In-person exam", "blended": "Online and in person"}
    question_type = {
        "single_choice": "single choice",
        "multiple_choice": "multiple choice",
        "true_false": "true/false",
        "short_answer": "short answer",
        "objective": "objective",
        "subjective": "subjective",
    }
    fee_kind = {
        "exam": "Exam fee",
        "training": "Training fee",
        "retake": "Retake fee",
        "certificate": "Certificate fee",
        "package": "Training and exam (total)",
    }
    timeline_kind = {
        "registration_close": "Registration closes",
        "review": "Eligibility review",
        "study": "Study",
        "sprint": "Final preparation",
        "mock_test": "Mock test",
        "exam": "Exam",
        "results": "Results",
        "certificate_issued": "Certificate issued",
        "certificate_query": "Certificate lookup",
        "retake": "Retake",
    }
    body_role = {
        "issuer": "issuer",
        "host": "host",
        "organiser": "organiser",
        "guide": "guiding body",
        "trainer": "training provider",
        "supervisor": "evaluation and supervision",
        "training_base": "training base",
        "exam_platform": "exam platform",
    }
    note_kind = {
        "discrepancy": ("warning", "Sources disagree"),
        "extraction": ("warning", "Text extraction problem"),
        "reading": ("info", "How we read it"),
        "unpublished": ("info", "Not published"),
        "info": ("note", "Note"),
    }
    policy_kind = {
        "law": "Law",
        "regulation": "Administrative regulation",
        "opinion": "Opinion",
        "plan": "Plan",
        "notice": "Notice",
        "announcement": "Announcement",
        "standard": "Standard",
        "speech": "Speech",
        "report": "Report",
        "interpretation": "Interpretation",
    }
    program_type = {"programme": "Programme", "family": "Programme family", "specialty": "Specialty of a family"}
    weekday = {
        "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
        "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
    }
    MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    # Units the sources print after an amount in yuan.
    UNITS = {None: "", "元": "", "元/人": " per person", "元/次": " per attempt", "元/人/次": " per person per attempt"}

    @property
    def level_unpublished_rules(self) -> str:
        return (f'The source marks this level <span lang="zh">待定</span> (to be decided): eligibility rules '
                f"{self.not_published.lower()}.")

    relations_heading = "Specialties and standalone programmes of the same name"

    def program_relation(self, kind: str, specialty: str, program: str, family: str,
                         issuers: tuple[str, str]) -> str:
        if kind == "document":
            same = f"both are issued by {issuers[0]}" if issuers[0] == issuers[1] else (
                f"issued by {issuers[0]} and {issuers[1]}")
            return (f"{program} (programme) is the own document of {specialty} (a specialty of {family}): {same}. "
                    "The document's levels and rules differ from the family's notice; each page lists its own source's.")
        return (f"{program} (programme) and {specialty} (a specialty of {family}) share a Chinese name but are "
                f"different programmes: issued by {issuers[1]} and {issuers[0]}, with their own rules and exams.")

    def specialty_of(self, family: str, document: str | None) -> str:
        own = f". It also has a document of its own: see {document}" if document else ""
        return (f"This specialty belongs to {family}: its eligibility, exam and registration rules follow that "
                f"family's notice{own}.")

    def question_count(self, count: int) -> str:
        return f", {count} questions"

    def question_total(self, exam: Exam) -> str:
        if exam.question_count:
            return str(exam.question_count)
        parts = exam.question_count_parts
        if parts:
            return f"{sum(parts)} ({'+'.join(map(str, parts))}, added up from the question types)"
        return self.not_published

    def points_each(self, points: int) -> str:
        return f", {points} points each"

    def points(self, points: int) -> str:
        return f"{points} points"

    def hours(self, hours: int) -> str:
        return f"{hours} hours"

    def lessons(self, lessons: int) -> str:
        return str(lessons)

    def fee_cell(self, fee: Fee) -> str:
        return self.amount(fee)

    def our_reading(self, reading: str, rule: str) -> str:
        return f"Our reading: {rule} ({self.reading_mark}{self.chinese(reading)})."

    def step_label(self, step: TimelineStep) -> str:
        return self.timeline_kind[step.kind]

    def step_text(self, step: TimelineStep) -> str:
        return f"{step.label}：{step.text}"

    def programs_description(self, field: str) -> str:
        return f"{field[:1].upper()}{field[1:]} vocational certification programmes in China, filterable by body and level."

    def compare_description(self, field: str) -> str:
        return (f"Compare {field} certification programmes side by side: issuer, levels, eligibility, "
                "exam and pass mark, fees, exam dates, next session and certificate validity.")

    def programs_intro(self, count: int) -> str:
        return (f"{count} programmes. Filter them by body and level; without JavaScript, use the grouped lists below "
                "the table.")

    def compare_intro(self, add_button: str, example_ids: str) -> str:
        return ("Tick two or three programmes to see them side by side: issuer, levels, a summary of the eligibility "
                "rules, exam format and pass mark, fees, exam dates, next session and certificate validity. What the "
                f"sources do not publish reads “{self.not_published}”. The selection is kept in this page's address "
                f"(for example `?ids={example_ids}`), so you can share it; the "
                f"“{add_button}” button on every programme page adds to it.")

    def compare_default_intro(self, today: str) -> str:
        return ("The example's programmes side by side. The eligibility summary is our structured reading of the "
                "source's clauses (the clauses themselves are on each programme page); the next session is dated "
                f"from the published exam rule from {today}, and the organiser's notice decides.")

    def compare_all_intro(self, count: int) -> str:
        return f"The pages of all {count} programmes (each has the same facts):"

    def text(self, zh: str, en: str | None) -> str:
        return en or zh

    def chinese(self, html: str) -> str:
        return f'<span lang="zh">{html}</span>'

    def paren(self, text: str) -> str:
        return f" ({text})"

    def checked_on(self, date: str) -> str:
        return f"Facts checked on {date}."

    def ladder_caption(self, name: str) -> str:
        return f"Levels of {name}, lowest first: "

    def ladder_unpublished(self, below: str) -> str:
        return (f'The source marks this level <span lang="zh">待定</span> (to be decided): whether a {below} '
                "certificate qualifies is not published.")

    def ladder_not_linked(self, below: str) -> str:
        return (f"No clause of this level builds on a lower level of this programme: a {below} certificate does "
                "not by itself qualify; apply under the clauses above.")

    def ladder_clause(self, clause: str) -> str:
        return f"Clause {clause}: "

    def policy_title(self, policy: Policy) -> str:
        return policy.title_en

    def policy_full_title(self, policy: Policy) -> str:
        return policy.title_en

    def policy_other_title(self, policy: Policy) -> str:
        return Words.policy_full_title(self, policy)

    def syllabus_name(self, syllabus: Syllabus, catalog: Catalog) -> str:
        """An English syllabus title, from the programme's and level's English names."""
        program = catalog.programs[syllabus.program]
        level = catalog.level(syllabus.program, syllabus.level) if syllabus.level else None
        return f"{program.name.en} syllabus" + (f": {level.name.en}" if level else "")

    def syllabus_description(self, syllabus: Syllabus, catalog: Catalog) -> str:
        return self.syllabus_name(syllabus, catalog)

    def syllabus_list_title(self, name: str) -> str:
        return f"{name} syllabi"

    def name(self, names: Names) -> str:
        return names.en

    def other_name(self, names: Names) -> str:
        return names.zh

    def english_name_origin(self, source: str | None) -> str:
        if source:
            return f"English name as the source gives it: {source}"
        return "English name: our translation; no source gives one"

    def scheme_name(self, scheme: str, catalog: Catalog | None) -> str:
        names = Vocabulary.of(catalog, self.lang)
        if scheme in names.schemes:
            return names.schemes[scheme]
        program = catalog.programs.get(scheme) if catalog else None
        return f"{program.name.en} certificate" if program else scheme

    @staticmethod
    def years(value: float) -> str:
        return f"{value:g} year" + ("" if value == 1 else "s")

    def condition(self, condition: Condition, catalog: Catalog | None = None) -> str:
        if condition.education:
            edu = condition.education
            text = f"Education: {self.education[edu.minimum]}"
            if edu.minimum != "none":
                text += " or higher"
            if edu.major != "any":
                text += f" ({self.major[edu.major]})"
            return text + (", current students included" if edu.include_enrolled else "")
        if condition.experience:
            exp = condition.experience
            kind = "continuous" if exp.continuous else "cumulative"
            return f"Related work experience of at least {self.years(exp.years)} ({kind})"
        if condition.student:
            return "Currently a student"
        if condition.certificate:
            cert = condition.certificate
            held = f", held for at least {self.years(cert.years_held)}" if cert.years_held else ""
            level = self.level.get(cert.level, cert.level)
            return f"Holds: {self.scheme_name(cert.scheme, catalog)} ({level}){held}"
        if condition.roles:
            roles = Vocabulary.of(catalog, self.lang).roles
            return "Role: " + " or ".join(roles.get(r, r) for r in condition.roles)
        return "Required training hours completed"

    def rule(self, rule: ScheduleRule) -> str:
        if len(rule.months) == 12:
            months = "every month"
        else:
            names = [self.MONTHS[m - 1] for m in rule.months]
            months = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        which = "last" if rule.week == -1 else ("1st", "2nd", "3rd", "4th", "5th")[rule.week - 1]
        extra = " and the day after" if rule.also_next_day else ""
        return f"the {which} {self.weekday[rule.weekday]} of {months}{extra}"

    def offset(self, offset: Offset | None) -> str:
        if offset is None:
            return "No fixed time in the source"
        if offset.working_days is not None:
            n = offset.working_days
            unit = "working day" if abs(n) == 1 else "working days"
            return f"{n} {unit} after the exam" if n >= 0 else f"{-n} {unit} before the exam"
        if offset.days == 0:
            return "Exam day"
        days = sorted(abs(d) for d in (offset.days, offset.days_max) if d is not None)
        span = "–".join(str(d) for d in days)
        unit = "day" if span == "1" else "days"
        return f"{span} {unit} before the exam" if offset.days < 0 else f"{span} {unit} after the exam"

    def amount(self, fee: Fee) -> str:
        if fee.amount is None:
            return self.not_published
        if fee.unit in self.UNITS:
            return f"CNY {fee.amount:g}{self.UNITS[fee.unit]}"
        return f"{fee.amount:g} {fee.unit}"

    def fee_line(self, fee: Fee) -> str:
        return f"{self.fee_kind[fee.kind]}: {self.amount(fee)}"

    def date(self, value: str | None) -> str:
        if not value:
            return self.not_published
        parts = [int(p) for p in str(value).split("-")]
        if len(parts) == 1:
            return str(parts[0])
        month = self.MONTHS[parts[1] - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"

    def day(self, day: dt.date) -> str:
        return f"{self.weekday[tuple(self.weekday)[day.weekday()]][:3]} {day.day} {self.MONTHS[day.month - 1]} {day.year}"

    def pass_mark(self, mark: float | None) -> str:
        return f"pass mark {mark:g}" if mark is not None else f"pass mark: {self.not_published}"

    def minutes(self, minutes: int) -> str:
        return f"{minutes} minutes"

    def times(self, start: str, end: str, label: str | None) -> str:
        return f"{start}–{end}"


ZH = Words()
EN = EnglishWords()
