"""Bodies are Markdown written by anyone: whatever they contain, the HTML the reading page gets
(rendered, then sanitised by nh3) is inert."""
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from annotations.reading import reading_annotations
from edition.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

from .conftest import annotate

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<p onclick=\"alert(1)\">click</p>",
    "<a href=\"#\" onmouseover=\"alert(1)\">hover</a>",
    "<body onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<a href=\"java\tscript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[x][ref]\n\n[ref]: data:text/html;base64,PHNjcmlwdD4=",
    "![img](javascript:alert(1))",
    "![x](x\" onerror=\"alert(1))",
    "[x](http://example.org\" onclick=\"alert(1))",
    "<javascript:alert(1)>",
    "<http://example.org/\" onmouseover=\"alert(1)>",
    "`<script>` is fine in code, <script>alert(1)</script> is not",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "*<img src=x onerror=alert(1)>*",
    "> <script>alert(1)</script>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<a href=\"//evil.example\" target=\"_blank\">x</a>",
    "<link rel=stylesheet href=//evil.example/x.css>",
]

EVENT_ATTRIBUTE = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
C0_AND_SPACE = "".join(map(chr, range(0x21)))
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


class Inspector(HTMLParser):
    """Collects every tag and attribute of the rendered HTML, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag


def rendered(user, article, body):
    annotate(user, article, "brighter future", body=body)
    (view,) = reading_annotations(user, article).placed
    return view.body_html


def assert_inert(html):
    lowered = html.lower()
    for tag in ("<script", "<svg", "<iframe", "<style", "<object", "<embed", "<form", "<img", "<math",
                "<meta", "<base", "<link", "<template", "<noscript", "<input"):
        assert tag not in lowered, tag
    assert not EVENT_ATTRIBUTE.search(re.sub(r'"[^"]*"', '""', html))  # outside quoted values
    inspector = Inspector()
    inspector.feed(html)
    assert set(inspector.tags) <= ALLOWED_TAGS
    for tag, name, value in inspector.attributes:
        assert name in ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}, (tag, name)
        # As a browser reads a URL: entities decoded, C0 controls and spaces trimmed at the ends,
        # tabs and newlines removed anywhere (WHATWG URL); then the scheme must not be active.
        decoded = re.sub(r"[\t\n\r]", "", unescape(value).strip(C0_AND_SPACE))
        assert not BAD_SCHEME.match(decoded), (tag, name, value)
        assert "javascript:" not in decoded.lower()


def test_there_are_at_least_thirty_hostile_bodies():
    assert len(HOSTILE) >= 30


@pytest.mark.parametrize("body", HOSTILE)
def test_a_hostile_body_renders_inert(owner, article, body):
    assert_inert(rendered(owner, article, body))


def test_a_safe_link_survives_with_rel_nofollow(owner, article):
    html = rendered(owner, article, "[source](https://example.org/a)")
    assert 'href="https://example.org/a"' in html and "nofollow" in html


def test_markdown_emphasis_survives(owner, article):
    assert "<em>hopeful</em>" in rendered(owner, article, "A *hopeful* phrase.")


def test_the_api_returns_the_markdown_source_as_json_not_html(api, owner, article):
    body = "<script>alert(1)</script>"
    note = annotate(owner, article, "brighter future", body=body)
    response = api(owner).get(f"/api/annotations/{note.pk}")
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["body"][0]["value"] == body
