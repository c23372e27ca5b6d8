"""Linking, in pure Python: apparatus loading, alias matching, disambiguation, dates.

- aliases.py: entries and aliases from seeds/apparatus/entries.yaml (`load_entries`)
- events.py: events from seeds/apparatus/events.yaml (`load_events`)
- matcher.py: one compiled matcher over all aliases (`compile_matcher`, `find_mentions`)
- quotes.py: placing the curated event quotes in an article's blocks (`event_mentions`)
- dates.py: date expressions in news prose (`find_date_expressions`, `resolve_relative_date`)
"""
