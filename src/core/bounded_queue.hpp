#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace campaign::core {

// Hands items from one thread to another in order, holding at most `capacity` at a time: the producer waits while
// the queue is full, the consumer while it is empty. Either side may close it; a closed queue takes nothing more, and
// gives what it holds, then nothing.
template <typename Item>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity == 0 ? 1 : capacity) {}

    // False when the queue was closed: the item is dropped.
    bool push(Item item) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [this] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed) {
            return false;
        }
        m_items.push_back(std::move(item));
        m_not_empty.notify_one();
        return true;
    }

    // Without waiting: false when the queue is full or closed, and the item stays with the caller.
    bool try_push(Item& item) {
        std::lock_guard lock(m_mutex);
        if (m_closed || m_items.size() >= m_capacity) {
            return false;
        }
        m_items.push_back(std::move(item));
        m_not_empty.notify_one();
        return true;
    }

    // Without waiting: nothing when the queue is empty.
    std::optional<Item> try_pop() {
        std::lock_guard lock(m_mutex);
        return take();
    }

    // Nothing once the queue is closed and empty.
    std::optional<Item> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [this] { return m_closed || !m_items.empty(); });
        return take();
    }

    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_not_full.notify_all();
        m_not_empty.notify_all();
    }

private:
    // The first item, with the lock held; nothing when there is none.
    std::optional<Item> take() {
        if (m_items.empty()) {
            return std::nullopt;
        }
        Item item = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return item;
    }

    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_not_full;
    std::condition_variable m_not_empty;
    std::deque<Item> m_items;
    bool m_closed = false;
};

// Closes a queue when it goes out of scope, however the scope ends: declared after the thread that takes from (or
// gives to) the queue, it lets that thread end before it is joined.
template <typename Item>
class CloseOnExit {
public:
    explicit CloseOnExit(BoundedQueue<Item>& queue) : m_queue(queue) {}
    ~CloseOnExit() { m_queue.close(); }
    CloseOnExit(const CloseOnExit&) = delete;
    CloseOnExit& operator=(const CloseOnExit&) = delete;

private:
    BoundedQueue<Item>& m_queue;
};

} // namespace campaign::core
