"""Safe YAML reading that remembers where every value stands, so errors can name a line.

Only the safe loader is used. Duplicate keys, very deep nesting, alias bombs ("billion laughs"),
oversized files and surprising YAML 1.1 numbers (yaml11.py) are refused with an InputFileError
instead of being half-accepted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from connact_cli import i18n
from connact_cli.errors import InputFileError
from connact_cli.i18n import gettext as _
from connact_cli.library.regular import read_regular
from connact_cli.library.yaml11 import surprise

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

Location = tuple[str | int, ...]


class YamlDocument:
    """Parsed data plus the line (1-based) of each mapping key and list item."""

    def __init__(self, path: Path, data: Any, lines: dict[Location, int]):
        self.path = path
        self.data = data
        self.lines = lines

    def line_of(self, location: Location) -> int | None:
        """The line of `location`, or of its nearest parent that has one."""
        loc = tuple(location)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)


class _Builder:
    def __init__(self, path: Path):
        self.path = path
        self.lines: dict[Location, int] = {}
        self.nodes = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.scalars.construct_object(node)
        except yaml.constructor.ConstructorError:
            raise InputFileError(
                self.path,
                # Translators: follows a file name; {tag} is a YAML tag, e.g. !!python/object.
                _("is not valid YAML: the tag '{tag}' is not allowed").format(tag=node.tag),
                node.start_mark.line + 1,
            ) from None
        except ValueError:  # a scalar that looks like a date or number but is not one
            return node.value
        reason = surprise(node, value)
        if reason is not None:
            raise InputFileError(self.path, reason, node.start_mark.line + 1)
        return value

    def build(self, node: yaml.Node, location: Location) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise InputFileError(
                self.path,
                _("the file expands to more than {limit} values (too many aliases?); simplify it").format(
                    limit=i18n.number(MAX_NODES)
                ),
            )
        if len(location) > MAX_DEPTH:
            raise InputFileError(self.path, _too_deep(), node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    raise InputFileError(self.path, _("a key must be a plain word"), key_node.start_mark.line + 1)
                key = str(key)  # a YAML key like `1:` is still a name to us
                if key == "<<":
                    raise InputFileError(
                        self.path,
                        _("merge keys ('<<') are not supported; write the keys out"),
                        key_node.start_mark.line + 1,
                    )
                if key in result:
                    first = self.lines.get((*location, key))
                    raise InputFileError(
                        self.path,
                        # Translators: {key} is a YAML key; {line} a line number.
                        _("key '{key}' appears twice (first on line {line}); keep one").format(key=key, line=first),
                        key_node.start_mark.line + 1,
                    )
                self.lines[(*location, key)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, (*location, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*location, index)] = item.start_mark.line + 1
                items.append(self.build(item, (*location, index)))
            return items
        value = self._scalar(node)
        if not isinstance(value, (str, int, float, bool, type(None))):
            value = node.value  # dates and other tags stay text; the models decide
        return value


def _too_deep() -> str:
    return _("nesting deeper than {limit} levels; flatten the file").format(limit=MAX_DEPTH)


def read_text(path: Path) -> str:
    """Read a user's file as UTF-8, with a clear error for every way that can fail."""
    raw = read_regular(path, MAX_FILE_BYTES)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        # Translators: follows a file name.
        raise InputFileError(path, _("is not UTF-8 text; save it as UTF-8"), line) from None


def load(path: Path) -> YamlDocument:
    """Parse one YAML document from `path`, keeping the line of every key and list item."""
    text = read_text(path)
    if not text.strip():
        raise InputFileError(path, _("is empty; it needs at least a 'kind:' line"))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.composer.ComposerError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        # Translators: follows a file name; {problem} is PyYAML's own description, in English.
        message = _("holds more than one YAML document or a bad alias: {problem}").format(problem=error.problem)
        raise InputFileError(path, message, line) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or _("invalid YAML")
        # Translators: follows a file name; {problem} is PyYAML's own description, in English.
        message = _("is not valid YAML: {problem}").format(problem=problem)
        raise InputFileError(path, message, mark.line + 1 if mark else None) from None
    except RecursionError:
        raise InputFileError(path, _too_deep()) from None
    if node is None:
        raise InputFileError(path, _("holds no data; it needs at least a 'kind:' line"))
    builder = _Builder(path)
    data = builder.build(node, ())
    builder.lines[()] = node.start_mark.line + 1
    return YamlDocument(path, data, builder.lines)


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


class _FastLoader(_Loader):
    """The C loader, refusing what the careful path reports in detail: duplicate keys, merge keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [key.value for key, _value in node.value if isinstance(key, yaml.ScalarNode) and key.tag == _STR]
        if len(keys) != len(node.value) or len(set(keys)) != len(keys):
            raise yaml.constructor.ConstructorError(None, None, "use the careful path", node.start_mark)
        return super().construct_mapping(node, deep=deep)

    def construct_checked_number(self, node: yaml.ScalarNode) -> Any:
        """A number that means what it looks like; anything else goes the careful way, which says where."""
        value = self._NUMBERS[node.tag](self, node)
        if surprise(node, value) is not None:
            raise yaml.constructor.ConstructorError(None, None, "use the careful path", node.start_mark)
        return value

    _NUMBERS = {_INT: _Loader.construct_yaml_int, _FLOAT: _Loader.construct_yaml_float}


for _tag in _FastLoader._NUMBERS:
    _FastLoader.add_constructor(_tag, _FastLoader.construct_checked_number)


def fast_load(path: Path) -> Any | None:
    """Data of a well-formed file through PyYAML's C loader alone (no line numbers), or None.

    None means: use load(), which checks everything and can say where a problem is. Files with
    anchors or aliases, a BOM, or anything unusual always take that path.
    """
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except InputFileError:
        return None
    if b"&" in raw or b"*" in raw or raw.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_FastLoader)
    except Exception:
        return None
    return data if isinstance(data, dict) else None


# Characters YAML reads as line breaks: PyYAML writes them raw in plain and single-quoted scalars, and
# reading the file back folds them into a space. Double quotes escape them (\N, \L, \P).
_FOLDED_BREAKS = frozenset("\x85\u2028\u2029")


class _Dumper(yaml.SafeDumper):
    """Writes every string so that reading the file back gives the very same string."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if _FOLDED_BREAKS.intersection(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def dump(data: Any) -> str:
    """YAML text for data connact writes (answers files): block style, keys in the given order; every string
    reads back exactly as it was given."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
