"""Every word the self-check shows, per edition: the statuses, the sentences both engines build, and the
widget's questions, options and headings. The Python engine (`catalog check`) speaks Chinese; each
edition's rules JSON carries its own words, so the browser widget writes nothing of its own
(site_overrides/assets/eligibility/widget.js). The questions are the profile fields' labels word for word.
"""

from __future__ import annotations

FIELDS = {
    "zh": {
        "education": "已取得的最高学历",
        "major_related": "所学专业是否为相关专业",
        "student": "是否为在校/在读学生",
        "student_kind": "在读学校类型",
        "experience_years": "相关工作年限",
        "experience_continuous": "相关工作是否连续",
        "certificates": "所持证书及持证年限",
        "roles": "人员身份",
        "training_hours_met": "培训学时是否达标",
    },
    "en": {
        "education": "Highest education completed",
        "major_related": "Is your major a related one?",
        "student": "Are you a current student?",
        "student_kind": "Where are you studying?",
        "experience_years": "Years of related work",
        "experience_continuous": "Is your related work continuous?",
        "certificates": "Certificates held, and for how long",
        "roles": "Your role",
        "training_hours_met": "Have you completed the required training hours?",
    },
}

STATUS = {
    "zh": {
        "eligible": "可以报考",
        "needs_training": "完成规定培训后可报考",
        "not_eligible": "暂不符合",
        "unknown": "需补充信息",
        "unpublished": "报考条件未公布",
    },
    "en": {
        "eligible": "You can apply",
        "needs_training": "You can apply once the required training is done",
        "not_eligible": "Not yet",
        "unknown": "More answers needed",
        "unpublished": "Rules not published",
    },
}

MESSAGES = {
    "zh": {
        "education": "需要{education}及以上学历",
        "education_enrolled": "需要{education}及以上学历（含在读）",
        "education_unclear": "条款要求的“{education}及以上学历”是否包括{have}，原文没有写明，请向主办单位确认",
        "major_related": "需要相关专业",
        "experience": "需要相关工作经验满 {years} 年",
        "experience_continuous": "需要连续从事相关工作满 {years} 年",
        "experience_gap": "还需 {gap} 年相关工作经验",
        "experience_gap_continuous": "还需 {gap} 年连续的相关工作经验",
        "student": "需要是在校/在读学生",
        "student_kinds": "需要是在读学生（{kinds}）",
        "certificate": "需持有{scheme}（{level}及以上）",
        "certificate_years": "需持有{scheme}（{level}及以上）满 {years} 年",
        "roles": "需要是以下人员之一：{roles}",
        "training_hours_met": "需要完成规定培训：{training}",
        "unanswered": "未回答：{label}",
    },
    "en": {
        "education": "Needs {education} or higher",
        "education_enrolled": "Needs {education} or higher (current students included)",
        "education_unclear": "The source does not say whether “{education} or higher” includes {have}; ask the organiser",
        "major_related": "Needs a related major",
        "experience": "Needs {years} years of related work",
        "experience_continuous": "Needs {years} years of continuous related work",
        "experience_gap": "{gap} more years of related work",
        "experience_gap_continuous": "{gap} more years of continuous related work",
        "student": "Needs to be a current student",
        "student_kinds": "Needs to be a current student ({kinds})",
        "certificate": "Needs {scheme} ({level} or higher)",
        "certificate_years": "Needs {scheme} ({level} or higher), held for {years} years",
        "roles": "Needs to be one of: {roles}",
        "training_hours_met": "Complete the required training: {training}",
        "unanswered": "Not answered: {label}",
    },
}

# The one entry of a programme whose rules do not depend on level.
ALL_LEVELS_NAME = {"zh": "不分级别", "en": "All levels"}

# Words lists are joined with, per edition.
LIST_SEPARATOR = {"zh": "、", "en": "; "}

EDUCATION_NONE_ANSWER = {"zh": "初中以下", "en": "below junior high school"}

