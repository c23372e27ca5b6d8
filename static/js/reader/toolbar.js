// The small toolbar that follows a selection in the article body: Highlight and Annotate.
// It never takes the focus (that would drop a keyboard selection); keyboard users press its
// shortcuts instead, Alt+H and Alt+A, which the buttons announce with aria-keyshortcuts.
//
// Chromium without caret browsing cannot start a selection from the keyboard, so this module
// makes one: with the focus on something inside a paragraph (its number, a link, a highlight),
// Shift+→/← (Ctrl for words, ↑/↓ for lines) selects from there, through Selection.modify.
import { selectorsFor, textNodes } from "./selection.js";

const STEPS = {
  ArrowRight: ["forward", "character"], ArrowLeft: ["backward", "character"],
  ArrowDown: ["forward", "line"], ArrowUp: ["backward", "line"],
  End: ["forward", "lineboundary"], Home: ["backward", "lineboundary"],
};

function button(label, keys, action) {
  const element = document.createElement("button");
  element.type = "button";
  element.dataset.action = action;
  element.setAttribute("aria-keyshortcuts", keys);
  element.append(label, " ");
  const hint = document.createElement("kbd");
  hint.setAttribute("aria-hidden", "true"); // the shortcut is announced by aria-keyshortcuts
  hint.textContent = keys.replace("+", " ");
  element.append(hint);
  return element;
}

export function createToolbar(root, { onHighlight, onAnnotate, announce }) {
  const bar = document.createElement("div");
  bar.className = "annotation-toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Selected text");
  bar.hidden = true;
  bar.append(button("Highlight", "Alt+H", "highlight"), button("Annotate", "Alt+A", "annotate"));
  document.body.append(bar);
  let selected = null; // selectors of the selection the toolbar is shown for
  let pointerDown = false;
  let timer = 0;
  let speaking = 0;

  function currentRange() {
    const selection = getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    return range.intersectsNode(root) ? range : null;
  }

  function place(range) {
    const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
    const first = rects[0] || range.getBoundingClientRect();
    const last = rects[rects.length - 1] || first;
    const width = bar.offsetWidth;
    const viewport = document.documentElement.clientWidth;
    // On touch screens the system's own copy menu sits above a selection: go below it.
    const below = matchMedia("(pointer: coarse)").matches || first.top < bar.offsetHeight + 12;
    const anchor = below ? last : first;
    const left = Math.max(8, Math.min(anchor.left, viewport - width - 8));
    const top = below ? last.bottom + 8 : first.top - bar.offsetHeight - 8;
    bar.style.left = `${left + window.scrollX}px`;
    bar.style.top = `${top + window.scrollY}px`;
  }

  function hide() {
    bar.hidden = true;
    selected = null;
  }

  function update() {
    const range = currentRange();
    selected = range ? selectorsFor(root, range) : null;
    if (!selected) {
      bar.hidden = true;
      return;
    }
    bar.hidden = false;
    place(range);
  }

  function schedule(delay = 150) {
    clearTimeout(timer);
    timer = setTimeout(() => { if (!pointerDown) update(); }, delay);
  }

  function run(action) {
    const selectors = selected || (currentRange() && selectorsFor(root, currentRange()));
    if (!selectors) {
      announce("Select some words of the article first.");
      return;
    }
    hide();
    (action === "highlight" ? onHighlight : onAnnotate)(selectors);
  }

  // Where a keyboard selection starts: the focused link or highlight's first words, or the
  // paragraph's first words when the focus is on its number or cite button.
  function startNode(block, focused) {
    const nodes = textNodes(block);
    return nodes.find((node) => focused.contains(node)) ||
      nodes.find((node) => focused.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) || nodes[0];
  }

  function keyboardSelect(event) {
    const step = STEPS[event.key];
    const focused = document.activeElement;
    const block = focused && focused.closest && focused.closest(".block[data-start]");
    if (!step || !event.shiftKey || event.altKey || event.metaKey || !block || !root.contains(block)) return;
    const selection = getSelection();
    if (selection.isCollapsed || !block.contains(selection.anchorNode)) {
      const node = startNode(block, focused);
      if (!node) return;
      selection.collapse(node, 0);
    }
    event.preventDefault();
    selection.modify("extend", step[0], event.ctrlKey ? "word" : step[1]);
    clearTimeout(speaking);
    speaking = setTimeout(() => {
      const text = String(getSelection()).trim();
      if (text) announce(`Selected: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}. Alt+A to annotate, Alt+H to highlight.`);
    }, 500);
  }

  function onKey(event) {
    if (event.altKey && !event.ctrlKey && !event.metaKey && (event.code === "KeyA" || event.code === "KeyH")) {
      if (document.querySelector("dialog[open]")) return;
      event.preventDefault(); // Alt+letter may open a menu in some browsers
      run(event.code === "KeyH" ? "highlight" : "annotate");
      return;
    }
    if (event.key === "Escape" && !bar.hidden) {
      hide();
      return;
    }
    keyboardSelect(event);
  }

  bar.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
  bar.addEventListener("click", (event) => {
    const target = event.target.closest("button[data-action]");
    if (target) run(target.dataset.action);
  });
  document.addEventListener("selectionchange", () => schedule());
  document.addEventListener("pointerdown", (event) => { pointerDown = !bar.contains(event.target); });
  document.addEventListener("pointerup", () => { pointerDown = false; schedule(10); });
  document.addEventListener("keydown", onKey);
  window.addEventListener("resize", () => { if (!bar.hidden) update(); });
  return { hide };
}
