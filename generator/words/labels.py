"""Chinese display labels for the model's enumerations (one place, used by every page)."""

NOT_PUBLISHED = "未公布 / not published"

LEVEL_NAME = {
    "junior": "初级", "intermediate": "中级", "senior": "高级",
    "level-4": "四级", "level-3": "三级", "level-2": "二级", "level-1": "一级",
}

EDUCATION = {
    "none": "不限学历",
    "junior_high": "初中",
    "high_school": "高中",
    "secondary_vocational": "中专/中职",
    "associate": "大专",
    "bachelor": "本科",
    "double_bachelor": "双学士",
    "master": "硕士/研究生",
    "doctorate": "博士",
}

STUDENT_KIND = {
    "university": "大专、本科或研究生在读",
    "vocational": "中职、高职或技工院校在读",
    "secondary": "普通高中或初中在读",
}

MAJOR = {"related": "相关专业", "other": "其他专业", "any": "专业不限"}

EXAM_MODE = {"online": "线上考试", "offline": "线下考试", "blended": "线上线下结合"}

QUESTION_TYPE = {
    "single_choice": "单选题",
    "multiple_choice": "多选题",
    "true_false": "判断题",
    "short_answer": "简答题",
    "objective": "客观题",
    "subjective": "主观题",
}

FEE_KIND = {
    "exam": "考试费",
    "training": "培训费",
    "retake": "补考费",
    "certificate": "证书费",
    "package": "培训考试费（合计）",
}

TIMELINE_KIND = {
    "registration_close": "报名截止",
    "review": "资格审核",
    "study": "学习",
    "sprint": "考前冲刺",
    "mock_test": "考前测试",
    "exam": "考试",
    "results": "成绩查询",
    "certificate_issued": "证书发放",
    "certificate_query": "证书查询",
    "retake": "补考",
}

BODY_ROLE = {
    "issuer": "颁证单位",
    "host": "主办单位",
    "organiser": "承办/培训组织单位",
    "guide": "指导单位",
    "trainer": "培训单位",
    "supervisor": "评价监督单位",
    "training_base": "培训基地",
    "exam_platform": "考试平台",
}

NOTE_KIND = {
    "discrepancy": ("warning", "来源之间不一致"),
    "extraction": ("warning", "原文提取问题"),
    "reading": ("info", "我们的理解"),
    "unpublished": ("info", "未公布"),
    "info": ("note", "说明"),
}

POLICY_KIND = {
    "law": "法律",
    "regulation": "行政法规",
    "opinion": "意见",
    "plan": "规划/方案",
    "notice": "通知",
    "announcement": "公告",
    "standard": "标准",
    "speech": "讲话",
    "report": "报告",
    "interpretation": "解读",
}

PROGRAM_TYPE = {"programme": "证书项目", "family": "证书系列", "specialty": "系列专业"}

WEEKDAY = {
    "monday": "周一", "tuesday": "周二", "wednesday": "周三", "thursday": "周四",
    "friday": "周五", "saturday": "周六", "sunday": "周日",
}
