/* Generated from api/net.json by codegen/generate.py (template c/uringnet.h.j2). Do not edit:
 * change the spec or the template and run codegen/generate.py. */
/**
 * @file uringnet.h
 * Networking on Linux io_uring behind a generated C ABI. Every handle lives on a runtime thread;
 * blocking calls post a request to it and wait for its completion. Addresses are text:
 * "127.0.0.1:80", "[::1]:80" or "host:80"; "localhost" and every name under ".localhost" mean
 * 127.0.0.1 without any lookup (RFC 6761, section 6.3), so they work without /etc/hosts and never
 * reach a name server; other names are looked up by resolver threads.
 *
 * Conventions: every function returns an int64_t; a negative value is an error code
 * (UN_ERR_*), never an errno. Handles are positive 64-bit values that
 * name their kind, their runtime instance and a generation, so a closed, stale,
 * never-issued or wrong-kind handle is reported, never dereferenced.
 */
#ifndef URINGNET_URINGNET_H
#define URINGNET_URINGNET_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define UN_API __attribute__((visibility("default")))
#else
#define UN_API
#endif

#define UN_VERSION "0.1.0"
#define UN_ABI_VERSION 1
#define UN_SPEC_CHECKSUM "33e3a62e29bec860"

/* ---- Handles ---- */
/** Any handle: a parameter of this type takes every kind below. */
typedef int64_t un_handle_t;
/** A listening TCP socket; accept on it as many times as you like. */
typedef int64_t un_tcp_listener_t;
#define UN_HANDLE_TCP_LISTENER 1
/** A connected TCP stream, from accept or connect. */
typedef int64_t un_tcp_stream_t;
#define UN_HANDLE_TCP_STREAM 2
/** A UDP socket from udp_bind; send_to/recv_from, or connect then send/recv. */
typedef int64_t un_udp_socket_t;
#define UN_HANDLE_UDP_SOCKET 3

/* ---- Enumerations ---- */
/** The kernel interface a runtime uses. */
typedef int32_t un_backend_t;
#define UN_BACKEND_AUTO 0 /**< io_uring where the kernel allows it, else epoll (the default). */
#define UN_BACKEND_IO_URING                                                                        \
    1 /**< io_uring; runtime_init fails with IO_URING_UNAVAILABLE where it is refused. */
#define UN_BACKEND_EPOLL 2 /**< epoll readiness with non-blocking syscalls. */
/** Which direction of a stream tcp_shutdown closes. */
typedef int32_t un_shutdown_how_t;
#define UN_SHUTDOWN_HOW_READ 0  /**< No more reads: later reads return 0. */
#define UN_SHUTDOWN_HOW_WRITE 1 /**< No more writes: the peer reads end of stream (FIN). */
#define UN_SHUTDOWN_HOW_BOTH 2  /**< Both directions. */
/** Options read and written with socket_get_option and socket_set_option. */
typedef int32_t un_socket_option_t;
#define UN_SOCKET_OPTION_NODELAY                                                                   \
    1 /**< TCP_NODELAY, 0 or 1 (TCP streams; UNSUPPORTED on Unix ones). */
#define UN_SOCKET_OPTION_KEEPALIVE                                                                 \
    2 /**< TCP keepalive idle time in seconds; 0 turns keepalive off (TCP streams; UNSUPPORTED on  \
         Unix ones). */
#define UN_SOCKET_OPTION_RECV_BUFFER                                                               \
    3 /**< SO_RCVBUF in bytes (the kernel doubles what is set and reads back the doubled size). */
#define UN_SOCKET_OPTION_SEND_BUFFER                                                               \
    4 /**< SO_SNDBUF in bytes (the kernel doubles what is set and reads back the doubled size). */
#define UN_SOCKET_OPTION_LINGER                                                                    \
    5 /**< SO_LINGER in seconds, 0..30 (more is INVALID_ARGUMENT); -1 turns lingering off, 0 makes \
         close send a reset. A close that lingers (unsent data) waits on a helper thread, never on \
         the runtime thread; the close completes when the socket is closed. */
#define UN_SOCKET_OPTION_TTL                                                                       \
    6 /**< IP_TTL (IPv4) or IPV6_UNICAST_HOPS (IPv6), 1..255. UNSUPPORTED on Unix sockets, as are  \
         the multicast options, broadcast and reuse_port. */
#define UN_SOCKET_OPTION_REUSE_ADDRESS 7 /**< SO_REUSEADDR, 0 or 1. */
#define UN_SOCKET_OPTION_REUSE_PORT                                                                \
    8 /**< SO_REUSEPORT, 0 or 1 (takes effect at the next bind; see tcp_listen and udp_bind        \
         flags). */
#define UN_SOCKET_OPTION_BROADCAST 9 /**< SO_BROADCAST, 0 or 1 (UDP). */
#define UN_SOCKET_OPTION_MULTICAST_TTL                                                             \
    10 /**< IP_MULTICAST_TTL or IPV6_MULTICAST_HOPS, 0..255 (UDP). */
#define UN_SOCKET_OPTION_MULTICAST_LOOP                                                            \
    11 /**< IP_MULTICAST_LOOP or IPV6_MULTICAST_LOOP, 0 or 1 (UDP). */
#define UN_SOCKET_OPTION_READ_TIMEOUT                                                              \
    12 /**< Milliseconds a call with timeout_ms TIMEOUT_FROM_OPTION (-2) waits in accept, read and \
          receive, as the calls of a binding that take no timeout (Simple's std.net) do; -1 (the   \
          default) waits forever. The handle remembers it (the kernel's SO_RCVTIMEO is not         \
          changed). */
#define UN_SOCKET_OPTION_WRITE_TIMEOUT                                                             \
    13 /**< The same for write and send; -1 (the default) waits forever. */
#define UN_SOCKET_OPTION_PEER_PID                                                                  \
    14 /**< The peer's process id (SO_PEERCRED), read-only: a Unix stream's (as of its connect);   \
          UNSUPPORTED on other sockets. */
#define UN_SOCKET_OPTION_PEER_UID                                                                  \
    15 /**< The peer's user id (SO_PEERCRED), read-only, as peer_pid. */
#define UN_SOCKET_OPTION_PEER_GID                                                                  \
    16 /**< The peer's group id (SO_PEERCRED), read-only, as peer_pid. */
/** Special values of a timeout_ms parameter. */
typedef int32_t un_timeout_t;
#define UN_TIMEOUT_FOREVER -1 /**< Wait as long as it takes (any negative value but -2 does too).  \
                               */
#define UN_TIMEOUT_FROM_OPTION                                                                     \
    -2 /**< Wait as long as the handle's read_timeout or write_timeout option says (see            \
          socket_option): what a binding whose calls take no timeout (Simple's std.net) passes.    \
          Only a call on a handle takes it; the parameter says which option. */
/** Flags for tcp_listen and udp_bind, or-ed together. */
typedef int32_t un_bind_flag_t;
#define UN_BIND_FLAG_REUSE_PORT                                                                    \
    1 /**< Set SO_REUSEPORT before binding, so several sockets can share the port. Never on a Unix \
         socket: UNSUPPORTED there. */
#define UN_BIND_FLAG_V6_ONLY                                                                       \
    2 /**< Set IPV6_V6ONLY on an IPv6 socket: no IPv4-mapped connections. */
#define UN_BIND_FLAG_UNLINK_STALE                                                                  \
    4 /**< A Unix socket path whose socket file exists but nobody listens on (a connect to it is   \
         refused) is removed and bound again. Without it that file gives ADDRESS_IN_USE; a file    \
         that is not a socket, or one a listener answers on, is never removed. Only for unix:      \
         paths (INVALID_ARGUMENT otherwise). */

