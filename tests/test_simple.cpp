// The monoio_* adapters Simple's std.net calls, driven the way Simple's compiled code calls
// them: integers raw, text and byte buffers as RuntimeValue words (tests/simple_standin).
#include <unistd.h>

#include <cstdlib>
#include <thread>

#include "helpers.hpp"
#include "simple_standin.hpp"
#include "uringnet/uringnet_simple.h"

using standin::Layout;

namespace {

const char *layout_name(Layout l) {
    return l == Layout::inline_words ? "inline words" : l == Layout::out_of_line ? "out-of-line words" : "packed bytes";
}

struct SimpleRuntime {
    SimpleRuntime() { REQUIRE(monoio_runtime_init() == 0); }
    ~SimpleRuntime() { monoio_runtime_shutdown(); }
};

} // namespace

TEST_CASE("Simple: TCP echo through the monoio_* adapters, every array layout", "[simple]") {
    SimpleRuntime rt;
    for (Layout layout : {Layout::inline_words, Layout::out_of_line, Layout::packed_bytes}) {
        INFO("array layout: " << layout_name(layout));
        const int64_t l = monoio_tcp_listen(standin::make_text("127.0.0.1:0"));
        REQUIRE(l > 0); // raw handle, not shifted
        const standin::rv addr = monoio_tcp_local_addr(l);
        const std::string addr_text = standin::text_of(addr);
        CHECK(addr_text.rfind("127.0.0.1:", 0) == 0);
        const int64_t c = monoio_tcp_connect(addr);
        REQUIRE(c > 0);
        const int64_t s = monoio_tcp_accept(l);
        REQUIRE(s > 0);
        CHECK(standin::text_of(monoio_tcp_peer_addr(c)) == addr_text);
        CHECK(monoio_tcp_set_nodelay(c, 1) == 0);
        CHECK(monoio_tcp_set_keepalive(c, 60) == 0);

        const std::string msg = std::string("hello from Simple \x00\xff", 20);
        CHECK(monoio_tcp_write(c, standin::make_bytes(layout, msg), static_cast<int64_t>(msg.size())) ==
              static_cast<int64_t>(msg.size()));
        CHECK(monoio_tcp_flush(c) == 0);
        const standin::rv buf = standin::make_array(layout, 64);
        std::string got;
        while (got.size() < msg.size()) {
            const int64_t n = monoio_tcp_read(s, buf, 64);
            REQUIRE(n > 0);
            got += standin::bytes_of(buf, n);
        }
        CHECK(got == msg);
        // Echo back, then end of stream after shutdown(write) (ShutdownMode.Write = 1).
        REQUIRE(monoio_tcp_write(s, standin::make_bytes(layout, got), static_cast<int64_t>(got.size())) ==
                static_cast<int64_t>(got.size()));
        REQUIRE(monoio_tcp_shutdown(s, 1) == 0);
        const standin::rv back = standin::make_array(layout, 64);
        int64_t total = 0;
        for (int64_t n; (n = monoio_tcp_read(c, back, 64)) > 0;) {
            total += n;
        }
        CHECK(total == static_cast<int64_t>(msg.size()));
        CHECK(monoio_tcp_close(c) == 0);
        CHECK(monoio_tcp_close(s) == 0);
        CHECK(monoio_tcp_close(s) == UN_ERR_CLOSED);
        CHECK(monoio_tcp_listener_close(l) == 0);
    }
}

TEST_CASE("Simple: UDP exchange, recv_from returns the sender", "[simple]") {
    SimpleRuntime rt;
    for (Layout layout : {Layout::inline_words, Layout::out_of_line, Layout::packed_bytes}) {
        INFO("array layout: " << layout_name(layout));
        const int64_t a = monoio_udp_bind(standin::make_text("127.0.0.1:0"));
        const int64_t b = monoio_udp_bind(standin::make_text("127.0.0.1:0"));
        REQUIRE(a > 0);
        REQUIRE(b > 0);
        const standin::rv a_addr = monoio_udp_local_addr(a);
        const standin::rv b_addr = monoio_udp_local_addr(b);
        CHECK(monoio_udp_send_to(a, standin::make_bytes(layout, "datagram"), 8, b_addr) == 8);
        const standin::rv buf = standin::make_array(layout, 32);
        const standin::rv sender = standin::make_array(Layout::out_of_line, 1);
        CHECK(monoio_udp_recv_from(b, buf, 32, sender) == 8);
        CHECK(standin::bytes_of(buf, 8) == "datagram");
        REQUIRE(rt_array_len(sender) == 1);
        CHECK(standin::text_of(rt_array_get(sender, 0)) == standin::text_of(a_addr));
        // Connected send/recv, broadcast and multicast TTL options.
        CHECK(monoio_udp_connect(a, b_addr) == 0);
        CHECK(monoio_udp_send(a, standin::make_bytes(layout, "again"), 5) == 5);
        CHECK(monoio_udp_recv(b, buf, 32) == 5);
        CHECK(standin::bytes_of(buf, 5) == "again");
        CHECK(monoio_udp_set_broadcast(a, 1) == 0);
        CHECK(monoio_udp_set_multicast_ttl(a, 4) == 0);
        CHECK(monoio_udp_join_multicast(b, standin::make_text("239.1.2.3"), standin::make_text("lo")) == 0);
        CHECK(monoio_udp_leave_multicast(b, standin::make_text("239.1.2.3"), standin::make_text("lo")) == 0);
        CHECK(monoio_udp_close(a) == 0);
        CHECK(monoio_udp_close(b) == 0);
    }
}

