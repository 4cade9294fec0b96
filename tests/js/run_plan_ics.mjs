// Runs the plan page's .ics writer (site_overrides/assets/plan/ics.js) in Node on the browser's own
// sessions (site_overrides/assets/calendar/sessions.js), for tests/unit/test_plan_ics.py.
//
//   node tests/js/run_plan_ics.mjs RULES.json QUERIES.json
//
// RULES.json is assets/data/calendar-rules.json. QUERIES.json is a list of
// {"program", "from", "to", "extra", "now"}: every session in [from, to] as one calendar file, each
// event's summary its label and its description its source wording followed by `extra` (text that
// needs escaping and folding). Prints the files, as a JSON list, one per session, in order.
import { readFileSync } from "node:fs";
import { sessionsBetween } from "../../site_overrides/assets/calendar/sessions.js";
import { calendarFile } from "../../site_overrides/assets/plan/ics.js";

const [rulesPath, queriesPath] = process.argv.slice(2);
if (!rulesPath || !queriesPath) {
  process.stderr.write("usage: node tests/js/run_plan_ics.mjs RULES.json QUERIES.json\n");
  process.exit(2);
}
const data = JSON.parse(readFileSync(rulesPath, "utf8"));
const queries = JSON.parse(readFileSync(queriesPath, "utf8"));
const files = queries.flatMap((q) => sessionsBetween(data, q.program, q.from, q.to).map((session) => calendarFile({
  prodid: "-//test//plan//ZH",
  name: `${q.program} ${session.session}`,
  now: new Date(q.now),
  events: session.events.map((event) => ({ event, summary: event.label, description: `${event.text ?? ""}${q.extra}` })),
})));
process.stdout.write(JSON.stringify(files));
