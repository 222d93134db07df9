/* Generated from api/net.json by codegen/generate.py (template c/uringnet_simple.h.j2). Do not
 * edit: change the spec or the template and run codegen/generate.py. */
/**
 * @file uringnet_simple.h
 * The functions the Simple language's std.net calls (its monoio_* names), adapted onto the
 * uringnet C API. Simple passes integers and booleans raw and text and arrays as RuntimeValue
 * words (un_rv_t); results are raw integers (handles, counts, negative error codes) or, for
 * text, a RuntimeValue string (nil on error). A RuntimeValue of the wrong kind gives
 * UN_ERR_WRONG_VALUE_KIND, never a crash.
 */
#ifndef URINGNET_URINGNET_SIMPLE_H
#define URINGNET_URINGNET_SIMPLE_H

#include "uringnet/uringnet.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A Simple RuntimeValue word. */
typedef uint64_t un_rv_t;

/** Start the runtime: one thread with its own io_uring of the configured number of entries, or
 * epoll where io_uring is refused (see runtime_configure_backend and the URINGNET_BACKEND
 * environment variable: auto, io_uring or epoll). Handles issued by an earlier, shut-down runtime
 * are rejected with WRONG_RUNTIME. In a child made by fork() while a runtime ran, every call
 * answers FORKED (the runtime's threads are the parent's) until runtime_init starts the child's own
 * runtime; runtime_shutdown there lets go of the parent's and returns 0. The parent is unaffected.
 * (Adapter of un_runtime_init.) */
UN_API int64_t monoio_runtime_init(void);
/** Start the runtime: one thread with its own io_uring of the configured number of entries, or
 * epoll where io_uring is refused (see runtime_configure_backend and the URINGNET_BACKEND
 * environment variable: auto, io_uring or epoll). Handles issued by an earlier, shut-down runtime
 * are rejected with WRONG_RUNTIME. In a child made by fork() while a runtime ran, every call
 * answers FORKED (the runtime's threads are the parent's) until runtime_init starts the child's own
 * runtime; runtime_shutdown there lets go of the parent's and returns 0. The parent is unaffected.
 * (Adapter of un_runtime_init.) */
UN_API int64_t monoio_runtime_init_global(void);
/** Stop the runtime: every operation still in flight completes with SHUT_DOWN, every handle is
 * closed and the thread is joined. Later calls return SHUT_DOWN until runtime_init is called again.
 * (Adapter of un_runtime_shutdown.) */
UN_API int64_t monoio_runtime_shutdown(void);
/** Set the number of io_uring submission entries used by the next runtime_init (1..32768; the
 * kernel rounds up to a power of two, and rings smaller than 4 are raised to 4 because a linked
 * timeout needs two entries submitted together). (Adapter of un_runtime_configure_entries.) */
UN_API int64_t monoio_configure_entries(int64_t entries);
/** Number of CPU cores this process may run on. (Adapter of un_runtime_num_cores.) */
UN_API int64_t monoio_get_num_cores(void);
/** The runtime's statistics as JSON text, or nil on error. (Adapter of un_runtime_stats.) */
UN_API un_rv_t monoio_get_stats(void);
/** Choose the kernel interface for the next runtime_init: auto (default), io_uring or epoll. A
 * choice other than auto overrides the URINGNET_BACKEND environment variable. (Adapter of
 * un_runtime_configure_backend.) */
UN_API int64_t monoio_configure_backend(int64_t backend);
/** Turn io_uring's kernel submission-queue polling thread (SQPOLL) on or off for the next
 * runtime_init. Off by default: it keeps a core busy. (Adapter of un_runtime_configure_sqpoll.) */
UN_API int64_t monoio_configure_sqpoll(int64_t enabled);
/** Why the running runtime uses the backend it uses (text that starts with "io_uring" or "epoll"),
 * or nil when it is not running. (Adapter of un_runtime_backend.) */
UN_API un_rv_t monoio_runtime_backend(void);
/** Set the runtime's counters (requests, completions, errors, bytes, accepts, connects, wake-ups,
 * submit calls) back to zero; gauges (in flight, open handles) keep their values. (Adapter of
 * un_runtime_reset_stats.) */
