// Progressive enhancement for the exam calendar pages. Without JavaScript every link works as is:
// per-programme pages are the filter, and the feed links download the .ics file.
function setUpCalendar() {
  // "Subscribe" links become webcal:// so calendar apps subscribe instead of importing once.
  for (const link of document.querySelectorAll("a[data-calendar-subscribe]")) {
    const url = new URL(link.getAttribute("href"), window.location.href);
    if (url.protocol === "http:" || url.protocol === "https:") {
      link.href = `webcal://${url.host}${url.pathname}`;
    }
  }
  const form = document.querySelector("[data-calendar-filter]");
  if (!form || form.dataset.ready) return;
  form.dataset.ready = "1";
  const select = form.elements.program;
  const count = form.querySelector("output");
  const items = Array.from(document.querySelectorAll("[data-program]"));
  const rows = items.filter((el) => el.tagName === "TR");
  const apply = () => {
    const wanted = select.value;
    let shown = 0;
    for (const el of items) {
      const match = !wanted || el.dataset.program === wanted;
      el.style.display = match ? "" : "none";
      if (match && el.tagName === "TR") shown += 1;
    }
    count.textContent = `显示 ${shown} / ${rows.length} 场考试`;
  };
  select.addEventListener("change", apply);
  form.hidden = false;
  apply();
}

if (typeof document$ !== "undefined") {
  document$.subscribe(setUpCalendar);
} else {
  document.addEventListener("DOMContentLoaded", setUpCalendar);
}
