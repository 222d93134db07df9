// A host process that loads liburingnet.so with dlopen, as a language runtime would, built two
// ways: with the rt_* stand-in exported from the executable (SIMPLE_HOST_EXPORTS: Simple's
// runtime reachable, found by the library at run time) and without it (nothing reachable: the
// adapters that need rt_* must answer RUNTIME_NOT_LINKED, text results nil, and never crash).
// The third way, the stand-in linked together with the library, is the unit-test binary's.
//
//   simple_host_exported LIBRARY    simple_host_absent LIBRARY     exit 0 on success
#include <dlfcn.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#ifdef SIMPLE_HOST_EXPORTS
#include "simple_standin.hpp"
#endif

namespace {

using rv = uint64_t;
int failures = 0;

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "%s:%d: expectation failed: %s\n", __FILE__, __LINE__, #cond);   \
            ++failures;                                                                            \
        }                                                                                          \
    } while (0)

template <typename F>
F sym(void *lib, const char *name) {
    void *p = dlsym(lib, name);
    if (p == nullptr) {
        std::fprintf(stderr, "missing symbol %s\n", name);
        ++failures;
    }
    return reinterpret_cast<F>(p);
}

// A RuntimeValue string made by hand (type 0x01: header, len, hash, bytes), for the
// address arguments the adapters decode themselves.
struct alignas(8) TextObj {
    uint8_t header[8] = {0x01};
    uint64_t len = 0, hash = 0;
    char bytes[64] = {};
};
rv text(TextObj &t, const char *s) {
    t.len = std::strlen(s);
    std::memcpy(t.bytes, s, t.len);
    return reinterpret_cast<rv>(&t) | 1;
}

#ifdef SIMPLE_HOST_EXPORTS
// A TCP stream pair made through the adapters: {listener, client, server}.
struct Streams {
    int64_t l = 0, c = 0, s = 0;
};
Streams stream_pair(void *lib) {
    auto listen = sym<int64_t (*)(rv)>(lib, "monoio_tcp_listen");
    auto local_addr = sym<rv (*)(int64_t)>(lib, "monoio_tcp_local_addr");
    auto connect = sym<int64_t (*)(rv)>(lib, "monoio_tcp_connect");
    auto accept = sym<int64_t (*)(int64_t)>(lib, "monoio_tcp_accept");
    Streams p;
    TextObj any;
    p.l = listen(text(any, "127.0.0.1:0"));
    EXPECT(p.l > 0);
    p.c = connect(local_addr(p.l));
    EXPECT(p.c > 0);
    p.s = accept(p.l);
    EXPECT(p.s > 0);
    return p;
}

