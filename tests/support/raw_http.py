"""HTTP/1.1 by hand over a socket, for tests of what the server itself answers (heads it refuses,
pipelining, connections it ends): read what comes back and split it into responses."""

from __future__ import annotations

import socket


def read_all(s: socket.socket) -> bytes:
    """What the server sends until it closes the connection (or resets it, or goes quiet for
    the socket's timeout: a refusal may close before all that was sent was read)."""
    data = b""
    try:
        while chunk := s.recv(65536):
            data += chunk
    except (ConnectionResetError, TimeoutError):
        pass
    return data


def responses(data: bytes) -> list[tuple[int, dict[str, str], bytes]]:
    """The responses in ``data`` (each with a content-length)."""
    out = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = dict(line.lower().split(": ", 1) for line in lines[1:])
        length = int(headers["content-length"])
        out.append((int(lines[0].split()[1]), headers, rest[:length]))
        data = rest[length:]
    return out
