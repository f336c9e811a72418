// End-to-end: `policy extract --no-index` in each output format, from the real binary.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

using policy::test::lines_of;

using policy::test::run_policy;
using policy::test::source_path;

const std::string k_notice = "corpus/jilin-anweihui-2019-gongzuo-yaodian.txt";

}  // namespace

TEST_CASE("--format table prints one row per task with its departments") {
    const auto run = run_policy({"extract", "--no-index", "--format", "table", source_path(k_notice)});
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 2 + 31);  // header, rule, 31 tasks
    CHECK(lines[0].starts_with("file"));
    CHECK(lines[0].find("responsible") != std::string::npos);
    CHECK(lines[2].find("一/1") != std::string::npos);
    CHECK(lines[2].find("省委宣传部、省应急管理厅") != std::string::npos);
}

TEST_CASE("--format jsonl prints one record per line, json an array for several files") {
    const auto jsonl = run_policy({"extract", "--no-index", "--format", "jsonl", source_path(k_notice),
                                   source_path("corpus/jilin-gongxinting-2024-anquan-shengchan-yaodian.txt")});
    REQUIRE(jsonl.exit_code == 0);
    const auto lines = lines_of(jsonl.out);
    REQUIRE(lines.size() == 2);
    CHECK(nlohmann::json::parse(lines[0])["doc_number"] == "吉安委〔2019〕6号");
    CHECK(nlohmann::json::parse(lines[1])["tasks"].size() == 11);
    const auto json = run_policy({"extract", "--no-index", "--format", "json", source_path(k_notice),
                                  source_path("corpus/jilin-gongxinting-2024-anquan-shengchan-yaodian.txt")});
    REQUIRE(json.exit_code == 0);
    const auto array = nlohmann::json::parse(json.out);
    REQUIRE(array.is_array());
    CHECK(array.size() == 2);
}

TEST_CASE("--format summary names the notice and counts what it found") {
    const auto run = run_policy({"extract", "--no-index", "--format", "summary", source_path(k_notice)});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("吉安委〔2019〕6号") != std::string::npos);
    CHECK(run.out.find("tasks 31") != std::string::npos);
}
