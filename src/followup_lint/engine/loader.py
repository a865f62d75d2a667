"""Load rule files (YAML) from the built-in rule directory and from user directories."""

from __future__ import annotations

import math
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..data import builtin_rules_dir
from ..model import CATEGORIES, Context, Severity
from .errors import RuleError
from .rule import Example, Rule
from .schema import Field, check_fields
from .templates import check_widths

__all__ = ["builtin_rules_dir", "load_rule_file", "load_rules", "parse_rule", "read_data_file"]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$")

COMMON_FIELDS: dict[str, Field] = {
    "id": Field(str, True, "unique id, `category.name`"),
    "category": Field(str, True, "one of the contract's categories"),
    "severity": Field(str, True, "error, warning or suggestion"),
    "check": Field(str, True, "the check type: existence, substitution, required, metric, ... (pipeline.CHECKS)"),
    "message": Field(str, True, "what is wrong, shown with each finding"),
    "summary": Field(str, False, "one line for `followup-lint rules` (default: the message)"),
    "suggestion": Field(str, False, "what to write instead"),
    "why": Field(str, True, "why it matters, for the rule's documentation"),
    "sources": Field(list, False, "where the reason comes from"),
    "enabled": Field(bool, False, "false for opt-in rules (enable with --select)"),
    "channels": Field(list, False, "the channels the rule applies to: email, linkedin, message (default: all)"),
    "kinds": Field(list, False, "the message kinds it applies to: thank-you, check-in, post-rejection, networking"),
    "options": Field(dict, False, "options with their defaults, overridable in config"),
    "examples": Field(dict, True, "`fire:` and `pass:` lists of example drafts"),
}
_EXAMPLE_FIELDS = {
    "text": Field(str, True),
    "context": Field(dict, False),
    "format": Field(str, False),
    "flags": Field(str, False),
}
_CONTEXT_FIELDS = {
    "company": Field(str),
    "role": Field(str),
    "interviewer": Field((str, list)),
    "interviewers": Field((str, list)),
    "channel": Field(str),
    "kind": Field(str),
    "dialect": Field(str),
    "interview-date": Field(str),
    "send-date": Field(str),
    "previous": Field(list),
}


def load_rules(extra_dirs: tuple[Path, ...] = ()) -> dict[str, Rule]:
    """All rules by id: the built-in ones, then each extra directory's (a same-id rule replaces the earlier)."""
    rules: dict[str, Rule] = dict(_load_dir(builtin_rules_dir()))
    for directory in extra_dirs:
        if not directory.is_dir():
            raise RuleError(str(directory), None, "rule directory not found")
        rules.update(_load_dir(directory))
    return rules


@lru_cache(maxsize=8)
def _load_dir(directory: Path) -> tuple[tuple[str, Rule], ...]:
    """The rules of one directory. The parsed YAML of files that validated before is cached on disk.

    The cache entry's key covers the package version, every file under ``directory`` (``_data`` too: checks
    read it while validating) and the package's code, by size and modification time; with a matching entry
    the YAML is not parsed again and the checks' own validation (which compiles every pattern) is skipped.
    """
    paths = rule_files(directory)
    entry_name, entry_key = _cache_entry(directory)
    stored = _cached_data(entry_name, entry_key, paths)
    seen: dict[str, str] = {}
    out: list[tuple[str, Rule]] = []
    fresh: list[tuple[str, Any]] = []
    for path in paths:
        name = str(path)
        if stored is not None:
            rule = parse_rule(name, stored[name], validated=True)
        else:
            data = _read_yaml(path)
            rule = parse_rule(name, data)
            fresh.append((name, data))
        if rule.id in seen:
            raise RuleError(name, "id", f"duplicate rule id {rule.id!r} (also in {seen[rule.id]})")
        seen[rule.id] = name
        out.append((rule.id, rule))
    if stored is None and entry_key:
        from .. import cache

        cache.store(entry_name, entry_key, fresh)
    return tuple(out)


#: A rule directory is searched this deep and for this many rule files at most: naming "/" or a home folder
#: by mistake gets one line saying so, not a walk of the whole file system.
MAX_RULE_DEPTH = 8
MAX_RULE_FILES = 2000
#: Entries looked at in a rule directory tree (files of every kind and folders), for the same reason.
MAX_RULE_ENTRIES = 20_000


