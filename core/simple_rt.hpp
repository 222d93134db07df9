// Simple's RuntimeValue words, decoded for the generated monoio_* adapters.
//
// A word's low 3 bits are its tag: 0 INT (value << 3), 1 HEAP (8-byte aligned pointer | 1),
// 2 FLOAT, 3 SPECIAL (nil = 3, true = 11, false = 19). Heap objects start with
// { u8 type; u8 gc_flags; u16 reserved; u32 size; }: type 0x01 is a string (u64 len, u64 hash,
// then the bytes), 0x02 an array. Arrays are found through the Simple runtime's rt_array_*
// functions and copied in one go where their layout is known: a packed byte array (gc_flags
// BYTE_PACKED, newest layout) with memcpy, a byte array of words in either layout (inline
// elements, or elements behind a pointer: told apart by element 0, see word_elements) in one
// loop over its words; any other array element by element through rt_array_*. Those functions
// and rt_string_new come from the Simple runtime: linked together with this library (weak
// references resolved at link time) or exported by the host process (found with dlsym).
// Where neither is so, adapters that need them answer RUNTIME_NOT_LINKED (text results:
// nil) instead of crashing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace uringnet::simple {

using rv = uint64_t;
constexpr rv kNil = 3;

/// The most bytes one adapter call moves through a temporary buffer.
constexpr int64_t kMaxChunk = 64 << 20;

/// True when the Simple runtime's rt_* functions are reachable (linked in or exported).
bool runtime_linked();
/// An adapter's bytes for one blocking call: a packed byte array's own bytes, used in place
/// (no copy: the array is the caller's argument, alive and unmoved while the call runs, as any
/// buffer a runtime passes to a C call), or a copy in the calling thread's scratch buffer
/// (reused from call to call; one that would pass 1 MiB is the call's own).
class Bytes {
  public:
    Bytes() = default;
    Bytes(const Bytes &) = delete;
    Bytes &operator=(const Bytes &) = delete;
    uint8_t *data() const { return data_; }
    size_t size() const { return size_; }

  private:
    friend int64_t bytes_in(uint64_t v, int64_t len, Bytes &out);
    friend int64_t bytes_out(uint64_t v, int64_t max_len, Bytes &out);
    friend int64_t store_bytes(uint64_t v, const Bytes &b, size_t n);
    /// Makes room for n bytes of a copy; false when memory is short.
    bool copy_of(size_t n);
    uint8_t *data_ = nullptr;
    size_t size_ = 0;
    uint8_t *array_obj_ = nullptr; ///< the packed array whose bytes data_ is, or null (a copy)
    std::vector<uint8_t> own_;
};

/// Text argument -> NUL-terminated string; 0, WRONG_VALUE_KIND or UNSUPPORTED.
int64_t text(rv v, std::string &out);
/// The first len elements of a byte array; 0, WRONG_VALUE_KIND, INVALID_ARGUMENT or UNSUPPORTED.
int64_t bytes_in(rv v, int64_t len, std::vector<uint8_t> &out);
/// The same for one blocking call, in place where v is a packed byte array.
int64_t bytes_in(rv v, int64_t len, Bytes &out);
/// Checks v is an array and sizes the receive buffer (max_len capped at kMaxChunk): the array's
/// own bytes where it is a packed byte array with room for them all, else a copy.
int64_t bytes_out(rv v, int64_t max_len, Bytes &out);
/// Stores the first n bytes of b (from bytes_out of v) into v from index 0: for bytes already
/// in place, only the array's length; 0 or BUFFER_TOO_SMALL (array full).
int64_t store_bytes(rv v, const Bytes &b, size_t n);
/// Checks v is an array (for an argument that receives a result); 0 or an error code.
int64_t check_array(rv v);
/// Stores n bytes into array v from index 0; 0 or BUFFER_TOO_SMALL (array full).
int64_t store_bytes(rv v, const uint8_t *data, size_t n);
/// Stores a text into array v at index 0; 0 or an error code.
int64_t store_text(rv v, const char *s);
/// Stores a value into array v at index 0 (set, or pushed into an empty array); 0 or an error code.
int64_t store_value(rv v, rv value);
/// The text whose bytes are the elements of byte array v; nil when v is not one or the
/// runtime's helpers are unreachable.
rv bytes_text(rv v);
/// A new Simple string, or nil when the runtime is not linked.
rv make_text(const char *s, size_t n);
/// A text's bytes, whatever they are (data to send: NULs allowed, up to kMaxChunk); 0,
/// WRONG_VALUE_KIND or INVALID_ARGUMENT.
int64_t text_bytes(rv v, std::vector<uint8_t> &out);
/// The length of array v, or -1 when v is not one (or the runtime is not linked).
int64_t array_len(rv v);
/// A new byte array holding the bytes, or nil where the runtime has no rt_array_new.
rv make_bytes(const uint8_t *data, size_t n);
/// An integer argument for a u32 / i32 parameter: false when out of range.
bool fits_u32(int64_t v);
bool fits_i32(int64_t v);

} // namespace uringnet::simple
