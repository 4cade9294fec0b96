// On the "page not found" page (site_overrides/404.html): suggest the existing page whose address is
// nearest to the one asked for (a mistyped or shortened programme id, a missing trailing slash), from
// the edition's own page list (assets/data/pages.json; generator/engine/notfound.py). Former ids need
// nothing here: their old addresses are redirect pages.
(function suggestNearestPage() {
  const box = document.querySelector("[data-not-found]");
  if (!box) return;
  const output = box.querySelector(".catalog-not-found__suggestion");
  // The edition's root path, written into the page at build: hosts serve this page at any address.
  const root = new URL(box.dataset.root, location.origin);

  function distance(a, b) {
    // Levenshtein distance, one row at a time.
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      previous = current;
    }
    return previous[b.length];
  }

  function normalise(path) {
    return decodeURIComponent(path).toLowerCase().replace(/(index)?\.(html|md)$/, "").replace(/\/?$/, "/");
  }

  fetch(new URL("assets/data/pages.json", root))
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((list) => {
      const asked = normalise(location.pathname);
      const pages = list.map((page) => new URL(page, root).pathname);
      let best = null;
      let bestDistance = Infinity;
      for (const path of pages) {
        const d = distance(asked, normalise(path));
        if (d < bestDistance) [best, bestDistance] = [path, d];
      }
      // Near enough to be a slip of the keyboard, not just another page of the same section.
      const lastSegment = asked.split("/").filter(Boolean).pop() || "";
      if (!best || bestDistance === 0 || bestDistance > Math.max(2, Math.ceil(lastSegment.length / 3))) return;
      const link = document.createElement("a");
      link.href = new URL(best, location.origin).href;
      link.textContent = decodeURIComponent(best);
      output.replaceChildren(box.dataset.suggestText + " ", link);
      output.hidden = false;
    })
    .catch(() => {}); // No page list, no suggestion: the links below still lead on.
})();
