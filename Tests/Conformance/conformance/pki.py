"""A PKI made per case with the `cryptography` package: certificate authorities (a root,
or one signed by another root), and TLS server certificates for the central system."""

import datetime
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID


def _now():
    return datetime.datetime.now(datetime.timezone.utc)


def authority(name, signer=None):
    """A CA: (certificate, key). Self-signed, or signed by `signer` (another authority)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    issuer_certificate, issuer_key = signer if signer else (None, key)
    certificate = (x509.CertificateBuilder().subject_name(subject)
                   .issuer_name(issuer_certificate.subject if issuer_certificate else subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(_now() - datetime.timedelta(minutes=5))
                   .not_valid_after(_now() + datetime.timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                                content_commitment=False, key_encipherment=False,
                                                data_encipherment=False, key_agreement=False,
                                                encipher_only=False, decipher_only=False), critical=True)
                   .sign(issuer_key, hashes.SHA256()))
    return certificate, key


def pem(certificate):
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


def write_pem(directory, name, certificate):
    path = os.path.join(directory, name)
    with open(path, "w") as file:
        file.write(pem(certificate))
    return path


def server_certificate(directory, name, signer, dns=("localhost",), ip=True, expired=False):
    """A TLS server certificate for the central system signed by `signer`, with an RSA
    key (so that RSA-only cipher suites can be offered): (certfile, keyfile)."""
    import ipaddress
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    names = [x509.DNSName(d) for d in dns] + ([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))] if ip else [])
    start = _now() - (datetime.timedelta(days=10) if expired else datetime.timedelta(minutes=5))
    end = _now() - datetime.timedelta(days=1) if expired else _now() + datetime.timedelta(days=2)
    certificate = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, dns[0])]))
                   .issuer_name(signer[0].subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
                   .add_extension(x509.SubjectAlternativeName(names), critical=False)
                   .sign(signer[1], hashes.SHA256()))
    certfile, keyfile = os.path.join(directory, name + ".pem"), os.path.join(directory, name + ".key")
    with open(certfile, "w") as file:
        file.write(pem(certificate))
    with open(keyfile, "wb") as file:
        file.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()))
    return certfile, keyfile


class RawTLSServer:
    """A TLS server on 127.0.0.1 that only shakes hands, on a thread of its own, with
    the versions and cipher suites given: a central system whose TLS the station must
    refuse. Unlike asyncio's, OpenSSL's blocking handshake sends its alert before it
    hangs up, as real servers do. `url` is where to point the station."""

    def __init__(self, certificate, versions=None, ciphers=None):
        import socket
        import ssl
        import threading
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(*certificate)
        if ciphers:
            self.context.set_ciphers(ciphers)
        if versions:
            self.context.minimum_version, self.context.maximum_version = versions
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.socket.settimeout(0.2)
        self.url = f"wss://127.0.0.1:{self.socket.getsockname()[1]}/ocpp"
        self.handshakes = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        import socket
        import ssl
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            connection.settimeout(5)
            try:
                self.context.wrap_socket(connection, server_side=True).close()
                self.handshakes += 1
            except (ssl.SSLError, OSError):
                connection.close()

    def stop(self):
        self.running = False
        self.thread.join()
        self.socket.close()
