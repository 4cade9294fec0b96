// Eligibility self-check: the browser engine. No DOM; it runs in Node too (tests/js/run_vectors.mjs).
//
// It evaluates the rules JSON that generator/features/eligibility/rules_json.py emits
// (assets/data/eligibility-rules.json) with the same readings and the same messages as the Python
// engine (generator/features/eligibility/engine.py); every sentence comes from that JSON. The cases
// both engines must agree on are programs/cases/<id>.yaml (one file per programme) and
// tests/eligibility_vectors.yaml (cases about no one programme); docs/eligibility.md describes them.
// Nothing in this file names a programme or a clause: all of that is data.
//
// It also reads and writes the profile in a URL query (same field names as the JSON profile
// contract, see docs/eligibility.md), so the round trip is tested in Node with the engine.

import { fill } from "../dom.js";

export const FIELDS = [
  "education", "major_related", "student", "student_kind", "experience_years", "experience_continuous",
  "certificates", "roles", "training_hours_met",
];
export const BOOLEAN_FIELDS = ["major_related", "student", "experience_continuous", "training_hours_met"];

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

function check(value, needs = [], unanswered = [], yearsShort = 0, effort = 0, reasons = []) {
  return { value, needs, unanswered, yearsShort, effort, reasons };
}

/** Whether the candidate is a current student of one of `kinds` (null: any kind): [value, unanswered]. */
function enrolled(kinds, p) {
  const student = answer(p, "student");
  if (student === null) return [null, ["student"]];
  if (!student) return [false, []];
  if (kinds === null) return [true, []];
  const kind = answer(p, "student_kind");
  if (kind === null) return [null, ["student_kind"]];
  return [kinds.includes(kind), []];
}

function ladderRank(rules, level) {
  for (const [n, ladder] of rules.level_ladders.entries()) {
    const i = ladder.indexOf(level);
    if (i >= 0) return [n, i];
  }
  return null;
}

function checkEducation(rules, condition, p) {
  const m = rules.messages;
  const rule = condition.rule;
  const need = fill(rule.include_enrolled ? m.education_enrolled : m.education, {
    education: rules.education_names[rule.minimum],
  });
  const admitted = condition.admitted;
  const education = answer(p, "education");
  let level;
  let missing = [];
  let reasons = [];
  if (rules.education.every((e) => admitted.includes(e.id))) level = true; // 不限学历: nothing to ask
  else if (education === null) [level, missing] = [null, ["education"]];
  else if (admitted.includes(education)) level = true;
  else {
    [level, missing] = rule.include_enrolled ? enrolled(condition.enrolled_kinds, p) : [false, []];
    if (level !== true && rule.unclear.includes(education)) { // the wording leaves this level open
      level = null;
      reasons = [fill(m.education_unclear, {
        education: rules.education_names[rule.minimum], have: rules.education_names[education],
      })];
    }
  }
  const parts = [[level, reasons.length ? reasons[0] : need, missing]]; // an open wording: say so, not "needs"
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
    reasons,
  );
}

function checkStudent(rules, rule, p) {
  const kinds = rule === true ? null : rule;
  const [value, missing] = enrolled(kinds, p);
  const need = kinds === null ? rules.messages.student : fill(rules.messages.student_kinds, {
    kinds: kinds.map((k) => rules.student_kinds.find((s) => s.id === k).name).join(rules.list_separator),
  });
  return check(value, value ? [] : [need], missing, 0, value ? 0 : rules.effort.fixed);
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
    // met_by: the registry's certificates for a named scheme; null: any certificate but the programme's own.
    const same = condition.met_by === null ? !own.includes(cert.scheme) : condition.met_by.includes(cert.scheme);
    if (!same || !wanted || !held || held[0] !== wanted[0] || held[1] < wanted[1]) continue;
    if (!rule.years_held) values.push(true);
    else if (cert.years_held === undefined || cert.years_held === null) values.push(null);
    else values.push(cert.years_held >= rule.years_held);
  }
  const value = any(values);
  if (value === true) return check(true);
  return check(value, [need], value === null ? ["certificates"] : [], 0, rules.effort.certificate);
}

/** One condition: {value: true|false|null, needs, unanswered, yearsShort, effort, reasons}; `training`
 * names the training a training-hours condition asks for. */
export function checkCondition(rules, condition, p, own = [], training = "") {
  switch (condition.kind) {
    case "education":
      return checkEducation(rules, condition, p);
    case "experience":
      return checkExperience(rules, condition.rule, p);
    case "student":
      return checkStudent(rules, condition.rule, p);
    case "certificate":
      return checkCertificate(rules, condition, p, own);
    case "roles": {
      const roles = answer(p, "roles");
      const value = roles === null ? null : roles.some((r) => condition.rule.includes(r));
      const need = fill(rules.messages.roles, { roles: condition.role_names.join(rules.list_separator) });
      return check(value, value ? [] : [need], value === null ? ["roles"] : [], 0, value ? 0 : rules.effort.fixed);
    }
    case "training_hours_met": {
      const value = answer(p, "training_hours_met");
      const need = fill(rules.messages.training_hours_met, { training });
      return check(value, value ? [] : [need], value === null ? ["training_hours_met"] : [], 0,
        value ? 0 : rules.effort.training_hours_met);
    }
    default:
      throw new Error(`unknown condition kind: ${condition.kind}`);
  }
}

export function unique(items, key) {
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
  const preChecks = program.preconditions.map((pre) => checkCondition(rules, pre.condition, profile, own, pre.text));
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
  const onlyTraining = program.preconditions.every((pre, i) => preChecks[i].value === true
    || (preChecks[i].value === false && pre.condition.kind === "training_hours_met"));
  if (anyRoute === true && onlyTraining) { // only the programme's training is left: say so, naming it
    const needs = preChecks.filter((c) => c.value !== true).flatMap((c) => c.needs);
    return { ...details, status: "needs_training", missing: unique(needs, (n) => n) };
  }
  if (outcome === null) {
    const open = preChecks.filter((c) => c.value === null);
    if (anyRoute === null) {
      routeChecks.forEach((checks, i) => { if (routeValues[i] === null) open.push(...checks); });
    }
    const fields = new Set(open.flatMap((c) => c.unanswered));
    const ordered = rules.fields.filter((f) => fields.has(f.id));
    const missing = [
      ...ordered.map((f) => fill(rules.messages.unanswered, { label: f.label })),
      ...unique(open.flatMap((c) => c.reasons), (r) => r),
    ];
    return { ...details, status: "unknown", missing, unanswered: ordered.map((f) => f.id) };
  }
  let nearest = null;
  const needs = [];
  if (anyRoute !== true) {
    let best = null;
    // Fewest unmet conditions other than experience, then least effort, then fewest unmet, then
    // fewest further years of work, then source order (see generator/features/eligibility/engine.py).
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

export const YEARS = /^\d+(\.\d+)?$/;

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
  const kind = params.get("student_kind");
  if (rules.student_kinds.some((k) => k.id === kind)) profile.student_kind = kind;
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

export function queryString(pairs) {
  // Readable URLs: keep ":" and "," as they are; they are safe in a query value.
  const enc = (s) => encodeURIComponent(s).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&");
}
