// End-to-end tests of `policy diff`: the real binary on small notices written here and on the
// corpus, every output format parsed back, colour choices and exit codes.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "tabular.h"
#include "test_support.h"

namespace {

using policy::test::run_policy;
using policy::test::RunResult;
using policy::test::TempDir;
using policy::test::write_file;

const std::string k_old_notice =
    "关于印发2019年安全生产工作要点的通知\n\n"
    "一、强化重点行业领域安全风险防控\n\n"
    "1.全面开展全省高风险煤矿安全体检，精准实施一矿一策，强化灾害治理。（省应急管理厅牵头，省能源局分工负责）\n\n"
    "2.打好危险化学品综合治理攻坚战，加快实施危化品生产企业搬迁改造工程。（省工业和信息化厅负责）\n\n"
    "3.持续推进冬春火灾防控和电气火灾等消防综合治理，加强人员密集场所排查整治。（省消防救援总队负责）\n\n"
    "二、强化安全生产责任落实\n\n"
    "4.加强两客一危、桥梁隧道、急弯陡坡等道路交通安全隐患治理，推进公路安全生命防护工程建设。（省交通运输厅负责）\n\n"
    "5.推进吉林省安全生产条例修订工作，指导推动安全生产地方性法规建设。（省司法厅牵头）\n";

// 1 reworded, 2 unchanged but renumbered, 3 deleted, 4 moved to section 一, 5 unchanged, 6 added.
const std::string k_new_notice =
    "关于印发2020年安全生产工作要点的通知\n\n"
    "一、强化重点行业领域安全风险防控\n\n"
    "1.全面开展全省高风险煤矿安全专项体检，精准实施一矿一策，强化水害治理。（省应急管理厅牵头，省能源局分工负责）\n\n"
    "2.打好危险化学品综合治理攻坚战，加快实施危化品生产企业搬迁改造工程。（省工业和信息化厅负责）\n\n"
    "3.加强两客一危、桥梁隧道、急弯陡坡等道路交通安全隐患治理，推进公路安全生命防护工程建设。（省交通运输厅负责）\n\n"
    "二、强化安全生产责任落实\n\n"
    "4.推进吉林省安全生产条例修订工作，指导推动安全生产地方性法规建设。（省司法厅牵头）\n\n"
    "5.开展尾矿库隐患排查治理，汛期前完成尾矿库治理任务。（省应急管理厅负责）\n";

struct Sides {
    TempDir dir;
    std::string old_path = dir.file("2019.txt");
    std::string new_path = dir.file("2020.txt");
    Sides() {
        write_file(old_path, k_old_notice);
        write_file(new_path, k_new_notice);
    }
};

const nlohmann::json* pair_with_old(const nlohmann::json& result, const std::string& path) {
    for (const nlohmann::json& pair : result["pairs"]) {
        if (!pair["old"].is_null() && pair["old"]["path"] == path) {
            return &pair;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("policy diff --format json aligns the tasks of two notices and classifies each") {
    Sides sides;
    const RunResult run = run_policy({"diff", "--format", "json", sides.old_path, sides.new_path});
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    const nlohmann::json result = nlohmann::json::parse(run.out);
    CHECK(result["summary"] ==
          nlohmann::json{{"unchanged", 2}, {"modified", 1}, {"moved", 1}, {"added", 1}, {"removed", 1}});
    const nlohmann::json* reworded = pair_with_old(result, "一/1");
    REQUIRE(reworded != nullptr);
    CHECK((*reworded)["class"] == "modified");
    CHECK((*reworded)["new"]["path"] == "一/1");
    CHECK((*reworded)["similarity"].get<double>() > 0.5);
    CHECK_FALSE((*reworded)["edits"].empty());
    const nlohmann::json* moved = pair_with_old(result, "二/4");
    REQUIRE(moved != nullptr);
    CHECK((*moved)["class"] == "moved");
    CHECK((*moved)["new"]["path"] == "一/3");
    const nlohmann::json* renumbered = pair_with_old(result, "二/5");
    REQUIRE(renumbered != nullptr);
    CHECK((*renumbered)["class"] == "unchanged");
    CHECK((*renumbered)["new"]["path"] == "二/4");
    const nlohmann::json* removed = pair_with_old(result, "一/3");
    REQUIRE(removed != nullptr);
    CHECK((*removed)["class"] == "removed");
    CHECK((*removed)["new"].is_null());
    CHECK((*removed)["old"]["text"].get<std::string>().rfind("持续推进冬春火灾防控", 0) == 0);
}

TEST_CASE("policy diff prints the summary first, then the changed tasks, without colour off a terminal") {
    Sides sides;
    const RunResult run = run_policy({"diff", sides.old_path, sides.new_path});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("1 unchanged") == std::string::npos);
    CHECK(run.out.find("2 unchanged, 1 modified, 1 moved, 1 added, 1 removed") != std::string::npos);
    CHECK(run.out.find("Summary") < run.out.find("Tasks"));
    CHECK(run.out.find("{+专项+}") != std::string::npos);
    CHECK(run.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("policy diff --color always colours and --color never does not") {
    Sides sides;
    const RunResult always = run_policy({"diff", "--color", "always", sides.old_path, sides.new_path});
    REQUIRE(always.exit_code == 0);
    CHECK(always.out.find("\x1b[32m") != std::string::npos);
    CHECK(always.out.find("\x1b[31m") != std::string::npos);
    const RunResult never = run_policy({"diff", "--color", "never", sides.old_path, sides.new_path});
    CHECK(never.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("policy diff colours on a terminal unless NO_COLOR is set") {
    if (std::system("command -v script >/dev/null 2>&1") != 0) {
        return;  // util-linux script(1) gives the binary a terminal
    }
    Sides sides;
    auto on_terminal = [&](const std::string& environment) {
        const std::string out = sides.dir.file("tty.out");
        const std::string command = std::string(POLICY_BINARY) + " diff " + sides.old_path + " " + sides.new_path;
        const std::string shell = environment + " script -qec " + policy::test::shell_quote(command) + " /dev/null >" +
                                  policy::test::shell_quote(out) + " 2>&1";
        if (std::system(shell.c_str()) != 0) {
            return std::string("no terminal");  // no pseudo-terminal here (a sandbox)
        }
        return policy::test::read_file(out);
    };
    const std::string coloured = on_terminal("env -u NO_COLOR");
    if (coloured == "no terminal") {
        MESSAGE("script(1) could not open a pseudo-terminal; colour on a terminal not tested");
        return;
    }
    CHECK(coloured.find("\x1b[32m") != std::string::npos);
    CHECK(on_terminal("env NO_COLOR=1").find("\x1b[") == std::string::npos);
}

TEST_CASE("policy diff --format csv writes one row per aligned pair") {
    Sides sides;
    const RunResult run = run_policy({"diff", "--format", "csv", sides.old_path, sides.new_path});
    REQUIRE(run.exit_code == 0);
    auto rows = policy::parse_csv(run.out);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 7);  // header and six pairs
    CHECK((*rows)[0][0] == "class");
    CHECK((*rows)[0][1] == "similarity");
    int moved = 0;
    for (const auto& row : *rows) {
        moved += row[0] == "moved";
    }
    CHECK(moved == 1);
}

TEST_CASE("policy diff --format html is one self-contained page") {
    Sides sides;
    const RunResult run = run_policy({"diff", "--format", "html", sides.old_path, sides.new_path});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(run.out.find("</html>") != std::string::npos);
    CHECK(run.out.find("http://") == std::string::npos);
    CHECK(run.out.find("https://") == std::string::npos);
    CHECK(run.out.find("<script") == std::string::npos);
    CHECK(run.out.find("<link") == std::string::npos);
    CHECK(run.out.find("<ins>专项</ins>") != std::string::npos);
}

TEST_CASE("policy diff reads one side from standard input") {
    Sides sides;
    const RunResult run = run_policy({"diff", "--format", "json", "-", sides.new_path}, k_old_notice);
    REQUIRE(run.exit_code == 0);
    CHECK(nlohmann::json::parse(run.out)["summary"]["unchanged"] == 2);
}

TEST_CASE("policy diff accepts records printed by policy extract --format json") {
    Sides sides;
    const RunResult old_record = run_policy({"extract", "--no-index", "--format", "json", sides.old_path});
    REQUIRE(old_record.exit_code == 0);
    write_file(sides.dir.file("old.json"), old_record.out);
    const RunResult run = run_policy({"diff", "--format", "json", sides.dir.file("old.json"), sides.new_path});
    REQUIRE(run.exit_code == 0);
    CHECK(nlohmann::json::parse(run.out)["summary"]["moved"] == 1);
}

TEST_CASE("policy diff exits 3 naming the side it cannot read") {
    Sides sides;
    const std::string missing = sides.dir.file("missing.txt");
    const RunResult run = run_policy({"diff", missing, sides.new_path});
    CHECK(run.exit_code == 3);
    CHECK(run.out.empty());
    CHECK(run.err.rfind("policy: ", 0) == 0);
    CHECK(run.err.find("missing.txt") != std::string::npos);
}

TEST_CASE("policy diff exits 2 on bad arguments") {
    Sides sides;
    CHECK(run_policy({"diff", "--format", "xml", sides.old_path, sides.new_path}).exit_code == 2);
    CHECK(run_policy({"diff", "--threshold", "1.5", sides.old_path, sides.new_path}).exit_code == 2);
    CHECK(run_policy({"diff", "--color", "sometimes", sides.old_path, sides.new_path}).exit_code == 2);
    CHECK(run_policy({"diff", sides.old_path}).exit_code == 2);
    const RunResult both_stdin = run_policy({"diff", "-", "-"});
    CHECK(both_stdin.exit_code == 2);
    CHECK(both_stdin.err == "policy: diff: only one side can be - (standard input)\n");
}

TEST_CASE("a higher --threshold turns a reworded task into removed plus added") {
    Sides sides;
    const RunResult run =
        run_policy({"diff", "--format", "json", "--threshold", "0.99", sides.old_path, sides.new_path});
    REQUIRE(run.exit_code == 0);
    const nlohmann::json result = nlohmann::json::parse(run.out);
    CHECK(result["summary"]["modified"] == 0);
    CHECK(result["summary"]["added"] == 2);
    CHECK(result["summary"]["removed"] == 2);
}

TEST_CASE("the 2019 and 2024 work points of the corpus, by different issuers, come out mostly added and removed") {
    const RunResult run = run_policy(
        {"diff", "--format", "json", policy::test::source_path("corpus/jilin-anweihui-2019-gongzuo-yaodian.txt"),
         policy::test::source_path("corpus/jilin-gongxinting-2024-anquan-shengchan-yaodian.txt")});
    REQUIRE(run.exit_code == 0);
    const nlohmann::json result = nlohmann::json::parse(run.out);
    const int matched = result["summary"]["modified"].get<int>() + result["summary"]["moved"].get<int>() +
                        result["summary"]["unchanged"].get<int>();
    CHECK(matched >= 1);
    CHECK(matched <= 3);
    CHECK(result["summary"]["removed"].get<int>() >= 28);
    // Both open with studying the General Secretary's remarks on work safety.
    const nlohmann::json* study = pair_with_old(result, "一/1");
    REQUIRE(study != nullptr);
    CHECK(study->at("class") == "modified");
    CHECK(study->at("new")["path"] == "一/1");
}

TEST_CASE("policy diff compares indexed notices named as policy show takes them") {
    Sides sides;
    const std::string db = sides.dir.file("policy.db");
    REQUIRE(run_policy({"extract", "--db", db, sides.old_path, sides.new_path}).exit_code == 0);
    const RunResult run = run_policy({"diff", "--db", db, "--format", "json", "2019.txt", sides.new_path});
    REQUIRE(run.exit_code == 0);
    const nlohmann::json result = nlohmann::json::parse(run.out);
    CHECK(result["summary"] ==
          nlohmann::json{{"unchanged", 2}, {"modified", 1}, {"moved", 1}, {"added", 1}, {"removed", 1}});
    CHECK(result["old_notice"]["title"] == "关于印发2019年安全生产工作要点的通知");
}
