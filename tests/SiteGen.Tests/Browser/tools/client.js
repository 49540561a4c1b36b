// Two independent anchoring clients, exposed to the page as window.anchoring: the libraries of the
// Hypothesis client (text quotes) and Apache Annotator's DOM matchers (text quotes and positions).
// dom-anchor-text-position is not used: it cannot select a range that ends where its root's text ends.
import * as textQuote from "dom-anchor-text-quote";
import { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } from "@apache-annotator/dom";

async function first(matches) {
  for await (const match of matches) return match;
  return null;
}

window.anchoring = {
  textQuote,
  annotator: {
    quote: (root, selector) => first(createTextQuoteSelectorMatcher(selector)(root)),
    position: (root, selector) => first(createTextPositionSelectorMatcher(selector)(root)),
  },
};
