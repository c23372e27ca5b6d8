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
    await navigator.clipboard.writeText(text);
    return true;
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

function addButton(block) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "cite-button";
  button.textContent = "Cite";
  button.setAttribute("aria-label", `Copy a citation of paragraph ${block.id.slice(1)}`);
  button.addEventListener("click", async () => {
    const text = citationFor(block);
    button.dataset.citation = text;
    const ok = await copy(text).catch(() => false);
    button.textContent = ok ? "Copied" : "Cite";
    button.classList.toggle("copied", ok);
    setTimeout(() => { button.textContent = "Cite"; button.classList.remove("copied"); }, 2000);
  });
  block.querySelector(".pnum").after(button);
}

if (article) {
  article.querySelectorAll(".block[id^='p']").forEach(addButton);
}
