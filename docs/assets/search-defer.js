// The search index is fetched only when the reader reaches for search (see overrides/main.html).
(function () {
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var held = [], released = /[?&][qh]=/.test(location.search);   // ?h=: opened from a result, highlight now
  var worker = null;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbSearchIndex = /search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.kbSearchIndex && !released) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  // The search worker (javascripts/workers/kb-search.js) is told to load lunr's scripts for the
  // page's language while the index downloads: left to Material, it loads them one after the
  // other once the index is there, two more round trips on a slow link.
  var NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = function (url, options) {
      var created = new NativeWorker(url, options);
      if (/\/kb-search\.js(\?|$)/.test(String(url))) { worker = created; if (released) prepare(); }
      return created;
    };
    window.Worker.prototype = NativeWorker.prototype;
  }
  function prepare() {
    if (worker) worker.postMessage({ kbPrepare: document.documentElement.lang });
  }
  function release() {
    if (released) return;
    released = true;
    prepare();
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) release();
  }, true);
  ["pointerdown", "click"].forEach(function (type) {   // pointerdown: the fetch starts before the tap ends
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest('label[for="__search"], .md-search')) release();
    }, true);
  });
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) release();
  }, true);
})();
