// SiteGen: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // A click on a paragraph number copies the paragraph's permanent link, and says so: a visible note beside the
  // number, and the same words in a status region that screen readers announce. The link still goes to #pN.
  var copyStatus = null;
  var copyTimer = 0;
  function announce(words, done) {
    if (!copyStatus) {
      copyStatus = document.createElement("p");
      copyStatus.className = "copy-status";
      copyStatus.setAttribute("role", "status");
      document.body.appendChild(copyStatus);
    }
    copyStatus.textContent = words;
    copyStatus.classList.add("copy-status-shown");
    clearTimeout(copyTimer);
    copyTimer = setTimeout(function () {
      if (done) done();
      copyStatus.classList.remove("copy-status-shown");
    }, 2500);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.pnum");
    if (!link || !navigator.clipboard) return;
    var url = new URL(link.getAttribute("href"), location.href).toString();
    navigator.clipboard.writeText(url).then(function () {
      document.querySelectorAll("a.pnum[data-copied]").forEach(function (a) { a.removeAttribute("data-copied"); });
      link.setAttribute("data-copied", "");
      announce("Link to ¶" + link.getAttribute("data-n") + " copied", function () { link.removeAttribute("data-copied"); });
    }, function () {});
  });
  // "Cite this text": when the address names a paragraph (#pN), the citation names it too (¶N and its link);
  // the citation can be copied in one click.
  var cite = document.getElementById("cite-text");
  if (cite) {
    var citeUrl = cite.querySelector(".cite-url"), locator = cite.querySelector(".cite-locator");
    var which = document.querySelector("#cite .cite-which"), textUrl = citeUrl.textContent;
    var citeParagraph = function () {
      var m = /^#p(\d+)$/.exec(location.hash), found = m && document.getElementById("p" + m[1]);
      locator.textContent = found ? "¶" + m[1] + ". " : "";
      which.textContent = found ? ", ¶" + m[1] : "";
      citeUrl.textContent = found ? textUrl + "#p" + m[1] : textUrl;
    };
    citeParagraph();
    window.addEventListener("hashchange", citeParagraph);
    var copy = document.querySelector("#cite .cite-copy");
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(cite.textContent.replace(/\s+/g, " ").trim()).then(function () {
          announce("Citation" + which.textContent + " copied");
        }, function () {});
      });
    }
  }
  // The reader's choice to highlight concept mentions is remembered across pages.
  var toggle = document.getElementById("show-mentions");
  if (toggle) {
    try { toggle.checked = localStorage.getItem("sitegen.showMentions") === "1"; } catch (e) {}
    toggle.addEventListener("change", function () {
      try { localStorage.setItem("sitegen.showMentions", toggle.checked ? "1" : "0"); } catch (e) {}
    });
  }
  // Tables marked data-sortable: each column heading becomes a button that sorts by that column
  // (by its cells' data-sort values), and says how the table is sorted through aria-sort.
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    var body = table.tBodies[0];
    var headings = table.tHead.rows[0].cells;
    var status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    table.parentNode.insertBefore(status, table.nextSibling);
    Array.prototype.forEach.call(headings, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.getAttribute("data-sort-type") === "number";
        var rows = Array.prototype.slice.call(body.rows);
        // Text keys are compared without accents (pinyin tone marks), so that "jīchǔ" sorts among the j's.
        var key = function (row) {
          var v = row.cells[column].getAttribute("data-sort") || "";
          return numeric ? Number(v) : v.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = numeric ? x - y : (x < y ? -1 : x > y ? 1 : 0);
          if (order === 0) order = key2(a) < key2(b) ? -1 : 1;
          return ascending ? order : -order;
        });
        function key2(row) { return row.cells[0].getAttribute("data-sort") || ""; }
        rows.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(headings, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        status.textContent = "Sorted by " + button.textContent + ", " + (ascending ? "ascending" : "descending") + ".";
      });
    });
  });
  // Concept previews: hovering or focusing a mention shows the concept's title, Chinese term, first sentence
  // and counts, from one small file fetched on first use. Escape closes it; the pointer may move onto it
  // (WCAG 1.4.13); the link still leads to the concept page. Values are written as text, never as HTML.
  var baseMeta = document.querySelector('meta[name="sitegen-base"]');
  var previews = null;
  var loading = null;
  var tip = null;
  var shownFor = null;
  var hideTimer = 0;
  var showTimer = 0;
  function loadPreviews() {
    if (!loading && baseMeta && window.fetch) {
      loading = fetch(baseMeta.getAttribute("content") + "concepts/previews.json")
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; })
        .then(function (data) { previews = data; return data; });
    }
    return loading || Promise.resolve(null);
  }
  function element(tag, className, text, lang) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    if (lang) e.setAttribute("lang", lang);
    return e;
  }
  function hide() {
    clearTimeout(showTimer);
    if (!tip || !shownFor) return;
    shownFor.removeAttribute("aria-describedby");
    tip.hidden = true;
    shownFor = null;
  }
  function place(link) {
    var r = link.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    tip.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = (left + window.scrollX) + "px";
    var below = r.bottom + 6;
    var height = tip.offsetHeight;
    var top = below + height > window.innerHeight && r.top - 6 - height > 0 ? r.top - 6 - height : below;
    tip.style.top = (top + window.scrollY) + "px";
  }
  function show(link) {
    var id = link.getAttribute("data-concept");
    var p = previews && previews[id];
    if (!p) return;
    if (!tip) {
      tip = element("div", "concept-preview");
      tip.id = "concept-preview";
      tip.setAttribute("role", "tooltip");
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { hideTimer = setTimeout(hide, 200); });
      document.body.appendChild(tip);
    }
    tip.textContent = "";
    var head = element("p", "concept-preview-title");
    head.appendChild(element("strong", "", p.title));
    if (p.zh) { head.appendChild(document.createTextNode(" ")); head.appendChild(element("span", "zh", p.zh, "zh")); }
    if (p.pinyin) { head.appendChild(document.createTextNode(" ")); head.appendChild(element("span", "pinyin", p.pinyin, "zh-Latn-pinyin")); }
    tip.appendChild(head);
    if (p.summary) tip.appendChild(element("p", "concept-preview-summary", p.summary));
    tip.appendChild(element("p", "concept-preview-counts", p.mentions + (p.mentions === 1 ? " mention" : " mentions") +
      " in " + p.texts + (p.texts === 1 ? " text" : " texts")));
    tip.hidden = false;
    if (shownFor && shownFor !== link) shownFor.removeAttribute("aria-describedby");
    shownFor = link;
    link.setAttribute("aria-describedby", tip.id);
    place(link);
  }
  function schedule(link) {
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { loadPreviews().then(function () { show(link); }); }, 150);
  }
  function mentionOf(target) { return target && target.closest ? target.closest("a.mention") : null; }
  document.addEventListener("mouseover", function (e) { var a = mentionOf(e.target); if (a) schedule(a); });
  document.addEventListener("mouseout", function (e) {
    var a = mentionOf(e.target);
    if (a && !(e.relatedTarget && a.contains(e.relatedTarget))) { clearTimeout(showTimer); hideTimer = setTimeout(hide, 200); }
  });
  document.addEventListener("focusin", function (e) { var a = mentionOf(e.target); if (a) schedule(a); });
  document.addEventListener("focusout", function (e) { if (mentionOf(e.target)) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && shownFor) hide(); });
  window.addEventListener("resize", function () { if (shownFor) place(shownFor); });
})();