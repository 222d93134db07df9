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
    EXPECT(shutdown() == 0);
    dlclose(lib);
    std::printf("%s: %s\n", argv[0], failures == 0 ? "ok" : "FAILED");
    return failures == 0 ? 0 : 1;
}
