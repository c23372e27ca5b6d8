"""axe-core accessibility checks for Playwright pages (axe-core comes from npm: package.json)."""
from functools import cache
from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@cache
def axe_source():
    if not AXE_JS.exists():
        pytest.fail(f"axe-core missing ({AXE_JS}): run `make test`, which runs `npm ci`", pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page, tags=("wcag2a", "wcag2aa")):
    """Run axe-core on the page as it is now and return its results object.

    The source is evaluated through the DevTools protocol, which the page's Content-Security-Policy
    does not govern (a <script> tag added with add_script_tag would be inline script, and blocked)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(
        "tags => window.axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        list(tags),
    )


def format_violations(violations):
    lines = []
    for v in violations:
        lines.append(f"{v['id']} [{v.get('impact')}]: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.extend("        " + s for s in node["failureSummary"].splitlines())
    return "\n".join(lines)


def assert_no_axe_violations(page, tags=("wcag2a", "wcag2aa")):
    """Fail listing every axe violation (rule, impact, nodes) on the page as it is now."""
    violations = run_axe(page, tags)["violations"]
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n" + format_violations(violations)
