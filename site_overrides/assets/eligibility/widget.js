// Eligibility self-check: the widget around the browser engine (./engine.js). Browser only.
//
// It mounts on every [data-eligibility-widget] element, keeps the answers in the URL query (same
// field names as the JSON profile contract, see docs/eligibility.md), and is set up inside Material's
// document$ subscription. Every sentence about the rules comes from the rules JSON, through the engine.

import { el, loadJson, onEveryPage } from "../dom.js";
import {
  BOOLEAN_FIELDS, FIELDS, YEARS, evaluateProgram, formatNumber, profileFromQuery, profileToQuery, queryString, unique,
} from "./engine.js";
// plan: what comes after "you can apply" (assets/plan/nextsteps.js)
import { readerToday } from "../plan/facts.js";
import { nextSteps } from "../plan/nextsteps.js";

const MARK = { true: ["✓", "符合"], false: ["✗", "不符合"], null: ["?", "未回答，尚不能判断"] };
const STATUS_MARK = { eligible: "✓", not_eligible: "✗", unknown: "?", unpublished: "–" };
const YES_NO = {
  major_related: [["true", "是，相关专业"], ["false", "否，其他专业"]],
  student: [["true", "是"], ["false", "否"]],
  experience_continuous: [["true", "连续"], ["false", "不连续（累计）"]],
  training_hours_met: [["true", "已达标"], ["false", "未达标"]],
};
const QUESTIONS = {
  major_related: "所学专业是否为环境工程与科学、能源等相关专业",
  student: "目前是否为在校/在读学生",
  experience_years: "相关领域工作年限（年）",
  experience_continuous: "相关工作是否连续",
  training_hours_met: "是否已完成规定的培训学时（如考前培训学时达标、学够90%课时）",
};
const mounted = new Set();
// plan: the statuses whose result leads on to dates, fees and materials
const NEXT_STEPS_FOR = new Set(["eligible", "needs_training"]);

function heading(level, attrs, ...children) {
  return el(`h${Math.min(6, Math.max(2, level))}`, attrs, ...children);
}

function field(id, label, control, hint) {
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return el("div", { class: "catalog-elig__field" },
    el("label", { for: id, text: label }), control, hint ? el("p", { id: hintId, class: "catalog-elig__hint", text: hint }) : null);
}

function select(id, name, options) {
  const node = el("select", { id, name });
  for (const [value, label] of options) node.append(el("option", { value, text: label }));
  return node;
}

