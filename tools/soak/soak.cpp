// uringnet-soak: N connections for T seconds through an echo server built on the
// asynchronous API (completion callback on the runtime thread), every byte checked.
// Samples open fds and resident memory before, during and after; exits non-zero on any
// byte mismatch, error, leaked fd or memory growth beyond the bound.
//
//   uringnet-soak [--connections N] [--seconds T] [--max-size BYTES] [--backend auto|io_uring|epoll]
//                 [--max-growth-mib M]
#include <dirent.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "uringnet/uringnet.h"

namespace {

int open_fds() {
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    while (readdir(d) != nullptr) {
        ++n;
    }
    closedir(d);
    return n - 3; // ".", ".." and the directory's own fd
}

long rss_kib() {
    std::ifstream f("/proc/self/status");
    for (std::string line; std::getline(f, line);) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

// ---- the echo server: one Conn per accepted stream, driven from the completion callback ----

enum Tag : uint64_t { kAccept = 0, kRead = 1, kWrite = 2 };

struct Conn {
    int64_t stream;
    std::vector<char> buf = std::vector<char>(64 * 1024);
};

struct Server {
    int64_t listener = 0;
    std::vector<std::unique_ptr<Conn>> conns; // touched only on the runtime thread
    std::atomic<uint64_t> errors{0};
    std::atomic<bool> stopping{false};

    static uint64_t tag(size_t index, Tag t) { return (static_cast<uint64_t>(index) << 2) | t; }

    void read(size_t i) {
        Conn &c = *conns[i];
        if (un_tcp_read_submit(c.stream, c.buf.data(), static_cast<uint32_t>(c.buf.size()), -1, tag(i, kRead)) < 0) {
            errors.fetch_add(1);
        }
    }

    void on_completion(const un_completion_t &c) {
        const size_t i = c.user_data >> 2;
        switch (static_cast<Tag>(c.user_data & 3)) {
        case kAccept:
            if (c.result > 0) {
                conns.push_back(std::make_unique<Conn>(Conn{c.result}));
                read(conns.size() - 1);
            } else if (!stopping.load()) {
                errors.fetch_add(1);
            }
            if (!stopping.load()) {
                un_tcp_accept_submit(listener, -1, tag(0, kAccept));
            }
            break;
        case kRead:
            if (c.result > 0) {
                Conn &conn = *conns[i];
                if (un_tcp_write_submit(conn.stream, conn.buf.data(), static_cast<uint32_t>(c.result), -1,
                                        tag(i, kWrite)) < 0) {
                    errors.fetch_add(1);
                }
            } else {
                if (c.result < 0 && c.result != UN_ERR_SHUT_DOWN && c.result != UN_ERR_RESET) {
                    errors.fetch_add(1);
                }
                un_tcp_close(conns[i]->stream); // end of stream: the client is done
            }
            break;
        case kWrite:
            if (c.result > 0) {
                read(i);
            } else if (c.result != UN_ERR_SHUT_DOWN) {
                errors.fetch_add(1);
            }
            break;
        }
    }
};

long long option(int argc, char **argv, const char *name, long long def) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0) {
            return std::atoll(argv[i + 1]);
        }
    }
    return def;
}

const char *option_text(int argc, char **argv, const char *name, const char *def) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0) {
            return argv[i + 1];
        }
    }
    return def;
}

} // namespace

