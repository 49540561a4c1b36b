// An independent reader of the citation files, exposed to the page as window.citations: Citation.js, which
// reads BibTeX and CSL-JSON into CSL items as reference managers (and Pandoc's citeproc users) do.
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";

window.citations = {
  read: (text) => new Cite(text).data.map(({ _graph, ...item }) => item),
};
