// The class page's "Copy link" button: copies the join link and says so. Without JavaScript (or
// a clipboard) the button stays hidden and the link is there to select by hand.
const status = document.querySelector("[data-copy-status]");

function say(message) {
  if (status) status.textContent = message;
}

async function copy(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    say("Link copied.");
  } catch {
    input.select();
    say("Select the link and copy it (Ctrl+C or ⌘C).");
  }
}

for (const button of document.querySelectorAll("[data-copy-button]")) {
  const input = document.getElementById(button.dataset.copyButton);
  if (!input || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", () => copy(input));
}
