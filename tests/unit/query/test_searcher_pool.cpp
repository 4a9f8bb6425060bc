// SearcherPool: the leases of the HTTP server's searchers.
#include <doctest/doctest.h>

#include <future>
#include <optional>
#include <thread>

#include "searcher_pool.h"

#include "search/searcher_fixture.h"

using telusur::Searcher;
using telusur::query::SearcherPool;
using telusur::test::data;
using telusur::test::Fixture;

TEST_CASE("SearcherPool gives a thread back the searcher it used last, even when another was returned since") {
    Fixture f;
    SearcherPool pool((f.dir / "db").string(), data(), 2);
    auto mine = std::make_optional(pool.lease());
    const Searcher* used_here = &**mine;

    std::promise<const Searcher*> leased_there;
    std::promise<void> returned_here;
    std::thread other([&] {
        auto lease = pool.lease();
        leased_there.set_value(&*lease);
        returned_here.get_future().wait();
    });  // gives its searcher back last, as it ends
    const Searcher* used_there = leased_there.get_future().get();
    mine.reset();
    returned_here.set_value();
    other.join();

    CHECK(used_there != used_here);
    CHECK(&*pool.lease() == used_here);
}

TEST_CASE("SearcherPool lends a thread it has not seen any free searcher") {
    Fixture f;
    SearcherPool pool((f.dir / "db").string(), data(), 2);
    const Searcher* first = &*pool.lease();
    const Searcher* elsewhere = nullptr;
    std::thread([&] { elsewhere = &*pool.lease(); }).join();
    CHECK(elsewhere != nullptr);
    auto a = pool.lease();
    auto b = pool.lease();  // both free again: two leases at once
    CHECK(&*a != &*b);
    CHECK((&*a == first || &*b == first));
}
