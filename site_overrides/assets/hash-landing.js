// A link to a section (/programs/<id>/#exam) must land at that section. The browser scrolls to the
// heading as soon as the page is parsed; content that scripts mount later above it (the self-check
// widget, the live "next exams" list) then pushes the heading down, out of view. So while the page
// is still settling, every change of its height scrolls the target back to the top, until the reader
// scrolls, taps or types (their place wins) or the page has been still for a while.
(function keepHashTargetInView() {
  const SETTLE_MS = 4000;
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target || !("ResizeObserver" in window)) return;

  let done = false;
  let stillTimer = 0;
  const observer = new ResizeObserver(() => {
    if (done) return;
    // scrollIntoView honours the heading's scroll-margin-top, i.e. Material's fixed header.
    target.scrollIntoView({ block: "start" });
    clearTimeout(stillTimer);
    stillTimer = setTimeout(stop, SETTLE_MS);
  });
  const READER_MOVES = ["wheel", "touchstart", "keydown", "mousedown"];
  function stop() {
    done = true;
    observer.disconnect();
    for (const type of READER_MOVES) window.removeEventListener(type, stop, true);
    window.removeEventListener("hashchange", stop);
  }
  for (const type of READER_MOVES) window.addEventListener(type, stop, { capture: true, passive: true });
  // Following another in-page link is the reader's move too; the browser handles that one.
  window.addEventListener("hashchange", stop);
  observer.observe(document.body);
  stillTimer = setTimeout(stop, SETTLE_MS);
})();
