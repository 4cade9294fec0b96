// The exam calendar pages in the browser. Without JavaScript every page works as built: the lists are
// dated from the build date (and say so, "截至 …"), each month has its page, each programme its
// calendar, and the feed links download the .ics file. With it:
// - the programme page's next sessions (data-calendar-next) and /calendar/'s upcoming list
//   (data-calendar-upcoming) are dated again from the reader's today, by the session engine
//   (sessions.js) on assets/data/calendar*.json, with the same columns and words as the built ones;
// - the home page's short list of next exams (data-calendar-soon) is made from the reader's today;
// - the month grids' "today" mark follows the reader's today;
// - the programme filter works, kept in the URL (?program=), and the counts follow it;
// - "subscribe" links become webcal:// so calendar apps subscribe instead of importing once.
import { el, fill, loadJson, onEveryPage } from "../dom.js";
import { formatDay, formatShortDay, isoDay, readerToday, sessionsBetween, upcomingSessions } from "./sessions.js";

/** The last day of the month after today's: /calendar/'s list runs to it (pages.list_end). */
export function listEnd(todayISO) {
  const [y, m] = todayISO.split("-").map(Number);
  return isoDay(Date.UTC(y, m + 1, 0) / 86400000);
}

// --- the same wording as generator/features/calendar/pages.py ---

function flagged(words, text, flags) {
  return text + flags.map((flag) => fill(words.flag, { flag })).join("");
}

function holidayName(data, name) {
  return data.words.holidays[name] || name;
}

function eventFlags(data, event) {
  const words = data.words.page;
  const flags = [];
  if (event.estimated) flags.push(words.estimated);
  if (event.holiday) flags.push(fill(words.holiday, { holiday: holidayName(data, event.holiday) }));
  else if (event.notes.some((n) => n.kind === "adjusted")) flags.push(words.adjusted);
  return flags;
}

function sessionFlags(data, session) {
  const words = data.words.page;
  const flags = [];
  const holidays = [...new Set(session.events.filter((e) => e.kind === "exam" && e.holiday)
    .map((e) => holidayName(data, e.holiday)))];
  if (holidays.length) flags.push(fill(words.session_holiday, { holidays: holidays.join(words.and) }));
  if (session.notes.some((n) => n.kind === "adjusted")) flags.push(words.adjusted);
  if (session.notes.some((n) => n.kind === "month")) flags.push(words.next_month_sunday);
  if (session.estimated) flags.push(words.session_estimated);
  if (data.programs[session.program].reading.marked) flags.push(words.reading);
  return flags;
}

function sessionDays(data, session) {
  const [first, ...rest] = session.days;
  return formatDay(data, first) + rest.map((d) => data.words.page.and + formatShortDay(data, d, first)).join("");
}

function eventWhen(data, event) {
  let text = formatDay(data, event.date);
  if (event.last_date) text = fill(data.words.page.range, { first: text, last: formatShortDay(data, event.last_date, event.date) });
  if (event.start) text += ` ${event.start}–${event.end}`;
  return text;
}

function registration(data, session, todayISO) {
  const words = data.words.page;
  const close = session.events.find((e) => e.kind === "registration_close");
  if (!close) return words.not_published;
  const flags = eventFlags(data, close);
  if (close.date < todayISO) flags.push(words.closed);
  return flagged(words, eventWhen(data, close), flags);
}

function milestoneSummary(data, session) {
  const words = data.words.page;
  const parts = session.events.filter((e) => e.kind !== "exam" && e.kind !== "registration_close").map((e) => {
    let text = `${e.label} ${formatShortDay(data, e.date, session.session)}`;
    if (e.last_date) text = fill(words.range, { first: text, last: formatShortDay(data, e.last_date, e.date) });
    return flagged(words, text, eventFlags(data, e));
  });
  return parts.join(words.flag_separator) || words.no_fixed_steps;
}

// --- the programme page's next sessions ---

async function showNextSessions(box, todayISO) {
  const id = box.dataset.calendarNext;
  const data = await loadJson(`data/calendar/${id}.json`);
  const words = data.words.page;
  const found = upcomingSessions(data, id, todayISO, Number(box.dataset.count));
  box.querySelector("[data-calendar-as-of]").remove();
  box.querySelector("[data-calendar-intro]").textContent = found.length
    ? fill(words.next_intro, { date: formatDay(data, todayISO) }) : words.next_none;
  box.querySelector("tbody").replaceChildren(...found.map((s) => el("tr", {},
    el("th", { scope: "row" }, sessionDays(data, s),
      ...sessionFlags(data, s).map((f) => [" ", el("strong", { text: fill(words.flag, { flag: f }) })]).flat()),
    el("td", { text: data.programs[id].times_text }),
    el("td", { text: registration(data, s, todayISO) }),
    el("td", { text: milestoneSummary(data, s) }))));
}

// --- /calendar/'s upcoming list ---

