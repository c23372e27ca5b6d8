// The apparatus switch: show or hide the glossary, register and event links without a reload,
// remembered in this browser. Without JavaScript the switch is a link to ?apparatus=off|on.
const article = document.querySelector(".edition-article");
const fallback = document.querySelector("a[data-apparatus-toggle]");
const KEY = "edition.apparatus";

// Off, a mention is plain text: no link to tab to, click or hear announced (its link and popup
// attributes are kept aside, and put back when the apparatus is shown again).
const LINK_ATTRIBUTES = ["href", "aria-haspopup", "aria-expanded"];

function show(button, on) {
  article.classList.toggle("apparatus-off", !on);
  button.setAttribute("aria-pressed", String(on));
  article.querySelectorAll("a.mention").forEach((link) => {
    if (on && link.dataset.apparatus) {
      for (const [name, value] of Object.entries(JSON.parse(link.dataset.apparatus))) link.setAttribute(name, value);
      delete link.dataset.apparatus;
    } else if (!on && link.hasAttribute("href")) {
      const kept = Object.fromEntries(LINK_ATTRIBUTES.filter((n) => link.hasAttribute(n)).map((n) => [n, link.getAttribute(n)]));
      link.dataset.apparatus = JSON.stringify(kept);
      LINK_ATTRIBUTES.forEach((name) => link.removeAttribute(name));
    }
  });
}

if (article && fallback) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "apparatus-toggle";
  button.textContent = "Apparatus links";
  fallback.replaceWith(button);
  const stored = localStorage.getItem(KEY);
  show(button, stored === null ? !article.classList.contains("apparatus-off") : stored === "on");
  button.addEventListener("click", () => {
    const on = article.classList.contains("apparatus-off");
    localStorage.setItem(KEY, on ? "on" : "off");
    show(button, on);
  });
}
