// The annotation editor: one native <dialog> (the browser keeps focus inside it, Escape cancels
// and focus goes back where it was) for a new annotation, an edit and a reply. The caller gives a
// `save` function; its errors are shown in the dialog, which stays open so nothing typed is lost.
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 64;

export function parseTags(text) {
  const seen = new Set();
  return text.split(",").map((tag) => tag.trim().replace(/\s+/g, " ")).filter((tag) => {
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkTags(tags) {
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags.`;
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  return long ? `A tag has at most ${MAX_TAG_LENGTH} characters (“${long.slice(0, 20)}…”).` : "";
}

export function createEditor(dialog, { preview }) {
  const form = dialog.querySelector("form");
  const $ = (selector) => dialog.querySelector(selector);
  const title = $("#editor-h");
  const quote = $("#editor-quote");
  const body = $("#editor-body");
  const tags = $("#editor-tags");
  const visibility = $("#editor-visibility");
  const error = $("#editor-error");
  const tabs = [$("#editor-tab-write"), $("#editor-tab-preview")];
  const panels = [$("#editor-write"), $("#editor-preview")];
  let current = null; // { save, resolve }

  function selectTab(index, { focus = false } = {}) {
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
    if (focus) tabs[index].focus();
    if (index === 1) showPreview();
  }

  async function showPreview() {
    const out = panels[1];
    if (!body.value.trim()) {
      out.textContent = "Nothing to preview yet.";
      return;
    }
    out.textContent = "Loading the preview…";
    try {
      out.innerHTML = await preview(body.value); // sanitised by the server (nh3), as the panel is
    } catch (problem) {
      out.textContent = problem.message;
    }
  }

  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => selectTab(index));
    tab.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      event.preventDefault();
      selectTab(1 - index, { focus: true }); // two tabs: either arrow goes to the other
    });
  });

  function finish(result) {
    const done = current;
    current = null;
    if (dialog.open) dialog.close();
    if (done) done.resolve(result);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!current || form.classList.contains("busy")) return;
    const values = { body: body.value, tags: parseTags(tags.value), visibility: visibility.value };
    const invalid = checkTags(values.tags) || (current.needsText && !values.body.trim() ? "Write something first." : "");
    if (invalid) {
      error.textContent = invalid;
      (invalid.startsWith("Write") ? body : tags).focus();
      return;
    }
    form.classList.add("busy");
    error.textContent = "";
    try {
      finish(await current.save(values));
    } catch (problem) {
      error.textContent = problem.message;
    } finally {
      form.classList.remove("busy");
    }
  });
  $(".editor-cancel").addEventListener("click", () => finish(null));
  dialog.addEventListener("close", () => {
    if (!dialog.open) finish(null); // Escape (a close event can arrive after the next open())
  });
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) finish(null); // the backdrop
  });

  // Resolves with what `save` returned, or null when the reader cancels.
  function open({ heading, quoted = "", values = {}, reply = false, save }) {
    if (current) finish(null);
    title.textContent = heading;
    quote.textContent = quoted;
    quote.hidden = !quoted;
    body.value = values.body || "";
    tags.value = (values.tags || []).join(", ");
    visibility.value = values.visibility || "private";
    if (visibility.selectedIndex < 0) {
      // A class the reader has left: keep it as it is rather than quietly make the note private.
      visibility.add(new Option("A class you are no longer in", values.visibility));
      visibility.value = values.visibility;
    }
    $(".editor-tags").hidden = reply;
    $(".editor-visibility").hidden = reply;
    $(".editor-thread-note").hidden = !reply;
    error.textContent = "";
    selectTab(0);
    return new Promise((resolve) => {
      current = { save, resolve, needsText: reply };
      dialog.showModal();
      body.focus();
    });
  }

  return { open };
}
