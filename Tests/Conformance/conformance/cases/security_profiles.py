"""Security profiles 2 and 3 against real TLS servers (OCPP 1.6 security whitepaper §2,
A00, A05, M05.FR.12-13), with a PKI made per case: failed handshakes said in words an
operator can act on and logged as security events, the profile raised by
ChangeConfiguration (and its fallback), the fallback root of a replaced root."""

import asyncio
import os
import ssl
import warnings

from ocpp.v16 import call

from .. import pki
from ..csms import basic_auth
from ..harness import case

PASSWORD = "conformance-secret-0123"


def disconnected_because(text):
    return lambda e: e["type"] == "connection" and e["state"] == "disconnected" and text in e.get("reason", "")


def security_event(kind):
    return lambda e: e["type"] == "security" and e["event"] == kind


def with_configuration(ctx, key, value):
    """A copy of the default station profile with one configuration key changed: its path."""
    source = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "Assets", "stations", "default.toml")
    lines = open(source, encoding="utf-8").read().splitlines()
    changed = [f"{key} = {value}" if line.split("=")[0].strip() == key else line for line in lines]
    assert changed != lines, f"{key} is not in the default profile"
    path = os.path.join(ctx.workdir, "station.toml")
    with open(path, "w", encoding="utf-8") as file:
        file.write("\n".join(changed) + "\n")
    return path


async def serve(ctx, certificate):
    """The central system again, on a new port, over TLS with `certificate`."""
    await ctx.csms.stop()
    ctx.csms.certificate = certificate
    ctx.csms.url = None
    await ctx.csms.start()


@case("tls_failures_explained", octt="TC_078 (invalid Central System certificate), A00.FR.309, .315, .322",
      profiles=["default"], timeout=90)
async def tls_failures_explained(ctx):
    """A name mismatch, an expired certificate, a server that speaks only TLS 1.1 and one
    that offers only a CBC cipher suite: each connection fails with a reason that says
    what failed (never OpenSSL's `error:00000001`) and the security event it is."""
    authority = pki.authority("Conformance CSMS Root")
    ca_file = pki.write_pem(ctx.workdir, "root.pem", authority[0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        old_tls = (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1)
    scenarios = [
        (pki.server_certificate(ctx.workdir, "other", authority, dns=("other.example",), ip=False), None, None,
         "name mismatch", "InvalidCentralSystemCertificate"),
        (pki.server_certificate(ctx.workdir, "expired", authority, expired=True), None, None,
         "server certificate expired", "InvalidCentralSystemCertificate"),
        (pki.server_certificate(ctx.workdir, "old-tls", authority), old_tls, "DEFAULT:@SECLEVEL=0",
         "TLS version refused", "InvalidTLSVersion"),
        (pki.server_certificate(ctx.workdir, "cbc", authority), (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_2),
         "AES128-SHA:@SECLEVEL=0", "cipher suite refused", "InvalidTLSCipherSuite"),
    ]
    for certificate, versions, ciphers, words, kind in scenarios:
        if versions:  # a server that refuses the handshake, with the alert it sends
            raw = pki.RawTLSServer(certificate, versions, ciphers)
            ctx.cleanups.append(raw.stop)
            ctx.csms.url = raw.url
        else:
            await serve(ctx, certificate)
        await ctx.launch(extra_args=["--ca-file", ca_file])
        event = await ctx.station.wait_event(disconnected_because(words), what=f"a failure saying {words!r}")
        assert "error:0" not in event["reason"] and "lib(0)" not in event["reason"], event
        await ctx.station.wait_event(security_event(kind), what=f"a {kind} security event")
        assert ctx.csms.connections == 0, f"connected despite {words}"
        await ctx.station.quit()


@case("security_profile_upgrade", octt="TC_083-TC_084 (A05 upgrade the profile; a downgrade Rejected)",
      profiles=["default"], timeout=60)
async def security_profile_upgrade(ctx):
    """Profile 1 (Basic auth on ws://): the central system installs its root and raises
    SecurityProfile to 2; the station answers Accepted, reconnects over wss:// on the
    same port with the same password, verifies the server with the installed root, and
    SecurityProfile reads 2; lowering it to 1 is Rejected (A05.FR.01)."""
    authority = pki.authority("Conformance CSMS Root")
    server = pki.server_certificate(ctx.workdir, "csms", authority)
    ctx.csms.password = PASSWORD
    await ctx.boot(extra_args=["--password", PASSWORD])
    installed = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate",
                                                            certificate=pki.pem(authority[0])))
    assert installed.status == "Accepted", installed
    await ctx.configure("SecurityProfile", 2)
    connections = ctx.csms.connections
    await ctx.csms.restart(server)
    await ctx.csms.wait_connected(connections + 1, timeout=20)
    event = await ctx.station.wait_event(lambda e: e["type"] == "connection" and e["state"] == "connected",
                                         after=0, what="connected over TLS")
    assert ctx.csms.url.startswith("wss://"), ctx.csms.url
    result = await ctx.csms.call(call.GetConfiguration(key=["SecurityProfile"]))
    assert result.configuration_key[0]["value"] == "2", result
    await ctx.configure("SecurityProfile", 1, expect="Rejected")
    await ctx.csms.wait_call("SecurityEventNotification",
                             lambda p: p["type"] == "ReconfigurationOfSecurityParameters")
    assert event