UN_API int64_t monoio_reset_stats(void);
/** Set the number of shards for the next runtime_init: each shard is a thread with its own ring (or
 * epoll) and its own handles, and new connections, listeners and sockets go to the least-loaded
 * shard (accepted connections too). 1 (the default) up to the number of cores. (Adapter of
 * un_runtime_configure_shards.) */
UN_API int64_t monoio_configure_shards(int64_t shards);
/** Kept for compatibility: the library no longer sends any signal, so the value (0 or a real-time
 * signal, SIGRTMIN..SIGRTMAX) is checked and has no effect. A blocking tcp_read on the io_uring
 * backend sleeps in recv itself, as a read on a plain blocking socket does (one system call per
 * read), for at most 300 ms (the socket's SO_RCVTIMEO, or the read's timeout when that is nearer);
 * close and runtime_shutdown end it at once by shutting the socket for reading, and socket_cancel
 * or a later call on the stream that needs it to hand over is seen when those 300 ms end. A read
 * whose data has not come by then waits on in ppoll on the socket and a per-thread eventfd, which
 * every one of them ends at once. No signal of the library's can interrupt a host's signal handler
 * or system call, and a host may install or block any signal at any time. (Adapter of
 * un_runtime_configure_wake_signal.) */
UN_API int64_t monoio_configure_wake_signal(int64_t signal);
/** Wait timeout_ms milliseconds on the runtime thread and complete with 0: a timer. The runtime
 * keeps it in the kernel (io_uring's TIMEOUT) or in the epoll backend's own deadline list, so any
 * number of timers cost no thread. timer_submit is the asynchronous timer: its completion comes
 * when the time is up, and op_cancel ends it early with CANCELED. 0 completes at once; a negative
 * value (or one too large to be a deadline in nanoseconds) waits until the timer is cancelled or
 * interrupted, or the runtime shuts down. (Adapter of un_timer.) */
UN_API int64_t monoio_timer(int64_t timeout_ms);
/** Bind a TCP socket to addr ("127.0.0.1:8080", "[::1]:0", "localhost:9000"; port 0 picks a free
 * port) with SO_REUSEADDR and listen on it. A host name binds the first of its addresses that can
 * be bound, IPv4 ones first ("localhost" binds 127.0.0.1); when none can, the error is the first
 * address's. A Unix address ("unix:/run/app.sock", or "unix:@name" in the abstract namespace, which
 * has no file) makes a Unix stream listener whose streams are the same handles with the same
 * operations; SO_REUSEADDR and SO_REUSEPORT are never set on it. A socket file left at the path by
 * a listener that is gone gives ADDRESS_IN_USE unless flags has UNLINK_STALE; closing the listener
 * does not remove its file. (Adapter of un_tcp_listen.) */
UN_API int64_t monoio_tcp_listen(un_rv_t addr);
/** Bind a TCP socket to addr ("127.0.0.1:8080", "[::1]:0", "localhost:9000"; port 0 picks a free
 * port) with SO_REUSEADDR and listen on it. A host name binds the first of its addresses that can
 * be bound, IPv4 ones first ("localhost" binds 127.0.0.1); when none can, the error is the first
 * address's. A Unix address ("unix:/run/app.sock", or "unix:@name" in the abstract namespace, which
 * has no file) makes a Unix stream listener whose streams are the same handles with the same
 * operations; SO_REUSEADDR and SO_REUSEPORT are never set on it. A socket file left at the path by
 * a listener that is gone gives ADDRESS_IN_USE unless flags has UNLINK_STALE; closing the listener
 * does not remove its file. (Adapter of un_tcp_listen.) */
UN_API int64_t monoio_tcp_listen_flags(un_rv_t addr, int64_t flags);
/** Wait for the next connection on a listener and return it as a new stream. The listener stays
 * open; call again for the next connection. (Adapter of un_tcp_accept.) */