TEST_CASE("Simple: std.net.unix's calls: a Unix stream, a stale file replaced, peer credentials, datagrams", "[simple][unix]") {
    SimpleRuntime rt;
    char dir[] = "/tmp/uringnet-simple-unix-XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string path = std::string("unix:") + dir + "/s.sock";
    // UnixListener.bind / UnixStream.connect: the same calls as TCP, on "unix:" + path.
    int64_t l = monoio_tcp_listen(standin::make_text(path.c_str()));
    REQUIRE(l > 0);
    CHECK(standin::text_of(monoio_tcp_local_addr(l)) == path);
    const int64_t c = monoio_tcp_connect(standin::make_text(path.c_str()));
    REQUIRE(c > 0);
    const int64_t s = monoio_tcp_accept(l);
    REQUIRE(s > 0);
    CHECK(monoio_tcp_write(c, standin::make_bytes(Layout::packed_bytes, "unix"), 4) == 4);
    const standin::rv buf = standin::make_array(Layout::packed_bytes, 8);
    CHECK(monoio_tcp_read_exact(s, buf, 4, 5000) == 4);
    CHECK(standin::bytes_of(buf, 4) == "unix");
    // UnixStream.peer_cred: PEER_PID, PEER_UID, PEER_GID (SocketOption 14, 15, 16).
    CHECK(monoio_socket_get_option(s, 14) == getpid());
    CHECK(monoio_socket_get_option(s, 15) == static_cast<int64_t>(getuid()));
    CHECK(monoio_socket_get_option(s, 16) == static_cast<int64_t>(getgid()));
    // UnixStream.send_fd / send_stream / recv_fd.
    int pp[2];
    REQUIRE(pipe(pp) == 0);
    CHECK(monoio_unix_send_fd(c, pp[0]) == 0);
    close(pp[0]);
    const int64_t got = monoio_unix_recv_fd(s);
    REQUIRE(got >= 0);
    CHECK(write(pp[1], "p", 1) == 1);
    char ch = 0;
    CHECK(read(static_cast<int>(got), &ch, 1) == 1);
    CHECK(ch == 'p');
    close(static_cast<int>(got));
    close(pp[1]);
    CHECK(monoio_unix_send_handle(c, l) == 0);
    const int64_t lfd = monoio_unix_recv_fd(s);
    CHECK(lfd >= 0);
    close(static_cast<int>(lfd));
    CHECK(monoio_tcp_close(c) == 0);
    CHECK(monoio_tcp_close(s) == 0);
    // The listener is gone, its file stays: bind gives ADDRESS_IN_USE, bind_replacing_stale
    // (monoio_tcp_listen_flags with BindFlag.UnlinkStale = 4) replaces it.
    CHECK(monoio_tcp_listener_close(l) == 0);
    CHECK(monoio_tcp_listen(standin::make_text(path.c_str())) == UN_ERR_ADDRESS_IN_USE);
    l = monoio_tcp_listen_flags(standin::make_text(path.c_str()), 4);
    CHECK(l > 0);
    CHECK(monoio_tcp_listener_close(l) == 0);
    // UnixDatagram: send_to and recv_from with the sender's path.
    const std::string a_path = std::string("unix:") + dir + "/a.dgram", b_path = std::string("unix:") + dir + "/b.dgram";
    const int64_t a = monoio_udp_bind(standin::make_text(a_path.c_str()));
    const int64_t b = monoio_udp_bind(standin::make_text(b_path.c_str()));
    REQUIRE(a > 0);
    REQUIRE(b > 0);
    CHECK(monoio_udp_send_to(a, standin::make_bytes(Layout::packed_bytes, "dgram"), 5, standin::make_text(b_path.c_str())) == 5);
    const standin::rv sender = standin::make_array(Layout::out_of_line, 1);
    CHECK(monoio_udp_recv_from(b, buf, 8, sender) == 5);
    CHECK(standin::bytes_of(buf, 5) == "dgram");
    CHECK(standin::text_of(rt_array_get(sender, 0)) == a_path);
    CHECK(monoio_udp_close(a) == 0);
    CHECK(monoio_udp_close(b) == 0);
    std::system((std::string("rm -rf ") + dir).c_str());
}

