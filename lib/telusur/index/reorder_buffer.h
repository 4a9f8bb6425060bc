// ReorderBuffer: gives back, in sequence order, items that threads finish in any order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace telusur {

/// Items numbered 0, 1, 2, … are put() by any number of threads in any order and taken by one
/// consumer strictly in number order. Memory stays bounded: put() of item n waits while n is
/// `window` or more ahead of the next item to take. That cannot deadlock as long as every number
/// below n is held by a thread that will put it, since the next item is always accepted.
template <typename T>
class ReorderBuffer {
  public:
    /// `window` 0 is taken as 1.
    explicit ReorderBuffer(std::size_t window) : window_(window == 0 ? 1 : window) {}

    /// Stores item `seq`, waiting while it is too far ahead. Returns false (and drops `item`)
    /// once closed. Each number must be put once.
    bool put(std::uint64_t seq, T item) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return closed_ || seq < next_ + window_; });
        if (closed_) return false;
        items_.emplace(seq, std::move(item));
        const bool is_next = seq == next_;
        lock.unlock();
        if (is_next) ready_.notify_all();
        return true;
    }

    /// Items `count` and later will never come: take() returns nothing after item count - 1.
    void finish(std::uint64_t count) {
        {
            std::lock_guard lock(mutex_);
            end_ = count;
        }
        ready_.notify_all();
    }

    /// Waits for the next item in order and removes it. Nothing once every item before the
    /// finish() count was taken, or once closed.
    std::optional<T> take() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return closed_ || next_ >= end_ || items_.count(next_) != 0; });
        if (closed_ || next_ >= end_) return std::nullopt;
        const auto it = items_.find(next_);
        std::optional<T> item(std::move(it->second));
        items_.erase(it);
        ++next_;
        lock.unlock();
        room_.notify_all();
        return item;
    }

    /// Gives up: wakes every waiting thread; put() and take() refuse from now on. Idempotent.
    void close() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        room_.notify_all();
        ready_.notify_all();
    }

    std::size_t window() const { return window_; }

  private:
    const std::size_t window_;
    std::mutex mutex_;
    std::condition_variable room_;   // put() waits here for the window to move
    std::condition_variable ready_;  // take() waits here for the next item
    std::map<std::uint64_t, T> items_;
    std::uint64_t next_ = 0;
    std::uint64_t end_ = std::numeric_limits<std::uint64_t>::max();
    bool closed_ = false;
};

}  // namespace telusur
