"""Times whole processes in alternating runs (A B C A B C …) for the whole-process bench (Scripts/bench), so that a
drift in the shared machine's speed hits every command alike. Each command's output goes to /dev/null; `{n}` in a
command is replaced by the run's number (a fresh transcript path per run). Prints one JSON object: per command, the
wall seconds of every counted run, and per pair of the first command with each other, the ratio run by run.

Usage: python3 alternate.py RUNS WARMUP NAME=COMMAND [NAME=COMMAND …]   (COMMAND split as a shell splits words)
"""
import json, shlex, subprocess, sys, time

runs, warmup = int(sys.argv[1]), int(sys.argv[2])
commands = [(spec.split("=", 1)[0], spec.split("=", 1)[1]) for spec in sys.argv[3:]]
times = {name: [] for name, _ in commands}
for n in range(-warmup, runs):
    for name, command in commands:
        argv = shlex.split(command.replace("{n}", str(n + warmup)))
        t0 = time.perf_counter()
        status = subprocess.call(argv, stdout=subprocess.DEVNULL)
        t1 = time.perf_counter()
        if status != 0:
            sys.exit("%s exited with status %d: %s" % (name, status, command))
        if n >= 0:
            times[name].append(t1 - t0)
first = commands[0][0]
ratios = {name: [b / a for a, b in zip(times[first], times[name])] for name, _ in commands[1:]}
print(json.dumps({"seconds": times, "ratios_to_" + first: ratios}))
