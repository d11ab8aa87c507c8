"""The WebSocket link itself (OCPP-J 1.6 §3, §5, §7; security whitepaper §2): TLS with
a trusted, an untrusted and an ignored certificate; the subprotocol; refused
credentials; WebSocket pings detecting a central system that hangs."""

import os
import subprocess
import tempfile

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


@case("tls_trusted", octt="Security whitepaper §2.4 (profile 2)")
async def tls_trusted(ctx):
    """wss:// with the central system's certificate in --ca-file: connects and boots."""
    ctx.csms.certificate = certificate(ctx.workdir)
    await ctx.csms.start()
    await ctx.boot(extra_args=["--ca-file", ctx.csms.certificate[0]])
    assert not ctx.station.errors(), ctx.station.errors()


@case("tls_untrusted", octt="Security whitepaper §2.4")
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


@case("credentials_refused", octt="Security whitepaper §2.3")
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