int main(int argc, char **argv) {
    const long long conns = option(argc, argv, "--connections", 200);
    const long long seconds = option(argc, argv, "--seconds", 20);
    const long long max_size = option(argc, argv, "--max-size", 8192);
    const long long max_growth_mib = option(argc, argv, "--max-growth-mib", 64);
    const std::string backend = option_text(argc, argv, "--backend", "auto");
    if (conns < 1 || seconds < 1 || max_size < 1 || max_size > 65536) {
        std::fprintf(stderr, "usage: uringnet-soak [--connections N] [--seconds T] [--max-size 1..65536] "
                             "[--backend auto|io_uring|epoll] [--max-growth-mib M]\n");
        return 2;
    }
    const int fds_before = open_fds();
    const long rss_before = rss_kib();
    un_runtime_configure_backend(backend == "epoll" ? UN_BACKEND_EPOLL : backend == "io_uring" ? UN_BACKEND_IO_URING : UN_BACKEND_AUTO);
    if (int64_t rc = un_runtime_init(); rc != 0) {
        std::fprintf(stderr, "soak: runtime_init: %s\n", un_strerror(rc));
        return 1;
    }
    Server server;
    un_set_completion_callback([](void *ctx, const un_completion_t *c) { static_cast<Server *>(ctx)->on_completion(*c); },
                               &server);
    server.listener = un_tcp_listen("127.0.0.1:0", 0, 0);
    char addr[64];
    un_socket_local_addr(server.listener, addr, sizeof addr);
    un_tcp_accept_submit(server.listener, -1, Server::tag(0, kAccept));
    char reason[256];
    un_runtime_backend(reason, sizeof reason);
    std::printf("soak: %lld connections for %lld s, messages of 1..%lld bytes, echo server on %s\nsoak: backend %s\n",
                conns, seconds, max_size, addr, reason);

    std::atomic<uint64_t> messages{0}, bytes{0}, mismatches{0}, errors{0};
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    std::vector<std::thread> clients;
    for (long long i = 0; i < conns; ++i) {
        clients.emplace_back([&, i] {
            const int64_t s = un_tcp_connect(addr, 10000);
            if (s < 0) {
                errors.fetch_add(1);
                return;
            }
            std::mt19937_64 rng(static_cast<uint64_t>(i) * 7919 + 1);
            std::vector<char> out(static_cast<size_t>(max_size)), in(static_cast<size_t>(max_size));
            while (std::chrono::steady_clock::now() < end) {
                const size_t n = 1 + rng() % static_cast<uint64_t>(max_size);
                for (size_t k = 0; k < n; ++k) {
                    out[k] = static_cast<char>(rng());
                }
                if (un_tcp_write(s, out.data(), static_cast<uint32_t>(n), 10000) != static_cast<int64_t>(n)) {
                    errors.fetch_add(1);
                    break;
                }
                size_t got = 0;
                while (got < n) {
                    const int64_t r = un_tcp_read(s, in.data() + got, static_cast<uint32_t>(n - got), 10000);
                    if (r <= 0) {
                        errors.fetch_add(1);
                        break;
                    }
                    got += static_cast<size_t>(r);
                }
                if (got != n) {
                    break;
                }
                if (std::memcmp(in.data(), out.data(), n) != 0) {
                    mismatches.fetch_add(1);
                }
                messages.fetch_add(1, std::memory_order_relaxed);
                bytes.fetch_add(n, std::memory_order_relaxed);
            }
            un_tcp_close(s);
        });
    }
    // Sample fds and memory every second; the first sample after the connections are up
    // is the reference for growth.
    long rss_reference = -1, rss_peak = 0;
    int fds_peak = 0;
    for (long long t = 1; t <= seconds; ++t) {
        std::this_thread::sleep_until(end - std::chrono::seconds(seconds - t));
        const long rss = rss_kib();
        const int fds = open_fds();
        if (t == std::min<long long>(2, seconds)) {
            rss_reference = rss;
        }
        rss_peak = std::max(rss_peak, rss);
        fds_peak = std::max(fds_peak, fds);
        std::printf("soak: [%3llds] %10llu messages %12llu bytes  fds %4d  rss %6ld KiB\n", t,
                    static_cast<unsigned long long>(messages.load()), static_cast<unsigned long long>(bytes.load()),
                    fds, rss);
        std::fflush(stdout);
    }
    for (auto &c : clients) {
        c.join();
    }
    server.stopping = true;
    un_tcp_listener_close(server.listener);
    un_runtime_shutdown();
    un_set_completion_callback(nullptr, nullptr);
    const int fds_after = open_fds();
    const long rss_after = rss_kib();
    const long growth_kib = rss_peak - rss_reference;
    std::printf("soak: %llu messages, %llu bytes checked; mismatches %llu, client errors %llu, server errors %llu\n"
                "soak: fds before %d, peak %d, after %d; rss before %ld KiB, reference %ld, peak %ld, after %ld "
                "(growth %ld KiB, bound %lld MiB)\n",
                static_cast<unsigned long long>(messages.load()), static_cast<unsigned long long>(bytes.load()),
                static_cast<unsigned long long>(mismatches.load()), static_cast<unsigned long long>(errors.load()),
                static_cast<unsigned long long>(server.errors.load()), fds_before, fds_peak, fds_after, rss_before,
                rss_reference, rss_peak, rss_after, growth_kib, max_growth_mib);
    bool ok = true;
    if (mismatches.load() != 0 || errors.load() != 0 || server.errors.load() != 0 || messages.load() == 0) {
        std::printf("soak: FAILED: data mismatches or errors\n");
        ok = false;
    }
    if (fds_after != fds_before) {
        std::printf("soak: FAILED: %d file descriptors leaked\n", fds_after - fds_before);
        ok = false;
    }
    if (growth_kib > max_growth_mib * 1024) {
        std::printf("soak: FAILED: memory grew by %ld KiB while running\n", growth_kib);
        ok = false;
    }
    std::printf("soak: %s\n", ok ? "OK" : "FAILED");
    return ok ? 0 : 1;
}
