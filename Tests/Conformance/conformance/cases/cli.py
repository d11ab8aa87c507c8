"""The command line and scripts (DESIGN.md "Command line", "Operator commands"): exit
status 2 with a one-line reason for bad input, `--script` run before standard input,
and a bad command answered by an error event that changes nothing."""

import asyncio
import json
import os

from ..csms import basic_auth
from ..harness import case, status_is
from ..station import Station


async def run_binary(ctx, *arguments):
    process = await asyncio.create_subprocess_exec(
        ctx.binary, *arguments, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 20)
    return process.returncode, out.decode(), err.decode()


@case("command_line_errors", octt="DESIGN.md exit status", profiles=["default"])
async def command_line_errors(ctx):
    bad_profile = os.path.join(ctx.workdir, "broken.toml")
    with open(bad_profile, "w") as file:
        file.write('[identity]\nvendor = "X"\n')
    for arguments, expected in [
        (["--bogus"], "--bogus"),
        (["--url", "http://example.com/ocpp", "--headless"], "ws://"),
        (["--station", "no-such-profile", "--headless"], "no-such-profile"),
        (["--station", bad_profile, "--headless"], "broken.toml"),
    ]:
        code, out, err = await run_binary(ctx, *arguments)
        assert code == 2, f"{arguments}: exit status {code}, expected 2"
        assert expected in err.splitlines()[0], f"{arguments}: the first line does not say why: {err!r}"
        assert not out, f"{arguments}: wrote to standard output: {out!r}"


@case("script_then_stdin", octt="DESIGN.md --script")
async def script_then_stdin(ctx):
    """The --script file runs first, in order; a bad line in it is an error event and
    the rest still runs; then standard input. The exit status says a line failed."""
    ctx.exit_status = 3
    script = os.path.join(ctx.workdir, "session.txt")
    swipe = "swipe VALID1 1" if len(ctx.connectors) > 1 else "swipe VALID1"
    with open(script, "w") as file:
        file.write(f"# a session from a script\nwait online 10s\nplug 1\nplgu 1\n{swipe}\n")
    mark = ctx.csms.mark()
    await ctx.boot(extra_args=["--script", script])
    await ctx.csms.wait_call("StartTransaction", after=mark)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Charging"), after=mark)
    errors = ctx.station.errors()
    assert len(errors) == 1 and "did you mean 'plug'" in errors[0], errors
    snapshot = await ctx.station.snapshot()
    assert snapshot["connectors"][0]["status"] == "Charging", snapshot


@case("script_errors_name_file_and_line", octt="README --script")
async def script_errors_name_file_and_line(ctx):
    """A bad line in the --script is an error naming the file and the line; a script
    that cannot be read is refused before anything starts (exit status 2)."""
    ctx.exit_status = 3
    script = os.path.join(ctx.workdir, "session.txt")
    with open(script, "w") as file:
        file.write("# one typo\nplgu 1\n")
    await ctx.boot(extra_args=["--script", script])
    await ctx.station.wait_event(lambda e: e["type"] == "error", what="the script's error")
    errors = ctx.station.errors()
    assert errors and errors[0].startswith(f"{script}:2: plgu 1: "), errors
    code, out, err = await run_binary(ctx, "--headless", "--script", os.path.join(ctx.workdir, "none.txt"))
    assert code == 2 and "none.txt" in err.splitlines()[0] and not out, (code, out, err)


@case("help_lists_profiles", octt="README Command line", profiles=["default"])
async def help_lists_profiles(ctx):
    """--help names the station profiles a technician can pick, and the new options."""
    code, out, err = await run_binary(ctx, "--help")
    assert code == 0, (code, err)
    assert "default, jst-con-03" in out, out
    for option in ("--password-file", "--ascii", "{id}"):
        assert option in out, f"--help does not mention {option}"


