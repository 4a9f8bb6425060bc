#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "telusur/index/bounded_queue.h"

using namespace telusur;

TEST_CASE("BoundedQueue gives items back first in, first out") {
    BoundedQueue<int> queue(4);
    for (int i = 0; i < 4; ++i) REQUIRE(queue.push(i));
    for (int i = 0; i < 4; ++i) CHECK(queue.pop() == i);
}

TEST_CASE("BoundedQueue push waits while the queue is full") {
    BoundedQueue<int> queue(2);
    std::atomic<int> pushed{0};
    std::thread producer([&] {
        for (int i = 0; i < 3; ++i) {
            queue.push(i);
            ++pushed;
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(pushed.load() == 2);  // the third push waits for room
    CHECK(queue.pop() == 0);
    producer.join();
    CHECK(pushed.load() == 3);
    CHECK(queue.pop() == 1);
    CHECK(queue.pop() == 2);
}

TEST_CASE("BoundedQueue close lets consumers drain, then ends them, and refuses pushes") {
    BoundedQueue<int> queue(4);
    queue.push(1);
    queue.push(2);
    queue.close();
    CHECK_FALSE(queue.push(3));
    CHECK(queue.pop() == 1);
    CHECK(queue.pop() == 2);
    CHECK_FALSE(queue.pop().has_value());
}

TEST_CASE("BoundedQueue close wakes a blocked producer and a blocked consumer") {
    BoundedQueue<int> full(1);
    full.push(0);
    bool push_result = true;
    std::thread producer([&] { push_result = full.push(1); });
    BoundedQueue<int> empty(1);
    bool got_item = true;
    std::thread consumer([&] { got_item = empty.pop().has_value(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    full.close();
    empty.close();
    producer.join();
    consumer.join();
    CHECK_FALSE(push_result);
    CHECK_FALSE(got_item);
}

TEST_CASE("BoundedQueue hands every item to exactly one of several consumers") {
    BoundedQueue<int> queue(3);
    constexpr int kItems = 2000;
    std::vector<std::atomic<int>> seen(kItems);
    std::vector<std::thread> consumers;
    for (int c = 0; c < 4; ++c)
        consumers.emplace_back([&] {
            while (auto item = queue.pop()) ++seen[*item];
        });
    for (int i = 0; i < kItems; ++i) queue.push(i);
    queue.close();
    for (auto& consumer : consumers) consumer.join();
    int once = 0;
    for (const auto& count : seen) once += count.load() == 1;
    CHECK(once == kItems);
}
