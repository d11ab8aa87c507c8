"""Firmware Management with real file servers: UpdateFirmware (OCTT TC_044_1, TC_044_2,
TC_044_3) and GetDiagnostics (TC_045_1, TC_045_2) over HTTP, HTTPS and FTP, with
retries, a refused connection, a stalled server and a power cut mid-download
(OCPP 1.6 §4.4, §4.5, §5.9, §5.19, chapter 8; errata 3.31, 3.47-3.50)."""

import os
from datetime import datetime, timezone

from ocpp.v16 import call

from ..harness import case
from ..transfers import start_servers

FIRMWARE = ("default",)  # jst-con-03 has the Core profile only


def now_iso():
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def servers(ctx):
    """HTTP, HTTPS and FTP servers for this case, stopped when the case ends."""
    running = start_servers(os.path.join(ctx.workdir, "servers"))
    ctx.cleanups.append(running.stop)
    return running


def image(running, name, *lines, size=4096):
    """A firmware image in the servers' files: its manifest lines, then padding."""
    body = "".join(line + "\n" for line in lines).encode()
    with open(os.path.join(running.files, name), "wb") as file:
        file.write(body + b"\0" * max(0, size - len(body)))


def error_saying(text):
    return lambda e: e["type"] == "error" and text in e["message"]


def statuses(ctx, action, after=0):
    return [f.payload["status"] for f in ctx.csms.calls(action, after)]


async def update_firmware(ctx, location, retries=1, retry_interval=1):
    await ctx.csms.call(call.UpdateFirmware(
        location=location, retrieve_date=now_iso(), retries=retries, retry_interval=retry_interval))


async def wait_firmware(ctx, status, after, timeout=20):
    return await ctx.csms.wait_call("FirmwareStatusNotification", lambda p: p["status"] == status, after=after,
                                    timeout=timeout)


async def installed(ctx, running, location, version, after):
    """The whole cycle: Downloading, Downloaded, Installing, a new boot with `version`,
    then Installed."""
    await update_firmware(ctx, location)
    await wait_firmware(ctx, "Installing", after)
    boot = await ctx.csms.wait_call("BootNotification", after=after, timeout=20)
    assert boot.payload.get("firmwareVersion") == version, boot.payload
    await wait_firmware(ctx, "Installed", after)
    assert statuses(ctx, "FirmwareStatusNotification", after) == [
        "Downloading", "Downloaded", "Installing", "Installed"], statuses(ctx, "FirmwareStatusNotification", after)
    frames = [f.raw for f in ctx.csms.frames[after:]]
    assert frames.index(boot.raw) < frames.index(ctx.csms.calls("FirmwareStatusNotification", after)[-1].raw), \
        "Installed came before the new BootNotification"


@case("firmware_update_http", octt="TC_044_1", profiles=FIRMWARE)
async def firmware_update_http(ctx):
    """UpdateFirmware over HTTP: Downloading, Downloaded, Installing, a reboot with the
    image's firmwareVersion, Installed; the screen's events follow it."""
    running = servers(ctx)
    image(running, "fw-2.0.bin", "firmwareVersion=2.0.1")
    mark = await ctx.boot()
    await installed(ctx, running, f"{running.http}/fw-2.0.bin", "2.0.1", mark)
    events = [e for e in ctx.station.events if e["type"] == "firmware"]
    assert any(e["status"] == "Downloading" for e in events), events
    assert any(e.get("total") == 4096 for e in events), events


@case("firmware_update_https_name", octt="TC_044_1 (HTTPS)", profiles=FIRMWARE)
async def firmware_update_https_name(ctx):
    """HTTPS trusted through --ca-file; an image without a version line is named by its
    file."""
    running = servers(ctx)
    image(running, "station-3.4.bin")
    mark = await ctx.boot(extra_args=["--ca-file", running.ca_file])
    await installed(ctx, running, f"{running.https}/station-3.4.bin", "station-3.4", mark)


@case("firmware_update_ftp", octt="TC_044_1 (FTP)", profiles=FIRMWARE)
async def firmware_update_ftp(ctx):
    """FTP with user and password in the URL; the password never reaches the events."""
    running = servers(ctx)
    image(running, "fw-ftp.bin", "firmwareVersion=4.0")
    mark = await ctx.boot()
    await installed(ctx, running, f"{running.ftp}/files/fw-ftp.bin", "4.0", mark)
    shown = "\n".join(ctx.station.raw_lines)
    assert "secret" not in shown, "the FTP password reached the event stream"


