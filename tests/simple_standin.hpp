// A test-only stand-in for the Simple runtime's rt_* functions, following the RuntimeValue
// layout of ../shared/design/simple-ffi.md exactly, with both array layouts Simple has had.
// It is linked into the tests only; the real Simple runtime provides these symbols.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace standin {

using rv = uint64_t;
constexpr rv kNil = 3, kTrue = 11, kFalse = 19;

enum class Layout {
    inline_words, ///< older: header, len, capacity, then capacity words inline
    out_of_line,  ///< newest: header, len, capacity, data pointer to words
    packed_bytes, ///< newest with BYTE_PACKED: data points to raw bytes
};

rv make_int(int64_t v);
rv make_float_bits(uint64_t payload); ///< a FLOAT-tagged word
rv make_text(const std::string &s);
rv make_array(Layout layout, uint64_t capacity);
rv make_bytes(Layout layout, const std::string &bytes, uint64_t capacity = 0);
/// The text of a string value (the test fails on another kind).
std::string text_of(rv v);
/// The bytes of an array of byte values (first n elements, or all).
std::string bytes_of(rv array, int64_t n = -1);
/// How many times rt_array_get, rt_array_set and rt_array_push have been called so far (by
/// anyone: the library's adapters and the stand-in's own helpers alike).
uint64_t element_calls();

/// Every object lives until the process ends, as with a collector that never runs, except
/// those made after a mark once release(mark) is called (a collection, for a long-running
/// benchmark: nothing made after the mark may be used after it).
size_t mark();
void release(size_t mark);
/// Writes the bytes into a byte array of any layout directly (as compiled Simple code fills
/// its own array), from index 0, growing its length to cover them; false when they do not fit.
bool fill_bytes(rv array, const uint8_t *bytes, size_t n);
/// A packed byte array (newest layout) whose bytes are the caller's memory, with its header in
/// the caller's storage (nothing allocated): as a runtime's array over a buffer it owns.
struct alignas(8) PackedView {
    uint8_t header[32];
};
rv packed_view(PackedView &storage, uint8_t *bytes, uint64_t capacity, uint64_t len);
/// Copies the first n elements of a byte array of any layout out directly (false when the array
/// is shorter or an element is not a byte).
bool copy_bytes(rv array, size_t n, uint8_t *out);

} // namespace standin

extern "C" {
uint64_t rt_string_new(const uint8_t *bytes, uint64_t len);
uint64_t rt_array_new(uint64_t capacity);
int64_t rt_array_len(uint64_t array);
uint64_t rt_array_get(uint64_t array, int64_t index);
bool rt_array_set(uint64_t array, int64_t index, uint64_t value);
bool rt_array_push(uint64_t array, uint64_t value);
}