/* ---- Error codes ----
 * -1..-7 are Simple's coarse classes and never change; every finer code belongs to one
 * of them (un_error_class). */
#define UN_ERR_ERROR (-1)             /**< general error */
#define UN_ERR_REFUSED (-2)           /**< connection refused or bind failed */
#define UN_ERR_RESET (-3)             /**< connection reset by peer */
#define UN_ERR_TIMED_OUT (-4)         /**< operation timed out */
#define UN_ERR_IO (-5)                /**< would block or I/O error */
#define UN_ERR_NOT_CONNECTED (-6)     /**< socket is not connected */
#define UN_ERR_ALREADY_CONNECTED (-7) /**< socket is already connected */
#define UN_ERR_BAD_HANDLE                                                                          \
    (-8) /**< handle was never issued by this library or is malformed (class ERROR) */
#define UN_ERR_CLOSED (-9) /**< handle was already closed (class ERROR) */
#define UN_ERR_WRONG_KIND                                                                          \
    (-10) /**< handle is of another kind than this operation takes (class ERROR) */
#define UN_ERR_WRONG_RUNTIME                                                                       \
    (-11) /**< handle belongs to a runtime instance that was shut down (class ERROR) */
#define UN_ERR_BAD_ADDRESS                                                                         \
    (-12) /**< address is malformed: expected "ip:port", "[ipv6]:port", "host:port", "unix:/path"  \
             or "unix:@name" (class ERROR) */
#define UN_ERR_INVALID_ARGUMENT (-13) /**< an argument is out of range or invalid (class ERROR) */
#define UN_ERR_NOT_INITIALIZED                                                                     \
    (-14)                      /**< runtime is not running: call runtime_init first (class ERROR) */
#define UN_ERR_SHUT_DOWN (-15) /**< runtime was shut down (class ERROR) */
#define UN_ERR_ALREADY_INITIALIZED (-16) /**< runtime is already running (class ERROR) */
#define UN_ERR_CANCELED                                                                            \
    (-17) /**< operation was canceled because its handle was closed (class ERROR) */
#define UN_ERR_WOULD_DEADLOCK                                                                      \
    (-18) /**< a blocking call was made on the runtime thread itself (class ERROR) */
#define UN_ERR_BUFFER_TOO_SMALL                                                                    \
    (-19) /**< output buffer is too small for the result (class ERROR) */
#define UN_ERR_CONNECTION_REFUSED                                                                  \
    (-20) /**< connection refused: nothing listens at that address (or no socket file at that      \
             path) (class REFUSED) */
#define UN_ERR_ADDRESS_IN_USE (-21) /**< bind failed: address already in use (class REFUSED) */
#define UN_ERR_ADDRESS_NOT_AVAILABLE                                                               \
    (-22) /**< bind failed: address not available on this machine (class REFUSED) */
#define UN_ERR_PERMISSION_DENIED (-23)  /**< permission denied (class REFUSED) */
#define UN_ERR_HOST_UNREACHABLE (-24)   /**< host or network unreachable (class REFUSED) */
#define UN_ERR_CONNECTION_ABORTED (-25) /**< connection aborted (class RESET) */
#define UN_ERR_BROKEN_PIPE (-26) /**< peer closed the connection while writing (class RESET) */
#define UN_ERR_NO_RESOURCES                                                                        \
    (-27) /**< out of file descriptors or memory (raise ulimit -n, or close handles) (class ERROR) \
           */
#define UN_ERR_UNKNOWN_HOST (-28) /**< host name could not be resolved (class ERROR) */
#define UN_ERR_UNSUPPORTED                                                                         \
    (-29) /**< operation not supported by this kernel or socket (class ERROR) */
#define UN_ERR_IO_URING_UNAVAILABLE                                                                \
    (-30) /**< io_uring was forced but is refused here (seccomp, kernel.io_uring_disabled or an    \
             old kernel); runtime_backend tells why (class ERROR) */
#define UN_ERR_TRUNCATED                                                                           \
    (-31) /**< datagram was larger than the buffer: the first max_len bytes were stored, the rest  \
             was dropped (class IO) */
#define UN_ERR_MESSAGE_TOO_LONG (-32)  /**< datagram is too long to send (class IO) */
#define UN_ERR_NO_SUCH_INTERFACE (-33) /**< no network interface of that name (class ERROR) */
#define UN_ERR_IO_URING_NO_MEMORY                                                                  \
    (-34) /**< io_uring could not allocate its rings: raise the locked-memory limit (ulimit -l) or \
             configure fewer ring entries (class ERROR) */
#define UN_ERR_WRONG_VALUE_KIND                                                                    \
    (-35) /**< a Simple RuntimeValue of another kind than the parameter takes (an int where text   \
             or an array is expected, nil, a float, or an array element that is not a byte) (class \
             ERROR) */
#define UN_ERR_ABI_MISMATCH                                                                        \
    (-36) /**< the loaded uringnet library has another ABI version or spec than the binding was    \
             generated for (class ERROR) */
#define UN_ERR_OP_NOT_FOUND                                                                        \
    (-37) /**< no asynchronous operation with that id is in flight (it has completed, or never     \
             existed) (class ERROR) */
#define UN_ERR_RUNTIME_NOT_LINKED                                                                  \
    (-38) /**< the Simple runtime's rt_* functions are not reachable: link the library together    \
             with Simple's runtime, or load it into a host that exports them (class ERROR) */
#define UN_ERR_FORKED                                                                              \
    (-39) /**< this process is a fork of the one that started the runtime: the runtime belongs to  \
             the parent; call runtime_init for the child's own (class ERROR) */
#define UN_ERR_INTERRUPTED                                                                         \
    (-40) /**< a signal of the host's interrupted the blocking call                                \
             (runtime_configure_interruptible): nothing was read or accepted; call again after     \
             handling it (class ERROR) */
#define UN_ERR_END_OF_STREAM                                                                       \
    (-41) /**< the stream ended before the bytes asked for arrived: those that did arrive stay for \
             the next read (class IO) */
#define UN_ERR_NO_FD                                                                               \
    (-42) /**< the byte read carried no file descriptor: the peer sent data where unix_recv_fd     \
             expected a descriptor (that byte is consumed) (class IO) */

