// Unix domain sockets through the same operations as TCP and UDP ("unix:/path", "unix:@name"):
// streams (echo, many accepts, addresses, options, peer credentials, close with operations in
// flight), the stale socket file rule, datagrams with the sender's path, both backends.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"

namespace {

/// A fresh directory for socket files, removed with what is left in it.
struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/uringnet-unix-XXXXXX";
        REQUIRE(mkdtemp(tmpl) != nullptr);
        path = tmpl;
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::string addr(const std::string &name) const { return "unix:" + path + "/" + name; }
    std::string file(const std::string &name) const { return path + "/" + name; }
};

std::string text_of(int64_t (*get)(int64_t, char *, uint32_t), int64_t h) {
    char buf[128];
    const int64_t n = get(h, buf, sizeof buf);
    REQUIRE(n >= 0);
    return std::string(buf, static_cast<size_t>(n));
}

std::string random_bytes(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char &c : s) {
        c = static_cast<char>(rng() & 0xff);
    }
    return s;
}

bool exists(const std::string &path) {
    struct stat st {};
    return lstat(path.c_str(), &st) == 0;
}

} // namespace

TEST_CASE("a Unix stream carries every byte both ways, blocking and submitted", "[unix]") {
    test::Runtime rt;
    TempDir dir;
    const std::string addr = dir.addr("echo.sock");
    test::Pair p(addr.c_str());
    CHECK(p.l.addr == addr);
    CHECK(text_of(un_socket_peer_addr, p.client) == addr);
    CHECK(text_of(un_socket_local_addr, p.client).empty()); // an unbound client has no address
    CHECK(text_of(un_socket_peer_addr, p.server).empty());
    CHECK(text_of(un_socket_local_addr, p.server) == addr);

    const std::string data = random_bytes(3 << 20, 1);
    std::atomic<int64_t> written{0}; // (no Catch assertion in another thread: its counters are not thread-safe)
    std::thread writer([&] { written = un_tcp_write(p.client, data.data(), static_cast<uint32_t>(data.size()), test::kWait); });
    CHECK(test::read_exact(p.server, data.size()) == data);
    writer.join();
    CHECK(written.load() == static_cast<int64_t>(data.size()));

    // Submitted: a write of the server's and a read of the client's.
    const std::string back = random_bytes(200000, 2);
    std::string got(back.size(), '\0');
    REQUIRE(un_tcp_write_submit(p.server, back.data(), static_cast<uint32_t>(back.size()), test::kWait, 1) > 0);
    size_t have = 0;
    int writes_done = 0;
    while (have < back.size()) {
        REQUIRE(un_tcp_read_submit(p.client, got.data() + have, static_cast<uint32_t>(back.size() - have), test::kWait, 2) > 0);
        for (bool read_done = false; !read_done;) {
            const auto cs = test::collect(1); // (the write's may come in the same poll)
            REQUIRE(!cs.empty());
            for (const auto &c : cs) {
                if (c.user_data == 1) {
                    CHECK(c.result == static_cast<int64_t>(back.size()));
                    ++writes_done;
                } else {
                    REQUIRE(c.result > 0);
                    have += static_cast<size_t>(c.result);
                    read_done = true;
                }
            }
        }
    }
    CHECK(got == back);
    if (writes_done == 0) {
        const auto cs = test::collect(1);
        REQUIRE(cs.size() == 1);
        CHECK(cs[0].result == static_cast<int64_t>(back.size()));
    }
    CHECK(un_tcp_flush(p.client) == 0); // (nothing held back on a Unix stream)
    CHECK(un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE) == 0);
    char c;
    CHECK(un_tcp_read(p.server, &c, 1, test::kWait) == 0);
    CHECK(un_tcp_close(p.client) == 0);
    CHECK(un_tcp_close(p.server) == 0);
    CHECK(un_tcp_listener_close(p.l.handle) == 0);
    CHECK(exists(dir.file("echo.sock"))); // closing a listener does not remove its file
}

