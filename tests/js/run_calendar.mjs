// Runs the browser's session engine (site_overrides/assets/calendar/sessions.js) in Node, for
// tests/unit/test_calendar_engine.py, which compares it with the generator's sessions.py.
//
//   node tests/js/run_calendar.mjs RULES.json QUERIES.json
//
// RULES.json is assets/data/calendar-rules.json. QUERIES.json is a list of
// {"program", "today", "count"} (upcomingSessions) or {"program", "from", "to"} (sessionsBetween).
// Prints the answers, as JSON, in the same order.
import { readFileSync } from "node:fs";
import { sessionsBetween, upcomingSessions } from "../../site_overrides/assets/calendar/sessions.js";

const [rulesPath, queriesPath] = process.argv.slice(2);
if (!rulesPath || !queriesPath) {
  process.stderr.write("usage: node tests/js/run_calendar.mjs RULES.json QUERIES.json\n");
  process.exit(2);
}
const data = JSON.parse(readFileSync(rulesPath, "utf8"));
const queries = JSON.parse(readFileSync(queriesPath, "utf8"));
const answers = queries.map((q) => (q.today
  ? upcomingSessions(data, q.program, q.today, q.count)
  : sessionsBetween(data, q.program, q.from, q.to)));
process.stdout.write(JSON.stringify(answers));
