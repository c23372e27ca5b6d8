"""create_annotation: anchoring in the current text, audience, motivation, limits."""
import pytest

from annotations.anchoring import TextPosition, TextQuote
from annotations.errors import AnnotationError
from annotations.models import BODY_MAX_LENGTH, Annotation
from annotations.services import create_annotation

from .conftest import annotate, quote_of

pytestmark = pytest.mark.django_db


def test_it_anchors_a_quote_in_the_current_text(owner, article):
    annotation = annotate(owner, article, "brighter future")
    text = article.current_revision.text
    assert text[annotation.start:annotation.end] == "brighter future"
    assert annotation.state == Annotation.ANCHORED
    assert annotation.revision_id == article.current_revision_id


def test_it_stores_the_quote_with_its_context(owner, article):
    annotation = annotate(owner, article, "brighter future")
    assert annotation.exact == "brighter future"
    assert annotation.prefix.endswith("to build a ")
    assert len(annotation.prefix) == 32 and len(annotation.suffix) == 32


def test_a_position_alone_is_enough(owner, article):
    start = article.current_revision.text.index("brighter future")
    annotation = create_annotation(owner, article=article, position=TextPosition(start, start + 15))
    assert annotation.exact == "brighter future"


def test_a_stale_position_is_corrected_by_the_quote(owner, article):
    quote = quote_of(article, "brighter future")
    annotation = create_annotation(owner, article=article, quote=quote, position=TextPosition(0, 15))
    assert article.current_revision.text[annotation.start:annotation.end] == "brighter future"
    assert annotation.state == Annotation.MOVED


def test_it_keeps_body_tags_and_motivation(owner, article):
    annotation = annotate(owner, article, "brighter future", body="Hope.", tags=["rhetoric", "hope", "hope"])
    assert annotation.body == "Hope."
    assert sorted(annotation.tags.values_list("name", flat=True)) == ["hope", "rhetoric"]
    assert annotation.motivation == Annotation.COMMENTING


def test_without_a_body_it_is_a_highlight(owner, article):
    assert annotate(owner, article, "brighter future").motivation == Annotation.HIGHLIGHTING


def test_with_only_tags_it_is_tagging(owner, article):
    assert annotate(owner, article, "brighter future", tags=["x"]).motivation == Annotation.TAGGING


def test_it_is_private_by_default(owner, article):
    annotation = annotate(owner, article, "brighter future")
    assert annotation.visibility == Annotation.PRIVATE and annotation.classroom_id is None


def test_a_member_may_share_with_the_class(owner, article, classroom):
    annotation = annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    assert annotation.classroom == classroom


def test_it_refuses_a_quote_that_is_not_in_the_text(owner, article):
    with pytest.raises(AnnotationError, match="not found"):
        create_annotation(owner, article=article, quote=TextQuote("words nobody ever wrote here"))


def test_it_refuses_a_position_outside_the_text(owner, article):
    length = len(article.current_revision.text)
    with pytest.raises(AnnotationError, match="outside the text"):
        create_annotation(owner, article=article, position=TextPosition(length, length + 5))


def test_it_refuses_no_selector_at_all(owner, article):
    with pytest.raises(AnnotationError, match="needed"):
        create_annotation(owner, article=article)


def test_it_refuses_an_anonymous_author(article):
    from django.contrib.auth.models import AnonymousUser
    with pytest.raises(AnnotationError, match="Sign in"):
        create_annotation(AnonymousUser(), article=article, quote=quote_of(article, "brighter future"))


def test_it_refuses_a_body_that_is_too_long(owner, article):
    with pytest.raises(AnnotationError, match="too long"):
        annotate(owner, article, "brighter future", body="x" * (BODY_MAX_LENGTH + 1))


def test_a_body_at_the_limit_is_fine(owner, article):
    assert len(annotate(owner, article, "brighter future", body="x" * BODY_MAX_LENGTH).body) == BODY_MAX_LENGTH


def test_it_refuses_an_unknown_visibility(owner, article):
    with pytest.raises(AnnotationError, match="visibility"):
        annotate(owner, article, "brighter future", visibility="friends")


def test_it_refuses_a_class_for_public_visibility(owner, article, classroom):
    with pytest.raises(AnnotationError, match="only with visibility 'class'"):
        annotate(owner, article, "brighter future", visibility="public", classroom_id=classroom.pk)


def test_it_refuses_class_visibility_without_a_class(owner, article):
    with pytest.raises(AnnotationError, match="needs the class"):
        annotate(owner, article, "brighter future", visibility="class")


def test_it_refuses_a_class_the_author_is_not_in(other, article, classroom):
    with pytest.raises(AnnotationError, match="not a member"):
        annotate(other, article, "brighter future", visibility="class", classroom_id=classroom.pk)


def test_an_unknown_class_reads_like_someone_elses(owner, article):
    with pytest.raises(AnnotationError, match="not a member"):
        annotate(owner, article, "brighter future", visibility="class", classroom_id=987654)


def test_only_a_reply_has_the_motivation_replying(owner, article):
    with pytest.raises(AnnotationError, match="replying"):
        annotate(owner, article, "brighter future", motivation="replying")


def test_it_refuses_too_many_tags(owner, article):
    with pytest.raises(AnnotationError, match="at most"):
        annotate(owner, article, "brighter future", tags=[f"t{i}" for i in range(21)])
