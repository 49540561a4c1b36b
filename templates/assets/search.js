// SiteGen search: reads the static index under search/ (written by the generator) in the browser.
// No library, no server. The header's box on every page shows the first results as you type; the
// search page (search/?q=...) shows all of them, with filters. Without JavaScript the box submits to
// the search page, which says that search needs JavaScript. Folding and terms follow the generator's
// SearchTerms exactly: a test holds the two to the same terms.
(function () {
  "use strict";

  // ---- Terms: the generator's folding (case, quotes, dashes, accents) ----------------------------
  var IGNORED = /[\u00AD\u200B\u200C\u200D\uFEFF]/;
  var SPACE = /[\s\u002D\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
  var WORD = /[\p{L}\p{N}\p{M}]/u;
  var MARK = /\p{Mn}/gu;
  function isIdeograph(cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
  }
  function normalise(word) {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7F]*$/.test(word)) return word;
    return word.normalize("NFD").toLowerCase().replace(MARK, "").normalize("NFC");
  }
  /** The terms of a text, each with where it is: [{t, s, e}] (UTF-16 offsets). */
  function terms(text) {
    var out = [], word = "", start = -1, i = 0;
    function flush(end) { if (word) out.push({ t: normalise(word), s: start, e: end }); word = ""; start = -1; }
    for (var ch of text) {
      var cp = ch.codePointAt(0), len = ch.length;
      if (IGNORED.test(ch)) { i += len; continue; }
      if (isIdeograph(cp)) { flush(i); out.push({ t: ch, s: i, e: i + len }); }
      else if (WORD.test(ch) && !SPACE.test(ch)) {
        if (start < 0) start = i;
        word += len === 1 ? ch.toLowerCase() : ch;
      } else flush(i);
      i += len;
    }
    flush(i);
    return out;
  }

  /** A query: words (all must be found; the last one, while typed, as a prefix) and "quoted phrases". */
  function parse(query) {
    var phrases = [], re = /"([^"]*)"?/g, m;
    while ((m = re.exec(query))) {
      var p = terms(m[1]).map(function (x) { return x.t; });
      if (p.length) phrases.push(p);
    }
    var rest = query.replace(/"[^"]*"?/g, " ");
    var words = terms(rest).map(function (x) { return x.t; });
    // The last word is still being typed when nothing follows it; from three letters on, it is a prefix
    // (shorter ones would fetch much of the index of a large edition).
    var typing = words.length > 0 && /[\p{L}\p{N}\p{M}]$/u.test(rest) && words[words.length - 1].length >= 3;
    // A query of more than 16 words is cut: each word costs a download.
    var room = 16;
    words = words.slice(0, room);
    room -= words.length;
    phrases = phrases.filter(function (p) { var fits = p.length <= room; if (fits) room -= p.length; return fits; });
    return { words: words, phrases: phrases, prefix: typing && words.length > 0 };
  }

  // ---- The index --------------------------------------------------------------------------------
  function Index(base) {
    this.base = base;
    this.files = new Map();
  }
  Index.prototype.load = function (path) {
    if (!this.files.has(path)) {
      var url = this.base + "search/" + path;
      this.files.set(path, fetch(url).then(function (r) {
        if (!r.ok) throw new Error("cannot load " + url);
        return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
      }).then(function (b) { return new Uint8Array(b); }));
    }
    return this.files.get(path);
  };
  Index.prototype.json = function (path) {
    return this.load(path).then(function (bytes) { return JSON.parse(new TextDecoder().decode(bytes)); });
  };
  Index.prototype.head = function () {
    if (!this._head) this._head = this.json("index.bin");
    return this._head;
  };
  /** Chunk numbers whose terms may start with `from` (a whole term when exact). */
  function chunksFor(firsts, term, prefix) {
    var lo = 0, hi = firsts.length - 1, at = 0;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (firsts[mid] <= term) { at = mid; lo = mid + 1; } else hi = mid - 1; }
    var out = [at];
    if (prefix) for (var c = at + 1; c < firsts.length && firsts[c].startsWith(term); c++) out.push(c);
    return out;
  }
  function varint(bytes, state) {
    var v = 0, shift = 0, b;
    do { b = bytes[state.i++]; v += (b & 0x7F) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
    return v;
  }
  var decoder = new TextDecoder();
  /** Postings of a term, or of every term starting with it: Map doc → {impact, positions}. */
  Index.prototype.postings = function (term, prefix) {
    var self = this;
    return this.head().then(function (head) {
      return Promise.all(chunksFor(head.terms, term, prefix).map(function (c) { return self.load("t/" + c + ".bin"); }));
    }).then(function (chunks) {
      var found = new Map();
      chunks.forEach(function (bytes) {
        var s = { i: 0 };
        while (s.i < bytes.length) {
          var length = varint(bytes, s), name = decoder.decode(bytes.subarray(s.i, s.i + length));
          s.i += length;
          varint(bytes, s); // documents
          var size = varint(bytes, s), end = s.i + size;
          if (name === term || (prefix && name.startsWith(term))) {
            var doc = 0;
            while (s.i < end) {
              doc += varint(bytes, s);
              var impact = bytes[s.i++], n = varint(bytes, s), positions = new Array(n), at = 0;
              for (var k = 0; k < n; k++) { at += varint(bytes, s); positions[k] = at; }
              var seen = found.get(doc);
              if (!seen) found.set(doc, { impact: impact, positions: positions });
              else { seen.impact = Math.max(seen.impact, impact); seen.positions = seen.positions.concat(positions).sort(function (a, b) { return a - b; }); }
            }
          }
          s.i = end;
        }
      });
      return found;
    });
  };

  function hasPhrase(lists) {
    var first = lists[0];
    for (var i = 0; i < first.length; i++) {
      var ok = true;
      for (var k = 1; k < lists.length && ok; k++) ok = lists[k].indexOf(first[i] + k) >= 0;
      if (ok) return true;
    }
    return false;
  }

  /**
   * Every document that has all the words and phrases, ranked: those where the words stand together
   * as typed first, then by the sum of BM25 impacts, then in reading order. [{doc, score, together}]
   */
  Index.prototype.search = function (query, filter) {
    var q = parse(query), self = this;
    var wanted = [];
    q.words.forEach(function (w, i) { wanted.push({ term: w, prefix: q.prefix && i === q.words.length - 1 }); });
    q.phrases.forEach(function (p) { p.forEach(function (w) { wanted.push({ term: w, prefix: false }); }); });
    if (!wanted.length) return Promise.resolve({ query: q, results: [] });
    return Promise.all(wanted.map(function (w) { return self.postings(w.term, w.prefix); })).then(function (lists) {
      var smallest = lists.reduce(function (a, b) { return a.size <= b.size ? a : b; });
      var results = [];
      smallest.forEach(function (_, doc) {
        for (var i = 0; i < lists.length; i++) if (!lists[i].has(doc)) return;
        if (filter && !filter(doc)) return;
        var offset = q.words.length, ok = true;
        q.phrases.forEach(function (p) {
          if (!ok) return;
          ok = hasPhrase(p.map(function (_, k) { return lists[offset + k].get(doc).positions; }));
          offset += p.length;
        });
        if (!ok) return;
        var score = 0;
        lists.forEach(function (l) { score += l.get(doc).impact; });
        var together = q.words.length > 1 && hasPhrase(q.words.map(function (_, k) { return lists[k].get(doc).positions; }));
        results.push({ doc: doc, score: score, together: together });
      });
      results.sort(function (a, b) { return (b.together - a.together) || (b.score - a.score) || (a.doc - b.doc); });
      return { query: q, results: results };
    });
  };

  /** The stored words and text of documents: [{doc, kind, text: {...}, paragraph, words, name, noteKind, url}]. */
  Index.prototype.documents = function (docs) {
    var self = this;
    return this.head().then(function (head) {
      return Promise.all(docs.map(function (doc) {
        return self.json("d/" + Math.floor(doc / head.perChunk) + ".bin").then(function (chunk) {
          var d = chunk.docs[doc % head.perChunk], t = chunk.texts[d[1]];
          var text = { slug: t[0], title: t[1], date: t[2], dateDisplay: t[3], kind: t[4], url: t[5] };
          return {
            doc: doc, kind: d[0] === "p" ? "paragraph" : "note", text: text, paragraph: d[2], words: d[3],
            name: d[4], noteKind: d[5], url: text.url + (d[0] === "p" ? "#p" + d[2] : "#ref-" + d[4]),
          };
        });
      }));
    });
  };

  /** Concepts whose title, alias, Chinese term or pinyin the query names (or begins, while typed). */
  Index.prototype.concepts = function (query) {
    var folded = terms(query).map(function (x) { return x.t; }).join(" ");
    if (folded.length < 2) return Promise.resolve([]);
    return this.head().then(function (head) {
      return head.concepts.filter(function (c) {
        return [c[1]].concat(c[2], c[5] ? [c[5]] : [], c[6] ? [c[6]] : []).some(function (name) {
          var n = terms(name).map(function (x) { return x.t; }).join(" ");
          return n === folded || n.startsWith(folded) || (" " + folded + " ").indexOf(" " + n + " ") >= 0;
        });
      }).map(function (c) { return { id: c[0], title: c[1], aliases: c[2], url: c[3], category: c[4], zh: c[5] || "", pinyin: c[6] || "" }; });
    });
  };

  /** A filter over documents from the search page's choices, or null. */
  Index.prototype.filter = function (choice) {
    if (!choice.kind && !choice.year && !choice.text && !choice.type) return Promise.resolve(null);
    return Promise.all([this.head(), this.json("filters.bin")]).then(function (loaded) {
      var head = loaded[0], texts = loaded[1].texts, allowed = [];
      texts.forEach(function (t) {
        if (choice.text && t[0] !== choice.text) return;
        if (choice.year && String(t[1]) !== String(choice.year)) return;
        if (choice.kind && head.kinds[t[2]] !== choice.kind) return;
        if (choice.type !== "note") allowed.push([t[3], t[3] + t[4]]);
        if (choice.type !== "paragraph" && t[6] > 0) allowed.push([t[5], t[5] + t[6]]);
      });
      allowed.sort(function (a, b) { return a[0] - b[0]; });
      return function (doc) {
        var lo = 0, hi = allowed.length - 1;
        while (lo <= hi) {
          var mid = (lo + hi) >> 1, r = allowed[mid];
          if (doc < r[0]) hi = mid - 1; else if (doc >= r[1]) lo = mid + 1; else return true;
        }
        return false;
      };
    });
  };

  // ---- What readers see -------------------------------------------------------------------------
  /** A snippet of the words around the first match, the matched words in <mark>: built as DOM nodes. */
  function snippet(words, q) {
    var found = terms(words), wanted = [].concat.apply(q.words, q.phrases), typed = q.prefix ? q.words[q.words.length - 1] : null;
    function matches(t) { return wanted.indexOf(t) >= 0 || (typed !== null && t.startsWith(typed)); }
    var first = found.findIndex(function (x) { return matches(x.t); });
    var from = first < 0 ? 0 : Math.max(0, first - 12), to = Math.min(found.length, from + 40);
    var start = from === 0 ? 0 : found[from].s, end = to >= found.length ? words.length : found[to - 1].e;
    var fragment = document.createDocumentFragment(), at = start;
    if (start > 0) fragment.appendChild(document.createTextNode("…"));
    for (var i = from; i < to; i++) {
      var x = found[i];
      if (!matches(x.t)) continue;
      fragment.appendChild(document.createTextNode(words.slice(at, x.s)));
      var mark = document.createElement("mark");
      mark.textContent = words.slice(x.s, x.e);
      fragment.appendChild(mark);
      at = x.e;
    }
    fragment.appendChild(document.createTextNode(words.slice(at, end) + (end < words.length ? "…" : "")));
    return fragment;
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function resultItem(r, q) {
    var li = element("li", "search-result search-result-" + r.kind);
    var a = element("a");
    a.href = r.url;
    var head = element("span", "search-result-head");
    head.appendChild(element("span", "search-result-kind", r.kind === "note" ? "Note" : "¶" + r.paragraph));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("span", "search-result-title", r.text.title));
    head.appendChild(document.createTextNode(" "));
    var date = element("time", "search-result-date", r.text.dateDisplay);
    date.dateTime = r.text.date;
    head.appendChild(date);
    if (r.kind === "note") head.appendChild(document.createTextNode(" · on ¶" + r.paragraph));
    a.appendChild(head);
    var words = element("span", "search-result-words");
    words.appendChild(snippet(r.words, q));
    a.appendChild(words);
    li.appendChild(a);
    return li;
  }

  function conceptItem(c) {
    var li = element("li", "search-result search-result-concept");
    var a = element("a");
    a.href = c.url;
    var head = element("span", "search-result-head");
    head.appendChild(element("span", "search-result-kind", "Concept"));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("span", "search-result-title", c.title));
    if (c.zh) {
      head.appendChild(document.createTextNode(" "));
      var zh = element("span", "search-result-zh", c.zh);
      zh.setAttribute("lang", "zh");
      head.appendChild(zh);
    }
    a.appendChild(head);
    a.appendChild(element("span", "search-result-words", c.category + (c.aliases.length ? " · also: " + c.aliases.slice(0, 4).join(", ") : "")));
    li.appendChild(a);
    return li;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  var basePath = (document.querySelector("meta[name='sitegen-base']") || {}).content || "/";
  var index = new Index(basePath);
  window.SiteGenSearch = { terms: terms, parse: parse, index: index };

  /** Runs a query and fills `list` with up to `limit` results; returns how many there are. */
  function run(query, list, status, choice, limit, more) {
    // The same search twice (the index's first load and the reader's typing can both ask) leaves the results
    // as they are: replacing them under the pointer would swallow a click.
    var key = JSON.stringify([query.trim(), choice, limit]);
    if (list._key === key) return list._total;
    var token = {};
    list._token = token;
    list._key = key;
    if (!query.trim()) { list.replaceChildren(); status.textContent = ""; if (more) more.hidden = true; return list._total = Promise.resolve(0); }
    var type = choice && choice.type;
    var withConcepts = !type || type === "concept";
    return list._total = Promise.all([index.filter(choice || {}), withConcepts ? index.concepts(query) : []]).then(function (got) {
      var filter = got[0], concepts = got[1];
      var textual = type === "concept" ? Promise.resolve({ query: parse(query), results: [] }) : index.search(query, filter);
      return textual.then(function (found) {
        var shown = found.results.slice(0, limit);
        return index.documents(shown.map(function (r) { return r.doc; })).then(function (docs) {
          if (list._token !== token) return found.results.length;
          var items = concepts.map(conceptItem).concat(docs.map(function (d) { return resultItem(d, found.query); }));
          list.replaceChildren.apply(list, items);
          var total = found.results.length + concepts.length;
          status.textContent = total === 0 ? "Nothing found for “" + query.trim() + "”." :
            plural(total, "result", "results") + " for “" + query.trim() + "”" + (total > items.length ? ", the first " + items.length + " shown." : ".");
          if (more) more.hidden = found.results.length <= limit;
          return total;
        });
      });
    }).catch(function () {
      status.textContent = "Search could not load its index.";
      list._key = null;
      return 0;
    });
  }

  // ---- The search page ----------------------------------------------------------------------------
  function searchPage(page) {
    var form = page.querySelector("form"), input = form.querySelector("input[name=q]"), list = page.querySelector("#search-results");
    var status = page.querySelector("#search-status"), more = page.querySelector("#search-more"), limit = 20;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    page.classList.add("search-ready");
    // The box shows the address's search at once; the filters get their choices when the index's head is in.
    read();
    index.head().then(function (head) {
      fill(form.querySelector("select[name=year]"), head.years.map(function (y) { return [String(y), String(y)]; }));
      fill(form.querySelector("select[name=kind]"), head.kinds.map(function (k) { return [k, k.charAt(0).toUpperCase() + k.slice(1)]; }));
      var text = form.querySelector("select[name=text]");
      if (head.textMenu.length) fill(text, head.textMenu); else text.closest(".search-filter").hidden = true;
      // What the reader typed while the index loaded stands; otherwise the address says what to search.
      if (!typed) read();
      go(false);
    });
    function fill(select, options) {
      options.forEach(function (o) { var e = element("option", "", o[1]); e.value = o[0]; select.appendChild(e); });
    }
    function read() {
      var params = new URLSearchParams(location.search);
      input.value = params.get("q") || "";
      selects.forEach(function (s) {
        var v = params.get(s.name) || "";
        if (v && !Array.prototype.some.call(s.options, function (o) { return o.value === v; })) { var e = element("option", "", v); e.value = v; s.appendChild(e); }
        s.value = v;
      });
    }
    function choice() {
      var c = {};
      selects.forEach(function (s) { if (s.value) c[s.name] = s.value; });
      return c;
    }
    function url() {
      var params = new URLSearchParams();
      if (input.value) params.set("q", input.value);
      selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
      var qs = params.toString();
      return location.pathname + (qs ? "?" + qs : "");
    }
    function go(push) {
      if (push === true) history.pushState(null, "", url()); else if (push === false) history.replaceState(null, "", url());
      document.title = (input.value ? "“" + input.value + "” · " : "") + document.title.replace(/^“.*?” · /, "");
      return run(input.value, list, status, choice(), limit, more);
    }
    var timer, typed = false;
    input.addEventListener("input", function () { typed = true; clearTimeout(timer); limit = 20; timer = setTimeout(function () { go(false); }, 120); });
    selects.forEach(function (s) { s.addEventListener("change", function () { limit = 20; go(true); }); });
    form.addEventListener("submit", function (e) { e.preventDefault(); limit = 20; go(true); });
    more.addEventListener("click", function () { limit += 20; go(); });
    window.addEventListener("popstate", function () { read(); go(); });
  }

  // ---- The header's box, on every page ----------------------------------------------------------
  function headerBox(form) {
    var input = form.querySelector("input[name=q]");
    var panel = element("div", "search-panel");
    panel.id = "search-panel";
    panel.hidden = true;
    var status = element("p", "search-panel-status");
    status.setAttribute("role", "status");
    var list = element("ol", "search-panel-results");
    list.setAttribute("aria-label", "First results");
    var all = element("a", "search-panel-all", "All results");
    panel.append(status, list, all);
    form.appendChild(panel);
    // A list of links with a live status (not a combobox): the arrow keys move into it, Escape closes it.
    input.setAttribute("aria-controls", "search-panel");
    function close() { panel.hidden = true; }
    var timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (input.value.trim().length < 2) { close(); return; }
        all.href = form.action + "?q=" + encodeURIComponent(input.value);
        panel.hidden = false;
        run(input.value, list, status, null, 6);
      }, 120);
    });
    form.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (e.key === "Escape") { close(); input.focus(); }
      else if (e.key === "ArrowDown" && !panel.hidden && links.length) { e.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
      else if (e.key === "ArrowUp" && at >= 0) { e.preventDefault(); if (at === 0) input.focus(); else links[at - 1].focus(); }
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) close(); });
  }

  // ---- A concept's concordance ------------------------------------------------------------------
  // A concept with too many mentions to list has, on its page, every mention in context built here from
  // concepts/<id>/mentions.bin (where each mention is: text, paragraph, offset, length) and the words of the
  // search index's documents, fetched only for the mentions shown. ?text=<slug> and ?year=<year> filter it.

  /** Where each mention is, from the concordance file's varints. */
  function decodeConcordance(bytes) {
    var at = 0;
    function v() { var x = 0, scale = 1, b; do { b = bytes[at++]; x += (b & 0x7f) * scale; scale *= 128; } while (b & 0x80); return x; }
    if (v() !== 1) throw new Error("unknown concordance format");
    var n = v(), text = new Int32Array(n), number = new Int32Array(n), heading = new Uint8Array(n), start = new Int32Array(n), length = new Int32Array(n), t = 0;
    for (var i = 0; i < n; i++) {
      t += v(); text[i] = t;
      var k = v(); number[i] = Math.floor(k / 2); heading[i] = k % 2;
      start[i] = v(); length[i] = v();
    }
    var headings = new Map(), h = v(), decoder = new TextDecoder();
    for (var j = 0; j < h; j++) {
      var ht = v(), hn = v(), bl = v();
      headings.set(ht + ":" + hn, decoder.decode(bytes.subarray(at, at + bl)));
      at += bl;
    }
    return { count: n, text: text, number: number, heading: heading, start: start, length: length, headings: headings };
  }

  /** A mention with some words on either side, cut at spaces (as the generator's static lists do). */
  function inContext(words, start, end) {
    var width = 64, from = Math.max(0, start - width), to = Math.min(words.length, end + width);
    if (from > 0) { var s = words.indexOf(" ", from); if (s >= 0 && s < start) from = s + 1; }
    if (to < words.length) { var e = words.lastIndexOf(" ", to); if (e > end) to = e; }
    return { left: (from > 0 ? "…" : "") + words.slice(from, start), match: words.slice(start, end), right: words.slice(end, to) + (to < words.length ? "…" : "") };
  }

  function concordance(section) {
    var perPage = 50, lines = section.querySelector(".concordance-lines"), status = section.querySelector(".concordance-status");
    var yearBox = section.querySelector(".concordance-year"), earlier = section.querySelector(".concordance-earlier"), later = section.querySelector(".concordance-later");
    var textLine = section.querySelector(".concordance-text"), textTitle = section.querySelector(".concordance-text-title");
    var params = new URLSearchParams(location.search), page = 0, chosen = [];
    fetch(section.getAttribute("data-concordance")).then(function (r) {
      if (!r.ok) throw new Error("cannot load the concordance");
      return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    }).then(function (buffer) {
      return Promise.all([decodeConcordance(new Uint8Array(buffer)), index.json("filters.bin")]);
    }).then(function (loaded) {
      var m = loaded[0], texts = loaded[1].texts, wantedText = -1;
      texts.forEach(function (t, i) { if (t[0] === params.get("text")) wantedText = i; });
      if (params.get("year")) yearBox.value = params.get("year");
      section.hidden = false;
      function choose() {
        chosen = [];
        for (var i = 0; i < m.count; i++)
          if ((wantedText < 0 || m.text[i] === wantedText) && (!yearBox.value || String(texts[m.text[i]][1]) === yearBox.value)) chosen.push(i);
        page = 0;
        show();
      }
      function show() {
        var slice = chosen.slice(page * perPage, (page + 1) * perPage);
        // Each mention's document: its paragraph's, or (for a heading) its text's first, for the title and address.
        var docs = slice.map(function (i) { var t = texts[m.text[i]]; return t[3] + (m.heading[i] ? 0 : m.number[i] - 1); });
        status.textContent = "Loading…";
        index.documents(docs.filter(function (d, k) { return docs.indexOf(d) === k; })).then(function (found) {
          var byDoc = new Map(found.map(function (d) { return [d.doc, d]; }));
          lines.textContent = "";
          var group = null, list = null, last = -1;
          slice.forEach(function (i, k) {
            var d = byDoc.get(docs[k]), text = d.text;
            if (m.text[i] !== last) {
              last = m.text[i];
              group = element("section", "mention-group");
              var h3 = element("h3"), a = element("a", null, text.title);
              a.href = text.url;
              h3.appendChild(a);
              h3.appendChild(document.createTextNode(" "));
              var line = element("span", "text-line"), time = element("time", null, text.dateDisplay);
              time.setAttribute("datetime", text.date);
              line.appendChild(time);
              h3.appendChild(line);
              group.appendChild(h3);
              list = element("ol", "kwic");
              group.appendChild(list);
              lines.appendChild(group);
              if (wantedText >= 0) textTitle.textContent = text.title;
            }
            var words = m.heading[i] ? m.headings.get(m.text[i] + ":" + m.number[i]) || "" : d.words;
            var c = inContext(words, m.start[i], m.start[i] + m.length[i]);
            var li = element("li"), link = element("a");
            link.href = text.url + (m.heading[i] ? "#h" : "#p") + m.number[i];
            link.appendChild(element("span", "kwic-n", m.heading[i] ? "heading" : "¶" + m.number[i]));
            link.appendChild(element("span", "kwic-left", c.left));
            link.appendChild(element("mark", null, c.match));
            link.appendChild(element("span", "kwic-right", c.right));
            li.appendChild(link);
            list.appendChild(li);
          });
          var pages = Math.max(1, Math.ceil(chosen.length / perPage));
          status.textContent = chosen.length === 0 ? "No mentions." : "Mentions " + (page * perPage + 1) + "–" + (page * perPage + slice.length) + " of " + chosen.length +
            (pages > 1 ? " (page " + (page + 1) + " of " + pages + ")" : "");
          earlier.disabled = page === 0;
          later.disabled = page >= pages - 1;
        }, function () { status.textContent = "The mentions could not be loaded."; });
      }
      textLine.hidden = wantedText < 0;
      section.querySelector(".concordance-all").addEventListener("click", function () {
        wantedText = -1; textLine.hidden = true;
        history.replaceState(null, "", location.pathname + "#concordance");
        choose();
      });
      yearBox.addEventListener("change", choose);
      earlier.addEventListener("click", function () { if (page > 0) { page--; show(); } });
      later.addEventListener("click", function () { page++; show(); });
      choose();
      if (location.hash === "#concordance") section.scrollIntoView();
    }).catch(function () { section.hidden = true; });
  }

  /** Each row of a concept's table of texts gains a way to that text's mentions in context, in the concordance. */
  function conceptTexts(table) {
    var page = table.getAttribute("data-concordance-page");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var a = element("a", "concordance-link", "in context");
      a.href = page + "?text=" + encodeURIComponent(row.id.slice(3)) + "#concordance";
      row.cells[2].appendChild(document.createTextNode(" "));
      row.cells[2].appendChild(a);
    });
  }

  function start() {
    var page = document.getElementById("search-page");
    var header = document.querySelector("form.site-search");
    // A browser that cannot inflate the index keeps the page's "needs JavaScript" note and the plain form.
    if (page && window.DecompressionStream) searchPage(page);
    else if (header && window.DecompressionStream) headerBox(header);
    var concordanceSection = document.querySelector("section.concordance[data-concordance]");
    if (window.DecompressionStream) {
      if (concordanceSection) concordance(concordanceSection);
      Array.prototype.forEach.call(document.querySelectorAll("table[data-concordance-page]"), conceptTexts);
    }
    // "/" or Ctrl+K (⌘K) puts the cursor in the search box.
    document.addEventListener("keydown", function (e) {
      var box = page ? page.querySelector("input[name=q]") : header && header.querySelector("input[name=q]");
      if (!box) return;
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
      if ((e.key === "/" && !typing) || (e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        box.focus();
        box.select();
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
