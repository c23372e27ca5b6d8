"""Reader annotations (built in the annotations issue)."""