@case("firmware_download_failed", octt="TC_044_2", profiles=FIRMWARE)
async def firmware_download_failed(ctx):
    """A 404 on every try: one Downloading, the retries, then DownloadFailed; a
    triggered FirmwareStatusNotification then says Idle."""
    running = servers(ctx)
    mark = await ctx.boot()
    await update_firmware(ctx, f"{running.http}/missing-fw.bin", retries=2, retry_interval=1)
    await wait_firmware(ctx, "DownloadFailed", mark)
    assert statuses(ctx, "FirmwareStatusNotification", mark) == ["Downloading", "DownloadFailed"]
    await ctx.station.wait_event(error_saying("404"), what="an error naming the 404")
    tries = [e for e in ctx.station.events if e["type"] == "firmware" and e["status"] == "Downloading"]
    assert {e["attempt"] for e in tries} == {1, 2, 3}, tries
    after = ctx.csms.mark()
    await ctx.csms.call(call.TriggerMessage(requested_message="FirmwareStatusNotification"))
    await wait_firmware(ctx, "Idle", after)


@case("firmware_refused_connection", octt="TC_044_2 (no server)", profiles=FIRMWARE)
async def firmware_refused_connection(ctx):
    """Nobody listens at the location: DownloadFailed, and the reason says so."""
    mark = await ctx.boot()
    await update_firmware(ctx, "http://127.0.0.1:9/fw.bin", retries=0)
    await wait_firmware(ctx, "DownloadFailed", mark)
    await ctx.station.wait_event(error_saying("connect"), what="an error saying it cannot connect")


@case("firmware_stalled_server", octt="TC_044_2 (stalled)", profiles=FIRMWARE)
async def firmware_stalled_server(ctx):
    """A server that stops sending: each try times out after --transfer-timeout, then
    DownloadFailed."""
    running = servers(ctx)
    image(running, "fw-slow.bin", "firmwareVersion=5.0")
    mark = await ctx.boot(extra_args=["--transfer-timeout", "1"])
    await update_firmware(ctx, f"{running.http}/slow/fw-slow.bin?stall=30", retries=1, retry_interval=1)
    await wait_firmware(ctx, "DownloadFailed", mark, timeout=45)
    await ctx.station.wait_event(error_saying("timed out"), what="an error saying the try timed out")


async def install_fails(ctx, name, version, marker):
    """UpdateFirmware of an image marked `marker`: InstallationFailed after Installing, no
    reboot, the old version stays."""
    running = servers(ctx)
    image(running, name, f"firmwareVersion={version}", marker)
    mark = await ctx.boot()
    await update_firmware(ctx, f"{running.http}/{name}")
    await wait_firmware(ctx, "InstallationFailed", mark)
    assert statuses(ctx, "FirmwareStatusNotification", mark) == [
        "Downloading", "Downloaded", "Installing", "InstallationFailed"]
    assert not ctx.csms.calls("BootNotification", mark), "the station rebooted into an image that did not install"
    snapshot = await ctx.station.snapshot()
    assert snapshot["firmwareVersion"] != version, snapshot


@case("firmware_installation_failed", octt="TC_044_3", profiles=FIRMWARE)
async def firmware_installation_failed(ctx):
    """An image that does not install: InstallationFailed, no reboot, the old version
    stays."""
    await install_fails(ctx, "fw-bad.bin", "9.9", "installation=failed")


@case("firmware_verification_failed_unsigned", octt="TC_044_3 (installation=verification-failed)",
      profiles=FIRMWARE)
async def firmware_verification_failed_unsigned(ctx):
    """UpdateFirmware of an image whose installation does not verify: InstallationFailed
    (OCPP 1.6 has no InstallVerificationFailed), no reboot."""
    await install_fails(ctx, "fw-unverified.bin", "9.8", "installation=verification-failed")


