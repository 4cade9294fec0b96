// Eligibility self-check: the browser engine and the widget around it.
//
// The engine (the exported functions) evaluates the rules JSON that generator/eligibility.py emits
// (assets/data/eligibility-rules.json) with the same readings and the same messages as the Python
// engine; every sentence comes from that JSON. tests/eligibility_vectors.yaml holds the cases both
// engines must agree on (tests/js/run_vectors.mjs runs them here, in Node). Nothing in this file
// names a programme or a clause: all of that is data.
//
// The widget runs only in a browser: it mounts on every [data-eligibility-widget] element, keeps the
// answers in the URL query (same field names as the JSON profile contract, see docs/eligibility.md),
// and is set up inside Material's document$ subscription.

import { el, loadJson } from "./dom.js";

export const FIELDS = [
  "education", "major_related", "student", "experience_years", "experience_continuous",
  "certificates", "roles", "training_hours_met",
];
const BOOLEAN_FIELDS = ["major_related", "student", "experience_continuous", "training_hours_met"];

// --- engine -------------------------------------------------------------------------------------

function all(values) {
  if (values.some((v) => v === false)) return false;
  return values.some((v) => v === null) ? null : true;
}

function any(values) {
  if (values.some((v) => v === true)) return true;
  return values.some((v) => v === null) ? null : false;
}

function answer(profile, field) {
  const value = profile ? profile[field] : undefined;
  return value === undefined ? null : value;
}

/** A number as both engines print it: 3 → "3", 0.5 → "0.5". */
export function formatNumber(value) {
  return String(value);
}

/** The shortfall, rounded up to 0.01 year, so "还需" never understates it. */
export function gapYears(required, have) {
  return formatNumber(Math.ceil((required - have) * 100 - 1e-9) / 100);
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
}

function check(value, needs = [], unanswered = [], yearsShort = 0, effort = 0) {
  return { value, needs, unanswered, yearsShort, effort };
}

function educationRanks(rules) {
  return Object.fromEntries(rules.education.map((e) => [e.id, e.rank]));
}

function ladderRank(rules, level) {
  for (const [n, ladder] of rules.level_ladders.entries()) {
    const i = ladder.indexOf(level);
    if (i >= 0) return [n, i];
  }
  return null;
}

function checkEducation(rules, rule, p) {
  const m = rules.messages;
  const ranks = educationRanks(rules);
  const need = fill(rule.include_enrolled ? m.education_enrolled : m.education, {
    education: rules.education_names[rule.minimum],
  });
  const required = ranks[rule.minimum];
  const education = answer(p, "education");
  const student = answer(p, "student");
  let level;
  let missing = [];
  if (required === 0) level = true;
  else if (education === null) [level, missing] = [null, ["education"]];
  else if (ranks[education] >= required) level = true;
  else if (rule.include_enrolled && ranks[education] + 1 >= required) {
    [level, missing] = [student, student === null ? ["student"] : []];
  } else level = false;
  const parts = [[level, need, missing]];
  if (rule.major === "related") {
    const related = answer(p, "major_related");
    parts.push([related, m.major_related, related === null ? ["major_related"] : []]);
  }
  const value = all(parts.map(([v]) => v));
  const effort = value === true ? 0 : Math.max(
    ...parts.map(([v], i) => (v === true ? -Infinity : i === 0 ? rules.effort.education : rules.effort.fixed)));
  return check(
    value,
    parts.filter(([v]) => v !== true).map(([, n]) => n),
    parts.filter(([v]) => v === null).flatMap(([, , f]) => f),
    0,
    effort,
  );
}

function checkExperience(rules, rule, p) {
  const m = rules.messages;
  const years = formatNumber(rule.years);
  const need = fill(rule.continuous ? m.experience_continuous : m.experience, { years });
  const have = answer(p, "experience_years");
  const continuous = answer(p, "experience_continuous");
  if (rule.continuous && continuous === false) return check(false, [need], [], rule.years);
  if (have === null) {
    const unanswered = ["experience_years"];
    if (rule.continuous && continuous === null) unanswered.push("experience_continuous");
    return check(null, [need], unanswered, rule.years);
  }
  if (have < rule.years) {
    const gap = gapYears(rule.years, have);
    const text = fill(rule.continuous ? m.experience_gap_continuous : m.experience_gap, { gap });
    return check(false, [text], [], rule.years - have);
  }
  if (!rule.continuous || continuous === true) return check(true);
  return check(null, [need], ["experience_continuous"], rule.years);
}

