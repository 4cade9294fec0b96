"""The eligibility self-check widget in Debian's chromium: filling it in, the URL query, sharing,
the back button, the keyboard, axe-core, the no-JavaScript fallback, and the browser engine agreeing
with the Python engine on the shared vectors.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from generator.features.eligibility import engine, rules_json
from generator.features.eligibility import wording
from generator.features.eligibility.profile import FIELDS, Profile

from ..conftest import VECTOR_CASES, generated_profiles, python_result
from .test_accessibility import AXE_OPTIONS, describe

WIDGET = "[data-eligibility-widget]"
SUMMARY = ".catalog-elig__summary"
CAM = "programs/carbon-asset-manager/"


@pytest.fixture
def fresh_page(browser, site_url):
    """A second, unrelated browser context: what someone opening a shared link gets."""
    context = browser.new_context(base_url=site_url, locale="zh-CN")
    context.route(re.compile("^(?!" + re.escape(site_url) + ")"), lambda route: route.abort())
    yield context.new_page()
    context.close()


def query(page) -> dict[str, list[str]]:
    """The page's query now (page.url can trail history.pushState)."""
    return parse_qs(urlsplit(current_url(page)).query, keep_blank_values=True)


def current_url(page) -> str:
    return page.evaluate("location.href")


def programme_summary(catalog, program_id: str, profile: dict) -> str:
    """The summary line the widget should announce for one programme, from the Python engine."""
    program = catalog.programs[program_id]
    names = {u.level: u.name for u in engine.level_rules(program)}
    result = engine.evaluate(program, Profile.model_validate(profile), catalog)
    return "；".join(f"{names[lv.level]}：{engine.STATUS[lv.status]}" for lv in result.levels) + "。"


def wait_for_widget(page) -> None:
    expect(page.locator(f"{WIDGET} form")).to_be_visible()


def level_statuses(page) -> dict[tuple[str, str], str]:
    """(programme, level) → status as the widget shows it (programme is '' on a programme page)."""
    return {
        (b["program"], b["level"]): b["status"]
        for b in page.locator(".catalog-elig__level").evaluate_all(
            "bs => bs.map(b => ({program: b.closest('[data-program]')?.dataset.program || '',"
            " level: b.dataset.level, status: b.dataset.status}))")
    }


# --- a programme page -----------------------------------------------------------------------------


