// The language switcher links to the same page in the other edition (site_overrides/partials/
// alternate.html; both editions have every path, see generator/site.py). Material's own click
// handler would instead look the page up in the other edition's sitemap, which lists it under the
// configured site_url, and send the reader to that edition's home page whenever the address differs
// (a preview, a mirror, a misconfigured SITE_URL). The link is always right, so it is followed as is.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]")) {
    event.stopPropagation();
  }
}, true);
