"""One file of named numpy arrays, opened memory-mapped and replaced atomically.

The graph index (graph/graph_index.py) keeps its adjacency in such a file
beside the SQLite store.  Opening maps the file instead of reading it, so a
fresh process answers its first question in milliseconds whatever the graph's
size; writing goes to a temporary file renamed over the old one, so a reader
sees the old file or the new one, never half of either (a process that has
the old one mapped keeps reading it until it reopens).

Layout: 8-byte magic, 8-byte header length, a JSON header (metadata and, per
array, dtype, shape and offset), then the arrays, each 64-byte aligned.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
from pathlib import Path
from typing import Any, Mapping

import numpy as np

__all__ = ["IndexFileError", "write_arrays", "read_arrays"]

MAGIC = b"CGIDX001"
_ALIGN = 64


class IndexFileError(Exception):
    """The file is missing, truncated or not an index file (the caller rebuilds it)."""


def _aligned(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


def write_arrays(path: Path, meta: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> None:
    """Write ``arrays`` and ``meta`` to ``path`` atomically (temporary file,
    fsync, rename)."""
    specs: dict[str, dict[str, Any]] = {}
    offset = 0
    for name, arr in arrays.items():
        arr = np.ascontiguousarray(arr)
        specs[name] = {"dtype": arr.dtype.str, "shape": list(arr.shape), "offset": offset, "nbytes": arr.nbytes}
        offset = _aligned(offset + arr.nbytes)
    header = json.dumps({"meta": dict(meta), "arrays": specs}, sort_keys=True).encode()
    data_start = _aligned(16 + len(header))
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(MAGIC + struct.pack("<Q", len(header)) + header)
            for name, arr in arrays.items():
                fh.seek(data_start + specs[name]["offset"])
                fh.write(np.ascontiguousarray(arr).tobytes())
            fh.truncate(data_start + offset)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_arrays(path: Path) -> tuple[dict[str, Any], dict[str, np.ndarray], os.stat_result]:
    """The metadata and read-only memory-mapped arrays of an index file, and
    the file's stat (to notice when another process replaced it)."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            head = fh.read(16)
            if len(head) != 16 or head[:8] != MAGIC:
                raise IndexFileError(f"{path} is not a chipgraph graph index")
            (size,) = struct.unpack("<Q", head[8:])
            raw = fh.read(size)
            if len(raw) != size:
                raise IndexFileError(f"{path} is truncated (header)")
            try:
                header = json.loads(raw)
                specs = header["arrays"]
            except (ValueError, KeyError, TypeError) as exc:
                raise IndexFileError(f"{path} has a damaged header ({exc})") from exc
            data_start = _aligned(16 + size)
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if st.st_size else None
    except OSError as exc:
        raise IndexFileError(f"cannot read {path} ({exc})") from exc
    arrays: dict[str, np.ndarray] = {}
    for name, spec in specs.items():
        start = data_start + int(spec["offset"])
        if start + int(spec["nbytes"]) > st.st_size or mm is None:
            raise IndexFileError(f"{path} is truncated (array {name})")
        dtype = np.dtype(spec["dtype"])
        count = int(np.prod(spec["shape"])) if spec["shape"] else 1
        arr = np.frombuffer(mm, dtype=dtype, count=count, offset=start) if count else np.empty(0, dtype)
        arrays[name] = arr.reshape(spec["shape"])
    return header["meta"], arrays, st
