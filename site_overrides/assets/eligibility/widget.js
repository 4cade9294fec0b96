// Eligibility self-check: the widget around the browser engine (./engine.js). Browser only.
//
// It mounts on every [data-eligibility-widget] element, keeps the answers in the URL query (same
// field names as the JSON profile contract, see docs/eligibility.md), and is set up inside Material's
// document$ subscription. Every word it shows comes from the edition's rules JSON (`ui`, `fields`,
// `status`, `messages`; generator/features/eligibility/wording.py): questions are the profile fields'
// labels; sentences about the rules come through the engine. Source quotes keep the source's language.
//
// On a programme page it loads the shared part and that programme's rules. On /eligibility/ it lists the
// programmes the page lists ([data-eligibility-program]) and fetches rules only for results it shows:
// every programme at once when there are few (rules.eager_limit), else each one as the reader opens it.

import { el, fill, loadJson, onEveryPage } from "../dom.js";
import {
  BOOLEAN_FIELDS, FIELDS, YEARS, evaluateProgram, formatNumber, profileFromQuery, profileToQuery, queryString, unique,
} from "./engine.js";
// plan: what comes after "you can apply" (assets/plan/nextsteps.js)
import { readerToday } from "../calendar/sessions.js";
import { nextSteps } from "../plan/nextsteps.js";

const STATUS_MARK = { eligible: "✓", needs_training: "△", not_eligible: "✗", unknown: "?", unpublished: "–" };
const COMMON = "data/eligibility/_common.json";
const ALL_RULES = "data/eligibility-rules.json";
const mounted = new Set();
// plan: the statuses whose result leads on to dates, fees and materials
const NEXT_STEPS_FOR = new Set(["eligible", "needs_training"]);

function heading(level, attrs, ...children) {
  return el(`h${Math.min(6, Math.max(2, level))}`, attrs, ...children);
}

function quote(rules, text) {
  return el("q", { lang: rules.source_lang, text });
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
  const ui = rules.ui;
  const id = (name) => `${prefix}-${name}`;
  const label = Object.fromEntries(rules.fields.map((f) => [f.id, f.label]));
  const unanswered = [["", ui.not_answered]];
  const yesNo = (name) => select(id(name), name, [...unanswered, ...ui.yes_no[name]]);
  const form = el("form", { class: "catalog-elig__form", novalidate: true, "aria-label": ui.form_label });

  const kind = field(id("student_kind"), label.student_kind,
    select(id("student_kind"), "student_kind", [...unanswered, ...rules.student_kinds.map((k) => [k.id, k.name])]));
  form.append(el("fieldset", {},
    el("legend", { text: ui.legend_education }),
    field(id("education"), label.education,
      select(id("education"), "education", [...unanswered, ...rules.education.map((e) => [e.id, e.name])]), ui.hint_education),
    field(id("major_related"), label.major_related, yesNo("major_related"), ui.hint_major),
    field(id("student"), label.student, yesNo("student")),
    kind,
  ));

  const years = el("input", { id: id("experience_years"), name: "experience_years", type: "number", min: "0", step: "0.1", inputmode: "decimal" });
  form.append(el("fieldset", {},
    el("legend", { text: ui.legend_experience }),
    field(id("experience_years"), label.experience_years, years, ui.hint_years),
    field(id("experience_continuous"), label.experience_continuous, yesNo("experience_continuous")),
  ));

  const certList = el("ul", { class: "catalog-elig__certs", "aria-label": ui.certificate_list });
  const addCert = el("button", { type: "button", class: "md-button catalog-elig__add", text: ui.add_certificate });
  const certBox = el("div", { class: "catalog-elig__certbox" }, certList, addCert);
  form.append(el("fieldset", {},
    el("legend", { text: ui.legend_certificates }),
    field(id("certificates"), label.certificates,
      select(id("certificates"), "certificates", [...unanswered, ["none", ui.certificates_none], ["some", ui.certificates_some]])),
    certBox,
  ));

  const roleBoxes = rules.roles.map((role) => el("div", { class: "catalog-elig__check" },
    el("input", { type: "checkbox", id: id(`role-${role.id}`), name: "roles", value: role.id }),
    el("label", { for: id(`role-${role.id}`), text: role.name })));
  form.append(el("fieldset", { "aria-describedby": id("roles-hint") },
    el("legend", { text: label.roles }),
    el("p", { id: id("roles-hint"), class: "catalog-elig__hint", text: ui.hint_roles }),
    ...roleBoxes,
    el("div", { class: "catalog-elig__check" },
      el("input", { type: "checkbox", id: id("roles-none"), name: "roles-none", value: "none" }),
      el("label", { for: id("roles-none"), text: ui.roles_none })),
  ));

  form.append(el("fieldset", {},
    el("legend", { text: ui.legend_training }),
    field(id("training_hours_met"), label.training_hours_met, yesNo("training_hours_met"), ui.hint_training),
  ));

  form.append(el("div", { class: "catalog-elig__actions" },
    el("button", { type: "submit", class: "md-button md-button--primary", text: ui.submit }),
    el("button", { type: "button", class: "md-button catalog-elig__reset", text: ui.reset })));
  return { form, certList, certBox, addCert, kind };
}

