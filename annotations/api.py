"""The annotation API (W3C Web Annotation JSON-LD): parse the request, call a service or the
selector, present the result. No rule lives here.

  GET    /api/annotations/?target=<article URL>&user=&tag=&visibility=&page=
         -> AnnotationCollection (first page embedded), or with ?page=N that AnnotationPage
  POST   /api/annotations/                       -> 201 Annotation (Location: its id)
  GET    /api/annotations/<id>                   -> Annotation
  PUT    /api/annotations/<id>                   -> Annotation (body, tags, motivation replaced)
  PATCH  /api/annotations/<id>                   -> Annotation (only the keys given change)
  DELETE /api/annotations/<id>                   -> 204

Offsets in TextPositionSelector are Unicode code points into the article's canonical text;
the browser converts its UTF-16 offsets with annotations.offsets' rules before sending.
Authentication: the session (with Django's CSRF token on writes) or `Authorization: Token <key>`.
Errors are JSON {"error": "..."}: 400 invalid input, 401 not signed in, 403 not yours,
404 not there or not yours to see (the two are never told apart), 405, 410 deleted.
"""
from __future__ import annotations

import json
from urllib.parse import urlencode

from django.core.exceptions import RequestDataTooBig
from django.core.paginator import EmptyPage, InvalidPage, Paginator
from django.http import HttpResponse, JsonResponse
from django.views.csrf import csrf_failure as django_csrf_failure

from annotations.auth import api_prefix
from annotations.errors import AnnotationError, AnnotationGone, NotAuthor
from annotations.models import Annotation
from annotations.payloads import VISIBILITIES, annotation_id_from_url, article_slug_from_url, parse_annotation
from annotations.presenters import MEDIA_TYPE, annotation_url, present_annotation, present_collection, present_page
from annotations.selectors import visible_annotations
from annotations.services import create_annotation, delete_annotation, update_annotation
from annotations.services.write import check_author
from edition.models import Article

PAGE_SIZE = 100
JSON_TYPES = {"application/json", "application/ld+json"}


class Unauthenticated(Exception):
    pass


class NotFound(Exception):
    pass


def json_error(status: int, message: str, **headers) -> JsonResponse:
    return JsonResponse({"error": message}, status=status, headers=headers)


def ld_response(data, status=200, **headers) -> HttpResponse:
    return HttpResponse(json.dumps(data, ensure_ascii=False), status=status, content_type=MEDIA_TYPE,
                        headers=headers)


def endpoint(handlers):
    """A view that dispatches by method and turns the services' exceptions into JSON errors."""
    allowed = ", ".join(handlers)

    def view(request, **kwargs):
        handler = handlers.get(request.method)
        if handler is None:
            return json_error(405, f"Method {request.method} is not allowed here.", Allow=allowed)
        try:
            if getattr(request, "token_error", None):
                raise Unauthenticated(request.token_error)
            return handler(request, **kwargs)
        except Unauthenticated as error:
            return json_error(401, str(error) or "Sign in, or send 'Authorization: Token <key>'.",
                              **{"WWW-Authenticate": 'Token realm="api"'})
        except AnnotationError as error:
            return json_error(400, str(error))
        except NotAuthor as error:
            return json_error(403, str(error))
        except NotFound:
            return json_error(404, "Not found.")
        except AnnotationGone as error:
            return json_error(410, str(error))
    return view


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a JSON 403 for API clients, Django's page for everyone else."""
    if request.path_info.startswith(api_prefix()):
        return json_error(403, f"CSRF verification failed ({reason}). Send the X-CSRFToken header "
                               "with the csrftoken cookie's value, or use an API token.")
    return django_csrf_failure(request, reason=reason)


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _writer(request):
    if not request.user.is_authenticated:
        raise Unauthenticated()
    return request.user


def _read_json(request):
    if request.content_type not in JSON_TYPES:
        raise AnnotationError("Send JSON (Content-Type: application/json or application/ld+json).")
    try:
        return json.loads(request.body)
    except RequestDataTooBig:
        raise AnnotationError("The request is too large.") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise AnnotationError(f"Malformed JSON: {error}.") from None
    except RecursionError:
        raise AnnotationError("Malformed JSON: nested too deeply.") from None


def _with_relations(annotations):
    return annotations.select_related("author", "article").prefetch_related("tags")


def _visible_or_404(user, pk) -> Annotation:
    annotation = _with_relations(visible_annotations(user)).filter(pk=pk).first()
    if annotation is None:
        raise NotFound()
    return annotation


def _article(source) -> Article:
    slug = article_slug_from_url(source or "")
    article = Article.objects.filter(slug=slug, current_revision__isnull=False).first() if slug else None
    if article is None:
        raise AnnotationError(f"Unknown article: {source!r}.")
    return article


