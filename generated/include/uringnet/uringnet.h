/* Generated from api/net.json by codegen/generate.py (template c/uringnet.h.j2). Do not edit:
 * change the spec or the template and run codegen/generate.py. */
/**
 * @file uringnet.h
 * Networking on Linux io_uring behind a generated C ABI. Every handle lives on a runtime thread;
 * blocking calls post a request to it and wait for its completion.
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
#define UN_SPEC_CHECKSUM "cf65d62bc38f5803"

/* ---- Handles ---- */
/** A listening TCP socket; accept on it as many times as you like. */
typedef int64_t un_tcp_listener_t;
#define UN_HANDLE_TCP_LISTENER 1
/** A connected TCP stream, from accept or connect. */
typedef int64_t un_tcp_stream_t;
#define UN_HANDLE_TCP_STREAM 2

/* ---- Enumerations ---- */

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
    (-12) /**< address is malformed: expected "ip:port", "[ipv6]:port" or "host:port" (class       \
             ERROR) */
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
    (-20) /**< connection refused: nothing listens at that address (class REFUSED) */
#define UN_ERR_ADDRESS_IN_USE (-21) /**< bind failed: address already in use (class REFUSED) */
#define UN_ERR_ADDRESS_NOT_AVAILABLE                                                               \
    (-22) /**< bind failed: address not available on this machine (class REFUSED) */
#define UN_ERR_PERMISSION_DENIED (-23)  /**< permission denied (class REFUSED) */
#define UN_ERR_HOST_UNREACHABLE (-24)   /**< host or network unreachable (class REFUSED) */
#define UN_ERR_CONNECTION_ABORTED (-25) /**< connection aborted (class RESET) */
#define UN_ERR_BROKEN_PIPE (-26)  /**< peer closed the connection while writing (class RESET) */
#define UN_ERR_NO_RESOURCES (-27) /**< out of file descriptors or memory (class ERROR) */
#define UN_ERR_UNKNOWN_HOST (-28) /**< host name could not be resolved (class ERROR) */
#define UN_ERR_UNSUPPORTED                                                                         \
    (-29) /**< operation not supported by this kernel or socket (class ERROR) */
#define UN_ERR_IO_URING_UNAVAILABLE                                                                \
    (-30) /**< io_uring could not be set up (refused by the kernel, a sandbox or a low memlock     \
             limit) (class ERROR) */

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
 * Start the runtime: one thread with its own io_uring of the configured number of entries. Handles
 * issued by an earlier, shut-down runtime are rejected with WRONG_RUNTIME.
 *
 * @return 0 on success. Errors: ALREADY_INITIALIZED, IO_URING_UNAVAILABLE, NO_RESOURCES,
 * WOULD_DEADLOCK.
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
 * Write the runtime's statistics as a JSON object (operations, bytes, errors, in flight, open
 * handles, wake-ups, submit calls) into a caller's buffer, NUL-terminated.
 *
 * @param out Buffer that receives the JSON text.
 * @param out_len Size of out in bytes, including room for the NUL.
 * @return Length of the JSON text, without the NUL. Errors: NOT_INITIALIZED, SHUT_DOWN,
 * BUFFER_TOO_SMALL, INVALID_ARGUMENT, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_runtime_stats(char *out, uint32_t out_len);

