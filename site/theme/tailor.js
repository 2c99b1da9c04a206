/* tailor runbook: the menu on narrow screens, the search box and the copy
   buttons. It makes no request: the search index is a script beside the
   pages, loaded when the reader first searches. Without it the pages
   read the same. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  /* The text a copy button copies: the commands of a session without
     their prompts and output, or the whole block; never line numbers. */
  function copyText(code) {
    var out = "";
    (function walk(node) {
      for (var n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          out += n.nodeValue;
        } else if (n.nodeType === 1 && !n.classList.contains("gp") &&
                   !n.classList.contains("go") && !n.classList.contains("ln")) {
          walk(n);
        }
      }
    })(code);
    return out.replace(/\n+$/, "");
  }

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function addCopyButtons() {
    var blocks = document.querySelectorAll("div.highlight");
    for (var i = 0; i < blocks.length; i++) {
      (function (block) {
        var code = block.querySelector("code");
        if (!code) { return; }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy";
        button.textContent = "Copy";
        button.setAttribute("aria-label", "Copy the code");
        button.addEventListener("click", function () {
          var secret = code.querySelector(".secret") !== null;
          writeClipboard(copyText(code)).then(function () {
            button.textContent = secret ? "Copied, secret masked" : "Copied";
          }, function () {
            button.textContent = "Select and copy";
          });
          setTimeout(function () { button.textContent = "Copy"; }, 2500);
        });
        block.insertBefore(button, block.firstChild);
      })(blocks[i]);
    }
  }

  function setUpMenu() {
    var toggle = document.querySelector(".menu-toggle");
    var sidebar = document.getElementById("tailor-sidebar");
    if (!toggle || !sidebar) { return; }
    function show(open) {
      var header = document.querySelector(".site-header");
      if (header) {
        root.style.setProperty("--header-height", header.getBoundingClientRect().bottom + "px");
      }
      sidebar.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    toggle.addEventListener("click", function () {
      show(!sidebar.classList.contains("open"));
    });
    sidebar.addEventListener("click", function (e) {
      if (e.target.closest("a")) { show(false); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && sidebar.classList.contains("open")) { show(false); }
    });
  }

  /* Search: every word of the query, as the start of a word, in a
     section's title or text; title matches first. */
  var input, results, loading = false;

  function words(s) {
    return s.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(function (w) { return w !== ""; });
  }

  function startsWord(hay, w) {
    var i = hay.indexOf(w);
    while (i >= 0) {
      if (i === 0 || !/[\p{L}\p{N}_]/u.test(hay.charAt(i - 1))) { return i; }
      i = hay.indexOf(w, i + 1);
    }
    return -1;
  }

  function excerpt(text, w) {
    var lower = text.toLowerCase();
    var at = startsWord(lower, w);
    if (at < 0) { at = 0; }
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + w.length + 100);
    var span = document.createElement("span");
    span.className = "search-excerpt";
    span.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + w.length);
    span.appendChild(mark);
    span.appendChild(document.createTextNode(text.slice(at + w.length, end) + (end < text.length ? "…" : "")));
    return span;
  }

  function search() {
    var index = window.tailorSearch;
    var query = words(input.value);
    while (results.firstChild) { results.removeChild(results.firstChild); }
    if (query.length === 0) { results.hidden = true; return; }
    if (!index) { load(); return; }
    var found = [];
    index.sections.forEach(function (s, order) {
      var page = index.pages[s[0]];
      var title = (s[2] || "").toLowerCase();
      var pageTitle = page[1].toLowerCase();
      var text = s[3].toLowerCase();
      var score = 0;
      for (var i = 0; i < query.length; i++) {
        var w = query[i];
        if (startsWord(title, w) >= 0) { score += 10; }
        else if (startsWord(pageTitle, w) >= 0) { score += 3; }
        else if (startsWord(text, w) >= 0) { score += 1; }
        else { return; }
      }
      found.push({ s: s, page: page, score: score, order: order });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var base = input.getAttribute("data-root") || "";
    found.slice(0, 30).forEach(function (f) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + f.page[0] + (f.s[1] ? "#" + f.s[1] : "");
      var t = document.createElement("span");
      t.className = "search-title";
      t.textContent = f.s[2] && f.s[2] !== f.page[1] ? f.page[1] + " › " + f.s[2] : f.page[1];
      a.appendChild(t);
      a.appendChild(excerpt(f.s[3], query[0]));
      li.appendChild(a);
      results.appendChild(li);
    });
    if (found.length === 0) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "Nothing found.";
      results.appendChild(none);
    }
    results.hidden = false;
  }

  function load() {
    if (loading) { return; }
    loading = true;
    var s = document.createElement("script");
    s.src = input.getAttribute("data-index");
    s.onload = search;
    document.head.appendChild(s);
  }

  function setUpSearch() {
    input = document.getElementById("tailor-search");
    results = document.getElementById("tailor-search-results");
    if (!input || !results) { return; }
    input.parentNode.hidden = false;
    input.addEventListener("focus", load);
    input.addEventListener("input", search);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        var first = results.querySelector("a");
        if (first) { first.click(); }
      } else if (e.key === "Escape") {
        input.value = "";
        search();
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && document.activeElement !== input &&
          !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
        e.preventDefault();
        var toggle = document.querySelector(".menu-toggle");
        if (toggle && getComputedStyle(toggle).display !== "none" &&
            toggle.getAttribute("aria-expanded") !== "true") {
          toggle.click();
        }
        input.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpMenu();
    setUpSearch();
    addCopyButtons();
  });
})();
