"""Reading input files, with a specific error for every way a path can fail.

A file over the size limit is refused from its `stat()` size, before a byte is read; a file
that grows while it is read is cut off at the limit plus one byte and refused too, so memory
never holds more than `max_bytes + 1` bytes of it. Devices, sockets and named pipes are
refused: reading one could block forever or never end (standard input is read by the CLI's `-`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import InputTooLargeError, UnreadableInputError


def _oserror(path: Path, exc: OSError, doing: str) -> UnreadableInputError:
    if isinstance(exc, PermissionError):
        return UnreadableInputError(f"{path}: permission denied")
    if exc.errno == errno.EISDIR:
        return UnreadableInputError(f"{path}: is a directory, not a file")
    if exc.errno == errno.ELOOP:
        return UnreadableInputError(f"{path}: too many levels of symbolic links (a link loop)")
    if exc.errno == errno.ENAMETOOLONG:
        return UnreadableInputError(f"{path}: file name too long")
    if exc.errno == errno.ENOTDIR:
        return UnreadableInputError(f"{path}: a part of the path is not a directory")
    return UnreadableInputError(f"{path}: cannot {doing}: {exc.strerror or exc}")


def read_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of `path`, refusing (without reading) a file over `max_bytes`."""
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableInputError(f"{path}: broken symbolic link (its target {os.readlink(path)!r} does not exist)") from None
        raise UnreadableInputError(f"{path}: no such file (it may have been moved or deleted)") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the path
        if isinstance(exc, ValueError):
            raise UnreadableInputError(f"{path!r}: not a valid path ({exc})") from None
        raise _oserror(path, exc, "access") from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableInputError(f"{path}: is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                else "a device")
        raise UnreadableInputError(f"{path}: is {kind}, not a regular file (pipe text in with '-' instead)")
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputTooLargeError(
            f"{path}: {st.st_size:,} bytes, over the limit of {max_bytes:,} bytes (raise it with --max-bytes)"
        )
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1 if max_bytes is not None else -1)
    except FileNotFoundError:
        raise UnreadableInputError(f"{path}: vanished before it could be read") from None
    except OSError as exc:
        raise _oserror(path, exc, "read") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(f"{path}: grew past the limit of {max_bytes:,} bytes while being read (raise it with --max-bytes)")
    return data
