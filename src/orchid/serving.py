"""`orchid serve`: the web application under waitress, in one process or pre-forked.

One process (``processes=1``, the default): waitress with ``threads`` threads, and the outbox worker
(orchid.outbox.worker) in a thread beside it unless ``worker=False``. Python runs one thread at a time
(the GIL), so this uses one CPU core whatever the machine has.

Pre-fork (``processes > 1``): the parent binds the port and forks one server process per
``processes``, each running waitress with ``threads`` threads on a listening socket of its own on that
port (SO_REUSEPORT: the kernel spreads connections evenly; `REUSE_PORT`), or on the parent's socket
where the system has no SO_REUSEPORT. The parent serves nothing: it supervises.
A server process that dies is started again, after a back-off when it died young (a process crashing
at start must not spin). The outbox worker runs in one more child process of its own, supervised the
same way, so there is exactly one worker whatever the number of server processes.

Why the worker is not a thread of the parent: the parent forks again whenever a child must be
replaced, and forking a process that has other threads copies whatever locks those threads held at
that instant (SQLite's, the SSL library's, a database driver's) into a child that can never release
them. Keeping the parent single-threaded makes every fork clean.

Signals: SIGTERM or SIGINT to the parent sends SIGTERM to every child, waits up to
``STOP_GRACE_SECONDS`` for them (a second signal or the deadline: SIGKILL), and exits 0. A server
process stops waitress on SIGTERM (requests in hand get waitress's own few seconds) and exits 0; the
worker process finishes its batch in hand. Children ignore SIGINT, which a terminal's Ctrl-C sends to
the whole process group: the parent decides. A child whose parent disappeared (kill -9) stops itself.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import select
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from orchid import __version__

#: How long the parent waits for its children to stop before it kills them.
STOP_GRACE_SECONDS = 10.0
#: A child that lived shorter than this is taken to have crashed at start: its restarts back off.
CRASHED_AT_START_SECONDS = 5.0
#: Back-off of a child that keeps crashing at start: doubled on each crash, up to the maximum.
FIRST_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 10.0
#: How often a child checks that its parent is still there.
ORPHAN_CHECK_SECONDS = 1.0

_PARENT_SIGNALS = (signal.SIGCHLD, signal.SIGTERM, signal.SIGINT)


def processes_argument(text: str) -> int:
    """``--processes``: a count >= 1, or ``auto`` / ``0`` for the number of CPUs."""
    if text.strip().lower() in ("auto", "0"):
        return os.cpu_count() or 1
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if count < 1:
        raise argparse.ArgumentTypeError(
            "the number of processes must be at least 1 (0 or auto: one per CPU)"
        )
    return count


def serve(host: str, port: int, *, threads: int = 8, processes: int = 1, worker: bool = True) -> int:
    """Serve ``orchid.wsgi:application`` until SIGTERM or Ctrl-C; the process's exit code."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")
    import django

    django.setup()
    from orchid.wsgi import application

    if processes <= 1:
        return _serve_in_one_process(application, host, port, threads, worker)
    try:
        listener = _listen(host, port)
    except OSError as error:
        _log(f"cannot listen on {host}:{port}: {error}")
        return 1
    if threading.active_count() > 1:  # see the module's docstring: forks must copy no other thread
        _log(f"warning: threads running before the fork: {[t.name for t in threading.enumerate()]}")
    supervisor = _Supervisor(application, listener, threads, processes, worker)
    return supervisor.run(host)