/* ---- tcp ---- */
/**
 * Bind a TCP socket to addr ("127.0.0.1:8080", "[::1]:0", "localhost:9000"; port 0 picks a free
 * port) with SO_REUSEADDR and listen on it.
 *
 * @param addr Local address to bind.
 * @param backlog Queue length for pending connections; 0 or less means SOMAXCONN.
 * @return The listener handle. Errors: NOT_INITIALIZED, SHUT_DOWN, BAD_ADDRESS, UNKNOWN_HOST,
 * ADDRESS_IN_USE, ADDRESS_NOT_AVAILABLE, PERMISSION_DENIED, NO_RESOURCES, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API un_tcp_listener_t un_tcp_listen(const char *addr, int32_t backlog);

/**
 * Wait for the next connection on a listener and return it as a new stream. The listener stays
 * open; call again for the next connection.
 *
 * @param listener Listener from tcp_listen.
 * @param timeout_ms Deadline in milliseconds; -1 waits forever.
 * @return The accepted stream. Errors: NOT_INITIALIZED, SHUT_DOWN, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME, CANCELED, TIMED_OUT, NO_RESOURCES, CONNECTION_ABORTED, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API un_tcp_stream_t un_tcp_accept(un_tcp_listener_t listener, int64_t timeout_ms);

/**
 * Connect to addr ("127.0.0.1:8080", "[::1]:8080", "localhost:8080"; host names are resolved on the
 * calling thread, never on the runtime thread).
 *
 * @param addr Remote address.
 * @param timeout_ms Deadline in milliseconds; -1 waits forever.
 * @return The connected stream. Errors: NOT_INITIALIZED, SHUT_DOWN, BAD_ADDRESS, UNKNOWN_HOST,
 * CONNECTION_REFUSED, HOST_UNREACHABLE, TIMED_OUT, NO_RESOURCES, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API un_tcp_stream_t un_tcp_connect(const char *addr, int64_t timeout_ms);

/**
 * Read up to max_len bytes (at least 1) from a stream into buf. Returns 0 when the peer has closed
 * its side.
 *
 * @param stream Stream to read from.
 * @param buf Buffer that receives the bytes.
 * @param max_len Capacity of buf.
 * @param timeout_ms Deadline in milliseconds; -1 waits forever.
 * @return Bytes read; 0 at end of stream. Errors: NOT_INITIALIZED, SHUT_DOWN, BAD_HANDLE, CLOSED,
 * WRONG_KIND, WRONG_RUNTIME, INVALID_ARGUMENT, CANCELED, TIMED_OUT, RESET, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_tcp_read(un_tcp_stream_t stream, void *buf, uint32_t max_len, int64_t timeout_ms);

/**
 * Write all len bytes of buf to a stream. Short writes are continued until every byte is sent;
 * writes on one stream are sent in the order they were called; a closed peer gives an error, never
 * SIGPIPE. On TIMED_OUT or CANCELED a prefix of buf may have been sent.
 *
 * @param stream Stream to write to.
 * @param buf Bytes to send.
 * @param len Number of bytes in buf.
 * @param timeout_ms Deadline in milliseconds for the whole buffer; -1 waits forever.
 * @return Bytes written: always len on success. Errors: NOT_INITIALIZED, SHUT_DOWN, BAD_HANDLE,
 * CLOSED, WRONG_KIND, WRONG_RUNTIME, INVALID_ARGUMENT, CANCELED, TIMED_OUT, RESET, BROKEN_PIPE,
 * WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_tcp_write(un_tcp_stream_t stream, const void *buf, uint32_t len,
                            int64_t timeout_ms);

/**
 * Close a stream. Operations in flight on it complete with CANCELED; the handle then answers
 * CLOSED.
 *
 * @param stream Stream to close.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_tcp_close(un_tcp_stream_t stream);

/**
 * Close a listener. Accepts in flight on it complete with CANCELED; the handle then answers CLOSED.
 *
 * @param listener Listener to close.
 * @return 0 on success. Errors: NOT_INITIALIZED, SHUT_DOWN, BAD_HANDLE, CLOSED, WRONG_KIND,
 * WRONG_RUNTIME, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_tcp_listener_close(un_tcp_listener_t listener);

/**
 * Write the address a listener is bound to ("127.0.0.1:40123", "[::1]:40123") into out,
 * NUL-terminated; useful after listening on port 0.
 *
 * @param listener Listener from tcp_listen.
 * @param out Buffer that receives the address text.
 * @param out_len Size of out in bytes, including room for the NUL (64 is always enough).
 * @return Length of the address text, without the NUL. Errors: NOT_INITIALIZED, SHUT_DOWN,
 * BAD_HANDLE, CLOSED, WRONG_KIND, WRONG_RUNTIME, BUFFER_TOO_SMALL, WOULD_DEADLOCK.
 * @since 0.1
 */
UN_API int64_t un_tcp_listener_local_addr(un_tcp_listener_t listener, char *out, uint32_t out_len);

#ifdef __cplusplus
}
#endif

#endif /* URINGNET_URINGNET_H */