@case("password_sources", octt="README Command line (--password-file, OCPP_CONSOLE_PASSWORD)", profiles=["default"])
async def password_sources(ctx):
    """The Basic auth password from a file or the environment, never in ps; two sources
    or an unreadable file are refused (exit status 2) without the password; over ws://
    the station warns that the password crosses the network in clear."""
    secret = "file-secret-0123456789"
    password_file = os.path.join(ctx.workdir, "password")
    with open(password_file, "w") as file:
        file.write(secret + "\n")
    ctx.csms.password = secret
    await ctx.boot(extra_args=["--password-file", password_file])
    assert ctx.csms.authorization_headers[-1] == basic_auth(ctx.station_id, secret)
    await ctx.station.wait_event(lambda e: e["type"] == "error" and "plain ws://" in e["message"],
                                 what="the warning about Basic auth over ws://")
    await ctx.station.quit()
    assert not any(secret in line for line in ctx.station.raw_lines), "the password reached the events"
    for arguments, environment, expected in [
        (["--password", "a", "--password-file", password_file], {}, "--password and --password-file"),
        (["--password", "a"], {"OCPP_CONSOLE_PASSWORD": "b"}, "OCPP_CONSOLE_PASSWORD"),
        (["--password-file", os.path.join(ctx.workdir, "missing")], {}, "missing"),
    ]:
        process = await asyncio.create_subprocess_exec(
            ctx.binary, "--headless", *arguments, stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env={**os.environ, **environment})
        out, err = await asyncio.wait_for(process.communicate(), 20)
        first = err.decode().splitlines()[0]
        assert process.returncode == 2 and expected in first and not out, (arguments, process.returncode, err)
        assert secret not in err.decode(), "a refusal showed the password"
    ctx.csms.password = "env-secret-9876543210"
    ctx.station = Station(ctx.binary, profile=ctx.profile, url=ctx.csms.url, station_id=ctx.station_id,
                          data_dir=ctx.workdir, environment={"OCPP_CONSOLE_PASSWORD": "env-secret-9876543210"})
    ctx.stations.append(ctx.station)
    mark = ctx.csms.mark()
    await ctx.station.start()
    await ctx.csms.wait_call("BootNotification", after=mark)
    assert ctx.csms.authorization_headers[-1] == basic_auth(ctx.station_id, "env-secret-9876543210")


@case("url_template", octt="README --url {id}", profiles=["default"])
async def url_template(ctx):
    """`--url 'ws://host/ocpp/{id}/'`: the station connects with its identity where
    `{id}` is and the trailing slash kept (a central system that routes only so)."""
    await ctx.csms.start()
    ctx.csms.expected_station_id += "/"  # the path the central system expects: /ocpp/<id>/
    ctx.station = Station(ctx.binary, profile=ctx.profile, url=ctx.csms.url + "/{id}/",
                          station_id=ctx.station_id, data_dir=ctx.workdir)
    ctx.stations.append(ctx.station)
    mark = ctx.csms.mark()
    await ctx.station.start()
    await ctx.csms.wait_call("BootNotification", after=mark)
    assert not ctx.csms.violations, ctx.csms.violations


def result_of(command_id):
    return lambda e: e["type"] == "result" and e["id"] == command_id


@case("command_results", octt="issue 13: acknowledged commands", profiles=["default"])
async def command_results(ctx):
    """Every command line gets exactly one `result` after its own events and before the
    next command's: `@ID` lines and JSON objects on one stream, their line numbers, the
    answer of `status` as `data`, a refused command with its error; the run's exit
    status is then 3."""
    ctx.exit_status = 3
    await ctx.boot()
    mark = ctx.station.mark()
    for line in ["@a1 plug 1", '{"id":"a2","command":"status"}', "@a3 plug 9", "bogus 1", '{"id":7,"command":"help"}']:
        ctx.station.command(line, given_id=False)
    results = []
    for command_id in ["a1", "a2", "a3", None, "7"]:
        results.append(await ctx.station.wait_event(result_of(command_id), after=mark, what=f"result {command_id}"))
    a1, a2, a3, bogus, help_ = results
    assert a1["ok"] and a1["command"] == "plug 1" and a1["error"] is None and a1["data"] is None, a1
    assert a2["ok"] and a2["data"]["connectors"][0]["status"] == "Preparing", a2
    assert not a3["ok"] and "connector 9" in a3["error"], a3
    refusal = [e for e in ctx.station.events[mark:] if e["type"] == "error" and "connector 9" in e["message"]]
    assert refusal and refusal[0]["message"].startswith(f"stdin:{a3['line']}: plug 9: "), refusal
    assert not bogus["ok"] and bogus["command"] == "bogus 1" and "unknown command" in bogus["error"], bogus
    assert help_["ok"] and help_["command"] == "help", help_
    lines = [r["line"] for r in results]
    assert lines == sorted(lines) and len(set(lines)) == 5, lines
    events = ctx.station.events[mark:]
    index = events.index(a1)
    plugged = [i for i, e in enumerate(events) if e["type"] == "connector" and e.get("status") == "Preparing"]
    assert plugged and plugged[0] < index < events.index(a2), "a1's result is not between its effect and a2"
    assert sum(1 for e in events if e["type"] == "result") == 5, "one result per command line"


