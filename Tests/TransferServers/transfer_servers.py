"""Real file servers for the station's firmware downloads and diagnostics uploads
(OCPP 1.6 §5.9 GetDiagnostics, §5.19 UpdateFirmware): HTTP, HTTPS and FTP on 127.0.0.1,
each on a port of its own, in background threads.

    servers = start_servers("/tmp/run")      # from Python (the conformance suite)
    servers.http, servers.https, servers.ftp, servers.ca_file, servers.uploads
    servers.stop()                           # or: with start_servers(...) as servers:

    python transfer_servers.py --root DIR    # for the Swift tests: prints one JSON line,
                                             # serves until its standard input closes

The root directory holds `files/` (what is served, created if missing), `uploads/`
(what is uploaded), `ca.pem` (the CA made for this run) and `tls/` (the server's key).

HTTP and HTTPS (the same handler):
  GET  /<name>            DIR/files/<name>, 404 when absent
  GET  /missing...        404
  GET  /slow/<name>       DIR/files/<name>: the first 16 bytes, then nothing for `stall`
                          seconds (query `?stall=S`, default 10), then the rest: a short
                          stall timeout fails it, a long one waits it out. With `&times=N`
                          only the first N requests of that URL are slow (a retry succeeds).
                          (libcurl averages speed over its last 5 s: a stall timeout of T
                          gives up after T to T+5 s of silence.)
  GET  /redirect/<path>   302 to /<path>
  PUT  /<path>/<name>     stored as DIR/uploads/<name>, 201
  POST /<path>            multipart/form-data: each file field stored as DIR/uploads/<filename>
  /post-only/...          PUT answers 405 (Allow: POST); POST as above
  /refuse/...             PUT and POST answer 500
FTP (pyftpdlib, passive mode): user `user`, password `secret`, home DIR: read anywhere
(`/files/<name>`), write in `/uploads/` only.
"""

import argparse
import datetime
import email.parser
import email.policy
import ipaddress
import json
import logging
import os
import ssl
import sys
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.ioloop import IOLoop
from pyftpdlib.servers import FTPServer

FTP_USER = "user"
FTP_PASSWORD = "secret"
SLOW_FIRST_BYTES = 16
SLOW_STALL_SECONDS = 10.0


@dataclass
class TransferServers:
    """The running servers: base URLs (no trailing slash) and the directories."""

    http: str
    https: str
    ftp: str
    ca_file: str
    files: str
    uploads: str
    _stoppers: list = field(default_factory=list, repr=False)

    def info(self):
        """What the script prints: the URLs, the CA file and the uploads directory."""
        return {"http": self.http, "https": self.https, "ftp": self.ftp, "ca_file": self.ca_file,
                "uploads": self.uploads}

    def stop(self):
        """Stops every server and waits for their threads."""
        while self._stoppers:
            self._stoppers.pop()()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def start_servers(root, host="127.0.0.1"):
    """Starts HTTP, HTTPS and FTP servers over `root` in background threads, on free
    ports, and returns a TransferServers. Creates root/files, root/uploads, root/ca.pem."""
    root = Path(root).resolve()
    files, uploads = root / "files", root / "uploads"
    files.mkdir(parents=True, exist_ok=True)
    uploads.mkdir(parents=True, exist_ok=True)
    ca_file, cert_file, key_file = _make_certificates(root)
    stopping = threading.Event()
    servers = TransferServers(http="", https="", ftp="", ca_file=str(ca_file), files=str(files),
                              uploads=str(uploads))
    try:
        port = _start_http(servers, host, files, uploads, stopping, None)
        servers.http = f"http://{host}:{port}"
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        port = _start_http(servers, host, files, uploads, stopping, context)
        servers.https = f"https://{host}:{port}"
        port = _start_ftp(servers, host, root, uploads)
        servers.ftp = f"ftp://{FTP_USER}:{FTP_PASSWORD}@{host}:{port}"
    except BaseException:
        servers.stop()
        raise
    servers._stoppers.append(stopping.set)  # popped first: slow responses end before their servers
    return servers


# --- certificates ------------------------------------------------------------------