def test_programme_page_fill_in_read_result_and_share(page, fresh_page, catalog):
    page.goto(CAM)
    wait_for_widget(page)
    expect(page.locator(SUMMARY)).to_have_text("尚未回答任何问题。回答上面的问题后，这里会显示结果。")
    expect(page.locator(SUMMARY)).to_have_attribute("aria-live", "polite")

    page.get_by_label(FIELDS["education"]).select_option("bachelor")
    page.get_by_label(FIELDS["major_related"]).select_option("false")
    page.get_by_label(FIELDS["experience_years"]).fill("1.5")
    page.get_by_label(FIELDS["experience_years"]).press("Tab")
    page.get_by_label(FIELDS["experience_continuous"]).select_option("true")
    profile = {"education": "bachelor", "major_related": False, "experience_years": 1.5, "experience_continuous": True}
    expect(page.locator(SUMMARY)).to_have_text(programme_summary(catalog, "carbon-asset-manager", profile))
    # Not answered yet: certificates could still qualify for 高级 (7).
    senior = page.locator('.catalog-elig__level[data-level="senior"]')
    expect(senior).to_have_attribute("data-status", "unknown")
    expect(senior).to_contain_text("未回答：所持证书及持证年限")

    page.get_by_label(FIELDS["certificates"]).select_option("none")
    profile["certificates"] = []
    expect(page.locator(SUMMARY)).to_have_text(
        "初级碳资产管理师：可以报考；中级碳资产管理师：可以报考；高级碳资产管理师：暂不符合。")
    assert programme_summary(catalog, "carbon-asset-manager", profile) == page.locator(SUMMARY).inner_text()
    # Why: the clause met (with ✓ per condition), and what the nearest clause lacks.
    intermediate = page.locator('.catalog-elig__level[data-level="intermediate"]')
    expect(intermediate.locator(".catalog-elig__clause").first).to_have_text("(3)")
    expect(intermediate).to_contain_text("本科学历（取得其他专业），连续从事相关领域工作满1年；")
    expect(intermediate.locator('.catalog-elig__cond[data-value="true"]')).to_have_count(2)
    expect(senior).to_contain_text("最接近的是：")
    expect(senior).to_contain_text("还需 0.5 年连续的相关工作经验")
    expect(senior.locator('.catalog-elig__cond[data-value="false"]')).to_have_count(1)

    # The answers are in the URL query, under the contract's field names.
    assert query(page) == {
        "education": ["bachelor"], "major_related": ["false"], "experience_years": ["1.5"],
        "experience_continuous": ["true"], "certificates": [""],
    }

    # Opening the shared link elsewhere fills the form and gives the same result.
    shared = current_url(page)
    summary = page.locator(SUMMARY).inner_text()
    fresh_page.goto(shared)
    wait_for_widget(fresh_page)
    expect(fresh_page.locator(SUMMARY)).to_have_text(summary)
    expect(fresh_page.get_by_label(FIELDS["education"])).to_have_value("bachelor")
    expect(fresh_page.get_by_label(FIELDS["experience_years"])).to_have_value("1.5")
    expect(fresh_page.get_by_label(FIELDS["certificates"])).to_have_value("none")
    assert level_statuses(fresh_page) == level_statuses(page)

    # And a reload keeps it too.
    page.reload()
    wait_for_widget(page)
    expect(page.locator(SUMMARY)).to_have_text(summary)


def test_certificates_in_the_query_and_a_higher_level_counts(page, fresh_page, catalog):
    page.goto(CAM)
    wait_for_widget(page)
    page.get_by_label(FIELDS["certificates"]).select_option("some")
    row = page.locator(".catalog-elig__cert").first
    expect(row.locator("legend")).to_have_text("证书 1")
    row.get_by_label("证书类别").select_option("other")
    row.get_by_label("证书级别").select_option("senior")
    row.get_by_label("已持证年限（年）").fill("1")
    row.get_by_label("已持证年限（年）").press("Enter")  # submits the form: same as a change
    profile = {"certificates": [{"scheme": "other", "level": "senior", "years_held": 1}]}
    expect(page.locator(SUMMARY)).to_have_text(programme_summary(catalog, "carbon-asset-manager", profile))
    # 高级 (7) is met; the senior certificate also meets the junior and intermediate certificate routes.
    for level in ("junior", "intermediate", "senior"):
        expect(page.locator(f'.catalog-elig__level[data-level="{level}"]')).to_have_attribute("data-status", "eligible")
    assert query(page) == {"certificates": ["other:senior:1"]}
    assert "certificates=other:senior:1" in current_url(page)  # readable, documented encoding

    # A second certificate, then removing the first: the list renumbers and the query follows.
    page.get_by_role("button", name="添加一本证书").click()
    second = page.locator(".catalog-elig__cert").nth(1)
    expect(second.get_by_label("证书类别")).to_be_focused()
    second.get_by_label("证书类别").select_option("ceca-carbon-reduction")
    second.get_by_label("证书级别").select_option("junior")
    assert query(page) == {"certificates": ["other:senior:1,ceca-carbon-reduction:junior"]}
    page.get_by_role("button", name="删除证书 1").click()
    expect(page.locator(".catalog-elig__cert legend")).to_have_text(["证书 1"])
    assert query(page) == {"certificates": ["ceca-carbon-reduction:junior"]}

    fresh_page.goto(current_url(page))
    wait_for_widget(fresh_page)
    expect(fresh_page.locator(".catalog-elig__cert").first.get_by_label("证书类别")).to_have_value("ceca-carbon-reduction")
    expect(fresh_page.locator(SUMMARY)).to_have_text(page.locator(SUMMARY).inner_text())


