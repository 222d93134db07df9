// The model-based stress test of the per-stream order promise inside a hostile host (issue:
// the blocking path lives peacefully inside its hosts). Round after round a new stream pair
// is made (the closed ones' slots are reused) and:
//   - two writer threads write numbered messages with random blocking writes, submits and
//     batches (a blocking write sometimes made inside an open batch), then the main thread
//     calls tcp_shutdown(WRITE) while submitted writes may still be on their way;
//   - the reader thread makes random blocking reads (some with deadlines that expire) and
//     submitted reads (some cancelled with op_cancel) until a blocking read sees the end of
//     the stream;
//   - a stale thread keeps calling read, write, shutdown and cancel on every handle closed
//     in earlier rounds (each must answer CLOSED);
//   - a signaller sends the reader and the writers a host signal every millisecond or two,
//     and installs the host's handler anew at random times, with or without SA_RESTART,
//     sometimes one that pauses inside the handler (as a stop-the-world GC would).
// Reassembling the reads in the order they were made must give every message whole, each
// writer's messages in its order, every byte once, and the end of the stream only after all
// of them. Bounded: UN_STRESS_SECONDS (default 2), run in ctest on both backends and TSan.
#include <pthread.h>
#include <signal.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "helpers.hpp"

namespace {

constexpr int kWriters = 2;
constexpr uint64_t kReadTag = uint64_t{1} << 62, kWriteTag = uint64_t{1} << 61;


std::atomic<int> g_handled{0};
void quick_handler(int) { g_handled.fetch_add(1, std::memory_order_relaxed); }
void pausing_handler(int) {
    g_handled.fetch_add(1, std::memory_order_relaxed);
    timespec pause{0, 2 * 1000000}; // (a short stop-the-world pause inside the library's call)
    nanosleep(&pause, nullptr);
}

struct Round {
    std::mutex mu;
    std::map<uint64_t, int64_t> read_results; ///< submitted reads' results, by read number
    std::map<uint64_t, uint32_t> write_lens;   ///< submitted writes still on their way
    std::atomic<int> failures{0};
};
Round *g_round = nullptr;
std::mutex g_round_mu;

void on_completion(void *, const un_completion_t *c) {
    std::lock_guard g(g_round_mu);
    Round *r = g_round;
    if (r == nullptr) {
        return;
    }
    std::lock_guard lk(r->mu);
    if (c->user_data & kReadTag) {
        r->read_results[c->user_data & ~kReadTag] = c->result;
    } else if (auto it = r->write_lens.find(c->user_data); it != r->write_lens.end()) {
        if (c->result != it->second) {
            r->failures++;
        }
        r->write_lens.erase(it);
    }
}

} // namespace