function certificateRow(widget, rules, cert = {}) {
  const ui = rules.ui;
  widget.certCount += 1;
  const n = widget.certCount;
  const id = (name) => `${widget.prefix}-cert${n}-${name}`;
  const scheme = select(id("scheme"), "cert-scheme", [["", ui.choose], ...rules.schemes.map((s) => [s.id, s.name])]);
  const level = select(id("level"), "cert-level", [["", ui.choose]]);
  const years = el("input", { id: id("years"), name: "cert-years", type: "number", min: "0", step: "0.1", inputmode: "decimal" });
  const legend = el("legend");
  const remove = el("button", { type: "button", class: "md-button catalog-elig__remove" });
  const setLevels = () => {
    const spec = rules.schemes.find((s) => s.id === scheme.value);
    const keep = level.value;
    level.replaceChildren(el("option", { value: "", text: ui.choose }),
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
    field(id("scheme"), ui.certificate_scheme, scheme),
    field(id("level"), ui.certificate_level, level),
    field(id("years"), ui.certificate_years, years, ui.hint_certificate_years),
    remove));
  remove.addEventListener("click", () => {
    row.remove();
    renumber(widget, rules);
    widget.addCert.focus();
    widget.update(true);
  });
  return row;
}

function renumber(widget, rules) {
  widget.certList.querySelectorAll(":scope > li").forEach((row, i) => {
    row.querySelector("legend").textContent = fill(rules.ui.certificate_n, { n: i + 1 });
    row.querySelector(".catalog-elig__remove").textContent = fill(rules.ui.remove_certificate_n, { n: i + 1 });
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
  // Where a student studies is asked only of students.
  if (profile.student === true && value("student_kind")) profile.student_kind = value("student_kind");
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
  set("student_kind", profile.student_kind ?? "");
  set("experience_years", profile.experience_years === undefined ? "" : formatNumber(profile.experience_years));
  widget.certList.replaceChildren();
  if (profile.certificates === undefined) set("certificates", "");
  else if (profile.certificates.length === 0) set("certificates", "none");
  else {
    set("certificates", "some");
    for (const cert of profile.certificates) widget.certList.append(certificateRow(widget, rules, cert));
  }
  renumber(widget, rules);
  for (const box of form.querySelectorAll("input[name=roles]")) box.checked = (profile.roles ?? []).includes(box.value);
  form.querySelector("input[name=roles-none]").checked = Array.isArray(profile.roles) && profile.roles.length === 0;
  showDependentQuestions(widget);
}

function showDependentQuestions(widget) {
  widget.certBox.hidden = widget.form.elements.namedItem("certificates").value !== "some";
  widget.kind.hidden = widget.form.elements.namedItem("student").value !== "true";
}

function markItem(rules, value, ...content) {
  return el("li", { class: "catalog-elig__cond", "data-value": String(value) },
    el("span", { class: "catalog-elig__mark", "aria-hidden": "true", text: { true: "✓", false: "✗", null: "?" }[String(value)] }),
    el("span", { class: "catalog-elig__sr", text: rules.ui.mark[String(value)] }),
    ...content);
}

function routeItem(rules, entry) {
  return el("li", { class: "catalog-elig__route" },
    el("span", { class: "catalog-elig__clause", lang: rules.source_lang, text: entry.route.clause }), " ",
    quote(rules, entry.route.text),
    el("ul", { class: "catalog-elig__conds" },
      ...entry.route.conditions.map((c, i) => markItem(rules, entry.checks[i].value, c.description))));
}

function list(className, items) {
  return el("ul", { class: className }, ...items.map((m) => el("li", { text: m })));
}

/** One level's result (or a programme's single `all` entry): its status, why, and the notes on its rules. */
function renderLevelResult(rules, levelSpec, result, headingLevel) {
  const ui = rules.ui;
  const status = result.status;
  const block = el("div", { class: "catalog-elig__level", "data-status": status, "data-level": result.level });
  block.append(heading(headingLevel, { class: "catalog-elig__level-title" },
    el("span", { class: "catalog-elig__mark", "aria-hidden": "true", text: STATUS_MARK[status] }), " ",
    fill(ui.level_status, { level: levelSpec.name, status: rules.status[status] })));
  if (status === "unpublished") {
    block.append(el("p", { text: ui.unpublished }));
    return block;
  }
  const metEntries = result.routes.filter((r) => r.value === true);
  if (metEntries.length) {
    block.append(el("p", { text: ui.met_intro }),
      el("ul", { class: "catalog-elig__routes" },
        ...unique(metEntries, (r) => `${r.route.clause}\n${r.route.text}`).map((r) => routeItem(rules, r))));
  }
  if (status === "needs_training") {
    block.append(el("p", { text: ui.training_intro }), list("catalog-elig__missing", result.missing));
  }
  if (status === "not_eligible") {
    if (result.nearest) {
      const entry = result.routes.find((r) => r.route.clause === result.nearest.clause && r.route.text === result.nearest.text && r.value !== true);
      block.append(el("p", { text: ui.nearest_intro }), el("ul", { class: "catalog-elig__routes" }, routeItem(rules, entry)));
    }
    block.append(el("p", { text: ui.needs_intro }), list("catalog-elig__missing", result.missing));
  }
  if (status === "unknown") {
    block.append(el("p", { text: ui.unknown_intro }), list("catalog-elig__missing", result.missing));
    const open = result.routes.filter((r) => r.value === null);
    if (open.length && !metEntries.length) {
      block.append(el("details", { class: "catalog-elig__open" },
        el("summary", { text: fill(ui.open_routes, { n: open.length }) }),
        el("ul", { class: "catalog-elig__routes" }, ...open.map((r) => routeItem(rules, r)))));
    }
  }
  if (result.preconditions.length) {
    block.append(el("p", { text: ui.preconditions_intro }),
      el("ul", { class: "catalog-elig__conds" },
        ...result.preconditions.map(({ precondition, check: c }) => markItem(rules, c.value, quote(rules, precondition.text)))));
  }
  if (levelSpec.notes.length) {
    block.append(el("p", { text: ui.notes_intro }),
      el("ul", { class: "catalog-elig__notes" }, ...levelSpec.notes.map((n) => el("li", { lang: rules.source_lang, text: n.text }))));
  }
  return block;
}

function isEmpty(profile) {
  return Object.keys(profile).length === 0;
}

/** Every level of one programme: [blocks, [[display name, status]]]. */
function programResult(widget, rules, program, profile, headingLevel) {
  const result = evaluateProgram(rules, program.id, profile);
  const statuses = [];
  const blocks = result.levels.map((lv, i) => {
    const spec = program.levels[i];
    const name = spec.name.includes(program.name)
      ? spec.name : fill(rules.ui.program_level, { program: program.name, level: spec.name });
    statuses.push([widget.scope === "all" ? name : spec.name, lv.status]);
    const block = renderLevelResult(rules, spec, lv, headingLevel);
    // plan: the next sessions, fees and materials of a level the reader can apply for
    if (NEXT_STEPS_FOR.has(lv.status)) {
      block.append(nextSteps(program.id, lv.level, readerToday(), queryString(profileToQuery(profile)), headingLevel + 1));
    }
    return block;
  });
  return [blocks, statuses];
}

// --- a programme page ---------------------------------------------------------------------------------

function renderProgramme(widget, rules, profile) {
  const ui = rules.ui;
  const program = rules.programs.find((p) => p.id === widget.scope);
  const [blocks, statuses] = programResult(widget, rules, program, profile, widget.headingLevel + 1);
  widget.summary.textContent = isEmpty(profile) ? ui.empty_summary
    : statuses.map(([name, status]) => fill(ui.level_status, { level: name, status: rules.status[status] }))
      .join(ui.summary_levels_separator) + ui.summary_end;
  widget.details.replaceChildren(...(isEmpty(profile) ? [] : blocks));
}

// --- /eligibility/: the programmes the page lists, each fetched when its result is shown ------------------

function programRules(widget, id) {
  return widget.loaded.get(id) ?? null;
}

function loadProgramme(widget, id) {
  return loadJson(`data/eligibility/${id}.json`).then((part) => {
    for (const p of part.programs) widget.loaded.set(p.id, p);
  });
}

function loadEverything(widget) {
  return loadJson(ALL_RULES).then((all) => {
    for (const p of all.programs) widget.loaded.set(p.id, p);
  });
}

function renderCatalogue(widget, rules, profile) {
  const ui = rules.ui;
  const base = widget.headingLevel;
  const tally = { eligible: [], needs_training: [], not_eligible: [], unknown: [], unpublished: [] };
  let checked = 0;
  const joined = { ...rules, programs: [...widget.loaded.values()] };
  for (const entry of widget.entries) {
    const program = programRules(widget, entry.id);
    if (!program || !entry.node.open) continue;
    const [blocks, statuses] = programResult(widget, joined, program, profile, base + 2);
    const sharing = [...widget.loaded.values()].filter((p) => p.shares_rules_with === program.id).map((p) => p.name);
    entry.body.replaceChildren(
      entry.link,
      sharing.length ? el("p", { class: "catalog-elig__sharing", text: fill(ui.sharing, { names: sharing.join(rules.list_separator) }) }) : "",
      ...blocks);
    entry.node.dataset.checked = "1";
    checked += 1;
    for (const [name, status] of statuses) tally[status].push(name);
  }
  if (isEmpty(profile)) {
    widget.summary.textContent = ui.empty_summary;
    widget.details.hidden = true;
    return;
  }
  widget.details.hidden = false;
  const counts = ["eligible", "needs_training", "unknown", "not_eligible", "unpublished"]
    .filter((s) => tally[s].length).map((s) => fill(ui.summary_count, { status: rules.status[s], n: tally[s].length }))
    .join(ui.summary_counts_separator);
  const eligible = tally.eligible.length ? fill(ui.summary_eligible, { names: tally.eligible.join(rules.list_separator) }) : "";
  const pending = checked < widget.entries.length ? ` ${fill(ui.summary_pending, { n: checked })}` : "";
  widget.summary.textContent = (counts ? `${counts}${ui.summary_end}` : "") + eligible + pending;
}

function buildCatalogue(widget, rules) {
  const ui = rules.ui;
  const links = [...document.querySelectorAll("[data-eligibility-program]")];
  widget.loaded = new Map();
  widget.entries = links.map((link) => {
    const id = link.dataset.eligibilityProgram;
    const body = el("div", { class: "catalog-elig__program-body" });
    // The programme's name opens its result; the link to its rules sits inside (a link in a summary
    // would be a control inside a control).
    const node = el("details", { class: "catalog-elig__program", "data-program": id },
      el("summary", {}, heading(widget.headingLevel + 1, { class: "catalog-elig__program-title", text: link.textContent })), body);
    const rulesLink = el("p", {}, el("a", { href: link.href, text: ui.rules_link }));
    node.addEventListener("toggle", () => {
      if (!node.open) return;
      (widget.loaded.has(id) ? Promise.resolve() : loadProgramme(widget, id)).then(() => widget.update(false));
    });
    return { id, node, body, link: rulesLink };
  });
  const showAll = el("button", { type: "button", class: "md-button catalog-elig__all", text: ui.show_all });
  showAll.addEventListener("click", () => widget.openAll());
  widget.openAll = () => loadEverything(widget).then(() => {
    for (const entry of widget.entries) entry.node.open = true;
    widget.update(false);
  });
  widget.details.replaceChildren(showAll, ...widget.entries.map((e) => e.node));
}

function mount(container, rules, n) {
  const ui = rules.ui;
  const prefix = n ? `elig${n + 1}` : "elig";
  const scope = container.dataset.program || "all";
  const headingLevel = Number(container.dataset.heading) || 3;
  const { form, certList, certBox, addCert, kind } = buildForm(prefix, rules);
  const resultsTitle = `${prefix}-results-title`;
  const summary = el("p", { class: "catalog-elig__summary", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const details = el("div", { class: "catalog-elig__details" });
  const results = el("section", { class: "catalog-elig__results", "aria-labelledby": resultsTitle },
    heading(headingLevel, { id: resultsTitle, text: ui.results_title }), summary, details);
  const widget = { container, scope, headingLevel, prefix, form, certList, certBox, addCert, kind, summary, details, certCount: 0 };
  const render = scope === "all" ? renderCatalogue : renderProgramme;
  if (scope === "all") buildCatalogue(widget, rules);

  const show = (profile) => {
    // Few programmes: every result as soon as there are answers, from one file.
    if (scope === "all" && !isEmpty(profile) && widget.entries.length <= rules.eager_limit
        && widget.loaded.size < widget.entries.length) {
      widget.openAll();
    }
    render(widget, rules, profile);
  };
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
    show(profile);
  };
  widget.restore = () => {
    fillForm(widget, rules, profileFromQuery(window.location.search, rules));
    show(readForm(widget));
  };

  form.addEventListener("change", (event) => {
    const target = event.target;
    if (target.name === "roles" && target.checked) form.querySelector("input[name=roles-none]").checked = false;
    if (target.name === "roles-none" && target.checked) {
      for (const box of form.querySelectorAll("input[name=roles]")) box.checked = false;
    }
    if (target.name === "certificates" && target.value === "some" && !certList.children.length) {
      certList.append(certificateRow(widget, rules));
      renumber(widget, rules);
    }
    showDependentQuestions(widget);
    widget.update(true);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    widget.update(true);
  });
  addCert.addEventListener("click", () => {
    const row = certificateRow(widget, rules);
    certList.append(row);
    renumber(widget, rules);
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
  // (generator/features/eligibility/rules_json.py, program_files). /eligibility/ starts with the shared part.
  const ids = [...new Set(containers.map((c) => c.dataset.program || "all"))].filter((id) => id !== "all");
  const rules = Promise.all([loadJson(COMMON), ...ids.map((id) => loadJson(`data/eligibility/${id}.json`))])
    .then(([common, ...parts]) => ({ ...common, programs: parts.flatMap((part) => part.programs) }));
  rules.then(
    (loaded) => containers.forEach((c, i) => mount(c, loaded, i)),
    // The words are in the data too: without the shared part there is nothing to say, and the page's
    // rules in words are still there.
    () => loadJson(COMMON).then((common) => containers.forEach((c) => {
      c.replaceChildren(el("p", { class: "catalog-elig__error", role: "alert", text: common.ui.load_error }));
      delete c.dataset.ready;
    }), () => containers.forEach((c) => { delete c.dataset.ready; })),
  );
}

window.addEventListener("popstate", () => {
  for (const widget of mounted) if (document.contains(widget.container)) widget.restore();
});
onEveryPage(setUp);