/* ---- Requests: every operation's number, as completions report it ---- */
#define UN_REQUEST_RUNTIME_INIT 1
#define UN_REQUEST_RUNTIME_SHUTDOWN 2
#define UN_REQUEST_RUNTIME_CONFIGURE_ENTRIES 3
#define UN_REQUEST_RUNTIME_NUM_CORES 4
#define UN_REQUEST_RUNTIME_STATS 5
#define UN_REQUEST_RUNTIME_CONFIGURE_BACKEND 6
#define UN_REQUEST_RUNTIME_CONFIGURE_SQPOLL 7
#define UN_REQUEST_RUNTIME_BACKEND 8
#define UN_REQUEST_RUNTIME_RESET_STATS 9
#define UN_REQUEST_RUNTIME_CONFIGURE_SHARDS 30
#define UN_REQUEST_RUNTIME_CONFIGURE_RECV_BUFFERS 66
#define UN_REQUEST_RUNTIME_CONFIGURE_WAKE_SIGNAL 67
#define UN_REQUEST_RUNTIME_CONFIGURE_INTERRUPTIBLE 68
#define UN_REQUEST_RUNTIME_CONFIGURE_CONNECT_DELAY 70
#define UN_REQUEST_TIMER 69
#define UN_REQUEST_TCP_LISTEN 10
#define UN_REQUEST_TCP_ACCEPT 11
#define UN_REQUEST_TCP_CONNECT 12
#define UN_REQUEST_TCP_READ 13
#define UN_REQUEST_TCP_WRITE 14
#define UN_REQUEST_TCP_CLOSE 15
#define UN_REQUEST_TCP_LISTENER_CLOSE 16
#define UN_REQUEST_SOCKET_LOCAL_ADDR 17
#define UN_REQUEST_TCP_FLUSH 18
#define UN_REQUEST_TCP_SHUTDOWN 19
#define UN_REQUEST_SOCKET_PEER_ADDR 20
#define UN_REQUEST_SOCKET_SET_OPTION 21
#define UN_REQUEST_SOCKET_GET_OPTION 22
#define UN_REQUEST_SOCKET_CANCEL 23
#define UN_REQUEST_TCP_ADOPT_LISTENER 24
#define UN_REQUEST_TCP_ADOPT_STREAM 25
#define UN_REQUEST_UNIX_SEND_FD 71
#define UN_REQUEST_UNIX_SEND_HANDLE 72
#define UN_REQUEST_UNIX_RECV_FD 73
#define UN_REQUEST_UDP_BIND 40
#define UN_REQUEST_UDP_SEND_TO 41
#define UN_REQUEST_UDP_RECV_FROM 42
#define UN_REQUEST_UDP_CONNECT 43
#define UN_REQUEST_UDP_SEND 44
#define UN_REQUEST_UDP_RECV 45
#define UN_REQUEST_UDP_CLOSE 46
#define UN_REQUEST_UDP_JOIN_MULTICAST 47
#define UN_REQUEST_UDP_LEAVE_MULTICAST 48
#define UN_REQUEST_UDP_ADOPT 49
#define UN_REQUEST_POLL 60
#define UN_REQUEST_COMPLETION_FD 61
#define UN_REQUEST_SET_COMPLETION_CALLBACK 62
#define UN_REQUEST_OP_CANCEL 63
#define UN_REQUEST_BATCH_BEGIN 64
#define UN_REQUEST_BATCH_END 65

/* ---- Asynchronous operations ----
 * Every operation on the runtime thread has a *_submit variant: it takes the same
 * arguments plus a user_data value, returns an operation id (> 0) at once, and its result
 * arrives later as a completion (collect them with un_poll, watch
 * un_completion_fd, or set a callback). Buffers and text passed to a
 * *_submit function must stay valid until its completion arrives (addresses excepted: they
 * are resolved before the call returns). */
typedef struct un_completion {
    int64_t op_id;      /**< what the *_submit call returned */
    uint64_t user_data; /**< what was passed to it */
    int64_t result;  /**< what the blocking call would have returned: bytes, a handle, or an error
                        code */
    int32_t request; /**< the operation (UN_REQUEST_*) */
    int32_t reserved;
} un_completion_t;

/** Called on the runtime thread for each completion when set with un_set_completion_callback. */
typedef void (*un_completion_fn)(void *ctx, const un_completion_t *completion);

/* ---- Library information ---- */
/** ABI version of the loaded library; bindings compare it with UN_ABI_VERSION. */
UN_API int64_t un_abi_version(void);
/** Library version text, "0.1.0". */
UN_API const char *un_version(void);
/** Checksum of the api/net.json the library was built from. */
UN_API const char *un_spec_checksum(void);
/** Message of an error code; "unknown error code" for a code not in the table, "success" for 0 and
 * above. */
UN_API const char *un_strerror(int64_t code);
/** Name of an error code ("BAD_HANDLE"), or "UNKNOWN"; "OK" for 0 and above. */
UN_API const char *un_error_name(int64_t code);
/** Coarse class (-1..-7) of an error code; 0 for 0 and above; -1 for an unknown code. */
UN_API int64_t un_error_class(int64_t code);

/* ---- runtime ---- */
/**
 * Start the runtime: one thread with its own io_uring of the configured number of entries, or epoll
 * where io_uring is refused (see runtime_configure_backend and the URINGNET_BACKEND environment
 * variable: auto, io_uring or epoll). Handles issued by an earlier, shut-down runtime are rejected
 * with WRONG_RUNTIME. In a child made by fork() while a runtime ran, every call answers FORKED (the
 * runtime's threads are the parent's) until runtime_init starts the child's own runtime;
 * runtime_shutdown there lets go of the parent's and returns 0. The parent is unaffected.
 *
 * @return 0 on success. Errors: ALREADY_INITIALIZED, IO_URING_UNAVAILABLE, IO_URING_NO_MEMORY,
 * NO_RESOURCES, INVALID_ARGUMENT, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_runtime_init(void);

/**
 * Stop the runtime: every operation still in flight completes with SHUT_DOWN, every handle is
 * closed and the thread is joined. Later calls return SHUT_DOWN until runtime_init is called again.
 *
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_runtime_shutdown(void);

/**
 * Set the number of io_uring submission entries used by the next runtime_init (1..32768; the kernel
 * rounds up to a power of two, and rings smaller than 4 are raised to 4 because a linked timeout
 * needs two entries submitted together).
 *
 * @param entries Ring size, 1..32768.
 * @return 0 on success. Errors: INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_runtime_configure_entries(int64_t entries);

/**
 * Number of CPU cores this process may run on.
 *
 * @return The number of usable cores, at least 1. Errors: none.
 * @since 0.1
 */
UN_API int64_t un_runtime_num_cores(void);

/**
 * Write the runtime's statistics as a JSON object into a caller's buffer, NUL-terminated: the
 * backend and why it was chosen, the shard count, whether zero-copy sends, registered files,
 * multishot accept and multishot receive are in use, the bytes of each shard's receive buffer ring
 * (recv_ring_bytes), wake_signal (always 0: the library sends no signal) and whether blocking reads
 * wait inside recv (reads_wait_in_recv: io_uring), and for each shard and in total the requests,
 * completions, errors (calls a calling thread finished itself included), bytes read and written,
 * accepts, connects, operations in flight (in_flight: blocking calls waiting on their own threads
 * and calls waiting their turn in a stream's line included), open handles, wake-ups, submit calls,
 * submission entries, the largest batch taken at once, connections handed to another shard,
 * zero-copy sends, registered files, connections delivered by multishot accepts, chunks delivered
 * by multishot receives, multishot receives ended because the buffer ring was empty
 * (buffer_ring_empty; re-armed when a read waits), reads and writes the calling threads completed
 * themselves (fast_reads, fast_writes), and how many of those waited on their calling thread for
 * data or buffer space (caller_waits; a read that waits inside recv is counted when it enters
 * recv).
 *
 * @param out Buffer that receives the JSON text.
 * @param out_len Size of out in bytes, including room for the NUL.
 * @return Length of the JSON text, without the NUL. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BUFFER_TOO_SMALL, INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_runtime_stats(char *out, uint32_t out_len);
/** Asynchronous un_runtime_stats: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_runtime_stats_submit(char *out, uint32_t out_len, uint64_t user_data);

/**
 * Choose the kernel interface for the next runtime_init: auto (default), io_uring or epoll. A
 * choice other than auto overrides the URINGNET_BACKEND environment variable.
 *
 * @param backend auto, io_uring or epoll.
 * @return 0 on success. Errors: INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_runtime_configure_backend(un_backend_t backend);

/**
 * Turn io_uring's kernel submission-queue polling thread (SQPOLL) on or off for the next
 * runtime_init. Off by default: it keeps a core busy.
 *
 * @param on true to use SQPOLL.
 * @return 0 on success. Errors: none.
 * @since 0.1
 */
