"""HTTP Basic auth (security profile 1, OCPP 1.6 security whitepaper §2.3, A01) and
secrets: the password and AuthorizationKey reach the central system, and never the
station's own output."""

import base64

from ocpp.v16 import call

from ..csms import basic_auth
from ..harness import case

PASSWORD = "conformance-secret-0123"
# 19 bytes in hex (whitepaper A00.FR.205), OCTT TC_073's key: sent as "OCA_OCTT_admin_test".
OCTT_KEY = "4F43415F4F4354545F61646D696E5F74657374"
# 16 bytes that are no UTF-8 text: sent as those bytes.
BINARY_KEY = "f2e5a7c9b1d3e4f60718293a4b5c6d7e"


def leaks(ctx, secret):
    """Where `secret` appears in the station's output, in clear or base64-encoded."""
    encoded = base64.b64encode(f"{ctx.station_id}:{secret}".encode()).decode()
    found = []
    for station in ctx.stations:
        for line in station.raw_lines:
            if secret in line or encoded in line:
                found.append(line[:200])
        if secret.encode() in station.stderr:
            found.append("stderr")
    return found


@case("basic_auth", octt="TC_085 (Basic authentication, profile 1)")
async def basic_auth_header(ctx):
    """--password: the handshake carries Basic auth as <station id>:<password>."""
    await ctx.boot(extra_args=["--password", PASSWORD])
    header = ctx.csms.authorization_headers[-1]
    assert header == basic_auth(ctx.station_id, PASSWORD), f"Authorization header {header!r}"
    await ctx.station.quit()
    assert not leaks(ctx, PASSWORD), f"the password appears in the output: {leaks(ctx, PASSWORD)}"


@case("authorization_key", octt="TC_073 (A01 update AuthorizationKey)", profiles=["default"])
async def authorization_key(ctx):
    """A new AuthorizationKey from the central system: Accepted, the station reconnects
    with it as the password — the bytes its hex digits stand for (A00.FR.205: the key is
    binary, hexadecimal represented), not the hex text — and its value is masked
    wherever the station shows the frame."""
    await ctx.boot(extra_args=["--password", PASSWORD])
    for key, password in ((OCTT_KEY, b"OCA_OCTT_admin_test"), (BINARY_KEY, bytes.fromhex(BINARY_KEY))):
        connections = ctx.csms.connections
        await ctx.configure("AuthorizationKey", key)
        await ctx.csms.wait_connected(connections + 1, timeout=15)
        assert ctx.csms.authorization_headers[-1] == basic_auth(ctx.station_id, password), \
            (key, ctx.csms.authorization_headers[-1])
    def key_frame(e):
        return e["type"] == "frame" and e["dir"] == "in" and "AuthorizationKey" in e["raw"]
    await ctx.station.wait_event(key_frame, what="the ChangeConfiguration frame")
    incoming = [e["raw"] for e in ctx.station.events if key_frame(e)]
    assert all("********" in raw for raw in incoming), incoming
    result = await ctx.csms.call(call.GetConfiguration(key=["AuthorizationKey"]))
    assert all("value" not in entry for entry in result.configuration_key), result
    await ctx.station.quit()
    for secret in (PASSWORD, OCTT_KEY, BINARY_KEY, "OCA_OCTT_admin_test"):
        assert not leaks(ctx, secret), f"a secret appears in the output: {leaks(ctx, secret)}"


