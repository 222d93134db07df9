// A private name server for tests that need host-name lookups to wait: inside a child's
// own network and mount namespaces, /etc/resolv.conf names 127.0.0.1, where a name server
// of the test's holds every query until told to answer (then NXDOMAIN), and /etc/hosts knows
// echo.test (127.0.0.1). No query can leave the machine.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "helpers.hpp"

namespace test {

// What every test name server has: a UDP socket on 127.0.0.1:53 (of a private namespace),
// the thread that serves it (looking at stop at least every 10 ms), and a count of queries.
// A server calls serve_on(its loop) to start and stop_serving() in its own destructor (its
// loop uses its members, gone once the base's destructor runs).
struct NameServerPort {
    int fd = -1;
    std::atomic<int> queries{0};
    std::atomic<bool> stop{false};
    std::thread thread;

    template <typename Loop>
    bool serve_on(Loop loop) {
        fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(53);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
            return false;
        }
        thread = std::thread(loop);
        return true;
    }

    void stop_serving() {
        stop.store(true);
        if (thread.joinable()) {
            thread.join();
        }
        if (fd >= 0) {
            close(fd);
            fd = -1;
        }
    }
    ~NameServerPort() { stop_serving(); }
};

// A name server on 127.0.0.1:53 of a private namespace that holds every query until told to
// answer, then answers each with NXDOMAIN.
struct SlowNameServer : NameServerPort {
    std::atomic<bool> answer{false};

    bool start() {
        return serve_on([this] { serve(); });
    }

    void serve() {
        struct Held {
            std::vector<unsigned char> msg;
            sockaddr_storage from;
            socklen_t len;
        };
        std::vector<Held> held;
        while (!stop.load()) {
            pollfd p{fd, POLLIN, 0};
            if (poll(&p, 1, 10) == 1) {
                Held h{std::vector<unsigned char>(512), {}, sizeof(sockaddr_storage)};
                const ssize_t n = recvfrom(fd, h.msg.data(), h.msg.size(), 0, reinterpret_cast<sockaddr *>(&h.from), &h.len);
                if (n >= 12) {
                    h.msg.resize(static_cast<size_t>(n));
                    held.push_back(std::move(h));
                    queries.fetch_add(1);
                }
            }
            if (answer.load()) {
                for (Held &h : held) { // the query back as a response: QR set, RCODE 3 (NXDOMAIN)
                    h.msg[2] |= 0x80;
                    h.msg[3] = static_cast<unsigned char>((h.msg[3] & 0xF0) | 3);
                    sendto(fd, h.msg.data(), h.msg.size(), 0, reinterpret_cast<sockaddr *>(&h.from), h.len);
                }
                held.clear();
            }
        }
    }

    ~SlowNameServer() { stop_serving(); }
};

// A name server on 127.0.0.1:53 of a private namespace that answers A and AAAA queries from
// a table (name -> addresses, both families), NXDOMAIN for a name it does not know and an
// empty answer for a type the name has no address of. Plain UDP, one question per query, as
// glibc's stub resolver asks.
struct AnsweringNameServer : NameServerPort {
    std::vector<std::pair<std::string, std::string>> table; // (name, address literal)

    bool start() {
        return serve_on([this] { serve(); });
    }

    // The question's name ("a.b.test", lower case) and where the question ends; false when
    // the query is malformed or compressed.
    static bool question(const unsigned char *m, size_t n, std::string &name, size_t &end) {
        size_t i = 12;
        while (i < n && m[i] != 0) {
            const size_t len = m[i];
            if ((len & 0xC0) != 0 || i + 1 + len > n) {
                return false;
            }
            if (!name.empty()) {
                name += '.';
            }
            for (size_t k = 0; k < len; ++k) {
                name += static_cast<char>(std::tolower(m[i + 1 + k]));
            }
            i += 1 + len;
        }
        end = i + 1 + 4; // the root label, QTYPE, QCLASS
        return end <= n;
    }

