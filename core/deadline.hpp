// Deadlines on CLOCK_MONOTONIC in nanoseconds, and timeouts in milliseconds made from them.
#pragma once

#include <time.h>

#include <cstdint>

namespace uringnet {

inline int64_t now_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

/// The deadline timeout_ms after now, or -1 (none: wait forever) for a negative timeout and for
/// one too long to be a deadline in nanoseconds (about 292 years): no overflow.
inline int64_t deadline_after(int64_t now, int64_t timeout_ms) {
    if (timeout_ms < 0 || timeout_ms > (INT64_MAX - now) / 1000000) {
        return -1;
    }
    return now + timeout_ms * 1000000;
}

/// What is left until deadline_ns (from deadline_after) as a timeout in milliseconds, for a call
/// that goes on elsewhere: -1 for none, else at least 0 and rounded up (it never ends early).
inline int64_t ms_left(int64_t deadline_ns) {
    if (deadline_ns < 0) {
        return -1;
    }
    const int64_t left = deadline_ns - now_ns();
    return left <= 0 ? 0 : (left + 999999) / 1000000;
}

} // namespace uringnet