UN_API int64_t monoio_tcp_accept(int64_t listener);
/** Wait for the next connection on a listener and return it as a new stream. The listener stays
 * open; call again for the next connection. (Adapter of un_tcp_accept.) */
UN_API int64_t monoio_tcp_accept_timeout(int64_t listener, int64_t timeout_ms);
/** Connect to addr ("127.0.0.1:8080", "[::1]:8080", "localhost:8080", or a Unix stream socket:
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
 * lookup whose operation ended first (timeout, cancel, close) is never made. (Adapter of
 * un_tcp_connect.) */
UN_API int64_t monoio_tcp_connect(un_rv_t addr);
/** Connect to addr ("127.0.0.1:8080", "[::1]:8080", "localhost:8080", or a Unix stream socket:
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
 * lookup whose operation ended first (timeout, cancel, close) is never made. (Adapter of
 * un_tcp_connect.) */
UN_API int64_t monoio_tcp_connect_timeout(un_rv_t addr, int64_t timeout_ms);
/** Read up to max_len bytes (at least 1) from a stream into buf. Returns 0 when the peer has closed
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
 * out or is cancelled loses no data. (Adapter of un_tcp_read.) */
UN_API int64_t monoio_tcp_read(int64_t stream, un_rv_t buf, int64_t max_len);
/** Read up to max_len bytes (at least 1) from a stream into buf. Returns 0 when the peer has closed
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
 * out or is cancelled loses no data. (Adapter of un_tcp_read.) */
UN_API int64_t monoio_tcp_read_timeout(int64_t stream, un_rv_t buf, int64_t max_len,
                                       int64_t timeout_ms);
/** Write all len bytes of buf to a stream. Short writes are continued until every byte is sent;
 * writes on one stream are sent in the order they were called, each one's bytes together; a closed
 * peer gives an error, never SIGPIPE. A blocking write that is first in its stream's line sends on
 * the calling thread and waits there for buffer space, like a blocking socket. On TIMED_OUT or
 * CANCELED a prefix of buf may have been sent. (Adapter of un_tcp_write.) */
UN_API int64_t monoio_tcp_write(int64_t stream, un_rv_t buf, int64_t len);
/** Write all len bytes of buf to a stream. Short writes are continued until every byte is sent;
 * writes on one stream are sent in the order they were called, each one's bytes together; a closed
 * peer gives an error, never SIGPIPE. A blocking write that is first in its stream's line sends on
 * the calling thread and waits there for buffer space, like a blocking socket. On TIMED_OUT or
 * CANCELED a prefix of buf may have been sent. (Adapter of un_tcp_write.) */
UN_API int64_t monoio_tcp_write_timeout(int64_t stream, un_rv_t buf, int64_t len,
                                        int64_t timeout_ms);
/** Close a stream. Operations in flight on it complete with CANCELED; the handle then answers
 * CLOSED. When the close completes, the socket is closed. Close takes its place among the stream's
 * writes: the writes called before it are sent, in order, as far as each goes whole without waiting
 * (the one in the kernel, or waiting on its calling thread, is cancelled unless it is done); a
 * write still waiting for room then, and every write (or shutdown, flush) after it or after a write
 * the close cut short, completes with CANCELED, and none of their bytes follow a gap. (Adapter of
 * un_tcp_close.) */
UN_API int64_t monoio_tcp_close(int64_t stream);
/** Close a listener. Accepts in flight on it complete with CANCELED; the handle then answers
 * CLOSED. When the close completes, the socket is closed and its port can be bound again. (Adapter
 * of un_tcp_listener_close.) */
UN_API int64_t monoio_tcp_listener_close(int64_t listener);
/** The local address as text ("127.0.0.1:8080", "[::1]:8080"), or nil on error. (Adapter of
 * un_socket_local_addr.) */
UN_API un_rv_t monoio_tcp_local_addr(int64_t handle);
/** The local address as text ("127.0.0.1:8080", "[::1]:8080"), or nil on error. (Adapter of
 * un_socket_local_addr.) */