function buildForm(prefix, rules) {
  const id = (name) => `${prefix}-${name}`;
  const unanswered = [["", "未回答"]];
  const form = el("form", { class: "catalog-elig__form", novalidate: true, "aria-label": "报考自查问题" });

  form.append(el("fieldset", {},
    el("legend", { text: "学历与专业" }),
    field(id("education"), "已取得的最高学历",
      select(id("education"), "education", [...unanswered, ...rules.education.map((e) => [e.id, e.name])]),
      "填已经毕业、取得的学历；在读的学历请在下方“在校/在读学生”中说明。"),
    field(id("major_related"), QUESTIONS.major_related, select(id("major_related"), "major_related", [...unanswered, ...YES_NO.major_related])),
    field(id("student"), QUESTIONS.student, select(id("student"), "student", [...unanswered, ...YES_NO.student])),
  ));

  const years = el("input", { id: id("experience_years"), name: "experience_years", type: "number", min: "0", step: "0.1", inputmode: "decimal" });
  form.append(el("fieldset", {},
    el("legend", { text: "相关工作经验" }),
    field(id("experience_years"), QUESTIONS.experience_years, years, "填数字，例如 2.5；没有相关工作经验填 0。"),
    field(id("experience_continuous"), QUESTIONS.experience_continuous,
      select(id("experience_continuous"), "experience_continuous", [...unanswered, ...YES_NO.experience_continuous])),
  ));

  const certList = el("ul", { class: "catalog-elig__certs", "aria-label": "所持证书列表" });
  const addCert = el("button", { type: "button", class: "md-button catalog-elig__add", text: "添加一本证书" });
  const certBox = el("div", { class: "catalog-elig__certbox" }, certList, addCert);
  form.append(el("fieldset", {},
    el("legend", { text: "证书" }),
    field(id("certificates"), "是否持有职业或技能证书、职称证书",
      select(id("certificates"), "certificates", [...unanswered, ["none", "没有"], ["some", "有（请在下方逐本添加）"]])),
    certBox,
  ));

  const roleBoxes = rules.roles.map((role) => el("div", { class: "catalog-elig__check" },
    el("input", { type: "checkbox", id: id(`role-${role.id}`), name: "roles", value: role.id }),
    el("label", { for: id(`role-${role.id}`), text: role.name })));
  form.append(el("fieldset", {},
    el("legend", { text: "人员身份（可多选；都不勾选表示未回答）" }),
    ...roleBoxes,
    el("div", { class: "catalog-elig__check" },
      el("input", { type: "checkbox", id: id("roles-none"), name: "roles-none", value: "none" }),
      el("label", { for: id("roles-none"), text: "以上都不是" })),
  ));

  form.append(el("fieldset", {},
    el("legend", { text: "培训" }),
    field(id("training_hours_met"), QUESTIONS.training_hours_met,
      select(id("training_hours_met"), "training_hours_met", [...unanswered, ...YES_NO.training_hours_met])),
  ));

  form.append(el("div", { class: "catalog-elig__actions" },
    el("button", { type: "submit", class: "md-button md-button--primary", text: "查看结果" }),
    el("button", { type: "button", class: "md-button catalog-elig__reset", text: "清空全部回答" })));
  return { form, certList, certBox, addCert };
}

function certificateRow(widget, rules, cert = {}) {
  widget.certCount += 1;
  const n = widget.certCount;
  const id = (name) => `${widget.prefix}-cert${n}-${name}`;
  const scheme = select(id("scheme"), "cert-scheme", [["", "请选择"], ...rules.schemes.map((s) => [s.id, s.name])]);
  const level = select(id("level"), "cert-level", [["", "请选择"]]);
  const years = el("input", { id: id("years"), name: "cert-years", type: "number", min: "0", step: "0.1", inputmode: "decimal" });
  const legend = el("legend");
  const remove = el("button", { type: "button", class: "md-button catalog-elig__remove" });
  const setLevels = () => {
    const spec = rules.schemes.find((s) => s.id === scheme.value);
    const keep = level.value;
    level.replaceChildren(el("option", { value: "", text: "请选择" }),
      ...(spec ? spec.levels : []).map((lv) => el("option", { value: lv, text: rules.level_names[lv] ?? lv })));
    if (spec && spec.levels.includes(keep)) level.value = keep;
  };
  scheme.addEventListener("change", setLevels);
  scheme.value = cert.scheme ?? "";
  setLevels();
  level.value = cert.level ?? "";
  years.value = cert.years_held == null ? "" : formatNumber(cert.years_held);
  const row = el("li", { class: "catalog-elig__cert" }, el("fieldset", {},
    legend,
    field(id("scheme"), "证书类别", scheme),
    field(id("level"), "证书级别", level),
    field(id("years"), "已持证年限（年）", years, "从取得证书到现在的年数，例如 1；不清楚可以不填。"),
    remove));
  remove.addEventListener("click", () => {
    row.remove();
    renumber(widget);
    widget.addCert.focus();
    widget.update(true);
  });
  return row;
}

function renumber(widget) {
  widget.certList.querySelectorAll(":scope > li").forEach((row, i) => {
    row.querySelector("legend").textContent = `证书 ${i + 1}`;
    row.querySelector(".catalog-elig__remove").textContent = `删除证书 ${i + 1}`;
  });
}

