// Definitions of auto-linked terms and organizations (WCAG 2.2 SC 1.4.13, content on hover or
// focus). Without this script each link keeps its title, which browsers show on hover.
// - Mouse and keyboard: a tooltip (role="tooltip", referenced by aria-describedby) shows while
//   the link is hovered or focused. It stays while the pointer moves onto it (hoverable), until
//   the pointer or focus leaves (persistent), and Escape closes it (dismissable).
// - Touch: the first tap opens a small non-modal dialog with the definition and a link to the
//   entry; a tap elsewhere or Escape closes it; a second tap on the term follows the link.
// The links' titles are taken off so that Material's own tooltip does not show as well.
(function () {
  "use strict";
  var SELECTOR = "a.kb-term, a.kb-org";
  var lastPointer = "mouse";
  var tip = null;       // { term, box } the hover/focus tooltip
  var card = null;      // { term, box } the touch dialog
  var hideTimer = null;

  document.querySelectorAll(SELECTOR).forEach(function (term) {
    term.setAttribute("data-kb-definition", term.getAttribute("title") || "");
    term.removeAttribute("title");
  });

  function place(box, term) {
    var rect = term.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(rect.left, width - box.offsetWidth - 8));
    var top = rect.bottom + 6;
    if (top + box.offsetHeight > window.innerHeight && rect.top - box.offsetHeight - 6 > 0) {
      top = rect.top - box.offsetHeight - 6;   // no room below: above the term
    }
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (top + window.scrollY) + "px";
  }

  function hideTip() {
    clearTimeout(hideTimer);
    if (!tip) return;
    tip.term.removeAttribute("aria-describedby");
    tip.box.remove();
    tip = null;
  }

  function showTip(term) {
    clearTimeout(hideTimer);
    if (card) return;
    if (tip && tip.term === term) return;
    hideTip();
    var text = term.getAttribute("data-kb-definition");
    if (!text) return;
    var box = document.createElement("div");
    box.className = "kb-tooltip";
    box.id = "kb-tooltip";
    box.setAttribute("role", "tooltip");
    box.textContent = text;
    box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    box.addEventListener("mouseleave", laterHideTip);
    document.body.appendChild(box);
    place(box, term);
    term.setAttribute("aria-describedby", box.id);
    tip = { term: term, box: box };
  }

  function laterHideTip() {   // time to move the pointer from the term onto the tooltip
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (tip && (tip.box.matches(":hover") || tip.term.matches(":hover") || document.activeElement === tip.term)) return;
      hideTip();
    }, 300);
  }

  function closeCard(returnFocus) {
    if (!card) return;
    var term = card.term;
    term.removeAttribute("aria-expanded");
    card.box.remove();
    card = null;
    if (returnFocus) term.focus({ preventScroll: true });
  }

  function showCard(term) {
    hideTip();
    closeCard(false);
    var box = document.createElement("div");
    box.className = "kb-popover";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", term.textContent);
    var text = document.createElement("p");
    text.textContent = term.getAttribute("data-kb-definition") || "";
    var link = document.createElement("a");
    link.href = term.href;
    // The words come from data/interface.yml (go_to_entry), in the page's language.
    link.textContent = document.documentElement.getAttribute("data-kb-go-to-entry") || "";
    box.appendChild(text);
    box.appendChild(link);
    document.body.appendChild(box);
    place(box, term);
    term.setAttribute("aria-expanded", "true");
    card = { term: term, box: box };
    link.focus({ preventScroll: true });
  }

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);
  document.addEventListener("mouseover", function (event) {
    var term = event.target.closest && event.target.closest(SELECTOR);
    if (term && lastPointer === "mouse") showTip(term);
  });
  document.addEventListener("mouseout", function (event) {
    var term = event.target.closest && event.target.closest(SELECTOR);
    if (term && tip && tip.term === term) laterHideTip();
  });
  document.addEventListener("focusin", function (event) {
    var term = event.target.closest && event.target.closest(SELECTOR);
    if (term && lastPointer !== "touch") showTip(term);
  });
  document.addEventListener("focusout", function (event) {
    if (tip && event.target === tip.term) laterHideTip();
  });
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest(SELECTOR);
    if (term && lastPointer === "touch" && (!card || card.term !== term)) {
      event.preventDefault();
      showCard(term);
      return;
    }
    if (card && !card.box.contains(event.target)) closeCard(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (card) { closeCard(true); return; }
    if (tip) hideTip();
  });
})();