@case("firmware_power_cut_mid_download", octt="§5.19, power loss", profiles=FIRMWARE, timeout=90)
async def firmware_power_cut_mid_download(ctx):
    """The power goes during the download: after the restart the download starts
    again, finishes, and the image is installed."""
    running = servers(ctx)
    image(running, "fw-cut.bin", "firmwareVersion=6.0")
    mark = await ctx.boot()
    await update_firmware(ctx, f"{running.http}/slow/fw-cut.bin?stall=4", retries=2, retry_interval=1)
    await wait_firmware(ctx, "Downloading", mark)
    await ctx.power_cut()
    after = ctx.csms.mark()
    await ctx.launch()
    await wait_firmware(ctx, "Installed", after, timeout=40)
    boot = ctx.csms.calls("BootNotification", after)[-1]
    assert boot.payload.get("firmwareVersion") == "6.0", boot.payload


@case("firmware_powercut_command_mid_download", octt="§5.19, power loss (in process)", profiles=FIRMWARE,
      timeout=90)
async def firmware_powercut_command_mid_download(ctx):
    """`powercut` during the download: the cancelled try of the old power-up and the new
    one never share a file; the new one completes and installs."""
    running = servers(ctx)
    image(running, "fw-cmd.bin", "firmwareVersion=6.1")
    mark = await ctx.boot()
    await update_firmware(ctx, f"{running.http}/slow/fw-cmd.bin?stall=3", retries=1, retry_interval=1)
    await wait_firmware(ctx, "Downloading", mark)
    ctx.station.command("powercut")
    await wait_firmware(ctx, "Installed", mark, timeout=40)
    boot = ctx.csms.calls("BootNotification", mark)[-1]
    assert boot.payload.get("firmwareVersion") == "6.1", boot.payload
    assert "DownloadFailed" not in statuses(ctx, "FirmwareStatusNotification", mark)


@case("diagnostics_upload_http", octt="TC_045_1", profiles=FIRMWARE)
async def diagnostics_upload_http(ctx):
    """GetDiagnostics to an HTTP location: the file name at once, Uploading, Uploaded;
    the file holds the message log and no secret."""
    running = servers(ctx)
    await ctx.boot()
    connections = ctx.csms.connections
    await ctx.configure("AuthorizationKey", "00112233445566778899aabbccddeeff")
    await ctx.configure("SecurityProfile", 1)  # A05: it reconnects with the key
    await ctx.csms.wait_connected(connections + 1, timeout=15)
    mark = ctx.csms.mark()
    result = await ctx.csms.call(call.GetDiagnostics(location=f"{running.http}/diagnostics/"))
    assert result.file_name, result
    await ctx.csms.wait_call("DiagnosticsStatusNotification", lambda p: p["status"] == "Uploaded", after=mark)
    assert statuses(ctx, "DiagnosticsStatusNotification", mark) == ["Uploading", "Uploaded"]
    path = os.path.join(running.uploads, result.file_name)
    text = open(path, encoding="utf-8").read()
    assert "## Message log" in text and "BootNotification" in text, text[:500]
    assert "00112233445566778899aabbccddeeff" not in text.lower(), "the AuthorizationKey reached the file"


@case("diagnostics_upload_ftp", octt="TC_045_1 (FTP)", profiles=FIRMWARE)
async def diagnostics_upload_ftp(ctx):
    """FTP STOR into a directory location; a triggered status says Idle afterwards."""
    running = servers(ctx)
    mark = await ctx.boot()
    result = await ctx.csms.call(call.GetDiagnostics(location=f"{running.ftp}/uploads/"))
    await ctx.csms.wait_call("DiagnosticsStatusNotification", lambda p: p["status"] == "Uploaded", after=mark)
    assert os.path.exists(os.path.join(running.uploads, result.file_name))
    after = ctx.csms.mark()
    await ctx.csms.call(call.TriggerMessage(requested_message="DiagnosticsStatusNotification"))
    await ctx.csms.wait_call("DiagnosticsStatusNotification", lambda p: p["status"] == "Idle", after=after)


@case("diagnostics_post_fallback", octt="TC_045_1 (POST)", profiles=FIRMWARE)
async def diagnostics_post_fallback(ctx):
    """A server that refuses PUT (405) gets the file as a multipart POST."""
    running = servers(ctx)
    mark = await ctx.boot(extra_args=["--ca-file", running.ca_file])
    result = await ctx.csms.call(call.GetDiagnostics(location=f"{running.https}/post-only/"))
    await ctx.csms.wait_call("DiagnosticsStatusNotification", lambda p: p["status"] == "Uploaded", after=mark)
    assert os.path.exists(os.path.join(running.uploads, result.file_name))


