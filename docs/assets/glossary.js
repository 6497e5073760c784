// Glossary page: a filter field that narrows the list as the reader types, and entries that open
// when a link points at them. Without this script every entry is still there, collapsed to its
// term and first sentence, and opens with a tap (<details>).
(function () {
  "use strict";

  function fold(text) {   // case and accents do not matter: "Crimenes" finds "crímenes"
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Open the entry the address points at (/es/glossary/#atrocity-crimes), on arrival and on
  // every later change of the fragment (related-term links, the browser's Back button).
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var holder = target && target.closest(".kb-entry");
    var entry = holder ? holder.querySelector("details") : target && target.closest("details");
    if (!entry || entry.open) return;
    entry.open = true;
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var box = document.querySelector(".kb-filter");
  if (!box) return;
  var input = box.querySelector("input");
  var status = box.querySelector(".kb-filter-status");
  var entries = Array.prototype.slice.call(document.querySelectorAll(".kb-entry"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".kb-letter-group"));
  var letters = document.querySelector(".kb-letters");
  var names = entries.map(function (entry) {
    return fold(entry.getAttribute("data-kb-match") + " " + entry.querySelector("h3").textContent);
  });
  box.hidden = false;

  function apply() {
    var query = fold(input.value.trim());
    var shown = 0;
    entries.forEach(function (entry, i) {
      var match = !query || names[i].indexOf(query) !== -1;
      entry.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".kb-entry:not([hidden])");
    });
    if (letters) letters.hidden = Boolean(query);
    if (!query) {
      status.textContent = "";
    } else if (shown === 0) {
      status.textContent = status.getAttribute("data-kb-none");
    } else {
      status.textContent = box.getAttribute("data-kb-count")
        .replace("{n}", shown).replace("{total}", entries.length);
    }
    box.classList.toggle("kb-filter--none", Boolean(query) && shown === 0);
  }
  input.addEventListener("input", apply);
  // Enter opens the only remaining entry, or the first one.
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var first = entries.filter(function (entry) { return !entry.hidden; })[0];
    if (first) {
      event.preventDefault();
      first.querySelector("details").open = true;
      first.querySelector("summary").focus();
    }
  });
  if (input.value) apply();   // the browser restored a typed filter on Back
})();