UN_API int64_t un_runtime_configure_sqpoll(bool on);

/**
 * Which kernel interface the running runtime uses, and why it was chosen (written into out as text,
 * NUL-terminated; out may be NULL with out_len 0).
 *
 * @param out Buffer that receives the reason text, or NULL.
 * @param out_len Size of out in bytes (256 is always enough), or 0.
 * @return UN_BACKEND_IO_URING or UN_BACKEND_EPOLL. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BUFFER_TOO_SMALL, INVALID_ARGUMENT, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_runtime_backend(char *out, uint32_t out_len);
/** Asynchronous un_runtime_backend: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_runtime_backend_submit(char *out, uint32_t out_len, uint64_t user_data);

/**
 * Set the runtime's counters (requests, completions, errors, bytes, accepts, connects, wake-ups,
 * submit calls) back to zero; gauges (in flight, open handles) keep their values.
 *
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED.
 * @since 0.1
 */
UN_API int64_t un_runtime_reset_stats(void);
/** Asynchronous un_runtime_reset_stats: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_runtime_reset_stats_submit(uint64_t user_data);

/**
 * Set the number of shards for the next runtime_init: each shard is a thread with its own ring (or
 * epoll) and its own handles, and new connections, listeners and sockets go to the least-loaded
 * shard (accepted connections too). 1 (the default) up to the number of cores.
 *
 * @param shards Number of shards, 1..runtime_num_cores().
 * @return 0 on success. Errors: INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_runtime_configure_shards(int64_t shards);

/**
 * Set the receive buffer ring each shard of the next runtime_init registers for multishot receive
 * (io_uring, Linux 6.0+; streams read with tcp_read_submit): count buffers of size bytes. The
 * kernel picks a buffer for each chunk it receives and the runtime copies the chunk out and gives
 * the buffer back before the next completion, so the ring only has to absorb what arrives between
 * two of the runtime's turns; when the kernel fills every buffer first, the receive ends
 * (buffer_ring_empty in the statistics) and is armed again once a read waits. The default, 64
 * buffers of 32 KiB, keeps bulk transfers near a plain receive's cost; memory is count * size per
 * shard, touched only as the kernel fills it.
 *
 * @param count Number of buffers: a power of two, 1..32768.
 * @param size Bytes per buffer: a multiple of 1024, 1024..1048576; count * size at most 256 MiB.
 * @return 0 on success. Errors: INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_runtime_configure_recv_buffers(uint32_t count, uint32_t size);

/**
 * Kept for compatibility: the library no longer sends any signal, so the value (0 or a real-time
 * signal, SIGRTMIN..SIGRTMAX) is checked and has no effect. A blocking tcp_read on the io_uring
 * backend sleeps in recv itself, as a read on a plain blocking socket does (one system call per
 * read), for at most 300 ms (the socket's SO_RCVTIMEO, or the read's timeout when that is nearer);
 * close and runtime_shutdown end it at once by shutting the socket for reading, and socket_cancel
 * or a later call on the stream that needs it to hand over is seen when those 300 ms end. A read
 * whose data has not come by then waits on in ppoll on the socket and a per-thread eventfd, which
 * every one of them ends at once. No signal of the library's can interrupt a host's signal handler
 * or system call, and a host may install or block any signal at any time.
 *
 * @param signal 0 or a real-time signal, SIGRTMIN..SIGRTMAX (ignored).
 * @return 0 on success. Errors: INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_runtime_configure_wake_signal(int64_t signal);

/**
 * Choose whether a blocking call that a signal of the host's interrupts returns INTERRUPTED (on) or
 * goes on waiting (off, the default). Process-wide, and it takes effect at once. With it on, a host
 * whose signal handlers only set a flag (CPython, most language runtimes) gets control back while a
 * read, write, accept, connect or receive waits: nothing was read or accepted when INTERRUPTED is
 * returned (a call that completed meanwhile returns its result instead), and a write that had sent
 * part of its bytes returns how many (a short write, as write(2) does). The host runs its handlers
 * and calls again. As with any blocking system call, a signal that arrives while the call is
 * between two system calls of its wait (just before it starts to wait, or as its 300 ms inside recv
 * end) is not seen by that wait (a host that checks its own flag before each call sees it at its
 * next call). The Python binding turns it on and retries, so Ctrl-C raises KeyboardInterrupt during
 * any blocking call.
 *
 * @param on true: return INTERRUPTED when a host's signal interrupts a blocking call.
 * @return 0 on success. Errors: none.
 * @since 0.2
 */
UN_API int64_t un_runtime_configure_interruptible(bool on);

/**
 * Set the connect delay of tcp_connect to a host name with several addresses (Happy Eyeballs, RFC
 * 8305): how long an attempt may go on without connecting before the next address is tried beside
 * it. Process-wide; it applies to connects that start after the call. The default is 250 ms, the
 * RFC's recommendation.
 *
 * @param delay_ms Milliseconds, 1..60000.
 * @return 0 on success. Errors: INVALID_ARGUMENT.
 * @since 0.2
 */
UN_API int64_t un_runtime_configure_connect_delay(int64_t delay_ms);

/**
 * Wait timeout_ms milliseconds on the runtime thread and complete with 0: a timer. The runtime
 * keeps it in the kernel (io_uring's TIMEOUT) or in the epoll backend's own deadline list, so any
 * number of timers cost no thread. timer_submit is the asynchronous timer: its completion comes
 * when the time is up, and op_cancel ends it early with CANCELED. 0 completes at once; a negative
 * value (or one too large to be a deadline in nanoseconds) waits until the timer is cancelled or
 * interrupted, or the runtime shuts down.
 *
 * @param timeout_ms How long to wait, in milliseconds; negative waits until cancelled.
 * @return 0 when the time is up. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, WOULD_DEADLOCK,
 * CANCELED, INTERRUPTED.
 * @since 0.2
 */
UN_API int64_t un_timer(int64_t timeout_ms);
/** Asynchronous un_timer: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_timer_submit(int64_t timeout_ms, uint64_t user_data);

/* ---- tcp ---- */
/**
 * Bind a TCP socket to addr ("127.0.0.1:8080", "[::1]:0", "localhost:9000"; port 0 picks a free
 * port) with SO_REUSEADDR and listen on it. A host name binds the first of its addresses that can
 * be bound, IPv4 ones first ("localhost" binds 127.0.0.1); when none can, the error is the first
 * address's. A Unix address ("unix:/run/app.sock", or "unix:@name" in the abstract namespace, which
 * has no file) makes a Unix stream listener whose streams are the same handles with the same
 * operations; SO_REUSEADDR and SO_REUSEPORT are never set on it. A socket file left at the path by
 * a listener that is gone gives ADDRESS_IN_USE unless flags has UNLINK_STALE; closing the listener
 * does not remove its file.
 *
 * @param addr Local address to bind.
 * @param backlog Queue length for pending connections; 0 or less means SOMAXCONN.
 * @param flags bind_flag values or-ed together; 0 for none.
 * @return The listener handle. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_ADDRESS,
 * INVALID_ARGUMENT, UNKNOWN_HOST, ADDRESS_IN_USE, ADDRESS_NOT_AVAILABLE, PERMISSION_DENIED,
 * UNSUPPORTED, NO_RESOURCES, WOULD_DEADLOCK, CANCELED.
 * @since 0.1
 */
