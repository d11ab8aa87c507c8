"""The WebSocket link itself (OCPP-J 1.6 §3, §5, §7; security whitepaper §2): TLS with
a trusted, an untrusted and an ignored certificate; the subprotocol; refused
credentials; WebSocket pings detecting a central system that hangs."""

import os
import subprocess
import tempfile

from ocpp.v16 import call

from ..harness import case


def certificate(directory):
    """A self-signed certificate for 127.0.0.1 and localhost: (certfile, keyfile)."""
    cert, key = os.path.join(directory, "csms.pem"), os.path.join(directory, "csms.key")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True)
    return cert, key


def disconnected_because(text):
    return lambda e: e["type"] == "connection" and e["state"] == "disconnected" and text in e.get("reason", "")


@case("tls_trusted", octt="TC_086 (TLS server certificate, profile 2)")
async def tls_trusted(ctx):
    """wss:// with the central system's certificate in --ca-file: connects and boots."""
    ctx.csms.certificate = certificate(ctx.workdir)
    await ctx.csms.start()
    await ctx.boot(extra_args=["--ca-file", ctx.csms.certificate[0]])
    assert not ctx.station.errors(), ctx.station.errors()


@case("tls_untrusted", octt="TC_078 (invalid Central System certificate)")
async def tls_untrusted(ctx):
    """wss:// to a certificate nobody vouches for: no connection, and a reason that
    says TLS; with --insecure it connects, after a warning."""
    ctx.csms.certificate = certificate(ctx.workdir)
    await ctx.csms.start()
    with tempfile.NamedTemporaryFile("w", suffix=".pem", dir=ctx.workdir, delete=False) as other:
        other.write(open(certificate(tempfile.mkdtemp(dir=ctx.workdir))[0]).read())
    await ctx.launch(extra_args=["--ca-file", other.name])
    await ctx.station.wait_event(disconnected_because("TLS"), what="a TLS failure")
    assert ctx.csms.connections == 0, "connected despite an untrusted certificate"
    await ctx.station.quit()
    await ctx.boot(extra_args=["--insecure"])
    assert any("--insecure" in message for message in ctx.station.errors()), "no warning for --insecure"


@case("subprotocol_refused", octt="OCPP-J §3.2")
async def subprotocol_refused(ctx):
    """A server that completes the handshake without agreeing to ocpp1.6: the station
    hangs up and says why."""
    ctx.csms.subprotocols = None
    await ctx.launch()
    await ctx.station.wait_event(disconnected_because("ocpp1.6"), what="a subprotocol failure")
    assert not ctx.csms.calls("BootNotification"), "the station talked OCPP 1.6 over another subprotocol"
    ctx.csms.violations.clear()  # the peer's own check of the subprotocol, expected to fire here


@case("tls_insecure_any_certificate", octt="README --insecure (no checks at all)", profiles=["default"])
async def tls_insecure_any_certificate(ctx):
    """--insecure trusts any server certificate, not only a self-signed one: one issued
    by a CA the station does not know, for another name, and expired, still connects."""
    from .. import pki
    ca = pki.authority("unknown CA")
    ctx.csms.certificate = pki.server_certificate(ctx.workdir, "stranger", ca, dns=("elsewhere.example",),
                                                  ip=False, expired=True)
    await ctx.csms.start()
    await ctx.boot(extra_args=["--insecure"])


@case("credentials_refused", octt="TC_085 (Basic authentication refused)")
async def credentials_refused(ctx):
    """HTTP 401 to a wrong password is reported as refused credentials."""
    ctx.csms.password = "the-right-password-123"
    await ctx.launch(extra_args=["--password", "a-wrong-password-456"])
    await ctx.station.wait_event(disconnected_because("401"), what="an HTTP 401 failure")
    assert ctx.csms.connections == 0


@case("dead_peer", octt="OCPP-J §7 WebSocketPingInterval", timeout=60)
async def dead_peer(ctx):
    """With WebSocketPingInterval 1, a central system that stops answering (pings
    included) is given up within a few seconds, and the station connects again. The
    interval applies from the next connection."""
    await ctx.boot()
    await ctx.configure("WebSocketPingInterval", 1)
    await ctx.csms.drop_connection()
    await ctx.csms.wait_connected(2)
    mark = ctx.station.mark()
    ctx.csms.freeze()
    await ctx.station.wait_event(lambda e: e["type"] == "connection" and e["state"] == "disconnected", after=mark,
                                 timeout=8, what="the dead peer to be noticed")
    await ctx.csms.wait_connected(3, timeout=10)


@case("station_id_encoding", octt="OCPP-J §3.1.1")
async def station_id_encoding(ctx):
    """An identity with a space, a slash and a non-ASCII letter is percent-encoded as
    the last path segment (the peer checks the path it receives)."""
    ctx.rename("RDAM 123/é")
    await ctx.boot()


def client_credentials(directory):
    """A CA, and a client certificate it issued with its key: (ca, certfile, keyfile)."""
    import datetime
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "client CA")])
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "OCPP Console Demo"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "CP_CONFORMANCE")])

    def build(subject, public_key, ca):
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_name).public_key(public_key)
                .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
                .not_valid_after(now + datetime.timedelta(days=2))
                .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
                .sign(ca_key, hashes.SHA256()))
    paths = [os.path.join(directory, name) for name in ("client-ca.pem", "client.pem", "client.key")]
    with open(paths[0], "wb") as file:
        file.write(build(ca_name, ca_key.public_key(), True).public_bytes(serialization.Encoding.PEM))
    with open(paths[1], "wb") as file:
        file.write(build(name, key.public_key(), False).public_bytes(serialization.Encoding.PEM))
    with open(paths[2], "wb") as file:
        file.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()))
    return paths