async function showUpcoming(box, todayISO, programIds) {
  const data = await loadJson("data/calendar-rules.json");
  const words = data.words.page;
  const end = listEnd(todayISO);
  const rows = programIds.flatMap((id) => sessionsBetween(data, id, todayISO, end).map((s) => ({ id, s })));
  const specialty = (id) => (data.programs[id].specialty ? 1 : 0);
  rows.sort((a, b) => (a.s.session < b.s.session ? -1 : a.s.session > b.s.session ? 1 : 0)
    || specialty(a.id) - specialty(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  box.querySelector("[data-calendar-as-of]").remove();
  const caption = box.querySelector("caption");
  caption.replaceChildren(...fill(words.list_caption, {
    first: formatDay(data, todayISO, false), last: formatDay(data, end, false), count: "\u0000" }).split("\u0000")
    .flatMap((text, i) => (i ? [el("span", { "data-calendar-count": true, text: rows.length }), text] : [text])));
  box.querySelector("tbody").replaceChildren(...rows.map(({ id, s }) => {
    const program = data.programs[id];
    const flags = sessionFlags(data, s);
    return el("tr", { "data-program": id },
      el("th", { scope: "row" }, el("a", { href: `${id}/#s-${s.session}`, text: sessionDays(data, s) })),
      el("td", { text: program.name }),
      el("td", { text: program.times_text }),
      el("td", { text: program.levels_text }),
      el("td", { text: registration(data, s, todayISO) }),
      el("td", { text: flags.length ? flags.join(words.flag_separator) : "—" }));
  }));
}

// --- the home page's next exams: each programme's next session (the family's specialties share
// their family's dates, so they are left to the calendar), with its deadline and flags ---

async function showSoon(list, todayISO) {
  const data = await loadJson("data/calendar-rules.json");
  const words = data.words.page;
  const ids = Object.keys(data.programs).filter((id) => !data.programs[id].specialty);
  const soon = ids.flatMap((id) => upcomingSessions(data, id, todayISO, 1).map((s) => ({ id, s })))
    .sort((a, b) => (a.s.session < b.s.session ? -1 : a.s.session > b.s.session ? 1 : 0) || (a.id < b.id ? -1 : 1));
  list.replaceChildren(...soon.map(({ id, s }) => {
    const flags = sessionFlags(data, s);
    return el("li", { "data-program": id },
      el("a", { href: `${list.dataset.calendarSoon}${id}/#s-${s.session}`, text: sessionDays(data, s) }),
      ` ${data.programs[id].name}${words.flag_separator}${words.col_registration} ${registration(data, s, todayISO)}`,
      ...flags.map((f) => el("strong", { text: fill(words.flag, { flag: f }) })));
  }));
  list.hidden = false;
}

// --- "today" in the month grids ---

function markToday(todayISO) {
  for (const grid of document.querySelectorAll(".calendar-month[data-today-word]")) {
    for (const mark of grid.querySelectorAll(".calendar-today")) mark.remove();
    for (const cell of grid.querySelectorAll("td[aria-current]")) cell.removeAttribute("aria-current");
    const cell = grid.querySelector(`td[data-date="${todayISO}"]`);
    if (cell) {
      cell.setAttribute("aria-current", "date");
      cell.querySelector("time").after(" ", el("strong", { class: "calendar-today", text: grid.dataset.todayWord }));
    }
  }
}

// --- the programme filter ---

function setUpFilter(form) {
  const select = form.elements.program;
  const output = form.querySelector("output");
  const apply = () => {
    const wanted = select.value;
    const rows = [...document.querySelectorAll("[data-calendar-list] tbody tr[data-program]")];
    let shown = 0;
    for (const item of document.querySelectorAll("[data-calendar-list] tr[data-program], .calendar-month li[data-program]")) {
      const match = !wanted || item.dataset.program === wanted;
      item.hidden = !match;
      if (match && item.tagName === "TR") shown += 1;
    }
    for (const count of document.querySelectorAll("[data-calendar-list] [data-calendar-count]")) count.textContent = shown;
    output.textContent = fill(form.dataset.countWords, { shown, total: rows.length });
  };
  const fromUrl = new URLSearchParams(window.location.search).get("program");
  if (fromUrl && [...select.options].some((o) => o.value === fromUrl)) select.value = fromUrl;
  select.addEventListener("change", () => {
    const url = new URL(window.location.href);
    if (select.value) url.searchParams.set("program", select.value);
    else url.searchParams.delete("program");
    window.history.replaceState(window.history.state, "", url);
    apply();
  });
  form.hidden = false;
  return apply;
}

async function setUpCalendar() {
  for (const link of document.querySelectorAll("a[data-calendar-subscribe]")) {
    const url = new URL(link.getAttribute("href"), window.location.href);
    if (url.protocol === "http:" || url.protocol === "https:") link.href = `webcal://${url.host}${url.pathname}`;
  }
  const today = readerToday();
  markToday(today);
  const form = document.querySelector("[data-calendar-filter]");
  const apply = form && !form.dataset.ready ? setUpFilter(form) : null;
  if (form) form.dataset.ready = "1";
  const work = [];
  for (const box of document.querySelectorAll("[data-calendar-next]")) work.push(showNextSessions(box, today));
  const soon = document.querySelector("[data-calendar-soon]");
  if (soon) work.push(showSoon(soon, today));
  const upcoming = document.querySelector("[data-calendar-upcoming]");
  if (upcoming && form) {
    work.push(showUpcoming(upcoming, today, [...form.elements.program.options].map((o) => o.value).filter(Boolean)));
  }
  // A failed fetch leaves the built lists, which say which day they were dated from.
  await Promise.allSettled(work);
  if (apply) apply();
}

onEveryPage(setUpCalendar);
