"""What the annotation services raise; the API maps each to one HTTP status."""


class AnnotationError(ValueError):
    """The input is invalid (400). The message is shown to the user as it is."""


class NotAuthor(PermissionError):
    """The user may see the annotation but it is not theirs to change (403)."""


class AnnotationGone(Exception):
    """The annotation was deleted; only its thread remains (410)."""
