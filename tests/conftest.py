import pytest


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch):
    """Fixed width and no colour, so that rich output is the same on every machine."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("CONNACT_LANG", raising=False)
    monkeypatch.delenv("CONNACT_DEBUG", raising=False)
