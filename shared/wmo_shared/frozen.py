"""A faster ``__init__`` for the frozen, slotted dataclasses that decisions build by the
thousands (a rule sentence, a profile's score, a finding). Pure: standard library only.

``@dataclass(frozen=True)`` generates an ``__init__`` that stores every field through
``object.__setattr__`` (the class's own ``__setattr__`` refuses, that is what frozen means),
which costs about twice writing the slot itself; on a value with seven fields that is most of
its construction. ``fast_init`` swaps in an ``__init__`` with the same signature that writes
the slots directly. Everything else stays the dataclass's: equality, hashing, repr, ordering,
``dataclasses.replace`` and ``fields``, and assigning a field still raises
``FrozenInstanceError``.

    @fast_init
    @dataclass(frozen=True, slots=True)
    class Regel:
        rule: str
        toelichting: str
"""

from __future__ import annotations

import inspect
from dataclasses import MISSING, fields, is_dataclass
from types import MemberDescriptorType
from typing import Any, TypeVar

T = TypeVar("T")


def fast_init(cls: type[T]) -> type[T]:
    """``cls`` with an ``__init__`` that fills its slots directly (see the module). Refuses a
    class it cannot do that for: not a frozen dataclass with slots, or with a field that is not
    set by ``__init__`` or has a ``default_factory``."""
    params = getattr(cls, "__dataclass_params__", None)
    if not is_dataclass(cls) or params is None or not params.frozen:
        raise TypeError(f"{cls.__name__}: fast_init is for @dataclass(frozen=True, slots=True)")
    velden = fields(cls)
    handtekening = list(inspect.signature(cls.__init__).parameters.values())[1:]
    if [p.name for p in handtekening] != [f.name for f in velden] or any(
        not f.init or f.default_factory is not MISSING for f in velden
    ):
        raise TypeError(f"{cls.__name__}: fast_init needs plain fields set by __init__")
    namespace: dict[str, Any] = {}
    argumenten, opdrachten = [], []
    keyword_only = False
    for i, p in enumerate(handtekening):
        slot = cls.__dict__.get(p.name)
        if not isinstance(slot, MemberDescriptorType):
            raise TypeError(f"{cls.__name__}: fast_init needs slots=True")
        if p.kind is inspect.Parameter.KEYWORD_ONLY and not keyword_only:
            argumenten.append("*")
            keyword_only = True
        argument = p.name
        if p.default is not inspect.Parameter.empty:
            namespace[f"_default_{i}"] = p.default
            argument += f"=_default_{i}"
        argumenten.append(argument)
        namespace[f"_set_{i}"] = slot.__set__
        opdrachten.append(f"    _set_{i}(self, {p.name})")
    if hasattr(cls, "__post_init__"):
        opdrachten.append("    self.__post_init__()")
    bron = f"def __init__(self, {', '.join(argumenten)}):\n" + "\n".join(opdrachten or ["    pass"])
    exec(bron, namespace)  # noqa: S102 - code built from the dataclass's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 - mypy refuses assigning a method
    return cls
