// regressions_test: inputs that once crashed, hung or misbehaved — found by the fuzz targets
// (fuzz/), the bad input set or the sanitizer build — each kept here with the behaviour
// that is right for it. Name each case after what the input is, not after the bug.
#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "deadlines.h"
#include "grammar.h"

namespace {

const policy::Grammar& grammar() {
    static const policy::Grammar loaded = [] {
        auto result = policy::Grammar::load();
        if (!result) {
            throw std::runtime_error(result.error().message);
        }
        return std::move(result).value();
    }();
    return loaded;
}

std::string repeat(const std::string& text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        out += text;
    }
    return out;
}

}  // namespace

TEST_CASE("a long paragraph of limits without a year is read in linear time") {
    // Found with the 50 MB one-line bad input: every limit without a year searched the whole
    // paragraph before it for the nearest year, so 20,000 of them took minutes.
    auto rules = policy::DeadlineRules::create(grammar());
    REQUIRE(rules.ok());
    const std::string text =
        "2019年工作要点：" + repeat("6月底前完成，", 20000) + "2020年起，" + repeat("9月底前完成，", 20000);
    const auto start = std::chrono::steady_clock::now();
    const auto matches = rules->find(text, 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(matches.size() == 40000);
    CHECK(matches[0].date == "2019-06-30");
    CHECK(matches[0].year_inferred);
    CHECK(matches[19999].date == "2019-06-30");
    // The nearest year is still the last one written before each limit.
    CHECK(matches[20000].date == "2020-09-30");
    CHECK(matches[39999].date == "2020-09-30");
    CHECK(seconds < 10);
}

TEST_CASE("a year written across the point where the last search stopped still counts") {
    auto rules = policy::DeadlineRules::create(grammar());
    REQUIRE(rules.ok());
    const auto matches = rules->find("6月底前，2018年和2021 年内，11月底前完成", 2015);
    REQUIRE(matches.size() == 2);
    CHECK(matches[0].date == "2015-06-30");
    CHECK(matches[1].date == "2021-11-30");
}