TEST_CASE("many connections are accepted on one Unix listener, blocking and submitted", "[unix]") {
    test::Runtime rt;
    const std::string addr = test::unix_name();
    test::Listener l(addr.c_str());
    CHECK(l.addr == addr);
    constexpr int kConns = 60;
    std::vector<int64_t> clients;
    for (int i = 0; i < kConns; ++i) {
        clients.push_back(un_tcp_connect(addr.c_str(), test::kWait));
        REQUIRE(clients.back() > 0);
    }
    std::vector<int64_t> servers;
    for (int i = 0; i < kConns / 2; ++i) {
        servers.push_back(un_tcp_accept(l.handle, test::kWait));
        REQUIRE(servers.back() > 0);
    }
    for (int i = kConns / 2; i < kConns; ++i) {
        REQUIRE(un_tcp_accept_submit(l.handle, test::kWait, 100) > 0);
    }
    for (const auto &c : test::collect(kConns / 2)) {
        REQUIRE(c.result > 0);
        servers.push_back(c.result);
    }
    REQUIRE(servers.size() == kConns);
    // Each accepted stream is one of the clients: a numbered byte from each arrives once.
    for (int i = 0; i < kConns; ++i) {
        const char b = static_cast<char>(i);
        REQUIRE(un_tcp_write(clients[static_cast<size_t>(i)], &b, 1, test::kWait) == 1);
    }
    std::vector<int> seen(kConns, 0);
    for (const int64_t s : servers) {
        char b;
        REQUIRE(un_tcp_read(s, &b, 1, test::kWait) == 1);
        ++seen[static_cast<unsigned char>(b)];
    }
    CHECK(seen == std::vector<int>(kConns, 1));
}

TEST_CASE("abstract Unix names have no file and read back with @", "[unix]") {
    test::Runtime rt;
    const std::string addr = test::unix_name();
    REQUIRE(addr.rfind("unix:@", 0) == 0);
    test::Pair p(addr.c_str());
    CHECK(text_of(un_socket_local_addr, p.server) == addr);
    CHECK(!exists(addr.substr(6)));
    CHECK(!exists("@" + addr.substr(6)));
    CHECK(un_tcp_write(p.client, "abc", 3, test::kWait) == 3);
    CHECK(test::read_exact(p.server, 3) == "abc");
    // The name is taken while the listener lives, free once it is closed.
    CHECK(un_tcp_listen(addr.c_str(), 0, 0) == UN_ERR_ADDRESS_IN_USE);
    REQUIRE(un_tcp_listener_close(p.l.handle) == 0);
    const int64_t again = un_tcp_listen(addr.c_str(), 0, 0);
    CHECK(again > 0);
}

TEST_CASE("malformed Unix addresses are BAD_ADDRESS: empty, too long for sun_path", "[unix][errors]") {
    test::Runtime rt;
    const std::string longest(sizeof(sockaddr_un::sun_path) - 1, 'p'); // fits with its NUL
    const std::string too_long(sizeof(sockaddr_un::sun_path), 'p');
    for (const std::string &bad : {std::string("unix:"), std::string("unix:@"), "unix:/" + too_long, "unix:@" + too_long}) {
        CAPTURE(bad);
        CHECK(un_tcp_listen(bad.c_str(), 0, 0) == UN_ERR_BAD_ADDRESS);
        CHECK(un_tcp_connect(bad.c_str(), test::kWait) == UN_ERR_BAD_ADDRESS);
        CHECK(un_udp_bind(bad.c_str(), 0) == UN_ERR_BAD_ADDRESS);
    }
    // The longest abstract name fits, and reads back whole.
    const std::string name = "unix:@" + longest.substr(1);
    const int64_t l = un_tcp_listen(name.c_str(), 0, 0);
    REQUIRE(l > 0);
    CHECK(text_of(un_socket_local_addr, l) == name);
    // A path in a directory that does not exist: nothing can be bound there.
    CHECK(un_tcp_listen("unix:/nonexistent-uringnet-dir/x.sock", 0, 0) == UN_ERR_ADDRESS_NOT_AVAILABLE);
}

