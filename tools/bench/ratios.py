"""One row of tools/bench.sh's blocking-client table from the runs of one configuration.

stdin: lines "round=R mode=plain|uringnet ... rt_per_s=.. p50_us=.. mean_us=.. cpu_us_per_rt=.. mismatches=..",
one per client run, both modes in every round. Prints a markdown row: for throughput, CPU per
round trip, p50 and mean latency the ratio uringnet / plain within each round, as the median over
the rounds and its range, then each mode's median absolute figures.

Usage: ratios.py CLIENT THREADS SIZE < runs
"""
import statistics
import sys


def main():
    client, threads, size = sys.argv[1:4]
    rounds = {}
    for line in sys.stdin:
        fields = dict(kv.split("=", 1) for kv in line.split())
        rounds.setdefault(fields["round"], {})[fields["mode"]] = fields
    rounds = [r for r in rounds.values() if "plain" in r and "uringnet" in r]
    if not rounds:
        print(f"| {client} | {threads} | {size} | (no complete round) | | | | | | |")
        return 1

    def ratio(key):
        rs = sorted(float(r["uringnet"][key]) / float(r["plain"][key]) for r in rounds)
        return f"{statistics.median(rs):.2f}x [{rs[0]:.2f}-{rs[-1]:.2f}]"

    def med(mode, key):
        return statistics.median(float(r[mode][key]) for r in rounds)

    bad = sum(int(r[m]["mismatches"]) for r in rounds for m in ("plain", "uringnet"))
    message = f"{int(size) // 1024} KiB" if int(size) >= 1024 else f"{size} B"
    print(f"| {client} | {threads} | {message} | {ratio('rt_per_s')} | {ratio('cpu_us_per_rt')} | {ratio('p50_us')} | {ratio('mean_us')} | "
          f"{med('plain', 'rt_per_s'):.0f}, {med('plain', 'cpu_us_per_rt'):.1f} | "
          f"{med('uringnet', 'rt_per_s'):.0f}, {med('uringnet', 'cpu_us_per_rt'):.1f} | {bad} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
