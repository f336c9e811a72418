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

TEST_CASE("a task that opens with who does it; a 任务分工 list's dash ends the task's title") {
    auto rules = policy::DepartmentRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    auto names = [&](const std::string& input) {
        const std::string text = normalised(input);
        std::vector<std::string> out;
        for (const auto& found : rules->find_opening(text)) {
            out.push_back(text.substr(found.begin, found.end - found.begin) + ":" + found.role);
        }
        return out;
    };
    CHECK(names("由省市场监管局牵头，省公安厅、省商务厅配合，开展专项整治。") ==
          std::vector<std::string>{"省市场监管局:lead", "省公安厅:responsible", "省商务厅:responsible"});
    CHECK(names("开展风险摸底排查——省应急厅牵头，2019年8月底前完成") == std::vector<std::string>{"省应急厅:lead"});
    CHECK(names("强化专业监管力量——省委编办、省应急厅牵头，2019年年底前完成") ==
          std::vector<std::string>{"省委编办:lead", "省应急厅:lead"});
    CHECK(names("加强与公安部门会同执法，严厉打击非法行为。").empty());
    // A body's bracket of any length, as in the parenthesis (it once had to be 12 characters
    // or fewer, which made the rule's program 100,000 instructions and 80 ms to compile).
    CHECK(names("由市交通运输局（市公路事业发展中心、市港航管理中心）牵头，市公安局交警支队配合，开展整治。") ==
          std::vector<std::string>{"市交通运输局(市公路事业发展中心、市港航管理中心):lead",
                                   "市公安局交警支队:responsible"});
    // A parenthesis in the middle of a task is no opening (nor a name with a bracket in it).
    CHECK(names("完成检查（省煤炭工业局牵头，省国土资源厅配合），并于年底前验收。").empty());
}
