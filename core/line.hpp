// A stream direction's order: its line. Every read of a stream, and every write (with the
// shutdown and flush called among them), happens in the order the calls were made. One
// object per direction owns that order, in two halves that only core/line.cpp changes:
//
//   Line       (FastSlot::lines, any thread) one atomic word: how many calls of the
//              direction are counted in the shard (queued, in flight, or on their way
//              through its FIFO), whether a calling thread holds the line (kDirect), and
//              whether the shard asked it to hand over (kHandover).
//   LineQueue  (Slot::line, shard thread) the calls waiting their turn, each with its own
//              deadline and cancel; whether a calling thread was asked to hand over (held);
//              whether a write is in the kernel (busy).
//
// The transitions, all in core/line.cpp:
//   take      a blocking call whose handle is live (generation checked first) and that
//             finds the word 0 takes the line and runs on its own thread;
//   count     every other call is counted before it is posted (a stale handle never is);
//   hold      the shard queues a call that must wait: behind a write in the kernel, or
//             behind a calling thread, which it then asks to hand over (ask_handover +
//             a wake-up);
//   hand over the holder posts the rest of its call (LineMsg::hand_over), which goes
//             before every held call, then lets go;
//   release   the holder lets go; if it was asked, it posts LineMsg::resume and the shard
//             goes on with the held calls, in order;
//   expire    a held call whose deadline passed ends TIMED_OUT where it is (the others
//             keep their places); socket_cancel, op_cancel, close and shutdown end held
//             calls the same way (CANCELED, SHUT_DOWN);
//   after     tcp_shutdown (WRITE, BOTH) and tcp_flush wait in the write line like a write
//             and act when every write called before them has finished;
//   close     ends the read line's calls at once; the write line's held writes wait for the
//             one in the kernel (cancelled: it ends at once unless it was done), then are
//             sent without waiting, in order, while each goes whole (a write with no room
//             left, and every one after it, fails CANCELED: the peer never gets a later
//             write's bytes after a gap); behind a calling thread's write, which the close
//             cuts short, every held one fails CANCELED;
//   uncount   a counted call completes (Request::complete).
// A closed slot lets go of everything its generation held: close cancels the held calls
// and the freed slot's queue is reset; a holder keeps the slot from being freed (it is
// counted in FastSlot::users) until it has released.
#pragma once

#include <atomic>
#include <cstdint>

namespace uringnet {

struct Op;

/// The two lines of a stream: reads and writes, each in call order.
enum LineKind : int { kReadLine = 0, kWriteLine = 1 };

/// The calling threads' half of a line (see above).
struct Line {
    static constexpr uint32_t kDirect = 1u << 31;   ///< a calling thread is first in line
    static constexpr uint32_t kHandover = 1u << 30; ///< the shard holds later calls behind it
    static constexpr uint32_t kCount = kHandover - 1;
    std::atomic<uint32_t> v{0};

    /// Takes the line when no call is ahead (any thread).
    bool take() {
        uint32_t idle = 0;
        return v.compare_exchange_strong(idle, kDirect, std::memory_order_seq_cst);
    }
    /// Lets go of the line; true when the shard asked for a hand-over (it holds calls that
    /// wait to be resumed).
    bool release() { return (v.fetch_and(~(kDirect | kHandover), std::memory_order_seq_cst) & kHandover) != 0; }
    /// The shard: asks the calling thread that holds the line to hand over; false when none does.
    bool ask_handover() {
        uint32_t cur = v.load(std::memory_order_seq_cst);
        while ((cur & kDirect) != 0) {
            if (v.compare_exchange_weak(cur, cur | kHandover, std::memory_order_seq_cst)) {
                return true;
            }
        }
        return false;
    }
    bool handover_asked() const { return (v.load(std::memory_order_seq_cst) & kHandover) != 0; }
    void count() { v.fetch_add(1, std::memory_order_seq_cst); }
    void uncount() { v.fetch_sub(1, std::memory_order_release); }
};

/// Ops waiting their turn, linked through Op::next_wait: an idle stream costs no allocation.
/// An op is in at most one: a line's queue, a slot's multishot waiters, or an epoll backend queue.
struct WaitQueue {
    Op *head = nullptr;
    Op *tail = nullptr;
    bool empty() const { return head == nullptr; }
    Op *front() const { return head; }
    void push_back(Op *op);
    void push_front(Op *op);
    void pop_front();
    bool erase(Op *op); ///< false when op was not queued
};

/// The shard's half of a line (see above). Shard thread only.
struct LineQueue {
    WaitQueue queued;  ///< calls waiting their turn (OpState::queued), in call order
    bool held = false; ///< a calling thread holds the line and was asked to hand over
    bool busy = false; ///< the write line: a write is in the kernel
    bool broken = false; ///< the write line of a closing stream: a write ended short, none after it is sent
};

} // namespace uringnet
