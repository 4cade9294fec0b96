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
    marks_chinese = False  # Chinese source text is marked lang="zh-CN" (under UNTRANSLATED where it stands alone)
    other_lang = "en"  # the language of `other_name` (a Names/Term field)
    other_lang_tag = "en"  # its BCP 47 tag, for lang="…"
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
    # The copy-link buttons of a syllabus's units, topics and points (assets/copy-link.js), which say
    # permalink_copy: {name} is the heading or point they copy.
    copy_links = {"name": "复制链接：{name}", "copied": "已复制", "done": "已复制链接：{name}",
                  "failed": "无法自动复制，链接为："}
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
    on_this_page = "本页目录"
    our_translation = ""  # the mark after a text this edition shows in our translation
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
    student_kind = labels.STUDENT_KIND
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

    # --- the exam calendar (features/calendar/, templates calendar_*.md.j2 and _calendar_*.md.j2) ---
    # Dates and the browser's words travel in assets/data/calendar-rules.json too (calendar/page.js).
    calendar_date = phrases.DATE_FORMAT
    calendar_weekdays = phrases.WEEKDAY_SHORT
    calendar_months = tuple(f"{m}月" for m in range(1, 13))
    calendar = {
        **phrases.CALENDAR_PAGE,
        "title": "考试日历",
        "description": "各{field}职业技能证书项目按公布规则推算的考试日期、报名截止、成绩查询与证书发放节点，可订阅（iCalendar）。",
        "intro": "各证书项目只公布了考试规则（如“每年1月、3月……第三周周六”），没有公布具体日期。本站按这些规则推算考试日期：下面列出近期的场次，每个月有一页完整的月历，每个项目有自己的日历页面（含报名截止、成绩查询、证书发放等节点）。日期以主办方通知为准。",
        "subscribe": "订阅日历 / subscribe",
        "add": "添加到日历 / add to calendar",
        "subscribe_help": "“订阅”在日历应用中添加一个会自动更新的日历；“添加到日历”下载 .ics 文件，一次性导入。",
        "upcoming_heading": "近期考试",
        "upcoming_intro": "按规则推算的场次，从今天起到下个月底；更早或更晚的场次见各月页面。",
        "as_of_sentence": "截至 {date}。",
        "weekend_heading": "周末怎样理解",
        "weekend_rule": "原文写“周末”而没有写明周六还是周日的，本站一律按**周六、周日两天**理解：两天都列为可能的考试日，同一场考试写作“周六、周日”两天，日历中两天都有。原文写明“周六”的，只列周六。“第几周”如何起算，原文都没有说明，本站按当月第几个周六（及次日）计算。这些都是本站的理解，各项目的日期以主办方通知为准；某项目与这条规则有出入的（例如同一协会的资料写法不同），在该项目的日历页面“考试规则”中说明。",
        "weekend_item": "原文“{text}”，按{rule}。",
        "months_heading": "按月查看",
        "year": "{year}年",
        "month": "{month}月",
        "programs_heading": "按项目查看",
        "programs_intro": "每个项目有自己的日历页面（含各环节节点）和订阅链接：",
        "program_item": "{reading}（{rule}）。原文：",
        "family_item": "本系列各专业沿用上述考试安排：",
        "method_heading": "日期如何计算",
        "filter_label": "只看项目",
        "filter_all": "全部项目",
        "col_date": "考试日期", "col_program": "项目", "col_times": "考试时间", "col_levels": "级别",
        "col_registration": "报名截止", "col_flags": "提示", "col_steps": "其他环节",
        "month_title": "考试日历 · {month}",
        "month_description": "{month}各证书项目按公布规则推算的考试日期与报名截止。",
        "all_programs": "全部项目的考试日历",
        "previous_month": "上个月：{month}",
        "next_month": "下个月：{month}",
        "month_intro": "本月各项目按公布规则推算的考试场次（日期以主办方通知为准；规则与读法见[考试日历](/calendar/index.md#method)）。",
        "month_list_heading": "本月考试",
        "grid_heading": "月历",
        "month_none": "本月没有按规则推算出的场次。",
        "month_caption": "{year}年{month}月",
        "by_rule": "按规则：{rule}",
        "specialty_name": "{name}（{family}）",
        "program_title": "{name} · 考试日历",
        "program_description": "{name}按公布规则推算的考试日期与报名截止、成绩查询、证书发放等节点，可订阅（iCalendar）。",
        "program_page": "{name}项目页面",
        "shares_family": "本专业沿用 [{family}]({link}) 的考试安排，日期与该系列相同。",
        "rule_heading": "考试规则",
        "weekend_link": "原文的“周末”按本站的[统一理解](/calendar/index.md#weekend)列出周六、周日两天。",
        "subscribe_heading": "订阅与导出",
        "subscribe_item": "：在日历应用中订阅，日期随本站更新。",
        "add_item": "：下载 .ics 文件，一次性导入 {first} 至 {last} 的全部场次；每个场次下另有只导入该场的链接。",
        "sessions_heading": "各场次详情",
        "session_line": "考试时间：{times} · 形式：{mode} · 级别：{levels}",
        "steps_head": "| 环节 | 日期 | 怎样得出 | 说明 |",
        "add_session": "：只导入这一场的考试与各环节节点。",
        "none_in_window": "{first} 至 {last} 内没有按规则推算出的后续场次。",
        "undated_heading": "未给出固定日期的环节",
        "undated_item": "（原文未给出固定时间，日历中不单列）",
        "retake_label": "补考",
        "notes_in_chinese": "",
        "method_days": "考试日：按每个项目的规则，从当月 1 日起数第几个星期几（“最后一个”即当月最后一个）；规则写“周末”的，同一场次包括其后的周日（见[周末怎样理解](/calendar/index.md#weekend)）。",
        "method_workdays": "工作日：成绩查询、证书发放等“考后 N 个工作日”的节点，按国务院办公厅公布的放假安排计算，节假日不计，调休上班日计入",
        "method_published": "（已公布：{years}）",
        "method_estimated": "推算日期：{years}的官方放假安排尚未公布，这些年份按周一至周五、扣除法定节假日计算，未计调休；这样得出的日期标注“推算”。",
        "method_holidays": "节假日：考试日若在公众假期内，或是调休上班日，页面会标出，并请向主办方确认。",
        "method_ranges": "“考前 2–3 天”这类范围，标在最早一天，并写明范围。",
        "end": "。",
        "next_heading": "近期考试",
        "next_link": "完整日历、订阅与添加到日历：",
    }
    calendar_holidays: dict[str, str] = {}  # the holiday names as chinesecalendar gives them (Chinese)
    calendar_note_titles = {"holiday": ("warning", "节假日"), "month": ("warning", "请确认"),
                            "adjusted": ("info", "调休上班日"), "estimated": ("info", "推算日期")}
    calendar_note_other = ("note", "说明")

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

    def see_list(self, count: int) -> str:
        return f"查看列表（{count} 项）"

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
        # "第 (1) 条" reads as a number; a mark such as ✓1 (our numbering of the source's ✓ list) does not.
        return f"第 {clause} 条：" if clause[:1].isdigit() or clause[:1] == "(" else f"条款 {clause}："

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

    # --- the plan page and the next steps after the self-check (features/plan.py, assets/plan/) ---
    plan = {
        "title": "报考准备清单",
        "description": "所选项目和级别的报考准备清单：报名材料、照片要求、费用及条件、重要日期和报名方式，可打印、可分享。",
        "intro": "本页为您选择的项目、级别和考试场次列出报考准备清单：报名材料、照片要求、费用（连同原文的收费条件）、重要日期和报名方式，全部出自公开资料原文。",
        "noscript": "准备清单根据网址中的选择生成，需要启用 JavaScript。不启用 JavaScript 时，可以在下方“选择项目和级别”中打开项目页面，那里列出了同样的报名材料、照片要求、费用和考试时间。",
        "choose": "选择项目和级别",
        "choose_intro": "不知道可以报考哪个级别？先做[报考自查]({eligibility})；全部项目见[证书项目目录]({programs})。",
        "program_page": "项目页面",
        "next_steps": "下一步",
        "sessions": "接下来的考试场次",
        "session": "{date} 考试",
        "session_levels": "级别：{levels}",
        "estimated": "推算日期，以主办方通知为准",
        "aside": "（{text}）",
        "registration_closed": "本场报名已截止（按推算日期）",
        "no_sessions": "按公布的考试规则，近期没有可以推算的考试场次。",
        "time": "{start}–{end}（北京时间）",
        "date": "{y}年{m}月{d}日",
        "weekdays": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
        "months": [],
        "fees": "费用",
        "fees_none": "原文未公布费用。",
        "free": "免费",
        "condition": "原文：",
        "reading": "按原文理解：",
        "covers": "费用包含{items}",
        "fee_parts": {"training": "培训费", "exam": "考试费", "certificate": "证书费", "retake": "补考费"},
        "fee_levels": "适用级别：{levels}",
        "materials": "报名材料",
        "materials_none": "原文未公布报名材料。",
        "submission": "提交方式：",
        "photo": "照片要求",
        "photo_size": "尺寸：",
        "register": "在哪里报名",
        "register_none": "原文未说明报名方式。",
        "source": "来源：",
        "program_sections": "项目页面：",
        "section_registration": "报名材料与照片要求",
        "section_exam": "考试",
        "section_fees": "费用",
        "plan_link": "打开报考准备清单（可打印、可分享）",
        "checklist": "准备清单",
        "dates": "重要日期",
        "pick": "{program}（{level}）",
        "pick_session": "所选考试场次：{date}",
        "other_session": "改选这一场",
        "add_calendar": "加入我的日历（.ics 文件）",
        "calendar_hint": "文件只包含所选考试场次的考试和报名等日期，事件编号与本站考试日历订阅相同，重复导入不会重复。",
        "print": "打印清单",
        "share": "本页网址保存了您的选择，复制网址即可分享或稍后再看。",
        "no_pick": "网址中还没有选择项目和级别。请在下方选择，或先做报考自查。",
        "bad_pick": "网址中的选择无法识别：{pick}。请在下方重新选择。",
        "load_error": "清单数据暂时无法加载。项目页面列出了同样的报名材料、费用和考试时间。",
        "back_to_check": "返回报考自查",
        "photo_check": "检查我的照片",
        "photo_input": "选择照片文件（只在本浏览器中检查）",
        "photo_private": "照片只在您的浏览器中读取和检查，不会上传或发送到任何地方。",
        "photo_checkable": "浏览器可以检查原文的以下规格：",
        "photo_size_ok": "✓ 像素尺寸 {width}×{height}，符合原文“{rule}”。",
        "photo_size_bad": "✗ 像素尺寸 {width}×{height}，不符合原文“{rule}”（应为宽 {rule_width}、高 {rule_height} 像素）。",
        "photo_format_ok": "✓ 文件为 {extension} 格式，符合原文“{rule}”。",
        "photo_format_bad": "✗ 文件不是 {extension} 格式，不符合原文“{rule}”。",
        "photo_file_size": "文件大小：原文未公布要求。",
        "photo_unreadable": "✗ 无法把这个文件读取为图片。",
        "photo_by_eye": "其余要求（背景、着装、表情等）浏览器无法检查，请对照原文自行确认。",
        "photo_no_check": "原文的照片要求没有可由浏览器检查的规格（如像素尺寸），请对照原文自行确认。",
    }


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
    other_lang_tag = "zh-CN"  # Chinese inside the English edition is marked lang="zh-CN"
    source_label = "Source: "
    untranslated_suffix = f" ({UNTRANSLATED_SHORT})"
    note_sources = (" (Source: ", ")")
    eligibility_intro = "The source introduces the list: "
    eligibility_header = "| Clause | Source wording (Chinese) | Our structured reading (all must hold) |"
    eligibility_adds = "The source adds: "

    table_head = "| Item | Details |"
    colon = ": "
    long_list_sep = "; "
    chinese_attr = ' lang="zh-CN"'
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
    syllabus_untranslated = ("Unit and topic names are our translation, each followed by the source's Chinese name "
                             "(a name without a translation is shown in Chinese only); the knowledge points below "
                             "are the source's own wording, in Chinese.")
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
    copy_links = {"name": "Copy link to: {name}", "copied": "Copied", "done": "Link copied: {name}",
                  "failed": "Could not copy; the link is: "}
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
    on_this_page = "On this page"
    our_translation = ' <span class="catalog-translated">(our translation)</span>'
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
    student_kind = {
        "university": "at a junior college, university or graduate school",
        "vocational": "at a secondary or higher vocational school or a technical school",
        "secondary": "at a senior or junior high school",
    }
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

    # --- the exam calendar ---
    calendar_date = {"date": "{day} {month_name} {year}", "date_weekday": "{weekday} {date}", "year": "{year}",
                     "list_separator": ", "}
    calendar_weekdays = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    calendar_months = MONTHS
    calendar = {
        "today": "Today",
        "weekend": "周末",  # the word looked for in the source's wording
        "reading": "exam day is our reading",
        "as_of": "As of {date}",
        "month_day": "{day} {month_name}",
        "range": "{first} to {last}",
        "and": " and ",
        "estimated": "estimated",
        "holiday": "public holiday: {holiday}, please check",
        "session_holiday": "public holiday: {holidays}, check with the organiser",
        "adjusted": "working weekend day (holiday swap)",
        "next_month_sunday": "the Sunday is in the next month, please check",
        "session_estimated": "some dates are estimated",
        "flag": " ({flag})",
        "flag_separator": "; ",
        "not_published": "Not published",
        "times_not_published": "Times not published",
        "closed": "closed",
        "no_fixed_steps": "The source gives no fixed dates for the other steps",
        "no_levels": "No levels in the source",
        "list_caption": "Exams from {first} to {last} ({count})",
        "month_list_caption": "Exams in {month} ({count})",
        "filter_count": "Showing {shown} of {total} exams",
        "next_intro": "Dated from the rule above, sessions from {date} (the organiser's notice decides):",
        "next_none": "Dated from the rule above, there is no session soon.",
        "list_none": "No sessions in this period by the published rules.",
        "details": "Steps and add to calendar",
        "title": "Exam calendar",
        "description": "Exam dates, registration deadlines, results and certificates of every {field} certification programme, dated from the published rules; subscribe by iCalendar.",
        "intro": "The programmes publish rules (such as “the third Saturday of January, March …”), not dates. We date the sessions from those rules: below are the coming sessions, each month has a page with its full grid, and each programme has its own calendar (with registration deadlines, results and certificates). The organiser's notice decides.",
        "subscribe": "Subscribe",
        "add": "Add to calendar",
        "subscribe_help": "“Subscribe” adds a calendar that updates itself to your calendar app; “Add to calendar” downloads an .ics file to import once.",
        "upcoming_heading": "Coming exams",
        "upcoming_intro": "Sessions dated by the rules from today to the end of next month; earlier and later ones are on the month pages.",
        "as_of_sentence": "As of {date}.",
        "weekend_heading": 'How we read <span lang="zh-CN">周末</span> (weekend)',
        "weekend_rule": "Where a source says <span lang=\"zh-CN\">周末</span> (weekend) without naming the day, we always read it as **Saturday and Sunday**: both are listed as possible exam days, and one session covers both. Where a source names Saturday, only Saturday is listed. No source says how its weeks are counted; we count the n-th Saturday of the month (and the day after). These are our readings; the organiser's notice decides. Where a programme differs from this rule (for example the same association words it differently elsewhere), its calendar page says so under “Exam rule”.",
        "weekend_item": "the source says “{text}”; dated as {rule}.",
        "months_heading": "By month",
        "year": "{year}",
        "month": "{month_name}",
        "programs_heading": "By programme",
        "programs_intro": "Each programme has its own calendar page (with every step) and feed:",
        "program_item": "our reading (in Chinese): {reading} ({rule}). Source wording:",
        "family_item": "The specialties of this family follow the same exam schedule:",
        "method_heading": "How the dates are computed",
        "filter_label": "Programme",
        "filter_all": "All programmes",
        "col_date": "Exam date", "col_program": "Programme", "col_times": "Times", "col_levels": "Levels",
        "col_registration": "Registration closes", "col_flags": "Notes", "col_steps": "Other steps",
        "month_title": "Exam calendar · {month}",
        "month_description": "Exam dates and registration deadlines in {month}, dated from the published rules.",
        "all_programs": "Exam calendar of every programme",
        "previous_month": "Previous month: {month}",
        "next_month": "Next month: {month}",
        "month_intro": "This month's sessions of every programme, dated from the published rules (the organiser's notice decides; the rules and our readings are on the [exam calendar](/calendar/index.md#method)).",
        "month_list_heading": "This month's exams",
        "grid_heading": "Month grid",
        "month_none": "No sessions this month by the published rules.",
        "month_caption": "{month_name} {year}",
        "by_rule": "by the rule: {rule}",
        "specialty_name": "{name} ({family})",
        "program_title": "{name} · exam calendar",
        "program_description": "Exam dates, registration deadlines, results and certificates of {name}, dated from the published rules; subscribe by iCalendar.",
        "program_page": "{name} programme page",
        "shares_family": "This specialty follows the exam schedule of [{family}]({link}); its dates are the same.",
        "rule_heading": "Exam rule",
        "weekend_link": "The source's <span lang=\"zh-CN\">周末</span> (weekend) is dated as Saturday and Sunday, by [our one rule](/calendar/index.md#weekend).",
        "subscribe_heading": "Subscribe and export",
        "subscribe_item": ": subscribe in a calendar app; the dates follow this site's updates.",
        "add_item": ": download an .ics file that imports every session from {first} to {last} once; each session below has a link that imports that session only.",
        "sessions_heading": "Session details",
        "session_line": "Times: {times} · Format: {mode} · Levels: {levels}",
        "steps_head": "| Step | Date | How it is dated | Notes (in Chinese) |",
        "add_session": ": imports this session's exam and steps only.",
        "none_in_window": "No further sessions from {first} to {last} by the rule.",
        "undated_heading": "Steps without a fixed date",
        "undated_item": " (the source gives no fixed time; not in the calendar)",
        "retake_label": "Retake",
        "notes_in_chinese": " (in Chinese)",
        "method_days": "Exam days: by each programme's rule, the n-th weekday counted from the 1st of the month (“last” is the month's last); where the rule says <span lang=\"zh-CN\">周末</span> (weekend), the session includes the Sunday after (see [how we read <span lang=\"zh-CN\">周末</span>](/calendar/index.md#weekend)).",
        "method_workdays": "Working days: steps such as results or certificates “N working days after the exam” are counted on the State Council's published holiday schedule: public holidays do not count, weekend days worked in a holiday swap do",
        "method_published": " (published: {years})",
        "method_estimated": "Estimated dates: the official holiday schedule of {years} is not published yet; those years are counted Monday to Friday without the statutory holidays and without holiday swaps, and such dates are marked “estimated”.",
        "method_holidays": "Public holidays: an exam day on a public holiday, or on a swapped working day, is marked, with a request to check with the organiser.",
        "method_ranges": "Ranges such as “2–3 days before the exam” are shown on the first day, with the range.",
        "end": ".",
        "next_heading": "Next sessions",
        "next_link": "Full calendar, feeds and add to calendar: ",
    }
    calendar_holidays = {
        "元旦": "New Year's Day", "春节": "Spring Festival", "清明节": "Tomb-sweeping Day", "劳动节": "Labour Day",
        "端午节": "Dragon Boat Festival", "国庆节": "National Day", "中秋节": "Mid-autumn Festival",
        "农历除夕": "Spring Festival Eve", "中秋节; 国庆节": "Mid-autumn Festival; National Day",
    }
    calendar_note_titles = {"holiday": ("warning", "Public holiday"), "month": ("warning", "Please check"),
                            "adjusted": ("info", "Working weekend day"), "estimated": ("info", "Estimated date")}
    calendar_note_other = ("note", "Note")

    # Units the sources print after an amount in yuan.
    UNITS = {None: "", "元": "", "元/人": " per person", "元/次": " per attempt", "元/人/次": " per person per attempt"}

    @property
    def level_unpublished_rules(self) -> str:
        return (f'The source marks this level <span lang="zh-CN">待定</span> (to be decided): eligibility rules '
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

    def see_list(self, count: int) -> str:
        return f"See the list ({count} entries)"

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
        return f'<span lang="zh-CN">{html}</span>'

    def paren(self, text: str) -> str:
        return f" ({text})"

    def checked_on(self, date: str) -> str:
        return f"Facts checked on {date}."

    def ladder_caption(self, name: str) -> str:
        return f"Levels of {name}, lowest first: "

    def ladder_unpublished(self, below: str) -> str:
        return (f'The source marks this level <span lang="zh-CN">待定</span> (to be decided): whether a {below} '
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
            qualifiers = [self.major[edu.major]] if edu.major != "any" else []
            left_out = [self.education[e] for e in edu.read_as_excluded]
            if left_out:
                qualifiers.append(f"our reading: not {' or '.join(left_out)}")
            if edu.unclear:
                qualifiers.append(f"whether {' or '.join(self.education[e] for e in edu.unclear)} counts is not stated")
            if qualifiers:
                text += f" ({'; '.join(qualifiers)})"
            if edu.include_enrolled:
                kinds = edu.enrolled_kinds
                text += ", current students included" + (
                    f" (studying {'; or '.join(self.student_kind[k] for k in kinds)})" if kinds else "")
            return text
        if condition.experience:
            exp = condition.experience
            kind = "continuous" if exp.continuous else "cumulative"
            return f"Related work experience of at least {self.years(exp.years)} ({kind})"
        if condition.student:
            kinds = () if condition.student is True else condition.student
            return "Currently a student" + (f" ({'; or '.join(self.student_kind[k] for k in kinds)})" if kinds else "")
        if condition.certificate:
            cert = condition.certificate
            held = f", held for at least {self.years(cert.years_held)}" if cert.years_held else ""
            level = self.level.get(cert.level, cert.level)
            holders = Vocabulary.of(catalog, self.lang).scheme_holders.get(cert.scheme)
            also = f"; {' and '.join(holders)} certificates count too" if holders else ""
            return f"Holds: {self.scheme_name(cert.scheme, catalog)} ({level}){held}{also}"
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

    # --- the plan page and the next steps after the self-check (features/plan.py, assets/plan/) ---
    plan = {
        "title": "Application checklist",
        "description": "The checklist for one programme and level: documents, photo, fees with their conditions, dates that matter and where to register; printable and shareable.",
        "intro": "This page lists what you need for the programme, level and exam session you chose: the documents, the photo, the fees (with the source's conditions), the dates that matter and where to register, all from the published sources.",
        "noscript": "The checklist is made from the choice in this page's address and needs JavaScript. Without it, open a programme page from “Choose a programme and level” below: it lists the same documents, photo rules, fees and exam dates.",
        "choose": "Choose a programme and level",
        "choose_intro": "Not sure which level you can apply for? [Check your eligibility]({eligibility}) first; every programme is in [the catalogue]({programs}).",
        "program_page": "programme page",
        "next_steps": "Next steps",
        "sessions": "Next exam sessions",
        "session": "Exam on {date}",
        "session_levels": "Levels: {levels}",
        "estimated": "Estimated date; the organiser's notice decides",
        "aside": " ({text})",
        "registration_closed": "Registration for this session has closed (estimated date)",
        "no_sessions": "No session can be dated soon from the published exam rule.",
        "time": "{start}–{end} (Beijing time)",
        "date": "{weekday} {d} {month} {y}",
        "weekdays": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "fees": "Fees",
        "fees_none": "The source publishes no fees.",
        "free": "Free",
        "condition": "Source wording (Chinese): ",
        "reading": "Our reading: ",
        "covers": "includes the {items}",
        "fee_parts": {"training": "training fee", "exam": "exam fee", "certificate": "certificate fee", "retake": "retake fee"},
        "fee_levels": "Levels: {levels}",
        "materials": "Registration documents",
        "materials_none": "The source publishes no list of documents.",
        "submission": "Submission (Chinese): ",
        "photo": "Photo requirements",
        "photo_size": "Size (Chinese): ",
        "register": "Where to register",
        "register_none": "The source does not say how to register.",
        "source": "Source: ",
        "program_sections": "Programme page: ",
        "section_registration": "documents and photo",
        "section_exam": "exam",
        "section_fees": "fees",
        "plan_link": "Open the application checklist (printable, shareable)",
        "checklist": "Checklist",
        "dates": "Dates that matter",
        "pick": "{program} ({level})",
        "pick_session": "Chosen session: {date}",
        "other_session": "Choose this session",
        "add_calendar": "Add to my calendar (.ics file)",
        "calendar_hint": "The file holds only the chosen session's exam and registration dates, with the same event ids as this site's calendar feeds, so importing it twice adds nothing twice.",
        "print": "Print the checklist",
        "share": "This page's address keeps your choice: copy it to share or come back later.",
        "no_pick": "The address does not choose a programme and level yet. Choose below, or check your eligibility first.",
        "bad_pick": "The choice in the address is not recognised: {pick}. Choose again below.",
        "load_error": "The checklist data could not be loaded. The programme page lists the same documents, fees and dates.",
        "back_to_check": "Back to the eligibility check",
        "photo_check": "Check my photo",
        "photo_input": "Choose a photo file (checked in this browser only)",
        "photo_private": "Your photo is read and checked in your browser only; it is never uploaded or sent anywhere.",
        "photo_checkable": "The browser can check these rules of the source:",
        "photo_size_ok": "✓ {width}×{height} pixels, as the source requires: “{rule}”.",
        "photo_size_bad": "✗ {width}×{height} pixels; the source requires “{rule}” ({rule_width} wide, {rule_height} high).",
        "photo_format_ok": "✓ The file is a {extension} image, as the source requires: “{rule}”.",
        "photo_format_bad": "✗ The file is not a {extension} image; the source requires “{rule}”.",
        "photo_file_size": "File size: not published.",
        "photo_unreadable": "✗ This file could not be read as an image.",
        "photo_by_eye": "The other rules (background, clothing, expression …) cannot be checked by a browser: compare your photo with the source's wording.",
        "photo_no_check": "The source's photo rules give nothing a browser can measure (such as a pixel size): compare your photo with the source's wording.",
    }


ZH = Words()
EN = EnglishWords()