def test_back_button_restores_earlier_answers_and_later_ones_are_kept(page):
    page.goto(CAM)
    wait_for_widget(page)
    page.get_by_label(FIELDS["education"]).select_option("associate")
    page.get_by_label(FIELDS["experience_years"]).fill("3")
    page.get_by_label(FIELDS["experience_years"]).press("Tab")
    # Changing an earlier answer keeps the later ones.
    page.get_by_label(FIELDS["education"]).select_option("master")
    expect(page.get_by_label(FIELDS["experience_years"])).to_have_value("3")
    assert query(page) == {"education": ["master"], "experience_years": ["3"]}
    after = page.locator(SUMMARY).inner_text()
    page.go_back()
    expect(page.get_by_label(FIELDS["education"])).to_have_value("associate")
    expect(page.get_by_label(FIELDS["experience_years"])).to_have_value("3")
    assert query(page) == {"education": ["associate"], "experience_years": ["3"]}
    expect(page.locator(SUMMARY)).not_to_have_text(after)
    page.go_forward()
    expect(page.get_by_label(FIELDS["education"])).to_have_value("master")
    expect(page.locator(SUMMARY)).to_have_text(after)


def test_widget_is_keyboard_operable(page):
    page.goto(CAM + "#eligibility-check")
    wait_for_widget(page)
    page.get_by_label(FIELDS["education"]).focus()
    page.keyboard.press("ArrowDown")  # first real answer after 未回答
    expect(page.get_by_label(FIELDS["education"])).to_have_value("none")
    expect(page.locator(SUMMARY)).not_to_have_text(re.compile("尚未回答"))
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused select shows no focus outline"
    # Tab reaches the role checkboxes; Space ticks one; 以上都不是 then clears it.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "roles":
            break
    else:
        pytest.fail("Tab never reached the role checkboxes")
    page.keyboard.press("Space")
    assert query(page)["roles"] == ["research-teaching-staff"]
    none = page.get_by_label("以上都不是")
    none.focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("教科研单位相关领域技术、工程人员")).not_to_be_checked()
    assert query(page)["roles"] == [""]
    # The reset button is reachable and clears the answers and the query.
    page.get_by_role("button", name="清空全部回答").focus()
    page.keyboard.press("Enter")
    expect(page.locator(SUMMARY)).to_have_text(re.compile("尚未回答"))
    assert query(page) == {}
    expect(page.get_by_label(FIELDS["education"])).to_be_focused()


def test_every_control_is_labelled_and_grouped(page):
    for path in (CAM, "eligibility/"):
        page.goto(path)
        wait_for_widget(page)
        page.get_by_label(FIELDS["certificates"]).select_option("some")
        unlabelled = page.locator(f"{WIDGET} :is(input, select)").evaluate_all(
            "els => els.filter(e => !e.labels || !e.labels.length || !e.labels[0].textContent.trim()).map(e => e.outerHTML)")
        assert not unlabelled, unlabelled
        no_legend = page.locator(f"{WIDGET} fieldset").evaluate_all(
            "fs => fs.filter(f => !f.querySelector(':scope > legend')?.textContent.trim()).length")
        assert no_legend == 0


def test_widget_is_on_every_programme_page(page, catalog, site_dir):
    for pid in catalog.programs:
        html = (site_dir / "programs" / pid / "index.html").read_text(encoding="utf-8")
        assert f'data-eligibility-widget data-program="{pid}"' in html, pid
    for pid in catalog.programs:
        page.goto(f"programs/{pid}/?education=doctorate")
        wait_for_widget(page)
        expect(page.locator(SUMMARY)).to_have_text(programme_summary(catalog, pid, {"education": "doctorate"}))


# --- /eligibility/ --------------------------------------------------------------------------------------