UN_API un_rv_t monoio_udp_local_addr(int64_t handle);
/** Push out data the kernel is still holding back (Nagle's algorithm) by setting TCP_NODELAY for a
 * moment. Every tcp_write has handed its bytes to the kernel when it returns, so nothing else is
 * buffered here. It takes its place among the stream's writes: it acts after every write called
 * before it has finished. (Adapter of un_tcp_flush.) */
UN_API int64_t monoio_tcp_flush(int64_t stream);
/** Shut down one or both directions of a stream. After a write shutdown the peer reads end of
 * stream while this side can still read. A write or both shutdown takes its place among the
 * stream's writes: it acts after every write called before it has finished (sent or failed), and a
 * write called after it fails with BROKEN_PIPE. (Adapter of un_tcp_shutdown.) */
UN_API int64_t monoio_tcp_shutdown(int64_t stream, int64_t how);
/** The peer's address as text ("127.0.0.1:8080", "[::1]:8080"), or nil on error. (Adapter of
 * un_socket_peer_addr.) */
UN_API un_rv_t monoio_tcp_peer_addr(int64_t handle);
/** Turn TCP_NODELAY on (true) or off. (Adapter of un_socket_set_option.) */
UN_API int64_t monoio_tcp_set_nodelay(int64_t handle, int64_t enabled);
/** Turn TCP keepalive on with an idle time of secs seconds; 0 or less turns it off. (Adapter of
 * un_socket_set_option.) */
UN_API int64_t monoio_tcp_set_keepalive(int64_t handle, int64_t secs);
/** Allow (true) or forbid sending to broadcast addresses. (Adapter of un_socket_set_option.) */
UN_API int64_t monoio_udp_set_broadcast(int64_t handle, int64_t enabled);
/** The TTL (hop limit) of outgoing multicast datagrams, 0..255. (Adapter of un_socket_set_option.)
 */
UN_API int64_t monoio_udp_set_multicast_ttl(int64_t handle, int64_t ttl);
/** Set a socket option (see socket_option) on any handle. (Adapter of un_socket_set_option.) */
UN_API int64_t monoio_socket_set_option(int64_t handle, int64_t option, int64_t value);
/** Read a socket option (see socket_option) of any handle. (Adapter of un_socket_get_option.) */
UN_API int64_t monoio_socket_get_option(int64_t handle, int64_t option);
/** Cancel every operation in flight on a handle: each completes with CANCELED; the handle stays
 * open and usable. A blocking read waiting inside recv on its calling thread sees the cancel within
 * 300 ms (its time inside recv is that short); every other wait ends at once. (Adapter of
 * un_socket_cancel.) */
UN_API int64_t monoio_socket_cancel(int64_t handle);
/** Take over a listening TCP socket the caller made (socket, bind, listen: for example one a
 * language runtime opened itself, or one inherited from a service manager) as a listener handle:
 * accept and every other listener call work on it. The fd must be an open IPv4 or IPv6 stream
 * socket that is listening (checked with SO_DOMAIN, SO_TYPE and SO_ACCEPTCONN; anything else is
 * WRONG_KIND, an fd that is not open INVALID_ARGUMENT). On success the handle owns the fd: closing
 * the handle closes it, and the caller must neither use nor close the fd any more. On failure the
 * fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to what its
 * backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is refused
 * (INVALID_ARGUMENT). (Adapter of un_tcp_adopt_listener.) */
UN_API int64_t monoio_tcp_adopt_listener(int64_t fd);
/** Take over a connected TCP socket the caller made as a stream handle: reads, writes, options,
 * shutdown and close work on it as on a stream from tcp_connect or tcp_accept. The fd must be an
 * open IPv4 or IPv6 stream socket that is not listening (else WRONG_KIND) and is connected (else
 * NOT_CONNECTED). On success the handle owns the fd: closing the handle closes it, and the caller
 * must neither use nor close the fd any more. On failure the fd is left as it was, still the
 * caller's. The library sets the fd's O_NONBLOCK to what its backend uses and FD_CLOEXEC. An fd
 * that already belongs to a handle of this runtime is refused (INVALID_ARGUMENT). (Adapter of
 * un_tcp_adopt_stream.) */
