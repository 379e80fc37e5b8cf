"""A Jinja sandbox whose cost is bounded, for templates nobody vetted.

Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` keeps a template away from
Python's internals, but not from the machine's memory and time: ``{{ 9**(9**9) }}`` is
folded at compile time, ``{{ 'x' * 10**9 }}`` and ``{% for i in [1] * 10**8 %}`` run
for minutes. Here:

- nothing is computed at compile time (``optimized=False``);
- the operators that build numbers, strings and lists (``**``, ``*``, ``+``, ``%``,
  ``//`` and the ``~`` join) are checked before they compute, and so are every call and
  filter (no argument or result past :data:`MAX_SIZE`);
- every loop counts against :data:`MAX_ITERATIONS` per render;
- a render may produce at most :data:`MAX_PRODUCED` characters through those
  operations and take at most :data:`MAX_SECONDS`.

Whatever breaks a limit raises :class:`~kemitraan.exceptions.UnsafeTemplateError`.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import partial, wraps
from typing import Any, Final

from jinja2 import StrictUndefined, nodes
from jinja2.runtime import markup_join
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from kemitraan._catalog import N_, Language, phrase
from kemitraan.conventions import number_text
from kemitraan.exceptions import UnsafeTemplateError

__all__ = [
    "MAX_ITERATIONS",
    "MAX_PRODUCED",
    "MAX_SECONDS",
    "MAX_SIZE",
    "BoundedEnvironment",
    "budget",
]

MAX_SIZE: Final = 1_000_000
"""The longest string or list one value may be."""
MAX_DIGITS: Final = 1_000
"""The most digits a number may have."""
MAX_ITERATIONS: Final = 100_000
"""Loop iterations per render, all loops together."""
MAX_PRODUCED: Final = 50_000_000
"""Characters (and items) built by operators, calls and filters per render."""
MAX_SECONDS: Final = 10.0
"""Seconds one render may take."""

# A width or precision of seven digits or more in a %-format or a {}-format spec.
_HUGE_FORMAT: Final = re.compile(r"(?:%|:)[-+#0 <>=^,_.*a-zA-Z]{0,4}\d{7,}")


@dataclass
class _Budget:
    deadline: float
    produced: int = 0
    iterations: int = 0


_TOO_MANY_ITEMS: Final = N_("{what} would build more than {most} characters or items")
_TOO_LONG: Final = N_("{what} would build more than {most} characters")

_BUDGET: ContextVar[_Budget | None] = ContextVar("kemitraan_template_budget", default=None)


_What = str | Callable[[Language], str]  # what reached a limit, said in a language


def _refuse(message: str, /, **values: Any) -> UnsafeTemplateError:
    return UnsafeTemplateError.saying(message, **values)  # the renderer names the template


def _number(value: float) -> Callable[[Language], str]:
    return partial(number_text, value)


@contextmanager
def budget() -> Iterator[None]:
    """Run one render within the limits (a fresh count of what it produces and how long)."""
    token = _BUDGET.set(_Budget(deadline=time.monotonic() + MAX_SECONDS))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _spend(size: int) -> None:
    current = _BUDGET.get()
    if current is None:
        return
    current.produced += size
    if current.produced > MAX_PRODUCED:
        raise _refuse(N_("it builds more than {most} characters"), most=_number(MAX_PRODUCED))
    if time.monotonic() > current.deadline:
        raise _refuse(N_("it takes longer than {most} seconds"), most=_number(MAX_SECONDS))


def _size(value: Any) -> int:
    if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return _digits(value)
    return 1


def _digits(number: int) -> int:
    return len(str(abs(number))) if abs(number) < 10**18 else int(math.log10(abs(number))) + 1


def _check_value(value: Any, what: _What) -> Any:
    size = _size(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if size > MAX_DIGITS:
            raise _refuse(
                N_("{what} gives a number of more than {most} digits"),
                what=what,
                most=_number(MAX_DIGITS),
            )
    elif size > MAX_SIZE:
        raise _refuse(
            N_("{what} gives {size} characters or items (at most {most})"),
            what=what,
            size=_number(size),
            most=_number(MAX_SIZE),
        )
    _spend(size)
    return value


def _check_arguments(args: Iterable[Any], what: _What) -> None:
    for value in args:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE:
            raise _refuse(
                N_("{what} is given the number {value}, more than {most}"),
                what=what,
                value=value,
                most=_number(MAX_SIZE),
            )
        if isinstance(value, str) and _HUGE_FORMAT.search(value):
            raise _refuse(
                N_("{what} is given a format with a width or precision too large"), what=what
            )


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


def _sequence_times(sequence: Any, times: Any) -> bool:
    return isinstance(sequence, (str, list, tuple)) and isinstance(times, int)


class BoundedEnvironment(SandboxedEnvironment):
    """The sandbox with bounded operators, calls, filters, loops, output and time."""

    intercepted_binops = frozenset({"**", "*", "+", "%", "//"})

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, optimized=False)
        self.globals.pop("lipsum", None)  # generates text in bulk
        self.globals["range"] = self._range
        self.globals["kemitraan_loop"] = self._loop
        self.globals["kemitraan_join"] = self._join
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Check the operands before the operator computes, and its result after."""
        what = f"'{operator}'"
        if operator == "**":
            if isinstance(left, (int, float)) and isinstance(right, (int, float)):
                if abs(right) > MAX_DIGITS or (
                    abs(left) > 1 and abs(right) * math.log10(abs(left)) > MAX_DIGITS
                ):
                    raise _refuse(
                        N_("{what} would give a number of more than {most} digits"),
                        what=what,
                        most=_number(MAX_DIGITS),
                    )
        elif operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if _sequence_times(sequence, times) and len(sequence) * max(times, 0) > MAX_SIZE:
                    raise _refuse(_TOO_MANY_ITEMS, what=what, most=_number(MAX_SIZE))
        elif operator == "+":
            if _length(left) + _length(right) > MAX_SIZE:
                raise _refuse(_TOO_MANY_ITEMS, what=what, most=_number(MAX_SIZE))
        elif operator == "%" and isinstance(left, str):
            _check_arguments([left], what)  # widths such as %9999999s
        return _check_value(super().call_binop(context, operator, left, right), what)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Check a call's arguments before it runs, and its result after."""
        name = getattr(__obj, "__name__", type(__obj).__name__).lstrip("_")
        what = phrase(N_("calling {name}"), name=repr(name))
        _check_arguments((*args, *kwargs.values()), what)
        if getattr(__obj, "__name__", "") == "replace" and len(args) >= 2:
            base = getattr(__obj, "__self__", "")
            if isinstance(base, str) and isinstance(args[1], str):
                if len(base) * (len(args[1]) + 1) > MAX_SIZE:
                    raise _refuse(_TOO_LONG, what=what, most=_number(MAX_SIZE))
        return _check_value(super().call(__context, __obj, *args, **kwargs), what)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` as the sandbox runs it, once its format string is checked."""
        text = getattr(value, "__self__", None)
        if isinstance(text, str) and getattr(value, "__name__", "") in ("format", "format_map"):
            _check_arguments([text], "str.format")
        return super().wrap_str_format(value)

    @staticmethod
    def _range(*args: int) -> range:
        _check_arguments(args, "range")
        found = range(*args)
        if len(found) > MAX_ITERATIONS:
            raise _refuse(
                N_("a range of {size} numbers, more than {most}"),
                size=_number(len(found)),
                most=_number(MAX_ITERATIONS),
            )
        return found

    @staticmethod
    def _loop(iterable: Any) -> Iterator[Any]:
        current = _BUDGET.get()
        for item in iterable:
            if current is not None:
                current.iterations += 1
                if current.iterations > MAX_ITERATIONS:
                    raise _refuse(
                        N_("its loops run more than {most} times"), most=_number(MAX_ITERATIONS)
                    )
                if time.monotonic() > current.deadline:
                    raise _refuse(
                        N_("it takes longer than {most} seconds"), most=_number(MAX_SECONDS)
                    )
            yield item

    def _join(self, items: list[Any]) -> Any:
        if sum(_length(item) for item in items) > MAX_SIZE:
            raise _refuse(_TOO_LONG, what="'~'", most=_number(MAX_SIZE))
        return _check_value(markup_join(items), "'~'")

    def bound(self, tree: nodes.Template) -> nodes.Template:
        """Route the template's loops and ``~`` joins through the checked versions."""
        bounded = _Bound().visit(tree)
        assert isinstance(bounded, nodes.Template)
        return bounded


class _Bound(NodeTransformer):
    """Loops iterate through ``kemitraan_loop``; ``a ~ b`` joins through ``kemitraan_join``."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _call("kemitraan_loop", node.iter)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _call("kemitraan_join", nodes.List(list(node.nodes), lineno=node.lineno))


def _call(name: str, argument: nodes.Node) -> nodes.Call:
    call = nodes.Call(nodes.Name(name, "load"), [argument], [], None, None)
    call.set_lineno(argument.lineno)
    return call


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    what = phrase(N_("the filter {name}"), name=repr(name))

    @wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_arguments((*args, *kwargs.values()), what)
        texts = [a for a in args if isinstance(a, str)]
        if name == "replace" and len(texts) >= 3:
            base, new = texts[0], texts[2]
            if len(base) * (len(new) + 1) > MAX_SIZE:
                raise _refuse(_TOO_LONG, what=what, most=_number(MAX_SIZE))
        return _check_value(function(*args, **kwargs), what)

    return bounded
