"""Rows of the interleaved benchmark tables: for each metric the ratio of two contenders within
each round, as the median over the rounds and its range, and each contender's median figures.

stdin: one line per run, "round=R <who>=<name> key=value ...", both contenders in every round
(rounds missing either, or a run that printed no figures, are left out).

  ratios.py CLIENT THREADS SIZE [A B] < runs
                                              tools/bench.sh's blocking-client row: who is mode=,
                                              A / B, by default uringnet / plain (throughput, CPU
                                              per round trip, p50 and mean latency)
  ratios.py compare BACKEND CONNECTIONS [A B] < runs
                                              tools/bench_compare.sh's row: who is who=, A / B,
                                              by default now / before (server CPU per message,
                                              messages/s); also tools/bench.sh's IoDriver row
"""
import statistics
import sys


def read_rounds(lines, who_key, a, b, needed):
    """The rounds in which both a and b printed the figure needed: [{a: fields, b: fields}]."""
    rounds = {}
    for line in lines:
        fields = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
        if "round" in fields and who_key in fields:
            rounds.setdefault(fields["round"], {})[fields[who_key]] = fields
    return [r for r in rounds.values() if all(w in r and needed in r[w] for w in (a, b))]


def ratio(rounds, key, a, b):
    """a / b within each round: median [range]."""
    rs = sorted(float(r[a][key]) / float(r[b][key]) for r in rounds)
    return f"{statistics.median(rs):.2f}x [{rs[0]:.2f}-{rs[-1]:.2f}]"


def med(rounds, who, key):
    return statistics.median(float(r[who][key]) for r in rounds)


def blocking_row(client, threads, size, a="uringnet", b="plain"):
    rounds = read_rounds(sys.stdin, "mode", a, b, "rt_per_s")
    if not rounds:
        print(f"| {client} | {threads} | {size} | (no complete round) | | | | | | |")
        return 1
    bad = sum(int(r[m]["mismatches"]) for r in rounds for m in (b, a))
    message = f"{int(size) // 1024} KiB" if int(size) >= 1024 else f"{size} B"
    cells = [ratio(rounds, key, a, b) for key in ("rt_per_s", "cpu_us_per_rt", "p50_us", "mean_us")]
    cells += [f"{med(rounds, who, 'rt_per_s'):.0f}, {med(rounds, who, 'cpu_us_per_rt'):.1f}" for who in (b, a)]
    print(f"| {client} | {threads} | {message} | {' | '.join(cells)} | {bad} |")
    return 0


def compare_row(backend, conns, a="now", b="before"):
    rounds = read_rounds(sys.stdin, "who", a, b, "msgs_per_s")
    if not rounds:
        print(f"| {backend} | {conns} | (no complete round) | | | | |")
        return 1
    cells = [ratio(rounds, key, a, b) for key in ("server_cpu_us_per_msg", "msgs_per_s")]
    cells += [f"{med(rounds, who, 'msgs_per_s'):.0f}, {med(rounds, who, 'server_cpu_us_per_msg'):.2f}" for who in (b, a)]
    cells.append(str(sum(int(r[w].get("mismatches", 0)) for r in rounds for w in (a, b))))
    print(f"| {backend} | {conns} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) in (4, 6) and sys.argv[1] == "compare":
        sys.exit(compare_row(*sys.argv[2:]))
    if len(sys.argv) in (4, 6):
        sys.exit(blocking_row(*sys.argv[1:]))
    sys.exit(__doc__)
