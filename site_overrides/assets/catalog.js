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
    count.textContent = `显示 ${shown} / ${rows.length} 个项目`;
    empty.hidden = shown > 0;
  };
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
}

if (typeof document$ !== "undefined") {
  document$.subscribe(setUpCatalogFilter);
} else {
  document.addEventListener("DOMContentLoaded", setUpCatalogFilter);
}