def test_eligibility_page_lists_every_programme_and_shares(page, fresh_page, catalog):
    page.goto("eligibility/")
    wait_for_widget(page)
    expect(page.locator("h1")).to_contain_text("我可以报考哪些项目和级别？")
    page.get_by_label(FIELDS["education"]).select_option("bachelor")
    page.get_by_label(FIELDS["major_related"]).select_option("true")
    page.get_by_label(FIELDS["student"]).select_option("false")
    page.get_by_label(FIELDS["experience_years"]).fill("1")
    page.get_by_label(FIELDS["experience_years"]).press("Tab")
    page.get_by_label(FIELDS["experience_continuous"]).select_option("false")
    page.get_by_label(FIELDS["certificates"]).select_option("none")
    page.get_by_label("以上都不是").check()
    page.get_by_label(FIELDS["training_hours_met"]).select_option("false")
    profile = {"education": "bachelor", "major_related": True, "student": False, "experience_years": 1,
               "experience_continuous": False, "certificates": [], "roles": [], "training_hours_met": False}
    assert {k: v[0] for k, v in query(page).items()} == {
        "education": "bachelor", "major_related": "true", "student": "false", "experience_years": "1",
        "experience_continuous": "false", "certificates": "", "roles": "", "training_hours_met": "false"}

    shown = level_statuses(page)
    want = {}
    rules = rules_json.rules(catalog)
    for spec in rules["programs"]:
        if spec["shares_rules_with"]:
            continue
        for lv in python_result(catalog, spec["id"], profile)["levels"]:
            want[(spec["id"], lv["level"])] = lv["status"]
    assert shown == want
    # Specialties that share the family's rules are named under it, not repeated.
    family = page.locator('.catalog-elig__program[data-program="ceca-carbon-reduction"]')
    expect(family.locator(".catalog-elig__sharing")).to_contain_text(catalog.programs["ceca-carbon-trader"].name.zh)
    # Training hours not met: the CECA family's clause 3) is met, and only its training is left, named.
    expect(family.locator(".catalog-elig__level")).to_have_attribute("data-status", "needs_training")
    expect(family.locator(".catalog-elig__clause").first).to_have_text("3)")
    training = catalog.programs["ceca-carbon-reduction"].preconditions[0].text
    expect(family.locator(".catalog-elig__missing")).to_have_text(f"需要完成规定培训：{training}")
    expect(family).to_contain_text(engine.STATUS["needs_training"])
    expect(page.locator(SUMMARY)).to_contain_text("可以报考：")
    expect(page.locator(SUMMARY)).to_contain_text("碳资产管理师")
    # Links lead to each programme's rules.
    href = family.locator(".catalog-elig__program-body a").first.get_attribute("href")
    assert href.endswith("/programs/ceca-carbon-reduction/#eligibility")

    fresh_page.goto(current_url(page))
    wait_for_widget(fresh_page)
    expect(fresh_page.locator(SUMMARY)).to_have_text(page.locator(SUMMARY).inner_text())
    assert level_statuses(fresh_page) == shown


# --- accessibility and the fallback ------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    CAM + "?education=bachelor&experience_years=1.5&experience_continuous=true&certificates=other:senior:0.5",
    "eligibility/?education=junior_high&student=true&roles=&training_hours_met=true",
    "eligibility/?education=bachelor&experience_years=1&training_hours_met=false",
    "en/programs/carbon-sink-evaluator/?education=high_school&student=true&certificates=",
    "programs/carbon-emission-administrator/?education=junior_high",
])
def test_no_axe_violations_in_the_widget(page, axe_source, path):
    page.goto(path)
    wait_for_widget(page)
    expect(page.locator(".catalog-elig__level").first).to_be_visible()
    for details in page.locator(f"{WIDGET} details").all():
        details.evaluate("d => { d.open = true; }")
    page.evaluate(axe_source)
    result = page.evaluate("options => axe.run({include: [['[data-eligibility-widget]']]}, options)", AXE_OPTIONS)
    violations = result["violations"]
    if violations:
        pytest.fail(f"axe violations in the widget on /{path}:\n{describe(violations)}", pytrace=False)


