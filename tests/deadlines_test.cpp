#include <doctest/doctest.h>

#include "deadlines.h"
#include "test_support.h"

using policy::test::normalised;

TEST_CASE("deadline cases from tests/cases/deadlines.jsonl") {
    auto rules = policy::DeadlineRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    for (const auto& c : policy::test::load_cases("deadlines.jsonl")) {
        const std::string input = c["input"];
        const std::string text = normalised(input);
        CAPTURE(c["id"].get<std::string>());
        // (signed_month, signed_year and signed_day: the date of signing, when the case gives it.)
        const int signed_month = c.contains("signed_month") ? c["signed_month"].get<int>() : 0;
        const int signed_year = c.contains("signed_year") ? c["signed_year"].get<int>() : 0;
        const int signed_day = c.contains("signed_day") ? c["signed_day"].get<int>() : 0;
        const auto found = rules->find(text, c["context_year"].get<int>(), signed_month, signed_year, signed_day);
        const auto& expected = c["expected"];
        REQUIRE(found.size() == expected.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            CHECK(text.substr(found[i].begin, found[i].end - found[i].begin) ==
                  normalised(expected[i]["text"].get<std::string>()));
            if (expected[i]["date"].is_null()) {
                CHECK_FALSE(found[i].date.has_value());
            } else {
                REQUIRE(found[i].date.has_value());
                CHECK(*found[i].date == expected[i]["date"].get<std::string>());
            }
            CHECK(found[i].year_inferred == expected[i]["inferred"].get<bool>());
        }
    }
}

TEST_CASE("a month without a year and no context has no date") {
    auto rules = policy::DeadlineRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    const auto found = rules->find(normalised("6月底前完成"), 0);
    REQUIRE(found.size() == 1);
    CHECK_FALSE(found[0].date.has_value());
    CHECK(found[0].year_inferred);
}

TEST_CASE("days_in_month knows leap years") {
    CHECK(policy::days_in_month(2024, 2) == 29);
    CHECK(policy::days_in_month(1900, 2) == 28);
    CHECK(policy::days_in_month(2000, 2) == 29);
    CHECK(policy::days_in_month(2019, 11) == 30);
    CHECK(policy::iso_date(2019, 2, 29).empty());
}
