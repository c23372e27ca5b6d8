// Highlights drawn in the page after a save, without a reload (the server weaves the same marks
// into the next page it sends). Each covered piece of a text node gets its own <mark>: a new
// highlight over an old one then nests inside it, as the server's weave nests them, and the
// canonical text read from the page is unchanged. Only the first piece has the id hl-ID.
import { segmentsFor } from "./selection.js";

const ACTIVATE_KEYS = new Set(["Enter", " "]);

export function marksOf(root, id) {
  return root.querySelectorAll(`mark.hl[data-annotation="${CSS.escape(String(id))}"]`);
}

export function addHighlight(root, { id, start, end, classes }) {
  // Split first, wrap after: wrapping a piece changes nothing the other pieces point at.
  const pieces = segmentsFor(root, start, end).map(({ node, from, to }) => {
    let piece = node;
    if (from > 0) piece = piece.splitText(from);
    if (to - from < piece.length) piece.splitText(to - from);
    return piece;
  });
  pieces.forEach((piece, index) => {
    const mark = document.createElement("mark");
    mark.className = `hl ${classes}`.trim();
    mark.dataset.annotation = String(id);
    if (index === 0) mark.id = `hl-${id}`;
    piece.replaceWith(mark);
    mark.append(piece);
  });
  focusable(root, id);
  return pieces.length;
}

export function removeHighlight(root, id) {
  marksOf(root, id).forEach((mark) => {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent.normalize(); // join the split text nodes again
  });
}

export function restyle(root, id, classes) {
  marksOf(root, id).forEach((mark) => { mark.className = `hl ${classes}`.trim(); });
}

// The first piece of each highlight is a keyboard stop (only with JavaScript, since only then
// does it do something): Enter or a click shows its annotation in the panel.
export function focusable(root, id) {
  const first = root.querySelector(`#hl-${CSS.escape(String(id))}`);
  if (!first) return;
  first.tabIndex = 0;
  const meta = document.getElementById(`ann-${id}-meta`);
  if (meta) first.setAttribute("aria-describedby", meta.id);
}

// The server gives the id to the first piece in each paragraph a highlight covers; a page must
// not repeat an id, so only the first in the document keeps it.
function dropRepeatedIds(root) {
  const seen = new Set();
  root.querySelectorAll("mark.hl[id^='hl-']").forEach((mark) => {
    if (seen.has(mark.id)) mark.removeAttribute("id");
    seen.add(mark.id);
  });
}

export function enableHighlights(root, onActivate) {
  dropRepeatedIds(root);
  root.querySelectorAll("mark.hl[id^='hl-']").forEach((mark) => focusable(root, mark.dataset.annotation));
  root.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.hl");
    // A link inside the mark keeps its own behaviour; a click that ends a drag selects text.
    if (!mark || event.target.closest("a") || !getSelection().isCollapsed) return;
    onActivate(mark.dataset.annotation, mark);
  });
  root.addEventListener("keydown", (event) => {
    const mark = event.target.closest && event.target.closest("mark.hl[tabindex]");
    if (!mark || event.target !== mark || !ACTIVATE_KEYS.has(event.key) || event.altKey || event.ctrlKey) return;
    event.preventDefault();
    onActivate(mark.dataset.annotation, mark);
  });
}

export function focusHighlight(root, id) {
  const first = root.querySelector(`#hl-${CSS.escape(String(id))}`);
  if (!first) return false;
  first.scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  first.focus({ preventScroll: true });
  marksOf(root, id).forEach((mark) => mark.classList.add("hl-flash"));
  setTimeout(() => marksOf(root, id).forEach((mark) => mark.classList.remove("hl-flash")), 1600);
  return true;
}
