"""Times a command N times (default 15) in a directory: median and least wall time, CPU time per run
and the peak RSS of the runs, read from the children's resource usage.

usage: python3 docs/speed/bench.py DIR COMMAND [ARG...]
"""
import os
import resource
import statistics
import subprocess
import sys
import time

runs = int(os.environ.get("RUNS", "15"))
cwd, cmd = sys.argv[1], sys.argv[2:]
ts = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, check=False)
    ts.append((time.perf_counter() - t) * 1000)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"median {statistics.median(ts):.1f} ms  min {min(ts):.1f} ms  "
      f"cpu/run {(ru.ru_utime + ru.ru_stime) * 1000 / runs:.1f} ms  peak RSS {ru.ru_maxrss / 1024:.1f} MB")
