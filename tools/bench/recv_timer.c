/* What a receive timeout (SO_RCVTIMEO) costs a blocking recv on this machine: one thread
 * echoes 128 bytes to another over a socket pair, the other times 200,000 round trips with
 * recv's timeout set to argv[1] ms (0: none) and prints the whole process's CPU time per round
 * trip. docs/architecture.md ("No signals") uses it to choose how long a blocking read waits
 * inside recv. Build and run interleaved: tools/bench/recv_timer.sh. Not a test. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int sv[2];

static void *echo(void *arg) {
    (void)arg;
    char b[128];
    for (;;) {
        const ssize_t n = recv(sv[1], b, sizeof b, 0);
        if (n <= 0 || send(sv[1], b, (size_t)n, 0) != n) {
            break;
        }
    }
    return NULL;
}

static double cpu_us(void) {
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e6 + r.ru_utime.tv_usec + r.ru_stime.tv_usec;
}

int main(int argc, char **argv) {
    const int ms = argc > 1 ? atoi(argv[1]) : 0, n = 200000;
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
        return 1;
    }
    const struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
    setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    pthread_t t;
    pthread_create(&t, NULL, echo, NULL);
    char b[128] = {0};
    const double before = cpu_us();
    for (int i = 0; i < n; ++i) {
        if (send(sv[0], b, sizeof b, 0) != (ssize_t)sizeof b) {
            fprintf(stderr, "recv_timer: send %d failed\n", i);
            return 1;
        }
        for (size_t got = 0; got < sizeof b;) { /* (a timeout that ran out: wait again) */
            const ssize_t k = recv(sv[0], b + got, sizeof b - got, 0);
            if (k > 0) {
                got += (size_t)k;
            } else if (k == 0) {
                fprintf(stderr, "recv_timer: round trip %d: end of stream\n", i);
                return 1;
            }
        }
    }
    printf("timeout_ms=%d cpu_us_per_rt=%.2f\n", ms, (cpu_us() - before) / n);
    return 0;
}
