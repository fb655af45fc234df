import pytest


@pytest.fixture(scope="session")
def _private_dirs(tmp_path_factory):
    return tmp_path_factory.mktemp("cache"), tmp_path_factory.mktemp("data")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(monkeypatch, _private_dirs):
    """Caches and sessions go to a temporary folder, never to the user's own."""
    cache, data = _private_dirs
    monkeypatch.setenv("CONNACT_CACHE_DIR", str(cache))
    monkeypatch.setenv("CONNACT_DATA_DIR", str(data))


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch):
    """Fixed width and no colour, so that rich output is the same on every machine."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("CONNACT_LANG", raising=False)
    for name in ("LANGUAGE", "LC_MESSAGES", "LANG"):  # the system locale is the C one: English
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.delenv("CONNACT_DEBUG", raising=False)


@pytest.fixture(autouse=True)
def _english_to_start():
    """Each test starts in English: a run in another language sets it for the rest of the process."""
    from connact_cli import i18n

    i18n.use_language(i18n.ENGLISH)
