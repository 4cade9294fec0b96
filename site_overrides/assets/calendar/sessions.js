// The exam calendar's session engine, in the browser: the same schedule rules and timeline offsets as
// generator/features/calendar/sessions.py, evaluated from the reader's own "today". No DOM: it runs in
// Node too (tests/js/run_calendar.mjs checks it against Python on every programme).
//
// `data` is assets/data/calendar-rules.json (generator/features/calendar/rules_json.py): the rules,
// the words (already worded by the generator) and the working-day table of the years around the build.
// Outside those years days are counted Monday–Friday and dates marked estimated.

import { fill } from "../dom.js";

const DAY_MS = 86400000;

// --- days as whole numbers (days since 1970-01-01, UTC), so arithmetic never meets a time zone ---

export function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function parts(day) {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The reader's today, from the browser's clock, in the reader's own time zone. */
export function readerToday(now = new Date()) {
  return isoDay(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000);
}

export function isoDay(day) {
  const { year, month, day: d } = parts(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Monday = 0 … Sunday = 6, as Python's date.weekday(). */
function weekday(day) {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

const mod = (a, n) => ((a % n) + n) % n;

function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The `week`-th `wd` (0 = Monday) of the month, the last one for week -1; null when there is none. */
function nthWeekday(year, month, wd, week) {
  const length = daysInMonth(year, month);
  if (week === -1) {
    const last = Date.UTC(year, month - 1, length) / DAY_MS;
    return last - mod(weekday(last) - wd, 7);
  }
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const d = 1 + mod(wd - weekday(first), 7) + 7 * (week - 1);
  return d <= length ? first + d - 1 : null;
}

function ruleDays(rule, start, end) {
  const found = [];
  for (let year = parts(start).year; year <= parts(end).year; year += 1) {
    for (const month of rule.months) {
      const day = nthWeekday(year, month, rule.weekday, rule.week);
      if (day === null || day < start || day > end) continue;
      found.push(rule.also_next_day ? [day, day + 1] : [day]);
    }
  }
  return found;
}

// --- working days ---

function officialYear(data, year) {
  const known = data.years[String(year)];
  return Boolean(known && known.official);
}

function dayInfo(data, day) {
  const year = parts(day).year;
  const listed = data.days[isoDay(day)];
  const estimated = !officialYear(data, year);
  if (listed) return { workday: listed[0], holiday: listed[1], adjusted: listed[2], estimated };
  return { workday: weekday(day) < 5, holiday: null, adjusted: null, estimated };
}

function shiftWorkingDays(data, start, count) {
  const step = count >= 0 ? 1 : -1;
  let day = start;
  let counted = 0;
  let estimated = false;
  while (counted < Math.abs(count)) {
    day += step;
    const info = dayInfo(data, day);
    estimated = estimated || info.estimated;
    if (info.workday) counted += 1;
  }
  return [day, estimated];
}

// --- words ---

function calendarDay(data, day, withWeekday = true) {
  const f = data.words.date;
  const p = parts(day);
  const text = fill(f.date, { ...p, month_name: data.words.months[p.month - 1] });
  return withWeekday ? fill(f.date_weekday, { date: text, weekday: data.words.weekdays[weekday(day)] }) : text;
}

/** An ISO day as the pages print it (phrases.calendar_day). */
export function formatDay(data, iso, withWeekday = true) {
  return calendarDay(data, dayNumber(iso), withWeekday);
}

/** A day next to `referenceISO`, the year only when it differs (phrases.short_day). */
export function formatShortDay(data, iso, referenceISO) {
  const day = dayNumber(iso);
  const p = parts(day);
  const named = { ...p, month_name: data.words.months[p.month - 1] };
  const text = p.year === Number(referenceISO.slice(0, 4)) ? fill(data.words.page.month_day, named) : calendarDay(data, day, false);
  return fill(data.words.date.date_weekday, { date: text, weekday: data.words.weekdays[weekday(day)] });
}

function holidayNote(data, day, info, what) {
  const notes = data.words.notes;
  if (info.holiday && info.estimated) {
    return { kind: "holiday", text: fill(notes.holiday_estimated, {
      day: calendarDay(data, day), holiday: info.holiday, year: parts(day).year, what }) };
  }
  if (info.holiday) return { kind: "holiday", text: fill(notes.holiday, { day: calendarDay(data, day), holiday: info.holiday, what }) };
  if (info.adjusted) return { kind: "adjusted", text: fill(notes.adjusted, { day: calendarDay(data, day), holiday: info.adjusted }) };
  return null;
}

function estimatedNote(data, day, session) {
  const f = data.words.date;
  const years = [];
  for (let y = parts(session).year; y <= parts(day).year; y += 1) {
    if (!officialYear(data, y)) years.push(fill(f.year, { year: y }));
  }
  return { kind: "estimated", text: fill(data.words.notes.estimated, { years: years.join(f.list_separator) }) };
}

// --- sessions ---

const KIND_ORDER = ["registration_close", "review", "sprint", "mock_test", "exam", "results",
  "certificate_issued", "certificate_query"];

function kindRank(kind) {
  const i = KIND_ORDER.indexOf(kind);
  return i === -1 ? 99 : i;
}

/** Python's Event.sort_key: date, start, kind, programme, slot. */
function compareEvents(a, b) {
  return (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
    || ((a.start || "") < (b.start || "") ? -1 : (a.start || "") > (b.start || "") ? 1 : 0)
    || kindRank(a.kind) - kindRank(b.kind)
    || (a.program < b.program ? -1 : a.program > b.program ? 1 : 0)
    || a.slot - b.slot;
}

/** Python's Event.uid_in(domain): stable across builds, so browser-made events match the feeds. */
function uid(programId, session, event, domain) {
  const compact = (iso) => iso.replaceAll("-", "");
  const pieces = [programId, compact(session), event.kind];
  if (event.kind === "exam" && event.date !== session) pieces.push(compact(event.date));
  if (event.slot) pieces.push(`slot${event.slot + 1}`);
  return `${pieces.join("-")}@${domain}`;
}

function event(data, programId, session, fields) {
  const made = {
    program: programId, kind: fields.kind, label: fields.label, date: isoDay(fields.date),
    last_date: fields.last_date == null ? null : isoDay(fields.last_date),
    start: fields.start ?? null, end: fields.end ?? null, slot: fields.slot ?? 0, slot_label: fields.slot_label ?? null,
    estimated: Boolean(fields.estimated), holiday: fields.holiday ?? null, source_label: fields.source_label ?? null,
    text: fields.text ?? null, method: fields.method ?? null, notes: fields.notes,
  };
  made.uid = uid(programId, isoDay(session), made, data.uid_domain);
  return made;
}

function buildSession(data, programId, days) {
  const program = data.programs[programId];
  const words = data.words.notes;
  const session = days[0];
  const sessionNotes = [];
  const exams = [];
  const times = program.times.length ? program.times : [null];
  for (const day of days) {
    const info = dayInfo(data, day);
    const note = holidayNote(data, day, info, words.what_exam);
    const dayNotes = note ? [note] : [];
    sessionNotes.push(...dayNotes);
    if (day !== session && parts(day).month !== parts(session).month) {
      sessionNotes.push({ kind: "month", text: fill(words.month, { day_plain: calendarDay(data, day, false) }) });
    }
    times.forEach((time, slot) => {
      exams.push(event(data, programId, session, {
        kind: "exam", label: program.exam.label, date: day, start: time && time.start, end: time && time.end, slot,
        slot_label: time && program.times.length > 1 ? (time.label || time.start) : null,
        holiday: info.holiday, text: program.exam.text, method: program.exam.method, notes: [...dayNotes],
      }));
    });
  }
  const milestones = [];
  for (const step of program.steps) {
    const offset = step.offset;
    const notes = [];
    let date;
    let last = null;
    let estimated = false;
    let holiday = null;
    if (offset.working_days !== null) {
      [date, estimated] = shiftWorkingDays(data, session, offset.working_days);
      if (estimated) notes.push(estimatedNote(data, date, session));
    } else {
      const ends = [offset.days, offset.days_max].filter((d) => d !== null).map((d) => session + d).sort((a, b) => a - b);
      date = ends[0];
      if (ends.length > 1) {
        last = ends[ends.length - 1];
        notes.push({ kind: "range", text: fill(words.range, {
          text: step.text, first: calendarDay(data, date, false), last: calendarDay(data, last, false) }) });
      }
      const info = dayInfo(data, date);
      holiday = info.holiday;
      const note = info.holiday ? holidayNote(data, date, info, words.what_step) : null;
      if (note) notes.push(note);
    }
    milestones.push(event(data, programId, session, {
      kind: step.kind, label: step.label, date, last_date: last, estimated, holiday,
      source_label: step.source_label, text: step.text, method: step.method, notes,
    }));
  }
  // Retake rules belong with the results; without a results date, with the session's first exam.
  const retakes = program.retakes.map((text) => ({ kind: "retake", text: fill(words.retake, { text }) }));
  if (retakes.length) {
    const results = milestones.find((e) => e.kind === "results");
    (results || exams[0]).notes.push(...retakes);
  }
  const events = [...exams, ...milestones].sort(compareEvents);
  const seen = new Set();
  return {
    program: programId,
    session: isoDay(session),
    days: days.map(isoDay),
    levels: [...program.levels],
    mode: program.mode,
    times: program.times,
    notes: sessionNotes.filter((n) => !seen.has(n.text) && seen.add(n.text)),
    estimated: events.some((e) => e.estimated),
    events,
  };
}

/** The programme's sessions whose (first) exam day lies in [fromISO, toISO], in date order. */
export function sessionsBetween(data, programId, fromISO, toISO) {
  const program = data.programs[programId];
  if (!program) return [];
  return ruleDays(program.rule, dayNumber(fromISO), dayNumber(toISO)).map((days) => buildSession(data, programId, days));
}

/** The next `count` sessions whose exam is on or after today, within the current year and the next
 * (as the generator's next_sessions). Registration may already be closed: `registration_closed` is
 * true then, false while open, null when no deadline is published. */
export function upcomingSessions(data, programId, todayISO, count = 3) {
  const year = Number(todayISO.slice(0, 4));
  return sessionsBetween(data, programId, todayISO, `${year + 1}-12-31`).slice(0, count).map((session) => {
    const close = session.events.find((e) => e.kind === "registration_close");
    return { ...session, registration_closed: close ? close.date < todayISO : null };
  });
}
