// Reader annotations on the article page: the entry module that joins the selection toolbar,
// the editor, the API, the highlights and the panel. Every piece works alone; this module only
// says what follows what (save, then draw the highlight, then show the panel's new item).
import * as api from "./api.js";
import { createEditor } from "./editor.js";
import { addHighlight, enableHighlights, focusHighlight, focusable, removeHighlight, restyle } from "./highlights.js";
import { createPanel } from "./panel.js";
import { createToolbar } from "./toolbar.js";

const body = document.querySelector(".article-body");
const panelElement = document.getElementById("annotations");
// Live regions made on first use (the page has others, e.g. cite.js's); the message is set a
// moment after the region exists, so that screen readers notice the change and speak it.
function region(id, role, className) {
  let element = document.getElementById(id);
  if (!element) {
    element = document.createElement("p");
    Object.assign(element, { id, className });
    element.setAttribute("role", role);
    document.body.append(element);
  }
  return element;
}

function say(element, message) {
  element.textContent = "";
  setTimeout(() => { element.textContent = message; }, 50); // a repeated message is spoken again
}

function announce(message) {
  say(region("annotation-status", "status", "visually-hidden"), message);
}

function complain(problem) {
  const element = region("annotation-alert", "alert", "annotation-alert");
  say(element, problem.message || String(problem));
  clearTimeout(complain.timer);
  complain.timer = setTimeout(() => { element.textContent = ""; }, 8000);
}

function classesFor(visibility) {
  return `hl-${String(visibility).split(":")[0]} hl-mine`;
}

function positionOf(annotation) {
  return api.valuesOf(annotation).position;
}

function start() {
  const panel = createPanel(panelElement, { onAction: act, onShowInText: (id) => focusHighlight(body, id) || panel.show(id) });
  enableHighlights(body, (id) => panel.show(id));
  const dialog = document.getElementById("annotation-editor");
  if (!dialog) return; // not logged in: read only
  const editor = createEditor(dialog, { preview: api.preview });
  const confirmDialog = document.getElementById("annotation-confirm");
  const target = panelElement.dataset.target;

  // Marks the panel busy while `task` runs (see panel.busy).
  async function working(task) {
    panel.busy(true);
    try {
      return await task();
    } finally {
      panel.busy(false);
    }
  }

  async function refreshAndShow(id) {
    try {
      await panel.refresh();
    } catch (problem) {
      complain(problem);
      return;
    }
    focusable(body, id);
    if (id !== null && !panel.show(id)) announce("Saved. The filters in force hide it: choose Show all to see it.");
  }

  function draw(annotation, visibility) {
    const position = positionOf(annotation);
    if (position) addHighlight(body, { id: api.idOf(annotation), start: position.start, end: position.end, classes: classesFor(visibility) });
  }

  async function highlight(selectors) {
    panel.busy(true);
    try {
      const saved = await api.create(api.annotationPayload(target, selectors, { visibility: "private" }));
      getSelection().removeAllRanges();
      draw(saved, "private");
      await panel.refresh();
      focusable(body, api.idOf(saved));
      announce("Highlighted. It is private: only you can see it.");
    } catch (problem) {
      complain(problem);
    } finally {
      panel.busy(false);
    }
  }

  async function annotate(selectors) {
    const saved = await editor.open({
      heading: "Annotate", quoted: selectors.exact,
      save: (values) => working(() => api.create(api.annotationPayload(target, selectors, values))).then((data) => ({ data, values })),
    });
    if (!saved) return;
    getSelection().removeAllRanges();
    draw(saved.data, saved.values.visibility);
    announce("Annotation saved.");
    await refreshAndShow(api.idOf(saved.data));
  }

  async function edit(id, item) {
    let current;
    try {
      current = api.valuesOf(await api.fetchAnnotation(id));
    } catch (problem) {
      complain(problem);
      return;
    }
    const reply = item.hasAttribute("data-reply-to");
    const saved = await editor.open({
      heading: reply ? "Edit your reply" : "Edit your annotation", values: current, reply,
      quoted: reply ? "" : (item.querySelector(".ann-quote")?.textContent || ""),
      save: (values) => working(() => api.replace(id, api.changesPayload(values, { reply }))).then(() => values),
    });
    if (!saved) return;
    if (!reply) restyle(body, id, classesFor(saved.visibility));
    announce("Changes saved.");
    await refreshAndShow(id);
  }

  async function reply(id, item) {
    const saved = await editor.open({
      heading: "Reply", reply: true, quoted: item.querySelector(".ann-quote")?.textContent || "",
      save: (values) => working(() => api.create(api.replyPayload(id, values.body))),
    });
    if (!saved) return;
    announce("Reply saved.");
    await refreshAndShow(api.idOf(saved));
  }

  function confirmDelete() {
    return new Promise((resolve) => {
      confirmDialog.returnValue = "";
      confirmDialog.addEventListener("close", () => resolve(confirmDialog.returnValue === "delete"), { once: true });
      confirmDialog.showModal();
    });
  }

  async function remove(id, item) {
    if (!(await confirmDelete())) {
      item.querySelector("button[data-action='delete']")?.focus();
      return;
    }
    const root = item.closest("li").parentElement.closest("[data-annotation]") || item;
    try {
      await working(() => api.remove(id));
    } catch (problem) {
      complain(problem);
      return;
    }
    // A root with replies stays as a tombstone that holds them, highlight and all.
    if (!item.hasAttribute("data-reply-to") && Number(item.dataset.replies || 0) === 0) removeHighlight(body, id);
    announce("Annotation deleted.");
    const next = root === item ? null : root.dataset.annotation;
    await refreshAndShow(next);
    if (next === null) panelElement.querySelector("h2").focus();
  }

  function act(action, id, item) {
    if (action === "edit") edit(id, item);
    else if (action === "reply") reply(id, item);
    else if (action === "delete") remove(id, item);
  }

  createToolbar(body, { onHighlight: highlight, onAnnotate: (selectors) => annotate(selectors).catch(complain), announce });
}

if (body && panelElement) start();