UN_API int64_t monoio_tcp_adopt_stream(int64_t fd);
/** Pass an open file descriptor over a Unix stream socket (SCM_RIGHTS): the peer's unix_recv_fd
 * gets a descriptor of its own for the same open file (a socket, pipe, file, ...). It travels with
 * one byte of the stream, sent in its turn among the stream's writes, and that byte is what
 * unix_recv_fd reads. fd stays the caller's: the kernel gives the peer a duplicate, so the caller
 * may close fd as soon as the call returns. The submitted form may be called with a descriptor the
 * caller closes right after: the call passes a duplicate it made. A stream of another family is
 * UNSUPPORTED. (Adapter of un_unix_send_fd.) */
UN_API int64_t monoio_unix_send_fd(int64_t stream, int64_t fd);
/** Pass the socket behind a handle of this runtime (a listener, stream or UDP socket) over a Unix
 * stream socket, as unix_send_fd passes a descriptor: the peer gets a descriptor of its own for
 * that socket. The handle stays open and the caller's (the two processes then share the socket).
 * (Adapter of un_unix_send_handle.) */
UN_API int64_t monoio_unix_send_handle(int64_t stream, int64_t handle);
/** Receive a file descriptor the peer passed with unix_send_fd or unix_send_handle (or any sendmsg
 * with SCM_RIGHTS and one byte): reads one byte of the stream, in its turn among the stream's
 * reads, and returns the descriptor that came with it, with FD_CLOEXEC set. The descriptor is the
 * caller's: close it, or make it a handle with tcp_adopt_stream, tcp_adopt_listener or udp_adopt
 * (they check what it is; on failure it stays the caller's). A byte that carried no descriptor is
 * consumed and gives NO_FD; descriptors beyond the first that came with one byte are closed. A read
 * that meets such a byte instead gets it as data, and the kernel closes the descriptors. On
 * io_uring a stream read with tcp_read_submit is read by its multishot receive, which takes bytes
 * without their descriptors: unix_recv_fd on it is UNSUPPORTED (read a stream that passes
 * descriptors with blocking reads and unix_recv_fd). (Adapter of un_unix_recv_fd.) */
UN_API int64_t monoio_unix_recv_fd(int64_t stream);
/** Create a UDP socket bound to addr ("0.0.0.0:5000", "[::1]:0", "localhost:0"; port 0 picks a free
 * port; a host name binds the first of its addresses that can be bound, IPv4 ones first, as for
 * tcp_listen), or a Unix datagram socket ("unix:/tmp/app.dgram", "unix:@name"; its peers send to
 * that address, and UNLINK_STALE applies as for tcp_listen). (Adapter of un_udp_bind.) */
UN_API int64_t monoio_udp_bind(un_rv_t addr);
/** Send one datagram of len bytes to addr (a host name: its first address of the socket's family,
 * else its first). (Adapter of un_udp_send_to.) */
UN_API int64_t monoio_udp_send_to(int64_t socket, un_rv_t buf, int64_t len, un_rv_t addr);
/** Send one datagram of len bytes to addr (a host name: its first address of the socket's family,
 * else its first). (Adapter of un_udp_send_to.) */
UN_API int64_t monoio_udp_send_to_timeout(int64_t socket, un_rv_t buf, int64_t len, un_rv_t addr,
                                          int64_t timeout_ms);
/** Receive one datagram into buf; its sender's address (text) is stored into from[0]. A datagram
 * longer than max_len gives TRUNCATED. (Adapter of un_udp_recv_from.) */
UN_API int64_t monoio_udp_recv_from(int64_t socket, un_rv_t buf, int64_t max_len, un_rv_t sender);
/** Receive one datagram into buf and write its sender's address into from, NUL-terminated. A
 * datagram longer than max_len gives TRUNCATED (its first max_len bytes are in buf). The sender of
 * a Unix datagram is its bound address, or empty when it is unbound. (Adapter of un_udp_recv_from.)
 */
