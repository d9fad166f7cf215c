"""Guards on the shape of extraction, so that it does not grow back into switches (issue 10).

Every frame the trigger data names has a module registered under that name;
every cue kind the data defines is read by the code (a word list nobody reads
is a rule that silently does nothing); no module under extract/ keeps an English
word list of its own, at module level or of three or more words inside a function (they live in
data/rules/cues.jsonl); no module under extract/ over 400 lines,
no frame module over 250, no function over 80. Files that break a limit today
are marked xfail(strict=True) by name, so the mark has to go when they are fixed.
"""
from __future__ import annotations

import ast
import functools
import json
import re
import typing
from importlib import resources
from pathlib import Path

import pytest

import armstrace
from armstrace.extract.frames import FRAMES
from armstrace.records import EventType, WeaponClass
from armstrace.rules import CueKind, Frame

SRC = Path(armstrace.__file__).resolve().parent
EXTRACT = SRC / "extract"
MAX_MODULE_LINES = 400
MAX_FRAME_MODULE_LINES = 250
MAX_FUNCTION_LINES = 80

# Known excesses in files this guard did not create; each entry names the file and why it is listed.
OVER_LONG_MODULES: dict[str, str] = {}
OVER_LONG_FUNCTIONS: dict[str, str] = {}
UNREAD_CUES: dict[str, str] = {}


def _data_lines(name: str) -> list[dict]:
    text = resources.files("armstrace.data.rules").joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _data_frames() -> list[str]:
    return sorted({t["frame"] for t in _data_lines("triggers.jsonl")})


def _data_cue_kinds() -> list[str]:
    return [c["kind"] for c in _data_lines("cues.jsonl")]


@pytest.mark.parametrize("frame", _data_frames())
def test_every_frame_in_the_data_has_a_registered_module(frame: str) -> None:
    registered = FRAMES.get(frame)
    assert registered is not None, f"frame {frame!r} (triggers.jsonl) is not registered in extract/frames"
    own = [fn for fn in (registered.verb_roles, registered.noun_roles, registered.word_roles)
           if fn is not None and fn.__module__.startswith("armstrace.extract.frames.")
           and fn.__module__ != "armstrace.extract.frames.base"]
    assert own, f"frame {frame!r} only has the defaults: it needs a reading of its own in a frame module"


def test_the_frame_schema_and_the_registry_agree() -> None:
    assert set(typing.get_args(Frame)) == set(FRAMES)
    assert set(_data_frames()) <= set(FRAMES)


def test_every_cue_kind_in_the_data_is_in_the_schema() -> None:
    assert set(_data_cue_kinds()) <= set(typing.get_args(CueKind))