@case("strict_exit_statuses", octt="issue 13: --strict", profiles=["default"])
async def strict_exit_statuses(ctx):
    """--strict: the first failed command ends the run with exit status 3 after its
    `result` (nothing after it runs); a `wait online` that times out ends it with 4;
    without --strict the run goes on and ends with 3 (at the end of input, `quit` or a
    SIGTERM)."""
    import asyncio
    import json
    runs = iter(range(100))

    async def run(arguments, stdin):
        data = os.path.join(ctx.workdir, f"data-{next(runs)}")  # each run a station of its own
        base = ["--headless", "--url", "ws://127.0.0.1:9/ocpp", "--data-dir", data]
        process = await asyncio.create_subprocess_exec(
            ctx.binary, *base, *arguments, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE)
        out, _ = await asyncio.wait_for(process.communicate(stdin.encode()), 30)
        results = [e for e in map(json.loads, out.decode().splitlines()) if e["type"] == "result"]
        return process.returncode, results

    code, results = await run(["--strict"], "@1 plug 1\n@2 plug 9\n@3 plug 2\nquit\n")
    assert code == 3, code
    assert [r["id"] for r in results] == ["1", "2"] and not results[-1]["ok"], results
    code, results = await run(["--strict"], "@w wait online 1s\nplug 1\n")
    assert code == 4 and [r["id"] for r in results] == ["w"], (code, results)
    code, results = await run([], "@1 plug 9\n@2 plug 1\nquit\n")
    assert code == 3 and [r["ok"] for r in results] == [False, True, True], (code, results)
    code, results = await run([], "plug 1\nquit\n")
    assert code == 0, code
    # A SIGTERM ends the run like the end of input: 3 when a command failed before it.
    import signal
    data = os.path.join(ctx.workdir, "data-signalled")
    process = await asyncio.create_subprocess_exec(
        ctx.binary, "--headless", "--url", "ws://127.0.0.1:9/ocpp", "--data-dir", data,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    process.stdin.write(b"@1 plug 9\n")
    await process.stdin.drain()
    while True:
        line = await asyncio.wait_for(process.stdout.readline(), 10)
        assert line, "no result before the end of output"
        if json.loads(line)["type"] == "result":
            break
    process.send_signal(signal.SIGTERM)
    await process.communicate()
    assert process.returncode == 3, process.returncode


@case("wait_online_is_current", octt="issue 13: wait online after offline and reset", profiles=["default"])
async def wait_online_is_current(ctx):
    """`wait online` never answers from the state before the commands ahead of it: after
    `offline` it fails (the link is going down), after `reset soft` it waits for the
    reboot and the new BootNotification's acceptance."""
    ctx.exit_status = 3
    await ctx.boot()
    for line in ["@o offline", "@g wait online 1s", "@n online", "@w wait online 10s", "@r reset soft",
                 "@x wait online 20s"]:
        ctx.station.command(line)
    gone = await ctx.station.wait_event(result_of("g"), what="wait online after offline")
    assert not gone["ok"], gone
    back = await ctx.station.wait_event(result_of("w"), what="wait online after online")
    assert back["ok"], back
    mark = ctx.csms.mark()
    rebooted = await ctx.station.wait_event(result_of("x"), what="wait online after reset soft", timeout=25)
    assert rebooted["ok"], rebooted
    assert ctx.csms.calls("BootNotification", mark), "wait online answered before the reboot's BootNotification"


@case("probe_commands", octt="issue 13: probing the CSMS", profiles=["default"])
async def probe_commands(ctx):
    """heartbeat, boot, status-notify, meter and send put their CALL on the wire now;
    `send` with a payload that breaks the schema is refused with the reason and sends
    nothing; a CALLRESULT of `send` is shown."""
    ctx.exit_status = 3
    await ctx.boot()
    for line, action in [("@h heartbeat", "Heartbeat"), ("@b boot", "BootNotification"),
                         ("@s status-notify 1", "StatusNotification"), ("@m meter 1", "MeterValues"),
                         ("@d send DataTransfer '{\"vendorId\":\"probe\",\"data\":\"x\"}'", "DataTransfer")]:
        mark = ctx.csms.mark()
        ctx.station.command(line)
        result = await ctx.station.wait_event(result_of(line.split()[0][1:]), what=f"the result of {line}")
        assert result["ok"], result
        await ctx.csms.wait_call(action, after=mark)
    await ctx.station.wait_event(lambda e: e["type"] == "notice" and e["message"].startswith("DataTransfer answered"),
                                 what="the answer to send")
    mark = ctx.csms.mark()
    ctx.station.command('{"id":"x","command":"send","args":["Authorize","{\\"idTag\\": \\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\\"}"]}')
    refused = await ctx.station.wait_event(result_of("x"), what="the refused send")
    assert not refused["ok"] and "idTag" in refused["error"], refused
    ctx.station.command("@y send ChangeConfiguration '{\"key\":\"a\",\"value\":\"b\"}'")
    wrong = await ctx.station.wait_event(result_of("y"), what="a CSMS action refused")
    assert not wrong["ok"] and "central system" in wrong["error"], wrong
    await ctx.station.snapshot()
    assert not ctx.csms.calls("Authorize", after=mark), "an invalid payload was sent"


@case("send_answer_is_the_result", octt="issue 13: send and datatransfer acknowledged by their answer",
      profiles=["default"])
async def send_answer_is_the_result(ctx):
    """A `send` (and `datatransfer`) line's `result` comes once the central system
    answered, after the answer's frame and before the next line runs: its CALLRESULT
    payload is `data`; a CALLERROR fails it, and under --strict ends the run (exit 3)."""
    await ctx.boot(extra_args=["--strict"])
    ctx.station.command("@d send DataTransfer '{\"vendorId\":\"probe\",\"data\":\"x\"}'")
    ctx.station.command("@t datatransfer probe m1 y")
    answered = await ctx.station.wait_event(result_of("d"), what="the result of send")
    assert answered["ok"] and answered["data"] == {"action": "DataTransfer",
                                                   "payload": {"status": "Accepted", "data": "echo:x"}}, answered
    order = [e for e in ctx.station.events if e["type"] == "frame" and '"echo:x"' in e["raw"] or e is answered]
    assert order[0]["type"] == "frame" and order[-1] is answered, "the result came before the answer"
    transfer = await ctx.station.wait_event(result_of("t"), what="the result of datatransfer")
    assert transfer["ok"] and transfer["data"]["payload"]["data"] == "echo:y", transfer
    ctx.csms.data_transfer_failures = 1
    ctx.station.command("@e send DataTransfer '{\"vendorId\":\"probe\"}'")
    ctx.station.command("@after heartbeat")
    failed = await ctx.station.wait_event(result_of("e"), what="the result of a send answered by a CALLERROR")
    assert not failed["ok"] and "InternalError" in failed["error"], failed
    assert await ctx.station.wait_exit(10) == 3
    assert not [e for e in ctx.station.events if e["type"] == "result" and e["id"] == "after"], \
        "--strict ran the line after a send the central system refused"


@case("quit_stop", octt="issue 13: quit --stop, --stop-on-quit", profiles=["default"])
async def quit_stop(ctx):
    """`quit --stop` stops the running transaction (reason Local) and exits 0 only once
    the central system answered its StopTransaction; with --stop-on-quit the end of
    standard input does the same."""
    await ctx.boot()
    await ctx.start_session(connector=1)
    mark = ctx.csms.mark()
    ctx.station.command("@q quit --stop")
    await ctx.station.process.stdin.drain()
    assert await ctx.station.wait_exit(20) == 0
    stops = ctx.csms.calls("StopTransaction", mark)
    assert len(stops) == 1 and stops[0].payload["reason"] == "Local", stops
    # The StatusNotification that follows the stop was answered before the exit.
    finishing = [c for c in ctx.csms.calls("StatusNotification", mark) if c.payload["status"] == "Finishing"]
    assert finishing, "no StatusNotification Finishing after the stop"
    answered = [e for e in ctx.station.events if e["type"] == "frame" and e["dir"] == "in"
                and json.loads(e["raw"])[1] == finishing[-1].message_id]
    assert answered, "quit --stop exited before the answer to StatusNotification Finishing"
    # --stop-on-quit: the end of input stops the next session too.
    await ctx.boot(extra_args=["--stop-on-quit"])
    await ctx.start_session(connector=2)
    mark = ctx.csms.mark()
    ctx.station.process.stdin.close()
    assert await ctx.station.wait_exit(20) == 0
    stops = ctx.csms.calls("StopTransaction", mark)
    assert len(stops) == 1 and stops[0].payload["reason"] == "Local", stops


@case("recorded_session", octt="issue 13: --trace and --frame-log", profiles=["default"])
async def recorded_session(ctx):
    """--trace writes every frame as a record of the OCPP trace format 1.0, valid against
    docs/ocpp-trace-1.0.schema.json, results and errors with their CALL's action, secrets
    masked; --frame-log writes `TIMESTAMP [2,…]` lines, the frames exactly as on the wire."""
    import json
    import jsonschema
    trace = os.path.join(ctx.workdir, "session.trace.jsonl")
    frames = os.path.join(ctx.workdir, "session.frames.log")
    await ctx.boot(extra_args=["--trace", trace, "--frame-log", frames])
    from ocpp.v16 import call
    await ctx.csms.call(call.ChangeConfiguration(key="AuthorizationKey", value="0123456789abcdef0123456789abcdef"))
    # A05: the key, then SecurityProfile 1: the station reconnects with Basic auth.
    await ctx.csms.call(call.ChangeConfiguration(key="SecurityProfile", value="1"))
    await ctx.csms.wait_connected(2, timeout=15)
    ctx.station.command("wait online 10s")
    ctx.station.command("send Authorize '{\"idTag\":\"VALID1\"}'")
    await ctx.csms.wait_call("Authorize")
    await ctx.station.quit()
    schema_path = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "docs", "ocpp-trace-1.0.schema.json")
    schema = json.load(open(schema_path))
    records = [json.loads(line) for line in open(trace)]
    for record in records:
        jsonschema.validate(record, schema)
    kinds = {(r["direction"], r["messageType"], r["action"]) for r in records}
    assert ("cp-to-csms", "CALL", "BootNotification") in kinds, kinds
    assert ("csms-to-cp", "CALLRESULT", "BootNotification") in kinds, kinds
    assert ("csms-to-cp", "CALL", "ChangeConfiguration") in kinds and ("cp-to-csms", "CALLRESULT", "ChangeConfiguration") in kinds
    assert any(r.get("connectorId") == 1 and r["action"] == "StatusNotification" for r in records), records
    assert "0123456789abcdef" not in open(trace).read(), "a secret in the trace"
    lines = open(frames).read().splitlines()
    assert len(lines) == len(records), (len(lines), len(records))
    stamp, raw = lines[0].split(" ", 1)
    assert stamp.endswith("Z") and json.loads(raw)[0] == 2, lines[0]
    assert "0123456789abcdef" not in open(frames).read(), "a secret in the frame log"
    ctx.exit_status = 0


