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
})();
