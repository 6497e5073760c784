// The two editions. Reading needs none of this: the language menu is plain links.
// 1. The language menu keeps the reader's place: the #fragment goes with the link, so
//    /es/glossary/#atrocity-crimes switches to /glossary/#atrocity-crimes.
// 2. A reader whose browser prefers the other edition's language is offered it, once: a small
//    notice linking the twin page, never a redirect. Closing it is remembered on the device.
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll(".md-select__link[hreflang]"));
  if (!links.length || document.querySelector(".kb-not-found")) return;
  var bare = links.map(function (link) { return link.href.split("#")[0]; });

  function carryFragment() {
    links.forEach(function (link, i) { link.href = bare[i] + location.hash; });
  }
  carryFragment();
  window.addEventListener("hashchange", carryFragment);

  var KEY = "kb-edition-hint-closed";
  var current = document.documentElement.lang.slice(0, 2);
  var data = document.getElementById("kb-editions");
  var texts = data ? JSON.parse(data.textContent) : {};
  function remembered() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return true; }
  }
  function remember() {
    try { window.localStorage.setItem(KEY, "1"); } catch (e) { /* private mode: ask again */ }
  }
  links.forEach(function (link) { link.addEventListener("click", remember); });  // chose an edition

  var preferred = (navigator.languages || [navigator.language || ""]).map(function (tag) {
    return String(tag).slice(0, 2).toLowerCase();
  }).filter(function (lang) { return texts[lang]; })[0];
  if (!preferred || preferred === current || remembered()) return;
  var twin = links.filter(function (link) { return link.getAttribute("hreflang") === preferred; })[0];
  if (!twin) return;

  var words = texts[preferred];
  var hint = document.createElement("aside");
  hint.className = "kb-edition-hint";
  hint.lang = preferred;
  hint.setAttribute("aria-label", words.edition_hint);
  var text = document.createElement("p");
  text.textContent = words.edition_hint + " ";
  var go = document.createElement("a");
  go.href = twin.href;
  go.hreflang = preferred;
  go.textContent = words.edition_hint_link;
  go.addEventListener("click", function () { go.href = twin.href; remember(); });
  text.appendChild(go);
  var close = document.createElement("button");
  close.type = "button";
  close.className = "kb-edition-hint__close";
  close.setAttribute("aria-label", words.edition_hint_close);
  close.textContent = "×";
  close.addEventListener("click", function () { remember(); hint.remove(); });
  hint.appendChild(text);
  hint.appendChild(close);
  document.body.appendChild(hint);
})();
