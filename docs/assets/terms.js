// Glossary terms on touch screens: the first tap shows the definition, with a link to the
// entry; a tap elsewhere or Escape closes it. Mouse and keyboard users get Material's tooltip
// (from the link's title) and follow the link as usual.
(function () {
  "use strict";
  var open = null;
  var lastPointer = "mouse";

  // Material's tooltips take the title off the links once the page has loaded; keep the
  // definition for the tap popover. This script runs before that (at the end of <body>).
  document.querySelectorAll("a.kb-term, a.kb-org").forEach(function (term) {
    term.setAttribute("data-kb-definition", term.getAttribute("title") || "");
  });

  function close() {
    if (!open) return;
    open.term.removeAttribute("aria-expanded");
    open.popover.remove();
    open = null;
  }

  function show(term) {
    close();
    var popover = document.createElement("div");
    popover.className = "kb-popover";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", term.textContent);
    var text = document.createElement("p");
    text.textContent = term.getAttribute("data-kb-definition") || term.getAttribute("title") || "";
    var link = document.createElement("a");
    link.href = term.href;
    // The words come from data/interface.yml (go_to_entry), in the page's language.
    link.textContent = document.documentElement.getAttribute("data-kb-go-to-entry") || "";
    popover.appendChild(text);
    popover.appendChild(link);
    document.body.appendChild(popover);
    var box = term.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8));
    popover.style.left = left + "px";
    popover.style.top = (box.bottom + window.scrollY + 6) + "px";
    term.setAttribute("aria-expanded", "true");
    open = { term: term, popover: popover };
    link.focus({ preventScroll: true });
  }

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("a.kb-term, a.kb-org");
    if (term && lastPointer === "touch" && (!open || open.term !== term)) {
      event.preventDefault();
      show(term);
      return;
    }
    if (open && !open.popover.contains(event.target)) close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) { var term = open.term; close(); term.focus(); }
  });
})();