@case("diagnostics_upload_failed", octt="TC_045_2", profiles=FIRMWARE)
async def diagnostics_upload_failed(ctx):
    """A server that refuses every upload: the retries, then UploadFailed."""
    running = servers(ctx)
    mark = await ctx.boot()
    await ctx.csms.call(call.GetDiagnostics(location=f"{running.http}/refuse/", retries=1, retry_interval=1))
    await ctx.csms.wait_call("DiagnosticsStatusNotification", lambda p: p["status"] == "UploadFailed", after=mark)
    assert statuses(ctx, "DiagnosticsStatusNotification", mark) == ["Uploading", "UploadFailed"]


def _manufacturer():
    """A manufacturer root and a signing certificate it issued, made for the case."""
    import datetime
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    now = datetime.datetime.now(datetime.timezone.utc)

    def build(subject, issuer, public_key, signing_key, ca):
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
                .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
                .not_valid_after(now + datetime.timedelta(days=30))
                .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
                .sign(signing_key, hashes.SHA256()))
    root_key, signer_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "conformance manufacturer")])
    signer_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "firmware signer")])
    root = build(root_name, root_name, root_key.public_key(), root_key, True)
    signer = build(signer_name, root_name, signer_key.public_key(), root_key, False)
    return root, signer, signer_key


@case("signed_firmware_update", octt="TC_080-TC_081 (L01 secure firmware update, invalid signature)", profiles=FIRMWARE,
      timeout=90)
async def signed_firmware_update(ctx):
    """SignedUpdateFirmware with a signing certificate from an installed manufacturer root
    and an ECDSA signature over the image: Downloading, Downloaded, SignatureVerified,
    Installing, InstallRebooting, then Installed after the boot, all with the requestId.
    A second one whose signature does not hold ends in InvalidSignature."""
    import base64
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding
    running = servers(ctx)
    image(running, "signed-7.bin", "firmwareVersion=7.0")
    data = open(os.path.join(running.files, "signed-7.bin"), "rb").read()
    root, signer, signer_key = _manufacturer()
    signature = base64.b64encode(signer_key.sign(data, ec.ECDSA(hashes.SHA256()))).decode()
    mark = await ctx.boot()
    installed = await ctx.csms.call(call.InstallCertificate(
        certificate_type="ManufacturerRootCertificate", certificate=root.public_bytes(Encoding.PEM).decode()))
    assert installed.status == "Accepted", installed
    firmware = {"location": f"{running.http}/signed-7.bin", "retrieveDateTime": now_iso(),
                "signingCertificate": signer.public_bytes(Encoding.PEM).decode(), "signature": signature}
    result = await ctx.csms.call(call.SignedUpdateFirmware(request_id=5, firmware=firmware, retries=0))
    assert result.status == "Accepted", result
    await ctx.csms.wait_call("SignedFirmwareStatusNotification", lambda p: p["status"] == "Installed", after=mark,
                             timeout=30)
    statuses = [(c.payload["status"], c.payload.get("requestId"))
                for c in ctx.csms.calls("SignedFirmwareStatusNotification", mark)]
    assert statuses == [(s, 5) for s in ("Downloading", "Downloaded", "SignatureVerified", "Installing",
                                         "InstallRebooting", "Installed")], statuses
    assert ctx.csms.calls("BootNotification", mark)[-1].payload.get("firmwareVersion") == "7.0"
    after = ctx.csms.mark()
    tampered = dict(firmware, signature=base64.b64encode(signer_key.sign(b"other", ec.ECDSA(hashes.SHA256()))).decode())
    result = await ctx.csms.call(call.SignedUpdateFirmware(request_id=6, firmware=tampered, retries=0))
    assert result.status == "Accepted", result
    await ctx.csms.wait_call("SignedFirmwareStatusNotification", lambda p: p["status"] == "InvalidSignature",
                             after=after, timeout=20)


@case("signed_firmware_invalid_certificate", octt="TC_082 (L01 invalid firmware signing certificate)",
      profiles=FIRMWARE)
