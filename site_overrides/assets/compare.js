// Compare programmes side by side, and the "add to compare" buttons on programme pages.
//
// The selection lives in the URL: /compare/?ids=a,b,c (programme ids, in the order chosen). The
// list of programmes comes from assets/data/compare.json and each chosen programme's cells from
// assets/data/compare/<id>.json, fetched only when it is shown (generator/features/compare.py writes
// both from the same model as the pages, in the edition's language); every sentence shown here comes
// from that JSON or from the page. The DOM is built with textContent only: data never becomes HTML.
//
// Without JavaScript the compare page shows the example comparison as a static table and links to
// every programme's page, and the programme pages' buttons are plain links to /compare/?ids=<id>. With it, the buttons add the
// programme to the last selection (kept in localStorage as well as in the compare page's URL).

import { el, fill, loadJson, onEveryPage } from "./dom.js";

const STORE = "catalog-compare-ids";
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function unique(ids) {
  return [...new Set(ids)];
}

/** The ids in a query string: `ids=a,b` (repeated `ids=` too); null when there is no `ids`. */
export function idsFromQuery(search) {
  const params = new URLSearchParams(search);
  if (!params.has("ids")) return null;
  return unique(params.getAll("ids").flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => ID.test(v)));
}

/** The query string for a selection, keeping every other parameter. */
export function queryWithIds(search, ids) {
  const params = new URLSearchParams(search);
  params.delete("ids");
  const rest = params.toString();
  const ours = `ids=${ids.join(",")}`;
  return `?${[ours, rest].filter(Boolean).join("&")}`;
}

function stored() {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORE) || "[]");
    return Array.isArray(value) ? unique(value.filter((v) => typeof v === "string" && ID.test(v))) : [];
  } catch {
    return [];
  }
}

function store(ids) {
  try {
    window.localStorage.setItem(STORE, JSON.stringify(ids));
  } catch {
    // Storage may be off (private browsing): the URL still carries the selection.
  }
}

// --- the compare page -----------------------------------------------------------------------------

function cellContent(groups) {
  const parts = [];
  for (const group of groups) {
    if (group.title) parts.push(el("strong", { class: "catalog-compare__group", text: group.title }));
    if (group.lines.length === 1 && !group.title) {
      parts.push(el("p", { lang: group.lines[0].lang, text: group.lines[0].text }));
    } else {
      parts.push(el("ul", {}, ...group.lines.map((line) => el("li", { lang: line.lang, text: line.text }))));
    }
  }
  return parts;
}

