// What comes after "you can apply": for one programme and level, from the reader's today, the next
// two sessions with their milestones, the fees with their conditions, the materials and photo rules,
// links to the programme page's sections and to the plan page for that pick. The self-check widget
// (assets/eligibility/widget.js) adds it to a level's result when the reader can apply.

import { el } from "../dom.js";
import { feeList, levelSessions, loadPlan, materialsList, photoRules, planHref, sectionLinks, sessionBlock } from "./facts.js";

const SESSIONS_SHOWN = 2;

function heading(level, text) {
  return el(`h${Math.min(6, Math.max(2, level))}`, { class: "catalog-plan__heading", text });
}

// An element at once, filled when the programme's facts and the calendar have loaded. `profileQuery`
// is the self-check's answers as a query string, carried to the plan page; `headingLevel` the level
// of this block's heading.
export function nextSteps(programId, levelId, todayISO, profileQuery, headingLevel) {
  const box = el("section", { class: "catalog-plan-next", "data-next-steps": `${programId}:${levelId}` });
  Promise.all([loadPlan(programId), levelSessions(programId, levelId, todayISO, SESSIONS_SHOWN)]).then(([data, sessions]) => {
    const t = data.text;
    const sub = headingLevel + 1;
    const photo = photoRules(data);
    box.replaceChildren(
      heading(headingLevel, t.next_steps),
      heading(sub, t.sessions),
      ...(sessions.length
        ? sessions.map((s) => sessionBlock(data, s, "p",
          el("a", { href: planHref(programId, levelId, profileQuery, s.session), text: t.plan_link, class: "catalog-plan__plan-link" })))
        : [el("p", { text: t.no_sessions })]),
      heading(sub, t.fees), feeList(data, levelId),
      heading(sub, t.materials), ...materialsList(data),
      ...(photo ? [heading(sub, t.photo), photo] : []),
      sectionLinks(data),
      el("p", {}, el("a", { class: "md-button catalog-plan__plan-link", href: planHref(programId, levelId, profileQuery), text: t.plan_link })),
    );
  }, () => box.remove()); // without its data the result stands as it is: the programme page has the same facts
  return box;
}