def _startup_line(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"Orchid {__version__} serving on http://{shown}:{port}/ (Ctrl-C to stop)"


# ---------------------------------------------------------------------------------------------------------
# One process


def _serve_in_one_process(application: Any, host: str, port: int, threads: int, worker: bool) -> int:
    from waitress.server import MultiSocketServer, create_server

    try:
        server = create_server(application, host=host, port=port, threads=threads, ident="orchid")
    except OSError as error:
        _log(f"cannot listen on {host}:{port}: {error}")
        return 1
    stop = threading.Event()
    worker_thread: threading.Thread | None = None
    if worker:
        # In this process, beside the server: webhooks are delivered with no second command to run.
        worker_thread = threading.Thread(
            target=_run_outbox_worker, args=(stop,), name="outbox-worker", daemon=True
        )
        worker_thread.start()
    _sigterm_interrupts()
    # A name such as "localhost" can resolve to several addresses: waitress then listens on each.
    listening = server.effective_listen if isinstance(server, MultiSocketServer) else [server.getsockname()]
    print(_startup_line(host, int(listening[0][1])), flush=True)
    try:
        server.print_listen("Serving on http://{}:{}")
        server.run()  # returns on KeyboardInterrupt (Ctrl-C, or SIGTERM below) once its threads stopped
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        if worker_thread is not None:
            worker_thread.join(timeout=15)  # the batch in hand; its callbacks time out by then
    return 0


def _sigterm_interrupts() -> None:
    """SIGTERM behaves like Ctrl-C (KeyboardInterrupt), which waitress's loop stops on."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, interrupt)


# ---------------------------------------------------------------------------------------------------------
# Pre-fork


#: Linux's SO_REUSEPORT: each server process listens on a socket of its own on the one port and the
#: kernel spreads new connections evenly over them. With one shared socket, whichever process woke
#: first took each connection: a benchmark's 16 connections could all land on one process and leave
#: the other idle (bench/api.py saw record reads at 28% or 69% of the ceiling from one run to the next).
REUSE_PORT: int | None = getattr(socket, "SO_REUSEPORT", None)


def _socket(family: int, kind: int, proto: int, address: Any, *, listen: bool) -> socket.socket:
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if REUSE_PORT is not None:
            sock.setsockopt(socket.SOL_SOCKET, REUSE_PORT, 1)
        sock.bind(address)
        if listen:
            sock.listen(1024)  # waitress's default backlog
    except OSError:
        sock.close()
        raise
    return sock


def _listen(host: str, port: int) -> socket.socket:
    """The parent's socket (SO_REUSEADDR; port 0: the kernel picks). With SO_REUSEPORT it only holds the
    port, bound but not listening, so it takes no connections: each server process listens on a socket
    of its own (`_own_listener`). Without it, it listens and every server process accepts on it."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    listener = _socket(family, kind, proto, address, listen=REUSE_PORT is None)
    listener.set_inheritable(True)
    return listener


def _own_listener(parent_socket: socket.socket) -> socket.socket:
    """A server process's listening socket: its own on the parent's port, or the parent's."""
    if REUSE_PORT is None:
        return parent_socket
    own = _socket(
        parent_socket.family,
        parent_socket.type,
        parent_socket.proto,
        parent_socket.getsockname(),
        listen=True,
    )
    parent_socket.close()
    return own


@dataclass
class _Child:
    """One supervised place: a server process or the worker process, and its current pid."""

    kind: str  # "server" | "worker"
    pid: int | None = None
    started: float = 0.0
    due: float = 0.0  # when to start it (again), while pid is None
    crashes: int = 0  # consecutive deaths soon after start


class _Supervisor:
    def __init__(
        self, application: Any, listener: socket.socket, threads: int, processes: int, worker: bool
    ) -> None:
        self.application = application
        self.listener = listener
        self.threads = threads
        self.children = [_Child("server") for _ in range(processes)]
        if worker:
            self.children.append(_Child("worker"))
        self.stop_requests = 0
        self.wakeup_read, self.wakeup_write = os.pipe()
        # A server process writes one byte here once it listens: the startup line waits for all of them.
        self.listening_read, self.listening_write = os.pipe()
        for fd in (self.wakeup_read, self.wakeup_write, self.listening_read, self.listening_write):
            os.set_blocking(fd, False)

    # --- the parent -------------------------------------------------------------------------------------

    def run(self, host: str) -> int:
        signal.set_wakeup_fd(self.wakeup_write, warn_on_full_buffer=False)
        signal.signal(signal.SIGCHLD, self._noted)
        signal.signal(signal.SIGTERM, self._stop_requested)
        signal.signal(signal.SIGINT, self._stop_requested)
        servers = sum(child.kind == "server" for child in self.children)
        worker = " and the outbox worker process" if len(self.children) > servers else ""
        port = self.listener.getsockname()[1]
        try:
            self._start_due()
            # With SO_REUSEPORT the parent's socket does not listen: announce the port once the server
            # processes do, so that whoever waits for the line can connect at once.
            self._await_listening(servers, time.monotonic() + STOP_GRACE_SECONDS)
            print(f"{_startup_line(host, port)} with {servers} server processes{worker}", flush=True)
            while not self.stop_requests:
                self._start_due()
                self._sleep(self._next_due())
                self._reap()
        finally:
            self._stop_children()
            self.listener.close()
            signal.set_wakeup_fd(-1)
        return 0

    def _await_listening(self, count: int, deadline: float) -> None:
        received = 0
        while received < count and not self.stop_requests and time.monotonic() < deadline:
            timeout = max(0.0, deadline - time.monotonic())
            readable, _, _ = select.select([self.listening_read], [], [], timeout)
            if readable:
                with contextlib.suppress(BlockingIOError):
                    received += len(os.read(self.listening_read, count - received))
        if received < count:
            _log(f"{count - received} server process(es) not listening yet")

    def _noted(self, signum: int, frame: object) -> None:
        """SIGCHLD: the wakeup fd already woke the loop, which reaps."""

    def _stop_requested(self, signum: int, frame: object) -> None:
        self.stop_requests += 1

    def _next_due(self) -> float:
        waiting = [child.due for child in self.children if child.pid is None]
        return min(waiting) if waiting else time.monotonic() + 60

    def _sleep(self, until: float) -> None:
        """Until `until`, a signal (written to the wakeup pipe by the C-level handler) or whichever first."""
        timeout = max(0.0, until - time.monotonic())
        readable, _, _ = select.select([self.wakeup_read], [], [], timeout)
        if readable:
            try:
                while os.read(self.wakeup_read, 512):
                    pass
            except BlockingIOError:
                pass

    def _start_due(self) -> None:
        now = time.monotonic()
        for child in self.children:
            if child.pid is None and child.due <= now and not self.stop_requests:
                self._fork(child)

    def _reap(self) -> None:
        """Collect the children that exited and schedule their restart."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            child = next((child for child in self.children if child.pid == pid), None)
            if child is None:
                continue
            lived = time.monotonic() - child.started
            child.pid = None
            if self.stop_requests:
                continue
            child.crashes = child.crashes + 1 if lived < CRASHED_AT_START_SECONDS else 0
            delay = (
                min(FIRST_BACKOFF_SECONDS * 2 ** (child.crashes - 1), MAX_BACKOFF_SECONDS)
                if child.crashes
                else 0.0
            )
            child.due = time.monotonic() + delay
            _log(
                f"{child.kind} process {pid} {_how_it_ended(status)} after {lived:.1f} s; "
                f"restarting in {delay:g} s"
            )

    def _stop_children(self) -> None:
        for child in self.children:
            if child.pid is not None:
                _signal(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        stops_seen = self.stop_requests
        while any(child.pid is not None for child in self.children):
            if time.monotonic() >= deadline or self.stop_requests > stops_seen:
                # Out of patience, or told twice: the children's work in hand is abandoned.
                for child in self.children:
                    if child.pid is not None:
                        _log(f"{child.kind} process {child.pid} did not stop; killing it")
                        _signal(child.pid, signal.SIGKILL)
                        os.waitpid(child.pid, 0)
                        child.pid = None
                break
            self._sleep(min(deadline, time.monotonic() + 0.5))
            self._reap()

    def _fork(self, child: _Child) -> None:
        from django.db import connections

        connections.close_all()  # a connection must never be shared by two processes
        # Signals stay blocked across fork() until the child has its own handlers: a signal meant for
        # the new child must not run the parent's handlers there (nor write to the parent's wakeup pipe).
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _PARENT_SIGNALS)
        try:
            pid = os.fork()
        except OSError as error:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            child.due = time.monotonic() + MAX_BACKOFF_SECONDS
            _log(f"cannot start a {child.kind} process: {error}; trying again in {MAX_BACKOFF_SECONDS:g} s")
            return
        if pid == 0:
            self._become_child(child.kind, blocked)  # never returns
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child.pid = pid
        child.started = time.monotonic()

    # --- in a child -------------------------------------------------------------------------------------

    def _become_child(self, kind: str, mask: set[int | signal.Signals]) -> None:
        code = 1
        try:
            parent = os.getppid()
            signal.set_wakeup_fd(-1)
            os.close(self.wakeup_read)
            os.close(self.wakeup_write)
            os.close(self.listening_read)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
            if kind == "server":
                code = self._run_server(parent, mask)
            else:
                self.listener.close()
                code = _run_worker(parent, mask)
        except KeyboardInterrupt:  # SIGTERM before the server was up
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)  # never back into the parent's code; its atexit handlers are not ours

    def _run_server(self, parent: int, mask: set[int | signal.Signals]) -> int:
        from waitress.server import create_server

        _sigterm_interrupts()
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        server = create_server(
            self.application, sockets=[_own_listener(self.listener)], threads=self.threads, ident="orchid"
        )
        with contextlib.suppress(OSError):  # a restarted process's byte is never read: no matter
            os.write(self.listening_write, b".")
        os.close(self.listening_write)
        _watch_parent(parent, lambda: os.kill(os.getpid(), signal.SIGTERM))
        server.run()  # returns on KeyboardInterrupt (SIGTERM) once its threads stopped
        return 0


def _run_outbox_worker(stop: threading.Event) -> None:
    """The outbox worker beside the servers (in a thread of their process, or a process of its own),
    performing messages at a lower CPU priority than theirs."""
    from orchid.outbox.worker import Worker

    Worker(yield_cpu=True).run(stop)


def _run_worker(parent: int, mask: set[int | signal.Signals]) -> int:
    stop = threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    _watch_parent(parent, stop.set)
    _run_outbox_worker(stop)
    return 0


def _watch_parent(parent: int, stop: Callable[[], None]) -> None:
    """Stop when the parent is gone (killed with SIGKILL, it could not stop us): no orphan serves on."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_SECONDS)
        stop()

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except OSError as error:
        if error.errno != errno.ESRCH:  # already gone: nothing to do
            raise


def _how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"was killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exited with status {os.waitstatus_to_exitcode(status)}"


def _log(message: str) -> None:
    print(f"orchid serve: {message}", file=sys.stderr, flush=True)
