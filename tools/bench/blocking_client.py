"""The blocking client of tools/bench.sh for a host that pays ctypes' costs: N threads, each
with its own connection, write a SIZE-byte message and read until its echo is back (every
byte checked), through Python's socket module (plain) or the generated uringnet binding.
Prints one line like bench-load's: round trips/s, p50, mean and p99 latency and the whole process's
CPU time per round trip (calling threads and the runtime's threads).

Usage: blocking_client.py PORT THREADS SIZE SECONDS plain|uringnet|uringnet-ctypes
       (uringnet: through the C extension where it is built; uringnet-ctypes: through ctypes)
"""
import resource
import socket
import sys
import threading
import time


def main():
    port, threads, size, seconds, mode = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    if mode.startswith("uringnet"):
        if mode == "uringnet-ctypes":
            import os
            os.environ["URINGNET_NO_NATIVE"] = "1"
        import uringnet
        if uringnet.NATIVE != (mode == "uringnet"):
            sys.exit(f"blocking_client: {mode} wanted, but uringnet.NATIVE is {uringnet.NATIVE}")
        uringnet.Runtime.init()

        def connect():
            s = uringnet.TcpStream.connect(f"127.0.0.1:{port}", 5000)
            s.set_option(uringnet.SocketOption.NODELAY, 1)
            return s.write, s.read, s.close
    else:
        def connect():
            s = socket.create_connection(("127.0.0.1", port))
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return s.sendall, s.recv, s.close

    conns = [connect() for _ in range(threads)]
    lat = [[] for _ in range(threads)]
    bad = [0] * threads
    end = time.monotonic() + seconds

    def run(t):
        write, read, _ = conns[t]
        seq = 0
        while time.monotonic() < end:
            out = bytes(((t * 131 + seq * 31 + k) & 0xFF) for k in range(min(size, 256))) * (size // 256 or 1)
            out = out[:size]
            t0 = time.monotonic()
            write(out)
            got = b""
            while len(got) < size:
                chunk = read(size - len(got))
                if not chunk:
                    bad[t] += 1
                    return
                got += chunk
            lat[t].append((time.monotonic() - t0) * 1e6)
            if got != out:
                bad[t] += 1
            seq += 1

    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    start = time.monotonic()
    ts = [threading.Thread(target=run, args=(t,)) for t in range(threads)]
    for th in ts:
        th.start()
    for th in ts:
        th.join()
    elapsed = time.monotonic() - start
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    for _, _, close in conns:
        close()
    if mode.startswith("uringnet"):
        uringnet.Runtime.shutdown()
    all_lat = sorted(x for per in lat for x in per)
    if not all_lat:
        return 1
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    print(f"mode={mode} threads={threads} size={size} round_trips={len(all_lat)} rt_per_s={len(all_lat) / elapsed:.0f} "
          f"p50_us={all_lat[len(all_lat) // 2]:.1f} mean_us={sum(all_lat) / len(all_lat):.1f} "
          f"p99_us={all_lat[int(0.99 * (len(all_lat) - 1))]:.1f} "
          f"cpu_us_per_rt={cpu * 1e6 / len(all_lat):.3f} mismatches={sum(bad)}")
    return 0 if sum(bad) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