def _kinds_read(tree: ast.AST, tables: bool = False) -> set[str]:
    """Cue kinds a module reads: `x.is_cue("kind", w)`, `x.cue_words["kind"]`, `x.cue_words.get("kind")`,
    and `any(x.is_cue(k, w) for k in ("a", "b"))` (the kinds the loop variable runs over)."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: set[str] = set()

    def strings(node: ast.AST) -> set[str]:
        return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}

    def bound(name: str, node: ast.AST) -> set[str]:
        while node in parents:
            node = parents[node]
            gens = node.generators if isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp)) else []
            for gen in gens:
                if isinstance(gen.target, ast.Name) and gen.target.id == name:
                    return strings(gen.iter)
            if isinstance(node, ast.For) and isinstance(node.target, ast.Name) and node.target.id == name:
                return strings(node.iter)
        return set()

    reads = False
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "is_cue", "cue_words")) or (isinstance(node, ast.Attribute) and node.attr == "cue_words"):
            reads = True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            first = node.args[0]
            is_cue = node.func.attr == "is_cue"
            get = node.func.attr == "get" and isinstance(node.func.value, ast.Attribute) \
                and node.func.value.attr == "cue_words"
            if is_cue or get:
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
                elif isinstance(first, ast.Name):
                    found |= bound(first.id, node)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and \
                node.value.attr == "cue_words" and isinstance(node.slice, ast.Constant):
            found.add(str(node.slice.value))
    if reads and tables:
        # A module that reads cues through a table of kinds ("trainee-aircraft", "service-naval"):
        # the kinds it names as strings are read there.
        found |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return found


@functools.cache
def _all_kinds_read() -> set[str]:
    kinds: set[str] = set()
    for path in SRC.rglob("*.py"):
        kinds |= _kinds_read(ast.parse(path.read_text(encoding="utf-8")), tables=EXTRACT in path.parents)
    return kinds


@pytest.mark.parametrize("kind", [
    pytest.param(k, marks=pytest.mark.xfail(strict=True, reason=UNREAD_CUES[k])) if k in UNREAD_CUES else k
    for k in _data_cue_kinds()])
def test_every_cue_kind_is_read_somewhere(kind: str) -> None:
    assert kind in _all_kinds_read(), f"cue kind {kind!r} (cues.jsonl) is never read in src/armstrace"


def _extract_modules() -> list[Path]:
    return sorted(EXTRACT.rglob("*.py"))


def _param(path: Path, known: dict[str, str]) -> object:
    rel = path.relative_to(EXTRACT).as_posix()
    if rel in known:
        return pytest.param(path, id=rel, marks=pytest.mark.xfail(strict=True, reason=known[rel]))
    return pytest.param(path, id=rel)


@pytest.mark.parametrize("path", [_param(p, OVER_LONG_MODULES) for p in _extract_modules()])
def test_no_extract_module_over_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.name}: {lines} lines"


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in sorted((EXTRACT / "frames").glob("*.py"))])
def test_no_frame_module_over_250_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_FRAME_MODULE_LINES, f"{path.name}: {lines} lines"


@pytest.mark.parametrize("path", [_param(p, OVER_LONG_FUNCTIONS) for p in _extract_modules()])
def test_no_extract_function_over_80_lines(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno is not None
            and n.end_lineno - n.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{path.name}: {long}"


# --- English word lists live in data/rules/cues.jsonl, not in extract/ (issue 10) ---------------------------

_WORD = re.compile(r"^[a-z][a-z' .-]*$")   # a lower-case English word or phrase ("at least", "air force")


def _dependency_labels(node: ast.AST, strings: list[str]) -> bool:
    from spacy.glossary import GLOSSARY

    return all(s in GLOSSARY for s in strings)


def _ids_of(*literals: object) -> typing.Callable[[ast.AST, list[str]], bool]:
    allowed = {a for lit in literals for a in typing.get_args(lit)}
    return lambda node, strings: all(s in allowed for s in strings)


def _numbers_by_word(node: ast.AST, strings: list[str]) -> bool:
    return isinstance(node, ast.Dict) and all(
        isinstance(v, ast.Constant) and isinstance(v.value, (int, float)) for v in node.values)


def _frame_modules(node: ast.AST, strings: list[str]) -> bool:
    return all((EXTRACT / "frames" / f"{s}.py").exists() for s in strings)


# Module-level tables of lower-case strings that are not English word lists, by name: what they hold, and
# the check that they hold only that (so this list cannot hide a word list).
NOT_WORD_LISTS: dict[str, tuple[str, typing.Callable[[ast.AST, list[str]], bool]]] = {
    "candidates.py:_DOWN_LINKS": ("dependency labels", _dependency_labels),
    "candidates.py:_CLAUSE_LINKS": ("dependency labels", _dependency_labels),
    "clauses.py:_CLAUSE_DEPS": ("dependency labels", _dependency_labels),
    "phrases.py:_NP_DEPS": ("dependency labels", _dependency_labels),
    "phrases.py:_WEAPON_STOP_DEPS": ("dependency labels", _dependency_labels),
    "sanctions.py:_AIM_DEPS": ("dependency labels", _dependency_labels),
    "stance.py:_STOP_AT": ("dependency labels", _dependency_labels),
    "trainees.py:_COMPLEMENT_DEPS": ("dependency labels", _dependency_labels),
    "candidates.py:AGENT_FRAMES": ("frame names (triggers.jsonl)", _ids_of(Frame)),
    "candidates.py:_BASE": ("score weights by candidate source", _numbers_by_word),
    "events.py:_AIRBORNE": ("weapon classes", _ids_of(WeaponClass)),
    "members.py:_PLATFORMS": ("weapon classes", _ids_of(WeaponClass)),
    "members.py:_BESIDE_KINDS": ("cue kinds and the weapon class each names", _ids_of(CueKind, WeaponClass)),
    "targets.py:SERVICE_KINDS": ("cue kinds and the weapon class each names", _ids_of(CueKind, WeaponClass)),
    "trainees.py:_TRADE_KINDS": ("cue kinds and the weapon class each names", _ids_of(CueKind, WeaponClass)),
    "phrases.py:_BACK_KINDS": ("cue kinds and the mention labels each points back to", _ids_of(CueKind)),
    "quantities.py:_WORDS": ("the number lexicon: numbers, not cues", _numbers_by_word),
    "quantities.py:_SCALE": ("the number lexicon: numbers, not cues", _numbers_by_word),
    "plurals.py:_NUMBER_WORDS": ("the number lexicon: numbers, not cues", _numbers_by_word),
    "frames/__init__.py:__all__": ("the frame modules' names", _frame_modules),
}


def _module_tables(path: Path) -> dict[str, tuple[ast.AST, list[str]]]:
    """Module-level names bound to a set, tuple, list or dict literal (or frozenset/set/tuple/dict of one),
    with the lower-case words among its strings (nested tables and dict keys included)."""
    out: dict[str, tuple[ast.AST, list[str]]] = {}
    for stmt in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(stmt, ast.Assign):
            pairs = []
            for target in stmt.targets:
                if isinstance(target, ast.Tuple) and isinstance(stmt.value, ast.Tuple):
                    pairs += list(zip(target.elts, stmt.value.elts, strict=True))   # "_A, _B = {...}, {...}"
                else:
                    pairs.append((target, stmt.value))
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            pairs = [(stmt.target, stmt.value)]
        else:
            continue
        for target, bound in pairs:
            value = bound.args[0] if isinstance(bound, ast.Call) and isinstance(bound.func, ast.Name) and \
                bound.func.id in ("frozenset", "set", "tuple", "list", "dict") and bound.args else bound
            if isinstance(target, ast.Name) and isinstance(value, (ast.Set, ast.Tuple, ast.List, ast.Dict)):
                words = [n.value for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                         and _WORD.match(n.value)]
                out[target.id] = (value, words)
    return out


@pytest.mark.parametrize("path", [pytest.param(p, id=p.relative_to(EXTRACT).as_posix()) for p in _extract_modules()])
def test_no_extract_module_keeps_an_english_word_list(path: Path) -> None:
    rel = path.relative_to(EXTRACT).as_posix()
    lists = {name: words for name, (_, words) in _module_tables(path).items()
             if len(words) >= 3 and f"{rel}:{name}" not in NOT_WORD_LISTS}
    assert not lists, f"{rel}: English word lists belong in data/rules/cues.jsonl as cue kinds: {lists}"


@pytest.mark.parametrize("key", sorted(NOT_WORD_LISTS))
def test_the_tables_kept_in_python_hold_what_they_say(key: str) -> None:
    rel, name = key.split(":")
    tables = _module_tables(EXTRACT / rel)
    assert name in tables, f"{key} is gone: drop it from NOT_WORD_LISTS"
    node, words = tables[name]
    what, holds = NOT_WORD_LISTS[key]
    assert holds(node, words), f"{key} should hold only {what}: {words}"


def test_the_word_list_guard_sees_a_word_list(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text('_A, _B = {"x"}, ("at least", "more than", "up to")\n_DEPS: set[str] = {"nsubj", "dobj", "prep"}\n'
                      '_N = frozenset({"Iran", "US", "EU"})\n', encoding="utf-8")
    tables = _module_tables(module)
    assert tables["_B"][1] == ["at least", "more than", "up to"]
    assert _dependency_labels(tables["_DEPS"][0], tables["_DEPS"][1])
    assert not _dependency_labels(tables["_B"][0], tables["_B"][1])
    assert tables["_N"][1] == []   # names and labels are not lower-case words


# Labels the English models' parser uses that spacy.glossary does not list.
_EXTRA_DEPENDENCY_LABELS = {"predet"}


def _inline_word_lists(path: Path) -> list[tuple[int, list[str]]]:
    """Set, tuple and list literals inside functions made of three or more lower-case words, other than
    dependency labels and the ids of frames, event types, cue kinds and weapon classes."""
    from spacy.glossary import GLOSSARY

    ids = {a for lit in (Frame, EventType, CueKind, WeaponClass) for a in typing.get_args(lit)}
    grammar = set(GLOSSARY) | _EXTRA_DEPENDENCY_LABELS | ids
    out = []
    for func in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        for node in ast.walk(func):
            if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
                words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                         and _WORD.match(e.value)]
                if len(words) >= 3 and not set(words) <= grammar:
                    out.append((node.lineno, words))
    return out


@pytest.mark.parametrize("path", [pytest.param(p, id=p.relative_to(EXTRACT).as_posix()) for p in _extract_modules()])
def test_no_extract_function_keeps_an_english_word_list(path: Path) -> None:
    found = _inline_word_lists(path)
    assert not found, f"{path.name}: word lists of three or more belong in data/rules/cues.jsonl: {found}"


def test_the_inline_guard_sees_a_word_list(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text('def f(t):\n    return t.lower_ in ("in", "at", "near") and t.dep_ in ("nsubj", "dobj", "prep")'
                      ' and t.frame in ("give", "equip", "train")\n', encoding="utf-8")
    assert _inline_word_lists(module) == [(2, ["in", "at", "near"])]
