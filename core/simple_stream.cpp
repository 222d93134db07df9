// std.net's stream read buffer (core/simple_stream.hpp): one StreamBuffer per stream that
// read_line, read_exact or a give-back touched, found by its handle.
#include "simple_stream.hpp"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "call.hpp"
#include "deadline.hpp"
#include "simple_rt.hpp"
#include "uringnet/uringnet_simple.h"

namespace uringnet::simple {
namespace {

/// What read_line asks the stream for at a time: a line costs one read for many lines.
constexpr uint32_t kLineChunk = 16 << 10;

// One stream's bytes taken and not yet handed out: data[off..].
struct StreamBuffer {
    std::mutex mu; ///< held across every read of the stream made through here, and every change
    std::vector<uint8_t> data;
    size_t off = 0;

    size_t size() const { return data.size() - off; }
    const uint8_t *begin() const { return data.data() + off; }
    void consume(size_t n) {
        off += n;
        if (off == data.size()) {
            data.clear();
            off = 0;
        }
    }
    /// Reads up to max more bytes of the stream onto the end: tcp_read's result.
    int64_t fill(un_handle_t h, uint32_t max, int64_t timeout_ms) {
        if (off > 0) {
            data.erase(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(off));
            off = 0;
        }
        const size_t at = data.size();
        data.resize(at + max);
        const int64_t r = un_tcp_read(h, data.data() + at, max, timeout_ms);
        data.resize(at + static_cast<size_t>(r > 0 ? r : 0));
        return r;
    }
};

// The buffers by handle. Heap-allocated and replaced in a forked child, whose copy of the
// lock may be held by a thread that does not exist there (its streams answer FORKED anyway).
struct Buffers {
    std::shared_mutex mu;
    std::unordered_map<int64_t, std::shared_ptr<StreamBuffer>> by_handle;
};
std::atomic<Buffers *> g_buffers{new Buffers};
std::atomic<size_t> g_count{0}; ///< entries: while 0, a read looks nothing up
[[maybe_unused]] const int g_atfork = pthread_atfork(nullptr, nullptr, [] {
    g_buffers.store(new Buffers);
    g_count.store(0);
});

std::shared_ptr<StreamBuffer> find(un_handle_t h) {
    if (g_count.load(std::memory_order_acquire) == 0) {
        return nullptr;
    }
    Buffers &b = *g_buffers.load();
    std::shared_lock lk(b.mu);
    const auto it = b.by_handle.find(h);
    return it != b.by_handle.end() ? it->second : nullptr;
}

std::shared_ptr<StreamBuffer> find_or_make(un_handle_t h) {
    Buffers &b = *g_buffers.load();
    std::unique_lock lk(b.mu);
    std::shared_ptr<StreamBuffer> &p = b.by_handle[h];
    if (p == nullptr) {
        p = std::make_shared<StreamBuffer>();
        g_count.fetch_add(1, std::memory_order_release);
    }
    return p;
}

// (A reader that holds the buffer's lock meanwhile keeps it alive; its stream is closed.)
void forget(un_handle_t h) {
    Buffers &b = *g_buffers.load();
    std::unique_lock lk(b.mu);
    if (b.by_handle.erase(h) != 0) {
        g_count.fetch_sub(1, std::memory_order_release);
    }
}

// A reader of the stream through its buffer: the stream is live, the timeout made a deadline
// for the whole call, the buffer's lock held. Not live: err says why (tcp_read's own answer
// for the handle; a handle that is not live never reads, so that call takes nothing).
struct Reader {
    std::shared_ptr<StreamBuffer> buf;
    std::unique_lock<std::mutex> lk;
    int64_t deadline = -1;
    int64_t err = 0;

