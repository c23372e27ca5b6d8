// The apparatus switch: show or hide the glossary, register and event links without a reload,
// remembered in this browser. Without JavaScript the switch is a link to ?apparatus=off|on.
const article = document.querySelector(".edition-article");
const fallback = document.querySelector("a[data-apparatus-toggle]");
const KEY = "edition.apparatus";

function show(button, on) {
  article.classList.toggle("apparatus-off", !on);
  button.setAttribute("aria-pressed", String(on));
  article.querySelectorAll("a.mention").forEach((link) => {
    if (on) link.removeAttribute("tabindex");
    else link.setAttribute("tabindex", "-1");
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
