"""The edition's models: the text (articles, revisions, blocks, notes) and the apparatus."""
from edition.models.apparatus import (  # noqa: F401
    ApparatusState, Entry, EntryAlias, Event, EventQuote, EventSuggestion, Mention, MentionOverride,
)
from edition.models.text import (  # noqa: F401
    Article, Block, Citation, EditorialNote, Footnote, Revision, canonical_text,
)
