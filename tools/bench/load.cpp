// bench-load: the benchmark's load generator and helpers (plain sockets, so the client side is
// the same for every server).
//
//   bench-load echo PORT CONNECTIONS SIZE DEPTH SECONDS SERVER_PID
//       CONNECTIONS connections, DEPTH messages of SIZE bytes in flight on each, every echoed
//       byte checked; prints one line: messages, messages/s, p50/p99 latency (us), mismatches,
//       and the server process's CPU time per message (from /proc/SERVER_PID/stat).
//   bench-load idle PORT CONNECTIONS SERVER_PID
//       opens CONNECTIONS idle connections and prints the server's resident memory per
//       connection (from /proc/SERVER_PID/status, before and after).
//   bench-load blocking PORT THREADS SIZE SECONDS plain|uringnet|simple-packed|simple-words
//       THREADS threads, each with its own connection, write a SIZE-byte message and read
//       until its echo is back, with blocking calls: plain sockets, uringnet's blocking C
//       API, or the monoio_* functions Simple's std.net calls, with Simple's calling convention
//       (RuntimeValue arrays of tests/simple_standin: packed byte arrays over the client's own
//       buffers, so the client copies nothing the C client does not; or arrays of byte words,
//       which the client fills and reads out itself, as a program holding its data in them
//       would). Prints round trips/s, p50, mean and p99 latency and the whole process's CPU time per round
//       trip (calling threads and the runtime's threads), every byte checked.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <sys/time.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "bench_address.hpp"
#include "simple_standin.hpp"
#include "uringnet/uringnet.h"
#include "uringnet/uringnet_simple.h"

