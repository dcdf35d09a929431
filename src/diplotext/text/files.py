"""Reading input files, with a specific error for every way a path can fail."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import InputTooLargeError, UnreadableInputError


def read_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of `path`, refusing (without reading) a file over `max_bytes`."""
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableInputError(f"{path}: broken symbolic link (its target {os.readlink(path)!r} does not exist)") from None
        raise UnreadableInputError(f"{path}: no such file (it may have been moved or deleted)") from None
    except PermissionError:
        raise UnreadableInputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise UnreadableInputError(f"{path}: cannot access: {exc.strerror or exc}") from None
    if path.is_dir():
        raise UnreadableInputError(f"{path}: is a directory, not a file")
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputTooLargeError(f"{path}: {st.st_size:,} bytes, over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1 if max_bytes is not None else -1)
    except FileNotFoundError:
        raise UnreadableInputError(f"{path}: vanished before it could be read") from None
    except PermissionError:
        raise UnreadableInputError(f"{path}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise UnreadableInputError(f"{path}: is a directory, not a file") from None
        raise UnreadableInputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(f"{path}: over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return data
