// Material fetches the whole search index on every page view, before anyone has asked to search.
// This script (loaded before Material's bundle, see main.html) holds that one request back until the
// reader goes for search: pointer over or focus on the search box or its button, a tap, or one of
// Material's search keys (/, s, f). Material's own code is unchanged; it simply receives the index
// a moment later. A URL with ?q= (open search) or ?h= (highlight terms) loads it at once.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var EVENTS = ["focusin", "pointerover", "pointerdown", "touchstart", "keydown", "change"];
  var wanted = /[?&](q|h)=/.test(window.location.search);
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.catalogSearchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.catalogSearchIndex && !wanted) {
      waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function want() {
    if (wanted) return;
    wanted = true;
    EVENTS.forEach(function (type) { document.removeEventListener(type, onEvent, true); });
    waiting.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }

  function onEvent(event) {
    if (event.type === "keydown") {
      if (/^[/sf]$/i.test(event.key || "")) want();
      return;
    }
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, label[for='__search'], #__search")) want();
  }

  EVENTS.forEach(function (type) { document.addEventListener(type, onEvent, true); });
})();