UN_API int64_t monoio_udp_recv_from_timeout(int64_t socket, un_rv_t buf, int64_t max_len,
                                            un_rv_t sender, int64_t timeout_ms);
/** Set the default destination of a UDP socket and accept datagrams only from it (a host name: its
 * first address of the socket's family, else its first). (Adapter of un_udp_connect.) */
UN_API int64_t monoio_udp_connect(int64_t socket, un_rv_t addr);
/** Send one datagram to the connected peer. (Adapter of un_udp_send.) */
UN_API int64_t monoio_udp_send(int64_t socket, un_rv_t buf, int64_t len);
/** Send one datagram to the connected peer. (Adapter of un_udp_send.) */
UN_API int64_t monoio_udp_send_timeout(int64_t socket, un_rv_t buf, int64_t len,
                                       int64_t timeout_ms);
/** Receive one datagram from the connected peer (or anyone, if not connected). A datagram longer
 * than max_len gives TRUNCATED. (Adapter of un_udp_recv.) */
UN_API int64_t monoio_udp_recv(int64_t socket, un_rv_t buf, int64_t max_len);
/** Receive one datagram from the connected peer (or anyone, if not connected). A datagram longer
 * than max_len gives TRUNCATED. (Adapter of un_udp_recv.) */
UN_API int64_t monoio_udp_recv_timeout(int64_t socket, un_rv_t buf, int64_t max_len,
                                       int64_t timeout_ms);
/** Close a UDP socket. Operations in flight on it complete with CANCELED; the handle then answers
 * CLOSED. When the close completes, the socket is closed and its port can be bound again. (Adapter
 * of un_udp_close.) */
UN_API int64_t monoio_udp_close(int64_t socket);
/** Join the multicast group (an IPv4 or IPv6 address without port) on the interface named iface (""
 * for the default one). (Adapter of un_udp_join_multicast.) */
UN_API int64_t monoio_udp_join_multicast(int64_t socket, un_rv_t group, un_rv_t iface);
/** Leave a multicast group joined with udp_join_multicast. (Adapter of un_udp_leave_multicast.) */
UN_API int64_t monoio_udp_leave_multicast(int64_t socket, un_rv_t group, un_rv_t iface);
/** Take over a UDP socket the caller made (bound or not, connected or not) as a UDP socket handle.
 * The fd must be an open IPv4 or IPv6 datagram socket (else WRONG_KIND). On success the handle owns
 * the fd: closing the handle closes it, and the caller must neither use nor close the fd any more.
 * On failure the fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to
 * what its backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is
 * refused (INVALID_ARGUMENT). (Adapter of un_udp_adopt.) */
UN_API int64_t monoio_udp_adopt(int64_t fd);
/** Every uringnet call already blocks until its result is there, so block_on returns its argument
 * unchanged. */
UN_API un_rv_t monoio_block_on(un_rv_t value);
/** Simple tasks cannot run on uringnet's runtime thread; returns UNSUPPORTED (-29) so a caller sees
 * why. */
UN_API int64_t monoio_spawn_local(un_rv_t task);
/** The ABI version of the loaded library; std.net's Runtime.init compares it with the one it was
 * generated for. */
UN_API int64_t monoio_uringnet_abi_version(void);
/** The checksum of the spec the loaded library was built from, as text; Runtime.init compares it
 * too. */
UN_API un_rv_t monoio_uringnet_spec_checksum(void);
/** 1 when the Simple runtime's rt_* functions are reachable (linked in, or exported by the host),
 * else 0; std.net's Runtime.init refuses to start without them (RUNTIME_NOT_LINKED). */
UN_API int64_t monoio_uringnet_rt_linked(void);
/** The text whose UTF-8 bytes are the array's elements (std.net's read_line uses it); nil for an
 * argument that is not a byte array, or where Simple's rt_* functions are unreachable. */
UN_API un_rv_t monoio_bytes_to_text(un_rv_t bytes);
/** Start the runtime unless it is running (std.net starts it at the first bind or connect, as
 * Simple's std.net needs no init call): 0, or runtime_init's error. */
