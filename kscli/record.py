"""Record: typing.NamedTuple's class syntax without importing typing.

Every run of the command pays for its imports, and typing costs about 4 ms of a 60 ms query
that needs nothing else of it. A class that derives from Record becomes a plain
collections.namedtuple with its annotated fields (in order, with their defaults) and its own
methods and docstring, as typing.NamedTuple makes it.
"""

import collections

_KEPT = frozenset(("__module__", "__qualname__", "__annotations__", "__slots__", "__orig_bases__"))


class _Named(type):
    def __new__(mcs, name, bases, namespace):
        if not bases:  # Record itself
            return super().__new__(mcs, name, bases, namespace)
        fields = tuple(namespace.get("__annotations__", {}))
        defaults = [namespace[f] for f in fields if f in namespace]
        if any(f not in namespace for f in fields[len(fields) - len(defaults):]):
            raise TypeError(f"{name}: a field without a default follows one with a default")
        cls = collections.namedtuple(name, fields, defaults=defaults, module=namespace["__module__"])
        cls.__annotations__ = namespace.get("__annotations__", {})
        for key, value in namespace.items():
            if key not in _KEPT and key not in fields:
                setattr(cls, key, value)
        return cls


class Record(metaclass=_Named):
    """Derive from this, as from typing.NamedTuple."""
