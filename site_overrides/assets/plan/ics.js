// An RFC 5545 calendar of one exam session's events, written in the browser ("Add to my calendar").
// No DOM: importable in Node.
//
// The events are the exam calendar's (assets/calendar/sessions.js): each keeps the UID and the date
// of the same event in the published feeds (generator/features/calendar/ics.py), so a calendar that
// subscribes to a feed and also imports this file holds each event once. Like the feeds, an exam
// with published times is timed (written in UTC: Beijing time has had no daylight saving since
// 1991, so no VTIMEZONE is needed), and everything else is an all-day event.

const encoder = new TextEncoder();
const BEIJING_OFFSET_HOURS = 8;

// TEXT escaping (RFC 5545 3.3.11): backslash first, then ; , and line breaks.
function escapeText(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

// Folding (RFC 5545 3.1): lines of at most 75 octets, continued after CRLF and one space, never
// cutting a UTF-8 character.
function foldLine(line) {
  const pieces = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = pieces.length ? 74 : 75; // a continuation line's leading space counts
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

const compact = (iso) => iso.replace(/-/g, "");

function nextDay(iso) {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

// "2026-12-19" at "09:00" Beijing time → "20261219T010000Z".
function utcStamp(iso, clock) {
  const [hours, minutes] = clock.split(":").map(Number);
  const moment = new Date(`${iso}T00:00:00Z`);
  moment.setUTCHours(hours - BEIJING_OFFSET_HOURS, minutes);
  return stamp(moment);
}

function stamp(moment) {
  return moment.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

function eventLines(event, summary, description, now) {
  const times = event.start && event.end
    ? [`DTSTART:${utcStamp(event.date, event.start)}`, `DTEND:${utcStamp(event.date, event.end)}`]
    : [`DTSTART;VALUE=DATE:${compact(event.date)}`, `DTEND;VALUE=DATE:${compact(nextDay(event.date))}`];
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp(now)}`,
    ...times,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `TRANSP:${event.kind === "exam" ? "OPAQUE" : "TRANSPARENT"}`,
    "END:VEVENT",
  ];
}

// The whole file. `events`: [{event, summary, description}]; `now`: the DTSTAMP (a Date).
export function calendarFile({ prodid, name, events, now }) {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(prodid)}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events.flatMap(({ event, summary, description }) => eventLines(event, summary, description, now)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