function readForm(widget) {
  const form = widget.form;
  const value = (name) => (form.elements.namedItem(name) ? form.elements.namedItem(name).value : "");
  const profile = {};
  if (value("education")) profile.education = value("education");
  for (const name of BOOLEAN_FIELDS) {
    if (value(name) === "true" || value(name) === "false") profile[name] = value(name) === "true";
  }
  const years = value("experience_years").trim();
  if (YEARS.test(years)) profile.experience_years = Number(years);
  if (value("certificates") === "none") profile.certificates = [];
  if (value("certificates") === "some") {
    const certs = [];
    for (const row of widget.certList.querySelectorAll(":scope > li")) {
      const scheme = row.querySelector("[name=cert-scheme]").value;
      const level = row.querySelector("[name=cert-level]").value;
      const held = row.querySelector("[name=cert-years]").value.trim();
      if (!scheme || !level) continue;
      certs.push(YEARS.test(held) ? { scheme, level, years_held: Number(held) } : { scheme, level });
    }
    if (certs.length) profile.certificates = certs;
  }
  const roles = [...form.querySelectorAll("input[name=roles]:checked")].map((box) => box.value);
  if (roles.length) profile.roles = roles;
  else if (form.querySelector("input[name=roles-none]").checked) profile.roles = [];
  return profile;
}

function fillForm(widget, rules, profile) {
  const form = widget.form;
  const set = (name, v) => { form.elements.namedItem(name).value = v; };
  set("education", profile.education ?? "");
  for (const name of BOOLEAN_FIELDS) set(name, profile[name] === undefined ? "" : String(profile[name]));
  set("experience_years", profile.experience_years === undefined ? "" : formatNumber(profile.experience_years));
  widget.certList.replaceChildren();
  if (profile.certificates === undefined) set("certificates", "");
  else if (profile.certificates.length === 0) set("certificates", "none");
  else {
    set("certificates", "some");
    for (const cert of profile.certificates) widget.certList.append(certificateRow(widget, rules, cert));
  }
  renumber(widget);
  for (const box of form.querySelectorAll("input[name=roles]")) box.checked = (profile.roles ?? []).includes(box.value);
  form.querySelector("input[name=roles-none]").checked = Array.isArray(profile.roles) && profile.roles.length === 0;
  showCertificates(widget);
}

function showCertificates(widget) {
  widget.certBox.hidden = widget.form.elements.namedItem("certificates").value !== "some";
}

function markItem(value, text) {
  const [mark, spoken] = MARK[String(value)];
  return el("li", { class: "catalog-elig__cond", "data-value": String(value) },
    el("span", { class: "catalog-elig__mark", "aria-hidden": "true", text: mark }),
    el("span", { class: "catalog-elig__sr", text: `${spoken}：` }),
    text);
}

function routeItem(entry) {
  return el("li", { class: "catalog-elig__route" },
    el("span", { class: "catalog-elig__clause", text: `第 ${entry.route.clause} 条` }), " ",
    el("q", { text: entry.route.text }),
    el("ul", { class: "catalog-elig__conds" },
      ...entry.route.conditions.map((c, i) => markItem(entry.checks[i].value, c.description))));
}