UN_API un_tcp_listener_t un_tcp_listen(const char *addr, int32_t backlog, uint32_t flags);
/** Asynchronous un_tcp_listen: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_listen_submit(const char *addr, int32_t backlog, uint32_t flags,
                                    uint64_t user_data);

/**
 * Wait for the next connection on a listener and return it as a new stream. The listener stays
 * open; call again for the next connection.
 *
 * @param listener Listener from tcp_listen.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's read_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return The accepted stream. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED,
 * WRONG_KIND, WRONG_RUNTIME, CANCELED, TIMED_OUT, NO_RESOURCES, CONNECTION_ABORTED, WOULD_DEADLOCK,
 * INTERRUPTED.
 * @since 0.1
 */
UN_API un_tcp_stream_t un_tcp_accept(un_tcp_listener_t listener, int64_t timeout_ms);
/** Asynchronous un_tcp_accept: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_accept_submit(un_tcp_listener_t listener, int64_t timeout_ms,
                                    uint64_t user_data);

/**
 * Connect to addr ("127.0.0.1:8080", "[::1]:8080", "localhost:8080", or a Unix stream socket:
 * "unix:/run/app.sock", "unix:@name"; a path with no socket file is CONNECTION_REFUSED). A host
 * name is looked up by the library's resolver threads, never on the runtime thread and never by
 * blocking tcp_connect_submit; timeout_ms covers the lookup and the connect. A host name with
 * several addresses ("localhost" has two, [::1] and 127.0.0.1, without a lookup) is connected the
 * Happy Eyeballs way (RFC 8305): its addresses are tried IPv6 first with the families interleaved,
 * the next attempt starts when the one before has not connected within the connect delay (250 ms;
 * runtime_configure_connect_delay) or at once when it fails, the first to connect wins and the
 * other attempts are closed, all within timeout_ms. An address literal is connected directly. When
 * every attempt fails, the error is the most telling one: CONNECTION_REFUSED beats
 * HOST_UNREACHABLE, which beats any other error, which beats TIMED_OUT (so a timeout that ends the
 * call while an attempt still waits gives the refusal of another, if there was one). At most 256
 * lookups wait for a resolver thread (beyond the 8 running); more give NO_RESOURCES at once, and a
 * lookup whose operation ended first (timeout, cancel, close) is never made.
 *
 * @param addr Remote address.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value) waits forever, as does a
 * value too large to be a deadline in nanoseconds (beyond about 292 years).
 * @return The connected stream. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_ADDRESS,
 * UNKNOWN_HOST, CONNECTION_REFUSED, HOST_UNREACHABLE, TIMED_OUT, NO_RESOURCES, WOULD_DEADLOCK,
 * CANCELED, INTERRUPTED.
 * @since 0.1
 */
UN_API un_tcp_stream_t un_tcp_connect(const char *addr, int64_t timeout_ms);
/** Asynchronous un_tcp_connect: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_connect_submit(const char *addr, int64_t timeout_ms, uint64_t user_data);

/**
 * Read up to max_len bytes (at least 1) from a stream into buf. Returns 0 when the peer has closed
 * its side. Reads on one stream get the data in the order they were called. A blocking read that is
 * first in its stream's line reads on the calling thread and, when no data is there, waits on that
 * thread in the kernel like a blocking socket: inside recv itself for up to 300 ms where the
 * backend's sockets block (io_uring; the socket's SO_RCVTIMEO, rounded up to the kernel's tick),
 * then, and on the epoll backend, in ppoll (close, socket_cancel, runtime_shutdown and the timeout
 * end the wait: CANCELED, CANCELED, SHUT_DOWN, TIMED_OUT). Where the kernel has multishot receive
 * (io_uring, Linux 6.0+), the first read that reaches the runtime thread (any tcp_read_submit, or a
 * blocking read made while another read of the stream waits) switches the stream to it for good:
 * one receive stays armed, fills buffers of the runtime's buffer ring, and data that arrives before
 * a read wants it is kept for the next read (up to 64 KiB, then the socket buffer holds the rest);
 * every later read of the stream, blocking ones too, is served from it in order. A read that times
 * out or is cancelled loses no data.
 *
 * @param stream Stream to read from.
 * @param buf Buffer that receives the bytes.
 * @param max_len Capacity of buf.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's read_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return Bytes read; 0 at end of stream. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE,
 * CLOSED, WRONG_KIND, WRONG_RUNTIME, INVALID_ARGUMENT, CANCELED, TIMED_OUT, RESET, WOULD_DEADLOCK,
 * INTERRUPTED.
 * @since 0.1
 */
UN_API int64_t un_tcp_read(un_tcp_stream_t stream, void *buf, uint32_t max_len, int64_t timeout_ms);
/** Asynchronous un_tcp_read: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_read_submit(un_tcp_stream_t stream, void *buf, uint32_t max_len,
                                  int64_t timeout_ms, uint64_t user_data);

/**
 * Write all len bytes of buf to a stream. Short writes are continued until every byte is sent;
 * writes on one stream are sent in the order they were called, each one's bytes together; a closed
 * peer gives an error, never SIGPIPE. A blocking write that is first in its stream's line sends on
 * the calling thread and waits there for buffer space, like a blocking socket. On TIMED_OUT or
 * CANCELED a prefix of buf may have been sent.
 *
 * @param stream Stream to write to.
 * @param buf Bytes to send.
 * @param len Number of bytes in buf.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's write_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return Bytes written: always len on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BAD_HANDLE, CLOSED, WRONG_KIND, WRONG_RUNTIME, INVALID_ARGUMENT, CANCELED, TIMED_OUT, RESET,
 * BROKEN_PIPE, WOULD_DEADLOCK, INTERRUPTED.
 * @since 0.1
 */
UN_API int64_t un_tcp_write(un_tcp_stream_t stream, const void *buf, uint32_t len,
                            int64_t timeout_ms);
/** Asynchronous un_tcp_write: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_write_submit(un_tcp_stream_t stream, const void *buf, uint32_t len,
                                   int64_t timeout_ms, uint64_t user_data);

/**
 * Close a stream. Operations in flight on it complete with CANCELED; the handle then answers
 * CLOSED. When the close completes, the socket is closed. Close takes its place among the stream's
 * writes: the writes called before it are sent, in order, as far as each goes whole without waiting
 * (the one in the kernel, or waiting on its calling thread, is cancelled unless it is done); a
 * write still waiting for room then, and every write (or shutdown, flush) after it or after a write
 * the close cut short, completes with CANCELED, and none of their bytes follow a gap.
 *
 * @param stream Stream to close.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME.
 * @since 0.1
 */
UN_API int64_t un_tcp_close(un_tcp_stream_t stream);
/** Asynchronous un_tcp_close: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_close_submit(un_tcp_stream_t stream, uint64_t user_data);

/**
 * Close a listener. Accepts in flight on it complete with CANCELED; the handle then answers CLOSED.
 * When the close completes, the socket is closed and its port can be bound again.
 *
 * @param listener Listener to close.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME.
 * @since 0.1
 */
UN_API int64_t un_tcp_listener_close(un_tcp_listener_t listener);
/** Asynchronous un_tcp_listener_close: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_listener_close_submit(un_tcp_listener_t listener, uint64_t user_data);

/**
 * Push out data the kernel is still holding back (Nagle's algorithm) by setting TCP_NODELAY for a
 * moment. Every tcp_write has handed its bytes to the kernel when it returns, so nothing else is
 * buffered here. It takes its place among the stream's writes: it acts after every write called
 * before it has finished.
 *
 * @param stream Stream to flush.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME, WOULD_DEADLOCK, CANCELED.
 * @since 0.1
 */
