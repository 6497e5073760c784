// The 404 page: GitHub Pages serves the same root 404.html for every missing address. Keep the
// text in the language of the address (/es/… is Spanish) and drop the other; without this
// script both texts show. Works under a path prefix: the site's root is where this file lives.
// A missing Spanish address is handed to the Spanish edition's own 404 page (/es/404.html: its
// header, menu and search are Spanish), which puts the address the reader asked for back in the
// address bar.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script ? script.src.replace(/assets\/not-found\.js(\?.*)?$/, "") : location.origin + "/";
  var asked = /^#kb-missing=(.+)$/.exec(location.hash);
  if (asked) {
    var original = decodeURIComponent(asked[1]);
    if (original.indexOf(root) === 0) history.replaceState(null, "", original);
  }
  var path = location.href.indexOf(root) === 0 ? location.href.slice(root.length) : location.pathname.slice(1);
  var blocks = Array.prototype.slice.call(document.querySelectorAll(".kb-not-found"));
  var wanted = null;
  blocks.forEach(function (block) {
    var lang = block.getAttribute("data-kb-lang");
    if (lang !== "en" && path.indexOf(lang + "/") === 0) wanted = lang;
  });
  wanted = wanted || "en";
  var edition = document.documentElement.lang.split("-")[0];
  if (wanted !== edition && !asked && wanted !== "en") {
    location.replace(root + wanted + "/404.html#kb-missing=" + encodeURIComponent(location.href));
    return;
  }
  blocks.forEach(function (block) {
    var keep = block.getAttribute("data-kb-lang") === wanted;
    block.hidden = !keep;
    if (keep) {
      document.documentElement.lang = wanted;
      document.title = block.getAttribute("data-kb-title");
    }
  });
  // The language menu: the current language is the page's.
  document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
    if (link.getAttribute("hreflang") === wanted) link.setAttribute("aria-current", "true");
    else link.removeAttribute("aria-current");
  });
})();