# The widget's own words: questions come from FIELDS; these are options, hints, headings and sentences.
UI = {
    "zh": {
        "form_label": "报考自查问题",
        "not_answered": "未回答",
        "choose": "请选择",
        "legend_education": "学历与专业",
        "legend_experience": "相关工作经验",
        "legend_certificates": "证书",
        "legend_training": "培训",
        "hint_education": "填已经毕业、取得的学历；在读的学历请在“在读学校类型”中说明。",
        "hint_major": "相关专业指{majors}等专业。",
        "hint_years": "单位为年，填数字，例如 2.5；没有相关工作经验填 0。",
        "hint_roles": "可多选；都不勾选表示未回答。",
        "hint_training": "指项目规定的培训学时，例如考前培训学时达标。",
        "yes_no": {
            "major_related": [["true", "是，相关专业"], ["false", "否，其他专业"]],
            "student": [["true", "是"], ["false", "否"]],
            "experience_continuous": [["true", "连续"], ["false", "不连续（累计）"]],
            "training_hours_met": [["true", "已达标"], ["false", "未达标"]],
        },
        "certificates_none": "没有",
        "certificates_some": "有（请在下方逐本添加）",
        "certificate_list": "所持证书列表",
        "add_certificate": "添加一本证书",
        "certificate_n": "证书 {n}",
        "remove_certificate_n": "删除证书 {n}",
        "certificate_scheme": "证书类别",
        "certificate_level": "证书级别",
        "certificate_years": "已持证年限（年）",
        "hint_certificate_years": "从取得证书到现在的年数，例如 1；不清楚可以不填。",
        "roles_none": "以上都不是",
        "submit": "查看结果",
        "reset": "清空全部回答",
        "results_title": "自查结果",
        "empty_summary": "尚未回答任何问题。回答上面的问题后，这里会显示结果。",
        "mark": {"true": "符合：", "false": "不符合：", "null": "未回答，尚不能判断："},
        "met_intro": "符合以下条款：",
        "nearest_intro": "没有符合的条款。最接近的是：",
        "needs_intro": "还需要：",
        "training_intro": "条款已经符合，完成以下培训后即可报考：",
        "unknown_intro": "还不能判断：",
        "open_routes": "可能符合的条款（{n} 条）",
        "preconditions_intro": "所有级别均须满足：",
        "notes_intro": "原文说明：",
        "unpublished": "原文没有公布本级别的报考条件（标注“待定”或未列出），无法判断。",
        "sharing": "同一报考条件适用于以下专业：{names}",
        "program_level": "{program}（{level}）",
        "level_status": "{level}：{status}",
        "summary_levels_separator": "；",
        "summary_end": "。",
        "summary_count": "{status} {n} 项",
        "summary_counts_separator": "，",
        "summary_eligible": "可以报考：{names}。",
        "summary_pending": "已查看 {n} 个项目；展开其他项目即可查看。",
        "show_all": "显示全部项目的结果",
        "rules_link": "本项目报考条件原文及解读",
        "load_error": "报考自查暂时无法加载报考条件数据。本页列出的报考条件原文不受影响，可以逐条对照。",
    },
    "en": {
        "form_label": "Eligibility questions",
        "not_answered": "Not answered",
        "choose": "Choose",
        "legend_education": "Education and major",
        "legend_experience": "Related work experience",
        "legend_certificates": "Certificates",
        "legend_training": "Training",
        "hint_education": "The education you have completed; if you are studying now, say where below.",
        "hint_major": "A related major is one the clauses name (see the rules on this page).",
        "hint_years": "In years, as a number, e.g. 2.5; 0 if you have none.",
        "hint_roles": "Tick any that apply; none ticked means not answered.",
        "hint_training": "The training hours the programme requires before the exam.",
        "yes_no": {
            "major_related": [["true", "Yes, a related major"], ["false", "No, another major"]],
            "student": [["true", "Yes"], ["false", "No"]],
            "experience_continuous": [["true", "Continuous"], ["false", "Not continuous (cumulative)"]],
            "training_hours_met": [["true", "Completed"], ["false", "Not completed"]],
        },
        "certificates_none": "None",
        "certificates_some": "Some (add each one below)",
        "certificate_list": "Certificates you hold",
        "add_certificate": "Add a certificate",
        "certificate_n": "Certificate {n}",
        "remove_certificate_n": "Remove certificate {n}",
        "certificate_scheme": "Certificate",
        "certificate_level": "Level",
        "certificate_years": "Years held",
        "hint_certificate_years": "Years since it was issued, e.g. 1; leave empty if unsure.",
        "roles_none": "None of these",
        "submit": "Show the result",
        "reset": "Clear all answers",
        "results_title": "Your result",
        "empty_summary": "No questions answered yet. Answer the questions above to see the result here.",
        "mark": {"true": "Met: ", "false": "Not met: ", "null": "Not answered, cannot tell yet: "},
        "met_intro": "You meet these clauses:",
        "nearest_intro": "No clause is met. The nearest is:",
        "needs_intro": "Still needed:",
        "training_intro": "The clauses are met; complete this training and you can apply:",
        "unknown_intro": "Cannot tell yet:",
        "open_routes": "Clauses you may meet ({n})",
        "preconditions_intro": "Required for every level:",
        "notes_intro": "Notes on the source:",
        "unpublished": "The source publishes no rules for this level (to be decided, or not listed), so it cannot be checked.",
        "sharing": "The same rules apply to these specialties: {names}",
        "program_level": "{program} ({level})",
        "level_status": "{level}: {status}",
        "summary_levels_separator": "; ",
        "summary_end": ".",
        "summary_count": "{status}: {n}",
        "summary_counts_separator": "; ",
        "summary_eligible": " You can apply for: {names}.",
        "summary_pending": "{n} programmes checked; open another to check it.",
        "show_all": "Show the result for every programme",
        "rules_link": "This programme's rules, in the source's words and in our reading",
        "load_error": "The self-check could not load the rules. The rules listed on this page are unaffected.",
    },
}

