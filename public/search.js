// haiku-advisor search, as you type: the top five results under the search box, arrow keys and Enter, `/` to
// focus the box, Escape to close; and on a page opened from a result, the searched words marked (`?h=`).
// No framework, no build step; every page works without it.
(function () {
  "use strict";

  var DELAY_MS = 120;

  // ------------------------------------------------------------------------------------------- as you type
  function attach(input) {
    var form = input.form;
    var list = document.createElement("ul");
    var id = input.id + "-suggestions";
    var timer = 0, controller = null, items = [], active = -1, lastQuery = "";
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    form.classList.add("has-suggestions");
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function select(index) {
      if (items.length === 0) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    // The snippet is HTML the server escaped; keep only its text and its <mark>s.
    function snippetNode(html) {
      var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
      var out = document.createElement("span");
      out.className = "suggestion-snippet";
      (parsed ? Array.prototype.slice.call(parsed.childNodes) : []).forEach(function (node) {
        if (node.nodeName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = node.textContent;
          out.appendChild(mark);
        } else {
          out.appendChild(document.createTextNode(node.textContent));
        }
      });
      return out;
    }

    function option(index, href, title, detail, snippet) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      li.id = id + "-" + index;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      a.href = href;
      a.tabIndex = -1;
      var strong = document.createElement("span");
      strong.className = "suggestion-title";
      strong.textContent = title;
      a.appendChild(strong);
      if (detail) {
        var small = document.createElement("span");
        small.className = "suggestion-detail";
        small.textContent = detail;
        a.appendChild(small);
      }
      if (snippet) a.appendChild(snippetNode(snippet));
      li.appendChild(a);
      return li;
    }

    function show(query, answer) {
      list.textContent = "";
      var highlight = query.trim() ? "?h=" + encodeURIComponent(query.trim()) : "";
      items = answer.results.map(function (hit, index) {
        var hash = hit.url.indexOf("#");
        var href = hash < 0 ? hit.url + highlight : hit.url.slice(0, hash) + highlight + hit.url.slice(hash);
        return option(index, href, hit.title, hit.section_title || "", hit.snippet);
      });
      var label = answer.suggestion ? "Did you mean “" + answer.suggestion + "”? All results" : "All " + answer.total + " results for “" + query + "”";
      items.push(option(items.length, "/search?q=" + encodeURIComponent(query), label, "", ""));
      items[items.length - 1].classList.add("suggestion-all");
      items.forEach(function (item) { list.appendChild(item); });
      active = -1;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function fetchResults() {
      var query = input.value;
      if (query === lastQuery && !list.hidden) return;
      lastQuery = query;
      if (controller) controller.abort();  // a stale answer must not replace a newer one
      if (query.trim().length < 2) { close(); return; }
      controller = new AbortController();
      fetch("/api/search?limit=5&q=" + encodeURIComponent(query), { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (reply) { return reply.ok ? reply.json() : null; })
        .then(function (answer) {
          if (!answer || input.value !== query || document.activeElement !== input) return;
          if (answer.results.length === 0) { close(); return; }
          show(query, answer);
        })
        .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchResults, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) { lastQuery = ""; fetchResults(); return; }
        event.preventDefault();
        select(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].querySelector("a").href;
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });  // let a click on a result land first
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  }

  // -------------------------------------------------------------------------------- `/` focuses the search box
  function focusShortcut(input) {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
  }

  // ------------------------------------------------------------------------------------- highlight on arrival
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // The index stems words (limits, limiting, limited: limit): mark every word that starts like a searched one.
  function stem(word) {
    return word.length > 4 ? word.replace(/(ing|ed|es|s)$/, "") : word;
  }

  function highlight(root, words) {
    var terms = words.filter(function (w) { return w.length >= 2; }).map(function (w) { return escapeRegExp(stem(w.toLowerCase())); });
    if (terms.length === 0) return;
    var pattern = new RegExp("(?<![\\p{L}\\p{N}])(?:" + terms.join("|") + ")[\\p{L}\\p{N}]*", "giu");
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentNode;
        if (!parent || /^(SCRIPT|STYLE|TEXTAREA|MARK|INPUT)$/.test(parent.nodeName)) return NodeFilter.FILTER_REJECT;
        if (parent.closest && parent.closest("form, .anchor")) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue, last = 0, match, fragment = null;
      pattern.lastIndex = 0;
      while ((match = pattern.exec(text)) !== null) {
        if (match[0].length === 0) { pattern.lastIndex++; continue; }
        fragment = fragment || document.createDocumentFragment();
        fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.className = "search-hit";
        mark.textContent = match[0];
        fragment.appendChild(mark);
        last = match.index + match[0].length;
      }
      if (fragment) {
        fragment.appendChild(document.createTextNode(text.slice(last)));
        node.parentNode.replaceChild(fragment, node);
      }
    });
  }

  function arrive() {
    var words = new URLSearchParams(window.location.search).get("h");
    var main = document.getElementById("main");
    if (!words || !main || window.location.pathname === "/search") return;
    highlight(main, words.split(/\s+/));
    var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    var first = target || main.querySelector("mark.search-hit");
    if (first && first.scrollIntoView) first.scrollIntoView({ block: target ? "start" : "center" });
  }

  function start() {
    var inputs = document.querySelectorAll("input[data-suggest]");
    Array.prototype.forEach.call(inputs, attach);
    if (inputs.length > 0) focusShortcut(inputs[0]);
    arrive();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
