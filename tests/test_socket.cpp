// Operations on any socket and the rest of TCP: shutdown, flush, addresses, options,
// cancellation, resets, fd exhaustion and host names that do not resolve.
#include <netinet/in.h>
#include <poll.h>
#include <sys/mount.h>
#include <sys/resource.h>

#include <atomic>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"
#include "netns.hpp"

namespace {

std::string peer_addr(int64_t h) {
    char buf[64];
    const int64_t n = un_socket_peer_addr(h, buf, sizeof buf);
    REQUIRE(n > 0);
    return std::string(buf, static_cast<size_t>(n));
}

} // namespace

TEST_CASE("shutdown(write): the peer reads end of stream while reading still works", "[tcp][shutdown]") {
    test::Runtime rt;
    test::Pair p;
    REQUIRE(un_tcp_write(p.client, "bye", 3, test::kWait) == 3);
    REQUIRE(un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE) == 0);
    CHECK(test::read_exact(p.server, 3) == "bye");
    char buf[8];
    CHECK(un_tcp_read(p.server, buf, sizeof buf, test::kWait) == 0);
    // The other direction is still open.
    REQUIRE(un_tcp_write(p.server, "still", 5, test::kWait) == 5);
    CHECK(test::read_exact(p.client, 5) == "still");
    CHECK(un_tcp_write(p.client, "x", 1, test::kWait) == UN_ERR_BROKEN_PIPE);
}

TEST_CASE("shutdown(read) and shutdown(both)", "[tcp][shutdown]") {
    test::Runtime rt;
    test::Pair p;
    char buf[8];
    REQUIRE(un_tcp_shutdown(p.server, UN_SHUTDOWN_HOW_READ) == 0);
    CHECK(un_tcp_read(p.server, buf, sizeof buf, test::kWait) == 0);
    REQUIRE(un_tcp_write(p.server, "w", 1, test::kWait) == 1); // writing still works
    CHECK(test::read_exact(p.client, 1) == "w");
    REQUIRE(un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_BOTH) == 0);
    CHECK(un_tcp_read(p.client, buf, sizeof buf, test::kWait) == 0);
    CHECK(un_tcp_read(p.server, buf, sizeof buf, test::kWait) == 0);
    CHECK(un_tcp_shutdown(p.client, 7) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_tcp_shutdown(p.l.handle, UN_SHUTDOWN_HOW_BOTH) == UN_ERR_WRONG_KIND);
}

TEST_CASE("flush pushes data out and keeps the nodelay setting", "[tcp]") {
    test::Runtime rt;
    test::Pair p;
    REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_NODELAY, 0) == 0);
    REQUIRE(un_tcp_write(p.client, "abc", 3, test::kWait) == 3);
    CHECK(un_tcp_flush(p.client) == 0);
    CHECK(test::read_exact(p.server, 3) == "abc");
    CHECK(un_socket_get_option(p.client, UN_SOCKET_OPTION_NODELAY) == 0);
    CHECK(un_tcp_flush(p.l.handle) == UN_ERR_WRONG_KIND);
}

TEST_CASE("local and peer addresses as text, IPv4 and IPv6", "[tcp][addr]") {
    test::Runtime rt;
    test::Pair p;
    CHECK(peer_addr(p.client) == p.l.addr);
    CHECK(test::local_addr(p.client) == peer_addr(p.server));
    CHECK(test::local_addr(p.server) == p.l.addr);
    CHECK(test::local_addr(p.l.handle).rfind("127.0.0.1:", 0) == 0);
    char tiny[8];
    CHECK(un_socket_local_addr(p.client, tiny, sizeof tiny) == UN_ERR_BUFFER_TOO_SMALL);
    CHECK(un_socket_peer_addr(p.l.handle, tiny, sizeof tiny) == UN_ERR_WRONG_KIND);
    test::Pair v6("[::1]:0");
    CHECK(peer_addr(v6.client) == v6.l.addr);
    CHECK(test::local_addr(v6.server).rfind("[::1]:", 0) == 0);
}

