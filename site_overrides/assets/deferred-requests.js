// Material starts two requests on every page view that only matter once the reader acts:
// - the whole search index (search/search_index.json), which it fetches before anyone searches;
// - sitemap.xml, once per <link rel=alternate> (the other edition, the Atom feed), which its language
//   switcher consults on a click (and which alternate.js bypasses, so it is never needed).
// Both grow with the catalogue (BENCHMARKS.md). This script, loaded before Material's bundle (see
// main.html), holds each request back until the reader goes for it: for search, pointer over or focus
// on the search box or its button, a tap, or one of Material's search keys (/, s, f); for the sitemap,
// the language switcher. Material's code is unchanged; it receives the response a moment later.
// A URL with ?q= (open search) or ?h= (highlight search terms) loads the index at once.
(function () {
  "use strict";
  var groups = {
    search: {
      url: /\/search\/search_index\.json$/,
      near: ".md-search, label[for='__search'], #__search",
      keys: /^[/sf]$/i,
      wanted: /[?&](q|h)=/.test(window.location.search),
      waiting: [],
    },
    sitemap: {
      url: /\/sitemap\.xml$/,
      near: ".md-header__option, [hreflang]",
      keys: null,
      wanted: false,
      waiting: [],
    },
  };
  var EVENTS = ["focusin", "pointerover", "pointerdown", "touchstart", "keydown", "change"];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    var path = String(url).split(/[?#]/)[0];
    this.deferredGroup = null;
    for (var name in groups) if (groups[name].url.test(path)) this.deferredGroup = groups[name];
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var group = this.deferredGroup;
    if (group && !group.wanted) {
      group.waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function want(group) {
    if (group.wanted) return;
    group.wanted = true;
    group.waiting.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }

  function onEvent(event) {
    for (var name in groups) {
      var group = groups[name];
      if (group.wanted) continue;
      if (event.type === "keydown") {
        if (group.keys && group.keys.test(event.key || "")) want(group);
      } else if (event.target && event.target.closest && event.target.closest(group.near)) {
        want(group);
      }
    }
  }

  EVENTS.forEach(function (type) { document.addEventListener(type, onEvent, true); });
})();
