"""connact: design migrant-integration programmes from the ISF checklists and a practice library."""

# Kept here, not read from the installed metadata: importlib.metadata costs start-up time.
__version__ = "0.1.0"