# The page /eligibility/ (generator/pages/templates/eligibility.md.j2).
PAGE = {
    "zh": {
        "title": "我可以报考哪些项目和级别？",
        "description": "填写学历、工作经验、证书等情况，查看可以报考的{field}职业技能证书项目和级别，以及符合或还缺少的报考条件。",
        "intro": "回答下面的问题，即可看到每个项目、每个级别是否可以报考：符合时列出所依据的原文条款，不符合时列出最接近的条款"
                 "还缺什么，信息不足时列出还需要回答哪些问题。没有回答的问题按“未回答”处理，不会被当作“否”。"
                 "答案保存在网址里，复制网址即可分享或稍后再看。",
        "noscript": "报考自查需要启用 JavaScript。",
        "noscript_hint": "下方“各项目报考条件”链接到每个项目的报考条件原文和结构化解读，可以逐条对照。",
        "readings_title": "判断方法",
        "rules_title": "各项目报考条件",
        "rules_intro": "每个项目的报考条件原文和结构化解读，在项目页面的“报考条件”一节。",
        "sharing": "沿用同一报考条件的专业：",
        "note_on": "原文说明（{level}）：",
        "note": "原文说明：",
    },
    "en": {
        "title": "Which programmes and levels can I apply for?",
        "description": "Answer a few questions on your education, work and certificates to see which {field} "
                       "certification programmes and levels you can apply for, and what is still missing.",
        "intro": "Answer the questions below to see, for every programme and level, whether you can apply: the clause "
                 "you meet, or what the nearest clause still needs, or which questions are left. A question you "
                 "leave unanswered counts as not answered, never as no. The answers stay in the page address, so "
                 "you can share them or come back later.",
        "noscript": "The self-check needs JavaScript. ",
        "noscript_hint": "Each programme below links to its rules, in the source's words and in our reading.",
        "readings_title": "How the rules are read",
        "rules_title": "Each programme's rules",
        "rules_intro": "Each programme's rules, in the source's words and in our reading, are in the Eligibility "
                       "section of its page.",
        "sharing": "The same rules apply to: ",
        "note_on": "Note on the source ({level}): ",
        "note": "Note on the source: ",
    },
}

