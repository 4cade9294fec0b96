// The copy button next to a permanent link. The page shows the link as its path only (the site names
// no host of its own, so it works wherever it is served); the button copies the full address, which the
// browser resolves from the link against this page: its own origin and the site's folder.
import { copyText, onEveryPage } from "./dom.js";

function setUp() {
  for (const box of document.querySelectorAll("[data-permalink]")) {
    const link = box.querySelector("a");
    const button = box.querySelector("button");
    const status = box.querySelector("[role=status]");
    if (!link || !button || button.dataset.ready) continue;
    button.dataset.ready = "1";
    button.hidden = false; // without JavaScript the path itself is the link to copy
    button.addEventListener("click", async () => {
      if (await copyText(link.href, status)) status.textContent = box.dataset.copied;
    });
  }
}

onEveryPage(setUp);