def rule_files(directory: Path) -> list[Path]:
    """The rule files (``*.yaml``, ``*.yml``; regular files) under ``directory``, sorted as ``rglob`` would list
    them (``.yaml`` first), skipping names that start with ``.`` or ``_``; ``RuleError`` past the limits."""
    import os

    found: dict[str, list[Path]] = {".yaml": [], ".yml": []}
    pending = [(str(directory), 0)]
    seen = {os.path.realpath(directory)}
    entries = 0
    while pending:
        top, depth = pending.pop()
        try:
            with os.scandir(top) as listing:
                items = list(listing)
        except OSError:
            continue
        for entry in items:
            entries += 1
            if entries > MAX_RULE_ENTRIES:
                raise RuleError(
                    str(directory), None, f"has more than {MAX_RULE_ENTRIES:,} entries: is it a folder of rule files?"
                )
            if entry.name.startswith((".", "_")):
                continue
            if entry.is_dir():  # symbolic links too, as before; each real folder once
                real = os.path.realpath(entry.path)
                if real not in seen and depth < MAX_RULE_DEPTH:
                    seen.add(real)
                    pending.append((entry.path, depth + 1))
                continue
            suffix = os.path.splitext(entry.name)[1]
            if suffix in found and entry.is_file():  # a FIFO or a device named *.yaml is not read
                found[suffix].append(Path(entry.path))
                if len(found[".yaml"]) + len(found[".yml"]) > MAX_RULE_FILES:
                    raise RuleError(str(directory), None, f"has more than {MAX_RULE_FILES:,} rule files")
    return sorted(found[".yaml"]) + sorted(found[".yml"])


def _cache_entry(directory: Path) -> tuple[str, str]:
    """The cache entry's name (one per rule directory) and key, or ``("", "")`` when the tree cannot be read."""
    from .. import cache

    try:
        inputs = _tree_stamp(str(directory), "")
        code = _tree_stamp(str(Path(__file__).resolve().parent.parent), ".py")
    except OSError:
        return "", ""
    where = cache.key(str(directory.resolve()))[:10]
    return f"rules-{where}", cache.key(inputs, code)


def _tree_stamp(top: str, suffix: str) -> str:
    """The path, size and mtime of every file under ``top`` whose name ends with ``suffix``, sorted.

    One ``os.scandir`` pass (the file types and stat results come with the directory entries): 1 to 2 ms for
    the rules and the package's code, where ``Path.rglob`` and a ``stat`` per file took about 15.
    """
    import os

    lines: list[str] = []
    pending = [top]
    seen = {os.path.realpath(top)}
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if len(seen) + len(lines) > MAX_RULE_ENTRIES:
                    raise OSError(0, "too many files to stamp")  # the cache is skipped; rule_files says why
                if entry.is_dir():  # symbolic links too, as ``Path.rglob`` (which reads the rule files) follows them
                    real = os.path.realpath(entry.path)
                    if entry.name != "__pycache__" and real not in seen:
                        seen.add(real)
                        pending.append(entry.path)
                elif entry.name.endswith(suffix) and entry.is_file():
                    info = entry.stat()
                    lines.append(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}")
    return "\n".join(sorted(lines))


def _cached_data(entry_name: str, entry_key: str, paths: list[Path]) -> dict[str, Any] | None:
    """The stored ``{file name: parsed YAML}`` for exactly ``paths``, or ``None``."""
    if not entry_key:
        return None
    from .. import cache

    stored = cache.load(entry_name, entry_key)
    if not isinstance(stored, list):
        return None
    data = {name: value for name, value in stored if isinstance(name, str)}
    return data if list(data) == [str(p) for p in paths] else None


def load_rule_file(path: Path) -> Rule:
    return parse_rule(str(path), _read_yaml(path))


def read_data_file(path: Path) -> Any:
    """The data of a YAML file under ``rules/_data`` (weights, tables), kept in the user cache as marshal data.

    The entry is keyed by the file's size and modification time, so an edited file is parsed again; with a hit,
    PyYAML is not imported. Raises ``RuleError`` naming the file when it cannot be read or parsed.
    """
    from .. import cache

    name = "data-" + cache.key(str(path))[:12]
    entry_key = cache.key("data-file", cache.stat_stamp([path]))
    stored = cache.load(name, entry_key)
    if isinstance(stored, list) and len(stored) == 1:
        return stored[0]
    data = _read_yaml(path)
    cache.store(name, entry_key, [data])  # best effort: data marshal cannot write is simply not cached
    return data


