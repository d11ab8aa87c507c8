"""Observers never block the link (issue 9 §2): a headless standard output or a `--log`
file that nobody reads (a full pipe, a paused `| less`) does not slow the station's
answers to the central system; once read again, nothing below the queue's bound is
missing and everything is in order."""

import asyncio
import os
import time

from ..harness import case

CALLS = 500
DATA = "x" * 500  # ~1 KiB of output per CALL (the frame in, the echo out): 64 KiB of pipe fill in ~60 CALLs


async def answer_times(ctx):
    """Sends CALLS DataTransfer CALLs, one after the other, within 30 s; the seconds each
    took to be answered, stopping at the first one not answered within 5 s."""
    from ocpp.v16 import call

    times = []
    deadline = time.monotonic() + 30
    for number in range(CALLS):
        if time.monotonic() > deadline:
            break
        data = f"{number}:{DATA}"
        sent = time.monotonic()
        try:
            result = await ctx.csms.call(
                call.DataTransfer(vendor_id="ocpp-console", message_id="Echo", data=data), timeout=5)
        except AssertionError:
            break
        times.append(time.monotonic() - sent)
        assert result.status == "Accepted" and result.data == data, f"DataTransfer {number}: {result}"
    return times


def assert_prompt(times):
    """Every CALL answered, p99 under 100 ms (with a reader: p50 ~1 ms through the peer)."""
    assert len(times) == CALLS, f"answered {len(times)} of {CALLS} DataTransfer CALLs, then none within 5 s"
    ordered = sorted(times)
    p50, p99 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.99) - 1]
    assert p99 < 0.1, f"answers too slow: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"


def data_transfer_ids(ctx):
    """The message ids of the central system's DataTransfer CALLs, in the order sent."""
    return [f.message_id for f in ctx.csms.frames if f.sender == "csms" and f.action == "DataTransfer"]


@case("stalled_stdout", octt="issue 9 §2", profiles=["default"], timeout=90)
async def stalled_stdout(ctx):
    """Standard output is a pipe nobody reads: the 500 CALLs are answered as fast as with
    a reader. Read again, the stream shows every frame, in order, and no `dropped`."""
    await ctx.boot(read_stdout=False)
    times = await answer_times(ctx)
    await ctx.station.read_stdout()
    assert_prompt(times)
    ids = data_transfer_ids(ctx)
    await ctx.station.wait_event(lambda e: e["type"] == "frame" and e["dir"] == "in" and f'"{ids[-1]}"' in e["raw"],
                                 timeout=20, what="the last DataTransfer in the event stream")
    shown = [e["raw"] for e in ctx.station.events if e["type"] == "frame" and e["dir"] == "in"
             and '"DataTransfer"' in e["raw"]]
    assert [raw.split('"')[1] for raw in shown] == ids, "DataTransfer frames missing or out of order in the stream"
    assert not [e for e in ctx.station.events if e["type"] == "dropped"], "events dropped below the bound"


@case("stalled_log", octt="issue 9 §2", profiles=["default"], timeout=90)
async def stalled_log(ctx):
    """The `--log` file is a FIFO nobody reads: the 500 CALLs are answered as fast as
    without a log. Read again, the log holds every frame, in order, and `quit` exits 0."""
    fifo = os.path.join(ctx.workdir, "log.fifo")
    os.mkfifo(fifo)
    held = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader that does not read
    loop = asyncio.get_running_loop()
    log = asyncio.StreamReader(limit=2**20)
    try:
        await ctx.boot(extra_args=["--log", fifo])
        times = await answer_times(ctx)
    finally:
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(log), os.fdopen(held, "rb", 0))
    reading = loop.create_task(log.read())
    assert_prompt(times)
    code = await ctx.station.quit()
    assert code == 0, f"quit ended with exit status {code}"
    text = (await asyncio.wait_for(reading, 20)).decode(errors="replace")
    logged = [line.split("< ", 1)[1].split('"')[1] for line in text.splitlines()
              if "station: < [2," in line and '"DataTransfer"' in line]
    assert logged == data_transfer_ids(ctx), "DataTransfer frames missing or out of order in the log"
    assert "log records dropped" not in text, "log records dropped below the bound"