UN_API int64_t monoio_runtime_ensure(void);
/** TcpStream.read_line: the bytes up to and including the next newline (\n), or up to max_len bytes
 * when no newline comes before them, or up to the end of the stream, stored as one text at index 0
 * of line: the byte count, 0 at the end of the stream (line is left as it was), or the error (bytes
 * taken stay buffered). timeout_ms bounds the whole call (-1 forever, -2 the stream's read_timeout
 * option). Errors: tcp_read's, and WRONG_VALUE_KIND, RUNTIME_NOT_LINKED, INVALID_ARGUMENT (max_len
 * below 1). (std.net's stream read buffer.) */
UN_API int64_t monoio_tcp_read_line(int64_t stream, un_rv_t line, int64_t max_len,
                                    int64_t timeout_ms);
/** TcpStream.read_exact: exactly len bytes, stored into buf from index 0: len, or the error;
 * END_OF_STREAM when the stream ends first (the bytes that came stay buffered, so the next read
 * returns them and then 0). timeout_ms bounds the whole call (-1 forever, -2 the stream's
 * read_timeout option). Errors: tcp_read's, and END_OF_STREAM, WRONG_VALUE_KIND,
 * RUNTIME_NOT_LINKED, BUFFER_TOO_SMALL, INVALID_ARGUMENT (len below 1). (std.net's stream read
 * buffer.) */
UN_API int64_t monoio_tcp_read_exact(int64_t stream, un_rv_t buf, int64_t len, int64_t timeout_ms);
/** Make a driver (std.net.driver's IoDriver.new / with_depth; depth is advisory: uringnet's rings
 * are sized by runtime_configure_entries) and start the runtime unless it runs: the driver's id (>
 * 0), or the error (RUNTIME_NOT_LINKED where Simple's rt_* functions are unreachable,
 * runtime_init's error otherwise). (std.net.driver.) */
UN_API int64_t monoio_driver_new(int64_t depth);
/** Cancel every operation the driver has in flight and forget the driver; its adopted sockets stay
 * open (close them with submit_close). 0, or INVALID_ARGUMENT for an unknown driver.
 * (std.net.driver.) */
UN_API int64_t monoio_driver_close(int64_t driver);
/** tcp_accept_submit on listen_fd (a handle, or a raw listening fd, adopted on first use): the
 * driver's op id; the completion's result is the new stream's handle. (std.net.driver.) */
UN_API int64_t monoio_driver_submit_accept(int64_t driver, int64_t listen_fd);
/** tcp_connect_submit to "addr:port" (port 0: addr as it is), with Simple's driver's one-second
 * timeout: the op id; the result is the connected stream's handle. (std.net.driver.) */
UN_API int64_t monoio_driver_submit_connect(int64_t driver, un_rv_t addr, int64_t port,
                                            int64_t timeout_ms);
/** tcp_read_submit of up to buf_size bytes into a buffer the driver owns until poll hands it over
 * (poll_recv_bytes, poll_data): the op id; the result is the byte count, 0 at end of stream.
 * (std.net.driver.) */
UN_API int64_t monoio_driver_submit_recv(int64_t driver, int64_t fd, int64_t buf_size);
/** tcp_write_submit of the text's bytes, kept alive by the driver until the completion: the op id;
 * the result is the byte count. (std.net.driver.) */
UN_API int64_t monoio_driver_submit_send(int64_t driver, int64_t fd, un_rv_t data);
/** tcp_write_submit of the byte array's bytes (copied once), kept until the completion: the op id.
 * (std.net.driver.) */
UN_API int64_t monoio_driver_submit_send_bytes(int64_t driver, int64_t fd, un_rv_t data);
/** udp_recv_from_submit of one datagram of up to buf_size bytes on fd (a handle, or a raw UDP fd,
 * adopted on first use): the op id; the result is the byte count, poll_data the sender's address.
 * (std.net.driver.) */
UN_API int64_t monoio_driver_submit_udp_recv(int64_t driver, int64_t fd, int64_t buf_size);
/** udp_send_to_submit of the text's bytes to addr: the op id; the result is the byte count.
 * (std.net.driver.) */
