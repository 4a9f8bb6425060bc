#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "telusur/index/bounded_queue.h"
#include "telusur/index/reorder_buffer.h"

using namespace telusur;

TEST_CASE("ReorderBuffer gives items back in sequence order whatever order they come in") {
    ReorderBuffer<int> buffer(8);
    for (const std::uint64_t seq : {3, 1, 0, 2}) REQUIRE(buffer.put(seq, static_cast<int>(seq) * 10));
    buffer.finish(4);
    for (int i = 0; i < 4; ++i) CHECK(buffer.take() == i * 10);
    CHECK_FALSE(buffer.take().has_value());
}

TEST_CASE("ReorderBuffer take waits for the next item even when later ones are there") {
    ReorderBuffer<int> buffer(4);
    buffer.put(1, 1);
    std::atomic<bool> taken{false};
    std::thread consumer([&] {
        CHECK(buffer.take() == 0);
        taken = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK_FALSE(taken.load());
    buffer.put(0, 0);
    consumer.join();
    CHECK(taken.load());
}

TEST_CASE("ReorderBuffer put waits while an item is a window or more ahead") {
    ReorderBuffer<int> buffer(2);
    REQUIRE(buffer.put(0, 0));
    REQUIRE(buffer.put(1, 1));
    std::atomic<bool> put_far{false};
    std::thread producer([&] {
        buffer.put(2, 2);  // 2 >= next (0) + window (2): waits
        put_far = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(put_far.load());
    CHECK(buffer.take() == 0);  // the window moves to [1, 3)
    producer.join();
    CHECK(put_far.load());
    CHECK(buffer.take() == 1);
    CHECK(buffer.take() == 2);
}

TEST_CASE("ReorderBuffer finish ends take after the last item: finish(0) ends it at once") {
    ReorderBuffer<int> empty(2);
    empty.finish(0);
    CHECK_FALSE(empty.take().has_value());

    ReorderBuffer<int> buffer(2);
    std::thread consumer([&] {
        CHECK(buffer.take() == 7);
        CHECK_FALSE(buffer.take().has_value());
    });
    buffer.finish(1);  // may come before the item itself
    buffer.put(0, 7);
    consumer.join();
}

TEST_CASE("ReorderBuffer close wakes a waiting producer and consumer, and refuses from then on") {
    ReorderBuffer<int> buffer(1);
    bool put_result = true;
    bool got_item = true;
    std::thread producer([&] { put_result = buffer.put(5, 5); });
    std::thread consumer([&] { got_item = buffer.take().has_value(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    buffer.close();
    producer.join();
    consumer.join();
    CHECK_FALSE(put_result);
    CHECK_FALSE(got_item);
    CHECK_FALSE(buffer.put(0, 0));
}

TEST_CASE("BoundedQueue and ReorderBuffer: workers finishing out of order still yield input order") {
    constexpr std::uint64_t kItems = 3000;
    constexpr std::size_t kWorkers = 4;
    BoundedQueue<std::uint64_t> input(2 * kWorkers);
    ReorderBuffer<std::uint64_t> output(2 * kWorkers);
    std::vector<std::thread> threads;
    threads.emplace_back([&] {
        for (std::uint64_t i = 0; i < kItems; ++i) input.push(i);
        output.finish(kItems);
        input.close();
    });
    for (std::size_t w = 0; w < kWorkers; ++w)
        threads.emplace_back([&] {
            while (auto seq = input.pop()) {
                if (*seq % 7 == 0) std::this_thread::yield();  // uneven work
                if (!output.put(*seq, *seq * 2)) break;
            }
        });
    std::uint64_t expected = 0;
    bool in_order = true;
    while (auto value = output.take()) in_order = in_order && *value == 2 * expected++;
    for (auto& thread : threads) thread.join();
    CHECK(in_order);
    CHECK(expected == kItems);
}
