"""What the fleet scale bench reads of the machine and of the station process (/proc)."""

import os
import resource

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU of a process."""
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def own_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def machine_busy_seconds():
    """CPU time every core spent busy since boot (all processes), and the core count."""
    with open("/proc/stat") as file:
        fields = [int(x) for x in file.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / TICK


def private_kib(pid):
    """Private memory (Private_Clean + Private_Dirty + Private_Hugetlb of smaps_rollup):
    what the process holds that no other one shares."""
    total = 0
    with open(f"/proc/{pid}/smaps_rollup") as file:
        for line in file:
            if line.startswith("Private_"):
                total += int(line.split()[1])
    return total


def field_kib(path, field):
    """A `Name:  value kB` field of a /proc file (status, meminfo); 0 when absent."""
    with open(path) as file:
        return next((int(line.split()[1]) for line in file if line.startswith(field + ":")), 0)


def status_kib(pid, field):
    return field_kib(f"/proc/{pid}/status", field)


def threads(pid):
    return status_kib(pid, "Threads")


def description():
    """One line: cores, CPU model, memory, kernel."""
    model = "unknown CPU"
    with open("/proc/cpuinfo") as file:
        for line in file:
            if line.startswith("model name"):
                model = " ".join(line.split(":", 1)[1].split())
                break
    memory = status_meminfo("MemTotal") // 1024 // 1024
    return f"{os.cpu_count()} cores ({model}), {memory} GiB, Linux {os.uname().release}"


def status_meminfo(field):
    return field_kib("/proc/meminfo", field)


def ephemeral_ports():
    with open("/proc/sys/net/ipv4/ip_local_port_range") as file:
        low, high = (int(x) for x in file.read().split())
    return high - low + 1


def raise_file_limit(wanted):
    """Raises this process's open-file limit (inherited by the station process) to
    `wanted` where allowed: the soft limit up to the hard one always, the hard one too
    with CAP_SYS_RESOURCE (root), up to fs.nr_open. Returns (limit in force, how)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    before = soft
    if wanted > hard:
        try:
            with open("/proc/sys/fs/nr_open") as file:
                ceiling = int(file.read())
            target = min(wanted, ceiling)
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, target))
        except (OSError, ValueError):
            pass
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        soft = hard
    how = "as found" if soft == before else f"raised by the bench from {before}"
    return soft, how
