// The colour-scheme toggle. Without this script the page follows prefers-color-scheme (style.css); with it, a
// button in the header pins light or dark, and the choice is remembered in localStorage. Loaded in <head> so that a
// pinned scheme applies before the first paint.
(function () {
  "use strict";
  var KEY = "haiku-advisor-theme";
  var root = document.documentElement;
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { /* storage blocked: follow the system */ }
  if (stored === "light" || stored === "dark") root.setAttribute("data-theme", stored);

  function isDark() {
    var pinned = root.getAttribute("data-theme");
    if (pinned) return pinned === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var row = document.querySelector(".header-row");
    if (!row) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "theme-toggle";
    button.textContent = "Dark scheme";
    function show() { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); }
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { window.localStorage.setItem(KEY, next); } catch (e) { /* the choice lasts for this page only */ }
      show();
    });
    if (window.matchMedia) {
      var query = window.matchMedia("(prefers-color-scheme: dark)");
      if (query.addEventListener) query.addEventListener("change", show);
    }
    show();
    row.appendChild(button);
  });
})();
