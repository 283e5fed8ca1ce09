"""No network, ever: the session-wide guard of ``conftest.py`` really
blocks and records sockets, and the app's code imports no network module."""

from __future__ import annotations

import ast
import contextlib
import socket
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "asyncio",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
}


def _forget(attempts: list[str], start: int) -> list[str]:
    """The attempts this test made on purpose, removed so the guard does not fail it."""
    made = attempts[start:]
    del attempts[start:]
    return made


def test_create_connection_is_refused_and_recorded(no_network):
    start = len(no_network)
    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.create_connection(("example.org", 80), timeout=0.1)
    assert _forget(no_network, start) == ["socket AF_INET", "resolve 'example.org'"]


def test_raw_inet_sockets_and_urlopen_are_refused(no_network):
    start = len(no_network)
    for family in (socket.AF_INET, socket.AF_INET6):
        with pytest.raises(RuntimeError):
            socket.socket(family, socket.SOCK_STREAM)
    with pytest.raises(RuntimeError):
        urllib.request.urlopen("http://donnees.example.ca/dataset?id=12", timeout=0.1)
    assert _forget(no_network, start) == ["socket AF_INET", "socket AF_INET6", "resolve 'donnees.example.ca'"]


def test_a_swallowed_attempt_is_still_recorded(no_network):
    """Code that hides the error (``except Exception: pass``) cannot hide the attempt:
    the autouse fixture fails any test that leaves an entry behind."""
    start = len(no_network)
    with contextlib.suppress(Exception):  # the point of the test
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    assert _forget(no_network, start) == ["socket AF_INET"]


def test_unix_sockets_still_work(no_network):
    """Local plumbing (multiprocessing, Qt's event loop helpers) is not network."""
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"
    assert socket.getaddrinfo("localhost", None)  # /etc/hosts, no query leaves the machine


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_app_imports_no_network_module():
    sources = sorted((ROOT / "wizard").rglob("*.py"))
    assert len(sources) > 20
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in sources
        for name in _imports(path)
        if any(name == mod or name.startswith(mod + ".") for mod in NETWORK_MODULES)
    }
    assert offenders == set()
