// Small helpers shared by the modules (compare.js, eligibility/engine.js, eligibility/widget.js).
// Nothing here runs at import time, so the eligibility engine, which imports `fill`, stays
// importable in Node for the shared test vectors.

const jsonCache = new Map();

// Fetch a JSON file that sits in this folder once per page; a failed fetch may be retried.
export function loadJson(relativePath) {
  if (!jsonCache.has(relativePath)) {
    const request = fetch(new URL(relativePath, import.meta.url)).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    request.catch(() => jsonCache.delete(relativePath));
    jsonCache.set(relativePath, request);
  }
  return jsonCache.get(relativePath);
}

// Build an element from attributes and children. Text goes in through textContent only,
// so data can never become markup.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

// Put values into a sentence from the data: "还需 {gap} 年" + {gap: 1} → "还需 1 年".
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
}

// Copy text to the clipboard; where the page may not (an insecure origin, a refused permission), show it
// in `status` after `intro`, selected, for the reader to copy by hand. Resolves to whether it was copied.
export async function copyText(text, status, intro = "") {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const shown = el("span", { text });
    status.replaceChildren(intro, shown);
    getSelection().selectAllChildren(shown);
    return false;
  }
}

// Run a module's set-up on every page: Material's instant navigation swaps pages without a reload,
// and announces each one on document$; without it, once the document is ready.
export function onEveryPage(setUp) {
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp); // eslint-disable-line no-undef
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}
