"""Shared fixtures. Qt runs offscreen; no test touches the network.

The network guard (the app never uses the network) is installed when this file
is imported, so it covers collection, imports and every test of the session: creating
an ``AF_INET``/``AF_INET6`` socket, connecting or binding to a non-Unix address, or
resolving a non-local host name raises :class:`NetworkAccessError` and is recorded in
:data:`NETWORK_ATTEMPTS`. An autouse fixture fails the test that made an attempt even if
the code under test swallowed the error. Subprocesses (LibreOffice) are not covered.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
# The French catalogue compiled from a checkout is cached in the user's cache folder
# (wizard/core/i18n/compile.py): the tests keep theirs in a folder of their own, removed
# at the end, so that a test run leaves nothing in the tester's home.
_CACHE = tempfile.mkdtemp(prefix="opw-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

import pytest  # noqa: E402

from wizard.core.model import Project  # noqa: E402
from wizard.core.project_file.store import ProjectFile  # noqa: E402

# -- network guard ------------------------------------------------------------------

NETWORK_ATTEMPTS: list[str] = []
"""Every blocked attempt (``"socket AF_INET"``, ``"connect ('10.0.0.1', 80)"`` …)."""

_INET = (socket.AF_INET, socket.AF_INET6)
_LOCAL_NAMES = (None, "", "localhost", "127.0.0.1", "::1")
_real_getaddrinfo = socket.getaddrinfo


class NetworkAccessError(RuntimeError):
    """The code under test tried to use the network (not an ``OSError``, so a
    ``except OSError`` fallback in the code cannot hide it)."""


def _refuse(what: str) -> None:
    NETWORK_ATTEMPTS.append(what)
    raise NetworkAccessError(f"network access attempted: {what}")


class _GuardedSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):  # noqa: A002 - socket's names
        if fileno is None and family in _INET:
            _refuse(f"socket {socket.AddressFamily(family).name}")
        super().__init__(family, type, proto, fileno)

    def connect(self, address):
        if self.family != socket.AF_UNIX:
            _refuse(f"connect {address!r}")
        return super().connect(address)

    def connect_ex(self, address):
        if self.family != socket.AF_UNIX:
            _refuse(f"connect {address!r}")
        return super().connect_ex(address)

    def bind(self, address):
        if self.family != socket.AF_UNIX:
            _refuse(f"bind {address!r}")
        return super().bind(address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name not in _LOCAL_NAMES:
        _refuse(f"resolve {name!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket = _GuardedSocket  # type: ignore[misc]
socket.SocketType = _GuardedSocket  # type: ignore[misc]
socket.getaddrinfo = _guarded_getaddrinfo


@pytest.fixture(autouse=True)
def no_network():
    """Fail the test if it (or the code it runs) tried to use the network."""
    start = len(NETWORK_ATTEMPTS)
    yield NETWORK_ATTEMPTS
    attempts = NETWORK_ATTEMPTS[start:]
    if attempts:
        del NETWORK_ATTEMPTS[start:]
        pytest.fail(f"network access attempted during the test: {attempts}")


# -- fixtures -------------------------------------------------------------------------


@pytest.fixture
def project_file(tmp_path):
    """A new, empty project file in a temporary folder (closed after the test)."""
    pf = ProjectFile.create(tmp_path / "test.tender", Project())
    yield pf
    pf.close()