UN_API int64_t un_tcp_flush(un_tcp_stream_t stream);
/** Asynchronous un_tcp_flush: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_flush_submit(un_tcp_stream_t stream, uint64_t user_data);

/**
 * Shut down one or both directions of a stream. After a write shutdown the peer reads end of stream
 * while this side can still read. A write or both shutdown takes its place among the stream's
 * writes: it acts after every write called before it has finished (sent or failed), and a write
 * called after it fails with BROKEN_PIPE.
 *
 * @param stream Stream to shut down.
 * @param how read, write or both.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME, INVALID_ARGUMENT, NOT_CONNECTED, WOULD_DEADLOCK, CANCELED.
 * @since 0.1
 */
UN_API int64_t un_tcp_shutdown(un_tcp_stream_t stream, un_shutdown_how_t how);
/** Asynchronous un_tcp_shutdown: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_shutdown_submit(un_tcp_stream_t stream, un_shutdown_how_t how,
                                      uint64_t user_data);

/**
 * Take over a listening TCP socket the caller made (socket, bind, listen: for example one a
 * language runtime opened itself, or one inherited from a service manager) as a listener handle:
 * accept and every other listener call work on it. The fd must be an open IPv4 or IPv6 stream
 * socket that is listening (checked with SO_DOMAIN, SO_TYPE and SO_ACCEPTCONN; anything else is
 * WRONG_KIND, an fd that is not open INVALID_ARGUMENT). On success the handle owns the fd: closing
 * the handle closes it, and the caller must neither use nor close the fd any more. On failure the
 * fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to what its
 * backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is refused
 * (INVALID_ARGUMENT).
 *
 * @param fd The listening socket's file descriptor.
 * @return The listener handle that now owns fd. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * INVALID_ARGUMENT, WRONG_KIND, NO_RESOURCES, WOULD_DEADLOCK.
 * @since 0.2
 */
UN_API un_tcp_listener_t un_tcp_adopt_listener(int32_t fd);
/** Asynchronous un_tcp_adopt_listener: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_adopt_listener_submit(int32_t fd, uint64_t user_data);

/**
 * Take over a connected TCP socket the caller made as a stream handle: reads, writes, options,
 * shutdown and close work on it as on a stream from tcp_connect or tcp_accept. The fd must be an
 * open IPv4 or IPv6 stream socket that is not listening (else WRONG_KIND) and is connected (else
 * NOT_CONNECTED). On success the handle owns the fd: closing the handle closes it, and the caller
 * must neither use nor close the fd any more. On failure the fd is left as it was, still the
 * caller's. The library sets the fd's O_NONBLOCK to what its backend uses and FD_CLOEXEC. An fd
 * that already belongs to a handle of this runtime is refused (INVALID_ARGUMENT).
 *
 * @param fd The connected socket's file descriptor.
 * @return The stream handle that now owns fd. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * INVALID_ARGUMENT, WRONG_KIND, NOT_CONNECTED, NO_RESOURCES, WOULD_DEADLOCK.
 * @since 0.2
 */
UN_API un_tcp_stream_t un_tcp_adopt_stream(int32_t fd);
/** Asynchronous un_tcp_adopt_stream: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_tcp_adopt_stream_submit(int32_t fd, uint64_t user_data);

/**
 * Pass an open file descriptor over a Unix stream socket (SCM_RIGHTS): the peer's unix_recv_fd gets
 * a descriptor of its own for the same open file (a socket, pipe, file, ...). It travels with one
 * byte of the stream, sent in its turn among the stream's writes, and that byte is what
 * unix_recv_fd reads. fd stays the caller's: the kernel gives the peer a duplicate, so the caller
 * may close fd as soon as the call returns. The submitted form may be called with a descriptor the
 * caller closes right after: the call passes a duplicate it made. A stream of another family is
 * UNSUPPORTED.
 *
 * @param stream A connected Unix stream socket.
 * @param fd The descriptor to pass; the caller keeps it.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's write_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return 0 once the descriptor is sent. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE,
 * CLOSED, WRONG_KIND, WRONG_RUNTIME, INVALID_ARGUMENT, UNSUPPORTED, CANCELED, BROKEN_PIPE,
 * WOULD_DEADLOCK.
 * @since 0.2
 */
UN_API int64_t un_unix_send_fd(un_tcp_stream_t stream, int32_t fd, int64_t timeout_ms);
/** Asynchronous un_unix_send_fd: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_unix_send_fd_submit(un_tcp_stream_t stream, int32_t fd, int64_t timeout_ms,
                                      uint64_t user_data);

/**
 * Pass the socket behind a handle of this runtime (a listener, stream or UDP socket) over a Unix
 * stream socket, as unix_send_fd passes a descriptor: the peer gets a descriptor of its own for
 * that socket. The handle stays open and the caller's (the two processes then share the socket).
 *
 * @param stream A connected Unix stream socket.
 * @param handle The listener, stream or UDP socket whose socket is passed.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's write_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return 0 once the socket is sent. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE,
 * CLOSED, WRONG_KIND, WRONG_RUNTIME, UNSUPPORTED, CANCELED, BROKEN_PIPE, WOULD_DEADLOCK.
 * @since 0.2
 */
UN_API int64_t un_unix_send_handle(un_tcp_stream_t stream, un_handle_t handle, int64_t timeout_ms);
/** Asynchronous un_unix_send_handle: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_unix_send_handle_submit(un_tcp_stream_t stream, un_handle_t handle,
                                          int64_t timeout_ms, uint64_t user_data);

/**
 * Receive a file descriptor the peer passed with unix_send_fd or unix_send_handle (or any sendmsg
 * with SCM_RIGHTS and one byte): reads one byte of the stream, in its turn among the stream's
 * reads, and returns the descriptor that came with it, with FD_CLOEXEC set. The descriptor is the
 * caller's: close it, or make it a handle with tcp_adopt_stream, tcp_adopt_listener or udp_adopt
 * (they check what it is; on failure it stays the caller's). A byte that carried no descriptor is
 * consumed and gives NO_FD; descriptors beyond the first that came with one byte are closed. A read
 * that meets such a byte instead gets it as data, and the kernel closes the descriptors. On
 * io_uring a stream read with tcp_read_submit is read by its multishot receive, which takes bytes
 * without their descriptors: unix_recv_fd on it is UNSUPPORTED (read a stream that passes
 * descriptors with blocking reads and unix_recv_fd).
 *
 * @param stream A connected Unix stream socket.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's read_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return The received descriptor (0 or more), now the caller's. Errors: NOT_INITIALIZED,
 * SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND, WRONG_RUNTIME, UNSUPPORTED, NO_FD,
 * END_OF_STREAM, CANCELED, TIMED_OUT, WOULD_DEADLOCK.
 * @since 0.2
 */
