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

  // --- the sharded index of a large catalogue (features/search.py, sharded_index) ----------------------
  // Material's worker would fetch the whole index and build it before the first result; here a query
  // fetches the term list once, the posting shards of its terms and the entries it shows.
  let shards = null;
  const cache = new Map();
  const base = new URL("../../../search/", self.location.href);
  const fetchJson = (name) => {
    if (!cache.has(name)) cache.set(name, fetch(new URL(name, base)).then((r) => r.json()));
    return cache.get(name);
  };

  const shardOf = (term) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193) >>> 0;
    return h % shards.shards;
  };

  const stem = (word) => (/^[a-z]+$/.test(word) && self.lunr ? self.lunr.stemmer(new self.lunr.Token(word)).toString() : word);

  const pageOf = (n) => {
    const starts = shards.page_starts;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= n) lo = mid; else hi = mid - 1; }
    return starts[lo];
  };

  const searchShards = async (query) => {
    const terms = await fetchJson("index/terms.json");
    if (!words.size) { for (const t of terms) if (/^\p{sc=Han}+$/u.test(t)) words.add(t); longest = 16; }
    const asked = rewrite(query).split(/[\s\u200b-]+/).filter(Boolean).map((t) => {
      const exact = /\^\d+$/.test(t);
      const word = t.replace(/\^\d+$/, "").toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      return { word: exact ? stem(word) : word, exact };
    }).filter((t) => t.word);
    const expanded = asked.map(({ word, exact }) => {
      if (exact || terms.length === 0) return [word];
      const found = [];
      for (const t of terms) if (t.startsWith(word)) { found.push(t); if (found.length >= 24) break; }
      return found.length ? found : [word];
    });
    const needed = [...new Set(expanded.flat().map(shardOf))];
    const loaded = await Promise.all(needed.map((i) => fetchJson(`index/${i}.json`)));
    const byShard = new Map(needed.map((i, k) => [i, loaded[k]]));
    const total = shards.docs, k1 = 1.2, scores = new Map(), matched = new Map();
    asked.forEach(({ word }, q) => {
      for (const term of expanded[q]) {
        const postings = byShard.get(shardOf(term))[term];
        if (!postings) continue;
        const df = postings[0];
        const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        for (let i = 1; i < postings.length; i += 2) {
          // features/search.py, sharded_index: entry boost << 11 | field << 8 | count.
          const n = postings[i], packed = postings[i + 1], tf = packed & 255;
          const boost = shards.fields[packed >> 8 & 7] * shards.entry_boosts[packed >> 11];
          scores.set(n, (scores.get(n) || 0) + idf * boost * (tf * (k1 + 1)) / (tf + k1));
          if (!matched.has(n)) matched.set(n, new Set());
          matched.get(n).add(word);
        }
      }
    });
    // Like Material's worker: an entry that is a page, and one that has more of the words, ranks higher.
    const ranked = [...scores].map(([n, score]) => {
      const share = matched.get(n).size / asked.length;
      return [n, score * (1 + ((pageOf(n) === n ? 1 : 0) + share) ** 2)];
    }).sort((a, b) => b[1] - a[1]);
    const groups = new Map();
    for (const [n, score] of ranked) {
      const page = pageOf(n);
      if (!groups.has(page)) { if (groups.size >= 20) continue; groups.set(page, []); }
      groups.get(page).push([n, score]);
    }
    const blocks = new Set();
    for (const [page, members] of groups) { blocks.add(Math.floor(page / shards.block)); for (const [n] of members) blocks.add(Math.floor(n / shards.block)); }
    const docs = new Map();
    await Promise.all([...blocks].map(async (b) => {
      (await fetchJson(`index/docs-${b}.json`)).forEach((d, i) => docs.set(b * shards.block + i, d));
    }));
    const entry = (n, score) => {
      const [location, title, text] = docs.get(n);
      const found = matched.get(n) || new Set();
      return { location, title, text, score, terms: Object.fromEntries(asked.map(({ word }) => [word, found.has(word)])) };
    };
    // Material shows a group under the entry that is a page: a group without its page would be shown under
    // its last section instead, so the page is added when it ranked below the six shown.
    const items = [...groups].map(([page, members]) => {
      const shown = members.slice(0, 6);
      if (!shown.some(([n]) => n === page)) shown.push(members.find(([n]) => n === page) || [page, 0]);
      return shown.map(([n, score]) => entry(n, score));
    });
    return { items };
  };

  const listen = self.addEventListener.bind(self);
  self.addEventListener = (type, handler, options) => {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, (event) => {
      const message = event.data;
      if (message && message.type === 0) {
        settings = message.data.config.catalog_query || null;
        shards = message.data.config.catalog_shards || null;
        if (settings && !shards) learnWords(message.data.docs);
        if (shards) {
          // lunr.js is still loaded (Material's worker needs it for its setup); it is not used to search.
          handler(event);
          return;
        }
      }
      if (message && message.type === 2 && shards && typeof message.data === "string") {
        searchShards(message.data).then((data) => postMessage({ type: 3, data }),
          (error) => { console.warn(error); postMessage({ type: 3, data: { items: [] } }); });
        return;
      }
      if (message && message.type === 2 && settings && typeof message.data === "string") {
        return handler(new MessageEvent("message", { data: { type: 2, data: rewrite(message.data) } }));
      }
      return handler(event);
    }, options);
  };
})();