function checkCertificate(rules, condition, p, own) {
  const m = rules.messages;
  const rule = condition.rule;
  const scheme = condition.scheme_name;
  const level = rules.level_names[rule.level] ?? rule.level;
  const need = rule.years_held
    ? fill(m.certificate_years, { scheme, level, years: formatNumber(rule.years_held) })
    : fill(m.certificate, { scheme, level });
  const certificates = answer(p, "certificates");
  if (certificates === null) return check(null, [need], ["certificates"], 0, rules.effort.certificate);
  const wanted = ladderRank(rules, rule.level);
  const values = [];
  for (const cert of certificates) {
    const held = ladderRank(rules, cert.level);
    const same = cert.scheme === rule.scheme || (rule.scheme === "other" && !own.includes(cert.scheme));
    if (!same || !wanted || !held || held[0] !== wanted[0] || held[1] < wanted[1]) continue;
    if (!rule.years_held) values.push(true);
    else if (cert.years_held === undefined || cert.years_held === null) values.push(null);
    else values.push(cert.years_held >= rule.years_held);
  }
  const value = any(values);
  if (value === true) return check(true);
  return check(value, [need], value === null ? ["certificates"] : [], 0, rules.effort.certificate);
}

function checkFlag(rules, field, p, effort) {
  const value = answer(p, field);
  return check(value, value ? [] : [rules.messages[field]], value === null ? [field] : [], 0, value ? 0 : effort);
}

/** One condition: {value: true|false|null, needs, unanswered, yearsShort}. */
export function checkCondition(rules, condition, p, own = []) {
  switch (condition.kind) {
    case "education":
      return checkEducation(rules, condition.rule, p);
    case "experience":
      return checkExperience(rules, condition.rule, p);
    case "student":
      return checkFlag(rules, "student", p, rules.effort.fixed);
    case "certificate":
      return checkCertificate(rules, condition, p, own);
    case "roles": {
      const roles = answer(p, "roles");
      const value = roles === null ? null : roles.some((r) => condition.rule.includes(r));
      const need = fill(rules.messages.roles, { roles: condition.role_names.join("、") });
      return check(value, value ? [] : [need], value === null ? ["roles"] : [], 0, value ? 0 : rules.effort.fixed);
    }
    case "training_hours_met":
      return checkFlag(rules, "training_hours_met", p, rules.effort.training_hours_met);
    default:
      throw new Error(`unknown condition kind: ${condition.kind}`);
  }
}