@case("replay_finds_a_changed_answer", octt="issue 13: ocpp-console replay", profiles=["default"])
async def replay_finds_a_changed_answer(ctx):
    """A session recorded with --trace, replayed against the same central system, finds
    no difference (exit 0); once the central system answers an Authorize otherwise, the
    replay names that line and both answers (exit 5)."""
    import asyncio
    trace = os.path.join(ctx.workdir, "session.trace.jsonl")
    await ctx.boot(extra_args=["--trace", trace])
    mark = ctx.csms.mark()
    ctx.station.command("send Authorize '{\"idTag\":\"VALID1\"}'")
    await ctx.csms.wait_call("Authorize", after=mark)
    await ctx.station.wait_event(lambda e: e["type"] == "notice" and e["message"].startswith("Authorize answered"),
                                 what="the Authorize answer")
    # A transaction too: the central system hands out a new id at each replay, which the
    # replay sends in the StopTransaction; and `quit --stop` leaves a last CALL unanswered.
    await ctx.start_session(connector=1)
    ctx.station.command("quit --stop")
    await ctx.station.process.stdin.drain()
    assert await ctx.station.wait_exit(20) == 0

    async def replay(*options):
        process = await asyncio.create_subprocess_exec(
            ctx.binary, "replay", trace, "--url", ctx.csms.url, *options, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE)
        ctx.foreign_connections.add(ctx.csms.connections + 1)  # the replay's, not the station's
        out, err = await asyncio.wait_for(process.communicate(), 60)
        return process.returncode, out.decode(), err.decode()

    starts = len(ctx.csms.calls("StartTransaction"))
    code, out, err = await replay("--timing", "original")
    assert code == 0 and "no difference" in out, (code, out, err)
    stops = ctx.csms.calls("StopTransaction")
    assert len(ctx.csms.calls("StartTransaction")) == starts + 1 and stops, "the session was not replayed"
    assert stops[-1].payload["transactionId"] == 1000 + starts + 1, stops[-1].payload
    ctx.csms.id_tags["VALID1"] = {"status": "Blocked"}
    code, out, err = await replay()
    assert code == 5, (code, out, err)
    changed = [line for line in out.splitlines() if "Authorize" in line]
    assert changed and "Blocked" in changed[0] and "Accepted" in changed[0], out