TEST_CASE("TCP options are set and read back", "[tcp][options]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t s = p.client;
    auto roundtrip = [&](int64_t handle, int32_t opt, int64_t value) {
        INFO("option " << opt << " value " << value);
        REQUIRE(un_socket_set_option(handle, opt, value) == 0);
        return un_socket_get_option(handle, opt);
    };
    CHECK(roundtrip(s, UN_SOCKET_OPTION_NODELAY, 1) == 1);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_NODELAY, 0) == 0);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_KEEPALIVE, 30) == 30);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_KEEPALIVE, 0) == 0);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_RECV_BUFFER, 65536) == 2 * 65536); // Linux doubles it
    CHECK(roundtrip(s, UN_SOCKET_OPTION_SEND_BUFFER, 65536) == 2 * 65536);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_LINGER, 5) == 5);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_LINGER, -1) == -1);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_TTL, 33) == 33);
    CHECK(roundtrip(p.l.handle, UN_SOCKET_OPTION_REUSE_ADDRESS, 0) == 0);
    CHECK(roundtrip(p.l.handle, UN_SOCKET_OPTION_REUSE_ADDRESS, 1) == 1);
    CHECK(roundtrip(p.l.handle, UN_SOCKET_OPTION_REUSE_PORT, 1) == 1);
    test::Pair v6("[::1]:0");
    CHECK(roundtrip(v6.client, UN_SOCKET_OPTION_TTL, 17) == 17); // IPv6 hop limit

    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_TTL, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_TTL, 256) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_NODELAY, 2) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_RECV_BUFFER, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, 99, 1) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_get_option(s, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_BROADCAST, 1) == UN_ERR_UNSUPPORTED);
    CHECK(un_socket_get_option(s, UN_SOCKET_OPTION_MULTICAST_TTL) == UN_ERR_UNSUPPORTED);
}

TEST_CASE("the reuse_port bind flag lets two listeners share a port", "[tcp][options]") {
    test::Runtime rt;
    const int64_t a = un_tcp_listen("127.0.0.1:0", 0, UN_BIND_FLAG_REUSE_PORT);
    REQUIRE(a > 0);
    const std::string addr = test::local_addr(a);
    const int64_t b = un_tcp_listen(addr.c_str(), 0, UN_BIND_FLAG_REUSE_PORT);
    CHECK(b > 0);
    CHECK(un_socket_get_option(a, UN_SOCKET_OPTION_REUSE_PORT) == 1);
    CHECK(un_tcp_listen(addr.c_str(), 0, 0) == UN_ERR_ADDRESS_IN_USE);
    CHECK(un_tcp_listen("127.0.0.1:0", 0, 64) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_tcp_listen("127.0.0.1:0", 0, UN_BIND_FLAG_V6_ONLY) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_tcp_listen("[::1]:0", 0, UN_BIND_FLAG_V6_ONLY) > 0);
}

TEST_CASE("socket_cancel releases a blocked read and the stream stays usable", "[tcp][cancel]") {
    test::Runtime rt;
    test::Pair p;
    std::atomic<int64_t> result{1};
    std::thread reader([&] {
        char buf[8];
        result = un_tcp_read(p.server, buf, sizeof buf, -1);
    });
    int64_t canceled = 0;
    for (int i = 0; i < 200 && canceled == 0; ++i) { // until the read is in flight
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        canceled = un_socket_cancel(p.server);
    }
    reader.join();
    CHECK(canceled == 1);
    CHECK(result.load() == UN_ERR_CANCELED);
    CHECK(un_socket_cancel(p.server) == 0);
    REQUIRE(un_tcp_write(p.client, "ok", 2, test::kWait) == 2);
    CHECK(test::read_exact(p.server, 2) == "ok");
}

TEST_CASE("a peer that resets the connection gives RESET", "[tcp][errors]") {
    test::Runtime rt;
    test::Pair p;
    // Linger 0 makes close send a reset instead of a FIN.
    REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_LINGER, 0) == 0);
    REQUIRE(un_tcp_close(p.client) == 0);
    char buf[8];
    const int64_t rc = un_tcp_read(p.server, buf, sizeof buf, test::kWait);
    CHECK(rc == UN_ERR_RESET);
    CHECK(un_error_class(rc) == UN_ERR_RESET);
}

TEST_CASE("accept under fd exhaustion fails with NO_RESOURCES and recovers", "[tcp][errors]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(c > 0);
    rlimit old{};
    getrlimit(RLIMIT_NOFILE, &old);
    rlimit low = old;
    low.rlim_cur = 256;
    REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
    std::vector<int> hog;
    for (int fd; (fd = dup(0)) >= 0;) {
        hog.push_back(fd);
    }
    const int64_t failed = un_tcp_accept(l.handle, test::kWait);
    for (int fd : hog) {
        close(fd);
    }
    setrlimit(RLIMIT_NOFILE, &old);
    CHECK(failed == UN_ERR_NO_RESOURCES);
    // The pending connection is still queued and the listener keeps working.
    const int64_t s = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(s > 0);
    REQUIRE(un_tcp_write(c, "back", 4, test::kWait) == 4);
    CHECK(test::read_exact(s, 4) == "back");
}