@case("security_events", octt="Security whitepaper A04", profiles=["default"])
async def security_events(ctx):
    """The start of the device and a tripped tamper sensor are notified
    (SecurityEventNotification), shown as headless `security` events, and a tamper
    raised while offline is delivered once the link is back."""
    mark = await ctx.boot()
    await ctx.csms.wait_call("SecurityEventNotification", lambda p: p["type"] == "StartupOfTheDevice")
    ctx.station.command("offline")
    await ctx.station.wait_event(lambda e: e["type"] == "connection" and e["state"] == "disconnected",
                                 what="the link down")
    ctx.station.command("tamper")
    await ctx.station.wait_event(
        lambda e: e["type"] == "security" and e["event"] == "TamperDetectionActivated" and e["critical"],
        what="a security event for the tamper sensor")
    assert not [c for c in ctx.csms.calls("SecurityEventNotification", mark)
                if c.payload["type"] == "TamperDetectionActivated"], "sent while offline"
    ctx.station.command("online")
    event = await ctx.csms.wait_call(
        "SecurityEventNotification", lambda p: p["type"] == "TamperDetectionActivated", after=mark, timeout=15)
    assert event.payload["techInfo"], event.payload


@case("get_security_log", octt="TC_079 (N01 get security log)", profiles=["default"])
async def get_security_log(ctx):
    """GetLog SecurityLog to an FTP server: Accepted with the file name, LogStatusNotification
    Uploading then Uploaded with the requestId; the file lists the security events and no
    password."""
    from ..transfers import start_servers
    import os
    running = start_servers(os.path.join(ctx.workdir, "servers"))
    ctx.cleanups.append(running.stop)
    mark = await ctx.boot()
    ctx.station.command("tamper")
    await ctx.station.wait_event(lambda e: e["type"] == "security" and e["event"] == "TamperDetectionActivated",
                                 what="the tamper event")
    result = await ctx.csms.call(call.GetLog(
        log={"remoteLocation": f"{running.ftp}/uploads"}, log_type="SecurityLog", request_id=42))
    assert result.status == "Accepted" and result.filename, result
    await ctx.csms.wait_call("LogStatusNotification", lambda p: p["status"] == "Uploaded", after=mark)
    statuses = [(c.payload["status"], c.payload.get("requestId")) for c in ctx.csms.calls("LogStatusNotification", mark)]
    assert statuses == [("Uploading", 42), ("Uploaded", 42)], statuses
    text = open(os.path.join(running.uploads, result.filename), encoding="utf-8").read()
    assert "TamperDetectionActivated (critical)" in text and "StartupOfTheDevice" in text, text
    assert "secret" not in text


@case("get_log_cancel", octt="Security whitepaper N01.FR.11", profiles=["default"])
async def get_log_cancel(ctx):
    """A GetLog while a log upload waits for its next try cancels it and is answered
    AcceptedCanceled; the canceled request ends with UploadFailure and its requestId
    (N01.FR.07, .10), then the new one is uploaded."""
    from ..transfers import start_servers
    import os
    running = start_servers(os.path.join(ctx.workdir, "servers"))
    ctx.cleanups.append(running.stop)
    mark = await ctx.boot()
    first = await ctx.csms.call(call.GetLog(
        log={"remoteLocation": "ftp://127.0.0.1:1/nobody-listens"}, log_type="SecurityLog", request_id=1,
        retries=3, retry_interval=120))
    assert first.status == "Accepted", first
    await ctx.csms.wait_call("LogStatusNotification", lambda p: p["status"] == "Uploading", after=mark)
    second = await ctx.csms.call(call.GetLog(
        log={"remoteLocation": f"{running.ftp}/uploads"}, log_type="SecurityLog", request_id=2))
    assert second.status == "AcceptedCanceled", second
    await ctx.csms.wait_call("LogStatusNotification", lambda p: p["status"] == "Uploaded", after=mark)
    statuses = [(c.payload["status"], c.payload.get("requestId")) for c in ctx.csms.calls("LogStatusNotification", mark)]
    assert statuses == [("Uploading", 1), ("UploadFailure", 1), ("Uploading", 2), ("Uploaded", 2)], statuses