function levelBlock(rules, levelSpec, result, headingLevel) {
  const status = result.status;
  const block = el("div", { class: "catalog-elig__level", "data-status": status, "data-level": result.level });
  block.append(heading(headingLevel, { class: "catalog-elig__level-title" },
    el("span", { class: "catalog-elig__mark", "aria-hidden": "true", text: STATUS_MARK[status] }), " ",
    `${levelSpec.name}：${rules.status[status]}`));
  if (status === "unpublished") {
    block.append(el("p", { text: "原文没有公布本级别的报考条件（标注“待定”或未列出），无法判断。" }));
    return block;
  }
  const metEntries = result.routes.filter((r) => r.value === true);
  if (metEntries.length) {
    block.append(el("p", { text: "符合以下条款：" }),
      el("ul", { class: "catalog-elig__routes" }, ...unique(metEntries, (r) => `${r.route.clause}\n${r.route.text}`).map(routeItem)));
  }
  if (status === "not_eligible") {
    if (result.nearest) {
      const entry = result.routes.find((r) => r.route.clause === result.nearest.clause && r.route.text === result.nearest.text && r.value !== true);
      block.append(el("p", { text: "没有符合的条款。最接近的是：" }), el("ul", { class: "catalog-elig__routes" }, routeItem(entry)));
    }
    block.append(el("p", { text: "还需要：" }),
      el("ul", { class: "catalog-elig__missing" }, ...result.missing.map((m) => el("li", { text: m }))));
  }
  if (status === "unknown") {
    block.append(el("p", { text: "还不能判断。回答以下问题后即可判断：" }),
      el("ul", { class: "catalog-elig__missing" }, ...result.missing.map((m) => el("li", { text: m }))));
    const open = result.routes.filter((r) => r.value === null);
    if (open.length && !metEntries.length) {
      block.append(el("details", { class: "catalog-elig__open" },
        el("summary", { text: `可能符合的条款（${open.length} 条）` }),
        el("ul", { class: "catalog-elig__routes" }, ...open.map(routeItem))));
    }
  }
  if (result.preconditions.length) {
    block.append(el("p", { text: "所有级别均须满足：" }),
      el("ul", { class: "catalog-elig__conds" },
        ...result.preconditions.map(({ precondition, check: c }) => markItem(c.value, precondition.text))));
  }
  return block;
}

function isEmpty(profile) {
  return Object.keys(profile).length === 0;
}

function render(widget, rules, profile) {
  const base = widget.headingLevel;
  const programs = widget.scope === "all"
    ? rules.programs.filter((p) => !p.shares_rules_with)
    : rules.programs.filter((p) => p.id === widget.scope);
  const details = [];
  const tally = { eligible: [], not_eligible: [], unknown: [], unpublished: [] };
  const statuses = [];
  for (const program of programs) {
    const result = evaluateProgram(rules, program.id, profile);
    const blocks = result.levels.map((lv, i) => {
      const spec = program.levels[i];
      tally[lv.status].push(spec.name.includes(program.name) ? spec.name : `${program.name}（${spec.name}）`);
      statuses.push([spec.name, lv.status]);
      const levelHeading = widget.scope === "all" ? base + 2 : base + 1;
      const block = levelBlock(rules, spec, lv, levelHeading);
      // plan: the next sessions, fees and materials of a level the reader can apply for
      if (NEXT_STEPS_FOR.has(lv.status)) {
        block.append(nextSteps(program.id, lv.level, readerToday(), queryString(profileToQuery(profile)), levelHeading + 1));
      }
      return block;
    });
    if (widget.scope === "all") {
      const sharing = rules.programs.filter((p) => p.shares_rules_with === program.id).map((p) => p.name);
      const link = el("a", { href: new URL(`../../programs/${program.id}/#eligibility`, import.meta.url).href, text: program.name });
      details.push(el("section", { class: "catalog-elig__program", "data-program": program.id },
        heading(base + 1, {}, link),
        sharing.length ? el("p", { class: "catalog-elig__sharing", text: `同一报考条件适用于以下专业：${sharing.join("、")}` }) : null,
        ...blocks));
    } else details.push(...blocks);
  }
  let summary;
  if (isEmpty(profile)) summary = "尚未回答任何问题。回答上面的问题后，这里会显示结果。";
  else if (widget.scope === "all") {
    const counts = ["eligible", "unknown", "not_eligible", "unpublished"]
      .filter((s) => tally[s].length).map((s) => `${rules.status[s]} ${tally[s].length} 项`).join("，");
    summary = `${counts}。` + (tally.eligible.length ? `可以报考：${tally.eligible.join("、")}。` : "");
  } else {
    summary = statuses.map(([name, status]) => `${name}：${rules.status[status]}`).join("；") + "。";
  }
  widget.summary.textContent = summary;
  widget.details.replaceChildren(...(isEmpty(profile) ? [] : details));
}

