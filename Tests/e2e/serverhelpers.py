"""Shared helpers for the class-server end-to-end tests and the load benchmark: a PostgreSQL cluster of the test's
own on loopback, an `annals serve` process, and JSON over HTTP with urllib."""
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin():
    """The newest Debian PostgreSQL's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return os.path.dirname(found[-1]) if found else None


class Postgres:
    """A throwaway cluster in `folder`, listening on 127.0.0.1 at a free port (trust auth, loopback only), run as
    the `postgres` user when this process is root (PostgreSQL refuses to run as root)."""

    def __init__(self, folder):
        self.bin = postgres_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed: run scripts/install-deps (Debian's postgresql)")
        self.folder = str(folder)
        os.makedirs(self.folder, exist_ok=True)
        self.data = os.path.join(self.folder, "data")
        self.port = free_port()
        self.process = None
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
            os.chmod(self.folder, 0o700)
            # The test's temporary folders above must be passable for the postgres user.
            parent = os.path.dirname(self.folder)
            while parent not in ("/", ""):
                mode = os.stat(parent).st_mode
                if not mode & 0o001:
                    os.chmod(parent, mode | 0o001)
                parent = os.path.dirname(parent)

    def _cmd(self, *args):
        return (["runuser", "-u", "postgres", "--"] if self.as_postgres else []) + list(args)

    def start(self):
        subprocess.run(self._cmd(os.path.join(self.bin, "initdb"), "-D", self.data, "-A", "trust", "-U", "annals",
                                 "-E", "UTF8", "--no-locale"), check=True, capture_output=True, timeout=120)
        log = open(os.path.join(self.folder, "postgres.log"), "wb")
        self.process = subprocess.Popen(
            self._cmd(os.path.join(self.bin, "postgres"), "-D", self.data, "-p", str(self.port), "-k", self.folder,
                      "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"),
            stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            ready = subprocess.run([os.path.join(self.bin, "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                                   capture_output=True)
            if ready.returncode == 0:
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError("PostgreSQL did not start: " + open(os.path.join(self.folder, "postgres.log")).read()[-2000:])

    def create_database(self, name):
        subprocess.run([os.path.join(self.bin, "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "annals",
                        name], check=True, capture_output=True, timeout=60)
        return f"postgres://annals@127.0.0.1:{self.port}/{name}"

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # fast shutdown
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Server:
    """`annals serve` on 127.0.0.1, a free port picked by the server itself (`--listen 127.0.0.1:0`)."""

    def __init__(self, store_args, log_path, extra=()):
        self.store_args = list(store_args)
        self.log_path = str(log_path)
        self.extra = list(extra)
        self.process = None
        self.url = None

    def start(self):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen([ANNALS, "serve", *self.store_args, "--listen", "127.0.0.1:0", *self.extra],
                                        stdout=subprocess.PIPE, stderr=log)
        line = self.process.stdout.readline().decode()
        if not line.startswith("Annals server on "):
            self.process.kill()
            raise RuntimeError(f"unexpected first line {line!r}; log: " + open(self.log_path).read()[-2000:])
        self.url = line.split(" on ", 1)[1].strip()
        return self

    def stop(self, sig=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            return self.process.wait(timeout=30)
        return self.process.returncode if self.process else None


def init_store(store_args):
    """`annals serve init`; returns the teacher's token (the output's last line)."""
    result = subprocess.run([ANNALS, "serve", "init", *store_args], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode().strip().splitlines()[-1]


def request(url, method="GET", token=None, body=None, raw=None, headers=None):
    """(status, decoded JSON or None, raw bytes)."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method)
    if token is not None:
        req.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        req.add_header(key, value)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            payload = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        payload = error.read()
        status = error.code
    try:
        decoded = json.loads(payload) if payload else None
    except ValueError:
        decoded = None
    return status, decoded, payload