TEST_CASE("stale handles and batches and closes and slot reuse and host signals and pauses: every stream keeps its order",
          "[stress][order][hosts]") {
    const char *env = std::getenv("UN_STRESS_SECONDS");
    const double seconds = env != nullptr ? std::atof(env) : 2.0;
    struct sigaction old {};
    sigaction(SIGUSR1, nullptr, &old);
    test::Runtime rt;
    test::Listener l;
    REQUIRE(un_set_completion_callback(on_completion, nullptr) == 0);
    const auto stop_at = std::chrono::steady_clock::now() +
                         std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));

    std::mutex stale_mu;
    std::vector<int64_t> stale; // handles closed in earlier rounds
    std::atomic<bool> done{false};
    std::atomic<int> stale_wrong{0}, stale_calls{0};
    std::thread stale_thread([&] {
        std::mt19937 rng(99);
        char b[16] = {};
        while (!done.load()) {
            int64_t h = 0;
            {
                std::lock_guard lk(stale_mu);
                if (!stale.empty()) {
                    h = stale[rng() % stale.size()];
                }
            }
            if (h == 0) {
                std::this_thread::yield();
                continue;
            }
            int64_t r;
            switch (rng() % 4) {
            case 0: r = un_tcp_write(h, b, sizeof b, 50); break;
            case 1: r = un_tcp_read(h, b, sizeof b, 50); break;
            case 2: r = un_tcp_shutdown(h, UN_SHUTDOWN_HOW_WRITE); break;
            default: r = un_socket_cancel(h); break;
            }
            stale_calls++;
            if (r != UN_ERR_CLOSED) {
                stale_wrong++;
            }
        }
    });

    std::mutex targets_mu;
    std::vector<pthread_t> targets; // the threads of this round that take host signals
    std::thread signaller([&] {
        std::mt19937 rng(7);
        while (!done.load()) {
            if (rng() % 64 == 0) { // the host installs its handler anew, any time
                struct sigaction sa {};
                sa.sa_handler = rng() % 4 == 0 ? pausing_handler : quick_handler;
                sigemptyset(&sa.sa_mask);
                sa.sa_flags = rng() % 2 ? SA_RESTART : 0;
                sigaction(SIGUSR1, &sa, nullptr);
            }
            {
                std::lock_guard lk(targets_mu);
                if (!targets.empty()) {
                    pthread_kill(targets[rng() % targets.size()], SIGUSR1);
                }
            }
            std::this_thread::sleep_for(std::chrono::microseconds(500 + rng() % 1500));
        }
    });
    {
        struct sigaction sa {};
        sa.sa_handler = quick_handler;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGUSR1, &sa, nullptr);
    }

    int rounds = 0;
    uint64_t total_bytes = 0;
    while (std::chrono::steady_clock::now() < stop_at || rounds < 2) {
        INFO("round " << rounds);
        Round round;
        {
            std::lock_guard g(g_round_mu);
            g_round = &round;
        }
        const int64_t client = un_tcp_connect(l.addr.c_str(), test::kWait);
        REQUIRE(client > 0);
        const int64_t server = un_tcp_accept(l.handle, test::kWait);
        REQUIRE(server > 0);
        const auto round_end = std::min(stop_at, std::chrono::steady_clock::now() + std::chrono::milliseconds(400));
        std::atomic<uint64_t> written{0};
        std::vector<uint32_t> sent(kWriters, 0);
        std::deque<std::string> keep[kWriters]; // submitted writes' buffers, alive until the round ends
        std::vector<std::thread> writers;
        for (int w = 0; w < kWriters; ++w) {
            writers.emplace_back([&, w] {
                {
                    std::lock_guard lk(targets_mu);
                    targets.push_back(pthread_self());
                }
                std::mt19937 rng(static_cast<unsigned>(rounds * 31 + w));
                uint32_t seq = 0;
                auto submit = [&](std::string m) {
                    const uint64_t tag = kWriteTag | (uint64_t(w) << 40) | seq;
                    keep[w].push_back(std::move(m));
                    const std::string &b = keep[w].back();
                    {
                        std::lock_guard lk(round.mu);
                        round.write_lens[tag] = static_cast<uint32_t>(b.size());
                    }
                    if (un_tcp_write_submit(client, b.data(), static_cast<uint32_t>(b.size()), -1, tag) <= 0) {
                        round.failures++;
                    }
                };
                while (std::chrono::steady_clock::now() < round_end) {
                    const unsigned pick = rng() % 8;
                    if (pick < 3) {
                        std::string m = test::numbered_message(static_cast<uint8_t>(w), seq, static_cast<uint16_t>(rng() % 3000));
                        written += m.size();
                        if (un_tcp_write(client, m.data(), static_cast<uint32_t>(m.size()), -1) != static_cast<int64_t>(m.size())) {
                            round.failures++;
                        }
                        ++seq;
                    } else if (pick < 6) {
                        std::string m = test::numbered_message(static_cast<uint8_t>(w), seq, static_cast<uint16_t>(rng() % 3000));
                        written += m.size();
                        submit(std::move(m));
                        ++seq;
                    } else { // a batch, sometimes with a blocking write inside it
                        if (un_batch_begin() != 0) {
                            round.failures++;
                        }
                        const int n = 1 + static_cast<int>(rng() % 4);
                        for (int k = 0; k < n; ++k) {
                            std::string m = test::numbered_message(static_cast<uint8_t>(w), seq, static_cast<uint16_t>(rng() % 1000));
                            written += m.size();
                            if (k == 1 && pick == 7) {
                                if (un_tcp_write(client, m.data(), static_cast<uint32_t>(m.size()), -1) !=
                                    static_cast<int64_t>(m.size())) {
                                    round.failures++;
                                }
                            } else {
                                submit(std::move(m));
                            }
                            ++seq;
                        }
                        if (un_batch_end() < 0) {
                            round.failures++;
                        }
                    }
                }
                sent[static_cast<size_t>(w)] = seq;
                std::lock_guard lk(targets_mu);
                targets.erase(std::find(targets.begin(), targets.end(), pthread_self()));
            });
        }
        // The reader: reads numbered in the order they are made, until the end of the stream.
        std::vector<std::unique_ptr<std::string>> bufs;
        std::vector<int64_t> blocking; // INT64_MIN: a submitted read
        std::atomic<bool> reader_done{false};
        std::thread reader([&] {
            {
                std::lock_guard lk(targets_mu);
                targets.push_back(pthread_self());
            }
            std::mt19937 rng(static_cast<unsigned>(rounds * 17 + 5));
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
            while (std::chrono::steady_clock::now() < give_up) {
                const size_t i = bufs.size();
                bufs.push_back(std::make_unique<std::string>(1 + rng() % 5000, '\0'));
                const auto len = static_cast<uint32_t>(bufs.back()->size());
                const unsigned pick = rng() % 10;
                if (pick < 3) {
                    blocking.push_back(INT64_MIN);
                    const int64_t id = un_tcp_read_submit(server, bufs.back()->data(), len, -1, kReadTag | i);
                    if (id <= 0) {
                        round.failures++;
                    } else if (pick == 0) {
                        un_op_cancel(id); // CANCELED (no bytes) unless it completed first
                    }
                } else {
                    const int64_t timeout = pick < 5 ? static_cast<int64_t>(rng() % 3) : -1;
                    const int64_t r = un_tcp_read(server, bufs.back()->data(), len, timeout);
                    blocking.push_back(r);
                    if (r < 0 && r != UN_ERR_TIMED_OUT) {
                        round.failures++;
                    }
                    if (r == 0) {
                        break; // the end of the stream: every earlier read has its bytes
                    }
                }
            }
            std::lock_guard lk(targets_mu);
            targets.erase(std::find(targets.begin(), targets.end(), pthread_self()));
            reader_done = true;
        });
        for (auto &t : writers) {
            t.join();
        }
        REQUIRE(un_tcp_shutdown(client, UN_SHUTDOWN_HOW_WRITE) == 0); // after every write above
        reader.join();
        CHECK(reader_done.load());
        // Every submitted read made before the end of the stream has its answer.
        REQUIRE(test::eventually([&] {
            std::lock_guard lk(round.mu);
            for (size_t k = 0; k < bufs.size(); ++k) {
                if (blocking[k] == INT64_MIN && !round.read_results.count(k)) {
                    return false;
                }
            }
            return round.write_lens.empty();
        }, 30000));
        CHECK(round.failures.load() == 0);
        std::string stream;
        {
            std::lock_guard lk(round.mu);
            for (size_t k = 0; k < bufs.size(); ++k) {
                const int64_t r = blocking[k] != INT64_MIN ? blocking[k] : round.read_results[k];
                if (r > 0) {
                    stream.append(bufs[k]->data(), static_cast<size_t>(r));
                } else {
                    CHECK((r == 0 || r == UN_ERR_TIMED_OUT || r == UN_ERR_CANCELED));
                }
            }
        }
        REQUIRE(stream.size() == written.load());
        std::vector<uint32_t> next(kWriters, 0);
        for (size_t off = 0; off < stream.size();) {
            REQUIRE(off + 7 <= stream.size());
            const auto writer = static_cast<uint8_t>(stream[off]);
            uint32_t seq;
            uint16_t len;
            std::memcpy(&seq, &stream[off + 1], 4);
            std::memcpy(&len, &stream[off + 5], 2);
            REQUIRE(writer < kWriters);
            INFO("at offset " << off << ": writer " << int(writer) << " seq " << seq);
            REQUIRE(seq == next[writer]);
            REQUIRE(stream.compare(off, 7 + len, test::numbered_message(writer, seq, len)) == 0);
            ++next[writer];
            off += 7 + len;
        }
        for (int w = 0; w < kWriters; ++w) {
            CHECK(next[static_cast<size_t>(w)] == sent[static_cast<size_t>(w)]);
        }
        total_bytes += stream.size();
        {
            std::lock_guard g(g_round_mu);
            g_round = nullptr;
        }
        REQUIRE(un_tcp_close(client) == 0);
        REQUIRE(un_tcp_close(server) == 0);
        {
            std::lock_guard lk(stale_mu);
            stale.push_back(client);
            stale.push_back(server);
        }
        ++rounds;
    }
    done = true;
    signaller.join();
    stale_thread.join();
    REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0);
    sigaction(SIGUSR1, &old, nullptr);
    INFO(rounds << " rounds, " << total_bytes << " bytes, " << stale_calls.load() << " stale calls, "
                << g_handled.load() << " host signals handled");
    if (std::getenv("UN_STRESS_VERBOSE") != nullptr) {
        std::printf("%d rounds, %llu bytes, %d stale calls, %d host signals handled\n", rounds,
                    static_cast<unsigned long long>(total_bytes), stale_calls.load(), g_handled.load());
    }
    CHECK(stale_wrong.load() == 0);
    CHECK(stale_calls.load() > 0);
    CHECK(g_handled.load() > 0);
    CHECK(total_bytes > 0);
}
