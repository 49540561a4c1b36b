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
  // The timeline's filter: only the rows of the concepts whose name has the words typed, in the category chosen,
  // moved up to close the gaps; ?q= and ?category= in the address choose them too.
  var heatmap = document.getElementById("heatmap"), filter = document.querySelector(".timeline-filter");
  if (heatmap && filter) {
    var q = document.getElementById("timeline-q"), category = document.getElementById("timeline-category");
    var count = filter.querySelector(".timeline-count"), rows = heatmap.querySelectorAll(".heat-row");
    var rowHeight = 26, head = 34, width = heatmap.viewBox.baseVal.width;
    var params = new URLSearchParams(location.search);
    q.value = params.get("q") || "";
    category.value = params.get("category") || "";
    if (category.selectedIndex < 0) category.value = "";
    var apply = function () {
      var words = q.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var title = row.getAttribute("data-title");
        var show = (!category.value || row.getAttribute("data-category") === category.value) &&
          words.every(function (w) { return title.indexOf(w) >= 0; });
        row.style.display = show ? "" : "none";
        if (show) row.setAttribute("transform", "translate(0 " + (head + shown++ * rowHeight) + ")");
      });
      var height = head + Math.max(1, shown) * rowHeight;
      heatmap.setAttribute("viewBox", "0 0 " + width + " " + height);
      heatmap.setAttribute("height", String(height));
      count.textContent = shown === rows.length ? "all " + shown + " concepts" : shown + " of " + rows.length + " concepts";
    };
    var remember = function () {
      var p = new URLSearchParams(location.search);
      if (q.value) p.set("q", q.value); else p.delete("q");
      if (category.value) p.set("category", category.value); else p.delete("category");
      var s = p.toString();
      history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
    };
    q.addEventListener("input", function () { apply(); remember(); });
    category.addEventListener("change", function () { apply(); remember(); });
    filter.addEventListener("submit", function (e) { e.preventDefault(); });
    filter.hidden = false;
    apply();
  }
  // A concept page opened on one text's mentions (#in-<text>, as the timeline links them) shows that text's only,
  // with a way back to all of them.
  var mentions = document.querySelector(".concept .mentions");
  if (mentions) {
    var note = document.createElement("p");
    note.className = "mention-filter-note";
    note.hidden = true;
    mentions.insertBefore(note, mentions.querySelector(".mention-group"));
    var showText = function () {
      var id = null;
      // A fragment a browser cannot decode (#in-%, typed or linked by hand) names no text: every text is shown.
      try { id = /^#in-/.test(location.hash) ? decodeURIComponent(location.hash.slice(1)) : null; } catch (e) { id = null; }
      var target = id && document.getElementById(id);
      var filtered = !!(target && target.classList.contains("mention-group"));
      mentions.classList.toggle("filtered", filtered);
      note.hidden = !filtered;
      if (filtered) {
        note.textContent = "Only the mentions in “" + target.querySelector("h3 a").textContent + "”. ";
        var all = document.createElement("a");
        all.href = "#mentions-heading";
        all.textContent = "Show every text";
        note.appendChild(all);
      }
    };
    showText();
    window.addEventListener("hashchange", showText);
  }
  // Notes beside their passages. On a wide screen each note starts level with the first line of its passage, or
  // just below the note above it; when a paragraph's notes would have to start more than MAX_DRIFT pixels below
  // their passages, they are shown in the flow under the paragraph instead. Without this script, notes float
  // beside their paragraph and stack downwards. Everything is measured again when the layout can have changed.
  var textBody = document.querySelector(".text-body");
  var wideScreen = window.matchMedia && window.matchMedia("screen and (min-width: 64rem)");
  var MAX_DRIFT = 190, NOTE_GAP = 12;
  function passageOf(note) {
    var name = note.id.slice("note-".length);
    var marks = textBody.querySelectorAll("mark.passage");
    for (var i = 0; i < marks.length; i++) if (marks[i].getAttribute("data-note") === name) return marks[i];
    return document.getElementById("ref-" + name);
  }
  // A paragraph's notes come before it in the page; a paragraph too crowded for the margin gets them under it.
  // Which paragraph an aside belongs to is read once, before any has moved: a later layout (another width) finds
  // the same paragraph, not the one after the aside's new place.
  var paragraphs = new Map();
  function paragraphOf(aside) {
    if (paragraphs.has(aside)) return paragraphs.get(aside);
    var next = aside.nextElementSibling;
    while (next && !next.classList.contains("para")) next = next.nextElementSibling;
    paragraphs.set(aside, next);
    return next;
  }
  function placeNotes() {
    if (!textBody) return;
    var asides = textBody.querySelectorAll(".margin-notes");
    Array.prototype.forEach.call(asides, paragraphOf);
    var wide = !!(wideScreen && wideScreen.matches);
    // Which width the notes were last placed for (a page's layout can be waited for on it).
    textBody.setAttribute("data-notes-placed", String(window.innerWidth));
    textBody.classList.toggle("notes-placed", wide && asides.length > 0);
    textBody.style.paddingBottom = "";
    Array.prototype.forEach.call(asides, function (aside) {
      aside.classList.remove("in-flow");
      Array.prototype.forEach.call(aside.querySelectorAll(".note"), function (n) { n.style.top = n.style.left = ""; });
    });
    if (!wide || asides.length === 0) return;
    // Notes are positioned in their paragraph's box (which the related-passages mark is placed in), at the
    // margin's left edge: the text column's width and 2rem beyond the column's left edge.
    var origin = function () { return textBody.getBoundingClientRect().top; };
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    var margin = textBody.getBoundingClientRect().left + (parseFloat(getComputedStyle(textBody).getPropertyValue("--measure")) + 2) * rem;
    var floor = -Infinity;
    Array.prototype.forEach.call(asides, function (aside) {
      // Measured one paragraph at a time, top down: a paragraph whose notes go into the flow moves what follows.
      var top0 = origin(), tops = [], next = floor, fits = true;
      Array.prototype.forEach.call(aside.querySelectorAll(".note"), function (note) {
        var passage = passageOf(note);
        var anchor = (passage ? passage.getClientRects()[0] || passage.getBoundingClientRect() : aside.getBoundingClientRect()).top - top0;
        var top = Math.max(anchor, next);
        if (top - anchor > MAX_DRIFT) fits = false;
        tops.push(top);
        next = top + note.offsetHeight + NOTE_GAP;
      });
      if (fits) {
        Array.prototype.forEach.call(aside.querySelectorAll(".note"), function (note, i) {
          var box = (note.offsetParent || textBody).getBoundingClientRect();
          note.style.top = Math.round(tops[i] - (box.top - top0)) + "px";
          note.style.left = Math.round(margin - box.left) + "px";
        });
        floor = next;
      } else {
        var paragraph = paragraphOf(aside);
        if (paragraph) paragraph.after(aside);
        aside.classList.add("in-flow");
      }
    });
    // The last notes may reach below the text's last line: the text makes room for them, so that they never
    // run into what follows the text.
    var overhang = floor - NOTE_GAP - textBody.offsetHeight;
    if (overhang > 0) textBody.style.paddingBottom = Math.ceil(overhang) + "px";
  }
  if (textBody && textBody.querySelector(".margin-notes")) {
    var placing = 0, lastWidth = 0;
    var replace = function () { cancelAnimationFrame(placing); placing = requestAnimationFrame(placeNotes); };
    placeNotes();
    window.addEventListener("load", replace);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(replace);
    window.addEventListener("resize", function () { if (window.innerWidth !== lastWidth) { lastWidth = window.innerWidth; replace(); } });
    if (wideScreen && wideScreen.addEventListener) wideScreen.addEventListener("change", replace);
    // Opening a paragraph's passages in other texts makes it taller.
    textBody.addEventListener("toggle", replace, true);
  }
  // On a narrow screen a note opens under its paragraph when its marker is followed. The page then scrolls so
  // that the passage stays in view with the note below it, or, when the paragraph goes on too long for both to
  // fit on the screen, to the note, whose number leads back: that way back lands on the passage itself.
  function narrow() { return !(wideScreen && wideScreen.matches); }
  function scrollToPassage(passage, note) {
    var p = passage.getClientRects()[0] || passage.getBoundingClientRect();
    var room = window.innerHeight, gap = Math.min(48, room * 0.1);
    var y = window.scrollY + p.top - gap;
    if (note) {
      var n = note.getBoundingClientRect();
      if (n.top + Math.min(n.height, 120) - p.top > room - 2 * gap) y = window.scrollY + n.top - gap;
    }
    window.scrollTo(window.scrollX, Math.max(0, y));
  }
  if (textBody) {
    textBody.addEventListener("click", function (event) {
      if (!narrow() || !event.target.closest) return;
      var ref = event.target.closest("a.note-ref"), back = event.target.closest("a.note-num");
      var link = ref || back;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      var name = link.getAttribute("href").replace(/^#(note|ref)-/, "");
      var note = document.getElementById("note-" + name), passage = note && passageOf(note);
      if (!passage) return;
      event.preventDefault();
      location.hash = ref ? "note-" + name : "ref-" + name;
      scrollToPassage(passage, ref ? note : null);
    });
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
    // A mention links to its concept's page, whose address ends in concepts/<id>/.
    var id = (/\/concepts\/([^\/]+)\/$/.exec(link.pathname) || [])[1];
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