def _present(request, annotation, status=200, **headers):
    annotation = _with_relations(Annotation.objects).get(pk=annotation.pk)
    return ld_response(present_annotation(annotation, _base_url(request)), status, **headers)


# --- the collection ---------------------------------------------------------------------------

def create(request):
    user = _writer(request)
    draft = parse_annotation(_read_json(request))
    target = draft.target
    if target is None:
        raise AnnotationError("A target is needed: the article URL with selectors, or an annotation id.")
    common = {"body": draft.body or "", "tags": draft.tags or (), "motivation": draft.motivation}
    if target.parent:
        parent = visible_annotations(user).filter(pk=annotation_id_from_url(target.parent)).first()
        if parent is None:
            raise AnnotationError("Unknown parent annotation.")
        annotation = create_annotation(user, parent=parent, **common)
    else:
        annotation = create_annotation(
            user, article=_article(target.source), quote=target.quote, position=target.position,
            visibility=draft.visibility, classroom_id=draft.classroom_id, **common)
    return _present(request, annotation, 201, Location=annotation_url(_base_url(request), annotation.pk))


def list_annotations(request):
    params = request.GET
    annotations = visible_annotations(request.user, _article(params["target"]) if "target" in params else None)
    if params.get("user"):
        annotations = annotations.filter(author__username=params["user"])
    if params.get("tag"):
        annotations = annotations.filter(tags__name=params["tag"])
    if params.get("visibility"):
        if params["visibility"] not in VISIBILITIES:
            raise AnnotationError("Unknown visibility; use private, class or public.")
        annotations = annotations.filter(visibility=params["visibility"])
    paginator = Paginator(_with_relations(annotations).order_by("id"), PAGE_SIZE, allow_empty_first_page=True)
    query = {key: params[key] for key in ("target", "user", "tag", "visibility") if params.get(key)}
    collection_id = request.build_absolute_uri(request.path) + (f"?{urlencode(query)}" if query else "")

    def page_url(number):
        return request.build_absolute_uri(request.path) + "?" + urlencode({**query, "page": number})

    if "page" not in params:
        return ld_response(present_collection(
            paginator.page(1), _base_url(request), collection_id=collection_id, page_url=page_url,
            total=paginator.count, last=paginator.num_pages))
    page = _page(paginator, params["page"])
    return ld_response(present_page(
        page, _base_url(request), page_url=page_url, number=page.number, last=paginator.num_pages,
        start_index=page.start_index() - 1 if paginator.count else 0,
        collection={"id": collection_id, "total": paginator.count}))


def _page(paginator, number):
    if not number.isdigit() or int(number) < 1:
        raise AnnotationError("'page' must be a whole number from 1.")
    try:
        return paginator.page(int(number))
    except (EmptyPage, InvalidPage):
        raise NotFound() from None


# --- one annotation ---------------------------------------------------------------------------

def detail(request, pk):
    annotation = _visible_or_404(request.user, pk)  # already with its author, article and tags
    return ld_response(present_annotation(annotation, _base_url(request)))


def replace(request, pk):
    return _change(request, pk, partial=False)


def patch(request, pk):
    return _change(request, pk, partial=True)


def _change(request, pk, partial):
    user = _writer(request)
    annotation = _visible_or_404(user, pk)
    check_author(user, annotation)  # "not yours" before "badly formed"
    data = _read_json(request)
    draft = parse_annotation(data)
    _check_same_target(annotation, draft.target)
    changes = {}
    if not partial or draft.body is not None:
        changes["body"], changes["tags"] = draft.body or "", draft.tags or []
    if draft.motivation is not None:
        changes["motivation"] = draft.motivation
    if "visibility" in data:
        changes["visibility"] = draft.visibility
    if "class" in data:
        changes["classroom_id"] = draft.classroom_id
    elif "visibility" in data and draft.visibility != Annotation.CLASS:
        changes["classroom_id"] = None
    return _present(request, update_annotation(user, annotation, **changes))


def _check_same_target(annotation, target):
    if target is None:
        return
    if annotation.parent_id is not None:
        same = target.parent is not None and annotation_id_from_url(target.parent) == annotation.parent_id
    else:
        same = target.source is not None and article_slug_from_url(target.source) == annotation.article.slug
    if not same:
        raise AnnotationError("The target cannot be changed; make a new annotation instead.")


def remove(request, pk):
    user = _writer(request)
    delete_annotation(user, _visible_or_404(user, pk))
    return HttpResponse(status=204)


annotation_list = endpoint({"GET": list_annotations, "HEAD": list_annotations, "POST": create})
annotation_detail = endpoint({"GET": detail, "HEAD": detail, "PUT": replace, "PATCH": patch,
                              "DELETE": remove})
