// Apparatus popovers: a glossary, register or event mention opens a small dialog with its
// definition (click, tap or Enter; never hover only). Escape or a click elsewhere closes it and
// focus returns to the mention. Without JavaScript the mention is a plain link to its page.
const article = document.querySelector(".edition-article");
let current = null;

function definitionFor(link) {
  return link.dataset.ref ? document.getElementById(`def-${link.dataset.ref}`) : null;
}

function place(popover, link) {
  const box = link.getBoundingClientRect();
  const width = Math.min(360, document.documentElement.clientWidth - 16);
  popover.style.width = `${width}px`;
  const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
  popover.style.left = `${left}px`;
  popover.style.top = `${box.bottom + window.scrollY + 6}px`;
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
  if (event.key === "Escape" && current) {
    event.preventDefault();
    close();
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
