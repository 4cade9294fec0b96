// Runs eligibility cases through the browser engine (site_overrides/assets/eligibility/engine.js), in
// Node (no DOM), for tests/unit/test_eligibility.py, which reads the cases from programs/cases/*.yaml and
// tests/eligibility_vectors.yaml and hands them over here as one JSON list.
//
//   node tests/js/run_vectors.mjs RULES.json CASES.json
//
// RULES.json is what generator/features/eligibility/rules_json.py emits as
// assets/data/eligibility-rules.json.
// CASES.json is [{"program": ID, "profile": {...}}, ...]. Prints, as JSON:
//   {"results": [public result per case], "roundtrip": [profile read back from its URL query per case]}
import { readFileSync } from "node:fs";
import {
  evaluateProgram, profileFromQuery, profileToQuery, publicResult,
} from "../../site_overrides/assets/eligibility/engine.js";

const [rulesPath, casesPath] = process.argv.slice(2);
if (!rulesPath || !casesPath) {
  process.stderr.write("usage: node tests/js/run_vectors.mjs RULES.json CASES.json\n");
  process.exit(2);
}
const rules = JSON.parse(readFileSync(rulesPath, "utf8"));
const cases = JSON.parse(readFileSync(casesPath, "utf8"));

const results = cases.map((c) => publicResult(evaluateProgram(rules, c.program, c.profile)));
const roundtrip = cases.map((c) => {
  const query = new URLSearchParams(profileToQuery(c.profile)).toString();
  return profileFromQuery(`?${query}`, rules);
});
process.stdout.write(JSON.stringify({ results, roundtrip }));