    Reader(un_handle_t h, int64_t timeout_ms) {
        int64_t option = -1;
        if (!stream_live(h, &option)) {
            uint8_t none;
            const int64_t r = un_tcp_read(h, &none, 1, 0);
            err = r < 0 ? r : UN_ERR_CLOSED;
            return;
        }
        deadline =
            deadline_after(now_ns(), timeout_ms == UN_TIMEOUT_FROM_OPTION ? option : timeout_ms);
        buf = find_or_make(h);
        lk = std::unique_lock(buf->mu);
    }
};

} // namespace

int64_t stream_read(un_handle_t stream, void *out, uint32_t max_len, int64_t timeout_ms) {
    const std::shared_ptr<StreamBuffer> b = find(stream);
    if (b == nullptr) {
        return un_tcp_read(stream, out, max_len, timeout_ms);
    }
    std::lock_guard lk(b->mu); // (so an empty buffer's read still comes after read_line's)
    if (b->size() == 0 || max_len == 0 || out == nullptr) {
        return un_tcp_read(stream, out, max_len, timeout_ms);
    }
    if (!stream_live(stream)) {
        forget(stream); // closed through the C API: its bytes go with it
        return un_tcp_read(stream, out, max_len, timeout_ms);
    }
    const size_t n = std::min<size_t>(b->size(), max_len);
    std::memcpy(out, b->begin(), n);
    b->consume(n);
    return static_cast<int64_t>(n);
}

void stream_unread(un_handle_t stream, const uint8_t *data, size_t n) {
    if (n == 0) {
        return;
    }
    const std::shared_ptr<StreamBuffer> b = find_or_make(stream);
    std::lock_guard lk(b->mu);
    b->data.insert(b->data.begin() + static_cast<std::ptrdiff_t>(b->off), data, data + n);
}

int64_t stream_close(un_handle_t stream) {
    forget(stream);
    return un_tcp_close(stream);
}

int64_t read_line(int64_t stream, rv line, int64_t max_len, int64_t timeout_ms) {
    if (const int64_t err = check_array(line)) {
        return err;
    }
    if (max_len < 1) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    const auto max = static_cast<size_t>(std::min(max_len, kMaxChunk));
    Reader r(stream, timeout_ms);
    if (r.err != 0) {
        return r.err;
    }
    StreamBuffer &b = *r.buf;
    size_t scanned = 0; // (bytes already searched for the newline)
    for (;;) {
        const size_t have = b.size();
        const void *nl = have > scanned ? std::memchr(b.begin() + scanned, '\n', have - scanned) : nullptr;
        size_t n = nl != nullptr
                       ? static_cast<size_t>(static_cast<const uint8_t *>(nl) - b.begin()) + 1
                       : 0;
        if (n == 0 && have >= max) {
            n = max;
        }
        if (n == 0) {
            scanned = have;
            const int64_t got =
                b.fill(stream, static_cast<uint32_t>(std::min<size_t>(kLineChunk, max - have)),
                       ms_left(r.deadline));
            if (got < 0) {
                return got;
            }
            if (got > 0) {
                continue;
            }
            if (have == 0) {
                return 0; // the end of the stream, nothing before it
            }
            n = have; // the last line has no newline
        }
        n = std::min(n, max);
        const rv text = make_text(reinterpret_cast<const char *>(b.begin()), n);
        if (const int64_t err = store_value(line, text)) {
            return err; // (the bytes stay)
        }
        b.consume(n);
        return static_cast<int64_t>(n);
    }
}

int64_t read_exact(int64_t stream, rv buf, int64_t len, int64_t timeout_ms) {
    if (const int64_t err = check_array(buf)) {
        return err;
    }
    if (len < 1 || len > kMaxChunk) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    const auto want = static_cast<size_t>(len);
    Reader r(stream, timeout_ms);
    if (r.err != 0) {
        return r.err;
    }
    StreamBuffer &b = *r.buf;
    while (b.size() < want) {
        const int64_t got =
            b.fill(stream, static_cast<uint32_t>(want - b.size()), ms_left(r.deadline));
        if (got < 0) {
            return got;
        }
        if (got == 0) {
            return UN_ERR_END_OF_STREAM;
        }
    }
    if (const int64_t err = store_bytes(buf, b.begin(), want)) {
        return err; // (the bytes stay)
    }
    b.consume(want);
    return len;
}

} // namespace uringnet::simple

extern "C" {

UN_API int64_t monoio_tcp_read_line(int64_t stream, un_rv_t line, int64_t max_len,
                                    int64_t timeout_ms) {
    return uringnet::simple::read_line(stream, line, max_len, timeout_ms);
}

UN_API int64_t monoio_tcp_read_exact(int64_t stream, un_rv_t buf, int64_t len, int64_t timeout_ms) {
    return uringnet::simple::read_exact(stream, buf, len, timeout_ms);
}

} // extern "C"
