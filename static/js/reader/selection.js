// Between the page and the canonical text (DESIGN §3, §5). The canonical text is the blocks'
// texts joined by "\n\n"; each block element carries data-start, its offset in code points.
// Offsets sent to the server are code points; the DOM counts UTF-16 units, so every offset is
// converted here and nowhere else. Paragraph numbers, cite buttons, note markers, margin notes,
// event markers and the caption's "Photo" sit inside blocks but are not text: every walk skips them.
export const FURNITURE = ".pnum, .cite-button, .note-ref, .sidenote, .event-ref, .figure-mark";
export const SEPARATOR = "\n\n";
export const CONTEXT = 32; // prefix and suffix length, in code points (DESIGN §5)

export function codePointLength(text) {
  let count = 0;
  for (const _ of text) count += 1; // a string iterates by code point, not by UTF-16 unit
  return count;
}

export function utf16ToCodePoint(text, offset) {
  return codePointLength(text.slice(0, offset));
}

export function codePointToUtf16(text, offset) {
  let units = 0;
  let seen = 0;
  for (const char of text) {
    if (seen === offset) break;
    units += char.length;
    seen += 1;
  }
  return units;
}

function lastCodePoints(text, count) {
  return Array.from(text).slice(-count).join("");
}

function firstCodePoints(text, count) {
  return Array.from(text).slice(0, count).join("");
}

export function textNodes(block) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest(FURNITURE) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

// The blocks as the page holds them now: element, code-point start, text, and each text node's
// UTF-16 offset inside the block (`from`). Built afresh each time: highlights split text nodes.
export function readBlocks(root) {
  let at16 = 0;
  return Array.from(root.querySelectorAll(".block[data-start]"), (el) => {
    let text = "";
    const nodes = textNodes(el).map((node) => {
      const entry = { node, from: text.length };
      text += node.data;
      return entry;
    });
    const block = { el, start: Number(el.dataset.start), text, nodes, at16 };
    at16 += text.length + SEPARATOR.length;
    return block;
  });
}

export function canonicalText(root) {
  return readBlocks(root).map((block) => block.text).join(SEPARATOR);
}

// The UTF-16 offset inside `block` of a DOM boundary point that lies within the block element.
function localOffset(block, node, offset) {
  const before = document.createRange();
  before.setStart(block.el, 0);
  before.setEnd(node, offset);
  let at = 0;
  for (const entry of block.nodes) {
    if (entry.node === node) return entry.from + offset;
    if (!before.intersectsNode(entry.node)) break;
    at = entry.from + entry.node.length;
  }
  return at;
}

// Where a boundary point falls in the joined text (UTF-16). A point outside every block (between
// paragraphs, in the header) moves to the nearest text inward: forward for a start, back for an end.
function locate(blocks, node, offset, edge) {
  for (let i = 0; i < blocks.length; i += 1) {
    const whole = document.createRange();
    whole.selectNodeContents(blocks[i].el);
    const side = whole.comparePoint(node, offset);
    if (side > 0) continue;
    if (side < 0) {
      if (edge === "start") return blocks[i].at16;
      return i > 0 ? blocks[i - 1].at16 + blocks[i - 1].text.length : null;
    }
    return blocks[i].at16 + localOffset(blocks[i], node, offset);
  }
  const last = blocks[blocks.length - 1];
  return edge === "end" && last ? last.at16 + last.text.length : null;
}

// A joined-text UTF-16 offset as a canonical code-point offset, trusting each block's data-start.
function toCodePoint(blocks, at16) {
  let block = blocks[0];
  for (const candidate of blocks) if (candidate.at16 <= at16) block = candidate;
  const local = Math.min(at16 - block.at16, block.text.length);
  return block.start + utf16ToCodePoint(block.text, local);
}

// The selectors of a DOM Range over the article body, or null if it holds no text. Whitespace at
// either end is left out: a double-click takes the space after a word, and nobody means to annotate it.
export function selectorsFor(root, range) {
  const blocks = readBlocks(root);
  if (!blocks.length) return null;
  let start = locate(blocks, range.startContainer, range.startOffset, "start");
  let end = locate(blocks, range.endContainer, range.endOffset, "end");
  if (start === null || end === null) return null;
  const text = blocks.map((block) => block.text).join(SEPARATOR);
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  if (end <= start) return null;
  return {
    exact: text.slice(start, end),
    prefix: lastCodePoints(text.slice(Math.max(0, start - 2 * CONTEXT), start), CONTEXT),
    suffix: firstCodePoints(text.slice(end, end + 2 * CONTEXT), CONTEXT),
    start: toCodePoint(blocks, start),
    end: toCodePoint(blocks, end),
  };
}

// The pieces of text nodes that a canonical code-point span covers, in document order:
// [{node, from, to}] with UTF-16 offsets into each node (what highlights.js wraps).
export function segmentsFor(root, start, end) {
  const pieces = [];
  for (const block of readBlocks(root)) {
    const blockEnd = block.start + codePointLength(block.text);
    if (end <= block.start || start >= blockEnd) continue;
    const from16 = codePointToUtf16(block.text, Math.max(start, block.start) - block.start);
    const to16 = codePointToUtf16(block.text, Math.min(end, blockEnd) - block.start);
    for (const { node, from } of block.nodes) {
      const a = Math.max(from16, from);
      const b = Math.min(to16, from + node.length);
      if (a < b) pieces.push({ node, from: a - from, to: b - from });
    }
  }
  return pieces;
}
