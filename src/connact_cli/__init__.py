"""connact: design migrant-integration programmes from the ISF checklists and a practice library."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("connact")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
