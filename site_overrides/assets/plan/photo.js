// The photo check: the reader picks a photo and the page checks what the source states (pixel size,
// file format), quoting each rule. On the plan page (./page.js), and in a programme page's photo
// section ([data-photo-check-program], generator/pages/templates/program.md.j2). The file is read in this browser only: its size through
// createImageBitmap and its first bytes through File.slice, no URL is made for it and nothing is sent.
// The rules come from assets/data/plan/<id>.json (`photo_check`, generator/features/plan.py).

import { el, fill, onEveryPage } from "../dom.js";
import { loadPlan } from "./data.js";

const SIGNATURES = {
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47],
};

async function hasSignature(file, type) {
  const expected = SIGNATURES[type];
  const head = new Uint8Array(await file.slice(0, expected.length).arrayBuffer());
  return expected.every((byte, i) => head[i] === byte);
}

// What the source's rules say about one file: [{ok, text}], one line per rule, plus the rules the
// source does not give (file size).
async function checkPhoto(file, check, text) {
  const lines = [];
  if (check.format) {
    const { extension, type, rule } = check.format;
    const named = file.name.toLowerCase().endsWith(`.${extension}`);
    const ok = named && (await hasSignature(file, type));
    lines.push({ ok, text: fill(ok ? text.photo_format_ok : text.photo_format_bad, { extension, rule }) });
  }
  if (check.size) {
    let bitmap = null;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      lines.push({ ok: false, text: text.photo_unreadable });
    }
    if (bitmap) {
      const { width, height, rule } = check.size;
      const ok = bitmap.width === width && bitmap.height === height;
      lines.push({ ok, text: fill(ok ? text.photo_size_ok : text.photo_size_bad,
        { width: bitmap.width, height: bitmap.height, rule, rule_width: width, rule_height: height }) });
      bitmap.close();
    }
  }
  lines.push({ ok: null, text: text.photo_file_size });
  return lines;
}

// The labelled file input, the privacy sentence and the result list, for one programme's rules.
export function photoChecker(data, idPrefix) {
  const text = data.text;
  const inputId = `${idPrefix}-photo`;
  const srcLang = data.lang === "zh" ? null : "zh-CN";
  const rules = [data.photo_check.format, data.photo_check.size].filter(Boolean);
  const input = el("input", { id: inputId, type: "file", accept: "image/*", "aria-describedby": `${inputId}-private` });
  const results = el("ul", { class: "catalog-plan__photo-results" });
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    if (!file) {
      results.replaceChildren();
      return;
    }
    const lines = await checkPhoto(file, data.photo_check, text);
    results.replaceChildren(...lines.map((line) => el("li", {
      class: "catalog-plan__photo-result", "data-ok": line.ok === null ? "unknown" : String(line.ok), text: line.text,
    })));
  });
  return el("div", { class: "catalog-plan__photo", "data-photo-check": "" },
    el("p", { text: text.photo_checkable }),
    el("ul", {}, ...rules.map((r) => el("li", { lang: srcLang, text: r.rule }))),
    el("label", { for: inputId, text: text.photo_input }),
    input,
    el("p", { id: `${inputId}-private`, class: "catalog-plan__private", text: text.photo_private }),
    el("div", { role: "status", "aria-live": "polite" }, results), // a list may not be a live region itself
    el("p", { class: "catalog-plan__hint", text: text.photo_by_eye }));
}

// A programme page's photo section: the checker, once the programme's rules have loaded.
function mountOnProgrammePages() {
  for (const box of document.querySelectorAll("[data-photo-check-program]:not([data-ready])")) {
    box.dataset.ready = "1";
    const id = box.dataset.photoCheckProgram;
    loadPlan(id).then((data) => box.replaceChildren(
      el("h4", { text: data.text.photo_check }), photoChecker(data, `photo-${id}`)));
  }
}

onEveryPage(mountOnProgrammePages);
