// Copy buttons: one beside the share link (a `.copy-slot` names its target with data-copy-target) and one on every
// code block. The page works without it: the link and the code stay selectable text.
(function () {
  "use strict";
  function copyButton(label, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = label;
    button.addEventListener("click", function () {
      var done = function () {
        button.textContent = "Copied";
        window.setTimeout(function () { button.textContent = label; }, 1600);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text()).then(done, function () { button.textContent = "Select and copy by hand"; });
      } else {
        button.textContent = "Select and copy by hand";
      }
    });
    return button;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var slots = document.querySelectorAll(".copy-slot[data-copy-target]");
    Array.prototype.forEach.call(slots, function (slot) {
      var target = document.getElementById(slot.getAttribute("data-copy-target"));
      if (!target) return;
      slot.appendChild(copyButton(slot.getAttribute("data-copy-label") || "Copy", function () {
        return target.href || target.textContent;
      }));
    });
    var blocks = document.querySelectorAll(".prose pre");
    Array.prototype.forEach.call(blocks, function (pre) {
      var code = pre.querySelector("code") || pre;
      pre.appendChild(copyButton("Copy", function () { return code.textContent; }));
    });
  });
})();
