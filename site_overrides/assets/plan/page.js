// The plan page, /plan/?<profile query>&pick=<program>:<level>[:<session date>]: a printable,
// shareable checklist for one pick. The pick lives in the URL and nothing else; the facts come from
// assets/data/plan/<id>.json (generator/features/plan.py) and the dates from the exam calendar's
// module, counted from the reader's today. Without JavaScript the page says how to get here
// (generator/pages/templates/plan.md.j2).

import { el, fill, loadJson, onEveryPage } from "../dom.js";
import { readerToday, sessionsBetween } from "../calendar/sessions.js";
import {
  feeList, formatDate, levelSessions, loadPlan, materialsList, photoRules, planHref, sectionLinks,
  sessionBlock, siteLink, sourceLang,
} from "./facts.js";
import { calendarFile } from "./ics.js";
import { photoChecker } from "./photo.js";

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const OTHER_SESSIONS = 3;

// `pick=<program>:<level>[:<YYYY-MM-DD>]` → {program, level, session}; null when absent, false when malformed.
function parsePick(search) {
  const value = new URLSearchParams(search).get("pick");
  if (value === null) return null;
  const [program, level, session, ...rest] = value.split(":");
  if (!ID.test(program ?? "") || !ID.test(level ?? "") || rest.length || (session !== undefined && !DAY.test(session))) return false;
  return { program, level, session: session ?? null };
}

// The self-check's answers: every parameter but the pick, carried back to /eligibility/.
function profileQuery(search) {
  const params = new URLSearchParams(search);
  params.delete("pick");
  return params.toString();
}

function section(title, ...children) {
  return el("section", { class: "catalog-plan__part" }, el("h2", { text: title }), ...children);
}

function description(data, event) {
  const t = data.text;
  return [
    event.text ? `${t.condition}${event.text}` : null,
    event.method ? `${t.reading}${event.method}` : null,
    ...event.notes.map((note) => note.text),
    event.estimated ? t.estimated : null,
    siteLink(data.url),
  ].filter(Boolean).join("\n");
}

function downloadCalendar(data, session, calendar) {
  const file = calendarFile({
    prodid: calendar.prodid,
    name: `${data.name} ${session.session}`,
    now: new Date(),
    events: session.events.map((event) => ({ event, summary: `${data.name}｜${event.label}`, description: description(data, event) })),
  });
  const url = URL.createObjectURL(new Blob([file], { type: "text/calendar;charset=utf-8" }));
  const link = el("a", { href: url, download: `${data.id}-${session.session}.ics`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function datesPart(data, pick, chosen, others, query) {
  const t = data.text;
  if (!chosen) return section(t.dates, el("p", { text: t.no_sessions }));
  const add = el("button", { type: "button", class: "md-button md-button--primary catalog-plan__ics", text: t.add_calendar });
  add.addEventListener("click", () => downloadCalendar(data, chosen, data.calendar));
  return section(t.dates,
    el("p", { class: "catalog-plan__chosen", text: fill(t.pick_session, { date: formatDate(chosen.session, t) }) }),
    sessionBlock(data, chosen, "h3"),
    el("p", { class: "catalog-plan__actions" }, add),
    el("p", { class: "catalog-plan__hint", text: t.calendar_hint }),
    ...others.map((s) => el("p", { class: "catalog-plan__other" },
      el("a", { href: planHref(pick.program, pick.level, query, s.session), text: `${fill(t.session, { date: formatDate(s.session, t) })} · ${t.other_session}` }))));
}

function registerPart(data) {
  const t = data.text;
  const lang = sourceLang(data);
  const reg = data.registration;
  const lines = [
    reg && reg.submission ? el("p", {}, t.submission, el("span", { lang, text: reg.submission })) : null,
    ...data.register_steps.map((step) => el("p", {}, `${step.label}${t.colon}`, el("span", { lang, text: step.text }))),
    data.links.length ? el("ul", {}, ...data.links.map((link) => el("li", {}, el("a", { href: link.url, lang, text: link.text })))) : null,
  ].filter(Boolean);
  return section(t.register, ...(lines.length ? lines : [el("p", { text: t.register_none })]));
}

function photoPart(data) {
  const t = data.text;
  const rules = photoRules(data);
  if (!rules) return null;
  return section(t.photo, rules,
    data.photo_check ? el("div", {}, el("h3", { text: t.photo_check }), photoChecker(data, "plan"))
      : el("p", { class: "catalog-plan__hint", text: t.photo_no_check }));
}

async function render(container) {
  const search = window.location.search;
  const pick = parsePick(search);
  const query = profileQuery(search);
  const back = el("a", { href: siteLink(`eligibility/${query ? `?${query}` : ""}`), class: "catalog-plan__back" });
  if (!pick) {
    // Without a pick there is no programme file to read the words from: the page carries these two.
    container.replaceChildren(el("p", { class: "catalog-plan__message", role: "status",
      text: pick === null ? container.dataset.noPick : fill(container.dataset.badPick, { pick: new URLSearchParams(search).get("pick") }) }));
    return;
  }
  let data;
  let calendar;
  try {
    [data, calendar] = await Promise.all([loadPlan(pick.program), loadJson("data/calendar-rules.json")]);
  } catch {
    container.replaceChildren(el("p", { class: "catalog-plan__message", role: "alert", text: container.dataset.loadError }));
    return;
  }
  const t = data.text;
  const level = data.levels.find((lv) => lv.id === pick.level);
  if (!level) {
    container.replaceChildren(el("p", { class: "catalog-plan__message", role: "status", text: fill(t.bad_pick, { pick: `${pick.program}:${pick.level}` }) }));
    return;
  }
  const upcoming = await levelSessions(pick.program, pick.level, readerToday(), OTHER_SESSIONS + 1);
  // A chosen session among the next ones knows whether its registration has closed; one further
  // ahead (or past) is dated on its own; a date that is no session gives the next one.
  const chosen = (pick.session && (upcoming.find((s) => s.session === pick.session)
    || sessionsBetween(calendar, pick.program, pick.session, pick.session)[0])) || upcoming[0] || null;
  const others = upcoming.filter((s) => !chosen || s.session !== chosen.session).slice(0, OTHER_SESSIONS);
  const print = el("button", { type: "button", class: "md-button catalog-plan__print", text: t.print });
  print.addEventListener("click", () => window.print());
  back.textContent = t.back_to_check;
  container.replaceChildren(
    el("h2", { class: "catalog-plan__pick", text: fill(t.pick, { program: data.name, level: level.name }) }),
    el("p", { class: "catalog-plan__hint", text: t.share }),
    el("p", { class: "catalog-plan__actions" }, print, " ", back),
    datesPart(data, pick, chosen, others, query),
    section(t.materials, ...materialsList(data, true)),
    photoPart(data),
    section(t.fees, feeList(data, pick.level)),
    registerPart(data),
    sectionLinks(data),
  );
}

function setUp() {
  const container = document.querySelector("[data-plan-page]");
  if (!container || container.dataset.ready) return;
  container.dataset.ready = "1";
  render(container);
}

window.addEventListener("popstate", () => {
  const container = document.querySelector("[data-plan-page]");
  if (container) render(container);
});
onEveryPage(setUp);