function mount(container, data) {
  const t = data.text;
  const byId = new Map(data.programs.map((p) => [p.id, p]));
  const base = new URL("../", import.meta.url);
  const prefix = "compare";
  const state = { ids: [], unknown: [] };
  let shown = 0; // the latest render: an older one whose cells arrive late does not overwrite it

  const choices = el("ul", { class: "catalog-compare__choices" });
  const boxes = new Map();
  for (const program of data.programs) {
    const box = el("input", { type: "checkbox", id: `${prefix}-${program.id}`, name: "ids", value: program.id });
    boxes.set(program.id, box);
    choices.append(el("li", {}, el("label", { for: box.id }, box,
      el("span", { text: program.name }))));
  }
  const clear = el("button", { type: "button", class: "md-button catalog-compare__clear", text: t.clear });
  const form = el("form", { class: "catalog-compare__form", "aria-label": t.choose },
    el("fieldset", {}, el("legend", { text: t.choose }), choices), clear);
  const status = el("p", { class: "catalog-compare__status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const unknown = el("p", { class: "catalog-compare__unknown", hidden: true });
  const hint = el("p", { class: "catalog-compare__hint", text: t.copy_hint });
  const results = el("div", { class: "catalog-compare__results" });

  const render = () => {
    for (const [id, box] of boxes) box.checked = state.ids.includes(id);
    const chosen = state.ids.map((id) => byId.get(id));
    if (!chosen.length) status.textContent = t.empty;
    else if (chosen.length === 1) status.textContent = t.one;
    else status.textContent = fill(t.selected, { count: chosen.length, names: chosen.map((p) => p.name).join(t.sep) });
    unknown.hidden = !state.unknown.length;
    unknown.textContent = state.unknown.length ? fill(t.unknown, { ids: state.unknown.join(t.sep) }) : "";
    const current = ++shown;
    if (!chosen.length) {
      results.replaceChildren();
      results.removeAttribute("aria-busy");
      return;
    }
    // Busy while the chosen programmes' cells load (data on demand): assistive technology, and
    // tests, wait for the table that matches the choice.
    results.setAttribute("aria-busy", "true");
    Promise.all(chosen.map((program) => loadJson(`data/compare/${program.id}.json`))).then(
      (loaded) => {
        if (current !== shown) return;
        table(chosen, loaded.map((p) => p.cells));
        results.removeAttribute("aria-busy");
      },
      () => {
        if (current !== shown) return;
        results.replaceChildren(el("p", { class: "catalog-compare__error", role: "alert", text: container.dataset.error }));
        results.removeAttribute("aria-busy");
      },
    );
  };

  const table = (chosen, cellsOf) => {
    const head = el("tr", {}, el("td"));
    for (const program of chosen) {
      const remove = el("button", {
        type: "button", class: "catalog-compare__remove", "data-remove": program.id,
        "aria-label": fill(t.remove_named, { name: program.name }), text: t.remove,
      });
      head.append(el("th", { scope: "col", "data-program": program.id },
        el("a", { href: new URL(program.url, base).href, text: program.name }),
        el("br"),
        el("span", { class: "catalog-compare__other", lang: program.other_name.lang, text: program.other_name.text }),
        remove));
    }
    const body = el("tbody");
    for (const row of data.rows) {
      const tr = el("tr", { "data-row": row.id }, el("th", { scope: "row", text: row.label }));
      chosen.forEach((program, i) => tr.append(el("td", {}, ...cellContent(cellsOf[i][row.id]))));
      body.append(tr);
    }
    results.replaceChildren(el("div", { class: "catalog-compare__scroll" },
      el("table", { class: "catalog-compare__table" },
        el("caption", { text: t.caption }), el("thead", {}, head), body)));
  };

  const fromUrl = () => {
    let ids = idsFromQuery(window.location.search);
    if (ids === null) {
      ids = stored().filter((id) => byId.has(id));
      if (ids.length) {
        const url = `${window.location.pathname}${queryWithIds(window.location.search, ids)}${window.location.hash}`;
        window.history.replaceState(window.history.state, "", url);
      }
    }
    state.ids = ids.filter((id) => byId.has(id));
    state.unknown = ids.filter((id) => !byId.has(id));
    store(state.ids);
    render();
  };

  const update = (ids) => {
    state.ids = unique(ids).filter((id) => byId.has(id));
    state.unknown = [];
    const url = `${window.location.pathname}${queryWithIds(window.location.search, state.ids)}${window.location.hash}`;
    window.history.pushState({ compare: true }, "", url);
    store(state.ids);
    render();
  };

  form.addEventListener("change", (event) => {
    const box = event.target;
    if (box.name !== "ids") return;
    update(box.checked ? [...state.ids, box.value] : state.ids.filter((id) => id !== box.value));
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  clear.addEventListener("click", () => {
    update([]);
    boxes.values().next().value?.focus();
  });
  results.addEventListener("click", (event) => {
    const button = event.target.closest("[data-remove]");
    if (!button) return;
    const id = button.dataset.remove;
    update(state.ids.filter((other) => other !== id));
    boxes.get(id).focus();
  });
  window.addEventListener("popstate", fromUrl);

  container.replaceChildren(form, status, unknown, hint, results);
  fromUrl();
}

function setUpComparePage() {
  const containers = [...document.querySelectorAll("[data-compare-widget]")].filter((c) => !c.dataset.ready);
  if (!containers.length) return;
  containers.forEach((c) => { c.dataset.ready = "1"; });
  loadJson("data/compare.json").then(
    (data) => containers.forEach((c) => mount(c, data)),
    () => containers.forEach((c) => {
      c.replaceChildren(el("p", { class: "catalog-compare__error", role: "alert", text: c.dataset.error }));
      delete c.dataset.ready;
    }),
  );
}

// --- "add to compare" on programme pages ------------------------------------------------------------

function setUpAddButtons() {
  const selection = stored();
  for (const link of document.querySelectorAll("a[data-compare-add]")) {
    const id = link.dataset.compareAdd;
    if (!ID.test(id)) continue;
    const url = new URL(link.getAttribute("href"), window.location.href);
    const ids = selection.includes(id) ? selection : [...selection, id];
    url.search = queryWithIds(url.search, ids);
    link.href = url.href;
    if (selection.includes(id)) link.textContent = fill(link.dataset.textAdded, { count: selection.length });
    else if (selection.length) link.textContent = fill(link.dataset.textMore, { count: selection.length });
    link.addEventListener("click", () => store(ids));
  }
}

function setUp() {
  setUpComparePage();
  setUpAddButtons();
}

onEveryPage(setUp);