function unique(items, key) {
  const seen = new Set();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function routeRef(route) {
  return { clause: route.clause, text: route.text };
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** One level of one programme (or its single "all" entry), with the details the widget shows. */
export function evaluateLevel(rules, program, level, profile) {
  const base = { level: level.id, met_routes: [], missing: [], nearest: null, unanswered: [], routes: [], preconditions: [] };
  if (level.status === "unpublished") return { ...base, status: "unpublished" };
  const own = program.own_schemes;
  const routeChecks = level.routes.map((r) => r.conditions.map((c) => checkCondition(rules, c, profile, own)));
  const routeValues = routeChecks.map((checks) => all(checks.map((c) => c.value)));
  const preChecks = program.preconditions.map((pre) => checkCondition(rules, pre.condition, profile, own));
  const anyRoute = any(routeValues);
  const outcome = all([anyRoute, ...preChecks.map((c) => c.value)]);
  const met = unique(
    level.routes.filter((_, i) => routeValues[i] === true).map(routeRef),
    (r) => JSON.stringify([r.clause, r.text]),
  );
  const details = {
    ...base,
    met_routes: met,
    routes: level.routes.map((route, i) => ({ route, value: routeValues[i], checks: routeChecks[i] })),
    preconditions: program.preconditions.map((pre, i) => ({ precondition: pre, check: preChecks[i] })),
  };
  if (outcome === true) return { ...details, status: "eligible" };
  if (outcome === null) {
    const fields = new Set();
    for (const c of preChecks) if (c.value === null) c.unanswered.forEach((f) => fields.add(f));
    if (anyRoute === null) {
      routeChecks.forEach((checks, i) => {
        if (routeValues[i] === null) checks.forEach((c) => c.unanswered.forEach((f) => fields.add(f)));
      });
    }
    const ordered = rules.fields.filter((f) => fields.has(f.id));
    const missing = ordered.map((f) => fill(rules.messages.unanswered, { label: f.label, field: f.id }));
    return { ...details, status: "unknown", missing, unanswered: ordered.map((f) => f.id) };
  }
  let nearest = null;
  const needs = [];
  if (anyRoute !== true) {
    let best = null;
    // Fewest unmet conditions other than experience, then least effort, then fewest unmet, then
    // fewest further years of work, then source order (see generator/eligibility.py).
    routeChecks.forEach((checks, i) => {
      const unmet = checks.map((c, j) => [level.routes[i].conditions[j], c]).filter(([, c]) => c.value !== true);
      const key = [
        unmet.filter(([cond]) => cond.kind !== "experience").length,
        unmet.reduce((sum, [, c]) => sum + c.effort, 0),
        unmet.length,
        unmet.reduce((sum, [, c]) => sum + c.yearsShort, 0),
        i,
      ];
      if (best === null || compareKeys(key, best) < 0) best = key;
    });
    const index = best[best.length - 1];
    nearest = routeRef(level.routes[index]);
    for (const c of routeChecks[index]) if (c.value !== true) needs.push(...c.needs);
  }
  for (const c of preChecks) if (c.value !== true) needs.push(...c.needs);
  return { ...details, status: "not_eligible", nearest, missing: unique(needs, (n) => n) };
}

/** Every level of one programme: {program, levels: [{level, status, met_routes, missing, …details}]}. */
export function evaluateProgram(rules, programId, profile) {
  const program = rules.programs.find((p) => p.id === programId);
  if (!program) throw new Error(`unknown programme: ${programId}`);
  return { program: program.id, levels: program.levels.map((level) => evaluateLevel(rules, program, level, profile)) };
}

/** The public result shape, as `catalog check --format json` prints it. */
export function publicResult(result) {
  return {
    program: result.program,
    levels: result.levels.map((lv) => ({
      level: lv.level, status: lv.status, met_routes: lv.met_routes, missing: lv.missing,
    })),
  };
}

// --- the profile in the URL query ------------------------------------------------------------------
// Same field names as the JSON contract. Booleans are true/false; experience_years is a decimal;
// roles is a comma-separated list; certificates is a comma-separated list of scheme:level or
// scheme:level:years_held. An empty value (roles=, certificates=) means "none"; an absent one,
// not answered.

const YEARS = /^\d+(\.\d+)?$/;

export function profileToQuery(profile) {
  const pairs = [];
  for (const field of FIELDS) {
    const value = answer(profile, field);
    if (value === null) continue;
    if (field === "certificates") {
      const items = value.map((c) => [c.scheme, c.level, ...(c.years_held == null ? [] : [formatNumber(c.years_held)])].join(":"));
      pairs.push([field, items.join(",")]);
    } else if (field === "roles") pairs.push([field, value.join(",")]);
    else pairs.push([field, String(value)]);
  }
  return pairs;
}

/** Read a profile from a query string; values the rules do not know are left unanswered. */
export function profileFromQuery(search, rules) {
  const params = new URLSearchParams(search);
  const profile = {};
  const education = params.get("education");
  if (rules.education.some((e) => e.id === education)) profile.education = education;
  for (const field of BOOLEAN_FIELDS) {
    const value = params.get(field);
    if (value === "true" || value === "false") profile[field] = value === "true";
  }
  const years = params.get("experience_years");
  if (years !== null && YEARS.test(years)) profile.experience_years = Number(years);
  const certs = params.get("certificates");
  if (certs !== null) {
    const parsed = certs.split(",").filter(Boolean).map((item) => {
      const [scheme, level, held, ...rest] = item.split(":");
      const spec = rules.schemes.find((s) => s.id === scheme);
      if (!spec || !spec.levels.includes(level) || rest.length) return null;
      if (held === undefined || held === "") return { scheme, level };
      return YEARS.test(held) ? { scheme, level, years_held: Number(held) } : null;
    });
    const valid = parsed.filter(Boolean);
    if (certs === "" || valid.length) profile.certificates = valid;
  }
  const roles = params.get("roles");
  if (roles !== null) {
    const valid = roles.split(",").filter((r) => rules.roles.some((known) => known.id === r));
    if (roles === "" || valid.length) profile.roles = valid;
  }
  return profile;
}

function queryString(pairs) {
  // Readable URLs: keep ":" and "," as they are; they are safe in a query value.
  const enc = (s) => encodeURIComponent(s).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&");
}

// --- widget (browser only) ---------------------------------------------------------------------------

const IN_BROWSER = typeof window !== "undefined" && typeof document !== "undefined";
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
      return levelBlock(rules, spec, lv, widget.scope === "all" ? base + 2 : base + 1);
    });
    if (widget.scope === "all") {
      const sharing = rules.programs.filter((p) => p.shares_rules_with === program.id).map((p) => p.name);
      const link = el("a", { href: new URL(`../programs/${program.id}/#eligibility`, import.meta.url).href, text: program.name });
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
  // (generator/eligibility.py, split_rules_json). The all-programmes page loads everything.
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

if (IN_BROWSER) {
  window.addEventListener("popstate", () => {
    for (const widget of mounted) if (document.contains(widget.container)) widget.restore();
  });
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp); // eslint-disable-line no-undef
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}
