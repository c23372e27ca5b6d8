// The annotations panel: a drawer beside the text on wide screens, a bottom sheet on phones (the
// CSS decides which); without JavaScript it is a plain section after the article. Its content
// is always the server's rendering (fetched again after every change), so the panel with and
// without JavaScript can never disagree, and no annotation markup is built here.
const STORE = "edition.annotations-panel";
const PHONE = "(max-width: 47.99rem)";

export function createPanel(panel, { onAction, onShowInText }) {
  const link = document.querySelector("[data-annotations-toggle]");
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "annotations-toggle";
  toggle.setAttribute("aria-controls", panel.id);
  toggle.textContent = link ? link.textContent : "Annotations";
  if (link) link.replaceWith(toggle);
  const close = document.createElement("button");
  close.type = "button";
  close.className = "panel-close";
  close.setAttribute("aria-label", "Close the annotations");
  close.textContent = "×";
  document.body.classList.add("has-annotation-drawer");

  function decorate() {
    panel.querySelector(".panel-head").append(close);
    panel.querySelector("h2").tabIndex = -1; // a place to put the focus when an item goes away
    panel.querySelectorAll(".ann-actions").forEach((actions) => { actions.hidden = false; });
  }

  function isOpen() {
    return !panel.hidden;
  }

  function setOpen(open, { remember = true } = {}) {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    document.body.classList.toggle("annotations-open", open);
    if (remember) localStorage.setItem(STORE, open ? "open" : "closed");
  }

  // The item of an annotation (a thread root or a reply), brought into view and focused.
  function show(id) {
    const item = document.getElementById(`ann-${id}`);
    if (!item) return false;
    setOpen(true);
    item.scrollIntoView({ block: "nearest" });
    item.focus();
    return true;
  }

  // Replace the content with the server's fresh rendering of this page (same query: filters kept).
  async function refresh() {
    busy(true);
    try {
      await reload();
    } finally {
      busy(false);
    }
  }

  // aria-busy while a change is saved or the list reloaded: assistive technology waits for the
  // list to settle before reading it (and so do the browser tests).
  let pending = 0;
  function busy(on) {
    pending = Math.max(0, pending + (on ? 1 : -1));
    if (pending) panel.setAttribute("aria-busy", "true");
    else panel.removeAttribute("aria-busy");
  }

  async function reload() {
    const response = await fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) throw new Error("The annotations could not be reloaded; reload the page.");
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById(panel.id);
    const count = page.querySelector("[data-annotations-toggle]");
    if (!fresh) return;
    const filterOpen = panel.querySelector(".panel-filter")?.open;
    panel.replaceChildren(...Array.from(fresh.childNodes)); // copied first: the live list shrinks as nodes move
    if (filterOpen) panel.querySelector(".panel-filter").open = true;
    if (count) toggle.textContent = count.textContent;
    decorate();
  }

  toggle.addEventListener("click", () => {
    setOpen(!isOpen());
    if (isOpen()) panel.querySelector("h2").focus();
  });
  close.addEventListener("click", () => {
    setOpen(false);
    toggle.focus();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.target.closest("dialog")) {
      setOpen(false); // the drawer covers the margin, the sheet the text: Escape gives them back
      toggle.focus();
    }
  });
  // Empty filter fields are left out of the address: "?tag=rhetoric", not "?visibility=&class=&tag=…".
  panel.addEventListener("submit", (event) => {
    const fields = Array.from(event.target.elements).filter((field) => field.name && !field.value);
    fields.forEach((field) => { field.disabled = true; });
    setTimeout(() => fields.forEach((field) => { field.disabled = false; })); // for the back button
  });
  panel.addEventListener("click", (event) => {
    const action = event.target.closest("button[data-action]");
    const item = event.target.closest("[data-annotation]");
    if (action && item) {
      onAction(action.dataset.action, item.dataset.annotation, item);
      return;
    }
    const quote = event.target.closest("a.ann-quote");
    if (quote && item && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      if (window.matchMedia(PHONE).matches) setOpen(false, { remember: false });
      onShowInText(item.dataset.annotation);
    }
  });

  decorate();
  const hash = window.location.hash;
  const asked = hash === `#${panel.id}` || hash.startsWith("#ann-");
  const stored = localStorage.getItem(STORE);
  setOpen(asked || (stored === "open" && !window.matchMedia(PHONE).matches), { remember: false });
  if (hash.startsWith("#ann-")) show(hash.slice(5));

  return { show, refresh, busy, setOpen, isOpen, toggle };
}
