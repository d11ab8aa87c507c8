"""The command line and scripts (DESIGN.md "Command line", "Operator commands"): exit
status 2 with a one-line reason for bad input, `--script` run before standard input,
and a bad command answered by an error event that changes nothing."""

import asyncio
import os

from ..harness import case, status_is


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
    the rest still runs; then standard input."""
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
