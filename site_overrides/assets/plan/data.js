// One programme's plan data, assets/data/plan/<id>.json (generator/features/plan.py), fetched once per page.

import { loadJson } from "../dom.js";

export const loadPlan = (programId) => loadJson(`data/plan/${programId}.json`);
