"""One process per data directory, and an unusable data directory refused (issue 8;
README "Command line": exit status 2 with one line naming the directory; a second
console on the same directory is refused naming the process that holds it, and a
holder killed with SIGKILL never blocks the next start). Two consoles on one station's
database would both number their transactions from the same counter, and a restart
would lose one's sessions (OCPP 1.6 §4.8: the central system's transactionIds; §3.7:
nothing the station owes the central system may be lost)."""

import os

from ..harness import case
from ..station import Station
from .cli import run_binary


def contender(ctx, data_dir, environment=None):
    """Another console on the station of the case, not yet started."""
    station = Station(ctx.binary, profile=ctx.profile, url=ctx.csms.url, station_id=ctx.station_id,
                      data_dir=data_dir, environment=environment)
    ctx.stations.append(station)
    return station


async def refused(station):
    """Starts `station`, which must exit 2 with one line on standard error and nothing
    on standard output; the line."""
    await station.start()
    code = await station.wait_exit(15)
    lines = station.stderr.decode(errors="replace").splitlines()
    assert code == 2, f"the second console: exit status {code}, expected 2; stderr: {lines}"
    assert len(lines) == 1, f"not one line on standard error: {lines}"
    assert not station.raw_lines, f"wrote to standard output: {station.raw_lines[:3]}"
    return lines[0]


@case("data_dir_one_process", octt="README exit status; issue 8", profiles=["default"])
async def data_dir_one_process(ctx):
    """A second console on the same --data-dir exits 2 naming the directory and the
    first one's pid; the first keeps running, and the central system never saw a
    second connection."""
    await ctx.boot()
    line = await refused(contender(ctx, ctx.workdir))
    assert ctx.workdir in line and str(ctx.station.process.pid) in line, line
    snapshot = await ctx.station.snapshot()
    assert snapshot["connectors"][0]["status"] == "Available", snapshot["connectors"][0]
    assert ctx.csms.connections == 1, f"{ctx.csms.connections} connections"
    assert ctx.station.process.returncode is None, "the first console stopped"


@case("data_dir_default_one_process", octt="README --data-dir default; issue 8", profiles=["default"])
async def data_dir_default_one_process(ctx):
    """Without --data-dir, the same station id means the same directory
    ($XDG_DATA_HOME/ocpp-console/<id>): the second console is refused the same way."""
    home = os.path.join(ctx.workdir, "xdg")
    environment = {"XDG_DATA_HOME": home}
    await ctx.csms.start()
    first = contender(ctx, None, environment)
    ctx.station = first
    mark = ctx.csms.mark()
    await first.start()
    await ctx.csms.wait_call("BootNotification", after=mark)
    line = await refused(contender(ctx, None, environment))
    assert os.path.join(home, "ocpp-console", ctx.station_id) in line and str(first.process.pid) in line, line
    await first.snapshot()
    assert ctx.csms.connections == 1, f"{ctx.csms.connections} connections"


@case("data_dir_after_kill9", octt="README; issue 8; TC_032_2", profiles=["default"])
async def data_dir_after_kill9(ctx):
    """The holder killed with SIGKILL leaves its lock file behind, naming a dead pid:
    the next start succeeds all the same, and then holds the directory itself."""
    await ctx.boot()
    dead = ctx.station.process.pid
    await ctx.power_cut()
    await ctx.boot()
    assert ctx.station.process.pid != dead
    line = await refused(contender(ctx, ctx.workdir))
    assert f"pid {ctx.station.process.pid}" in line, line


@case("data_dir_unusable", octt="README exit status; issue 8", profiles=["default"])
async def data_dir_unusable(ctx):
    """A --data-dir that is a file, lies beneath a file, or holds a database that is not
    one: exit status 2 with one line naming it, nothing started (no connection)."""
    a_file = os.path.join(ctx.workdir, "a-file")
    with open(a_file, "w") as file:
        file.write("not a directory\n")
    not_a_database = os.path.join(ctx.workdir, "garbage")
    os.makedirs(not_a_database)
    with open(os.path.join(not_a_database, "station.sqlite"), "wb") as file:
        file.write(b"A" * 4096)
    await ctx.csms.start()
    for data_dir, named in [
        (a_file, a_file),
        (os.path.join(a_file, "station"), a_file),
        (not_a_database, os.path.join(not_a_database, "station.sqlite")),
    ]:
        code, out, err = await run_binary(
            ctx, "--headless", "--url", ctx.csms.url, "--id", ctx.station_id, "--data-dir", data_dir)
        lines = err.splitlines()
        assert code == 2, f"--data-dir {data_dir}: exit status {code}, expected 2; stderr: {lines}"
        assert len(lines) == 1 and named in lines[0], f"--data-dir {data_dir}: {lines}"
        assert not out, f"--data-dir {data_dir}: wrote to standard output: {out!r}"
    assert ctx.csms.connections == 0, "a refused console connected"