@case("certificate_store", octt="TC_075-TC_076 (install, get ids, delete)", profiles=["default"])
async def certificate_store(ctx):
    """InstallCertificate of a CA made for the run: Accepted; GetInstalledCertificateIds
    gives its hash data as the OCSP CertID convention computes it (SHA-256 of the issuer
    name DER and of the issuer key, the serial in hex); DeleteCertificate by that hash
    data, then NotFound."""
    import hashlib
    import os
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    from ..transfers import start_servers
    running = start_servers(os.path.join(ctx.workdir, "servers"))
    ctx.cleanups.append(running.stop)
    pem = open(running.ca_file).read()
    ca = x509.load_pem_x509_certificate(pem.encode())
    expected = {
        "hashAlgorithm": "SHA256",
        "issuerNameHash": hashlib.sha256(ca.issuer.public_bytes()).hexdigest(),
        "issuerKeyHash": hashlib.sha256(ca.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)).hexdigest(),
        "serialNumber": format(ca.serial_number, "x"),
    }
    await ctx.boot()
    result = await ctx.csms.call(call.InstallCertificate(certificate_type="ManufacturerRootCertificate", certificate=pem))
    assert result.status == "Accepted", result
    listed = (await ctx.station.certificates())["certificates"]
    assert listed == [{
        "use": "ManufacturerRootCertificate",
        "subject": listed[0]["subject"], "issuer": listed[0]["subject"],
        "notBefore": _rfc3339(ca.not_valid_before_utc), "notAfter": _rfc3339(ca.not_valid_after_utc),
        "sha256": hashlib.sha256(ca.public_bytes(Encoding.DER)).hexdigest(), "fallback": False,
    }], listed
    common_name = ca.subject.get_attributes_for_oid(x509.oid.NameOID.COMMON_NAME)[0].value
    assert f"CN={common_name}" in listed[0]["subject"], listed
    ids = await ctx.csms.call(call.GetInstalledCertificateIds(certificate_type="ManufacturerRootCertificate"))
    assert ids.status == "Accepted", ids
    names = {"hash_algorithm": "hashAlgorithm", "issuer_name_hash": "issuerNameHash",
             "issuer_key_hash": "issuerKeyHash", "serial_number": "serialNumber"}
    got = {names.get(k, k): v for k, v in ids.certificate_hash_data[0].items()}
    got = {k: (v if k == "hashAlgorithm" else v.lower()) for k, v in got.items()}  # CiStrings: any case
    assert got == expected, (got, expected)
    deleted = await ctx.csms.call(call.DeleteCertificate(certificate_hash_data=ids.certificate_hash_data[0]))
    assert deleted.status == "Accepted", deleted
    again = await ctx.csms.call(call.DeleteCertificate(certificate_hash_data=ids.certificate_hash_data[0]))
    assert again.status == "NotFound", again
    listed = await ctx.station.certificates()
    assert listed["certificates"] == [] and listed["chargePointCertificate"] is None, listed


