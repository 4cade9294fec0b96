// The language switcher links to the same page in the other edition (site_overrides/partials/
// alternate.html; both editions have every path, see generator/site.py). Material's own click
// handler would instead look the page up in the other edition's sitemap, which lists it under the
// configured site_url, and send the reader to that edition's home page whenever the address differs
// (a preview, a mirror, a misconfigured SITE_URL). The link is always right, so it is followed as is.
//
// The built link knows only the page's path. The reader's place on it, the query string
// (compare/?ids=…, the self-check's answers) and the #section, are the same in both editions,
// so they are carried over: written into every switcher link now and whenever the hash changes,
// so that hovering, copying or opening the link in a new tab carries them as well.
const SWITCHER_LINKS = "a.md-select__link[hreflang]";

function carryPlaceOnPage() {
  for (const link of document.querySelectorAll(SWITCHER_LINKS)) {
    const target = new URL(link.getAttribute("href"), location.href);
    target.search = location.search;
    target.hash = location.hash;
    link.href = target.href;
  }
}

document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest(SWITCHER_LINKS)) {
    carryPlaceOnPage();
    event.stopPropagation();
  }
}, true);
window.addEventListener("hashchange", carryPlaceOnPage);
// history.replaceState (compare.js keeps ?ids= in step with the form) fires no event: the click
// handler above reads the address again at the moment the reader switches.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", carryPlaceOnPage);
} else {
  carryPlaceOnPage();
}
