// Shared test helpers: a runtime that is shut down at scope exit, a listener with its
// address, and plain-socket peers for the other end of a connection.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <dirent.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "uringnet/uringnet.h"

namespace test {

constexpr int64_t kWait = 10000; // ms: generous, only reached when something is broken

/// The backend a runtime started by the tests should pick: URINGNET_BACKEND forces one
/// (CI runs the suite once as it is and once with epoll), otherwise io_uring.
inline std::string expected_backend() {
    const char *env = std::getenv("URINGNET_BACKEND");
    return env != nullptr && std::string(env) == "epoll" ? "epoll" : "io_uring";
}

struct Runtime {
    Runtime() { REQUIRE(un_runtime_init() == 0); }
    ~Runtime() { un_runtime_shutdown(); }
};

/// The local address of any handle as text (the test fails when there is none).
inline std::string local_addr(int64_t h) {
    char buf[128]; // (a Unix address takes up to 116)
    const int64_t n = un_socket_local_addr(h, buf, sizeof buf);
    REQUIRE(n > 0);
    return std::string(buf, static_cast<size_t>(n));
}

inline std::string listener_addr(un_tcp_listener_t l) { return local_addr(l); }

/// Polls pred every millisecond until it holds or about ms milliseconds have passed; returns
/// whether it held. No Catch assertion inside: usable in forked children and other threads.
template <typename Pred>
[[nodiscard]] bool eventually(Pred pred, int ms = 5000) {
    for (int i = 0; i < ms; ++i) {
        if (pred()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return pred();
}

/// True when this machine's loopback has IPv6 (::1 can be bound); minimal containers and
/// kernels booted with ipv6.disable=1 have none.
inline bool ipv6_loopback() {
    const int fd = socket(AF_INET6, SOCK_DGRAM, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_in6 sa{};
    sa.sin6_family = AF_INET6;
    sa.sin6_addr = in6addr_loopback;
    const bool ok = bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0;
    close(fd);
    return ok;
}

/// Skips the running test (saying why) where loopback has no IPv6; true when it may go on.
inline bool needs_ipv6_loopback() {
    if (ipv6_loopback()) {
        return true;
    }
    conformance::skip("this machine's loopback has no IPv6 (::1 cannot be bound)");
    return false;
}

/// The runtime's operations in flight in all, UINT64_MAX when the statistics cannot be read.
/// No Catch assertion inside: usable in forked children and other threads.
inline uint64_t in_flight_now() {
    char buf[16384];
    const int64_t n = un_runtime_stats(buf, sizeof buf);
    return n > 0 ? nlohmann::json::parse(std::string(buf, static_cast<size_t>(n)))["total"]["in_flight"].get<uint64_t>()
                 : UINT64_MAX;
}

/// The runtime's statistics, parsed.
inline nlohmann::json stats() {
    char buf[16384];
    const int64_t n = un_runtime_stats(buf, sizeof buf);
    REQUIRE(n > 0);
    return nlohmann::json::parse(std::string(buf, static_cast<size_t>(n)));
}

inline nlohmann::json total_stats() { return stats()["total"]; }

/// Waits (bounded) until the runtime's total of a statistic reaches at least n.
[[nodiscard]] inline bool wait_for_stat(const char *key, uint64_t n) {
    return eventually([&] { return total_stats()[key].get<uint64_t>() >= n; });
}

/// Blocking calls that waited on their own calling thread (the caller_waits statistic).
inline uint64_t caller_waits() { return total_stats()["caller_waits"].get<uint64_t>(); }

/// A blocking read of up to n bytes started on another thread; constructing it returns once the
/// read waits on that thread (caller_waits went up and it is in flight). join() gives its result.
struct WaitingRead {
    std::atomic<int64_t> result{1};
    std::string data;
    std::thread t;
    WaitingRead(int64_t s, size_t n, int64_t timeout_ms) : data(n, '\0') {
        const uint64_t before = caller_waits();
        t = std::thread([this, s, timeout_ms] {
            result = un_tcp_read(s, data.data(), static_cast<uint32_t>(data.size()), timeout_ms);
        });
        REQUIRE(eventually([&] { return caller_waits() > before && total_stats()["in_flight"] >= 1; }));
    }
    int64_t join() {
        t.join();
        return result.load();
    }
};

/// File descriptors this process has open.
inline int open_fds() {
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    while (readdir(d) != nullptr) {
        ++n;
    }
    closedir(d);
    return n;
}

/// This process's resident memory in KiB.
inline long rss_kib() {
    std::ifstream f("/proc/self/status");
    for (std::string line; std::getline(f, line);) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

struct Listener {
    un_tcp_listener_t handle;
    std::string addr;
    explicit Listener(const char *bind_addr = "127.0.0.1:0") {
        handle = un_tcp_listen(bind_addr, 0, 0);
        REQUIRE(handle > 0);
        addr = listener_addr(handle);
    }
};

/// A fresh name in the abstract Unix namespace ("unix:@uringnet-test-PID-N"): no file to clean up.
inline std::string unix_name() {
    static std::atomic<int> n{0};
    return "unix:@uringnet-test-" + std::to_string(getpid()) + "-" + std::to_string(++n);
}

/// What a stream test binds, for tests that run on TCP and on Unix streams alike:
/// GENERATE(as<std::string>{}, "127.0.0.1:0", "unix") -> an address for Listener or Pair.
inline std::string stream_bind_address(const std::string &kind) { return kind == "unix" ? unix_name() : kind; }

/// A listener and a connected stream pair through it (client end, accepted server end).
struct Pair {
    Listener l;
    int64_t client, server;
    explicit Pair(const char *bind_addr = "127.0.0.1:0") : l(bind_addr) {
        client = un_tcp_connect(l.addr.c_str(), kWait);
        REQUIRE(client > 0);
        server = un_tcp_accept(l.handle, kWait);
        REQUIRE(server > 0);
    }
};

/// A stress test's message: writer id, its sequence number, payload length (7 bytes), then
/// the payload, a function of the three (so a reader can check each one whole and in order).
inline std::string numbered_message(uint8_t writer, uint32_t seq, uint16_t len) {
    std::string m(7 + len, '\0');
    m[0] = static_cast<char>(writer);
    std::memcpy(&m[1], &seq, 4);
    std::memcpy(&m[5], &len, 2);
    for (uint16_t i = 0; i < len; ++i) {
        m[7 + i] = static_cast<char>((writer * 131 + seq * 7 + i) & 0xFF);
    }
    return m;
}

/// A plain socket (not a uringnet handle) connected to a listener's "127.0.0.1:port".
inline int raw_connect(const std::string &addr) {
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(static_cast<uint16_t>(std::stoi(addr.substr(addr.rfind(':') + 1))));
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0);
    return fd;
}

/// A plain IPv4 socket of the type (SOCK_STREAM, SOCK_DGRAM) bound to 127.0.0.1:0, and
/// listening when asked: what a host makes itself before it hands it to a tcp_adopt_* or
/// udp_adopt call. (It is the caller's until an adopt succeeds.)
inline int plain_socket(int type, bool listening) {
    const int fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0);
    if (listening) {
        REQUIRE(listen(fd, 64) == 0);
    }
    return fd;
}

/// Reads exactly n bytes (or fails the test).
inline std::string read_exact(un_tcp_stream_t s, size_t n) {
    std::string out(n, '\0');
    size_t got = 0;
    while (got < n) {
        const int64_t r = un_tcp_read(s, out.data() + got, static_cast<uint32_t>(n - got), kWait);
        REQUIRE(r > 0);
        got += static_cast<size_t>(r);
    }
    return out;
}

/// Up to n asynchronous completions, collected with un_poll (fewer if none comes in time).
inline std::vector<un_completion_t> collect(size_t n, int64_t timeout_ms = kWait) {
    std::vector<un_completion_t> out;
    un_completion_t buf[64];
    while (out.size() < n) {
        const int64_t got = un_poll(buf, 64, timeout_ms);
        if (got <= 0) {
            break;
        }
        out.insert(out.end(), buf, buf + got);
    }
    return out;
}

/// A port on 127.0.0.1 where nothing listens: bound and closed again at once.
inline int closed_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0);
    socklen_t len = sizeof sa;
    getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len);
    close(fd);
    return ntohs(sa.sin_port);
}

} // namespace test