// IoDriver's echo: the driver accepts on a listener, receives what a client sends from an
// array of each layout, sends it back from the array poll_recv_bytes gave; every byte checked.
void driver_echo(void *lib) {
    auto driver_new = sym<int64_t (*)(int64_t)>(lib, "monoio_driver_new");
    auto driver_close = sym<int64_t (*)(int64_t)>(lib, "monoio_driver_close");
    auto submit_accept = sym<int64_t (*)(int64_t, int64_t)>(lib, "monoio_driver_submit_accept");
    auto submit_recv = sym<int64_t (*)(int64_t, int64_t, int64_t)>(lib, "monoio_driver_submit_recv");
    auto submit_send_bytes = sym<int64_t (*)(int64_t, int64_t, rv)>(lib, "monoio_driver_submit_send_bytes");
    auto flush = sym<int64_t (*)(int64_t)>(lib, "monoio_driver_flush");
    auto wait_for = sym<int64_t (*)(int64_t, int64_t, int64_t)>(lib, "monoio_driver_wait_for");
    auto poll_result = sym<int64_t (*)(int64_t, int64_t)>(lib, "monoio_driver_poll_result");
    auto poll_recv_bytes = sym<rv (*)(int64_t, int64_t)>(lib, "monoio_driver_poll_recv_bytes");
    auto listen = sym<int64_t (*)(rv)>(lib, "monoio_tcp_listen");
    auto local_addr = sym<rv (*)(int64_t)>(lib, "monoio_tcp_local_addr");
    auto connect = sym<int64_t (*)(rv)>(lib, "monoio_tcp_connect");
    auto write = sym<int64_t (*)(int64_t, rv, int64_t)>(lib, "monoio_tcp_write");
    auto read_exact = sym<int64_t (*)(int64_t, rv, int64_t, int64_t)>(lib, "monoio_tcp_read_exact");
    if (failures != 0) {
        return;
    }
    const int64_t d = driver_new(0);
    EXPECT(d > 0);
    TextObj any;
    const int64_t l = listen(text(any, "127.0.0.1:0"));
    const int64_t accept_op = submit_accept(d, l);
    EXPECT(flush(d) >= 0);
    const int64_t c = connect(local_addr(l));
    EXPECT(c > 0);
    EXPECT(wait_for(d, accept_op, 5000) == 1);
    const int64_t s = poll_result(d, 0);
    EXPECT(s > 0);
    for (auto layout : {standin::Layout::inline_words, standin::Layout::out_of_line, standin::Layout::packed_bytes}) {
        std::string msg(3000 + static_cast<int>(layout), '\0');
        for (size_t i = 0; i < msg.size(); ++i) {
            msg[i] = static_cast<char>((i * 7 + static_cast<size_t>(layout)) & 0xFF);
        }
        EXPECT(write(c, standin::make_bytes(layout, msg), static_cast<int64_t>(msg.size())) ==
               static_cast<int64_t>(msg.size()));
        std::string echoed;
        while (echoed.size() < msg.size() && failures == 0) {
            const int64_t recv_op = submit_recv(d, s, 65536);
            EXPECT(flush(d) >= 0);
            EXPECT(wait_for(d, recv_op, 5000) == 1);
            const int64_t n = poll_result(d, 0);
            EXPECT(n > 0);
            const rv got = poll_recv_bytes(d, 0);
            const int64_t send_op = submit_send_bytes(d, s, got);
            EXPECT(flush(d) >= 0);
            EXPECT(wait_for(d, send_op, 5000) == 1);
            EXPECT(poll_result(d, 0) == n);
            echoed += standin::bytes_of(got);
        }
        EXPECT(echoed == msg);
        const rv back = standin::make_array(layout, msg.size());
        EXPECT(read_exact(c, back, static_cast<int64_t>(msg.size()), 5000) == static_cast<int64_t>(msg.size()));
        EXPECT(standin::bytes_of(back) == msg);
    }
    EXPECT(driver_close(d) == 0);
}

// TcpStream.read_line and read_exact, and a read after them: nothing lost or reordered.
void stream_reads(void *lib) {
    auto write = sym<int64_t (*)(int64_t, rv, int64_t)>(lib, "monoio_tcp_write");
    auto read_line = sym<int64_t (*)(int64_t, rv, int64_t, int64_t)>(lib, "monoio_tcp_read_line");
    auto read_exact = sym<int64_t (*)(int64_t, rv, int64_t, int64_t)>(lib, "monoio_tcp_read_exact");
    auto read_timeout = sym<int64_t (*)(int64_t, rv, int64_t, int64_t)>(lib, "monoio_tcp_read_timeout");
    auto close = sym<int64_t (*)(int64_t)>(lib, "monoio_tcp_close");
    if (failures != 0) {
        return;
    }
    const Streams p = stream_pair(lib);
    for (auto layout : {standin::Layout::inline_words, standin::Layout::out_of_line, standin::Layout::packed_bytes}) {
        EXPECT(write(p.c, standin::make_bytes(layout, "first\nsecond\nrest"), 17) == 17);
        const rv line = standin::make_array(standin::Layout::out_of_line, 1);
        EXPECT(read_line(p.s, line, 1024, 5000) == 6);
        EXPECT(standin::text_of(rt_array_get(line, 0)) == "first\n");
        const rv exact = standin::make_array(layout, 7);
        EXPECT(read_exact(p.s, exact, 7, 5000) == 7);
        EXPECT(standin::bytes_of(exact) == "second\n");
        const rv rest = standin::make_array(layout, 64);
        EXPECT(read_timeout(p.s, rest, 64, 5000) == 4);
        EXPECT(standin::bytes_of(rest) == "rest");
    }
    EXPECT(close(p.c) == 0);
    EXPECT(close(p.s) == 0);
}
#endif

} // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s LIBRARY\n", argv[0]);
        return 2;
    }
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) {
        std::fprintf(stderr, "dlopen: %s\n", dlerror());
        return 1;
    }
    auto rt_linked = sym<int64_t (*)()>(lib, "monoio_uringnet_rt_linked");
    auto init = sym<int64_t (*)()>(lib, "monoio_runtime_init");
    auto shutdown = sym<int64_t (*)()>(lib, "monoio_runtime_shutdown");
    auto bind = sym<int64_t (*)(rv)>(lib, "monoio_udp_bind");
    auto local_addr = sym<rv (*)(int64_t)>(lib, "monoio_udp_local_addr");
    auto send_to = sym<int64_t (*)(int64_t, rv, int64_t, rv)>(lib, "monoio_udp_send_to");
    auto recv_from = sym<int64_t (*)(int64_t, rv, int64_t, rv, int64_t)>(lib, "monoio_udp_recv_from_timeout");
    if (failures != 0) {
        return 1;
    }
    EXPECT(init() == 0);
    TextObj any;
    const int64_t a = bind(text(any, "127.0.0.1:0"));
    const int64_t b = bind(text(any, "127.0.0.1:0"));
    EXPECT(a > 0 && b > 0); // text arguments need no rt_* helper