def _rfc3339(moment):
    """A certificate's time as the station's events write it: UTC, milliseconds."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _authority(name):
    """A CA made for the case: (certificate, key), with the `cryptography` package."""
    import datetime
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    return certificate, key


def _sign(csr_pem, authority, days=30, subject=None, ca=False):
    """The CSR signed by `authority`, valid for `days`: the PEM of the new certificate.
    `subject` (an x509.Name) replaces the CSR's; `ca` makes it a CA (basicConstraints
    CA:TRUE)."""
    import datetime
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding
    certificate, key = authority
    csr = x509.load_pem_x509_csr(csr_pem.encode())
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject or csr.subject).issuer_name(certificate.subject)
               .public_key(csr.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5))
               .not_valid_after(now + datetime.timedelta(days=days)))
    if ca:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    signed = builder.sign(key, hashes.SHA256())
    return signed.public_bytes(Encoding.PEM).decode()


@case("charge_point_certificate", octt="TC_074, TC_077 (A02 update the charge point certificate; invalid one)", profiles=["default"])
async def charge_point_certificate(ctx):
    """ExtendedTriggerMessage SignChargePointCertificate: a CSR with O = CpoName and CN =
    the serial number; the certificate the CSMS's root signed is Accepted; one signed by
    another CA is Rejected with an InvalidChargePointCertificate security event."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID
    root = _authority("conformance CSMS root")
    mark = await ctx.boot()
    pem = root[0].public_bytes(Encoding.PEM).decode()
    installed = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate", certificate=pem))
    assert installed.status == "Accepted", installed
    trigger = await ctx.csms.call(call.ExtendedTriggerMessage(requested_message="SignChargePointCertificate"))
    assert trigger.status == "Accepted", trigger
    request = await ctx.csms.wait_call("SignCertificate", after=mark)
    csr = x509.load_pem_x509_csr(request.payload["csr"].encode())
    assert csr.is_signature_valid
    assert csr.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "OCPP Console Demo"
    assert csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "OCD-000001"
    chain = _sign(request.payload["csr"], root)
    signed = await ctx.csms.call(call.CertificateSigned(certificate_chain=chain))
    assert signed.status == "Accepted", signed
    leaf = x509.load_pem_x509_certificate(chain.encode())
    listed = await ctx.station.certificates()
    own = listed["chargePointCertificate"]
    assert "CN=OCD-000001" in own["subject"], own
    assert (own["notBefore"], own["notAfter"]) == (
        _rfc3339(leaf.not_valid_before_utc), _rfc3339(leaf.not_valid_after_utc)), own
    assert [c["use"] for c in listed["certificates"]] == ["CentralSystemRootCertificate"], listed
    # Another request, signed by a CA the station does not trust.
    after = ctx.csms.mark()
    await ctx.csms.call(call.ExtendedTriggerMessage(requested_message="SignChargePointCertificate"))
    request = await ctx.csms.wait_call("SignCertificate", after=after)
    rogue = _authority("rogue")
    refused = await ctx.csms.call(call.CertificateSigned(certificate_chain=_sign(request.payload["csr"], rogue)))
    assert refused.status == "Rejected", refused
    await ctx.station.wait_event(
        lambda e: e["type"] == "security" and e["event"] == "InvalidChargePointCertificate", what="the security event")
    shown = "\n".join(ctx.station.raw_lines)
    assert "PRIVATE KEY" not in shown, "the private key reached the event stream"


@case("charge_point_certificate_properties", octt="TC_077 (A02.FR.06-07: subject and CA flag)",
      profiles=["default"])
