"""Each answer of the workbench computed once, as plain records the CLI, the API and the
pages all render: entity card, quotes, events, timeline, document, home.

The views read a :class:`veille.store.Store` and return stdlib dataclasses (JSON through
``dataclasses.asdict``); they import neither FastAPI nor spaCy, so the CLI stays quick.
"""
