// SiteGen: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // A click on a paragraph number copies the paragraph's permanent link.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.pnum");
    if (!link || !navigator.clipboard) return;
    var url = new URL(link.getAttribute("href"), location.href).toString();
    navigator.clipboard.writeText(url).then(function () {
      link.setAttribute("data-copied", "");
      setTimeout(function () { link.removeAttribute("data-copied"); }, 1500);
    }, function () {});
  });
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
})();
