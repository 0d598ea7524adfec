// Copy buttons: one beside the share link (a `.copy-slot` names its target with data-copy-target) and one on every
// code block. The page works without it: the link and the code stay selectable text.
(function () {
  "use strict";
  // The outcome is said in a polite live region beside the button as well as on it: a focused button's new text is
  // often not read out. A failure goes back to the label after a while too (it stayed on the button for good).
  function copyButton(parent, label, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = label;
    var status = document.createElement("span");
    status.className = "visually-hidden copy-status";
    status.setAttribute("role", "status");
    var say = function (shown, spoken) {
      button.textContent = shown;
      status.textContent = spoken;
      window.setTimeout(function () { button.textContent = label; status.textContent = ""; }, shown === "Copied" ? 1600 : 4000);
    };
    button.addEventListener("click", function () {
      var failed = function () { say("Select and copy by hand", "Could not copy: select the text and copy it by hand."); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        // A clipboard that neither answers nor refuses within 2 s (a permission prompt left open) is said to have
        // failed; if it copies later, that is said too.
        var settled = false;
        var waiting = window.setTimeout(function () { if (!settled) failed(); }, 2000);
        navigator.clipboard.writeText(text()).then(function () {
          settled = true; window.clearTimeout(waiting); say("Copied", "Copied to the clipboard.");
        }, function () { settled = true; window.clearTimeout(waiting); failed(); });
      } else {
        failed();
      }
    });
    parent.appendChild(button);
    parent.appendChild(status);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var slots = document.querySelectorAll(".copy-slot[data-copy-target]");
    Array.prototype.forEach.call(slots, function (slot) {
      var target = document.getElementById(slot.getAttribute("data-copy-target"));
      if (!target) return;
      copyButton(slot, slot.getAttribute("data-copy-label") || "Copy", function () {
        return target.href || target.textContent;
      });
    });
    var blocks = document.querySelectorAll(".prose pre");
    Array.prototype.forEach.call(blocks, function (pre) {
      var code = pre.querySelector("code") || pre;
      copyButton(pre, "Copy", function () { return code.textContent; });
    });
  });
})();
