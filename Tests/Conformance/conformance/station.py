"""The station under test: the built `ocpp-console` binary in headless mode, driven by
operator commands on its standard input, observed through its JSON Lines events."""

import asyncio
import json
import os
import signal


_EVENT_SCHEMA = None


def event_stream_problem(event):
    """Why `event` is not what docs/events.schema.json (the README's headless events)
    says; None when it is. Every event of every case is checked (issue 13 §5)."""
    global _EVENT_SCHEMA
    import jsonschema
    if _EVENT_SCHEMA is None:
        path = os.path.join(os.path.dirname(__file__), "..", "..", "..", "docs", "events.schema.json")
        with open(path, encoding="utf-8") as file:
            _EVENT_SCHEMA = jsonschema.Draft7Validator(json.load(file))
    error = jsonschema.exceptions.best_match(_EVENT_SCHEMA.iter_errors(event))
    return None if error is None else error.message


class Station:
    def __init__(self, binary, *, profile, url, station_id, data_dir, extra_args=(), environment=None,
                 read_stdout=True):
        """`data_dir` None: no --data-dir, the console's default (under $XDG_DATA_HOME,
        which `environment` may set). `read_stdout` False: standard output is a pipe
        nobody reads (a stalled observer) until `read_stdout()`; no events arrive before.
        `url` None: `--demo`, the embedded central system."""
        self.binary = binary
        self.arguments = [
            "--headless", *(["--url", url] if url is not None else ["--demo"]), "--id", station_id,
            "--station", profile,
            *(["--data-dir", data_dir] if data_dir is not None else []), *extra_args,
        ]
        self.environment = environment or {}
        self.events = []
        self.raw_lines = []
        self.stderr = b""
        self.violations = []
        self.changed = asyncio.Condition()
        self.process = None
        self.readers = []
        self.stdout = None
        self.unread_stdout = None if read_stdout else os.pipe()
        # Issue 13 §1: every command line typed gets exactly one `result` with its id and
        # line. Lines without an id are given one (`@h<N>`); (id, line) as typed.
        self.typed = []
        self.lines_typed = 0
        self.quit_typed = False

    async def start(self):
        self.process = await asyncio.create_subprocess_exec(
            self.binary, *self.arguments,
            stdin=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            stdout=self.unread_stdout[1] if self.unread_stdout else asyncio.subprocess.PIPE,
            env={**os.environ, "NO_COLOR": "1", **self.environment},
        )
        self.readers = [asyncio.get_running_loop().create_task(self._read_stderr(self.process.stderr))]
        if self.unread_stdout:
            os.close(self.unread_stdout[1])
        else:
            self.stdout = self.process.stdout
            self.readers.append(asyncio.get_running_loop().create_task(self._read_events(self.stdout)))

    async def read_stdout(self):
        """Starts reading a standard output left unread (`read_stdout=False`)."""
        loop = asyncio.get_running_loop()
        self.stdout = asyncio.StreamReader(limit=2**16)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(self.stdout),
                                     os.fdopen(self.unread_stdout[0], "rb", 0))
        self.unread_stdout = None
        self.readers.append(loop.create_task(self._read_events(self.stdout)))

    async def _read_events(self, stream):
        while True:
            line = await stream.readline()
            if not line:
                break
            text = line.decode("utf-8", "replace").rstrip("\n")
            self.raw_lines.append(text)
            try:
                event = json.loads(text)
            except ValueError:
                self.violations.append(f"standard output line is not JSON: {text[:200]}")
                continue
            if not isinstance(event, dict) or "ts" not in event or "type" not in event:
                self.violations.append(f"event without ts and type: {text[:200]}")
                continue
            problem = event_stream_problem(event)
            if problem:
                self.violations.append(f"event not as docs/events.schema.json says ({problem}): {text[:200]}")
            self.events.append(event)
            async with self.changed:
                self.changed.notify_all()
        async with self.changed:
            self.changed.notify_all()

    async def _read_stderr(self, stream):
        self.stderr = await stream.read()

    def command(self, line, given_id=True):
        """Types one operator command, with an id of its own when it gave none (unless
        `given_id` is False: then its result's id is null)."""
        self.lines_typed += 1
        text = line.strip()
        command_id = None
        if text.startswith("@"):
            command_id = text[1:].split(None, 1)[0] if len(text) > 1 and not text[1].isspace() else None
        elif text.startswith("{"):
            try:
                given = json.loads(text).get("id")
                command_id = None if given is None else (json.dumps(given) if not isinstance(given, str) else given)
            except (ValueError, AttributeError):
                command_id = None
        elif text and not text.startswith("#"):
            command_id = f"h{self.lines_typed}" if given_id else None
            line = f"@{command_id} {line}" if given_id else line
            if not given_id:
                self.typed.append((None, self.lines_typed))
        if command_id is not None:
            self.typed.append((command_id, self.lines_typed))
        words = text.split()
        if "quit" in words[:2]:
            self.quit_typed = True
        self.process.stdin.write((line + "\n").encode())

    def result_problems(self):
        """Every line typed before a `quit` that ended the station got exactly one
        `result`, with its id and its line number (issue 13 §1). Not judged when the
        station ended otherwise (killed, --strict)."""
        if not self.quit_typed or self.process is None or self.process.returncode is None:
            return []
        results = [e for e in self.events if e["type"] == "result" and e.get("source") == "stdin"]
        problems = []
        for command_id, line in self.typed:
            matching = [r for r in results if r["id"] == command_id and r["line"] == line]
            if len(matching) != 1:
                problems.append(f"stdin line {line} (@{command_id}) got {len(matching)} result events, not 1")
        return problems

    def mark(self):
        return len(self.events)

    async def wait_event(self, where, after=0, timeout=10, what="event"):
        async def find():
            async with self.changed:
                while True:
                    for event in self.events[after:]:
                        if where(event):
                            return event
                    if self.process.returncode is not None and (self.stdout is None or self.stdout.at_eof()):
                        raise AssertionError(f"station exited ({self.process.returncode}) before {what}; "
                                             f"stderr: {self.stderr.decode(errors='replace')[-500:]}")
                    await self.changed.wait()

        try:
            return await asyncio.wait_for(find(), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"station: no {what} within {timeout} s") from None

    async def wait_status(self, connector, status, after=0, timeout=10, error_code=None):
        return await self.wait_event(
            lambda e: e["type"] == "connector" and e["connector"] == connector and e["status"] == status
            and (error_code is None or e["errorCode"] == error_code),
            after, timeout, f"connector {connector} {status}")

    async def answer(self, command, event_type, timeout=10):
        """Types `command` and waits for the event of `event_type` that answers it."""
        mark = self.mark()
        self.command(command)
        return await self.wait_event(lambda e: e["type"] == event_type, mark, timeout, event_type)

    async def snapshot(self, timeout=10):
        return await self.answer("status", "snapshot", timeout)

    async def certificates(self, timeout=10):
        """`certs`: the certificates event (README "Headless events")."""
        return await self.answer("certs", "certificates", timeout)

    def errors(self, after=0):
        return [e["message"] for e in self.events[after:] if e["type"] == "error"]

    def frames_out(self):
        return [e["raw"] for e in self.events if e["type"] == "frame" and e["dir"] == "out"]

    async def quit(self, timeout=15):
        """`quit`, then the exit status."""
        self.command("quit")
        await self.process.stdin.drain()
        return await self.wait_exit(timeout)

    async def kill9(self):
        """A power cut as the operating system sees it: SIGKILL, nothing flushed."""
        self.process.send_signal(signal.SIGKILL)
        return await self.wait_exit(10)

    async def wait_exit(self, timeout):
        try:
            code = await asyncio.wait_for(self.process.wait(), timeout)
        except asyncio.TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise AssertionError(f"station did not exit within {timeout} s") from None
        await asyncio.gather(*self.readers, return_exceptions=True)
        return code

    async def ensure_stopped(self):
        if self.process and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        if self.unread_stdout:
            os.close(self.unread_stdout[0])
            self.unread_stdout = None
        await asyncio.gather(*self.readers, return_exceptions=True)
