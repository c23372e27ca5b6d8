// The annotation API (annotations/API.md) as the page uses it: W3C JSON-LD in and out, the
// session cookie, and Django's CSRF token on every write. A failure becomes an Error carrying
// the server's own message, which the caller shows in a live region.
const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
const ENDPOINT = "/api/annotations/";
const PREVIEW = "/markdownx/markdownify/";

// The token rendered into the editor's form ({% csrf_token %}), else the cookie: the form's copy
// works even if the cookie is made HttpOnly one day.
export function csrfToken() {
  const field = document.querySelector("input[name='csrfmiddlewaretoken']");
  if (field) return field.value;
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  return cookie ? decodeURIComponent(cookie.slice("csrftoken=".length)) : "";
}

const MESSAGES = {
  401: "Your session has ended: log in again to annotate.",
  403: "That is not yours to change (or the page is out of date: reload it).",
  404: "That annotation is gone (deleted, or no longer visible to you).",
  410: "That annotation was deleted.",
};

async function failure(response) {
  let message = "";
  try {
    message = (await response.json()).error || "";
  } catch {
    // not JSON (a proxy's page, a dropped connection): fall back to the status
  }
  return new Error(message || MESSAGES[response.status] || `The server refused (${response.status}).`);
}

async function send(method, url, data) {
  const headers = { Accept: "application/ld+json, application/json" };
  if (method !== "GET") headers["X-CSRFToken"] = csrfToken();
  if (data !== undefined) headers["Content-Type"] = "application/ld+json";
  let response;
  try {
    response = await fetch(url, {
      method, headers, credentials: "same-origin", body: data === undefined ? undefined : JSON.stringify(data),
    });
  } catch {
    throw new Error("The server could not be reached. Check the connection and try again.");
  }
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

export function idOf(annotation) {
  return Number(String(annotation.id).replace(/\/+$/, "").split("/").pop());
}

export function urlOf(id) {
  return new URL(`${ENDPOINT}${id}`, window.location.origin).href;
}

export function create(payload) {
  return send("POST", ENDPOINT, payload);
}

export function fetchAnnotation(id) {
  return send("GET", `${ENDPOINT}${id}`);
}

export function replace(id, payload) {
  return send("PUT", `${ENDPOINT}${id}`, payload);
}

export function remove(id) {
  return send("DELETE", `${ENDPOINT}${id}`);
}

// Markdown to sanitised HTML by the server's own renderer (django-markdownx's endpoint calls
// edition.markdown.render_markdown), so the preview is exactly what the panel will show.
export async function preview(markdown) {
  let response;
  try {
    response = await fetch(PREVIEW, {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() },
      body: new URLSearchParams({ content: markdown }),
    });
  } catch {
    throw new Error("The preview could not be loaded.");
  }
  if (!response.ok) throw new Error(`The preview could not be loaded (${response.status}).`);
  return response.text();
}

function bodies({ body, tags }) {
  const list = [];
  if (body && body.trim()) list.push({ type: "TextualBody", value: body, format: "text/markdown" });
  for (const tag of tags || []) list.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  return list;
}

function motivationOf({ body, tags }) {
  if (body && body.trim()) return "commenting";
  return tags && tags.length ? "tagging" : "highlighting";
}

function visibilityOf(value) {
  const [visibility, classId] = String(value || "private").split(":");
  return classId ? { visibility, class: Number(classId) } : { visibility };
}

// A new annotation on the article: both selectors, so the server tries the position and falls
// back on the quote if the text moved under the reader's feet.
export function annotationPayload(source, selectors, values) {
  return {
    "@context": CONTEXT, type: "Annotation", motivation: motivationOf(values), body: bodies(values),
    target: {
      source,
      selector: [
        { type: "TextQuoteSelector", exact: selectors.exact, prefix: selectors.prefix, suffix: selectors.suffix },
        { type: "TextPositionSelector", start: selectors.start, end: selectors.end },
      ],
    },
    ...visibilityOf(values.visibility),
  };
}

// PUT replaces body and tags; the target is left out (it cannot change).
export function changesPayload(values, { reply = false } = {}) {
  const payload = { "@context": CONTEXT, type: "Annotation", body: bodies(values) };
  if (reply) return payload; // a reply keeps its motivation and its thread's visibility
  return { ...payload, motivation: motivationOf(values), ...visibilityOf(values.visibility) };
}

export function replyPayload(parentId, body) {
  return { "@context": CONTEXT, type: "Annotation", motivation: "replying", body: bodies({ body }), target: urlOf(parentId) };
}

// What the editor needs of an annotation read from the API.
export function valuesOf(annotation) {
  const list = annotation.body || [];
  const text = list.find((item) => item.purpose !== "tagging");
  return {
    body: text ? text.value : "",
    tags: list.filter((item) => item.purpose === "tagging").map((item) => item.value),
    visibility: annotation.class ? `class:${annotation.class}` : annotation.visibility,
    position: (annotation.target.selector || []).find((item) => item.type === "TextPositionSelector") || null,
  };
}