namespace {

using Clock = std::chrono::steady_clock;

int connect_to(int port, bool nonblocking) {
    sockaddr_storage ss;
    const socklen_t len = bench::sockaddr_of(port, ss);
    const int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (connect(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0) {
        std::perror("bench-load: connect");
        std::exit(1);
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (nonblocking) {
        const int flags = 1;
        ioctl(fd, FIONBIO, &flags);
    }
    return fd;
}

double cpu_seconds_of(int pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const size_t close = stat.rfind(')');
    std::vector<std::string> fields;
    size_t pos = close + 2;
    while (pos < stat.size()) {
        const size_t next = stat.find(' ', pos);
        fields.push_back(stat.substr(pos, next - pos));
        if (next == std::string::npos) {
            break;
        }
        pos = next + 1;
    }
    // fields[0] is the state (field 3); utime and stime are fields 14 and 15.
    const double ticks = std::stod(fields[11]) + std::stod(fields[12]);
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long rss_kib_of(int pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(f, line);) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

char pattern(uint64_t conn, uint64_t seq, size_t k) { return static_cast<char>((conn * 131 + seq * 31 + k) & 0xff); }

struct Conn {
    int fd;
    uint64_t id;
    uint64_t next_send = 0, next_recv = 0;
    std::string out;       // bytes still to send
    std::string in;        // bytes received, not yet a whole message
    std::deque<Clock::time_point> sent_at;
};

int run_echo(int port, int conns, size_t size, int depth, int seconds, int server_pid) {
    const int ep = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Conn> cs(static_cast<size_t>(conns));
    for (int i = 0; i < conns; ++i) {
        cs[i].fd = connect_to(port, true);
        cs[i].id = static_cast<uint64_t>(i);
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT | EPOLLET;
        ev.data.u32 = static_cast<uint32_t>(i);
        epoll_ctl(ep, EPOLL_CTL_ADD, cs[i].fd, &ev);
    }
    auto queue_message = [&](Conn &c) {
        for (size_t k = 0; k < size; ++k) {
            c.out.push_back(pattern(c.id, c.next_send, k));
        }
        ++c.next_send;
        c.sent_at.push_back(Clock::now());
    };
    auto flush = [&](Conn &c) {
        while (!c.out.empty()) {
            const ssize_t w = send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
            if (w <= 0) {
                return;
            }
            c.out.erase(0, static_cast<size_t>(w));
        }
    };
    std::vector<double> lat;
    lat.reserve(1 << 22);
    uint64_t messages = 0, mismatches = 0;
    const double cpu0 = cpu_seconds_of(server_pid);
    const auto start = Clock::now(), end = start + std::chrono::seconds(seconds);
    for (Conn &c : cs) {
        for (int d = 0; d < depth; ++d) {
            queue_message(c);
        }
        flush(c);
    }
    std::vector<char> buf(256 * 1024);
    epoll_event events[512];
    bool running = true;
    while (running) {
        const int n = epoll_wait(ep, events, 512, 100);
        const auto now = Clock::now();
        running = now < end;
        for (int e = 0; e < n; ++e) {
            Conn &c = cs[events[e].data.u32];
            if (events[e].events & EPOLLIN) {
                for (ssize_t r; (r = read(c.fd, buf.data(), buf.size())) > 0;) {
                    c.in.append(buf.data(), static_cast<size_t>(r));
                }
                size_t off = 0;
                while (c.in.size() - off >= size) {
                    for (size_t k = 0; k < size; ++k) {
                        if (c.in[off + k] != pattern(c.id, c.next_recv, k)) {
                            ++mismatches;
                            break;
                        }
                    }
                    lat.push_back(std::chrono::duration<double, std::micro>(now - c.sent_at.front()).count());
                    c.sent_at.pop_front();
                    ++c.next_recv;
                    ++messages;
                    off += size;
                    if (running) {
                        queue_message(c);
                    }
                }
                c.in.erase(0, off);
            }
            flush(c);
        }
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double cpu = cpu_seconds_of(server_pid) - cpu0;
    std::sort(lat.begin(), lat.end());
    auto pct = [&](double p) { return lat.empty() ? 0.0 : lat[static_cast<size_t>(p * static_cast<double>(lat.size() - 1))]; };
    std::printf("messages=%llu msgs_per_s=%.0f p50_us=%.1f p99_us=%.1f mismatches=%llu server_cpu_us_per_msg=%.3f\n",
                static_cast<unsigned long long>(messages), static_cast<double>(messages) / elapsed, pct(0.5), pct(0.99),
                static_cast<unsigned long long>(mismatches), messages ? cpu * 1e6 / static_cast<double>(messages) : 0.0);
    for (Conn &c : cs) {
        close(c.fd);
    }
    return mismatches == 0 && messages > 0 ? 0 : 1;
}

int run_idle(int port, int conns, int server_pid) {
    rlimit rl{};
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    const long before = rss_kib_of(server_pid);
    std::vector<int> fds;
    for (int i = 0; i < conns; ++i) {
        fds.push_back(connect_to(port, false));
    }
    // One round trip on the last connection: every earlier one has been accepted by then.
    char b = 'x';
    if (write(fds.back(), &b, 1) != 1 || read(fds.back(), &b, 1) != 1) {
        return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const long after = rss_kib_of(server_pid);
    std::printf("idle_connections=%d server_rss_before_kib=%ld server_rss_after_kib=%ld bytes_per_connection=%.0f\n",
                conns, before, after, static_cast<double>(after - before) * 1024.0 / conns);
    for (int fd : fds) {
        close(fd);
    }
    return 0;
}

// One connection per thread; each writes a message, then reads until its echo is back
// (every byte checked). Whole-process CPU (getrusage: calling threads and any runtime threads).
struct BlockingConn {
    virtual ~BlockingConn() = default;
    virtual bool write_all(const char *p, size_t n) = 0;
    virtual ssize_t read_some(char *p, size_t n) = 0;
};

struct PlainConn final : BlockingConn {
    int fd;
    explicit PlainConn(int port) : fd(connect_to(port, false)) {}
    ~PlainConn() override { close(fd); }
    bool write_all(const char *p, size_t n) override {
        for (size_t done = 0; done < n;) {
            const ssize_t w = send(fd, p + done, n - done, MSG_NOSIGNAL);
            if (w <= 0) {
                return false;
            }
            done += static_cast<size_t>(w);
        }
        return true;
    }
    ssize_t read_some(char *p, size_t n) override { return read(fd, p, n); }
};

struct UringnetConn final : BlockingConn {
    int64_t s;
    explicit UringnetConn(int port) {
        const std::string addr = bench::address_text(port);
        s = un_tcp_connect(addr.c_str(), 5000);
        // (reads and writes without a timeout, like the plain blocking sockets they are compared with)
        if (s < 0) {
            std::fprintf(stderr, "bench-load: un_tcp_connect: %s\n", un_error_name(s));
            std::exit(1);
        }
        un_socket_set_option(s, UN_SOCKET_OPTION_NODELAY, 1);
    }
    ~UringnetConn() override { un_tcp_close(s); }
    bool write_all(const char *p, size_t n) override { return un_tcp_write(s, p, static_cast<uint32_t>(n), -1) == static_cast<int64_t>(n); }
    ssize_t read_some(char *p, size_t n) override { return un_tcp_read(s, p, static_cast<uint32_t>(n), -1); }
};

// std.net's TcpStream: monoio_tcp_write and monoio_tcp_read (the handle's options: no timeout).
struct SimpleConn final : BlockingConn {
    int64_t s;
    bool packed;
    standin::rv out = standin::kNil, in = standin::kNil; // (word arrays, made once)
    SimpleConn(int port, bool packed_arrays, size_t size) : packed(packed_arrays) {
        const std::string addr = bench::address_text(port);
        s = monoio_tcp_connect(standin::make_text(addr));
        if (s < 0) {
            std::fprintf(stderr, "bench-load: monoio_tcp_connect: %s\n", un_error_name(s));
            std::exit(1);
        }
        monoio_tcp_set_nodelay(s, 1);
        if (!packed) {
            out = standin::make_array(standin::Layout::out_of_line, size);
            in = standin::make_array(standin::Layout::out_of_line, size);
        }
    }
    ~SimpleConn() override { monoio_tcp_close(s); }
    bool write_all(const char *p, size_t n) override {
        standin::PackedView view;
        auto *bytes = reinterpret_cast<uint8_t *>(const_cast<char *>(p));
        const standin::rv a = packed ? standin::packed_view(view, bytes, n, n) : out;
        if (!packed && !standin::fill_bytes(out, bytes, n)) {
            return false;
        }
        return monoio_tcp_write(s, a, static_cast<int64_t>(n)) == static_cast<int64_t>(n);
    }
    ssize_t read_some(char *p, size_t n) override {
        standin::PackedView view;
        auto *bytes = reinterpret_cast<uint8_t *>(p);
        const standin::rv a = packed ? standin::packed_view(view, bytes, n, 0) : in;
        const int64_t r = monoio_tcp_read(s, a, static_cast<int64_t>(n));
        if (r > 0 && !packed && !standin::copy_bytes(in, static_cast<size_t>(r), bytes)) {
            return -1;
        }
        return static_cast<ssize_t>(r);
    }
};

double seconds_of(const timeval &tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; }

/// The whole process's CPU time so far (seconds): user and system, and user alone.
struct CpuTimes {
    double total, user;
    static CpuTimes now() {
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        return {seconds_of(ru.ru_utime) + seconds_of(ru.ru_stime), seconds_of(ru.ru_utime)};
    }
};

int run_blocking(int port, int threads, size_t size, int seconds, const std::string &mode) {
    const bool plain = mode == "plain";
    if (!plain && un_runtime_init() != 0) {
        return 1;
    }
    std::vector<std::unique_ptr<BlockingConn>> conns;
    for (int t = 0; t < threads; ++t) {
        if (plain) {
            conns.push_back(std::make_unique<PlainConn>(port));
        } else if (mode == "uringnet") {
            conns.push_back(std::make_unique<UringnetConn>(port));
        } else if (mode == "simple-packed" || mode == "simple-words") {
            conns.push_back(std::make_unique<SimpleConn>(port, mode == "simple-packed", size));
        } else {
            std::fprintf(stderr, "bench-load: unknown blocking client '%s'\n", mode.c_str());
            return 2;
        }
    }
    std::vector<std::vector<double>> lat(static_cast<size_t>(threads));
    std::vector<uint64_t> bad(static_cast<size_t>(threads), 0);
    const CpuTimes cpu0 = CpuTimes::now();
    const auto start = Clock::now(), end = start + std::chrono::seconds(seconds);
    std::vector<std::thread> ts;
    for (int t = 0; t < threads; ++t) {
        ts.emplace_back([&, t] {
            BlockingConn &c = *conns[static_cast<size_t>(t)];
            std::string out(size, '\0'), in(size, '\0');
            for (uint64_t seq = 0; Clock::now() < end; ++seq) {
                for (size_t k = 0; k < size; ++k) {
                    out[k] = pattern(static_cast<uint64_t>(t), seq, k);
                }
                const auto t0 = Clock::now();
                if (!c.write_all(out.data(), size)) {
                    ++bad[static_cast<size_t>(t)];
                    return;
                }
                for (size_t got = 0; got < size;) {
                    const ssize_t r = c.read_some(in.data() + got, size - got);
                    if (r <= 0) {
                        ++bad[static_cast<size_t>(t)];
                        return;
                    }
                    got += static_cast<size_t>(r);
                }
                lat[static_cast<size_t>(t)].push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
                if (in != out) {
                    ++bad[static_cast<size_t>(t)];
                }
            }
        });
    }
    for (auto &t : ts) {
        t.join();
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const CpuTimes cpu1 = CpuTimes::now();
    const double cpu = cpu1.total - cpu0.total, user = cpu1.user - cpu0.user;
    std::vector<double> all;
    uint64_t mismatches = 0;
    for (int t = 0; t < threads; ++t) {
        all.insert(all.end(), lat[static_cast<size_t>(t)].begin(), lat[static_cast<size_t>(t)].end());
        mismatches += bad[static_cast<size_t>(t)];
    }
    conns.clear();
    if (!plain) {
        un_runtime_shutdown();
    }
    std::sort(all.begin(), all.end());
    if (all.empty()) {
        return 1;
    }
    const double mean = std::accumulate(all.begin(), all.end(), 0.0) / static_cast<double>(all.size());
    std::printf("mode=%s threads=%d size=%zu round_trips=%zu rt_per_s=%.0f p50_us=%.1f mean_us=%.1f p99_us=%.1f cpu_us_per_rt=%.3f "
                "user_us_per_rt=%.3f mismatches=%llu\n",
                mode.c_str(), threads, size, all.size(), static_cast<double>(all.size()) / elapsed, all[all.size() / 2], mean,
                all[static_cast<size_t>(0.99 * static_cast<double>(all.size() - 1))], cpu * 1e6 / static_cast<double>(all.size()),
                user * 1e6 / static_cast<double>(all.size()), static_cast<unsigned long long>(mismatches));
    return mismatches == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "echo" && argc == 8) {
        return run_echo(std::atoi(argv[2]), std::atoi(argv[3]), static_cast<size_t>(std::atoi(argv[4])), std::atoi(argv[5]),
                        std::atoi(argv[6]), std::atoi(argv[7]));
    }
    if (mode == "idle" && argc == 5) {
        return run_idle(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]));
    }
    if (mode == "blocking" && argc == 7) {
        return run_blocking(std::atoi(argv[2]), std::atoi(argv[3]), static_cast<size_t>(std::atoi(argv[4])), std::atoi(argv[5]), argv[6]);
    }
    std::fprintf(stderr, "usage: bench-load echo PORT CONNECTIONS SIZE DEPTH SECONDS SERVER_PID\n"
                         "       bench-load idle PORT CONNECTIONS SERVER_PID\n"
                         "       bench-load blocking PORT THREADS SIZE SECONDS plain|uringnet|simple-packed|simple-words\n");
    return 2;
}
