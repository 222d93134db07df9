// A model-based randomized stress test of the per-stream order promise: several threads and
// a completion callback make random mixes of blocking and submitted writes on one stream,
// while the peer makes random blocking and submitted reads (some with short timeouts, some
// cancelled). Reassembling what each read got, in the order the reads were made, must give
// every message whole, each thread's messages in the order that thread made them, and no
// byte lost or repeated. Bounded: UN_STRESS_SECONDS (default 2); tools/stress.sh runs longer.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "helpers.hpp"

namespace {

constexpr int kWriters = 3;
constexpr uint8_t kCallbackWriter = kWriters; // the callback's messages carry this writer id
constexpr uint64_t kReadTag = uint64_t{1} << 62, kWriteTag = uint64_t{1} << 61;


struct Shared {
    int64_t client = 0;
    std::mutex mu;
    std::map<uint64_t, std::string> in_flight; // submitted writes' buffers, by user_data
    std::map<uint64_t, int64_t> read_results;  // submitted reads' results, by read number
    std::atomic<uint32_t> callback_seq{0};
    bool writing = true; ///< guarded by mu: the callback still answers writes with writes
    std::atomic<int> active_writers{0};
    std::atomic<uint64_t> bytes_written{0};
    std::atomic<int> failures{0};
};

Shared *g_shared = nullptr;

void on_completion(void *, const un_completion_t *c) {
    Shared &sh = *g_shared;
    if (c->user_data & kReadTag) {
        std::lock_guard lk(sh.mu);
        sh.read_results[c->user_data & ~kReadTag] = c->result;
        return;
    }
    std::string done;
    {
        std::lock_guard lk(sh.mu);
        auto it = sh.in_flight.find(c->user_data);
        if (it == sh.in_flight.end()) {
            return; // not a write of ours
        }
        done = std::move(it->second);
        sh.in_flight.erase(it);
    }
    if (c->result != static_cast<int64_t>(done.size())) {
        sh.failures++;
    }
    // Now and then the callback answers a finished write with a write of its own: made
    // strictly after that one, in the callback's own order.
    if ((c->user_data & 3) == 0) {
        const char *data;
        uint32_t len;
        uint64_t tag;
        {
            std::lock_guard lk(sh.mu);
            if (!sh.writing) {
                return; // the reader has seen every writer finish
            }
            const uint32_t seq = sh.callback_seq++;
            std::string m = test::numbered_message(kCallbackWriter, seq, static_cast<uint16_t>(seq % 200));
            tag = kWriteTag | (uint64_t{kCallbackWriter} << 40) | seq;
            len = static_cast<uint32_t>(m.size());
            sh.bytes_written += len;
            data = sh.in_flight.emplace(tag, std::move(m)).first->second.data();
        }
        if (un_tcp_write_submit(sh.client, data, len, -1, tag) <= 0) {
            sh.failures++;
        }
    }
}

} // namespace

