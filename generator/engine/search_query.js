// Runs first in Material's search worker (generator/engine/material.py puts it there). It rewrites the
// reader's query before lunr sees it, with what the build put in the index's config.catalog_query
// (generator/features/search.py, query_settings):
// - a document number, however typed (中节协〔2024〕3号, 中节协[2024]3号, 中节协(2024)3, 中节协2024年3号),
//   also searches for its one ASCII token, which the index holds in its `number` and `cites` fields;
// - a word with synonyms (content/synonyms.yaml) also searches for them;
// - a run of Chinese is split into the index's own words (the ones jieba made at build time), longest
//   first. Material's own split keeps every word it finds inside the run, also the overlapping ones
//   (碳汇成本收益分析 became 碳 碳汇 汇成 本 收益 分析), and 碳* then matched every title with 碳 in it.
(() => {
  let settings = null;
  let words = new Set();
  let longest = 1;

  const learnWords = (docs) => {
    words = new Set();
    for (const doc of docs) {
      for (const [word] of `${doc.title} ${doc.text}`.matchAll(/\p{sc=Han}+/gu)) words.add(word);
    }
    longest = Math.min(16, Math.max(1, ...[...words].map((w) => w.length)));
  };

  const splitHan = (run) => {
    const parts = [];
    for (let start = 0; start < run.length;) {
      let end = Math.min(run.length, start + longest);
      while (end > start + 1 && !words.has(run.slice(start, end))) end--;
      parts.push(run.slice(start, end));
      start = end;
    }
    return parts.join(" ");
  };

  // The same token as generator/features/search.py, number_token.
  const numberToken = (prefix, year, number) =>
    "docno" + [...prefix].map((c) => c.codePointAt(0).toString(16)).join("") +
    (year ? "y" + year : "") + "n" + parseInt(number, 10);

  const rewrite = (query) => {
    const added = [];
    if (settings.number_pattern) {
      for (const m of query.matchAll(new RegExp(settings.number_pattern, "g"))) {
        added.push(numberToken(settings.prefixes[m[1]], m[2] || m[3] || m[4], m[5]) + "^1");
      }
    }
    const lower = query.toLowerCase();
    for (const [word, others] of Object.entries(settings.synonyms)) {
      if (lower.includes(word.toLowerCase())) added.push(...others);
    }
    // Whole words match whole: the query's own words, except the last one (perhaps still being typed),
    // lose lunr's trailing wildcard (`^1`), so 碳排放 no longer matches every 碳排放权 in a title.
    const own = query.replace(/\p{sc=Han}+/gu, splitHan).trim().split(/\s+/);
    // A Latin word also goes in whole, for lunr skips the stemmer on a wildcard term: administrator*
    // never matched the index's stem administr.
    const whole = own.map((word, i) => {
      const last = i === own.length - 1;
      if (/^[A-Za-z]{3,}$/.test(word)) return last ? `${word}^1 ${word}` : `${word}^1`;
      return !last && words.has(word) ? `${word}^1` : word;
    });
    const extra = added.join(" ").replace(/\p{sc=Han}+/gu, splitHan);
    return `${whole.join(" ")} ${extra}`.trim();
  };

  const listen = self.addEventListener.bind(self);
  self.addEventListener = (type, handler, options) => {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, (event) => {
      const message = event.data;
      if (message && message.type === 0) {
        settings = message.data.config.catalog_query || null;
        if (settings) learnWords(message.data.docs);
      }
      if (message && message.type === 2 && settings && typeof message.data === "string") {
        return handler(new MessageEvent("message", { data: { type: 2, data: rewrite(message.data) } }));
      }
      return handler(event);
    }, options);
  };
})();