READING_MAJORS = {"zh": "须为{majors}等相关专业", "en": "it must be one the clause names"}
READING_MAJORS_NONE = {"zh": "须为相关专业", "en": "it must be a related one"}
READING_EXAMPLE = {"zh": "（如{scheme}：{holders}的证书都属此类）",
                   "en": " (e.g. {scheme}: certificates of {holders} count)"}

# How the self-check reads the rules (engine.py's docstring), as /eligibility/#readings shows them.
READINGS = {
    "zh": (
        "学历按每一条款所列的学历判断：“某学历及以上”一般包括更高的学历；高中与中专/中职是两条路线，"
        "同一级别对高中、中专分别规定了年限时，“中专及以上”不含高中，“高中及以上”不含中专，否则其中一条就没有意义。"
        "原文没有说明某一学历是否算在内时，结果显示“需补充信息”并说明原因，而不替你猜。"
        "“最高学历”填已经取得的学历。",
        "条款写“在校大学生、相关职业院校学生”或“含在读”的，按在读学校类型判断：大专、本科或研究生在读；"
        "中职、高职或技工院校在读；普通高中或初中在读。只回答了“在读”、没有回答学校类型时，结果为“需补充信息”。",
        "条款写“取得其他专业”或“非相关专业”的，任何专业均可；写“相关专业”的，{majors}。",
        "“连续从事相关工作满 N 年”要求工作经验连续；写“累计”或未写的，连续、不连续均可。",
        "持有同一类证书的更高级别，视为符合较低级别的证书要求（初级、中级、高级由低到高；四级、三级、二级、一级由低到高）。"
        "条款点名的证书类别，按证书类别登记表认定哪些项目的证书属于该类{example}；"
        "条款写“其他…职业或技能证书、职称证书”的，本项目自身证书以外的任何证书都算。",
        "项目统一要求的培训学时等条件，适用于每个级别；条款已经符合、只差规定培训时，结果为“完成规定培训后可报考”，并写明是哪项培训。"
        "各级别按各自公布的条款单独判断；原文标注“待定”的级别显示为“报考条件未公布”。",
        "本自查只根据公开资料的文字判断，报名以颁证/主办单位审核为准。",
    ),
    "en": (
        "Education is read clause by clause: “X or higher” usually includes every higher level; senior high school "
        "and secondary vocational school are two tracks, so where one level gives each its own threshold, "
        "“secondary vocational or higher” leaves out senior high school and “senior high school or higher” leaves "
        "out secondary vocational school, or one of the clauses would mean nothing. Where the source does not say "
        "whether a level counts, the result says so (more answers needed, with the reason) rather than guess. "
        "Your highest education is the one you have completed.",
        "Clauses for current students (or that count current students) are read by where you study: a junior "
        "college, university or graduate school; a secondary or higher vocational or technical school; or a senior "
        "or junior high school. A student who has not said where gets “more answers needed”.",
        "A clause for another major, or a non-related one, accepts any major; a clause for a related major: {majors}.",
        "“N years of continuous related work” needs unbroken work; cumulative or unstated accepts either.",
        "A higher level of the same certificate meets a requirement for a lower one (junior < intermediate < senior; "
        "level 4 < 3 < 2 < 1). A clause naming a kind of certificate is met by the certificates the scheme registry "
        "lists as that kind{example}; a clause for “another” certificate accepts any certificate but the "
        "programme's own.",
        "A programme's required training hours apply to every level; where the clauses are met and only the training "
        "is left, the result is “you can apply once the required training is done”, naming the training. Each level "
        "is judged on its own published rules; a level the source marks as to be decided shows “rules not published”.",
        "This self-check reads the published text only; the issuer or organiser decides on every application.",
    ),
}