TEST_CASE("a stale socket file gives ADDRESS_IN_USE, and UNLINK_STALE replaces only a stale socket", "[unix]") {
    test::Runtime rt;
    TempDir dir;
    const std::string addr = dir.addr("app.sock");
    const int64_t first = un_tcp_listen(addr.c_str(), 0, 0);
    REQUIRE(first > 0);
    SECTION("a live listener's file is never replaced") {
        CHECK(un_tcp_listen(addr.c_str(), 0, UN_BIND_FLAG_UNLINK_STALE) == UN_ERR_ADDRESS_IN_USE);
        const int64_t c = un_tcp_connect(addr.c_str(), test::kWait); // the first still answers
        CHECK(c > 0);
        CHECK(un_tcp_accept(first, test::kWait) > 0);
    }
    SECTION("the file a closed listener left") {
        REQUIRE(un_tcp_listener_close(first) == 0);
        REQUIRE(exists(dir.file("app.sock")));
        CHECK(un_tcp_connect(addr.c_str(), test::kWait) == UN_ERR_CONNECTION_REFUSED);
        CHECK(un_tcp_listen(addr.c_str(), 0, 0) == UN_ERR_ADDRESS_IN_USE); // never removed silently
        const int64_t second = un_tcp_listen(addr.c_str(), 0, UN_BIND_FLAG_UNLINK_STALE);
        REQUIRE(second > 0);
        const int64_t c = un_tcp_connect(addr.c_str(), test::kWait);
        CHECK(c > 0);
        CHECK(un_tcp_accept(second, test::kWait) > 0);
    }
    SECTION("a file that is not a socket is never removed") {
        REQUIRE(un_tcp_listener_close(first) == 0);
        const std::string plain = dir.file("data.txt");
        std::ofstream(plain) << "keep me";
        CHECK(un_tcp_listen(dir.addr("data.txt").c_str(), 0, UN_BIND_FLAG_UNLINK_STALE) == UN_ERR_ADDRESS_IN_USE);
        std::ifstream in(plain);
        std::string kept;
        std::getline(in, kept);
        CHECK(kept == "keep me");
    }
    SECTION("UNLINK_STALE is only for Unix paths; REUSE_PORT never for Unix sockets") {
        CHECK(un_tcp_listen("127.0.0.1:0", 0, UN_BIND_FLAG_UNLINK_STALE) == UN_ERR_INVALID_ARGUMENT);
        CHECK(un_tcp_listen(dir.addr("other.sock").c_str(), 0, UN_BIND_FLAG_REUSE_PORT) == UN_ERR_UNSUPPORTED);
        CHECK(un_udp_bind(dir.addr("other.dgram").c_str(), UN_BIND_FLAG_REUSE_PORT) == UN_ERR_UNSUPPORTED);
        CHECK(!exists(dir.file("other.sock")));
    }
}

TEST_CASE("connecting to a path with no socket file is CONNECTION_REFUSED", "[unix][errors]") {
    test::Runtime rt;
    TempDir dir;
    CHECK(un_tcp_connect(dir.addr("nobody.sock").c_str(), test::kWait) == UN_ERR_CONNECTION_REFUSED);
    REQUIRE(un_tcp_connect_submit(dir.addr("nobody.sock").c_str(), test::kWait, 5) > 0);
    const auto cs = test::collect(1);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].result == UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("a Unix stream's peer credentials and options", "[unix][options]") {
    test::Runtime rt;
    test::Pair p(test::unix_name().c_str());
    for (const int64_t h : {p.server, p.client}) {
        CHECK(un_socket_get_option(h, UN_SOCKET_OPTION_PEER_PID) == getpid());
        CHECK(un_socket_get_option(h, UN_SOCKET_OPTION_PEER_UID) == getuid());
        CHECK(un_socket_get_option(h, UN_SOCKET_OPTION_PEER_GID) == getgid());
        CHECK(un_socket_set_option(h, UN_SOCKET_OPTION_PEER_PID, 1) == UN_ERR_INVALID_ARGUMENT); // read-only
    }
    // No TCP or IP level on a Unix socket.
    for (const auto option : {UN_SOCKET_OPTION_NODELAY, UN_SOCKET_OPTION_KEEPALIVE, UN_SOCKET_OPTION_TTL}) {
        CAPTURE(option);
        CHECK(un_socket_get_option(p.client, option) == UN_ERR_UNSUPPORTED);
        CHECK(un_socket_set_option(p.client, option, 1) == UN_ERR_UNSUPPORTED);
    }
    // Socket-level options work.
    REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_SEND_BUFFER, 65536) == 0);
    CHECK(un_socket_get_option(p.client, UN_SOCKET_OPTION_SEND_BUFFER) >= 65536);
    REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_READ_TIMEOUT, 30) == 0);
    char c;
    CHECK(un_tcp_read(p.client, &c, 1, UN_TIMEOUT_FROM_OPTION) == UN_ERR_TIMED_OUT);
    // Peer credentials are a Unix socket's.
    test::Pair tcp;
    CHECK(un_socket_get_option(tcp.server, UN_SOCKET_OPTION_PEER_PID) == UN_ERR_UNSUPPORTED);
}

