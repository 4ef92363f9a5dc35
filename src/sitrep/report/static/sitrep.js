// sitrep: theme, keyboard navigation, highlight toggles; in the one-file dossier, opening
// a source link highlights its span. No dependencies, nothing fetched.
(function () {
  "use strict";
  var root = document.documentElement;
  var stored = null;
  try { stored = window.localStorage.getItem("sitrep-theme"); } catch (e) { /* file:// */ }
  var prefersDark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  root.setAttribute("data-theme", stored || (prefersDark ? "dark" : "light"));

  function labelToggle() {
    var button = document.getElementById("theme-toggle");
    if (button) { button.textContent = root.getAttribute("data-theme") === "dark" ? "☀ Light" : "☾ Dark"; }
  }

  function toggleTheme() {
    var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { window.localStorage.setItem("sitrep-theme", next); } catch (e) { /* file:// */ }
    labelToggle();
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function visibleItems() {
    return Array.prototype.filter.call(document.querySelectorAll("[data-item]"), function (item) {
      return item.offsetParent !== null;
    });
  }

  function moveFocus(step) {
    var items = visibleItems();
    if (!items.length) { return; }
    var current = items.indexOf(document.activeElement);
    var next = items[Math.min(Math.max(current + step, 0), items.length - 1)];
    if (current === -1) { next = items[step > 0 ? 0 : items.length - 1]; }
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }

  function openFocused() {
    var item = document.activeElement;
    if (!item || !item.hasAttribute("data-item")) { return false; }
    var link = item.querySelector("a[href]");
    if (link) { link.click(); return true; }
    return false;
  }

  // One-file dossier: "#report-3:120-180" highlights characters 120-180 of report 3.
  function highlightFromHash() {
    var match = /^#report-(\d+):(\d+)-(\d+)$/.exec(window.location.hash);
    Array.prototype.forEach.call(document.querySelectorAll(".hl-target[data-o]"), function (node) {
      node.classList.remove("hl-target");
    });
    if (!match) { return; }
    var text = document.querySelector("#report-" + match[1] + " .report-text");
    if (!text) { return; }
    var start = Number(match[2]), end = Number(match[3]), first = null;
    Array.prototype.forEach.call(text.querySelectorAll("[data-o]"), function (node) {
      var from = Number(node.getAttribute("data-o"));
      var to = from + node.textContent.length;
      if (from < end && to > start) {
        node.classList.add("hl-target");
        first = first || node;
      }
    });
    if (first) { first.scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (button) { button.addEventListener("click", toggleTheme); }
    labelToggle();
    Array.prototype.forEach.call(document.querySelectorAll("[data-item]"), function (item) {
      if (!item.hasAttribute("tabindex")) { item.setAttribute("tabindex", "-1"); }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".legend input[data-kind]"), function (box) {
      box.addEventListener("change", function () {
        var text = document.querySelector(box.getAttribute("data-for"));
        if (text) { text.classList.toggle("show-" + box.getAttribute("data-kind"), box.checked); }
      });
    });
    var target = document.getElementById("hl");
    if (target) { target.scrollIntoView({ block: "center" }); }
    if (document.body.classList.contains("dossier")) {
      window.addEventListener("hashchange", highlightFromHash);
      highlightFromHash();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (typing(event.target)) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var search = document.getElementById("search-box");
    if (event.key === "/" && search) { event.preventDefault(); search.focus(); search.select(); }
    else if (event.key === "t") { toggleTheme(); }
    else if (event.key === "j") { event.preventDefault(); moveFocus(1); }
    else if (event.key === "k") { event.preventDefault(); moveFocus(-1); }
    else if (event.key === "Enter" && openFocused()) { event.preventDefault(); }
  });
})();