async def signed_firmware_invalid_certificate(ctx):
    """SignedUpdateFirmware whose signing certificate does not chain to an installed
    ManufacturerRootCertificate (a manufacturer the station does not know signed it):
    answered InvalidCertificate (L01.FR.23-24) with an InvalidFirmwareSigningCertificate
    security event (L01.FR.02), and nothing downloaded. No SignedFirmwareStatusNotification
    says so: edition 3 removed InvalidCertificate from FirmwareStatusEnumType (§6.6), the
    answer carries it."""
    import base64
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding
    running = servers(ctx)
    image(running, "signed-8.bin", "firmwareVersion=8.0")
    data = open(os.path.join(running.files, "signed-8.bin"), "rb").read()
    root, _, _ = _manufacturer()
    _, stranger, stranger_key = _manufacturer()
    mark = await ctx.boot()
    installed = await ctx.csms.call(call.InstallCertificate(
        certificate_type="ManufacturerRootCertificate", certificate=root.public_bytes(Encoding.PEM).decode()))
    assert installed.status == "Accepted", installed
    firmware = {"location": f"{running.http}/signed-8.bin", "retrieveDateTime": now_iso(),
                "signingCertificate": stranger.public_bytes(Encoding.PEM).decode(),
                "signature": base64.b64encode(stranger_key.sign(data, ec.ECDSA(hashes.SHA256()))).decode()}
    result = await ctx.csms.call(call.SignedUpdateFirmware(request_id=9, firmware=firmware, retries=0))
    assert result.status == "InvalidCertificate", result
    event = await ctx.csms.wait_call(
        "SecurityEventNotification", lambda p: p["type"] == "InvalidFirmwareSigningCertificate", after=mark)
    assert "not trusted" in event.payload.get("techInfo", ""), event.payload
    await ctx.station.wait_event(lambda e: e["type"] == "security" and e["event"] == "InvalidFirmwareSigningCertificate",
                                 what="the security event on the station's stream")
    assert not ctx.csms.calls("SignedFirmwareStatusNotification", mark), \
        statuses(ctx, "SignedFirmwareStatusNotification", mark)


@case("signed_firmware_install_failures", octt="TC_080 (L01 status sequence of a failed install)",
      profiles=FIRMWARE, timeout=60)
async def signed_firmware_install_failures(ctx):
    """SignedUpdateFirmware of a well-signed image that does not install
    (`installation=failed`): Installing then InstallationFailed, no InstallRebooting and
    no reboot (L01.FR.15: InstallRebooting only before a reboot). One whose installation
    does not verify (`installation=verification-failed`): InstallVerificationFailed."""
    import base64
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding
    running = servers(ctx)
    root, signer, signer_key = _manufacturer()
    mark = await ctx.boot()
    installed = await ctx.csms.call(call.InstallCertificate(
        certificate_type="ManufacturerRootCertificate", certificate=root.public_bytes(Encoding.PEM).decode()))
    assert installed.status == "Accepted", installed
    for request_id, marker, last in ((11, "installation=failed", "InstallationFailed"),
                                     (12, "installation=verification-failed", "InstallVerificationFailed")):
        name = f"signed-{request_id}.bin"
        image(running, name, "firmwareVersion=9.0", marker)
        data = open(os.path.join(running.files, name), "rb").read()
        firmware = {"location": f"{running.http}/{name}", "retrieveDateTime": now_iso(),
                    "signingCertificate": signer.public_bytes(Encoding.PEM).decode(),
                    "signature": base64.b64encode(signer_key.sign(data, ec.ECDSA(hashes.SHA256()))).decode()}
        after = ctx.csms.mark()
        result = await ctx.csms.call(call.SignedUpdateFirmware(request_id=request_id, firmware=firmware, retries=0))
        assert result.status == "Accepted", result
        await ctx.csms.wait_call("SignedFirmwareStatusNotification", lambda p: p["status"] == last, after=after,
                                 timeout=20)
        sent = [(c.payload["status"], c.payload.get("requestId"))
                for c in ctx.csms.calls("SignedFirmwareStatusNotification", after)]
        assert sent == [(s, request_id) for s in ("Downloading", "Downloaded", "SignatureVerified", "Installing",
                                                  last)], sent
    assert not ctx.csms.calls("BootNotification", mark), "the station rebooted into an image that did not install"
    snapshot = await ctx.station.snapshot()
    assert snapshot["firmwareVersion"] != "9.0", snapshot
