// Redirect pages (a former id's old address): go to the new address, keeping the #anchor. A file
// rather than mkdocs-redirects' inline script, so the pages' Content-Security-Policy allows no inline
// script (generator/engine/redirectpages.py). The <meta http-equiv="refresh"> is the fallback without script.
(function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  if (canonical) location.replace(canonical.getAttribute("href") + location.hash);
})();
