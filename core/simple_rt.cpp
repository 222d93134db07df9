#include "simple_rt.hpp"

#include <dlfcn.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <new>

#include "uringnet/uringnet.h"

extern "C" {
// Provided by the Simple runtime; weak so that hosts without it can still load the library.
__attribute__((weak)) uint64_t rt_string_new(const uint8_t *bytes, uint64_t len);
__attribute__((weak)) int64_t rt_array_len(uint64_t array);
__attribute__((weak)) uint64_t rt_array_get(uint64_t array, int64_t index);
__attribute__((weak)) bool rt_array_set(uint64_t array, int64_t index, uint64_t value);
__attribute__((weak)) bool rt_array_push(uint64_t array, uint64_t value);
__attribute__((weak)) uint64_t rt_array_new(uint64_t capacity);
__attribute__((weak)) uint64_t rt_byte_array_new(uint64_t capacity);
}

namespace uringnet::simple {
namespace {

// The Simple runtime's helpers, found one of two ways: linked together with this library
// (the weak references above resolve at link time), or exported by the host process that
// loaded it (found with dlsym, also when the host's library was loaded after this one).
struct Rt {
    uint64_t (*string_new)(const uint8_t *, uint64_t);
    int64_t (*array_len)(uint64_t);
    uint64_t (*array_get)(uint64_t, int64_t);
    bool (*array_set)(uint64_t, int64_t, uint64_t);
    bool (*array_push)(uint64_t, uint64_t);
};

template <typename F>
F find(F linked, const char *name) {
    return linked != nullptr ? linked : reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
}

std::atomic<const Rt *> g_rt{nullptr};

// The helpers, or null while some are unreachable (looked for again at the next call).
const Rt *rt() {
    if (const Rt *r = g_rt.load(std::memory_order_acquire)) {
        return r;
    }
    static std::mutex mu;
    static Rt found;
    std::lock_guard lk(mu);
    if (g_rt.load(std::memory_order_relaxed) == nullptr) {
        found = Rt{find(&rt_string_new, "rt_string_new"), find(&rt_array_len, "rt_array_len"),
                   find(&rt_array_get, "rt_array_get"), find(&rt_array_set, "rt_array_set"),
                   find(&rt_array_push, "rt_array_push")};
        if (found.string_new && found.array_len && found.array_get && found.array_set && found.array_push) {
            g_rt.store(&found, std::memory_order_release);
        }
    }
    return g_rt.load(std::memory_order_relaxed);
}

constexpr uint64_t kTagMask = 7, kTagInt = 0, kTagHeap = 1;
constexpr uint8_t kString = 0x01, kArray = 0x02;

const uint8_t *heap(rv v, uint8_t type) {
    if ((v & kTagMask) != kTagHeap || v < 8) {
        return nullptr;
    }
    const auto *obj = reinterpret_cast<const uint8_t *>(v & ~kTagMask);
    return obj[0] == type ? obj : nullptr;
}

rv int_word(uint8_t b) { return static_cast<rv>(b) << 3; }

// The newest array layout's packed byte array (gc_flags BYTE_PACKED: header, u64 len, u64
// capacity, then a pointer to the raw bytes): its fields, so that bytes are copied in one go.
constexpr uint8_t kBytePacked = 0x08, kRawWords = 0x10;
struct PackedBytes {
    uint8_t *obj;
    uint64_t len, capacity;
    uint8_t *data;
};

bool packed_bytes(rv v, PackedBytes &p) {
    auto *obj = const_cast<uint8_t *>(heap(v, kArray));
    if (obj == nullptr || (obj[1] & kBytePacked) == 0) {
        return false;
    }
    p.obj = obj;
    std::memcpy(&p.len, obj + 8, sizeof p.len);
    std::memcpy(&p.capacity, obj + 16, sizeof p.capacity);
    std::memcpy(&p.data, obj + 24, sizeof p.data);
    return p.data != nullptr && p.len <= p.capacity;
}

// A byte array's words, found in either layout: the older one keeps them inline from
// offset 24, the newest behind a pointer stored there. Which it is no header says, so the
// array's own element 0 (asked of the runtime) tells them apart: inline, the word at offset
// 24 is that element; out of line, it is a pointer, which never equals a byte's word (at
// most 255 << 3), and the words it points at must hold elements 0 and len - 1. An array that
// fits neither (raw u64 elements, an empty array, a runtime of another layout) is left to
// the rt_* functions, element by element.
struct Words {
    uint8_t *obj;
    uint64_t len, capacity;
    rv *data;
};

bool word_elements(const Rt &r, rv v, Words &w) {
    auto *obj = const_cast<uint8_t *>(heap(v, kArray));
    if (obj == nullptr || (obj[1] & (kBytePacked | kRawWords)) != 0) {
        return false;
    }
    w.obj = obj;
    std::memcpy(&w.len, obj + 8, sizeof w.len);
    std::memcpy(&w.capacity, obj + 16, sizeof w.capacity);
    if (w.len == 0 || w.len > w.capacity || static_cast<int64_t>(w.len) != r.array_len(v)) {
        return false;
    }
    const rv first = r.array_get(v, 0);
    if ((first & kTagMask) != kTagInt || first > (rv{255} << 3)) {
        return false; // (not a byte: the caller's own loop says so)
    }
    const rv last = r.array_get(v, static_cast<int64_t>(w.len - 1));
    rv at24;
    std::memcpy(&at24, obj + 24, sizeof at24);
    if (at24 == first) {
        w.data = reinterpret_cast<rv *>(obj + 24);
    } else if (at24 > 4096 && (at24 & kTagMask) == 0) {
        w.data = reinterpret_cast<rv *>(at24);
        if (w.data[0] != first) {
            return false;
        }
    } else {
        return false;
    }
    return w.data[w.len - 1] == last;
}

} // namespace

bool runtime_linked() { return rt() != nullptr; }

int64_t check_array(rv v) {
    if (heap(v, kArray) == nullptr) {
        return UN_ERR_WRONG_VALUE_KIND;
    }
    return runtime_linked() ? 0 : UN_ERR_RUNTIME_NOT_LINKED;
}

int64_t text(rv v, std::string &out) {
    const uint8_t *obj = heap(v, kString);
    if (obj == nullptr) {
        return UN_ERR_WRONG_VALUE_KIND;
    }
    uint64_t len;
    std::memcpy(&len, obj + 8, sizeof len);
    if (len > (1u << 20)) {
        return UN_ERR_INVALID_ARGUMENT; // no address or name is a megabyte long
    }
    out.assign(reinterpret_cast<const char *>(obj + 24), len);
    if (out.find('\0') != std::string::npos) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    return 0;
}

namespace {

// Checks the argument of bytes_in: 0, or the error.
int64_t check_in(rv v, int64_t len) {
    if (int64_t err = check_array(v)) {
        return err;
    }
    return len < 0 || len > kMaxChunk || len > rt()->array_len(v) ? UN_ERR_INVALID_ARGUMENT : 0;
}

// Copies the first len bytes of array v (checked) to out: 0, or WRONG_VALUE_KIND.
int64_t copy_in(rv v, int64_t len, uint8_t *out) {
    if (PackedBytes p{}; packed_bytes(v, p)) {
        if (len > 0) { // (len <= its length, checked)
            std::memcpy(out, p.data, static_cast<size_t>(len));
        }
        return 0;
    }
    const Rt &r = *rt();
    // A byte's word has no bit set outside bits 3..10 (INT tag 0, value 0..255).
    constexpr rv kNotByte = ~(rv{255} << 3);
    if (Words w{}; len > 0 && word_elements(r, v, w)) {
        rv bad = 0; // (one loop without branches, which the compiler vectorizes)
        for (int64_t i = 0; i < len; ++i) {
            bad |= w.data[i] & kNotByte;
            out[i] = static_cast<uint8_t>(w.data[i] >> 3);
        }
        return bad == 0 ? 0 : UN_ERR_WRONG_VALUE_KIND;
    }
    for (int64_t i = 0; i < len; ++i) {
        const rv e = r.array_get(v, i);
        if ((e & kNotByte) != 0) {
            return UN_ERR_WRONG_VALUE_KIND;
        }
        out[i] = static_cast<uint8_t>(e >> 3);
    }
    return 0;
}

} // namespace

int64_t bytes_in(rv v, int64_t len, std::vector<uint8_t> &out) {
    if (int64_t err = check_in(v, len)) {
        return err;
    }
    try {
        out.resize(static_cast<size_t>(len));
    } catch (const std::bad_alloc &) {
        return UN_ERR_NO_RESOURCES;
    }
    return copy_in(v, len, out.data());
}

bool Bytes::copy_of(size_t n) {
    constexpr size_t kScratchMax = 1 << 20;
    thread_local std::vector<uint8_t> t_scratch;
    std::vector<uint8_t> &buf = n <= kScratchMax ? t_scratch : own_;
    try {
        if (buf.size() < n) {
            buf.resize(n);
        }
    } catch (const std::bad_alloc &) {
        return false;
    }
    data_ = buf.data();
    size_ = n;
    return true;
}

int64_t bytes_in(rv v, int64_t len, Bytes &out) {
    if (int64_t err = check_in(v, len)) {
        return err;
    }
    if (PackedBytes p{}; packed_bytes(v, p)) {
        out.data_ = p.data;
        out.size_ = static_cast<size_t>(len);
        out.array_obj_ = p.obj;
        return 0;
    }
    if (!out.copy_of(static_cast<size_t>(len))) {
        return UN_ERR_NO_RESOURCES;
    }
    return copy_in(v, len, out.data_);
}

int64_t bytes_out(rv v, int64_t max_len, Bytes &out) {
    if (int64_t err = check_array(v)) {
        return err;
    }
    if (max_len < 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    const auto n = static_cast<size_t>(max_len < kMaxChunk ? max_len : kMaxChunk);
    if (PackedBytes p{}; packed_bytes(v, p) && n <= p.capacity) {
        out.data_ = p.data;
        out.size_ = n;
        out.array_obj_ = p.obj;
        return 0;
    }
    return out.copy_of(n) ? 0 : UN_ERR_NO_RESOURCES;
}

int64_t store_bytes(rv v, const Bytes &b, size_t n) {
    if (b.array_obj_ == nullptr) {
        return store_bytes(v, b.data_, n);
    }
    uint64_t len;
    std::memcpy(&len, b.array_obj_ + 8, sizeof len);
    if (n > len) { // (as rt_array_push would: the array grows to hold them)
        len = n;
        std::memcpy(b.array_obj_ + 8, &len, sizeof len);
    }
    return 0;
}

int64_t store_bytes(rv v, const uint8_t *data, size_t n) {
    if (PackedBytes p{}; packed_bytes(v, p)) {
        if (n > p.capacity) {
            return UN_ERR_BUFFER_TOO_SMALL;
        }
        if (n > 0) {
            std::memcpy(p.data, data, n);
        }
        if (n > p.len) { // (as rt_array_push would: the array grows to hold them)
            const uint64_t len = n;
            std::memcpy(p.obj + 8, &len, sizeof len);
        }
        return 0;
    }
    const Rt &r = *rt();
    // A word array with room for them all: its first element through the runtime (so that
    // the layout can be told, see word_elements), the rest written in place, then its length.
    if (n > 0 && (r.array_len(v) > 0 ? r.array_set(v, 0, int_word(data[0])) : r.array_push(v, int_word(data[0])))) {
        if (Words w{}; word_elements(r, v, w) && n <= w.capacity) {
            for (size_t i = 1; i < n; ++i) {
                w.data[i] = int_word(data[i]);
            }
            if (n > w.len) {
                const uint64_t len = n;
                std::memcpy(w.obj + 8, &len, sizeof len);
            }
            return 0;
        }
    }
    const int64_t len = r.array_len(v);
    for (size_t i = 0; i < n; ++i) {
        const auto idx = static_cast<int64_t>(i);
        const bool ok = idx < len ? r.array_set(v, idx, int_word(data[i])) : r.array_push(v, int_word(data[i]));
        if (!ok) {
            return UN_ERR_BUFFER_TOO_SMALL;
        }
    }
    return 0;
}

int64_t store_text(rv v, const char *s) {
    if (int64_t err = check_array(v)) {
        return err;
    }
    return store_value(v, rt()->string_new(reinterpret_cast<const uint8_t *>(s), std::strlen(s)));
}

int64_t store_value(rv v, rv value) {
    if (int64_t err = check_array(v)) {
        return err;
    }
    const Rt &r = *rt();
    const bool ok = r.array_len(v) > 0 ? r.array_set(v, 0, value) : r.array_push(v, value);
    return ok ? 0 : UN_ERR_BUFFER_TOO_SMALL;
}

rv make_text(const char *s, size_t n) {
    const Rt *r = rt();
    return r != nullptr ? r->string_new(reinterpret_cast<const uint8_t *>(s), n) : kNil;
}

rv bytes_text(rv v) {
    std::vector<uint8_t> bytes;
    if (check_array(v) != 0 || bytes_in(v, rt()->array_len(v), bytes) != 0) {
        return kNil;
    }
    return make_text(reinterpret_cast<const char *>(bytes.data()), bytes.size());
}

int64_t text_bytes(rv v, std::vector<uint8_t> &out) {
    const uint8_t *obj = heap(v, kString);
    if (obj == nullptr) {
        return UN_ERR_WRONG_VALUE_KIND;
    }
    uint64_t len;
    std::memcpy(&len, obj + 8, sizeof len);
    if (len > static_cast<uint64_t>(kMaxChunk)) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    out.assign(obj + 24, obj + 24 + len);
    return 0;
}

int64_t array_len(rv v) { return check_array(v) == 0 ? rt()->array_len(v) : -1; }

rv make_bytes(const uint8_t *data, size_t n) {
    // (Not helpers every caller needs: looked up on their own. The newest runtime's packed
    // byte array takes the bytes in one copy; otherwise an array of byte words.)
    static const auto byte_array_new = find(&rt_byte_array_new, "rt_byte_array_new");
    static const auto array_new = find(&rt_array_new, "rt_array_new");
    const auto make = byte_array_new != nullptr ? byte_array_new : array_new;
    if (make == nullptr || rt() == nullptr) {
        return kNil;
    }
    const rv a = make(n);
    return a != kNil && store_bytes(a, data, n) == 0 ? a : kNil;
}

bool fits_u32(int64_t v) { return v >= 0 && v <= 0xFFFFFFFFLL; }
bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

} // namespace uringnet::simple
