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
//   bench-load pingpong PORT SECONDS plain|uringnet
//       one connection, one 128-byte message at a time, with blocking calls: plain sockets
//       or uringnet's blocking API. Prints p50/p99 round-trip latency.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "uringnet/uringnet.h"

namespace {

using Clock = std::chrono::steady_clock;

int connect_to(int port, bool nonblocking) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(static_cast<uint16_t>(port));
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
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

int run_pingpong(int port, int seconds, const std::string &mode) {
    std::vector<double> lat;
    char out[128], in[128];
    std::memset(out, 'p', sizeof out);
    const auto end = Clock::now() + std::chrono::seconds(seconds);
    if (mode == "plain") {
        const int fd = connect_to(port, false);
        while (Clock::now() < end) {
            const auto t0 = Clock::now();
            if (send(fd, out, sizeof out, MSG_NOSIGNAL) != sizeof out) {
                return 1;
            }
            for (size_t got = 0; got < sizeof in;) {
                const ssize_t r = read(fd, in + got, sizeof in - got);
                if (r <= 0) {
                    return 1;
                }
                got += static_cast<size_t>(r);
            }
            lat.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        }
        close(fd);
    } else {
        if (un_runtime_init() != 0) {
            return 1;
        }
        const std::string addr = "127.0.0.1:" + std::to_string(port);
        const int64_t s = un_tcp_connect(addr.c_str(), 5000);
        un_socket_set_option(s, UN_SOCKET_OPTION_NODELAY, 1);
        while (Clock::now() < end) {
            const auto t0 = Clock::now();
            if (un_tcp_write(s, out, sizeof out, 5000) != sizeof out) {
                return 1;
            }
            for (size_t got = 0; got < sizeof in;) {
                const int64_t r = un_tcp_read(s, in + got, static_cast<uint32_t>(sizeof in - got), 5000);
                if (r <= 0) {
                    return 1;
                }
                got += static_cast<size_t>(r);
            }
            lat.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        }
        un_tcp_close(s);
        un_runtime_shutdown();
    }
    std::sort(lat.begin(), lat.end());
    std::printf("mode=%s round_trips=%zu p50_us=%.1f p99_us=%.1f\n", mode.c_str(), lat.size(),
                lat[lat.size() / 2], lat[static_cast<size_t>(0.99 * static_cast<double>(lat.size() - 1))]);
    return 0;
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
    if (mode == "pingpong" && argc == 5) {
        return run_pingpong(std::atoi(argv[2]), std::atoi(argv[3]), argv[4]);
    }
    std::fprintf(stderr, "usage: bench-load echo PORT CONNECTIONS SIZE DEPTH SECONDS SERVER_PID\n"
                         "       bench-load idle PORT CONNECTIONS SERVER_PID\n"
                         "       bench-load pingpong PORT SECONDS plain|uringnet\n");
    return 2;
}