TEST_CASE("random blocking and submitted reads and writes keep every stream's order", "[stress][order]") {
    const char *env = std::getenv("UN_STRESS_SECONDS");
    const double seconds = env != nullptr ? std::atof(env) : 2.0;
    test::Runtime rt;
    test::Pair p;
    Shared sh;
    sh.client = p.client;
    g_shared = &sh;
    REQUIRE(un_set_completion_callback(on_completion, nullptr) == 0);
    const auto stop_at = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::vector<std::thread> writers;
    std::vector<uint32_t> sent(kWriters, 0);
    sh.active_writers = kWriters;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            std::mt19937 rng(static_cast<unsigned>(w * 7919 + 1));
            for (uint32_t seq = 0; std::chrono::steady_clock::now() < stop_at; ++seq) {
                std::string m = test::numbered_message(static_cast<uint8_t>(w), seq, static_cast<uint16_t>(rng() % 3000));
                sh.bytes_written += m.size();
                if (rng() % 2) {
                    if (un_tcp_write(p.client, m.data(), static_cast<uint32_t>(m.size()), -1) != static_cast<int64_t>(m.size())) {
                        sh.failures++;
                    }
                } else {
                    const uint64_t tag = kWriteTag | (uint64_t(w) << 40) | seq;
                    const char *data;
                    const auto len = static_cast<uint32_t>(m.size());
                    {
                        std::lock_guard lk(sh.mu);
                        data = sh.in_flight.emplace(tag, std::move(m)).first->second.data();
                    }
                    if (un_tcp_write_submit(p.client, data, len, -1, tag) <= 0) {
                        sh.failures++;
                    }
                }
                sent[static_cast<size_t>(w)] = seq + 1;
            }
            sh.active_writers--;
        });
    }
    // The reader: reads in a random mix, numbered in the order they are made.
    std::mt19937 rng(4242);
    std::vector<std::unique_ptr<std::string>> bufs; // each read's buffer, by read number
    std::vector<int64_t> blocking_results;          // INT64_MIN: a submitted read
    std::vector<int64_t> cancel_ids;
    uint64_t received = 0;
    auto settled = [&] { // the bytes the reads made so far have got
        uint64_t n = 0;
        std::lock_guard lk(sh.mu);
        for (size_t i = 0; i < bufs.size(); ++i) {
            const int64_t r = blocking_results[i] != INT64_MIN ? blocking_results[i]
                              : sh.read_results.count(i) ? sh.read_results[i] : 0;
            n += r > 0 ? static_cast<uint64_t>(r) : 0;
        }
        return n;
    };
    // Whether every submitted read among the first n made has its completion.
    auto submitted_reads_answered = [&](size_t n) {
        std::lock_guard lk(sh.mu);
        for (size_t k = 0; k < n; ++k) {
            if (blocking_results[k] == INT64_MIN && !sh.read_results.count(k)) {
                return false;
            }
        }
        return true;
    };
    bool writers_joined = false;
    const auto give_up = stop_at + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < give_up) {
        // (The writers may wait for room in the socket that only this thread's reads make.)
        bool flushed = false;
        if (!writers_joined && sh.active_writers.load() == 0) {
            std::lock_guard lk(sh.mu);
            sh.writing = false;
            writers_joined = true;
        }
        if (writers_joined) {
            std::lock_guard lk(sh.mu);
            flushed = sh.in_flight.empty();
        }
        received = settled();
        if (flushed && received == sh.bytes_written.load()) {
            // Everything arrived: reads still waiting get nothing more (CANCELED, no bytes).
            un_socket_cancel(p.server);
            REQUIRE(test::eventually([&] { return submitted_reads_answered(bufs.size()); }, 30000));
            break;
        }
        const size_t i = bufs.size();
        bufs.push_back(std::make_unique<std::string>(1 + rng() % 5000, '\0'));
        const auto len = static_cast<uint32_t>(bufs.back()->size());
        const unsigned pick = rng() % 10;
        if (pick < 4) { // submitted, sometimes cancelled at once
            blocking_results.push_back(INT64_MIN);
            const int64_t id = un_tcp_read_submit(p.server, bufs.back()->data(), len, -1, kReadTag | i);
            REQUIRE(id > 0);
            if (pick == 0) {
                un_op_cancel(id); // CANCELED (no bytes) unless it completed first
            }
            // Bound what is outstanding: wait for the oldest submitted reads now and then.
            if (i % 8 == 7 && !writers_joined) {
                REQUIRE(test::eventually([&] { return submitted_reads_answered(bufs.size() - 4); }, 30000));
            }
        } else { // blocking, sometimes with a deadline that may expire
            const int64_t timeout = pick < 6 ? static_cast<int64_t>(rng() % 3) : 1000;
            const int64_t r = un_tcp_read(p.server, bufs.back()->data(), len, timeout);
            blocking_results.push_back(r);
            if (r < 0 && r != UN_ERR_TIMED_OUT) {
                FAIL("blocking read: " << un_error_name(r));
            }
        }
    }
    for (auto &t : writers) {
        t.join();
    }
    REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0);
    CHECK(sh.failures.load() == 0);
    // Reassemble in the order the reads were made, and check every message.
    std::string stream;
    {
        std::lock_guard lk(sh.mu);
        for (size_t i = 0; i < bufs.size(); ++i) {
            const int64_t r = blocking_results[i] != INT64_MIN ? blocking_results[i] : sh.read_results[i];
            if (r > 0) {
                stream.append(bufs[i]->data(), static_cast<size_t>(r));
            } else {
                CHECK((r == UN_ERR_TIMED_OUT || r == UN_ERR_CANCELED)); // and no bytes
            }
        }
    }
    REQUIRE(stream.size() == sh.bytes_written.load());
    std::vector<uint32_t> next(kWriters + 1, 0);
    size_t messages = 0;
    for (size_t off = 0; off < stream.size(); ++messages) {
        REQUIRE(off + 7 <= stream.size());
        const auto writer = static_cast<uint8_t>(stream[off]);
        uint32_t seq;
        uint16_t len;
        std::memcpy(&seq, &stream[off + 1], 4);
        std::memcpy(&len, &stream[off + 5], 2);
        REQUIRE(writer <= kCallbackWriter);
        INFO("message " << messages << " at offset " << off << ": writer " << int(writer) << " seq " << seq);
        REQUIRE(seq == next[writer]); // each writer's messages in the order it made them
        REQUIRE(stream.compare(off, 7 + len, test::numbered_message(writer, seq, len)) == 0); // whole, not interleaved
        ++next[writer];
        off += 7 + len;
    }
    for (int w = 0; w < kWriters; ++w) {
        CHECK(next[static_cast<size_t>(w)] == sent[static_cast<size_t>(w)]);
    }
    CHECK(next[kCallbackWriter] == sh.callback_seq.load());
    INFO(messages << " messages, " << stream.size() << " bytes, " << bufs.size() << " reads");
    CHECK(messages > 0);
}