TEST_CASE("Simple: RuntimeValues of the wrong kind give WRONG_VALUE_KIND, never a crash", "[simple]") {
    SimpleRuntime rt;
    const standin::rv not_text[] = {standin::make_int(5), standin::kNil, standin::kTrue,
                                    standin::make_float_bits(42), standin::make_array(Layout::out_of_line, 4)};
    for (standin::rv v : not_text) {
        INFO("value word " << v);
        CHECK(monoio_tcp_connect(v) == UN_ERR_WRONG_VALUE_KIND);
        CHECK(monoio_tcp_listen(v) == UN_ERR_WRONG_VALUE_KIND);
        CHECK(monoio_udp_bind(v) == UN_ERR_WRONG_VALUE_KIND);
    }
    const int64_t l = monoio_tcp_listen(standin::make_text("127.0.0.1:0"));
    const int64_t c = monoio_tcp_connect(monoio_tcp_local_addr(l));
    REQUIRE(c > 0);
    const standin::rv not_array[] = {standin::make_int(5), standin::kNil, standin::make_text("abc"),
                                     standin::make_float_bits(1)};
    for (standin::rv v : not_array) {
        INFO("value word " << v);
        CHECK(monoio_tcp_write(c, v, 3) == UN_ERR_WRONG_VALUE_KIND);
        CHECK(monoio_tcp_read(c, v, 3) == UN_ERR_WRONG_VALUE_KIND);
    }
    // Arrays whose elements are not bytes.
    const standin::rv words = standin::make_array(Layout::out_of_line, 4);
    rt_array_push(words, standin::make_int(300));
    CHECK(monoio_tcp_write(c, words, 1) == UN_ERR_WRONG_VALUE_KIND);
    const standin::rv texts = standin::make_array(Layout::inline_words, 4);
    rt_array_push(texts, standin::make_text("x"));
    CHECK(monoio_tcp_write(c, texts, 1) == UN_ERR_WRONG_VALUE_KIND);
    // A length longer than the array, a negative one.
    CHECK(monoio_tcp_write(c, standin::make_bytes(Layout::packed_bytes, "ab"), 3) == UN_ERR_INVALID_ARGUMENT);
    CHECK(monoio_tcp_read(c, standin::make_array(Layout::packed_bytes, 4), -1) == UN_ERR_INVALID_ARGUMENT);
    // Text results are nil on error; the sender array must be an array.
    CHECK(monoio_tcp_local_addr(12345) == standin::kNil);
    const int64_t u = monoio_udp_bind(standin::make_text("127.0.0.1:0"));
    CHECK(monoio_udp_recv_from(u, standin::make_array(Layout::out_of_line, 4), 4, standin::kNil) ==
          UN_ERR_WRONG_VALUE_KIND);
    CHECK(monoio_udp_join_multicast(u, standin::make_int(1), standin::make_text("lo")) == UN_ERR_WRONG_VALUE_KIND);
}