async def start_replay(ctx, trace, *options, url=None):
    """`ocpp-console replay TRACE --url URL OPTIONS…` started against the case's central
    system (or `url`); its connection is the replay's, not the station's."""
    ctx.foreign_connections.add(ctx.csms.connections + 1)
    return await asyncio.create_subprocess_exec(
        ctx.binary, "replay", trace, "--url", url or ctx.csms.url, *options, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def replay_ended(process, timeout=60):
    out, err = await asyncio.wait_for(process.communicate(), timeout)
    return process.returncode, out.decode(), err.decode()


def write_trace(ctx, name, records):
    """A trace written by hand: `records` are (direction, messageType, messageId, action,
    payload[, error]) of the case's station."""
    path = os.path.join(ctx.workdir, name)
    with open(path, "w") as file:
        for direction, kind, message_id, action, payload, *error in records:
            file.write(json.dumps({
                "schemaVersion": "1.0", "timestamp": "2026-11-30T08:00:00.000Z", "ocppVersion": "1.6",
                "transport": "websocket", "chargePointId": ctx.station_id, "direction": direction,
                "messageType": kind, "messageId": message_id, "action": action, "payload": payload,
                "error": error[0] if error else None}) + "\n")
    return path


def heartbeats(ctx, name, count=2):
    records = []
    for number in range(count):
        records += [("cp-to-csms", "CALL", f"h{number}", "Heartbeat", {}),
                    ("csms-to-cp", "CALLRESULT", f"h{number}", "Heartbeat", {"currentTime": "2026-11-30T08:00:00Z"})]
    return write_trace(ctx, name, records)


@case("recordings_keep_the_hosts_time", octt="issue 13: --trace and --frame-log timestamps", profiles=["default"])
async def recordings_keep_the_hosts_time(ctx):
    """A central system 90 s ahead sets the station's clock at boot; the trace and the
    frame log still time each frame by the host's clock, never going back, so a replay
    with --timing original takes about as long as the session did; and an answer names
    the connector of the CALL it answers."""
    import time
    from datetime import datetime

    def seconds(stamp):
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()

    ctx.csms.clock_skew_s = 90
    trace = os.path.join(ctx.workdir, "session.trace.jsonl")
    frames = os.path.join(ctx.workdir, "session.frames.log")
    began = time.time()
    await ctx.boot(extra_args=["--trace", trace, "--frame-log", frames])
    mark = ctx.csms.mark()
    ctx.station.command("heartbeat")
    await ctx.csms.wait_call("Heartbeat", after=mark)
    assert await ctx.station.quit() == 0
    ended = time.time()
    records = [json.loads(line) for line in open(trace)]
    for stamps, source in [([seconds(r["timestamp"]) for r in records], "trace"),
                           ([seconds(line.split(" ", 1)[0]) for line in open(frames)], "frame log")]:
        assert stamps == sorted(stamps), f"the {source} goes back in time: {stamps}"
        assert began - 1 <= stamps[0] and stamps[-1] <= ended + 1, \
            f"the {source} follows the station's clock, not the host's: {stamps[0] - began:.1f} s … {stamps[-1] - ended:.1f} s"
    answers = [r for r in records if r["messageType"] == "CALLRESULT" and r["action"] == "StatusNotification"]
    assert answers and all("connectorId" in r for r in answers), answers
    assert {r["connectorId"] for r in answers} == {0, 1, 2}, answers
    started = time.monotonic()
    code, out, err = await replay_ended(await start_replay(ctx, trace, "--timing", "original"), timeout=30)
    assert code == 0 and "no difference" in out, (code, out, err)
    assert time.monotonic() - started < ended - began + 5, "the replay waited for the central system's clock"


@case("recordings_in_a_new_data_directory", octt="issue 13: --trace, --frame-log", profiles=["default"])
async def recordings_in_a_new_data_directory(ctx):
    """A --trace inside a --data-dir that does not exist yet is opened once the directory
    is made; --trace and --frame-log naming one file are refused (exit status 2, one
    line); a trace that holds records is appended to, and a notice says so once."""
    data = os.path.join(ctx.workdir, "new")
    trace = os.path.join(data, "session.jsonl")
    base = ["--headless", "--url", "ws://127.0.0.1:9/ocpp", "--data-dir", data]
    code, out, err = await run_binary(ctx, *base, "--trace", trace)
    assert code == 0 and os.path.isfile(trace), (code, err)
    code, out, err = await run_binary(ctx, *base, "--trace", trace, "--frame-log", os.path.join(data, ".", "session.jsonl"))
    assert code == 2 and not out and len(err.splitlines()) <= 2 and "same file" in err.splitlines()[0], (code, out, err)
    with open(trace, "w") as file:
        file.write('{"an":"earlier record"}\n')
    code, out, err = await run_binary(ctx, *base, "--trace", trace)
    notices = [e["message"] for e in map(json.loads, out.splitlines()) if e["type"] == "notice"]
    appending = [n for n in notices if n.startswith("appending to the existing trace")]
    assert code == 0 and appending == [f"appending to the existing trace {trace}"], (code, notices, err)
    assert open(trace).read().startswith('{"an":"earlier record"}\n'), "the trace was truncated"


@case("replay_answers_the_central_systems_calls", octt="issue 13: ocpp-console replay", profiles=["default"])
async def replay_answers_the_central_systems_calls(ctx):
    """The central system's CALLs of the recording are waited for after the station's
    last CALL and answered as recorded — a CALLERROR with its code and description; a
    recorded one that never comes and one the recording does not hold are differences
    (exit status 5)."""
    from ocpp.v16 import call
    from ..csms import CallRefused
    trace = os.path.join(ctx.workdir, "session.trace.jsonl")
    await ctx.boot(extra_args=["--trace", trace])
    recorded = await ctx.csms.call(call.GetConfiguration(key=["HeartbeatInterval"]))
    mark = ctx.csms.mark()
    await ctx.csms.send_raw('[2,"unknown-1","Frobnicate",{}]', message_id="unknown-1")
    refusal = (await ctx.csms.wait_answer("unknown-1", after=mark)).json
    assert refusal[0] == 4, refusal
    mark = ctx.csms.mark()
    ctx.station.command("send Authorize '{\"idTag\":\"VALID1\"}'")
    await ctx.csms.wait_call("Authorize", after=mark)
    assert await ctx.station.quit() == 0

    async def replay_until_its_last_call(*options):
        mark = ctx.csms.mark()
        process = await start_replay(ctx, trace, *options)
        await ctx.csms.wait_call("Authorize", after=mark)
        await ctx.csms.wait_answer_to(ctx.csms.calls("Authorize", mark)[0])
        return process

    process = await replay_until_its_last_call()
    answer = await ctx.csms.call(call.GetConfiguration(key=["HeartbeatInterval"]))
    assert answer.configuration_key == recorded.configuration_key, (answer, recorded)
    mark = ctx.csms.mark()
    await ctx.csms.send_raw('[2,"unknown-2","Frobnicate",{}]', message_id="unknown-2")
    replayed = (await ctx.csms.wait_answer("unknown-2", after=mark)).json
    assert replayed[2:] == refusal[2:], f"the recorded CALLERROR {refusal} replayed as {replayed}"
    code, out, err = await replay_ended(process)
    assert code == 0 and "no difference" in out, (code, out, err)

    process = await replay_until_its_last_call("--timeout", "2")
    try:
        await ctx.csms.call(call.ClearCache())
        raise AssertionError("a CALL the recording does not hold was answered")
    except CallRefused as error:
        assert error.code == "NotImplemented", error
    await ctx.csms.send_raw('[2,"unknown-3","Frobnicate",{}]', message_id="unknown-3")
    code, out, err = await replay_ended(process)
    assert code == 5, (code, out, err)
    lines = out.splitlines()
    assert any("GetConfiguration" in line and "never came" in line for line in lines), out
    assert any("ClearCache" in line and "does not hold" in line for line in lines), out
    assert "2 differences" in lines[-1], out


@case("replay_exit_statuses", octt="issue 13: ocpp-console replay", profiles=["default"])
async def replay_exit_statuses(ctx):
    """replay's exit statuses: 2 on bad arguments or a file that is no trace (one line
    saying why), 1 when it cannot connect, and 1 when the central system closes the link
    before the end — saying so, with the reason, not as answers that never came."""
    from websockets.asyncio.server import serve
    trace = heartbeats(ctx, "heartbeats.jsonl")
    garbage = os.path.join(ctx.workdir, "garbage.jsonl")
    with open(garbage, "w") as file:
        file.write("not a record\n")
    url = "ws://127.0.0.1:9/ocpp"
    for arguments, expected in [
        (["replay", trace], "--url"),
        (["replay", trace, "--url", url, "--timeout", "0"], "--timeout"),
        (["replay", trace, "--url", "http://127.0.0.1:9/ocpp"], "ws://"),
        (["replay", garbage, "--url", url], "garbage.jsonl:1"),
        (["replay", os.path.join(ctx.workdir, "none.jsonl"), "--url", url], "none.jsonl"),
        (["replay", trace, "--url", "wss://127.0.0.1:9/ocpp", "--client-cert", trace], "--client-key"),
        (["replay", trace, "--url", url, "--ca-file", os.path.join(ctx.workdir, "none.pem")], "none.pem"),
    ]:
        code, out, err = await run_binary(ctx, *arguments)
        assert code == 2 and not out and expected in err.splitlines()[0], (arguments, code, out, err)
    code, out, err = await run_binary(ctx, "replay", trace, "--url", url)
    assert code == 1 and "cannot connect" in err, (code, out, err)

    async def answer_once_then_close(connection):
        message = json.loads(await connection.recv())
        await connection.send(json.dumps([3, message[1], {"currentTime": "2026-11-30T08:00:00Z"}]))
        await connection.close(1001, "maintenance for a test")

    async with serve(answer_once_then_close, "127.0.0.1", 0, subprotocols=["ocpp1.6"]) as server:
        port = server.sockets[0].getsockname()[1]
        code, out, err = await replay_ended(await start_replay(ctx, trace, url=f"ws://127.0.0.1:{port}/ocpp"), 30)
    assert code == 1, (code, out, err)
    assert "closed" in err and "maintenance for a test" in err and "no answer" not in out, (out, err)


@case("replay_over_tls", octt="issue 13: ocpp-console replay; security profiles 2 and 3", profiles=["default"])
async def replay_over_tls(ctx):
    """replay reaches a wss:// central system as the station does: on a private CA with
    --ca-file, --password-file and --client-cert/--client-key (without the CA it cannot
    connect: exit status 1); on a self-signed certificate with --insecure."""
    from .. import pki
    from .link import certificate
    authority = pki.authority("Replay CSMS Root")
    ca_file = pki.write_pem(ctx.workdir, "root.pem", authority[0])
    clients = pki.authority("Replay Client CA")
    client_cert, client_key = pki.server_certificate(ctx.workdir, "client", clients, dns=(ctx.station_id,), ip=False)
    ctx.csms.certificate = pki.server_certificate(ctx.workdir, "csms", authority)
    ctx.csms.client_ca = pki.write_pem(ctx.workdir, "clients.pem", clients[0])
    ctx.csms.password = "replay-secret-0123456789"
    password_file = os.path.join(ctx.workdir, "password")
    with open(password_file, "w") as file:
        file.write(ctx.csms.password + "\n")
    await ctx.csms.start()
    trace = heartbeats(ctx, "heartbeats.jsonl")
    client = ["--client-cert", client_cert, "--client-key", client_key, "--password-file", password_file]
    code, out, err = await replay_ended(await start_replay(ctx, trace, "--ca-file", ca_file, *client), 30)
    assert code == 0 and "no difference" in out, (code, out, err)
    assert ctx.csms.refused == 0, "the central system refused the replay's credentials"
    code, out, err = await replay_ended(await start_replay(ctx, trace, *client), 30)
    assert code == 1 and "cannot connect" in err, (code, out, err)
    await ctx.csms.stop()
    ctx.csms.certificate, ctx.csms.client_ca, ctx.csms.url = certificate(ctx.workdir), None, None
    await ctx.csms.start()
    code, out, err = await replay_ended(await start_replay(ctx, trace, "--insecure", "--password-file", password_file), 30)
    assert code == 0 and "no difference" in out, (code, out, err)
