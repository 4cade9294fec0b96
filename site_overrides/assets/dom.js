// Small DOM helpers shared by the widgets. Nothing here runs at import time, so the
// eligibility engine stays importable in Node for the shared test vectors.

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
