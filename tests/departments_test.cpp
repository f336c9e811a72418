#include <doctest/doctest.h>

#include "departments.h"
#include "test_support.h"

using policy::test::normalised;

namespace {

// What `find` (a DepartmentRules reader) finds in `input`, as name:role.
std::vector<std::string> bodies_found(
    const policy::DepartmentRules& rules,
    std::vector<policy::DepartmentSpan> (policy::DepartmentRules::*find)(std::string_view) const,
    const std::string& input) {
    const std::string text = normalised(input);
    std::vector<std::string> out;
    for (const auto& found : (rules.*find)(text)) {
        out.push_back(text.substr(found.begin, found.end - found.begin) + ":" + found.role);
    }
    return out;
}

}  // namespace

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
        return bodies_found(*rules, &policy::DepartmentRules::find_opening, input);
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

TEST_CASE("parentheses closing a task's sentences before its end name its bodies too") {
    auto rules = policy::DepartmentRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    auto names = [&](const std::string& input) {
        return bodies_found(*rules, &policy::DepartmentRules::find_inner, input);
    };
    // After a full stop, before the next sentence; before a comma; before a ； and a sub-item.
    CHECK(names("落实领导职责。（省委组织部、省安全监管局牵头，省委办公厅配合）将安全生产纳入考核（省人社厅负责）") ==
          std::vector<std::string>{"省委组织部:lead", "省安全监管局:lead", "省委办公厅:responsible"});
    CHECK(names("严格落实挂牌督办制度（省安委办牵头），并开展“回头看”。") == std::vector<std::string>{"省安委办:lead"});
    CHECK(names("（1）完成年度改造任务（市住建局负责）；（2）推动特种设备淘汰（市市场监管局负责）。") ==
          std::vector<std::string>{"市住建局:responsible"});
    // A time clause beside the bodies names nobody.
    CHECK(names("完成考核巡查（省安委会办公室负责，2024年9月底前出台）；建立长效机制。") ==
          std::vector<std::string>{"省安委会办公室:responsible"});
    // Not the parenthesis ending the text (find reads it), one inside a sentence that goes on,
    // one inside a title, nor one whose role word is inside a name.
    CHECK(names("开展专项整治（省公安厅负责）。").empty());
    CHECK(names("完成检查（省煤炭工业局牵头）并于年底前验收。").empty());
    CHECK(names("贯彻《关于加强监管（省应急厅负责）的意见》，开展检查。").empty());
    CHECK(names("建设“一个中心、三大平台”（信息数据中心，监管综合信息平台），建成监管系统。").empty());
}