UN_API int64_t monoio_driver_submit_udp_send(int64_t driver, int64_t fd, un_rv_t data,
                                             un_rv_t addr);
/** timer_submit: the op id; the result is 0 when the time is up. (std.net.driver.) */
UN_API int64_t monoio_driver_submit_timeout(int64_t driver, int64_t timeout_ms);
/** Close fd (a handle the driver returned, or a raw fd it adopted): the op id; the result is 0. An
 * fd the driver does not own completes with ERR_UNSUPPORTED (-38), never closed by uringnet.
 * (std.net.driver.) */
UN_API int64_t monoio_driver_submit_close(int64_t driver, int64_t fd);
/** An operation uringnet does not do (file reads, writes, open, fsync, sendfile): the op id; it
 * completes at the next poll with ERR_UNSUPPORTED (-38), Simple's code for it. (std.net.driver.) */
UN_API int64_t monoio_driver_submit_unsupported(int64_t driver);
/** op_cancel of one of the driver's operations: 1 when it was in flight (it completes CANCELED,
 * unless it completed first), 0 otherwise. (std.net.driver.) */
UN_API int64_t monoio_driver_cancel(int64_t driver, int64_t op_id);
/** socket_cancel on fd (a handle or an adopted raw fd): how many operations were cancelled, or the
 * error. (std.net.driver.) */
UN_API int64_t monoio_driver_cancel_fd(int64_t driver, int64_t fd);
/** Post the submissions made since the last flush together (one batch: one wake-up of the runtime
 * thread): how many were posted. (std.net.driver.) */
UN_API int64_t monoio_driver_flush(int64_t driver);
/** Wait up to timeout_ms (-1: forever, 0: not at all) for completions of the driver's operations
 * and keep up to max of them for the poll_* calls below (it flushes first): how many.
 * (std.net.driver.) */
UN_API int64_t monoio_driver_poll_count(int64_t driver, int64_t max, int64_t timeout_ms);
/** The op id of completion index of the last poll_count (0 past the end). (std.net.driver.) */
UN_API int64_t monoio_driver_poll_id(int64_t driver, int64_t index);
/** Its result: bytes, a handle, 0, or a negative code (0 past the end). (std.net.driver.) */
UN_API int64_t monoio_driver_poll_result(int64_t driver, int64_t index);
/** Its flags (always 0: uringnet reports nothing more). (std.net.driver.) */
UN_API int64_t monoio_driver_poll_flags(int64_t driver, int64_t index);
/** The fd (or handle) the operation was submitted on, -1 for none. (std.net.driver.) */
UN_API int64_t monoio_driver_poll_fd(int64_t driver, int64_t index);
/** The length of poll_data's text. (std.net.driver.) */
UN_API int64_t monoio_driver_poll_data_len(int64_t driver, int64_t index);
/** A receive's bytes as text, a UDP receive's sender address; empty otherwise. (std.net.driver.) */
UN_API un_rv_t monoio_driver_poll_data(int64_t driver, int64_t index);
/** A receive's bytes as a new byte array (empty for other operations). (std.net.driver.) */
UN_API un_rv_t monoio_driver_poll_recv_bytes(int64_t driver, int64_t index);
/** Wait up to timeout_ms (-1: forever) for the driver's operation op_id alone (IoDriver.wait_for,
 * block_on for one op): 1 when it has completed, its completion then being index 0 of poll_id,
 * poll_result, poll_recv_bytes, ...; 0 when the time ran out or op_id is not one of the driver's
 * operations in flight. The driver's other completions stay for the next poll. (std.net.driver.) */
UN_API int64_t monoio_driver_wait_for(int64_t driver, int64_t op_id, int64_t timeout_ms);
/** "uringnet-io_uring" or "uringnet-epoll", the backend the runtime runs on (nil when it is not
 * running). (std.net.driver.) */
UN_API un_rv_t monoio_driver_backend(int64_t driver);

#ifdef __cplusplus
}
#endif

#endif /* URINGNET_URINGNET_SIMPLE_H */
