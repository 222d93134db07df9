#include "resolver.hpp"
#include "library_thread.hpp"

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>

#include "shard.hpp" // now_ns

namespace uringnet {
namespace {

// Up to kMaxThreads lookups run at once; a thread idle for kIdle exits, so a process that
// stopped looking names up keeps no resolver thread.
constexpr unsigned kMaxThreads = 8;
constexpr auto kIdle = std::chrono::seconds(2);

class Pool {
  public:
    bool post(LookupJob job) {
        std::lock_guard lk(mu_);
        if (jobs_.size() >= kMaxQueuedLookups) {
            return false;
        }
        jobs_.push_back(std::move(job));
        if (idle_ == 0 && threads_ < kMaxThreads) {
            ++threads_;
            try {
                library_thread("un-resolver", [this] { work(); }).detach();
            } catch (const std::system_error &) { // no thread to be had (RLIMIT_NPROC, memory)
                --threads_;
                if (threads_ == 0) { // and none that will take the job later
                    jobs_.pop_back();
                    return false;
                }
            }
        } else {
            cv_.notify_one();
        }
        return true;
    }

  private:
    void work() {
        std::unique_lock lk(mu_);
        for (;;) {
            ++idle_;
            const bool got = cv_.wait_for(lk, kIdle, [this] { return !jobs_.empty(); });
            --idle_;
            if (!got) {
                --threads_;
                return;
            }
            LookupJob job = std::move(jobs_.front());
            jobs_.pop_front();
            lk.unlock();
            // Its operation ended (timed out, cancelled, closed, shut down): nobody waits for
            // the answer, so the name server is not asked.
            if ((job.abandoned && job.abandoned->load()) || (job.deadline_ns >= 0 && now_ns() > job.deadline_ns)) {
                lk.lock();
                continue;
            }
            Address address;
            AddressList all;
            const int64_t result = resolve_address(job.text.c_str(), address, all);
            deliver_lookup(job, result, address, std::move(all));
            lk.lock();
        }
    }

    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<LookupJob> jobs_;
    unsigned threads_ = 0, idle_ = 0;
};

// Never destroyed: detached resolver threads may still use it while the process exits.
// A child made by fork() has none of its parent's threads: it starts a pool of its own
// (the parent's, whose mutex may have been held at the fork, is left alone).
std::atomic<Pool *> g_pool{nullptr};

Pool &pool() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_pool.store(new Pool);
        pthread_atfork(nullptr, nullptr, [] { g_pool.store(new Pool); });
    });
    return *g_pool.load();
}

} // namespace

bool resolve_later(LookupJob job) { return pool().post(std::move(job)); }

} // namespace uringnet
