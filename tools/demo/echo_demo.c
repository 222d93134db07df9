/* uringnet demo: an echo server and several clients on loopback, all on the public C API.
 *
 * The server accepts CLIENTS connections on one listener (the same listener every time)
 * and echoes each on its own thread; every client sends MESSAGES messages and checks that
 * each comes back byte for byte. At the end it prints the runtime's statistics. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uringnet/uringnet.h"

enum { CLIENTS = 8, MESSAGES = 50, TIMEOUT_MS = 10000 };

static char g_addr[64];
static int g_failures;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static void fail(const char *what, int64_t code) {
    pthread_mutex_lock(&g_lock);
    fprintf(stderr, "demo: %s failed: %s (%s, %lld)\n", what, un_error_name(code),
            un_strerror(code), (long long)code);
    g_failures++;
    pthread_mutex_unlock(&g_lock);
}

/* Reads exactly len bytes; returns 0 or an error code (TIMED_OUT style codes, or IO at EOF). */
static int64_t read_exact(un_tcp_stream_t s, char *buf, uint32_t len) {
    uint32_t got = 0;
    while (got < len) {
        int64_t n = un_tcp_read(s, buf + got, len - got, TIMEOUT_MS);
        if (n < 0) return n;
        if (n == 0) return UN_ERR_IO;
        got += (uint32_t)n;
    }
    return 0;
}

static void *serve(void *arg) {
    un_tcp_stream_t s = *(un_tcp_stream_t *)arg;
    free(arg);
    char buf[4096];
    for (;;) {
        int64_t n = un_tcp_read(s, buf, sizeof buf, TIMEOUT_MS);
        if (n == 0) break; /* client closed its side */
        if (n < 0) { fail("server read", n); break; }
        int64_t w = un_tcp_write(s, buf, (uint32_t)n, TIMEOUT_MS);
        if (w < 0) { fail("server write", w); break; }
    }
    un_tcp_close(s);
    return NULL;
}

static void *server(void *arg) {
    un_tcp_listener_t l = *(un_tcp_listener_t *)arg;
    pthread_t workers[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
        int64_t s = un_tcp_accept(l, TIMEOUT_MS);
        if (s < 0) { fail("accept", s); workers[i] = 0; continue; }
        un_tcp_stream_t *p = malloc(sizeof *p);
        *p = s;
        pthread_create(&workers[i], NULL, serve, p);
    }
    for (int i = 0; i < CLIENTS; i++)
        if (workers[i]) pthread_join(workers[i], NULL);
    return NULL;
}

static void *client(void *arg) {
    int id = (int)(intptr_t)arg;
    int64_t s = un_tcp_connect(g_addr, TIMEOUT_MS);
    if (s < 0) { fail("connect", s); return NULL; }
    char msg[128], back[128];
    for (int m = 0; m < MESSAGES; m++) {
        int len = snprintf(msg, sizeof msg, "message %d from client %d", m, id);
        int64_t w = un_tcp_write(s, msg, (uint32_t)len, TIMEOUT_MS);
        if (w != len) { fail("client write", w); break; }
        int64_t r = read_exact(s, back, (uint32_t)len);
        if (r < 0) { fail("client read", r); break; }
        if (memcmp(msg, back, (size_t)len) != 0) { fail("echo comparison", UN_ERR_ERROR); break; }
    }
    un_tcp_close(s);
    printf("client %d: %d messages echoed\n", id, MESSAGES);
    return NULL;
}

int main(void) {
    printf("uringnet %s (ABI %lld), %lld cores\n", un_version(), (long long)un_abi_version(),
           (long long)un_runtime_num_cores());
    int64_t rc = un_runtime_init();
    if (rc < 0) { fail("runtime_init", rc); return 1; }

    un_tcp_listener_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
    if (l < 0) { fail("listen", l); return 1; }
    un_socket_local_addr(l, g_addr, sizeof g_addr);
    printf("echo server listening on %s\n", g_addr);

    pthread_t srv, cli[CLIENTS];
    pthread_create(&srv, NULL, server, &l);
    for (int i = 0; i < CLIENTS; i++) pthread_create(&cli[i], NULL, client, (void *)(intptr_t)i);
    for (int i = 0; i < CLIENTS; i++) pthread_join(cli[i], NULL);
    pthread_join(srv, NULL);

    /* A few of the errors the API reports instead of crashing. */
    char buf[16];
    printf("read with a listener handle: %s\n", un_error_name(un_tcp_read(l, buf, sizeof buf, 0)));
    un_tcp_listener_close(l);
    printf("accept after listener close: %s\n", un_error_name(un_tcp_accept(l, 0)));
    printf("connect to a malformed address: %s\n", un_error_name(un_tcp_connect("not an address", 100)));

    char stats[4096];
    if (un_runtime_stats(stats, sizeof stats) > 0) printf("runtime statistics: %s\n", stats);
    un_runtime_shutdown();
    printf("call after shutdown: %s\n", un_error_name(un_tcp_accept(l, 0)));
    printf("%s: %d clients x %d messages, %d failures\n", g_failures ? "FAILED" : "OK", CLIENTS,
           MESSAGES, g_failures);
    return g_failures ? 1 : 0;
}
