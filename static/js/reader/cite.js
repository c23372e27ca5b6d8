// Copy-citation: a "Cite" button beside each numbered paragraph copies a full reference to it.
// Without JavaScript the paragraph number is still a plain link to #pN.
const article = document.querySelector(".edition-article");

function citationFor(block) {
  const data = article.dataset;
  const url = new URL(`#${block.id}`, window.location.href).href;
  const parts = [data.citeByline, `“${data.citeTitle}”`, data.citePublication, data.citeDate]
    .filter((part) => part && part.trim());
  return `${parts.join(", ")}, ¶${block.id.slice(1)}. ${url}`;
}

async function copy(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // refused (permission, focus): fall back to the selection below
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok;
}

// One polite live region tells screen-reader users what a click did (the button's label stays put).
let status;

function announce(message) {
  if (!status) {
    status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    article.append(status);
  }
  status.textContent = message;
}

function addButton(block) {
  const number = block.id.slice(1);
  const button = document.createElement("button");
  let reset;
  button.type = "button";
  button.className = "cite-button";
  button.textContent = "Cite";
  button.setAttribute("aria-label", `Cite paragraph ${number}: copy a reference to it`);
  button.addEventListener("click", async () => {
    const text = citationFor(block);
    button.dataset.citation = text;
    const ok = await copy(text).catch(() => false);
    button.textContent = ok ? "Copied" : "Cite";
    button.classList.toggle("copied", ok);
    announce(ok ? `Citation of paragraph ${number} copied.` : `Could not copy. Citation of paragraph ${number}: ${text}`);
    clearTimeout(reset);
    reset = setTimeout(() => { button.textContent = "Cite"; button.classList.remove("copied"); }, 2000);
  });
  block.querySelector(".pnum").after(button);
}

if (article) {
  article.querySelectorAll(".block[id^='p']").forEach(addButton);
}