async def charge_point_certificate_properties(ctx):
    """CertificateSigned of a certificate for the station's key, signed by the installed
    root, but not what the station asked for (A02.FR.06, whitepaper §2.6.1): another O
    and CN (A00.FR.509, .511), or a CA certificate. Each is Rejected with an
    InvalidChargePointCertificate security event saying why, and none is kept."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID
    root = _authority("conformance CSMS root")
    await ctx.boot()
    pem = root[0].public_bytes(Encoding.PEM).decode()
    installed = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate", certificate=pem))
    assert installed.status == "Accepted", installed
    evil = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Other CPO"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "EVIL")])
    for options, why in (({"subject": evil}, "not the CpoName of the request"),
                         ({"ca": True}, "is a certificate authority")):
        after = ctx.csms.mark()
        await ctx.csms.call(call.ExtendedTriggerMessage(requested_message="SignChargePointCertificate"))
        request = await ctx.csms.wait_call("SignCertificate", after=after)
        refused = await ctx.csms.call(call.CertificateSigned(
            certificate_chain=_sign(request.payload["csr"], root, **options)))
        assert refused.status == "Rejected", (options, refused)
        event = await ctx.csms.wait_call(
            "SecurityEventNotification", lambda p: p["type"] == "InvalidChargePointCertificate", after=after)
        assert why in event.payload.get("techInfo", ""), event.payload
    listed = await ctx.station.certificates()
    assert listed["chargePointCertificate"] is None, listed


@case("weak_signatures_refused", octt="TC_075, TC_077 (A00.FR.504, .506: SHA-256 or stronger)",
      profiles=["default"])
async def weak_signatures_refused(ctx):
    """A root signed with SHA-1 is Rejected by InstallCertificate, and a charge point
    certificate signed with SHA-1 by CertificateSigned (with an
    InvalidChargePointCertificate event), each saying why; the same root signed with
    SHA-256 is Accepted. The openssl command line makes them (`cryptography` refuses
    SHA-1 signatures)."""
    import os
    import subprocess

    def openssl(*arguments):
        subprocess.run(["openssl", *arguments], check=True, capture_output=True, cwd=ctx.workdir)
        return os.path.join(ctx.workdir, arguments[arguments.index("-out") + 1])

    def root(digest):
        return open(openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out",
                            f"root-{digest}.pem", "-subj", "/CN=Conformance root", "-days", "3", f"-{digest}",
                            "-addext", "basicConstraints=critical,CA:TRUE")).read()
    mark = await ctx.boot()
    weak = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate",
                                                       certificate=root("sha1")))
    assert weak.status == "Rejected", weak
    await ctx.station.wait_event(lambda e: e["type"] == "error" and "SHA-1" in e["message"], what="the reason")
    installed = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate",
                                                            certificate=root("sha256")))
    assert installed.status == "Accepted", installed
    await ctx.csms.call(call.ExtendedTriggerMessage(requested_message="SignChargePointCertificate"))
    request = await ctx.csms.wait_call("SignCertificate", after=mark)
    with open(os.path.join(ctx.workdir, "cp.csr"), "w") as file:
        file.write(request.payload["csr"])
    leaf = open(openssl("x509", "-req", "-in", "cp.csr", "-CA", "root-sha256.pem", "-CAkey", "root.key",
                        "-CAcreateserial", "-days", "3", "-sha1", "-out", "cp.pem")).read()
    refused = await ctx.csms.call(call.CertificateSigned(certificate_chain=leaf))
    assert refused.status == "Rejected", refused
    event = await ctx.csms.wait_call(
        "SecurityEventNotification", lambda p: p["type"] == "InvalidChargePointCertificate", after=mark)
    assert "SHA-1" in event.payload.get("techInfo", ""), event.payload


@case("certificate_renewal", octt="Security whitepaper A03", profiles=["default"])
async def certificate_renewal(ctx):
    """A charge point certificate that expires within a month is renewed by the station
    itself (A03.FR.02–03): signed for 10 days, then at the next start, unasked, the
    station sends the CSR of a new key, once; the certificate signed for it, for a
    year, is Accepted."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    root = _authority("conformance CSMS root")
    mark = await ctx.boot()
    pem = root[0].public_bytes(Encoding.PEM).decode()
    installed = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate", certificate=pem))
    assert installed.status == "Accepted", installed
    await ctx.csms.call(call.ExtendedTriggerMessage(requested_message="SignChargePointCertificate"))
    request = await ctx.csms.wait_call("SignCertificate", after=mark)
    signed = await ctx.csms.call(call.CertificateSigned(certificate_chain=_sign(request.payload["csr"], root, days=10)))
    assert signed.status == "Accepted", signed
    await ctx.station.quit()
    mark = ctx.csms.mark()
    await ctx.boot()
    renewal = await ctx.csms.wait_call("SignCertificate", after=mark)

    def public_key(csr):
        key = x509.load_pem_x509_csr(csr.encode()).public_key()
        return key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    assert public_key(renewal.payload["csr"]) != public_key(request.payload["csr"]), "the same key again"
    renewed = await ctx.csms.call(
        call.CertificateSigned(certificate_chain=_sign(renewal.payload["csr"], root, days=365)))
    assert renewed.status == "Accepted", renewed
    assert len(ctx.csms.calls("SignCertificate", mark)) == 1, "asked more than once"
