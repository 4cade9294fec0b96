// Runs first in Material's search worker (generator/engine/material.py puts it there). It rewrites the
// reader's query before lunr sees it, with what the build put in the index's config.catalog_query
// (generator/features/search.py, query_settings):
// - a document number, however typed (中节协〔2024〕3号, 中节协[2024]3号, 中节协(2024)3, 中节协2024年3号),
//   also searches for its one ASCII token, which the index holds in its `number` and `cites` fields;
// - a word with synonyms (content/synonyms.yaml) also searches for them.
(() => {
  let settings = null;

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
    return added.length ? `${query} ${added.join(" ")}` : query;
  };

  const listen = self.addEventListener.bind(self);
  self.addEventListener = (type, handler, options) => {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, (event) => {
      const message = event.data;
      if (message && message.type === 0) settings = message.data.config.catalog_query || null;
      if (message && message.type === 2 && settings && typeof message.data === "string") {
        return handler(new MessageEvent("message", { data: { type: 2, data: rewrite(message.data) } }));
      }
      return handler(event);
    }, options);
  };
})();