@pytest.mark.parametrize("path", [CAM, "eligibility/"])
def test_without_javascript_the_rules_are_in_words(nojs_page, catalog, path):
    """A programme page lists its rules; /eligibility/ links to each programme's rules."""
    page = nojs_page
    response = page.goto(path)
    assert response is not None and response.ok
    expect(page.locator(f"{WIDGET} .catalog-elig__noscript")).to_be_visible()
    expect(page.locator(f"{WIDGET} form")).to_have_count(0)
    if path == "eligibility/":
        link = page.locator('a[data-eligibility-program="carbon-asset-manager"]')
        assert link.get_attribute("href").endswith("programs/carbon-asset-manager/#eligibility")
        link.click()
        page.wait_for_url(re.compile("carbon-asset-manager/#eligibility$"))
    text = " ".join(page.locator("article").inner_text().split())
    for level in catalog.programs["carbon-asset-manager"].levels:
        for route in level.eligibility.routes:
            assert " ".join(route.text.split()) in text


# --- the same module, in the browser, agrees with Python ----------------------------------------------------


def test_browser_engine_agrees_with_python(page, catalog):
    page.goto("eligibility/")
    wait_for_widget(page)
    cases = [{"program": c["program"], "profile": c["profile"]} for c in VECTOR_CASES]
    cases += [{"program": pid, "profile": p} for p in generated_profiles(catalog, 200) for pid in catalog.programs]
    results = page.evaluate(
        """async (cases) => {
            const engine = await import(new URL("../assets/eligibility/engine.js", location.href).href);
            const rules = await (await fetch(new URL("../assets/data/eligibility-rules.json", location.href))).json();
            return cases.map(c => engine.publicResult(engine.evaluateProgram(rules, c.program, c.profile)));
        }""",
        cases,
    )
    bad = [(c, r) for c, r in zip(cases, results) if r != python_result(catalog, c["program"], c["profile"])]
    assert not bad, f"{len(bad)} of {len(cases)} disagree, e.g. {json.dumps(bad[:1], ensure_ascii=False)}"


# --- the questions, the words, the student question, the notes -----------------------------------------------


def control_labels(page) -> dict[str, str]:
    """Each profile field's control → the text of its label (a group's legend for the role checkboxes)."""
    return page.locator(f"{WIDGET} form").evaluate("""form => {
        const out = {};
        for (const el of form.querySelectorAll("select[name], input[name]")) {
            if (el.name === "roles") out.roles = el.closest("fieldset").querySelector(":scope > legend").textContent;
            else if (el.labels && el.labels.length && !el.name.startsWith("cert-")) out[el.name] = el.labels[0].textContent;
        }
        return out;
    }""")


@pytest.mark.parametrize(("path", "lang"), [(CAM, "zh"), ("en/" + CAM, "en"), ("en/eligibility/", "en")])
def test_questions_are_the_profile_fields_labels_word_for_word(page, path, lang):
    page.goto(path)
    wait_for_widget(page)
    page.get_by_label(wording.FIELDS[lang]["student"]).select_option("true")
    shown = control_labels(page)
    assert {f: shown[f] for f in FIELDS} == wording.FIELDS[lang]
    if lang == "zh":
        assert wording.FIELDS["zh"] == FIELDS  # the Python engine's own labels (catalog check)


def test_where_a_student_studies_is_asked_of_students_only(page, catalog):
    page.goto(CAM)
    wait_for_widget(page)
    kind = page.get_by_label(FIELDS["student_kind"])
    expect(kind).to_be_hidden()
    page.get_by_label(FIELDS["student"]).select_option("true")
    expect(kind).to_be_visible()
    junior = page.locator('.catalog-elig__level[data-level="junior"]')
    expect(junior).to_have_attribute("data-status", "unknown")
    expect(junior.locator(".catalog-elig__missing")).to_contain_text(f"未回答：{FIELDS['student_kind']}")
    kind.select_option("vocational")
    expect(junior).to_have_attribute("data-status", "eligible")
    assert query(page) == {"student": ["true"], "student_kind": ["vocational"]}
    page.get_by_label(FIELDS["student"]).select_option("false")
    expect(kind).to_be_hidden()
    assert query(page) == {"student": ["false"]}