def _make_certificates(root):
    """A CA made for this run and a server certificate it signs for 127.0.0.1 and
    localhost; returns (ca.pem, tls/server.pem, tls/server.key)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ocpp-console test CA")])
    ca = (x509.CertificateBuilder()
          .subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(minutes=5))
          .not_valid_after(now + datetime.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
              .issuer_name(ca_name).public_key(key.public_key())
              .serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(minutes=5))
              .not_valid_after(now + datetime.timedelta(days=2))
              .add_extension(x509.SubjectAlternativeName([
                  x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]), critical=False)
              .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
              .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                             critical=False)
              .sign(ca_key, hashes.SHA256()))
    tls = root / "tls"
    tls.mkdir(exist_ok=True)
    ca_file, cert_file, key_file = root / "ca.pem", tls / "server.pem", tls / "server.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return ca_file, cert_file, key_file


# --- HTTP and HTTPS ----------------------------------------------------------------

class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "TransferServers/1"
    files: Path
    uploads: Path
    stopping: threading.Event
    slow_lock: threading.Lock
    slow_requests: dict

    def log_message(self, format, *args):
        pass

    def _path(self):
        return urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)

    def _answer(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _file(self, name):
        """DIR/files/<name>, or None when absent or outside."""
        path = (self.files / name.lstrip("/")).resolve()
        if self.files not in path.parents or not path.is_file():
            return None
        return path

    def do_GET(self):
        path = self._path()
        if path.startswith("/missing"):
            return self._answer(404, b"not here\n")
        if path.startswith("/redirect/"):
            return self._answer(302, headers=[("Location", path[len("/redirect"):])])
        slow = path.startswith("/slow/")
        file = self._file(path[len("/slow"):] if slow else path)
        if file is None:
            return self._answer(404, b"not here\n")
        data = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if slow and self._slow_this_time():
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            stall = float(query.get("stall", [SLOW_STALL_SECONDS])[0])
            self.wfile.write(data[:SLOW_FIRST_BYTES])
            self.wfile.flush()
            if self.stopping.wait(stall):
                return
            data = data[SLOW_FIRST_BYTES:]
        self.wfile.write(data)

    def _slow_this_time(self):
        """Whether this request of a /slow/ URL stalls: always, or the first `times`."""
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        if "times" not in query:
            return True
        with self.slow_lock:
            count = self.slow_requests.get(self.path, 0) + 1
            self.slow_requests[self.path] = count
        return count <= int(query["times"][0])

    def handle_expect_100(self):
        # Refuse before the body is sent, as a real server does (RFC 9110 §10.1.1).
        refusal = self._refusal()
        if refusal is None:
            return super().handle_expect_100()
        self.close_connection = True
        self._answer(*refusal)
        return False

    def _refusal(self):
        path = self._path()
        if path.startswith("/refuse/"):
            return 500, b"refused\n"
        if self.command == "PUT" and path.startswith("/post-only/"):
            return 405, b"use POST\n", [("Allow", "POST")]
        return None

    def _body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", 0)))

    def do_PUT(self):
        body = self._body()
        refusal = self._refusal()
        if refusal is not None:
            return self._answer(*refusal)
        name = os.path.basename(self._path())
        if not name:
            return self._answer(400, b"no file name\n")
        (self.uploads / name).write_bytes(body)
        self._answer(201, b"stored\n")

    def do_POST(self):
        body = self._body()
        refusal = self._refusal()
        if refusal is not None:
            return self._answer(*refusal)
        content_type = self.headers.get("Content-Type", "")
        if not content_type.startswith("multipart/form-data"):
            return self._answer(415, b"multipart/form-data only\n")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        stored = 0
        for part in message.iter_parts():
            name = os.path.basename(part.get_filename() or "")
            if name:
                (self.uploads / name).write_bytes(part.get_payload(decode=True))
                stored += 1
        self._answer(201 if stored else 400, b"stored\n" if stored else b"no file field\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    tls = None

    def get_request(self):
        connection, address = super().get_request()
        if self.tls is not None:
            # The handshake happens in the request's thread, on its first read: a client
            # that gives up on the certificate does not hold up the accepting thread.
            connection = self.tls.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address

    def handle_error(self, request, client_address):
        # Clients that hang up (cancelled, timed out, untrusted certificate) are expected.
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, ssl.SSLError, TimeoutError)):
            super().handle_error(request, client_address)


def _start_http(servers, host, files, uploads, stopping, tls):
    handler = type("Handler", (_Handler,), {"files": files, "uploads": uploads, "stopping": stopping,
                                            "slow_lock": threading.Lock(), "slow_requests": {}})
    server = _Server((host, 0), handler)
    server.tls = tls
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              name=f"{'https' if tls else 'http'}-server", daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()
        thread.join()

    servers._stoppers.append(stop)
    return server.server_address[1]


# --- FTP ---------------------------------------------------------------------------

def _start_ftp(servers, host, root, uploads):
    # Its warnings only; a handler of its own keeps it from configuring the root logger.
    log = logging.getLogger("pyftpdlib")
    log.setLevel(logging.WARNING)
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    authorizer = DummyAuthorizer()
    authorizer.add_user(FTP_USER, FTP_PASSWORD, str(root), perm="elr")
    authorizer.override_perm(FTP_USER, str(uploads), perm="elradfmw", recursive=True)
    handler = type("Handler", (FTPHandler,), {"authorizer": authorizer, "banner": "transfer test server"})
    # A loop of its own: pyftpdlib's default is one process-wide loop, which servers
    # started side by side (conformance cases run concurrently) would share and close.
    server = FTPServer((host, 0), handler, ioloop=IOLoop())
    stop = threading.Event()

    def serve():
        # pyftpdlib's loop is not thread-safe: it runs, and closes, on this thread only.
        while not stop.is_set():
            server.ioloop.loop(timeout=0.1, blocking=False)
        server.close_all()

    thread = threading.Thread(target=serve, name="ftp-server", daemon=True)
    thread.start()

    def stop_ftp():
        stop.set()
        thread.join()

    servers._stoppers.append(stop_ftp)
    return server.address[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", required=True, help="directory of files/, uploads/ and ca.pem")
    arguments = parser.parse_args()
    with start_servers(arguments.root) as servers:
        print(json.dumps(servers.info()), flush=True)
        sys.stdin.read()  # until the parent closes it (or exits)


if __name__ == "__main__":
    main()