UN_API int64_t un_unix_recv_fd(un_tcp_stream_t stream, int64_t timeout_ms);
/** Asynchronous un_unix_recv_fd: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_unix_recv_fd_submit(un_tcp_stream_t stream, int64_t timeout_ms,
                                      uint64_t user_data);

/* ---- socket ---- */
/**
 * Write the local address of any handle ("127.0.0.1:40123", "[::1]:40123", "unix:/run/app.sock";
 * empty for an unbound Unix socket) into out, NUL-terminated; useful after binding port 0.
 *
 * @param handle A listener, stream or UDP socket.
 * @param out Buffer that receives the address text.
 * @param out_len Size of out in bytes, including room for the NUL (64 is always enough for an IP
 * address, 116 for a Unix one).
 * @return Length of the address text, without the NUL. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BAD_HANDLE, CLOSED, WRONG_RUNTIME, BUFFER_TOO_SMALL, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_socket_local_addr(un_handle_t handle, char *out, uint32_t out_len);
/** Asynchronous un_socket_local_addr: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_socket_local_addr_submit(un_handle_t handle, char *out, uint32_t out_len,
                                           uint64_t user_data);

/**
 * Write the address of the peer of a stream or of a connected UDP socket into out, NUL-terminated.
 *
 * @param handle A stream or a connected UDP socket.
 * @param out Buffer that receives the address text.
 * @param out_len Size of out in bytes, including room for the NUL (64 is always enough for an IP
 * address, 116 for a Unix one).
 * @return Length of the address text, without the NUL. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BAD_HANDLE, CLOSED, WRONG_KIND, WRONG_RUNTIME, BUFFER_TOO_SMALL, NOT_CONNECTED, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_socket_peer_addr(un_handle_t handle, char *out, uint32_t out_len);
/** Asynchronous un_socket_peer_addr: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_socket_peer_addr_submit(un_handle_t handle, char *out, uint32_t out_len,
                                          uint64_t user_data);

/**
 * Set a socket option (see socket_option) on any handle.
 *
 * @param handle A listener, stream or UDP socket.
 * @param option Which option.
 * @param value The new value; its meaning is given with each option.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED,
 * WRONG_RUNTIME, INVALID_ARGUMENT, UNSUPPORTED, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_socket_set_option(un_handle_t handle, un_socket_option_t option, int64_t value);
/** Asynchronous un_socket_set_option: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_socket_set_option_submit(un_handle_t handle, un_socket_option_t option,
                                           int64_t value, uint64_t user_data);

/**
 * Read a socket option (see socket_option) of any handle.
 *
 * @param handle A listener, stream or UDP socket.
 * @param option Which option.
 * @return The option's current value, in the units given with the option: -1 for linger off and for
 * a read or write timeout of none (never an error: every error of this call is below -1). Errors:
 * NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_RUNTIME, INVALID_ARGUMENT,
 * UNSUPPORTED, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_socket_get_option(un_handle_t handle, un_socket_option_t option);
/** Asynchronous un_socket_get_option: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_socket_get_option_submit(un_handle_t handle, un_socket_option_t option,
                                           uint64_t user_data);

/**
 * Cancel every operation in flight on a handle: each completes with CANCELED; the handle stays open
 * and usable. A blocking read waiting inside recv on its calling thread sees the cancel within 300
 * ms (its time inside recv is that short); every other wait ends at once.
 *
 * @param handle A listener, stream or UDP socket.
 * @return Number of operations that were canceled. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BAD_HANDLE, CLOSED, WRONG_RUNTIME.
 * @since 0.1
 */
UN_API int64_t un_socket_cancel(un_handle_t handle);
/** Asynchronous un_socket_cancel: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_socket_cancel_submit(un_handle_t handle, uint64_t user_data);

/* ---- udp ---- */
/**
 * Create a UDP socket bound to addr ("0.0.0.0:5000", "[::1]:0", "localhost:0"; port 0 picks a free
 * port; a host name binds the first of its addresses that can be bound, IPv4 ones first, as for
 * tcp_listen), or a Unix datagram socket ("unix:/tmp/app.dgram", "unix:@name"; its peers send to
 * that address, and UNLINK_STALE applies as for tcp_listen).
 *
 * @param addr Local address to bind.
 * @param flags bind_flag values or-ed together; 0 for none.
 * @return The UDP socket handle. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_ADDRESS,
 * INVALID_ARGUMENT, UNKNOWN_HOST, ADDRESS_IN_USE, ADDRESS_NOT_AVAILABLE, PERMISSION_DENIED,
 * UNSUPPORTED, NO_RESOURCES, WOULD_DEADLOCK, CANCELED.
 * @since 0.1
 */
UN_API un_udp_socket_t un_udp_bind(const char *addr, uint32_t flags);
/** Asynchronous un_udp_bind: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_udp_bind_submit(const char *addr, uint32_t flags, uint64_t user_data);

/**
 * Send one datagram of len bytes to addr (a host name: its first address of the socket's family,
 * else its first).
 *
 * @param socket Socket to send from.
 * @param buf The datagram.
 * @param len Number of bytes in buf.
 * @param addr Destination address.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's write_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return Bytes sent: always len on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BAD_HANDLE, CLOSED, WRONG_KIND, WRONG_RUNTIME, BAD_ADDRESS, UNKNOWN_HOST, NO_RESOURCES,
 * INVALID_ARGUMENT, PERMISSION_DENIED, MESSAGE_TOO_LONG, HOST_UNREACHABLE, CANCELED, TIMED_OUT,
 * UNSUPPORTED, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_udp_send_to(un_udp_socket_t socket, const void *buf, uint32_t len,
                              const char *addr, int64_t timeout_ms);
/** Asynchronous un_udp_send_to: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_udp_send_to_submit(un_udp_socket_t socket, const void *buf, uint32_t len,
                                     const char *addr, int64_t timeout_ms, uint64_t user_data);

/**
 * Receive one datagram into buf and write its sender's address into from, NUL-terminated. A
 * datagram longer than max_len gives TRUNCATED (its first max_len bytes are in buf). The sender of
 * a Unix datagram is its bound address, or empty when it is unbound.
 *
 * @param socket Socket to receive on.
 * @param buf Buffer that receives the datagram.
 * @param max_len Capacity of buf.
 * @param from Buffer that receives the sender's address text.
 * @param from_len Size of from in bytes (64 is always enough for an IP address, 116 for a Unix
 * one).
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's read_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return Bytes received (0 for an empty datagram). Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BAD_HANDLE, CLOSED, WRONG_KIND, WRONG_RUNTIME, INVALID_ARGUMENT, BUFFER_TOO_SMALL, TRUNCATED,
 * CANCELED, TIMED_OUT, WOULD_DEADLOCK, INTERRUPTED.
 * @since 0.1
 */
UN_API int64_t un_udp_recv_from(un_udp_socket_t socket, void *buf, uint32_t max_len, char *from,
                                uint32_t from_len, int64_t timeout_ms);
/** Asynchronous un_udp_recv_from: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_udp_recv_from_submit(un_udp_socket_t socket, void *buf, uint32_t max_len,
                                       char *from, uint32_t from_len, int64_t timeout_ms,
                                       uint64_t user_data);

/**
 * Set the default destination of a UDP socket and accept datagrams only from it (a host name: its
 * first address of the socket's family, else its first).
 *
 * @param socket Socket to connect.
 * @param addr Peer address.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME, BAD_ADDRESS, UNKNOWN_HOST, NO_RESOURCES, HOST_UNREACHABLE, UNSUPPORTED,
 * WOULD_DEADLOCK, CANCELED.
 * @since 0.1
 */
