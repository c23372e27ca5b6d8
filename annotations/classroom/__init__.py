"""Classes reading together (the Classroom issue): assignments, progress, the teacher's view,
moderation, the class reading page and the class export.

Models live in `models` (loaded by `annotations.models`, so migrations see them); writes in
`membership`, `assignments` and `flags`; reads that carry rules in `selectors`; the figures of
the teacher's view in `progress`, `engagement` and `heatstrip`; the CSV in `export`. Every
annotation shown or counted here is one that `annotations.selectors.visible_annotations`
lets the viewer see.
"""
