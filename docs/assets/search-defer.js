// The search index is fetched only when the reader reaches for search (see overrides/main.html).
(function () {
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var held = [], released = /[?&]q=/.test(location.search);
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbSearchIndex = /search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.kbSearchIndex && !released) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function release() {
    if (released) return;
    released = true;
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) release();
  }, true);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest('label[for="__search"], .md-search')) release();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) release();
  }, true);
})();
