"""A process's own peak memory, for children that `bench.scale` launches (no imports to pay).

`ru_maxrss` from `wait4` cannot be used for a child: Linux carries the parent's resident size
into a forked child's maximum, so a small CLI run from a big bench process looks big. Each child
prints `PEAK <KiB>` on stderr as it ends instead.
"""

from __future__ import annotations

PEAK = "peak-rss-kib"


def peak_rss_kib() -> int:
    """This process's peak resident set (VmHWM from /proc), KiB; ru_maxrss without /proc."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
