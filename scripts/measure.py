#!/usr/bin/env python3
"""Runs a command once; prints its wall time in seconds and its peak memory in KiB.

Usage: scripts/measure.py STDERR_FILE COMMAND [ARGUMENT...]

The command's standard output is discarded and its standard error saved to STDERR_FILE; the
exit status is the command's. scripts/bench.sh uses it so that the benchmark needs nothing but
Python: peak memory is the child's own maximum resident set size, from wait4(2). Linux counts
in it the memory of the Python process the child was started from, so peaks below about 13 MB
read as that floor.
"""

import os
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 64
    stderr_file, command = sys.argv[1], sys.argv[2:]
    with open(stderr_file, "wb") as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux.
    print(f"{wall:.3f} {usage.ru_maxrss}")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
