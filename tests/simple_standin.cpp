#include "simple_standin.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

namespace standin {
namespace {

constexpr uint8_t kString = 0x01, kArray = 0x02, kBytePacked = 0x08;

struct Header {
    uint8_t object_type;
    uint8_t gc_flags;
    uint16_t reserved;
    uint32_t size;
};
struct StringObj {
    Header h;
    uint64_t len;
    uint64_t hash;
    // bytes follow inline
};
struct ArrayInline {
    Header h;
    uint64_t len;
    uint64_t capacity;
    // capacity words follow inline
};
struct ArrayOutOfLine {
    Header h;
    uint64_t len;
    uint64_t capacity;
    void *data; // words, or raw bytes when gc_flags has BYTE_PACKED
};

// Every object lives until the process ends (as with a garbage collector that never runs),
// or until release() of a mark made before it.
std::mutex g_arena_mu;
std::vector<std::unique_ptr<uint64_t[]>> &arena() {
    static std::vector<std::unique_ptr<uint64_t[]>> a;
    return a;
}

void *alloc(size_t bytes) {
    auto block = std::make_unique<uint64_t[]>((bytes + 7) / 8 + 1);
    void *p = block.get();
    std::lock_guard lk(g_arena_mu);
    arena().push_back(std::move(block));
    return p;
}

rv heap_word(void *p) { return reinterpret_cast<rv>(p) | 1; }
Header *header(rv v) { return reinterpret_cast<Header *>(v & ~rv{7}); }
bool is_array(rv v) { return (v & 7) == 1 && header(v)->object_type == kArray; }
bool is_inline(rv v) { return header(v)->size == 0xFFFF; } // marks the older layout here

std::atomic<uint64_t> g_element_calls{0};

uint64_t fnv1a(const uint8_t *p, uint64_t n) {
    uint64_t h = 1469598103934665603ull;
    for (uint64_t i = 0; i < n; ++i) {
        h = (h ^ p[i]) * 1099511628211ull;
    }
    return h;
}

} // namespace

rv make_int(int64_t v) { return static_cast<rv>(v) << 3; }
rv make_float_bits(uint64_t payload) { return (payload << 3) | 2; }
rv make_text(const std::string &s) { return rt_string_new(reinterpret_cast<const uint8_t *>(s.data()), s.size()); }

rv make_array(Layout layout, uint64_t capacity) {
    if (layout == Layout::inline_words) {
        auto *a = static_cast<ArrayInline *>(alloc(sizeof(ArrayInline) + capacity * 8));
        a->h = {kArray, 0, 0, 0xFFFF};
        a->len = 0;
        a->capacity = capacity;
        return heap_word(a);
    }
    auto *a = static_cast<ArrayOutOfLine *>(alloc(sizeof(ArrayOutOfLine)));
    const bool packed = layout == Layout::packed_bytes;
    a->h = {kArray, packed ? kBytePacked : uint8_t{0}, 0, static_cast<uint32_t>(sizeof(ArrayOutOfLine))};
    a->len = 0;
    a->capacity = capacity;
    a->data = alloc(packed ? capacity : capacity * 8);
    return heap_word(a);
}

rv make_bytes(Layout layout, const std::string &bytes, uint64_t capacity) {
    const rv a = make_array(layout, capacity ? capacity : bytes.size());
    for (unsigned char c : bytes) {
        rt_array_push(a, make_int(c));
    }
    return a;
}

std::string text_of(rv v) {
    if ((v & 7) != 1 || header(v)->object_type != kString) {
        return "<not a string>";
    }
    const auto *s = reinterpret_cast<const StringObj *>(header(v));
    return std::string(reinterpret_cast<const char *>(s + 1), s->len);
}

std::string bytes_of(rv array, int64_t n) {
    std::string out;
    const int64_t len = rt_array_len(array);
    for (int64_t i = 0; i < (n < 0 ? len : n); ++i) {
        out.push_back(static_cast<char>(rt_array_get(array, i) >> 3));
    }
    return out;
}

uint64_t element_calls() { return g_element_calls.load(); }

size_t mark() {
    std::lock_guard lk(g_arena_mu);
    return arena().size();
}

void release(size_t m) {
    std::lock_guard lk(g_arena_mu);
    if (m < arena().size()) {
        arena().resize(m);
    }
}

namespace {
// The array's elements: words (inline or out of line) or, packed, bytes; and its header.
struct Elements {
    ArrayInline *a;
    uint64_t *words;
    uint8_t *bytes;
};
Elements elements(rv v) {
    auto *a = reinterpret_cast<ArrayInline *>(header(v));
    if (is_inline(v)) {
        return {a, reinterpret_cast<uint64_t *>(a + 1), nullptr};
    }
    auto *o = reinterpret_cast<ArrayOutOfLine *>(a);
    if (o->h.gc_flags & kBytePacked) {
        return {a, nullptr, static_cast<uint8_t *>(o->data)};
    }
    return {a, static_cast<uint64_t *>(o->data), nullptr};
}
} // namespace

bool fill_bytes(rv array, const uint8_t *bytes, size_t n) {
    if (!is_array(array)) {
        return false;
    }
    const Elements e = elements(array);
    if (n > e.a->capacity) {
        return false;
    }
    if (e.bytes != nullptr) {
        std::memcpy(e.bytes, bytes, n);
    } else {
        for (size_t i = 0; i < n; ++i) {
            e.words[i] = make_int(bytes[i]);
        }
    }
    e.a->len = std::max<uint64_t>(e.a->len, n);
    return true;
}

rv packed_view(PackedView &storage, uint8_t *bytes, uint64_t capacity, uint64_t len) {
    static_assert(sizeof(PackedView) == sizeof(ArrayOutOfLine), "a view is an out-of-line array");
    auto *a = reinterpret_cast<ArrayOutOfLine *>(storage.header);
    a->h = {kArray, kBytePacked, 0, static_cast<uint32_t>(sizeof(ArrayOutOfLine))};
    a->len = len;
    a->capacity = capacity;
    a->data = bytes;
    return heap_word(a);
}

bool copy_bytes(rv array, size_t n, uint8_t *out) {
    if (!is_array(array) || n > elements(array).a->len) {
        return false;
    }
    const Elements e = elements(array);
    if (e.bytes != nullptr) {
        std::memcpy(out, e.bytes, n);
        return true;
    }
    uint64_t bad = 0;
    for (size_t i = 0; i < n; ++i) {
        bad |= e.words[i] & ~(uint64_t{255} << 3);
        out[i] = static_cast<uint8_t>(e.words[i] >> 3);
    }
    return bad == 0;
}

} // namespace standin