@case("security_profile_zero_to_one", octt="TC_083 (A05: AuthorizationKey, then SecurityProfile 0 -> 1)",
      profiles=["default"], timeout=60)
async def security_profile_zero_to_one(ctx):
    """A station on profile 0 (ws://, no password), raised as A05 has it: the
    AuthorizationKey first — Accepted, only stored (no reconnection, SecurityProfile
    still 0, no Authorization header) — then SecurityProfile 1, whose prerequisite the
    key is (A05.FR.02): Accepted, the station reconnects with HTTP Basic carrying the
    key's bytes (A00.FR.205), and SecurityProfile reads 1."""
    key = "4F43415F4F4354545F61646D696E5F74657374"
    await ctx.boot()
    connections = ctx.csms.connections
    await ctx.configure("SecurityProfile", 1, expect="Rejected")  # A05.FR.02: no key yet
    await ctx.configure("AuthorizationKey", key)
    await asyncio.sleep(1)
    assert ctx.csms.connections == connections, "the key alone made the station reconnect"
    result = await ctx.csms.call(call.GetConfiguration(key=["SecurityProfile"]))
    assert result.configuration_key[0]["value"] == "0", result
    await ctx.configure("SecurityProfile", 1)
    await ctx.csms.wait_connected(connections + 1, timeout=15)
    assert ctx.csms.authorization_headers[-1] == basic_auth(ctx.station_id, b"OCA_OCTT_admin_test"), \
        ctx.csms.authorization_headers
    await ctx.station.wait_event(lambda e: e["type"] == "connection" and e["state"] == "connected",
                                 what="connected again")
    result = await ctx.csms.call(call.GetConfiguration(key=["SecurityProfile"]))
    assert result.configuration_key[0]["value"] == "1", result


@case("security_profile_fallback", octt="A05.FR.08 (raised profile cannot connect)", profiles=["default"],
      timeout=60)
async def security_profile_fallback(ctx):
    """SecurityProfile raised to 2 while the central system stays on ws://: the wss://
    attempts fail, the station goes back to profile 1, connects over ws:// again, and
    says so (an error and a ReconfigurationOfSecurityParameters event)."""
    authority = pki.authority("Conformance CSMS Root")
    await ctx.boot(extra_args=["--password", PASSWORD])
    installed = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate",
                                                            certificate=pki.pem(authority[0])))
    assert installed.status == "Accepted", installed
    connections = ctx.csms.connections
    await ctx.configure("SecurityProfile", 2)
    await ctx.station.wait_event(lambda e: e["type"] == "error" and "back to 1" in e["message"], timeout=30,
                                 what="the fallback to profile 1")
    await ctx.csms.wait_connected(connections + 1, timeout=15)
    result = await ctx.csms.call(call.GetConfiguration(key=["SecurityProfile"]))
    assert result.configuration_key[0]["value"] == "1", result


