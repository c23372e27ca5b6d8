"""Profile detection by markers in the text, and the generic fallback."""
from edition.cleaning.profiles import PROFILES, detect_profile
from edition.cleaning.text import split_lines


def detect(text: str) -> str:
    return detect_profile(split_lines(text)).name


def test_it_detects_nikkei_by_the_icon_sprite_line():
    assert detect("ArrowArtboardCreated with Sketch.Title Chevron\nTitle\n") == "nikkei"


def test_it_detects_asianews_by_its_dateline():
    assert detect("Title\n\nHong Kong (AsiaNews) – Text of the article.\n") == "asianews"


def test_it_detects_japantimes_by_its_attribution_line():
    assert detect("First paragraph.\n\nculled from Japan Times\n") == "japantimes"


def test_a_citation_of_the_japan_times_is_not_a_marker():
    assert detect("Text (Japan Times, March 28).\n") == "generic"


def test_an_unknown_page_is_generic():
    assert detect("A title\n\nSome text.\n") == "generic"


def test_every_profile_names_itself_in_its_registry_key():
    assert all(name == profile.name for name, profile in PROFILES.items())
