// Fuzz target: decoding Simple RuntimeValues. Arbitrary words of every tag, and heap objects
// (strings, arrays in all three layouts, objects of other types) with arbitrary contents
// built through the test stand-in of the Simple runtime: decoding never crashes and always
// answers 0 or an error code from the table.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "simple_rt.hpp"
#include "simple_standin.hpp"
#include "uringnet/uringnet.h"

namespace {

struct Input {
    const uint8_t *p;
    size_t n;
    uint8_t byte() { return n ? (--n, *p++) : 0; }
    uint64_t word() {
        uint64_t w = 0;
        for (int i = 0; i < 8; ++i) {
            w = (w << 8) | byte();
        }
        return w;
    }
};

void check(int64_t rc) {
    if (rc != 0 && std::string(un_error_name(rc)) == "UNKNOWN") {
        std::abort();
    }
}

standin::rv make_value(Input &in) {
    switch (in.byte() % 6) {
    case 0: { // any word that is not a heap pointer
        uint64_t w = in.word();
        return (w & 7) == 1 ? w & ~uint64_t{7} : w;
    }
    case 1: { // a string of arbitrary bytes (NULs included)
        std::string s;
        for (size_t k = in.byte(); k > 0; --k) {
            s.push_back(static_cast<char>(in.byte()));
        }
        return standin::make_text(s);
    }
    case 2:
    case 3: { // an array in one of the layouts, elements of any kind
        const auto layout = static_cast<standin::Layout>(in.byte() % 3);
        const uint64_t cap = in.byte() % 64;
        const standin::rv a = standin::make_array(layout, cap);
        for (size_t k = in.byte() % (cap + 1); k > 0; --k) {
            const uint8_t how = in.byte();
            rt_array_push(a, how % 4 == 0 ? in.word() : standin::make_int(how % 3 == 0 ? -1 - in.byte() : in.byte()));
        }
        return a;
    }
    case 4:
        return standin::kNil;
    default: { // a heap object of another type than string or array
        const standin::rv s = standin::make_text("x");
        reinterpret_cast<uint8_t *>(s & ~uint64_t{7})[0] = static_cast<uint8_t>(3 + in.byte() % 250);
        return s;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Input in{data, size};
    while (in.n > 0) {
        const standin::rv v = make_value(in);
        const int64_t len = static_cast<int64_t>(in.word() % 512) - 8;
        std::string text;
        std::vector<uint8_t> bytes;
        check(uringnet::simple::text(v, text));
        check(uringnet::simple::bytes_in(v, len, bytes));
        {
            uringnet::simple::Bytes in_call; // (a packed array's own bytes, or the scratch buffer)
            check(uringnet::simple::bytes_in(v, len, in_call));
        }
        check(uringnet::simple::check_array(v));
        uringnet::simple::Bytes out;
        const int64_t out_rc = uringnet::simple::bytes_out(v, len, out);
        check(out_rc);
        if (uringnet::simple::check_array(v) == 0) {
            const std::string payload(static_cast<size_t>(in.byte()), 'p');
            if (out_rc == 0) { // a read's bytes landing: in place, or copied into the array
                const size_t n = std::min(out.size(), payload.size());
                if (n > 0) {
                    std::memcpy(out.data(), payload.data(), n);
                }
                check(uringnet::simple::store_bytes(v, out, n));
            }
            check(uringnet::simple::store_bytes(v, reinterpret_cast<const uint8_t *>(payload.data()), payload.size()));
            check(uringnet::simple::store_text(v, payload.c_str()));
            check(uringnet::simple::store_value(v, standin::make_int(in.byte())));
        }
    }
    return 0;
}
