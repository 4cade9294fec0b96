// Copy-link buttons on syllabus pages (/syllabi/<program>/[<level>/]): agencies and training centres
// cite single units (h2[id]), topics (h3[id]) and knowledge points (li[id]) by their permanent
// anchors. The buttons are always shown, not on hover, so touch and keyboard readers have them too;
// each names what it copies, and the outcome is announced in a live region and shown on the button.
(function setUpCopyLinks() {
  if (!/\/syllabi\/[^/]+\//.test(location.pathname)) return;
  const article = document.querySelector("article.md-content__inner");
  if (!article) return;

  const english = document.documentElement.lang === "en";
  const WORDS = english
    ? { copy: "Copy link", name: "Copy link to: ", copied: "Copied", done: "Link copied: ",
        failed: "Could not copy; the link is: " }
    : { copy: "复制链接", name: "复制链接：", copied: "已复制", done: "已复制链接：", failed: "无法自动复制，链接为：" };
  const CONFIRM_MS = 3000;

  const status = document.createElement("p");
  status.className = "catalog-copy-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  article.append(status);

  // The heading's own words, without Material's ¶ permalink.
  function label(target) {
    const copy = target.cloneNode(true);
    for (const extra of copy.querySelectorAll(".headerlink, ul, ol, .catalog-copy-link")) extra.remove();
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function addButton(target) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "catalog-copy-link";
    button.textContent = WORDS.copy;
    button.setAttribute("aria-label", WORDS.name + label(target));
    button.addEventListener("click", async () => {
      const url = location.origin + location.pathname + "#" + encodeURIComponent(target.id);
      try {
        // Without a clipboard (a page served over plain http from another host) this throws, and the
        // reader is shown the link to copy by hand.
        await navigator.clipboard.writeText(url);
        status.textContent = WORDS.done + label(target);
        button.textContent = WORDS.copied;
        button.dataset.copied = "";
        setTimeout(() => {
          button.textContent = WORDS.copy;
          delete button.dataset.copied;
          status.textContent = "";
        }, CONFIRM_MS);
      } catch {
        status.textContent = WORDS.failed + url;
      }
    });
    if (target.tagName === "LI") {
      // After the point's own words, before any nested list.
      const nested = target.querySelector(":scope > ul, :scope > ol");
      target.insertBefore(button, nested);
    } else {
      target.after(button);
    }
  }

  for (const target of article.querySelectorAll("h2[id], h3[id], li[id]")) addButton(target);
})();
