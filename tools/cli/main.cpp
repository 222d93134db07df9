// uringnet: a command-line tool on the public C API.
//
//   uringnet echo-server ADDR      echo every connection (a thread each)
//   uringnet connect ADDR          stdin to the socket, the socket to stdout (like netcat)
//   uringnet udp-send ADDR [TEXT]  send TEXT (or stdin) as one datagram
//   uringnet udp-recv ADDR         print every datagram with its sender
//   uringnet bench                 drive an echo load and show live statistics
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "uringnet/uringnet.h"

namespace {

std::atomic<bool> g_stop{false};

void on_signal(int) { g_stop.store(true); }

struct Usage {
    const char *name;
    const char *synopsis;
    const char *text;
};

const Usage kCommands[] = {
    {"echo-server", "echo-server ADDR [--max-connections N]",
     "Listen on ADDR (\"127.0.0.1:7000\", \"[::1]:0\") and echo every connection until\n"
     "interrupted, or until N connections have finished. Prints the address it listens on."},
    {"connect", "connect ADDR [--timeout-ms T]",
     "Connect to ADDR; copy stdin to the socket (shutting down the write side at end of\n"
     "input) and the socket to stdout until the peer closes."},
    {"udp-send", "udp-send ADDR [TEXT] [--count N]",
     "Send TEXT (or all of stdin) as one datagram to ADDR, N times (default 1)."},
    {"udp-recv", "udp-recv ADDR [--count N] [--timeout-ms T]",
     "Bind ADDR and print each datagram as \"SENDER: DATA\"; stop after N datagrams or when\n"
     "none arrives for T ms (default: never)."},
    {"bench", "bench [--addr ADDR] [--connections N] [--size BYTES] [--duration S] [--backend B]",
     "Ping-pong echo load over N connections (default 16) with BYTES-byte messages (128)\n"
     "for S seconds (5), against ADDR or an echo server started in this process. Every\n"
     "echoed byte is checked. Prints progress and the runtime's statistics every second,\n"
     "then messages/s, p50/p99 latency and CPU time per message."},
};

int usage(FILE *out, const char *command = nullptr) {
    if (command != nullptr) {
        for (const Usage &u : kCommands) {
            if (std::strcmp(u.name, command) == 0) {
                std::fprintf(out, "usage: uringnet %s\n\n%s\n", u.synopsis, u.text);
                return out == stdout ? 0 : 2;
            }
        }
    }
    std::fprintf(out, "usage: uringnet COMMAND [ARGS]   (uringnet COMMAND --help for more)\n\ncommands:\n");
    for (const Usage &u : kCommands) {
        std::fprintf(out, "  %s\n", u.synopsis);
    }
    std::fprintf(out, "\nuringnet %s: networking on io_uring (epoll where it is refused).\n", un_version());
    return out == stdout ? 0 : 2;
}

int fail(const char *what, int64_t code) {
    std::fprintf(stderr, "uringnet: %s: %s (%s, %lld)\n", what, un_strerror(code), un_error_name(code),
                 static_cast<long long>(code));
    return 1;
}

// Arguments: positionals plus --name value options, checked against what a command takes.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::string error;

    Args(int argc, char **argv, std::initializer_list<const char *> known) {
        for (int i = 0; i < argc; ++i) {
            std::string a = argv[i];
            if (a == "--help" || a == "-h") {
                options["help"] = "1";
            } else if (a.rfind("--", 0) == 0) {
                const std::string name = a.substr(2);
                if (std::find_if(known.begin(), known.end(), [&](const char *k) { return name == k; }) == known.end()) {
                    error = "unknown option " + a;
                } else if (i + 1 >= argc) {
                    error = "option " + a + " needs a value";
                } else {
                    options[name] = argv[++i];
                }
            } else {
                positional.push_back(a);
            }
        }
    }
    bool has(const char *n) const { return options.count(n) != 0; }
    // A whole number option within [lo, hi]; sets error when it is not one.
    long long number(const char *n, long long def, long long lo, long long hi) {
        if (!has(n)) {
            return def;
        }
        char *end = nullptr;
        const long long v = std::strtoll(options[n].c_str(), &end, 10);
        if (end == options[n].c_str() || *end != '\0' || v < lo || v > hi) {
            error = "--" + std::string(n) + " takes a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi);
            return def;
        }
        return v;
    }
};

int bad_args(const char *command, const std::string &why) {
    std::fprintf(stderr, "uringnet %s: %s\n", command, why.c_str());
    usage(stderr, command);
    return 2;
}

std::string local_addr(int64_t h) {
    char buf[128] = {}; // (a Unix address takes up to 116)
    un_socket_local_addr(h, buf, sizeof buf);
    return buf;
}

