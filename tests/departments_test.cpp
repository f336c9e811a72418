#include <doctest/doctest.h>

#include "departments.h"
#include "test_support.h"

using policy::test::normalised;

TEST_CASE("department cases from tests/cases/departments.jsonl") {
    auto rules = policy::DepartmentRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    for (const auto& c : policy::test::load_cases("departments.jsonl")) {
        const std::string text = normalised(c["input"].get<std::string>());
        CAPTURE(c["id"].get<std::string>());
        const auto found = rules->find(text);
        const auto& expected = c["expected"];
        REQUIRE(found.size() == expected.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            CHECK(text.substr(found[i].begin, found[i].end - found[i].begin) ==
                  normalised(expected[i]["name"].get<std::string>()));
            CHECK(found[i].role == expected[i]["role"].get<std::string>());
        }
    }
}

TEST_CASE("aliases map to the canonical department") {
    auto rules = policy::DepartmentRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    CHECK(rules->canonical("省工信厅") == "省工业和信息化厅");
    CHECK(rules->canonical("省安委办") == "省安委会办公室");
    CHECK(rules->canonical("某某不存在的局") == "某某不存在的局");
}