@case("tls_client_certificate", octt="TC_087 (TLS client certificate, security profile 3)", profiles=["default"])
async def tls_client_certificate(ctx):
    """A central system that requires a client certificate (security profile 3): with
    --client-cert and --client-key the station connects, boots, and SecurityProfile reads
    3, and sends no Authorization header even with --password (A00.FR.401: the
    certificate authenticates it); without them the TLS handshake fails and the station
    says so."""
    ctx.csms.certificate = certificate(ctx.workdir)
    ca, client, key = client_credentials(ctx.workdir)
    ctx.csms.client_ca = ca
    await ctx.csms.start()
    await ctx.launch(extra_args=["--ca-file", ctx.csms.certificate[0]])
    # The first refusal already says why: over TLS 1.3 the server's alert races its
    # hang-up, and the station knows from the CertificateRequest what was wanted.
    refused = await ctx.station.wait_event(lambda e: e["type"] == "connection" and e["state"] == "disconnected",
                                           what="a refused handshake")
    assert "requires a client certificate" in refused.get("reason", ""), refused
    await ctx.station.wait_event(lambda e: e["type"] == "security"
                                 and e["event"] == "FailedToAuthenticationAtCentralSystem",
                                 what="a FailedToAuthenticationAtCentralSystem event")
    assert not ctx.csms.calls("BootNotification"), "booted without a client certificate"
    await ctx.station.quit()
    await ctx.boot(extra_args=["--ca-file", ctx.csms.certificate[0], "--client-cert", client, "--client-key", key,
                               "--password", "a-password-for-profile-2"])
    result = await ctx.csms.call(call.GetConfiguration(key=["SecurityProfile"]))
    assert result.configuration_key[0]["value"] == "3", result
    assert ctx.csms.authorization_headers[-1] is None, ctx.csms.authorization_headers[-1]


@case("tls_signed_client_certificate", octt="TC_074 + TC_087 (A02 certificate used for profile 3)", profiles=["default"],
      timeout=90)
async def tls_signed_client_certificate(ctx):
    """The station's own certificate, signed over OCPP, is what it presents at its next
    start: with a pre-provisioned certificate it connects, makes a key and a CSR on
    ExtendedTriggerMessage, takes the certificate the central system's client CA signs,
    and after a restart without --client-cert it still connects (profile 3)."""
    import datetime
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    ctx.csms.certificate = certificate(ctx.workdir)
    ca, client, key = client_credentials(ctx.workdir)
    ctx.csms.client_ca = ca
    await ctx.csms.start()
    await ctx.boot(extra_args=["--ca-file", ctx.csms.certificate[0], "--client-cert", client, "--client-key", key])
    # The CSMS signs with a CA of its own (its server is then told to trust it), a root of
    # the CPO's hierarchy that it installs first (A02.FR.06: the certificate must chain
    # to a Central System root).
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    now = datetime.datetime.now(datetime.timezone.utc)
    signer_key = ec.generate_private_key(ec.SECP256R1())
    signer_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "OCPP signing CA")])
    signer = (x509.CertificateBuilder().subject_name(signer_name).issuer_name(signer_name)
              .public_key(signer_key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=2))
              .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
              .sign(signer_key, hashes.SHA256()))
    installed = await ctx.csms.call(call.InstallCertificate(
        certificate_type="CentralSystemRootCertificate",
        certificate=signer.public_bytes(serialization.Encoding.PEM).decode()))
    assert installed.status == "Accepted", installed
    mark = ctx.csms.mark()
    trigger = await ctx.csms.call(call.ExtendedTriggerMessage(requested_message="SignChargePointCertificate"))
    assert trigger.status == "Accepted", trigger
    request = await ctx.csms.wait_call("SignCertificate", after=mark)
    csr = x509.load_pem_x509_csr(request.payload["csr"].encode())
    signed = (x509.CertificateBuilder().subject_name(csr.subject).issuer_name(signer_name)
              .public_key(csr.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=2))
              .sign(signer_key, hashes.SHA256()))
    with open(ca, "ab") as file:
        file.write(signer.public_bytes(serialization.Encoding.PEM))
    answer = await ctx.csms.call(call.CertificateSigned(
        certificate_chain=signed.public_bytes(serialization.Encoding.PEM).decode()))
    assert answer.status == "Accepted", answer
    await ctx.station.quit()
    # The server now trusts the signing CA too (its TLS context reads the CA file anew).
    await ctx.csms.stop()
    ctx.csms.url = None
    await ctx.csms.start()
    await ctx.boot(extra_args=["--ca-file", ctx.csms.certificate[0]])
    result = await ctx.csms.call(call.GetConfiguration(key=["SecurityProfile"]))
    assert result.configuration_key[0]["value"] == "3", result


@case("tls_installed_root", octt="TC_086 (TLS server certificate from an installed root, profile 2)", profiles=["default"])
async def tls_installed_root(ctx):
    """A CentralSystemRootCertificate installed over OCPP is what the station verifies
    the central system with from its next start: first connected with --insecure, the
    root installed, then restarted with no --ca-file at all, it connects."""
    ctx.csms.certificate = certificate(ctx.workdir)
    await ctx.csms.start()
    await ctx.boot(extra_args=["--insecure"])
    root = open(ctx.csms.certificate[0]).read()
    result = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate", certificate=root))
    assert result.status == "Accepted", result
    await ctx.station.quit()
    mark = ctx.csms.mark()
    await ctx.boot(extra_args=[])
    assert ctx.csms.calls("BootNotification", mark), "no boot over the installed root"