// Runtime for one command: started here, shut down on every way out.
struct RuntimeScope {
    int64_t rc;
    explicit RuntimeScope(const char *backend = nullptr) {
        if (backend != nullptr) {
            const std::string b = backend;
            un_runtime_configure_backend(b == "epoll" ? UN_BACKEND_EPOLL : b == "io_uring" ? UN_BACKEND_IO_URING : UN_BACKEND_AUTO);
        }
        rc = un_runtime_init();
    }
    ~RuntimeScope() {
        if (rc == 0) {
            un_runtime_shutdown();
        }
    }
};

void echo_connection(int64_t s) {
    std::vector<char> buf(65536);
    for (;;) {
        const int64_t n = un_tcp_read(s, buf.data(), static_cast<uint32_t>(buf.size()), -1);
        if (n <= 0 || un_tcp_write(s, buf.data(), static_cast<uint32_t>(n), -1) != n) {
            break;
        }
    }
    un_tcp_close(s);
}

int cmd_echo_server(int argc, char **argv) {
    Args a(argc, argv, {"max-connections"});
    const long long max = a.number("max-connections", 0, 1, 1000000);
    if (a.has("help")) {
        return usage(stdout, "echo-server");
    }
    if (!a.error.empty() || a.positional.size() != 1) {
        return bad_args("echo-server", a.error.empty() ? "needs exactly one ADDR" : a.error);
    }
    RuntimeScope rt;
    if (rt.rc != 0) {
        return fail("runtime_init", rt.rc);
    }
    const int64_t l = un_tcp_listen(a.positional[0].c_str(), 0, 0);
    if (l < 0) {
        return fail(("listen on " + a.positional[0]).c_str(), l);
    }
    std::printf("listening on %s\n", local_addr(l).c_str());
    std::fflush(stdout);
    std::vector<std::thread> workers;
    long long accepted = 0;
    while (!g_stop.load() && (max == 0 || accepted < max)) {
        const int64_t s = un_tcp_accept(l, 200); // wake up now and then to see a signal
        if (s == UN_ERR_TIMED_OUT) {
            continue;
        }
        if (s < 0) {
            return fail("accept", s);
        }
        ++accepted;
        workers.emplace_back(echo_connection, s);
    }
    for (auto &w : workers) {
        w.join();
    }
    un_tcp_listener_close(l);
    std::printf("echo-server: %lld connections served\n", accepted);
    return 0;
}

int cmd_connect(int argc, char **argv) {
    Args a(argc, argv, {"timeout-ms"});
    const long long timeout = a.number("timeout-ms", 10000, 0, 86400000);
    if (a.has("help")) {
        return usage(stdout, "connect");
    }
    if (!a.error.empty() || a.positional.size() != 1) {
        return bad_args("connect", a.error.empty() ? "needs exactly one ADDR" : a.error);
    }
    RuntimeScope rt;
    if (rt.rc != 0) {
        return fail("runtime_init", rt.rc);
    }
    const int64_t s = un_tcp_connect(a.positional[0].c_str(), timeout);
    if (s < 0) {
        return fail(("connect to " + a.positional[0]).c_str(), s);
    }
    std::atomic<int64_t> send_error{0};
    std::atomic<bool> input_done{false};
    std::thread sender([&, s] {
        char buf[65536];
        for (ssize_t n; (n = read(STDIN_FILENO, buf, sizeof buf)) > 0;) {
            const int64_t w = un_tcp_write(s, buf, static_cast<uint32_t>(n), -1);
            if (w < 0) {
                send_error = w;
                return;
            }
        }
        un_tcp_shutdown(s, UN_SHUTDOWN_HOW_WRITE); // end of input: the peer reads end of stream
        input_done = true;
    });
    char buf[65536];
    int64_t n;
    while ((n = un_tcp_read(s, buf, sizeof buf, -1)) > 0) {
        if (fwrite(buf, 1, static_cast<size_t>(n), stdout) != static_cast<size_t>(n)) {
            break;
        }
        std::fflush(stdout);
    }
    un_tcp_close(s); // releases the sender if it is writing
    if (input_done.load() || send_error.load() < 0) {
        sender.join();
    } else {
        sender.detach(); // still waiting for stdin: the peer is gone, so do not wait for it
    }
    if (n < 0 && n != UN_ERR_CANCELED) {
        return fail("read", n);
    }
    const int64_t err = send_error.load();
    return err < 0 && err != UN_ERR_CANCELED && err != UN_ERR_CLOSED ? fail("write", err) : 0;
}

