"""The table the fleet scale bench prints."""

import machine

GOAL_KIB = 100
QUIET_CORES = 0.2  # other processes' load under which a window counts as quiet


def number(value):
    return f"{value:,}"


def ms(value):
    return "lost" if value == float("inf") else f"{value:.1f}"


def load_note(result):
    cores = result["other_cores"]
    return f"{cores:.2f} cores busy elsewhere" + ("" if cores < QUIET_CORES else ": MEASURED UNDER LOAD")


def largest(runs, stopped):
    passed = [r["size"] for r in runs if "failure" not in r and r["lost"] == 0 and r["p99_ms"] < 1000]
    failed = [r for r in runs if r["size"] not in passed]
    if not passed:
        return f"none measured ({stopped})"
    best = max(passed)
    if failed:
        worst = min(failed, key=lambda r: r["size"])
        return f"{number(best)} ({number(worst['size'])} did not: {stopped})"
    return f"at least {number(best)} (the search stopped at the {stopped})"


def print_report(options, behaviour, files, how, runs, base, main, per_station, stopped):
    print()
    print("Fleet scale: ocpp-console --fleet (release build) against the bench central system on 127.0.0.1")
    print(f"machine: {machine.description()}")
    print(f"stations: {behaviour}; --ramp {options.ramp}; open-file limit {number(files)} ({how})")
    print()
    if "failure" in main:
        print(f"the main run of {number(main['size'])} stations failed: {main['failure']}")
        return
    size = number(main["size"])
    split = "" if main["processes"] == 1 else \
        f" as {main['processes']} processes (--shard k/{main['processes']}: the open-file limit)"
    rows = [
        (f"boot {size} stations{split}", f"{main['boot_s']:.1f} s to every BootNotification answered "
                                  f"(the ramp alone: {main['size'] / options.ramp:.1f} s); "
                                  f"{main['boot_cpu_s']:.1f} s of CPU"),
    ]
    if per_station is not None:
        verdict = "met" if per_station <= GOAL_KIB else "MISSED"
        rows.append(("private memory per added station",
                     f"{per_station:.0f} KiB ({number(base['size'])} → {size} stations: "
                     f"{base['private_kib'] // 1024} → {main['private_kib'] // 1024} MiB); "
                     f"goal ≤ {GOAL_KIB} KiB: {verdict}"))
    window = f"{size} stations, {options.window:.0f} s"
    rows += [
        (f"CPU at steady state ({window})",
         f"{main['cpu_pct']:.1f} % of one core ({main['calls_per_s']:.0f} station CALLs/s; "
         f"{options.probes} probes/s) — {load_note(main)}"),
        (f"CSMS-observed reply latency ({window})",
         f"p50 {ms(main['p50_ms'])} ms, p99 {ms(main['p99_ms'])} ms ({number(main['probes'])} probes; "
         f"the CSMS's own loop lag p99 {main['lag_p99_ms']:.1f} ms)"),
        ("largest fleet with p99 < 1 s", largest(runs, stopped)),
    ]
    width = max(len(label) for label, _ in rows)
    print(f"| {'figure':<{width}} | value")
    print(f"|{'-' * (width + 2)}|------")
    for label, value in rows:
        print(f"| {label:<{width}} | {value}")
    print()
    print("| stations | processes | booted in s | private MiB | KiB/station | CPU % | p50 ms | p99 ms | CSMS CPU % | other load |")
    print("|---------:|----------:|------------:|------------:|------------:|------:|-------:|-------:|-----------:|------------|")
    for r in sorted(runs, key=lambda r: r["size"]):
        if "failure" in r:
            print(f"| {r['size']:>8,} | {r['failure']}")
            continue
        print(f"| {r['size']:>8,} | {r['processes']:>9} | {r['boot_s']:>11.1f} | {r['private_kib'] / 1024:>11.0f} | "
              f"{r['private_kib'] / r['size']:>11.0f} | {r['cpu_pct']:>5.1f} | {ms(r['p50_ms']):>6} | "
              f"{ms(r['p99_ms']):>6} | {r['csms_cpu_pct']:>10.1f} | {load_note(r)} |")
