// Apparatus popovers: a glossary, register or event mention opens a small dialog with its
// definition (click, tap or Enter; never hover only). Escape or a click elsewhere closes it and
// focus returns to the mention. Without JavaScript the mention is a plain link to its page.
const article = document.querySelector(".edition-article");
let current = null;

function definitionFor(link) {
  return link.dataset.ref ? document.getElementById(`def-${link.dataset.ref}`) : null;
}

function place(popover, link) {
  // Under the mention's last line (a mention may wrap), or above it when the room below is short.
  const rects = link.getClientRects();
  const box = rects.length ? rects[rects.length - 1] : link.getBoundingClientRect();
  const viewport = document.documentElement.clientWidth;
  const width = Math.min(360, viewport - 16);
  popover.style.width = `${width}px`;
  popover.style.left = `${window.scrollX + Math.max(8, Math.min(box.left, viewport - width - 8))}px`;
  const height = popover.offsetHeight;
  const first = rects.length ? rects[0] : box;
  const below = window.innerHeight - box.bottom;
  const top = below < height + 12 && first.top > below ? first.top - height - 6 : box.bottom + 6;
  popover.style.top = `${window.scrollY + Math.max(top, 8 - window.scrollY)}px`;
}

function close({ restoreFocus = true } = {}) {
  if (!current) return;
  const { popover, link } = current;
  popover.remove();
  link.setAttribute("aria-expanded", "false");
  current = null;
  if (restoreFocus) link.focus();
}

function open(link, definition) {
  close({ restoreFocus: false });
  const popover = document.createElement("div");
  popover.className = "popover";
  popover.setAttribute("role", "dialog");
  popover.setAttribute("aria-label", definition.dataset.title);
  const title = document.createElement("p");
  title.className = "popover-title";
  title.textContent = definition.dataset.title;
  const shut = document.createElement("button");
  shut.type = "button";
  shut.className = "popover-close";
  shut.setAttribute("aria-label", "Close");
  shut.textContent = "×";
  shut.addEventListener("click", () => close());
  popover.append(shut, title, ...Array.from(definition.children, (child) => child.cloneNode(true)));
  document.body.append(popover);
  place(popover, link);
  link.setAttribute("aria-expanded", "true");
  current = { popover, link };
  (popover.querySelector("a") || shut).focus();
}

function onClick(event) {
  const link = event.target.closest("a.mention");
  if (link && article && article.contains(link) && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
    const definition = definitionFor(link);
    if (definition && !article.classList.contains("apparatus-off")) {
      event.preventDefault();
      if (current && current.link === link) close();
      else open(link, definition);
      return;
    }
  }
  if (current && !current.popover.contains(event.target)) close({ restoreFocus: false });
}

function onKey(event) {
  if (!current) return;
  if (event.key === "Escape") {
    event.preventDefault();
    close();
  } else if (event.key === "Tab" && current.popover.contains(document.activeElement)) {
    // The popover sits at the end of the page: Tab out of it goes on from the mention instead.
    const stops = current.popover.querySelectorAll("a[href], button");
    if (!event.shiftKey && document.activeElement === stops[stops.length - 1]) close();
    else if (event.shiftKey && document.activeElement === stops[0]) {
      event.preventDefault();
      close();
    }
  }
}

function onFocusOut(event) {
  if (current && event.relatedTarget && !current.popover.contains(event.relatedTarget) && event.relatedTarget !== current.link) {
    close({ restoreFocus: false });
  }
}

if (article) {
  article.querySelectorAll("a.mention").forEach((link) => {
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
  });
  document.addEventListener("click", onClick);
  document.addEventListener("keydown", onKey);
  document.addEventListener("focusout", onFocusOut);
  window.addEventListener("resize", () => current && place(current.popover, current.link));
}
