#include <catch2/catch.hpp>
#include <set>

#include "core/random.hpp"
#include "core/stable_hash.hpp"

using namespace campaign::core;

TEST_CASE("a seed gives the same sequence, on every platform", "[core]") {
    SeededRandom first(7);
    SeededRandom second(7);
    for (int i = 0; i < 100; ++i) {
        CHECK(first.uniform() == second.uniform());
    }
    // The first draw of seed 7, fixed here so that a change of engine or conversion cannot pass unnoticed.
    CHECK(SeededRandom(7).uniform() == 0.75438530415285798);
    SeededRandom other(8);
    CHECK(SeededRandom(7).uniform() != other.uniform());
}

TEST_CASE("draws stay in their ranges and have the right means", "[core]") {
    SeededRandom random(42);
    double sum = 0;
    Duration waits{0};
    for (int i = 0; i < 20000; ++i) {
        auto u = random.uniform();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        sum += u;
        auto jitter = random.up_to(std::chrono::minutes{5});
        REQUIRE(jitter >= Duration{0});
        REQUIRE(jitter <= std::chrono::minutes{5});
        waits += random.exponential(std::chrono::hours{10});
    }
    CHECK(sum / 20000 == Approx(0.5).margin(0.01));
    CHECK(static_cast<double>(waits.count()) / 20000 == Approx(36000.0).epsilon(0.03));
    CHECK(random.up_to(Duration{0}) == Duration{0});
}

TEST_CASE("stable hashes depend on every part and on where the parts split", "[core]") {
    CHECK(stable_hash({"campaign", "step", "prospect"}) == stable_hash({"campaign", "step", "prospect"}));
    CHECK(stable_hash({"ab", "c"}) != stable_hash({"a", "bc"}));
    CHECK(stable_hash({"a"}) != stable_hash({"b"}));
    // Fixed value: persisted choices (variants, senders) must not move when the code is rebuilt.
    CHECK(stable_hash({"founders-intro", "invite", "42"}) == 17184582599358521968ULL);

    std::set<int> buckets;
    for (int i = 0; i < 1000; ++i) {
        auto u = unit_interval(stable_hash({"c", std::to_string(i)}));
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        buckets.insert(static_cast<int>(u * 10));
    }
    CHECK(buckets.size() == 10);
}