def test_a_level_result_carries_the_notes_on_its_rules(page, catalog):
    """The 000 note (初级 repeats 高级) travels with the 初级 result; the 004 column-order note likewise."""
    for program_id, level_id in (("carbon-sink-evaluator", "junior"), ("carbon-emission-manager", "junior")):
        page.goto(f"programs/{program_id}/?education=doctorate")
        wait_for_widget(page)
        level = catalog.level(program_id, level_id)
        notes = page.locator(f'.catalog-elig__level[data-level="{level_id}"] .catalog-elig__notes li')
        texts = notes.all_inner_texts()
        assert any(n.text.split("，")[0] in t for n in level.eligibility.notes for t in texts) or any(
            n.text[:20] in t for n in level.notes for t in texts), texts
        expect(notes.first).to_have_attribute("lang", "zh-CN")


def test_the_widget_shows_no_internal_names(page):
    page.goto("programs/carbon-emission-administrator/?education=junior_high&student=true")
    wait_for_widget(page)
    expect(page.locator(".catalog-elig__level").first).to_be_visible()
    text = page.locator(WIDGET).inner_text()
    assert not re.search(r"第\s*\S+\s*条", text), text
    for field in FIELDS:
        assert field not in text, field
    expect(page.locator(".catalog-elig__clause").first).to_have_text("✓1")


def test_the_english_widget_reads_in_english(page, catalog):
    page.goto("en/" + CAM + "?education=bachelor&major_related=false&experience_years=1.5&experience_continuous=true&certificates=")
    wait_for_widget(page)
    summary = page.locator(SUMMARY)
    en = wording.STATUS["en"]
    expect(summary).to_have_text(
        f"Junior Carbon Asset Manager: {en['eligible']}; Intermediate Carbon Asset Manager: {en['eligible']}; "
        f"Senior Carbon Asset Manager: {en['not_eligible']}.")
    widget = page.locator(WIDGET)
    expect(widget.get_by_role("button", name=wording.UI["en"]["submit"])).to_be_visible()
    expect(widget).to_contain_text("0.5 more years of continuous related work")
    # Source quotes stay Chinese, marked so.
    quote = widget.locator("q").first
    expect(quote).to_have_attribute("lang", "zh-CN")
    assert re.search(r"[\u4e00-\u9fff]", quote.inner_text())
    # Nothing else in the widget is Chinese outside an element marked zh.
    stray = widget.evaluate("""w => {
        const out = [];
        const walk = document.createTreeWalker(w, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) {
            const node = walk.currentNode;
            if (/[\\u4e00-\\u9fff]/.test(node.textContent) && !node.parentElement.closest('[lang^="zh"]')) out.push(node.textContent);
        }
        return out;
    }""")
    assert not stray, stray[:5]


def test_the_english_eligibility_page(page):
    page.goto("en/eligibility/?education=master")
    wait_for_widget(page)
    expect(page.locator("h1")).to_contain_text(wording.PAGE["en"]["title"])
    expect(page.locator(SUMMARY)).to_contain_text(wording.STATUS["en"]["eligible"])
    expect(page.locator('.catalog-elig__program[data-program="carbon-asset-manager"] > summary')).to_have_text("Carbon Asset Manager")


def test_eligibility_page_first_load_fetches_only_the_shared_part(page):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto("eligibility/")
    wait_for_widget(page)
    page.wait_for_load_state("networkidle")
    rules = [u for u in seen if "/assets/data/eligibility" in u]
    assert rules == [u for u in rules if u.endswith("/assets/data/eligibility/_common.json")] and rules, seen
