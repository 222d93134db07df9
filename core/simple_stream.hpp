// std.net's stream read buffer (the spec's simple_stream section): the bytes a TcpStream's
// read_line or read_exact took from the stream and has not handed out yet, kept per stream
// handle, and served first by the stream's next read of any kind. One StreamBuffer per stream
// owns them; its lock is held across each read of the stream that goes through it, so the
// buffer's bytes always come before the stream's and nothing is lost or reordered.
//
// Only std.net's adapters go through it (monoio_tcp_read, monoio_tcp_read_timeout,
// monoio_tcp_read_line, monoio_tcp_read_exact, monoio_tcp_close); the C API's tcp_read does
// not. A buffer lives until the stream's monoio_tcp_close, or, for a stream closed through the
// C API, until its next read through here finds the handle closed.
#pragma once

#include <cstddef>
#include <cstdint>

#include "uringnet/uringnet.h"

namespace uringnet::simple {

/// tcp_read through the stream's buffer: its bytes first, else one tcp_read.
int64_t stream_read(un_handle_t stream, void *buf, uint32_t max_len, int64_t timeout_ms);
/// Puts n bytes back in front of the stream's next read (bytes a read took that the caller's
/// array could not take).
void stream_unread(un_handle_t stream, const uint8_t *data, size_t n);
/// tcp_close, and the stream's buffer goes with it.
int64_t stream_close(un_handle_t stream);

} // namespace uringnet::simple