function mount(container, rules, n) {
  const prefix = n ? `elig${n + 1}` : "elig";
  const scope = container.dataset.program || "all";
  const headingLevel = Number(container.dataset.heading) || 3;
  const { form, certList, certBox, addCert } = buildForm(prefix, rules);
  const resultsTitle = `${prefix}-results-title`;
  const summary = el("p", { class: "catalog-elig__summary", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const details = el("div", { class: "catalog-elig__details" });
  const results = el("section", { class: "catalog-elig__results", "aria-labelledby": resultsTitle },
    heading(headingLevel, { id: resultsTitle, text: "自查结果" }), summary, details);
  const widget = { container, scope, headingLevel, prefix, form, certList, certBox, addCert, summary, details, certCount: 0 };

  widget.update = (push) => {
    const profile = readForm(widget);
    if (push) {
      const params = new URLSearchParams(window.location.search);
      for (const f of FIELDS) params.delete(f);
      const rest = queryString([...params.entries()]);
      const ours = queryString(profileToQuery(profile));
      const query = [ours, rest].filter(Boolean).join("&");
      const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
        window.history.pushState({ eligibility: true }, "", url);
      }
    }
    render(widget, rules, profile);
  };
  widget.restore = () => {
    fillForm(widget, rules, profileFromQuery(window.location.search, rules));
    render(widget, rules, readForm(widget));
  };

  form.addEventListener("change", (event) => {
    const target = event.target;
    if (target.name === "roles" && target.checked) form.querySelector("input[name=roles-none]").checked = false;
    if (target.name === "roles-none" && target.checked) {
      for (const box of form.querySelectorAll("input[name=roles]")) box.checked = false;
    }
    if (target.name === "certificates") {
      if (target.value === "some" && !certList.children.length) {
        certList.append(certificateRow(widget, rules));
        renumber(widget);
      }
      showCertificates(widget);
    }
    widget.update(true);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    widget.update(true);
  });
  addCert.addEventListener("click", () => {
    const row = certificateRow(widget, rules);
    certList.append(row);
    renumber(widget);
    row.querySelector("select").focus();
  });
  form.querySelector(".catalog-elig__reset").addEventListener("click", () => {
    fillForm(widget, rules, {});
    widget.update(true);
    form.elements.namedItem("education").focus();
  });

  container.replaceChildren(form, results);
  widget.restore();
  mounted.add(widget);
}

function setUp() {
  const containers = [...document.querySelectorAll("[data-eligibility-widget]")].filter((c) => !c.dataset.ready);
  for (const widget of [...mounted]) if (!document.contains(widget.container)) mounted.delete(widget);
  if (!containers.length) return;
  containers.forEach((c) => { c.dataset.ready = "1"; });
  // A programme page needs its own programme's rules only: the shared part and that programme's file
  // (generator/features/eligibility/rules_json.py, split_rules_json). The all-programmes page loads everything.
  const scopes = [...new Set(containers.map((c) => c.dataset.program || "all"))];
  const rules = scopes.includes("all")
    ? loadJson("data/eligibility-rules.json")
    : Promise.all([loadJson("data/eligibility/_common.json"), ...scopes.map((id) => loadJson(`data/eligibility/${id}.json`))])
      .then(([common, ...parts]) => ({ ...common, programs: parts.flatMap((part) => part.programs) }));
  rules.then(
    (rules) => containers.forEach((c, i) => mount(c, rules, i)),
    () => containers.forEach((c) => {
      c.replaceChildren(el("p", { class: "catalog-elig__error", role: "alert", text: "报考自查暂时无法加载报考条件数据。本页列出的报考条件原文不受影响，可以逐条对照。" }));
      delete c.dataset.ready;
    }),
  );
}

window.addEventListener("popstate", () => {
  for (const widget of mounted) if (document.contains(widget.container)) widget.restore();
});
onEveryPage(setUp);
