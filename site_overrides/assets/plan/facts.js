// The facts of one pick (programme + level), as both the self-check's next steps (./nextsteps.js)
// and the plan page (./page.js) show them: sessions and their milestones, fees with their
// conditions, materials and photo rules. Every sentence comes from assets/data/plan/<id>.json
// (generator/features/plan.py) in the edition's words; the dates from the exam calendar's module.
// Source wording is Chinese: in the English edition it is marked lang="zh-CN".

import { el, fill, loadJson } from "../dom.js";
import { upcomingSessions } from "../calendar/sessions.js";

export { loadPlan } from "./data.js";

// The next `count` sessions of the programme that hold the level, from the reader's today.
export async function levelSessions(programId, levelId, todayISO, count) {
  const rules = await loadJson("data/calendar-rules.json");
  const forLevel = (s) => !s.levels || !s.levels.length || levelId === "all" || s.levels.includes(levelId);
  // A session may not hold every level: look further ahead, then keep the level's.
  return upcomingSessions(rules, programId, todayISO, count * 4).filter(forLevel).slice(0, count);
}

export function formatDate(iso, text) {
  const [y, m, d] = iso.split("-").map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return fill(text.date, { y, m, d, month: text.months[m - 1], weekday: text.weekdays[weekday] });
}

export const sourceLang = (data) => (data.lang === "zh" ? null : "zh-CN");

// The calendar's words come in the edition's language, but some (a slot's name, the reading of the
// exam's schedule) are the source's Chinese: those are marked where the edition is not Chinese.
const CHINESE = /[\u3400-\u9fff]/;
const calendarLang = (data, text) => (data.lang !== "zh" && CHINESE.test(text) ? "zh-CN" : null);

// A link to a part of the site, from this module's place (assets/plan/), so it works in both editions.
export const siteLink = (path) => new URL(`../../${path}`, import.meta.url).href;

export function planHref(programId, levelId, profileQuery, sessionDate) {
  const pick = [programId, levelId, sessionDate].filter(Boolean).join(":");
  return siteLink(`plan/?${[profileQuery, `pick=${pick}`].filter(Boolean).join("&")}`);
}

function sourceLine(data, source) {
  return el("span", { class: "catalog-plan__source" }, data.text.source,
    el("span", { lang: sourceLang(data), text: source.label }));
}

// `repeated`: the reading is the previous event's of the same kind (the slots of an exam), said once.
function eventItem(data, event, repeated) {
  const t = data.text;
  const when = event.last_date && event.last_date !== event.date
    ? `${formatDate(event.date, t)}–${formatDate(event.last_date, t)}` : formatDate(event.date, t);
  const time = event.start && event.end ? ` ${fill(t.time, { start: event.start, end: event.end })}` : "";
  return el("li", { class: "catalog-plan__event", "data-kind": event.kind, "data-date": event.date },
    el("span", { class: "catalog-plan__event-label", lang: calendarLang(data, event.label), text: event.label }),
    event.slot_label ? el("span", { lang: calendarLang(data, event.slot_label), text: fill(t.aside, { text: event.slot_label }) }) : null,
    t.colon,
    el("time", { datetime: event.date, text: when }), time,
    event.estimated ? el("span", { class: "catalog-plan__estimated", text: fill(t.aside, { text: t.estimated }) }) : null,
    event.method && !repeated ? el("span", { class: "catalog-plan__reading" }, ` ${t.reading}`, el("span", { lang: calendarLang(data, event.method), text: event.method })) : null,
    ...event.notes.map((note) => el("span", { class: "catalog-plan__note", lang: calendarLang(data, note.text), text: ` ${note.text}` })));
}

// One session: its exam date as a heading line and every milestone, each with its qualifiers.
export function sessionBlock(data, session, headingTag, ...extra) {
  const t = data.text;
  return el("div", { class: "catalog-plan__session", "data-session": session.session },
    el(headingTag, { class: "catalog-plan__session-title", text: fill(t.session, { date: formatDate(session.session, t) }) }),
    session.registration_closed ? el("p", { class: "catalog-plan__closed", text: t.registration_closed }) : null,
    el("ul", { class: "catalog-plan__events" },
      ...session.events.map((event, i) => eventItem(data, event, i > 0 && session.events[i - 1].kind === event.kind && session.events[i - 1].method === event.method))),
    ...extra);
}

const appliesTo = (fee, levelId) => !fee.levels.length || levelId === "all" || fee.levels.includes(levelId);

// The fees for the level, each with the source's wording of its condition and our reading, marked.
export function feeList(data, levelId) {
  const t = data.text;
  const fees = data.fees.filter((fee) => appliesTo(fee, levelId));
  if (!fees.length) return el("p", { class: "catalog-plan__fees", text: t.fees_none });
  return el("ul", { class: "catalog-plan__fees" }, ...fees.map((fee) => el("li", { class: "catalog-plan__fee", "data-kind": fee.kind },
    el("strong", { text: `${fee.label}${t.colon}${fee.amount}` }),
    ...(fee.condition ? [el("br"), t.condition, el("q", { class: "catalog-plan__condition", lang: sourceLang(data), text: fee.condition })] : []),
    fee.reading ? el("span", { class: "catalog-plan__reading", text: fill(t.aside, { text: `${t.reading}${fee.reading}` }) }) : null,
    fee.source ? " " : null, fee.source ? sourceLine(data, fee.source) : null)));
}

// The materials; on the plan page each with a box to tick (`ticks`), a checklist for the reader.
export function materialsList(data, ticks = false) {
  const t = data.text;
  const reg = data.registration;
  if (!reg) return [el("p", { text: t.materials_none })];
  return [
    el("ul", { class: `catalog-plan__materials${ticks ? " catalog-plan__materials--ticks" : ""}`, lang: sourceLang(data) },
      ...reg.materials.map((item) => el("li", {},
        ticks ? el("input", { type: "checkbox", "aria-label": item, class: "catalog-plan__tick" }) : null, ticks ? " " : null, item))),
    reg.submission ? el("p", {}, t.submission, el("span", { lang: sourceLang(data), text: reg.submission })) : null,
    ...reg.notes.map((note) => el("p", { class: "catalog-plan__note" }, `${note.label}${t.colon}`, el("span", { lang: sourceLang(data), text: note.text }))),
    el("p", {}, sourceLine(data, reg.source)),
  ].filter(Boolean);
}

export function photoRules(data) {
  const reg = data.registration;
  if (!reg || (!reg.photo_rules.length && !reg.photo_size)) return null;
  const t = data.text;
  return el("ul", { class: "catalog-plan__photo-rules", lang: sourceLang(data) },
    ...reg.photo_rules.map((rule) => el("li", { text: rule })),
    reg.photo_size ? el("li", {}, el("span", { lang: data.lang === "zh" ? null : "en", text: t.photo_size }), reg.photo_size) : null);
}

// Links to the programme page's sections.
export function sectionLinks(data) {
  const t = data.text;
  const link = (anchor, label) => el("a", { href: siteLink(`${data.url}#${anchor}`), text: label });
  return el("p", { class: "catalog-plan__sections" }, t.program_sections,
    link("registration", t.section_registration), t.list_sep, link("fees", t.section_fees), t.list_sep, link("exam", t.section_exam));
}