@case("root_fallback", octt="Security whitepaper M05.FR.11-13 (replace the root, fallback)", profiles=["default"],
      timeout=60)
async def root_fallback(ctx):
    """AdditionalRootCertificateCheck: root B (signed by root A) replaces A, which stays
    as fallback. Over wss:// the server still shows a certificate of A: B fails, A is
    tried and works (M05.FR.13), and A stays. Then the server shows a certificate of B:
    it works with B alone, and the fallback A is removed (M05.FR.12)."""
    root_a = pki.authority("Root A")
    root_b = pki.authority("Root B", signer=root_a)
    ctx.profile = with_configuration(ctx, "AdditionalRootCertificateCheck", "true")  # read-only over OCPP
    ctx.csms.password = PASSWORD
    await ctx.boot(extra_args=["--password", PASSWORD])
    for root in (root_a, root_b):
        result = await ctx.csms.call(call.InstallCertificate(certificate_type="CentralSystemRootCertificate",
                                                             certificate=pki.pem(root[0])))
        assert result.status == "Accepted", result
    await ctx.configure("SecurityProfile", 2)
    connections = ctx.csms.connections
    await ctx.csms.restart(pki.server_certificate(ctx.workdir, "by-a", root_a))
    await ctx.csms.wait_connected(connections + 1, timeout=20)
    ids = await ctx.csms.call(call.GetInstalledCertificateIds(certificate_type="CentralSystemRootCertificate"))
    assert len(ids.certificate_hash_data) == 2, ids
    connections = ctx.csms.connections
    await ctx.csms.restart(pki.server_certificate(ctx.workdir, "by-b", root_b))
    await ctx.csms.wait_connected(connections + 1, timeout=20)
    await ctx.station.wait_event(lambda e: e["type"] == "notice" and "fallback" in e["message"]
                                 and "removed" in e["message"], what="the fallback root removed")
    ids = await ctx.csms.call(call.GetInstalledCertificateIds(certificate_type="CentralSystemRootCertificate"))
    assert len(ids.certificate_hash_data) == 1, ids


@case("tls_files_checked", octt="Security whitepaper §2 (provisioned files)", profiles=["default"])
async def tls_files_checked(ctx):
    """--ca-file, --client-cert and --client-key that OpenSSL would refuse later — or
    prompt a passphrase for on the terminal — end the start with exit status 2 and one
    line naming the file and what is wrong (a DER file: the openssl command that makes
    it PEM); nothing is prompted for. An expired --client-cert starts, with a warning."""
    import asyncio
    import subprocess
    authority = pki.authority("Conformance Client CA")
    client = pki.server_certificate(ctx.workdir, "client", authority, dns=("CP_CONFORMANCE",), ip=False)
    other = pki.server_certificate(ctx.workdir, "other", authority, dns=("other",), ip=False)
    garbage = os.path.join(ctx.workdir, "garbage.pem")
    with open(garbage, "w") as file:
        file.write("this is not a certificate\n")
    encrypted = os.path.join(ctx.workdir, "encrypted.key")
    subprocess.run(["openssl", "pkey", "-in", client[1], "-aes256", "-passout", "pass:secret", "-out", encrypted],
                   check=True, capture_output=True)
    der_certificate, der_key = os.path.join(ctx.workdir, "client.der"), os.path.join(ctx.workdir, "client-key.der")
    subprocess.run(["openssl", "x509", "-in", client[0], "-outform", "DER", "-out", der_certificate],
                   check=True, capture_output=True)
    subprocess.run(["openssl", "pkey", "-in", client[1], "-outform", "DER", "-out", der_key],
                   check=True, capture_output=True)
    url = ["--url", "wss://127.0.0.1:9/ocpp", "--headless", "--data-dir", os.path.join(ctx.workdir, "data")]
    for arguments, expected in [
        (["--ca-file", garbage], "no '-----BEGIN CERTIFICATE-----' block"),
        (["--client-cert", garbage, "--client-key", client[1]], "not a readable PEM certificate"),
        (["--client-cert", client[0], "--client-key", other[1]], "is not the key of the certificate"),
        (["--client-cert", client[0], "--client-key", encrypted], "the key is encrypted"),
        (["--client-cert", der_certificate, "--client-key", client[1]],
         f"is not PEM (binary DER?): convert it with openssl x509 -in {der_certificate} -inform DER -out"),
        (["--client-cert", client[0], "--client-key", der_key],
         f"is not PEM (binary DER?): convert it with openssl pkey -in {der_key} -inform DER -out"),
    ]:
        process = await asyncio.create_subprocess_exec(
            ctx.binary, *url, *arguments, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE)
        out, err = await asyncio.wait_for(process.communicate(b"quit\n"), 20)
        assert process.returncode == 2, f"{arguments}: exit status {process.returncode}, expected 2"
        first = err.decode().splitlines()[0]
        assert expected in first, f"{arguments}: the first line does not say why: {err!r}"
        assert "pass phrase" not in err.decode(), f"{arguments}: OpenSSL prompted: {err!r}"
    expired = pki.server_certificate(ctx.workdir, "expired-client", authority, dns=("CP_CONFORMANCE",), ip=False,
                                     expired=True)
    process = await asyncio.create_subprocess_exec(
        ctx.binary, *url, "--client-cert", expired[0], "--client-key", expired[1], stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(b"quit\n"), 20)
    assert process.returncode == 0, f"an expired --client-cert: exit status {process.returncode}: {err!r}"
    assert "--client-cert: CN=CP_CONFORMANCE expired at" in out.decode(), out.decode()[:2000]