using namespace standin;

extern "C" {

uint64_t rt_string_new(const uint8_t *bytes, uint64_t len) {
    auto *s = static_cast<StringObj *>(alloc(sizeof(StringObj) + len + 1));
    s->h = {kString, 0, 0, static_cast<uint32_t>(sizeof(StringObj) + len)};
    s->len = len;
    s->hash = fnv1a(bytes, len);
    std::memcpy(s + 1, bytes, len);
    return heap_word(s);
}

uint64_t rt_array_new(uint64_t capacity) { return make_array(Layout::out_of_line, capacity); }

int64_t rt_array_len(uint64_t v) {
    if (!is_array(v)) {
        return -1;
    }
    return static_cast<int64_t>(reinterpret_cast<ArrayInline *>(header(v))->len); // same offset in both
}

uint64_t rt_array_get(uint64_t v, int64_t i) {
    g_element_calls.fetch_add(1);
    if (!is_array(v) || i < 0 || i >= rt_array_len(v)) {
        return kNil;
    }
    if (is_inline(v)) {
        return reinterpret_cast<uint64_t *>(reinterpret_cast<ArrayInline *>(header(v)) + 1)[i];
    }
    auto *a = reinterpret_cast<ArrayOutOfLine *>(header(v));
    if (a->h.gc_flags & kBytePacked) {
        return make_int(static_cast<uint8_t *>(a->data)[i]);
    }
    return static_cast<uint64_t *>(a->data)[i];
}

bool rt_array_set(uint64_t v, int64_t i, uint64_t value) {
    g_element_calls.fetch_add(1);
    if (!is_array(v) || i < 0 || i >= rt_array_len(v)) {
        return false;
    }
    if (is_inline(v)) {
        reinterpret_cast<uint64_t *>(reinterpret_cast<ArrayInline *>(header(v)) + 1)[i] = value;
        return true;
    }
    auto *a = reinterpret_cast<ArrayOutOfLine *>(header(v));
    if (a->h.gc_flags & kBytePacked) {
        const int64_t b = static_cast<int64_t>(value) >> 3;
        if ((value & 7) != 0 || b < 0 || b > 255) {
            return false; // a packed byte array holds bytes only
        }
        static_cast<uint8_t *>(a->data)[i] = static_cast<uint8_t>(b);
        return true;
    }
    static_cast<uint64_t *>(a->data)[i] = value;
    return true;
}

bool rt_array_push(uint64_t v, uint64_t value) {
    g_element_calls.fetch_add(1);
    if (!is_array(v)) {
        return false;
    }
    auto *a = reinterpret_cast<ArrayInline *>(header(v));
    if (a->len == a->capacity) {
        return false;
    }
    ++a->len;
    if (!rt_array_set(v, static_cast<int64_t>(a->len - 1), value)) {
        --a->len;
        return false;
    }
    return true;
}

} // extern "C"
