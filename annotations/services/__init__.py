"""Writes to annotations and classes; reads that carry rules are in annotations.selectors."""
from annotations.services.classrooms import create_classroom, join_classroom
from annotations.services.importing import ImportReport, import_collection
from annotations.services.moderation import can_moderate, set_hidden
from annotations.services.reanchor import ReanchorReport, reanchor_article
from annotations.services.write import create_annotation, delete_annotation, update_annotation

__all__ = [
    "ImportReport", "ReanchorReport", "can_moderate", "create_annotation", "create_classroom",
    "delete_annotation", "import_collection", "join_classroom", "reanchor_article", "set_hidden",
    "update_annotation",
]