def readme_blocks(after):
    """The ```bash (or ```sh) blocks of the README after the line that starts with `after`."""
    import re
    root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..")
    with open(os.path.join(root, "README.md"), encoding="utf-8") as file:
        text = file.read()
    section = text[text.index(after):]
    blocks = re.split(r"```(?:bash|sh)\n", section)[1:]
    return root, [block.split("```")[0] for block in blocks]


@case("readme_profile_3", octt="README Security profile 3, step by step (issue 11 Done when)", profiles=("default",),
      timeout=60)
async def readme_profile_3(ctx):
    """The README's profile 3 recipe, run as written: its openssl lines make the PKI, its
    `scripts/wss-central-system` requires the client certificate, its console line
    connects with it (on a free port, headless, in a data directory of the case's):
    SecurityProfile reads 3 and the central system saw the subject O/CN the recipe made."""
    import asyncio
    import socket
    import sys
    root, blocks = readme_blocks("Security profile 3, step by step")
    pki_lines, run_lines = blocks[0], blocks[1].strip().splitlines()
    work = os.path.join(ctx.workdir, "p3")
    os.makedirs(work)
    made = await asyncio.create_subprocess_exec("bash", "-euc", pki_lines, cwd=work,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await made.communicate()
    assert made.returncode == 0, output.decode(errors="replace")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    script = run_lines[0].rstrip(" &").split(" > ")[0].split()
    assert script[:2] == [".venv/bin/python", "scripts/wss-central-system"], script
    csms = await asyncio.create_subprocess_exec(
        sys.executable, os.path.join(root, script[1]), *script[2:], "--port", port, cwd=work,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        banner = await asyncio.wait_for(csms.stdout.readline(), 10)
        assert b"security profile 3" in banner, banner
        console = run_lines[1].split()
        assert console[0] == "ocpp-console", console
        arguments = [a.replace(":8443/", f":{port}/") for a in console[1:]]
        station = await asyncio.create_subprocess_exec(
            os.path.abspath(ctx.binary), *arguments, "--headless", "--data-dir", os.path.join(work, "data"), cwd=work,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await asyncio.wait_for(
            station.communicate(b"wait online 20s\nconfig get SecurityProfile\nquit\n"), 40)
        assert station.returncode == 0, f"exit status {station.returncode}: {err.decode(errors='replace')}"
        import json
        events = [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]
        keys = [k for e in events if e["type"] == "configuration" for k in e["keys"]]
        assert {"key": "SecurityProfile", "value": "3"}.items() <= keys[0].items(), keys
    finally:
        csms.terminate()
        seen, _ = await csms.communicate()
    assert b"OCD-000001 connected, client certificate organizationName=OCPP Console Demo, commonName=OCD-000001" \
        in seen, seen.decode(errors="replace")