#: A rule or data file larger than this is refused before it is read.
MAX_YAML_BYTES = 8 * 1024 * 1024
#: Values a YAML file may hold once its aliases are expanded (an alias bomb holds billions).
MAX_YAML_NODES = 2_000_000


def _read_yaml(path: Path) -> Any:
    import os
    import stat

    name = str(path)
    try:
        if not stat.S_ISREG(os.stat(name).st_mode):
            raise RuleError(name, None, "cannot read rule file (not a regular file)")
        with open(name, "rb") as handle:
            data = handle.read(MAX_YAML_BYTES + 1)
        if len(data) > MAX_YAML_BYTES:
            raise RuleError(name, None, f"cannot read rule file (larger than {MAX_YAML_BYTES // 1048576} MB)")
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, None, f"cannot read rule file ({exc})") from None
    return _parse_yaml(name, text)


def _expanded_size(data: Any, limit: int) -> int:
    """How many values ``data`` holds with every alias expanded, counted without expanding (up to ``limit``)."""
    sizes: dict[int, int] = {}

    def size(node: Any, depth: int) -> int:
        if depth > 200:
            raise RecursionError
        if not isinstance(node, (dict, list)):
            return 1
        known = sizes.get(id(node))
        if known is None:
            children = [*node.keys(), *node.values()] if isinstance(node, dict) else node
            known = sizes[id(node)] = min(limit + 1, 1 + sum(size(child, depth + 1) for child in children))
        return known

    return size(data, 0)