TEST_CASE("closing Unix handles ends their operations in flight", "[unix][close]") {
    test::Runtime rt;
    test::Pair p(test::unix_name().c_str());
    test::Pair q(test::unix_name().c_str());
    char buf[16], buf2[16];
    REQUIRE(un_tcp_read_submit(p.server, buf, sizeof buf, -1, 1) > 0);
    REQUIRE(un_tcp_accept_submit(p.l.handle, -1, 2) > 0);
    std::atomic<int64_t> blocking{1};
    std::thread reader([&] { blocking = un_tcp_read(q.client, buf2, sizeof buf2, -1); });
    REQUIRE(test::eventually([&] { return test::total_stats()["in_flight"].get<uint64_t>() >= 2; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // (the blocking read waits too)
    // Each handle closed is the one its operation waits on (not its peer: that would end it
    // with the end of the stream).
    CHECK(un_tcp_close(p.server) == 0);
    CHECK(un_tcp_listener_close(p.l.handle) == 0);
    CHECK(un_tcp_close(q.client) == 0);
    reader.join();
    CHECK(blocking.load() == UN_ERR_CANCELED);
    const auto cs = test::collect(2);
    REQUIRE(cs.size() == 2);
    for (const auto &c : cs) {
        CHECK(c.result == UN_ERR_CANCELED);
    }
}

TEST_CASE("Unix datagrams carry the sender's path, or nothing for an unbound sender", "[unix][udp]") {
    test::Runtime rt;
    TempDir dir;
    const std::string a_addr = dir.addr("a.dgram"), b_addr = dir.addr("b.dgram");
    const int64_t a = un_udp_bind(a_addr.c_str(), 0);
    const int64_t b = un_udp_bind(b_addr.c_str(), 0);
    REQUIRE(a > 0);
    REQUIRE(b > 0);
    CHECK(text_of(un_socket_local_addr, b) == b_addr);
    const std::string msg = random_bytes(3000, 3);
    REQUIRE(un_udp_send_to(a, msg.data(), static_cast<uint32_t>(msg.size()), b_addr.c_str(), test::kWait) ==
            static_cast<int64_t>(msg.size()));
    std::vector<char> buf(65536);
    char from[128];
    int64_t n = un_udp_recv_from(b, buf.data(), static_cast<uint32_t>(buf.size()), from, sizeof from, test::kWait);
    REQUIRE(n == static_cast<int64_t>(msg.size()));
    CHECK(std::string(buf.data(), static_cast<size_t>(n)) == msg);
    CHECK(std::string(from) == a_addr);
    // A reply to that path, submitted.
    REQUIRE(un_udp_send_to_submit(b, "pong", 4, from, test::kWait, 7) > 0);
    n = un_udp_recv_from(a, buf.data(), static_cast<uint32_t>(buf.size()), from, sizeof from, test::kWait);
    CHECK(n == 4);
    CHECK(std::string(from) == b_addr);
    CHECK(test::collect(1).size() == 1);
    // An unbound sender (a plain socket of the host's) has no address.
    const int plain = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(plain >= 0);
    sockaddr_un to{};
    to.sun_family = AF_UNIX;
    std::snprintf(to.sun_path, sizeof to.sun_path, "%s", dir.file("b.dgram").c_str());
    REQUIRE(sendto(plain, "anon", 4, 0, reinterpret_cast<sockaddr *>(&to), sizeof to) == 4);
    n = un_udp_recv_from(b, buf.data(), static_cast<uint32_t>(buf.size()), from, sizeof from, test::kWait);
    CHECK(n == 4);
    CHECK(std::string(from).empty());
    close(plain);
    // A from buffer too small for a Unix address.
    char small[64];
    CHECK(un_udp_recv_from(b, buf.data(), static_cast<uint32_t>(buf.size()), small, sizeof small, 10) == UN_ERR_BUFFER_TOO_SMALL);
    // Connected: send and recv without addresses.
    REQUIRE(un_udp_connect(a, b_addr.c_str()) == 0);
    CHECK(text_of(un_socket_peer_addr, a) == b_addr);
    REQUIRE(un_udp_send(a, "conn", 4, test::kWait) == 4);
    n = un_udp_recv(b, buf.data(), static_cast<uint32_t>(buf.size()), test::kWait);
    CHECK(n == 4);
    CHECK(un_udp_close(a) == 0);
    CHECK(un_udp_close(b) == 0);
}

TEST_CASE("a Unix stream socket of the host's can be adopted", "[unix][adopt]") {
    test::Runtime rt;
    int fds[2];
    REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0);
    const int64_t s = un_tcp_adopt_stream(fds[0]);
    REQUIRE(s > 0);
    REQUIRE(write(fds[1], "hello", 5) == 5);
    CHECK(test::read_exact(s, 5) == "hello");
    CHECK(un_tcp_write(s, "back", 4, test::kWait) == 4);
    char buf[4];
    CHECK(read(fds[1], buf, 4) == 4);
    CHECK(std::string(buf, 4) == "back");
    CHECK(un_socket_get_option(s, UN_SOCKET_OPTION_PEER_PID) == getpid());
    CHECK(un_tcp_close(s) == 0);
    close(fds[1]);
}