UN_API int64_t un_udp_connect(un_udp_socket_t socket, const char *addr);
/** Asynchronous un_udp_connect: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_udp_connect_submit(un_udp_socket_t socket, const char *addr, uint64_t user_data);

/**
 * Send one datagram to the connected peer.
 *
 * @param socket A connected UDP socket.
 * @param buf The datagram.
 * @param len Number of bytes in buf.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's write_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return Bytes sent: always len on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BAD_HANDLE, CLOSED, WRONG_KIND, WRONG_RUNTIME, INVALID_ARGUMENT, NOT_CONNECTED,
 * CONNECTION_REFUSED, MESSAGE_TOO_LONG, CANCELED, TIMED_OUT, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_udp_send(un_udp_socket_t socket, const void *buf, uint32_t len,
                           int64_t timeout_ms);
/** Asynchronous un_udp_send: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_udp_send_submit(un_udp_socket_t socket, const void *buf, uint32_t len,
                                  int64_t timeout_ms, uint64_t user_data);

/**
 * Receive one datagram from the connected peer (or anyone, if not connected). A datagram longer
 * than max_len gives TRUNCATED.
 *
 * @param socket Socket to receive on.
 * @param buf Buffer that receives the datagram.
 * @param max_len Capacity of buf.
 * @param timeout_ms Deadline in milliseconds; -1 (or any negative value but -2) waits forever, as
 * does a value too large to be a deadline in nanoseconds (beyond about 292 years).
 * UN_TIMEOUT_FROM_OPTION (-2) waits as long as the handle's read_timeout option says
 * (socket_set_option; -1, forever, unless set).
 * @return Bytes received (0 for an empty datagram). Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * BAD_HANDLE, CLOSED, WRONG_KIND, WRONG_RUNTIME, INVALID_ARGUMENT, TRUNCATED, CONNECTION_REFUSED,
 * CANCELED, TIMED_OUT, WOULD_DEADLOCK, INTERRUPTED.
 * @since 0.1
 */
UN_API int64_t un_udp_recv(un_udp_socket_t socket, void *buf, uint32_t max_len, int64_t timeout_ms);
/** Asynchronous un_udp_recv: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_udp_recv_submit(un_udp_socket_t socket, void *buf, uint32_t max_len,
                                  int64_t timeout_ms, uint64_t user_data);

/**
 * Close a UDP socket. Operations in flight on it complete with CANCELED; the handle then answers
 * CLOSED. When the close completes, the socket is closed and its port can be bound again.
 *
 * @param socket Socket to close.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME.
 * @since 0.1
 */
UN_API int64_t un_udp_close(un_udp_socket_t socket);
/** Asynchronous un_udp_close: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_udp_close_submit(un_udp_socket_t socket, uint64_t user_data);

/**
 * Join the multicast group (an IPv4 or IPv6 address without port) on the interface named iface (""
 * for the default one).
 *
 * @param socket Socket that joins.
 * @param group Group address, e.g. "239.1.2.3" or "ff02::1:3".
 * @param iface Interface name such as "eth0", or "" for the default.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME, BAD_ADDRESS, NO_SUCH_INTERFACE, INVALID_ARGUMENT, ADDRESS_IN_USE, UNSUPPORTED,
 * WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_udp_join_multicast(un_udp_socket_t socket, const char *group, const char *iface);
/** Asynchronous un_udp_join_multicast: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_udp_join_multicast_submit(un_udp_socket_t socket, const char *group,
                                            const char *iface, uint64_t user_data);

/**
 * Leave a multicast group joined with udp_join_multicast.
 *
 * @param socket Socket that leaves.
 * @param group Group address, as given to udp_join_multicast.
 * @param iface Interface name, as given to udp_join_multicast.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME, BAD_ADDRESS, NO_SUCH_INTERFACE, INVALID_ARGUMENT, ADDRESS_NOT_AVAILABLE,
 * UNSUPPORTED, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_udp_leave_multicast(un_udp_socket_t socket, const char *group, const char *iface);
/** Asynchronous un_udp_leave_multicast: returns an operation id (> 0) or an error code at once; the
 * result arrives as a completion carrying user_data. */
UN_API int64_t un_udp_leave_multicast_submit(un_udp_socket_t socket, const char *group,
                                             const char *iface, uint64_t user_data);

/**
 * Take over a UDP socket the caller made (bound or not, connected or not) as a UDP socket handle.
 * The fd must be an open IPv4 or IPv6 datagram socket (else WRONG_KIND). On success the handle owns
 * the fd: closing the handle closes it, and the caller must neither use nor close the fd any more.
 * On failure the fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to
 * what its backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is
 * refused (INVALID_ARGUMENT).
 *
 * @param fd The UDP socket's file descriptor.
 * @return The UDP socket handle that now owns fd. Errors: NOT_INITIALIZED, SHUT_DOWN, FORKED,
 * INVALID_ARGUMENT, WRONG_KIND, NO_RESOURCES, WOULD_DEADLOCK.
 * @since 0.2
 */
UN_API un_udp_socket_t un_udp_adopt(int32_t fd);
/** Asynchronous un_udp_adopt: returns an operation id (> 0) or an error code at once; the result
 * arrives as a completion carrying user_data. */
UN_API int64_t un_udp_adopt_submit(int32_t fd, uint64_t user_data);

/* ---- async ---- */
/**
 * Collect completions of asynchronous operations (the *_submit functions) into out, waiting up to
 * timeout_ms for the first one. Completions queue up until collected; after a shutdown the
 * remaining ones can still be collected.
 *
 * @param out Array that receives the completions.
 * @param max Capacity of out, at least 1.
 * @param timeout_ms How long to wait for a first completion; 0 returns at once, -1 waits forever.
 * @return Number of completions written into out (0 when the wait timed out). Errors:
 * NOT_INITIALIZED, FORKED, INVALID_ARGUMENT, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_poll(un_completion_t *out, uint32_t max, int64_t timeout_ms);

/**
 * A file descriptor (eventfd) that is readable while completions wait to be collected, for a host's
 * own event loop (epoll, poll, select): when it is readable, call poll with timeout 0. The library
 * owns it; do not close it.
 *
 * @return The file descriptor. Errors: NO_RESOURCES.
 * @since 0.1
 */
UN_API int64_t un_completion_fd(void);

/**
 * Deliver completions by calling callback(ctx, completion) on the runtime thread instead of
 * queueing them for poll; NULL goes back to queueing. When it returns, the previous callback is
 * never called again and no call of it is still running, so its ctx may be freed; called from
 * inside a callback it does not wait, and calls already running on other shards may still finish
 * with the previous ctx. A callback may submit new operations and change the callback, but must not
 * make blocking calls (they return WOULD_DEADLOCK), must not wait for a thread that is changing the
 * callback, and should return quickly.
 *
 * @param callback The function to call, or NULL.
 * @param ctx Passed to every call of callback.
 * @return 0 on success. Errors: none.
 * @since 0.1
 */
UN_API int64_t un_set_completion_callback(un_completion_fn callback, void *ctx);

/**
 * Cancel one asynchronous operation by the id its *_submit function returned; it completes with
 * CANCELED (unless it completed first).
 *
 * @param op_id The operation's id.
 * @return 0 when the operation was found and asked to stop. Errors: NOT_INITIALIZED, SHUT_DOWN,
 * FORKED, OP_NOT_FOUND, INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_op_cancel(int64_t op_id);

/**
 * Start collecting this thread's *_submit calls instead of posting them one by one; batch_end posts
 * them together, with at most one wake-up of the runtime thread and one kernel submit. The calls
 * keep their order: a blocking call this thread makes before batch_end first posts what the batch
 * holds, and a batch left open when the thread exits, or whose runtime shuts down, completes each
 * of its submissions with SHUT_DOWN.
 *
 * @return 0 on success. Errors: INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_batch_begin(void);

/**
 * Post every operation this thread submitted since batch_begin, together.
 *
 * @return Number of operations posted. Errors: INVALID_ARGUMENT.
 * @since 0.1
 */
UN_API int64_t un_batch_end(void);

#ifdef __cplusplus
}
#endif

#endif /* URINGNET_URINGNET_H */
