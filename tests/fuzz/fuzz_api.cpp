// Fuzz target: random sequences of API calls on a live runtime, with random handles (real
// ones and arbitrary words), lengths, options and timeouts. Every result is a count, a
// handle or a code from the error table; nothing crashes or hangs (every wait is bounded);
// once an input's handles are closed, no socket is left open. Loopback only.
#include <dirent.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "uringnet/uringnet.h"

namespace {

int g_baseline_fds = 0;

// Sockets this process has open (libFuzzer opens pipes of its own, so only sockets count).
int open_fds() {
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    char link[64];
    for (dirent *e; (e = readdir(d)) != nullptr;) {
        const std::string path = std::string("/proc/self/fd/") + e->d_name;
        const ssize_t len = readlink(path.c_str(), link, sizeof link - 1);
        if (len > 0 && std::string(link, static_cast<size_t>(len)).rfind("socket:", 0) == 0) {
            ++n;
        }
    }
    closedir(d);
    return n;
}

struct Input {
    const uint8_t *p;
    size_t n;
    uint8_t byte() { return n ? (--n, *p++) : 0; }
    int64_t word() {
        uint64_t w = 0;
        for (int i = 0; i < 8; ++i) {
            w = (w << 8) | byte();
        }
        return static_cast<int64_t>(w);
    }
};

void check(int64_t rc, const char *what) {
    if (rc < 0 && std::string(un_error_name(rc)) == "UNKNOWN") {
        std::fprintf(stderr, "%s returned %lld, which is not in the error table\n", what, static_cast<long long>(rc));
        std::abort();
    }
}

std::string local_addr(int64_t h) {
    char buf[64] = {};
    un_socket_local_addr(h, buf, sizeof buf);
    return buf;
}

char g_async_bufs[64][256]; // async operations' buffers stay valid until they complete

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    if (un_runtime_init() != 0) {
        std::abort();
    }
    g_baseline_fds = open_fds();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Input in{data, size};
    std::vector<int64_t> handles;
    std::vector<std::string> tcp_addrs{"127.0.0.1:1"}, udp_addrs{"127.0.0.1:9"};
    int pending_async = 0;
    auto pick = [&]() -> int64_t {
        const uint8_t b = in.byte();
        if (b % 8 == 0 || handles.empty()) {
            return in.word();
        }
        return handles[b % handles.size()];
    };
    char buf[4096] = {};
    for (int step = 0; step < 64 && in.n > 0; ++step) {
        const uint8_t op = in.byte() % 16;
        const int64_t timeout = in.byte() % 4; // every wait is bounded
        int64_t rc = 0;
        switch (op) {
        case 0:
            rc = un_tcp_listen("127.0.0.1:0", in.byte() % 4, in.byte() % 4);
            if (rc > 0) {
                handles.push_back(rc);
                tcp_addrs.push_back(local_addr(rc));
            }
            break;
        case 1:
            rc = un_tcp_connect(tcp_addrs[in.byte() % tcp_addrs.size()].c_str(), 5);
            if (rc > 0) {
                handles.push_back(rc);
            }
            break;
        case 2:
            rc = un_tcp_accept(pick(), timeout);
            if (rc > 0) {
                handles.push_back(rc);
            }
            break;
        case 3:
            rc = un_tcp_read(pick(), buf, in.byte() % 64, timeout);
            break;
        case 4:
            rc = un_tcp_write(pick(), buf, static_cast<uint32_t>(in.byte()) * 16, 5);
            break;
        case 5: {
            const int64_t h = pick();
            rc = (h >> 40 & 0xF) == UN_HANDLE_TCP_LISTENER ? un_tcp_listener_close(h)
                 : (h >> 40 & 0xF) == UN_HANDLE_UDP_SOCKET ? un_udp_close(h)
                                                          : un_tcp_close(h);
            break;
        }
        case 6:
            rc = un_udp_bind("127.0.0.1:0", in.byte() % 4);
            if (rc > 0) {
                handles.push_back(rc);
                udp_addrs.push_back(local_addr(rc));
            }
            break;
        case 7:
            rc = un_udp_send_to(pick(), buf, static_cast<uint32_t>(in.byte()) * 8,
                                udp_addrs[in.byte() % udp_addrs.size()].c_str(), 5);
            break;
        case 8: {
            char from[64];
            rc = un_udp_recv_from(pick(), buf, in.byte(), from, in.byte() % 65, timeout);
            break;
        }
        case 9:
            rc = un_socket_set_option(pick(), in.byte() % 13, static_cast<int8_t>(in.byte()));
            break;
        case 10:
            rc = un_socket_get_option(pick(), in.byte() % 13);
            break;
        case 11:
            rc = un_tcp_shutdown(pick(), in.byte() % 4);
            break;
        case 12:
            rc = un_socket_cancel(pick());
            break;
        case 13: {
            char out[64];
            const uint32_t len = in.byte() % 65;
            rc = in.byte() % 2 ? un_socket_local_addr(pick(), out, len) : un_socket_peer_addr(pick(), out, len);
            break;
        }
        case 14: {
            const int slot = pending_async % 64;
            rc = in.byte() % 2 ? un_udp_recv_submit(pick(), g_async_bufs[slot], 256, 1 + timeout, 0)
                               : un_tcp_read_submit(pick(), g_async_bufs[slot], 256, 1 + timeout, 0);
            if (rc > 0) {
                ++pending_async;
                if (in.byte() % 2) {
                    check(un_op_cancel(rc), "op_cancel");
                }
            }
            break;
        }
        default: {
            un_completion_t c[8];
            rc = un_poll(c, 8, 0);
            if (rc > 0) {
                pending_async -= static_cast<int>(rc);
                for (int64_t i = 0; i < rc; ++i) {
                    check(c[i].result, "an async operation");
                }
            }
            break;
        }
        }
        check(rc, "an operation");
        if (std::getenv("FUZZ_API_TRACE") != nullptr) { // replaying a failure: show each step
            std::fprintf(stderr, "step %d op %d -> %lld (%s), %d fds open\n", step, op, static_cast<long long>(rc),
                         un_error_name(rc), open_fds());
        }
    }
    // Every async operation has a deadline of a few ms: collect them all.
    for (int waited = 0; pending_async > 0; ++waited) {
        un_completion_t c[8];
        const int64_t n = un_poll(c, 8, 100);
        if (n == 0 && waited > 50) {
            std::fprintf(stderr, "%d async operations never completed\n", pending_async);
            std::abort();
        }
        pending_async -= static_cast<int>(n);
    }
    for (int64_t h : handles) {
        un_tcp_close(h);
        un_tcp_listener_close(h);
        un_udp_close(h);
    }
    if (open_fds() != g_baseline_fds) {
        std::fprintf(stderr, "sockets leaked: %d open, %d at start\n", open_fds(), g_baseline_fds);
        std::abort();
    }
    return 0;
}