def _parse_yaml(name: str, text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
        if ("&" in text or "*" in text) and _expanded_size(data, MAX_YAML_NODES) > MAX_YAML_NODES:
            raise RuleError(name, None, f"expands its YAML aliases to more than {MAX_YAML_NODES:,} values")
        return data
    except RecursionError:
        raise RuleError(name, None, "nests its YAML too deeply") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(name, where, f"invalid YAML: {problem}") from None


def parse_rule(name: str, data: Any, *, validated: bool = False) -> Rule:
    """Validate one rule file's data and build the ``Rule``.

    ``validated``: the data passed the check type's own validation before (it comes from the cache), so
    that (slow) step is skipped; the common fields are still checked.
    """
    from .checks import check_class

    if not isinstance(data, dict):
        raise RuleError(name, None, "a rule file must be a YAML mapping of keys to values")
    if "kind" in data:
        data = _renamed_kind(name, data)
    check = data.get("check")
    if not isinstance(check, str):
        raise RuleError(name, "check", "is required and must be a string (the check type)")
    kind_class = check_class(check)
    if kind_class is None:
        from .. import pipeline

        raise RuleError(name, "check", f"unknown check type {check!r} (known: {', '.join(sorted(pipeline.CHECKS))})")
    check_fields(name, data, {**COMMON_FIELDS, **kind_class.fields})
    rule_id = data["id"]
    if not _ID.match(rule_id):
        raise RuleError(name, "id", f"{rule_id!r} is not a valid id (lowercase words, dots and hyphens)")
    if data["category"] not in CATEGORIES:
        raise RuleError(name, "category", f"unknown category {data['category']!r} (known: {', '.join(CATEGORIES)})")
    try:
        severity = Severity.parse(data["severity"])
    except ValueError as exc:
        raise RuleError(name, "severity", str(exc)) from None
    for key in ("message", "suggestion"):
        try:
            check_widths(data.get(key) or "")
        except ValueError as exc:
            raise RuleError(name, key, str(exc)) from None
    spec = {key: data[key] for key in kind_class.fields if key in data}
    options = dict(data.get("options") or {})
    for key, value in options.items():
        if not isinstance(value, (str, int, float, bool, list)):
            raise RuleError(name, f"options.{key}", "must be a string, number, boolean or list")
        if isinstance(value, float) and not math.isfinite(value):
            raise RuleError(name, f"options.{key}", "must be a finite number")
    fire, passes = _examples(name, data["examples"])
    rule = Rule(
        id=rule_id,
        category=data["category"],
        severity=severity,
        check=check,
        message=data["message"].strip(),
        why=data["why"].strip(),
        summary=(data.get("summary") or data["message"]).strip().splitlines()[0],
        path=name,
        suggestion=(data.get("suggestion") or "").strip() or None,
        sources=tuple(str(s) for s in data.get("sources") or ()),
        enabled=data.get("enabled", True),
        channels=_channels(name, data.get("channels")),
        kinds=_kinds(name, data.get("kinds")),
        options=options,
        spec=spec,
        fire=fire,
        passes=passes,
    )
    if not validated:
        kind_class.validate(rule)
    return rule


#: Rule files already warned about ``kind:`` in this process.
_WARNED: set[str] = set()


def _renamed_kind(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """A rule file that names its check type with ``kind:`` (its old name): load it as ``check:``, with a one-line
    deprecation warning on stderr once per file and process."""
    if "check" in data:
        raise RuleError(name, "kind", "give the check type once, as `check` (`kind` is its old name)")
    if name not in _WARNED:
        _WARNED.add(name)
        sys.stderr.write(f"followup-lint: warning: {name}: `kind` is deprecated; rename it to `check`\n")
    return {("check" if key == "kind" else key): value for key, value in data.items()}


CHANNELS = ("email", "linkedin", "message")


def _iso_date(value: object) -> bool:
    import datetime as dt

    try:
        return isinstance(value, str) and len(value) == 10 and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _channels(name: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    for item in value:
        if item not in CHANNELS:
            raise RuleError(name, "channels", f"unknown channel {item!r} (known: {', '.join(CHANNELS)})")
    return tuple(value)


KINDS = ("thank-you", "check-in", "post-rejection", "networking")


def _kinds(name: str, value: Any) -> tuple[str, ...]:
    for item in value or ():
        if item not in KINDS:
            raise RuleError(name, "kinds", f"unknown message kind {item!r} (known: {', '.join(KINDS)})")
    return tuple(value or ())


def _examples(name: str, data: dict[str, Any]) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    check_fields(name, data, {"fire": Field(list, True), "pass": Field(list, True)}, "examples.")
    out: list[tuple[Example, ...]] = []
    for key in ("fire", "pass"):
        items = []
        for index, item in enumerate(data[key]):
            where = f"examples.{key}[{index}]"
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, dict):
                raise RuleError(name, where, "must be a string or a mapping with `text`")
            check_fields(name, item, _EXAMPLE_FIELDS, where + ".")
            items.append(
                Example(
                    text=item["text"],
                    context=context_from_mapping(name, item.get("context") or {}, where + ".context."),
                    format=item.get("format", "text"),
                    flags=item.get("flags"),
                )
            )
        if not items:
            raise RuleError(name, f"examples.{key}", "needs at least one example")
        out.append(tuple(items))
    return out[0], out[1]


def context_from_mapping(name: str, data: dict[str, Any], prefix: str = "context.") -> Context:
    """A ``Context`` from a mapping (rule examples and config files share this format)."""
    if not data:
        return Context()  # most rule examples: nothing to check
    check_fields(name, data, _CONTEXT_FIELDS, prefix)
    people = data.get("interviewers", data.get("interviewer", ()))
    if isinstance(people, str):
        people = [people]
    if not all(isinstance(p, str) for p in people):
        raise RuleError(name, prefix + "interviewers", "must be a list of names")
    for key, allowed in (("kind", KINDS), ("channel", CHANNELS), ("dialect", ("en-US", "en-GB"))):
        if data.get(key) not in (None, *allowed) and not (key == "kind" and data[key] == "auto"):
            raise RuleError(name, prefix + key, f"unknown {key} {data[key]!r} (known: {', '.join(allowed)})")
    dated = [("interview-date", data.get("interview-date")), ("send-date", data.get("send-date"))]
    dated += [("previous", item) for item in data.get("previous", ())]
    for key, value in dated:
        if value is not None and not _iso_date(value):
            raise RuleError(name, prefix + key, f"{value!r} is not a date in the form YYYY-MM-DD")
    return Context(
        company=data.get("company"),
        role=data.get("role"),
        interviewers=tuple(people),
        channel=data.get("channel"),
        kind=None if data.get("kind") == "auto" else data.get("kind"),
        dialect=data.get("dialect"),
        interview_date=data.get("interview-date"),
        send_date=data.get("send-date"),
        previous=tuple(str(d) for d in data.get("previous", ())),
    )
