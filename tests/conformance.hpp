// Support for the generated conformance tests (generated/tests/conformance.cpp).
//
// The generator emits one test per operation and per error the spec lists for it. Each test
// hands this library a description of the operation (its parameters and a function that
// calls the C export with arguments taken from an Args) and the expected code; the library
// builds a real situation that provokes that error (closed handles, a port nobody listens
// on, fd exhaustion, a namespace without routes, a seccomp filter, ...), calls the
// operation and checks the exact code. An (operation, error) pair with no scenario here
// fails, so the spec and these tests cannot drift apart.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "uringnet/uringnet.h"

namespace conformance {

enum class ParamType {
    i32, i64, u32, boolean, text, address, bytes_in, bytes_out, text_out, handle, enumeration,
    completions_out, callback, pointer, op_id
};

struct Param {
    const char *name;
    ParamType type;
    uint32_t kind_mask; ///< handle kinds accepted (bit 1 << kind), 0 for other types
};

/// Argument values by parameter name, as the generated invoker reads them.
class Args {
  public:
    int64_t handle(const char *n) { return at(n).i; }
    int64_t i64(const char *n) { return at(n).i; }
    int32_t i32(const char *n) { return static_cast<int32_t>(at(n).i); }
    uint32_t u32(const char *n) { return static_cast<uint32_t>(at(n).i); }
    bool boolean(const char *n) { return at(n).i != 0; }
    const char *text(const char *n) {
        Value &v = at(n);
        return v.null ? nullptr : v.text.c_str();
    }
    void *buf(const char *n) {
        Value &v = at(n);
        return v.null ? nullptr : v.bytes.data();
    }
    const void *cbuf(const char *n) { return buf(n); }
    char *out(const char *n) { return static_cast<char *>(buf(n)); }
    un_completion_t *completions(const char *n) { return static_cast<un_completion_t *>(buf(n)); }
    un_completion_fn callback(const char *n) { return at(n).fn; }
    void *pointer(const char *n) { return at(n).ptr; }

    struct Value {
        int64_t i = 0;
        std::string text;
        std::vector<char> bytes;
        bool null = false;
        un_completion_fn fn = nullptr;
        void *ptr = nullptr;
    };
    Value &at(const std::string &n) { return values_[n]; }
    bool has(const std::string &n) const { return values_.count(n) != 0; }

  private:
    std::map<std::string, Value> values_;
};

using Invoker = int64_t (*)(Args &);

struct Operation {
    const char *name;
    bool submit; ///< the *_submit form: invoke returns the completion's result (or the error given at once)
    std::vector<Param> params;
    Invoker invoke;
    std::vector<int64_t> errors; ///< what the spec lists for the operation
};

/// For a *_submit form: the error `id` is, or else the result of the completion of op `id`
/// (collected with un_poll; other completions are dropped). While it waits, in_flight_op()
/// gives the id, so a scenario can cancel it from another thread.
int64_t completion_of(int64_t id);

/// The op id a submitted form is waiting for, or 0.
int64_t in_flight_op();

/// Provokes `expected` for op over real sockets and checks the exact code (Catch2 CHECK), and
/// that the code is one the spec lists for the operation.
void check(const Operation &op, int64_t expected);

/// Marks the running test as skipped, with the reason (ctest shows it as skipped).
void skip(const char *reason);

} // namespace conformance