TEST_CASE("Simple: runtime functions, statistics and the extras", "[simple]") {
    CHECK(monoio_configure_entries(0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(monoio_configure_entries(64) == 0);
    CHECK(monoio_get_num_cores() >= 1);
    CHECK(monoio_get_stats() == standin::kNil); // not running yet
    REQUIRE(monoio_runtime_init_global() == 0);
    CHECK(monoio_runtime_init() == UN_ERR_ALREADY_INITIALIZED);
    const int64_t l = monoio_tcp_listen(standin::make_text("127.0.0.1:0"));
    REQUIRE(l > 0);
    const std::string stats = standin::text_of(monoio_get_stats());
    CHECK(stats.find("\"entries\":64") != std::string::npos);
    CHECK(stats.find("\"requests\":2") != std::string::npos);
    CHECK(monoio_reset_stats() == 0);
    CHECK(standin::text_of(monoio_get_stats()).find("\"requests\":1,") != std::string::npos); // the stats call itself
    const std::string reason = standin::text_of(monoio_runtime_backend());
    INFO("backend reason: " << reason);
    CHECK(reason.rfind(test::expected_backend(), 0) == 0);
    CHECK(monoio_socket_set_option(l, UN_SOCKET_OPTION_REUSE_PORT, 1) == 0);
    CHECK(monoio_socket_get_option(l, UN_SOCKET_OPTION_REUSE_PORT) == 1);
    CHECK(monoio_socket_cancel(l) == 0);
    CHECK(monoio_uringnet_abi_version() == UN_ABI_VERSION);
    CHECK(standin::text_of(monoio_uringnet_spec_checksum()) == UN_SPEC_CHECKSUM);
    CHECK(monoio_block_on(42) == 42);
    CHECK(monoio_spawn_local(7) == UN_ERR_UNSUPPORTED);
    CHECK(monoio_runtime_shutdown() == 0);
    CHECK(monoio_tcp_accept(l) == UN_ERR_SHUT_DOWN);
    CHECK(monoio_runtime_backend() == standin::kNil);
    CHECK(monoio_configure_backend(7) == UN_ERR_INVALID_ARGUMENT);
    CHECK(monoio_configure_sqpoll(0) == 0);
    // std.net needs no init call: its first bind or connect starts the runtime, once.
    CHECK(monoio_runtime_ensure() == 0);
    CHECK(monoio_runtime_ensure() == 0); // running already: nothing to do
    CHECK(monoio_tcp_listen(standin::make_text("127.0.0.1:0")) > 0);
    CHECK(monoio_runtime_shutdown() == 0);
}

TEST_CASE("Simple: what std.net's classes call, linked together with the runtime", "[simple]") {
    // The rt_* stand-in is linked into this executable together with liburingnet.a: the first
    // of the three ways a Simple host reaches them (tests/linking has the other two).
    CHECK(monoio_uringnet_rt_linked() == 1);
    SimpleRuntime rt;
    const int64_t l = monoio_tcp_listen(standin::make_text("127.0.0.1:0"));
    REQUIRE(l > 0);
    const standin::rv addr = monoio_tcp_local_addr(l);
    // TcpListener.accept_timeout / TcpStream.connect_timeout.
    CHECK(monoio_tcp_accept_timeout(l, 20) == UN_ERR_TIMED_OUT);
    const int64_t c = monoio_tcp_connect_timeout(addr, 5000);
    REQUIRE(c > 0);
    const int64_t s = monoio_tcp_accept_timeout(l, 5000);
    REQUIRE(s > 0);
    // set_read_timeout / set_write_timeout: remembered by the handle, used by read() and write().
    CHECK(monoio_socket_get_option(s, UN_SOCKET_OPTION_READ_TIMEOUT) == -1);
    CHECK(monoio_socket_set_option(s, UN_SOCKET_OPTION_READ_TIMEOUT, 25) == 0);
    CHECK(monoio_socket_get_option(s, UN_SOCKET_OPTION_READ_TIMEOUT) == 25);
    CHECK(monoio_socket_set_option(s, UN_SOCKET_OPTION_WRITE_TIMEOUT, -2) == UN_ERR_INVALID_ARGUMENT);
    const standin::rv buf = standin::make_array(Layout::out_of_line, 16);
    // What TcpStream.read passes (one call): the option's timeout, not forever.
    CHECK(monoio_tcp_read_timeout(s, buf, 16, UN_TIMEOUT_FROM_OPTION) == UN_ERR_TIMED_OUT);
    CHECK(monoio_tcp_read(s, buf, 16) == UN_ERR_TIMED_OUT); // std.net's read(stream, buf, max_len)
    // read(size) and read_line: an empty array filled by the adapter, then made text.
    CHECK(monoio_tcp_write_timeout(c, standin::make_bytes(Layout::inline_words, "line\n"), 5, 5000) == 5);
    CHECK(monoio_tcp_read_timeout(s, buf, 16, 5000) == 5);
    CHECK(standin::text_of(monoio_bytes_to_text(buf)) == "line\n");
    CHECK(monoio_bytes_to_text(standin::make_int(1)) == standin::kNil);
    // A closed handle forgets its timeouts with the rest: the next owner starts at -1.
    CHECK(monoio_tcp_close(s) == 0);
    CHECK(monoio_socket_get_option(s, UN_SOCKET_OPTION_READ_TIMEOUT) == UN_ERR_CLOSED);
    CHECK(monoio_tcp_read_timeout(s, buf, 16, UN_TIMEOUT_FROM_OPTION) == UN_ERR_CLOSED);
    // UdpSocket.recv_from returns the sender.
    const int64_t a = monoio_udp_bind(standin::make_text("127.0.0.1:0"));
    const int64_t b = monoio_udp_bind(standin::make_text("127.0.0.1:0"));
    CHECK(monoio_udp_send_to_timeout(a, standin::make_bytes(Layout::packed_bytes, "hi"), 2, monoio_udp_local_addr(b), 5000) == 2);
    const standin::rv from = standin::make_array(Layout::out_of_line, 1);
    CHECK(monoio_udp_recv_from_timeout(b, buf, 16, from, 5000) == 2);
    CHECK(standin::text_of(rt_array_get(from, 0)) == standin::text_of(monoio_udp_local_addr(a)));
}

TEST_CASE("Simple: byte arrays of every layout are copied in one go, with the same results", "[simple]") {
    SimpleRuntime rt;
    test::Pair p;
    for (Layout layout : {Layout::inline_words, Layout::out_of_line, Layout::packed_bytes}) {
        INFO("array layout: " << layout_name(layout));
        // A read fills the array from index 0 and keeps what lies beyond.
        const standin::rv buf = standin::make_bytes(layout, "xxxxxxxx", 16);
        REQUIRE(un_tcp_write(p.client, "abc", 3, test::kWait) == 3);
        CHECK(monoio_tcp_read(p.server, buf, 16) == 3);
        CHECK(standin::bytes_of(buf) == "abcxxxxx");
        // Beyond the array's capacity: BUFFER_TOO_SMALL, and the bytes are the next read's.
        REQUIRE(un_tcp_write(p.client, "0123456789", 10, test::kWait) == 10);
        // (On loopback the bytes are in the peer's buffer once the write returns.)
        CHECK(monoio_tcp_read(p.server, standin::make_array(layout, 4), 16) == UN_ERR_BUFFER_TOO_SMALL);
        const standin::rv again = standin::make_array(layout, 16);
        CHECK(monoio_tcp_read(p.server, again, 16) == 10);
        CHECK(standin::bytes_of(again) == "0123456789");
        // A write takes the whole array's bytes, and a large read fills a whole array: neither
        // goes element by element through the runtime's rt_array_* (a handful of calls each).
        const std::string big(100000, 'q');
        const standin::rv big_array = standin::make_bytes(layout, big);
        const uint64_t before_write = standin::element_calls();
        CHECK(monoio_tcp_write(p.server, big_array, static_cast<int64_t>(big.size())) ==
              static_cast<int64_t>(big.size()));
        CHECK(standin::element_calls() - before_write <= 4);
        CHECK(test::read_exact(p.client, big.size()) == big);
        REQUIRE(un_tcp_write(p.client, big.data(), 4096, test::kWait) == 4096);
        const standin::rv into = standin::make_array(layout, 4096);
        const uint64_t before_read = standin::element_calls();
        CHECK(monoio_tcp_read_exact(p.server, into, 4096, test::kWait) == 4096);
        CHECK(standin::element_calls() - before_read <= 4);
        CHECK(standin::bytes_of(into) == big.substr(0, 4096));
    }
}

TEST_CASE("Simple: a word array that is not all bytes is refused whole in either layout", "[simple]") {
    SimpleRuntime rt;
    test::Pair p;
    for (Layout layout : {Layout::inline_words, Layout::out_of_line}) {
        INFO("array layout: " << layout_name(layout));
        // A word in the middle or at the end that is not a byte: nothing is sent.
        for (standin::rv bad : {standin::make_int(256), standin::make_int(-1), standin::make_text("x"), standin::kNil}) {
            for (int at : {1, 2}) {
                const standin::rv a = standin::make_array(layout, 3);
                for (int i = 0; i < 3; ++i) {
                    rt_array_push(a, i == at ? bad : standin::make_int('a' + i));
                }
                CHECK(monoio_tcp_write(p.client, a, 3) == UN_ERR_WRONG_VALUE_KIND);
            }
        }
        // The first element not a byte (the layout is not told from it): the same answer.
        const standin::rv first = standin::make_array(layout, 2);
        rt_array_push(first, standin::make_int(1000));
        rt_array_push(first, standin::make_int('b'));
        CHECK(monoio_tcp_write(p.client, first, 2) == UN_ERR_WRONG_VALUE_KIND);
        // Nothing of those reached the peer; a good array's bytes do.
        REQUIRE(monoio_tcp_write(p.client, standin::make_bytes(layout, "ok"), 2) == 2);
        CHECK(test::read_exact(p.server, 2) == "ok");
    }
}
