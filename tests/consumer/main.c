/* A program built against an installed uringnet (CMake package or pkg-config). */
#include <stdio.h>
#include <string.h>
#include <uringnet/uringnet.h>

int main(void) {
    if (un_abi_version() != UN_ABI_VERSION) {
        fprintf(stderr, "ABI mismatch\n");
        return 1;
    }
    if (un_runtime_init() != 0) return 1;
    un_tcp_listener_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
    char addr[64], buf[8] = {0};
    un_socket_local_addr(l, addr, sizeof addr);
    un_tcp_stream_t c = un_tcp_connect(addr, 5000);
    un_tcp_stream_t s = un_tcp_accept(l, 5000);
    int ok = c > 0 && s > 0 && un_tcp_write(c, "hi", 2, 5000) == 2 && un_tcp_read(s, buf, sizeof buf, 5000) == 2 &&
             memcmp(buf, "hi", 2) == 0;
    un_runtime_shutdown();
    printf("consumer: uringnet %s %s\n", un_version(), ok ? "works" : "FAILED");
    return ok ? 0 : 1;
}