    void serve() {
        while (!stop.load()) {
            pollfd p{fd, POLLIN, 0};
            if (poll(&p, 1, 10) != 1) {
                continue;
            }
            unsigned char q[512];
            sockaddr_storage from{};
            socklen_t flen = sizeof from;
            const ssize_t n = recvfrom(fd, q, sizeof q, 0, reinterpret_cast<sockaddr *>(&from), &flen);
            std::string name;
            size_t end = 0;
            if (n < 12 || !question(q, static_cast<size_t>(n), name, end)) {
                continue;
            }
            queries.fetch_add(1);
            const int qtype = (q[end - 4] << 8) | q[end - 3];
            std::vector<unsigned char> r(q, q + end); // header and question
            r[2] = static_cast<unsigned char>(0x80 | (q[2] & 0x01)); // QR, RD as asked
            r[3] = 0x80;                                             // RA, NOERROR
            r[8] = r[9] = r[10] = r[11] = 0;                         // no authority, no additional
            int answers = 0;
            bool known = false;
            for (const auto &[n2, addr] : table) {
                if (n2 != name) {
                    continue;
                }
                known = true;
                unsigned char raw[16];
                const bool v6 = addr.find(':') != std::string::npos;
                if ((v6 ? 28 : 1) != qtype || inet_pton(v6 ? AF_INET6 : AF_INET, addr.c_str(), raw) != 1) {
                    continue;
                }
                const unsigned char rr[] = {0xC0, 0x0C, 0, static_cast<unsigned char>(qtype), 0, 1, 0, 0, 0, 60,
                                            0, static_cast<unsigned char>(v6 ? 16 : 4)};
                r.insert(r.end(), rr, rr + sizeof rr);
                r.insert(r.end(), raw, raw + (v6 ? 16 : 4));
                ++answers;
            }
            if (!known) {
                r[3] = 0x83; // NXDOMAIN
            }
            r[6] = 0;
            r[7] = static_cast<unsigned char>(answers);
            sendto(fd, r.data(), r.size(), 0, reinterpret_cast<sockaddr *>(&from), flen);
        }
    }

    ~AnsweringNameServer() { stop_serving(); }
};

// Bind-mounts a file holding text over target (in the child's own mount namespace).
inline bool mount_file(const char *target, const char *text) {
    char path[] = "/tmp/uringnet-etc-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) {
        return false;
    }
    const size_t len = std::strlen(text);
    const bool ok = write(fd, text, len) == static_cast<ssize_t>(len) && mount(path, target, nullptr, MS_BIND, nullptr) == 0;
    close(fd);
    unlink(path); // the bind mount keeps the file
    return ok;
}

// In a child's own mount namespace: /etc/resolv.conf names only 127.0.0.1, and /etc/hosts
// knows echo.test (127.0.0.1).
inline bool use_local_name_server() {
    return unshare(CLONE_NEWNS) == 0 && mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0 &&
           mount_file("/etc/resolv.conf", "nameserver 127.0.0.1\noptions timeout:30 attempts:1\n") &&
           mount_file("/etc/hosts", "127.0.0.1 localhost echo.test\n");
}

// Waits (bounded) until the name server has been asked at least n times.
[[nodiscard]] inline bool asked(SlowNameServer &dns, int n) {
    return eventually([&] { return dns.queries.load() >= n; }, 10000);
}

/// In a child's fresh network namespace: gives it the private name server and hosts file,
/// runs fn, then lets the name server answer (so resolver threads still waiting finish).
/// Returns fn's result, or `unavailable` when the name server cannot be set up.
template <typename R>
R serve_names(const std::function<R(SlowNameServer &)> &fn, R unavailable) {
    SlowNameServer dns;
    if (!use_local_name_server() || !dns.start()) {
        return unavailable;
    }
    const R r = fn(dns);
    dns.answer.store(true);
    return r;
}

} // namespace test