int cmd_udp_send(int argc, char **argv) {
    Args a(argc, argv, {"count"});
    const long long count = a.number("count", 1, 1, 1000000);
    if (a.has("help")) {
        return usage(stdout, "udp-send");
    }
    if (!a.error.empty() || a.positional.empty() || a.positional.size() > 2) {
        return bad_args("udp-send", a.error.empty() ? "needs ADDR and at most one TEXT" : a.error);
    }
    std::string data;
    if (a.positional.size() == 2) {
        data = a.positional[1];
    } else {
        char buf[65536];
        for (ssize_t n; (n = read(STDIN_FILENO, buf, sizeof buf)) > 0;) {
            data.append(buf, static_cast<size_t>(n));
        }
    }
    RuntimeScope rt;
    if (rt.rc != 0) {
        return fail("runtime_init", rt.rc);
    }
    const std::string &to = a.positional[0];
    const int64_t s = un_udp_bind(to.rfind('[', 0) == 0 ? "[::]:0" : "0.0.0.0:0", 0);
    if (s < 0) {
        return fail("bind", s);
    }
    for (long long i = 0; i < count; ++i) {
        const int64_t n = un_udp_send_to(s, data.data(), static_cast<uint32_t>(data.size()), to.c_str(), 5000);
        if (n < 0) {
            return fail(("send to " + to).c_str(), n);
        }
    }
    return 0;
}

int cmd_udp_recv(int argc, char **argv) {
    Args a(argc, argv, {"count", "timeout-ms"});
    const long long count = a.number("count", 0, 1, 1000000000);
    const long long timeout = a.number("timeout-ms", -1, 0, 86400000);
    if (a.has("help")) {
        return usage(stdout, "udp-recv");
    }
    if (!a.error.empty() || a.positional.size() != 1) {
        return bad_args("udp-recv", a.error.empty() ? "needs exactly one ADDR" : a.error);
    }
    RuntimeScope rt;
    if (rt.rc != 0) {
        return fail("runtime_init", rt.rc);
    }
    const int64_t s = un_udp_bind(a.positional[0].c_str(), 0);
    if (s < 0) {
        return fail(("bind " + a.positional[0]).c_str(), s);
    }
    std::printf("listening on %s\n", local_addr(s).c_str());
    std::fflush(stdout);
    std::vector<char> buf(65536);
    for (long long got = 0; !g_stop.load() && (count == 0 || got < count);) {
        char from[128];
        const int64_t n = un_udp_recv_from(s, buf.data(), static_cast<uint32_t>(buf.size()), from, sizeof from,
                                           timeout < 0 ? 200 : timeout);
        if (n == UN_ERR_TIMED_OUT) {
            if (timeout < 0) {
                continue;
            }
            std::fprintf(stderr, "uringnet udp-recv: no datagram for %lld ms\n", timeout);
            return 1;
        }
        if (n < 0) {
            return fail("recv", n);
        }
        std::printf("%s: %.*s\n", from, static_cast<int>(n), buf.data());
        std::fflush(stdout);
        ++got;
    }
    return 0;
}

double cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int cmd_bench(int argc, char **argv) {
    Args a(argc, argv, {"addr", "connections", "size", "duration", "backend"});
    const long long conns = a.number("connections", 16, 1, 10000);
    const long long size = a.number("size", 128, 1, 1 << 20);
    const long long duration = a.number("duration", 5, 1, 3600);
    if (a.has("help")) {
        return usage(stdout, "bench");
    }
    const char *backend = a.has("backend") ? a.options["backend"].c_str() : nullptr;
    if (backend != nullptr && std::strcmp(backend, "epoll") != 0 && std::strcmp(backend, "io_uring") != 0 &&
        std::strcmp(backend, "auto") != 0) {
        a.error = "--backend takes auto, io_uring or epoll";
    }
    if (!a.error.empty() || !a.positional.empty()) {
        return bad_args("bench", a.error.empty() ? "takes no positional arguments" : a.error);
    }
    RuntimeScope rt(backend);
    if (rt.rc != 0) {
        return fail("runtime_init", rt.rc);
    }
    std::string addr = a.has("addr") ? a.options["addr"] : "";
    int64_t listener = 0;
    std::vector<std::thread> servers;
    if (addr.empty()) {
        listener = un_tcp_listen("127.0.0.1:0", 0, 0);
        if (listener < 0) {
            return fail("listen", listener);
        }
        addr = local_addr(listener);
    }
    std::vector<int64_t> streams;
    for (long long i = 0; i < conns; ++i) {
        const int64_t c = un_tcp_connect(addr.c_str(), 5000);
        if (c < 0) {
            return fail(("connect to " + addr).c_str(), c);
        }
        un_socket_set_option(c, UN_SOCKET_OPTION_NODELAY, 1);
        streams.push_back(c);
        if (listener != 0) {
            const int64_t s = un_tcp_accept(listener, 5000);
            if (s < 0) {
                return fail("accept", s);
            }
            un_socket_set_option(s, UN_SOCKET_OPTION_NODELAY, 1);
            servers.emplace_back(echo_connection, s);
        }
    }
    char backend_reason[256];
    const int64_t kind = un_runtime_backend(backend_reason, sizeof backend_reason);
    std::printf("bench: %lld connections, %lld-byte messages, %lld s against %s (%s)\n", conns, size, duration,
                addr.c_str(), kind == UN_BACKEND_EPOLL ? "epoll" : "io_uring");

    std::atomic<uint64_t> messages{0}, mismatches{0}, errors{0};
    std::mutex lat_mu;
    std::vector<double> latencies_us;
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(duration);
    const double cpu0 = cpu_seconds();
    std::vector<std::thread> clients;
    for (long long i = 0; i < conns; ++i) {
        clients.emplace_back([&, i] {
            std::vector<char> out(static_cast<size_t>(size)), in(static_cast<size_t>(size));
            std::vector<double> mine;
            for (uint64_t seq = 0; std::chrono::steady_clock::now() < end; ++seq) {
                for (size_t k = 0; k < out.size(); ++k) {
                    out[k] = static_cast<char>((seq * 31 + k + static_cast<size_t>(i)) & 0xff);
                }
                const auto t0 = std::chrono::steady_clock::now();
                if (un_tcp_write(streams[i], out.data(), static_cast<uint32_t>(out.size()), 5000) != size) {
                    errors.fetch_add(1);
                    return;
                }
                size_t got = 0;
                while (got < in.size()) {
                    const int64_t n = un_tcp_read(streams[i], in.data() + got, static_cast<uint32_t>(in.size() - got), 5000);
                    if (n <= 0) {
                        errors.fetch_add(1);
                        return;
                    }
                    got += static_cast<size_t>(n);
                }
                mine.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
                if (in != out) {
                    mismatches.fetch_add(1);
                }
                messages.fetch_add(1, std::memory_order_relaxed);
            }
            std::lock_guard lk(lat_mu);
            latencies_us.insert(latencies_us.end(), mine.begin(), mine.end());
        });
    }
    uint64_t last = 0;
    for (long long s = 1; s <= duration && !g_stop.load(); ++s) {
        std::this_thread::sleep_until(end - std::chrono::seconds(duration - s));
        const uint64_t now = messages.load();
        char stats[4096] = {};
        un_runtime_stats(stats, sizeof stats);
        const char *total = std::strstr(stats, "\"total\"");
        std::printf("[%3llds] %8llu msg/s  %llu messages  %s\n", s, static_cast<unsigned long long>(now - last),
                    static_cast<unsigned long long>(now), total ? total : stats);
        std::fflush(stdout);
        last = now;
    }
    for (auto &c : clients) {
        c.join();
    }
    const double cpu = cpu_seconds() - cpu0;
    for (int64_t c : streams) {
        un_tcp_close(c);
    }
    for (auto &s : servers) {
        s.join();
    }
    std::sort(latencies_us.begin(), latencies_us.end());
    auto pct = [&](double p) {
        return latencies_us.empty() ? 0.0 : latencies_us[static_cast<size_t>(p * static_cast<double>(latencies_us.size() - 1))];
    };
    const uint64_t total = messages.load();
    std::printf("messages: %llu  messages/s: %.0f  p50: %.1f us  p99: %.1f us  cpu/message: %.2f us"
                " (client and in-process server)  mismatches: %llu  errors: %llu\n",
                static_cast<unsigned long long>(total), static_cast<double>(total) / static_cast<double>(duration),
                pct(0.50), pct(0.99), total ? cpu * 1e6 / static_cast<double>(total) : 0.0,
                static_cast<unsigned long long>(mismatches.load()), static_cast<unsigned long long>(errors.load()));
    return mismatches.load() == 0 && errors.load() == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    if (argc < 2) {
        return usage(stderr);
    }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        return usage(stdout, argc > 2 ? argv[2] : nullptr);
    }
    if (cmd == "--version") {
        std::printf("uringnet %s (ABI %lld)\n", un_version(), static_cast<long long>(un_abi_version()));
        return 0;
    }
    if (cmd == "echo-server") return cmd_echo_server(argc - 2, argv + 2);
    if (cmd == "connect") return cmd_connect(argc - 2, argv + 2);
    if (cmd == "udp-send") return cmd_udp_send(argc - 2, argv + 2);
    if (cmd == "udp-recv") return cmd_udp_recv(argc - 2, argv + 2);
    if (cmd == "bench") return cmd_bench(argc - 2, argv + 2);
    std::fprintf(stderr, "uringnet: unknown command '%s'\n", cmd.c_str());
    return usage(stderr);
}