#ifdef SIMPLE_HOST_EXPORTS
    EXPECT(rt_linked() == 1);
    const std::string b_addr = standin::text_of(local_addr(b));
    for (auto layout : {standin::Layout::inline_words, standin::Layout::out_of_line, standin::Layout::packed_bytes}) {
        TextObj to;
        const int64_t sent = send_to(a, standin::make_bytes(layout, "ping"), 4, text(to, b_addr.c_str()));
        if (sent != 4) {
            std::fprintf(stderr, "layout %d: send_to gave %lld\n", static_cast<int>(layout), static_cast<long long>(sent));
        }
        EXPECT(sent == 4);
        const rv buf = standin::make_array(layout, 16);
        const rv sender = standin::make_array(  // texts are words, never packed bytes
            layout == standin::Layout::packed_bytes ? standin::Layout::out_of_line : layout, 1);
        EXPECT(recv_from(b, buf, 16, sender, 5000) == 4);
        EXPECT(standin::bytes_of(buf, 4) == "ping");
        EXPECT(standin::text_of(rt_array_get(sender, 0)) == standin::text_of(local_addr(a)));
    }
#else
    EXPECT(rt_linked() == 0);
    EXPECT(local_addr(b) == 3); // nil: no string can be made
    alignas(8) uint8_t fake_array[32] = {0x02}; // an array object; its elements need rt_*
    const rv arr = reinterpret_cast<rv>(fake_array) | 1;
    TextObj to;
    EXPECT(send_to(a, arr, 4, text(to, "127.0.0.1:9")) == -38); // RUNTIME_NOT_LINKED
    EXPECT(recv_from(b, arr, 16, arr, 0) == -38);
#endif
    // std.net.driver: an echo through IoDriver's externs; std.net's buffered stream reads.
#ifdef SIMPLE_HOST_EXPORTS
    driver_echo(lib);
    stream_reads(lib);
#else
    auto driver_new = sym<int64_t (*)(int64_t)>(lib, "monoio_driver_new");
    auto read_line = sym<int64_t (*)(int64_t, rv, int64_t, int64_t)>(lib, "monoio_tcp_read_line");
    if (failures != 0) {
        return 1;
    }
    EXPECT(driver_new(0) == -38); // RUNTIME_NOT_LINKED, said at new()
    alignas(8) uint8_t fake_line[32] = {0x02};
    EXPECT(read_line(a, reinterpret_cast<rv>(fake_line) | 1, 64, 0) == -38);
#endif
    EXPECT(shutdown() == 0);
    dlclose(lib);
    std::printf("%s: %s\n", argv[0], failures == 0 ? "ok" : "FAILED");
    return failures == 0 ? 0 : 1;
}
