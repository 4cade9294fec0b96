// Copy-link buttons on syllabus pages (/syllabi/<program>/[<level>/]): agencies and training centres
// cite single units (h2[id]), topics (h3[id]) and knowledge points (li[id]) by their permanent
// anchors. The buttons are always shown, not on hover, so touch and keyboard readers have them too;
// each names what it copies, and the outcome is announced in a live region and shown on the button.
// The page holds the live region and its edition's words (syllabus.md.j2, Words.copy_links).
import { copyText, fill, onEveryPage } from "./dom.js";

const CONFIRM_MS = 3000;

// The heading's own words, without Material's ¶ permalink.
function label(target) {
  const copy = target.cloneNode(true);
  for (const extra of copy.querySelectorAll(".headerlink, ul, ol, .catalog-copy-link")) extra.remove();
  return copy.textContent.replace(/\s+/g, " ").trim();
}

function addButton(target, status) {
  const words = status.dataset;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "catalog-copy-link";
  button.textContent = words.copy;
  button.setAttribute("aria-label", fill(words.name, { name: label(target) }));
  button.addEventListener("click", async () => {
    const url = location.origin + location.pathname + "#" + encodeURIComponent(target.id);
    if (!(await copyText(url, status, words.failed))) return;
    status.textContent = fill(words.done, { name: label(target) });
    button.textContent = words.copied;
    button.dataset.copied = "";
    setTimeout(() => {
      button.textContent = words.copy;
      delete button.dataset.copied;
      status.textContent = "";
    }, CONFIRM_MS);
  });
  if (target.tagName === "LI") {
    // After the point's own words, before any nested list.
    const nested = target.querySelector(":scope > ul, :scope > ol");
    target.insertBefore(button, nested);
  } else {
    target.after(button);
  }
}

function setUp() {
  const status = document.querySelector("[data-copy-links]");
  if (!status || status.dataset.ready) return;
  status.dataset.ready = "";
  const article = status.closest("article") || document;
  for (const target of article.querySelectorAll("h2[id], h3[id], li[id]")) addButton(target, status);
}

onEveryPage(setUp);
