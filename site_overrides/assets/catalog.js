// Progressive enhancement for the programme listing: filter rows by issuer and level.
// The page works without it (grouped lists below the table).
function setUpCatalogFilter() {
  const form = document.querySelector("[data-catalog-filter]");
  if (!form || form.dataset.ready) return;
  form.dataset.ready = "1";
  const rows = Array.from(document.querySelectorAll(".catalog-list tbody tr"));
  const empty = document.querySelector(".catalog-filter__empty");
  const count = form.querySelector(".catalog-filter__count");
  const apply = () => {
    const issuer = form.elements.issuer.value;
    const level = form.elements.level.value;
    let shown = 0;
    for (const row of rows) {
      const match =
        (!issuer || row.dataset.issuers.split(" ").includes(issuer)) &&
        (!level || row.dataset.levels.split(" ").includes(level));
      row.hidden = !match;
      if (match) shown += 1;
    }
    // The English edition's listing says it in English (data-count-text).
    const template = form.dataset.countText || "显示 {shown} / {total} 个项目";
    count.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    empty.hidden = shown > 0;
  };
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
}

// A table wider than the screen scrolls sideways; keyboard users can only scroll it if it can
// take focus (WCAG 2.1.1, axe: scrollable-region-focusable). Such a scroller that holds nothing
// focusable gets tabindex="0" while it overflows.
const SCROLLERS = ".md-typeset__scrollwrap, .md-typeset table.catalog-list";
const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

function markScrollableRegions() {
  for (const el of document.querySelectorAll(SCROLLERS)) {
    const overflows = el.scrollWidth > el.clientWidth + 1;
    if (overflows && !el.hasAttribute("tabindex") && !el.querySelector(FOCUSABLE)) {
      el.setAttribute("tabindex", "0");
      el.dataset.catalogScroller = "1";
    } else if (!overflows && el.dataset.catalogScroller) {
      el.removeAttribute("tabindex");
      delete el.dataset.catalogScroller;
    }
  }
}

let scrollCheck = 0;
function scheduleScrollCheck() {
  cancelAnimationFrame(scrollCheck);
  scrollCheck = requestAnimationFrame(markScrollableRegions);
}

function setUpPage() {
  setUpCatalogFilter();
  scheduleScrollCheck();
}

window.addEventListener("resize", scheduleScrollCheck);
window.addEventListener("load", scheduleScrollCheck);
if (typeof document$ !== "undefined") {
  document$.subscribe(setUpPage);
} else {
  document.addEventListener("DOMContentLoaded", setUpPage);
}
