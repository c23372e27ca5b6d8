"""Screenshots of pages at desktop and phone widths, for looking at what we build.

    python scripts/screenshots.py http://127.0.0.1:8000 / /articles/<slug>/ ... [--out DIR]
"""
import argparse
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": (1440, 1000), "phone": (390, 844)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", default="var/screenshots")
    parser.add_argument("--full", action="store_true", help="whole page, not the first screen")
    parser.add_argument("--print", dest="print_pdf", action="store_true", help="also print to PDF")
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in options.paths:
                page.goto(options.base + path)
                stem = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
                page.screenshot(path=out / f"{stem}-{name}.png", full_page=options.full)
                if options.print_pdf and name == "desktop":
                    page.pdf(path=out / f"{stem}.pdf", format="A4")
            page.close()
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
