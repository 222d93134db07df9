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

#include "op_errors.hpp"
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

// Every result is a success or an error the operation's spec entry lists (not merely a code
// that exists somewhere).
void check(int64_t rc, const char *op) {
    if (!op_errors::listed(op, rc)) {
        std::fprintf(stderr, "%s returned %lld (%s), which its spec entry does not list\n", op,
                     static_cast<long long>(rc), un_error_name(rc));
        std::abort();
    }
}

void check_submit(int64_t rc, int request) {
    if (!op_errors::listed_submit(request, rc)) {
        std::fprintf(stderr, "a submitted operation (request %d) gave %lld (%s), which its spec entry does not list\n",
                     request, static_cast<long long>(rc), un_error_name(rc));
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
        const char *what = "";
        switch (op) {
        case 0:
            what = "tcp_listen";
            rc = un_tcp_listen("127.0.0.1:0", in.byte() % 4, in.byte() % 4);
            if (rc > 0) {
                handles.push_back(rc);
                tcp_addrs.push_back(local_addr(rc));
            }
            break;
        case 1:
            what = "tcp_connect";
            rc = un_tcp_connect(tcp_addrs[in.byte() % tcp_addrs.size()].c_str(), 5);
            if (rc > 0) {
                handles.push_back(rc);
            }
            break;
        case 2:
            what = "tcp_accept";
            rc = un_tcp_accept(pick(), timeout);
            if (rc > 0) {
                handles.push_back(rc);
            }
            break;
        case 3:
            what = "tcp_read";
            rc = un_tcp_read(pick(), buf, in.byte() % 64, timeout);
            break;
        case 4:
            what = "tcp_write";
            rc = un_tcp_write(pick(), buf, static_cast<uint32_t>(in.byte()) * 16, 5);
            break;
        case 5: { // the close of the wrong kind answers WRONG_KIND and changes nothing
            const int64_t h = pick();
            what = "tcp_close";
            rc = un_tcp_close(h);
            if (rc == UN_ERR_WRONG_KIND) {
                what = "tcp_listener_close";
                rc = un_tcp_listener_close(h);
            }
            if (rc == UN_ERR_WRONG_KIND) {
                what = "udp_close";
                rc = un_udp_close(h);
            }
            break;
        }
        case 6:
            what = "udp_bind";
            rc = un_udp_bind("127.0.0.1:0", in.byte() % 4);
            if (rc > 0) {
                handles.push_back(rc);
                udp_addrs.push_back(local_addr(rc));
            }
            break;
        case 7:
            what = "udp_send_to";
            rc = un_udp_send_to(pick(), buf, static_cast<uint32_t>(in.byte()) * 8,
                                udp_addrs[in.byte() % udp_addrs.size()].c_str(), 5);
            break;
        case 8: {
            what = "udp_recv_from";
            char from[64];
            rc = un_udp_recv_from(pick(), buf, in.byte(), from, in.byte() % 65, timeout);
            break;
        }
        case 9:
            what = "socket_set_option";
            rc = un_socket_set_option(pick(), in.byte() % 14, static_cast<int8_t>(in.byte()));
            break;
        case 10: {
            what = "socket_get_option";
            const int32_t option = in.byte() % 14;
            rc = un_socket_get_option(pick(), option);
            // -1 is a value here, not ERROR: lingering off, or no timeout (the spec's
            // socket_option docs; get_option never fails with ERROR).
            if (rc == -1 && (option == UN_SOCKET_OPTION_LINGER || option == UN_SOCKET_OPTION_READ_TIMEOUT ||
                             option == UN_SOCKET_OPTION_WRITE_TIMEOUT)) {
                rc = 0;
            }
            break;
        }
        case 11:
            what = "tcp_shutdown";
            rc = un_tcp_shutdown(pick(), in.byte() % 4);
            break;
        case 12:
            what = "socket_cancel";
            rc = un_socket_cancel(pick());
            break;
        case 13: {
            char out[64];
            const uint32_t len = in.byte() % 65;
            const bool local = in.byte() % 2;
            what = local ? "socket_local_addr" : "socket_peer_addr";
            rc = local ? un_socket_local_addr(pick(), out, len) : un_socket_peer_addr(pick(), out, len);
            break;
        }
        case 14: {
            const int slot = pending_async % 64;
            const bool udp = in.byte() % 2;
            rc = udp ? un_udp_recv_submit(pick(), g_async_bufs[slot], 256, 1 + timeout, 0)
                     : un_tcp_read_submit(pick(), g_async_bufs[slot], 256, 1 + timeout, 0);
            check_submit(rc, udp ? UN_REQUEST_UDP_RECV : UN_REQUEST_TCP_READ);
            what = nullptr;
            if (rc > 0) {
                ++pending_async;
                if (in.byte() % 2) {
                    check(un_op_cancel(rc), "op_cancel");
                }
            }
            break;
        }
        default: {
            what = "poll";
            un_completion_t c[8];
            rc = un_poll(c, 8, 0);
            if (rc > 0) {
                pending_async -= static_cast<int>(rc);
                for (int64_t i = 0; i < rc; ++i) {
                    check_submit(c[i].result, c[i].request);
                }
            }
            break;
        }
        }
        if (what != nullptr) {
            check(rc, what);
        }
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