namespace {

// A name server on 127.0.0.1:53 of a private namespace that holds every query until told to
// answer, then answers each with NXDOMAIN.
struct SlowNameServer {
    int fd = -1;
    std::atomic<int> queries{0};
    std::atomic<bool> answer{false}, stop{false};
    std::thread thread;

    bool start() {
        fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(53);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
            return false;
        }
        thread = std::thread([this] { serve(); });
        return true;
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

    ~SlowNameServer() {
        stop.store(true);
        if (thread.joinable()) {
            thread.join();
        }
        if (fd >= 0) {
            close(fd);
        }
    }
};

// In a child's own mount namespace: /etc/resolv.conf names only 127.0.0.1.
bool use_local_name_server() {
    char path[] = "/tmp/uringnet-resolv-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) {
        return false;
    }
    const char conf[] = "nameserver 127.0.0.1\noptions timeout:30 attempts:1\n";
    const bool wrote = write(fd, conf, sizeof conf - 1) == static_cast<ssize_t>(sizeof conf - 1);
    close(fd);
    const bool ok = wrote && unshare(CLONE_NEWNS) == 0 && mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0 &&
                    mount(path, "/etc/resolv.conf", nullptr, MS_BIND, nullptr) == 0;
    unlink(path); // the bind mount keeps the file
    return ok;
}

} // namespace

TEST_CASE("a slow host-name lookup does not stall other streams", "[tcp][dns]") {
    // Names are resolved on the calling thread, before the request reaches the runtime: while
    // one thread waits for a name server that does not answer, other streams keep working.
    // Everything happens in a private network namespace with its own name server on loopback.
    std::string why;
    const int rc = test::in_fresh_netns(
        [] {
            SlowNameServer dns;
            if (!use_local_name_server() || !dns.start()) {
                return 77;
            }
            CHILD_EXPECT(un_runtime_init() == 0);
            const int64_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
            char addr[64];
            CHILD_EXPECT(l > 0 && un_socket_local_addr(l, addr, sizeof addr) > 0);
            const int64_t c = un_tcp_connect(addr, 5000);
            const int64_t s = un_tcp_accept(l, 5000);
            CHILD_EXPECT(c > 0 && s > 0);
            std::atomic<bool> looked_up{false};
            int64_t lookup = 0;
            std::thread slow([&] {
                lookup = un_tcp_connect("slow-lookup.test:80", 5000);
                looked_up.store(true);
            });
            for (int i = 0; i < 10000 && dns.queries.load() == 0; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            CHILD_EXPECT(dns.queries.load() > 0); // the lookup is waiting for the name server
            char buf[8];
            for (int i = 0; i < 50; ++i) { // blocking and asynchronous traffic meanwhile
                CHILD_EXPECT(un_tcp_write(c, "ping", 4, 5000) == 4);
                CHILD_EXPECT(un_tcp_read(s, buf, 4, 5000) == 4);
                CHILD_EXPECT(un_tcp_read_submit(c, buf, 4, 5000, 1) > 0);
                CHILD_EXPECT(un_tcp_write(s, "pong", 4, 5000) == 4);
                un_completion_t done{};
                CHILD_EXPECT(un_poll(&done, 1, 5000) == 1 && done.result == 4);
            }
            CHILD_EXPECT(!looked_up.load()); // all of that while the lookup still waited
            dns.answer.store(true);
            slow.join();
            CHILD_EXPECT(lookup == UN_ERR_UNKNOWN_HOST);
            CHILD_EXPECT(un_runtime_shutdown() == 0);
            return 0;
        },
        why);
    if (rc == -1 || rc == 77) {
        conformance::skip(rc == -1 ? why.c_str() : "cannot give a private namespace its own name server");
        return;
    }
    CHECK(rc == 0);
}

TEST_CASE("a host name that does not resolve gives UNKNOWN_HOST", "[tcp][dns]") {
    // In a fresh network namespace with nothing but loopback, a lookup cannot leave the
    // machine: the resolver fails at once and the library must say UNKNOWN_HOST.
    std::string why;
    const int rc = test::in_fresh_netns(
        [] {
            CHILD_EXPECT(un_runtime_init() == 0);
            CHILD_EXPECT(un_tcp_connect("no-such-host.invalid:80", 1000) == UN_ERR_UNKNOWN_HOST);
            CHILD_EXPECT(un_tcp_listen("no-such-host.invalid:0", 0, 0) == UN_ERR_UNKNOWN_HOST);
            CHILD_EXPECT(un_tcp_connect("localhost:1", 1000) == UN_ERR_CONNECTION_REFUSED);
            CHILD_EXPECT(un_runtime_shutdown() == 0);
            return 0;
        },
        why);
    if (rc == -1) {
        conformance::skip(why.c_str());
        return;
    }
    CHECK(rc == 0);
}
