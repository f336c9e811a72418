// Unit tests of lib/diff.h and lib/myers.h: records built by hand, the dictionary-free
// tokenizer (character_words) standing in for the segmenter.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "diff.h"
#include "myers.h"

namespace {

using namespace policy;

Task make_task(const std::string& path, const std::string& text, std::vector<Department> departments = {},
               std::vector<std::string> deadlines = {}) {
    Task task;
    task.path = path;
    const std::size_t slash = path.rfind('/');
    task.section = slash == std::string::npos ? "" : path.substr(0, slash);
    task.number = slash == std::string::npos ? path : path.substr(slash + 1);
    task.text = text;
    task.departments = std::move(departments);
    for (const std::string& deadline : deadlines) {
        Deadline d;
        d.text = deadline;
        d.task = path;
        task.deadlines.push_back(d);
    }
    return task;
}

Record make_record(const std::vector<std::pair<std::string, std::string>>& sections, std::vector<Task> tasks) {
    Record record;
    record.path = "notice.txt";
    for (const auto& [path, heading] : sections) {
        Section section;
        section.path = path;
        section.heading = heading;
        section.level = path.find('/') == std::string::npos ? 1 : 2;
        record.sections.push_back(section);
    }
    record.tasks = std::move(tasks);
    return record;
}

const std::vector<std::pair<std::string, std::string>> k_sections = {
    {"一", "强化重点行业领域安全风险防控"}, {"二", "强化安全生产责任落实"}, {"三", "加强安全生产基础保障"}};

const std::string k_coal = "全面开展全省高风险煤矿安全体检，精准实施一矿一策，强化灾害治理。（省应急管理厅牵头）";
const std::string k_chemicals =
    "打好危险化学品综合治理攻坚战，加快实施危化品生产企业搬迁改造工程。（省工业和信息化厅负责）";
const std::string k_fire =
    "持续推进冬春火灾防控和电气火灾等消防综合治理，加强人员密集场所排查整治。（省消防救援总队负责）";
const std::string k_traffic =
    "加强两客一危、桥梁隧道、急弯陡坡等道路交通安全隐患治理，推进公路安全生命防护工程建设。（省交通运输厅负责）";
const std::string k_law = "推进吉林省安全生产条例修订工作，指导推动安全生产地方性法规建设。（省司法厅牵头）";
const std::string k_training =
    "组织市县两级政府分管领导和应急管理局主要负责人培训，牢固树立安全发展理念。（省应急管理厅负责）";

Record base_record() {
    return make_record(k_sections,
                       {make_task("一/1", k_coal), make_task("一/2", k_chemicals), make_task("一/3", k_fire),
                        make_task("二/4", k_traffic), make_task("三/5", k_law), make_task("三/6", k_training)});
}

DiffResult run_diff(const Record& old_record, const Record& new_record, double threshold = k_default_threshold) {
    DiffOptions options;
    options.threshold = threshold;
    return diff_records(old_record, new_record, &character_words, options);
}

const TaskPair* pair_for_old(const DiffResult& result, const std::string& path) {
    for (const TaskPair& pair : result.pairs) {
        if (pair.old_task && pair.old_task->path == path) {
            return &pair;
        }
    }
    return nullptr;
}

const TaskPair* pair_for_new(const DiffResult& result, const std::string& path) {
    for (const TaskPair& pair : result.pairs) {
        if (pair.new_task && pair.new_task->path == path) {
            return &pair;
        }
    }
    return nullptr;
}

std::string joined(const std::vector<Edit>& edits, bool old_side) {
    std::string text;
    for (const Edit& edit : edits) {
        if (edit.op == Edit::Op::equal || (old_side ? edit.op == Edit::Op::remove : edit.op == Edit::Op::insert)) {
            text += edit.text;
        }
    }
    return text;
}

}  // namespace

TEST_CASE("character_words makes each Han character a word and keeps Latin and digit runs whole") {
    CHECK(character_words("加强 GDP，2019年底前") ==
          std::vector<std::string>{"加", "强", "GDP", "2019", "年", "底", "前"});
    CHECK(character_words("，。、（）").empty());
}

TEST_CASE("myers_diff finds the shortest edit script of the paper's example") {
    // ABCABBA → CBABAC needs D = 5 (Myers 1986, figure 1).
    const std::vector<std::uint32_t> a = {'A', 'B', 'C', 'A', 'B', 'B', 'A'};
    const std::vector<std::uint32_t> b = {'C', 'B', 'A', 'B', 'A', 'C'};
    std::size_t edits = 0, equal = 0, from_a = 0, from_b = 0;
    for (const EditRun& run : myers_diff(a, b)) {
        if (run.op == EditOp::equal) {
            equal += run.count;
            from_a += run.count;
            from_b += run.count;
        } else {
            edits += run.count;
            (run.op == EditOp::remove ? from_a : from_b) += run.count;
        }
    }
    CHECK(edits == 5);
    CHECK(equal == 4);
    CHECK(from_a == a.size());
    CHECK(from_b == b.size());
}

TEST_CASE("myers_diff of identical and of empty sequences") {
    const std::vector<std::uint32_t> a = {1, 2, 3};
    const std::vector<EditRun> same = myers_diff(a, a);
    REQUIRE(same.size() == 1);
    CHECK(same[0].op == EditOp::equal);
    CHECK(same[0].count == 3);
    const std::vector<EditRun> from_empty = myers_diff({}, a);
    REQUIRE(from_empty.size() == 1);
    CHECK(from_empty[0].op == EditOp::insert);
    CHECK(myers_diff({}, {}).empty());
}

TEST_CASE("myers_diff over its cost limit still gives a correct script") {
    const std::vector<std::uint32_t> a = {1, 2, 3, 4, 5, 9};
    const std::vector<std::uint32_t> b = {1, 6, 7, 8, 9};
    const std::vector<EditRun> runs = myers_diff(a, b, 1);
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].op == EditOp::equal);
    CHECK(runs[1].op == EditOp::remove);
    CHECK(runs[1].count == 4);
    CHECK(runs[2].op == EditOp::insert);
    CHECK(runs[2].count == 3);
    CHECK(runs[3].op == EditOp::equal);
}

TEST_CASE("word edits work on whole words and reassemble both texts exactly") {
    const std::string before = "加强安全培训，落实责任。";
    const std::string after = "加强消防培训，落实责任。";
    // A fake segmenter that knows the two-character words.
    const Tokenizer tokenize = [](std::string_view text) {
        std::vector<std::string> words;
        std::string_view rest = text;
        while (!rest.empty()) {
            bool found = false;
            for (const char* word : {"加强", "安全", "消防", "培训", "落实", "责任"}) {
                if (rest.substr(0, std::string_view(word).size()) == word) {
                    words.emplace_back(word);
                    rest.remove_prefix(std::string_view(word).size());
                    found = true;
                    break;
                }
            }
            if (!found) {
                rest.remove_prefix(static_cast<unsigned char>(rest[0]) < 0x80 ? 1 : 3);  // punctuation
            }
        }
        return words;
    };
    const std::vector<Edit> edits = word_edits(before, after, tokenize);
    REQUIRE(edits.size() == 4);
    CHECK(edits[0].op == Edit::Op::equal);
    CHECK(edits[0].text == "加强");
    CHECK(edits[1].op == Edit::Op::remove);
    CHECK(edits[1].text == "安全");
    CHECK(edits[2].op == Edit::Op::insert);
    CHECK(edits[2].text == "消防");
    CHECK(edits[3].op == Edit::Op::equal);
    CHECK(edits[3].text == "培训，落实责任。");
    CHECK(joined(edits, true) == before);
    CHECK(joined(edits, false) == after);
}

TEST_CASE("the assignment maximises total weight where greedy best-first would not") {
    // Greedy takes (0,0) = 0.9 and leaves nothing; the optimum pairs 0-1 and 1-0 for 1.6.
    const std::vector<SimilarPair> pairs = {{0, 0, 0.9}, {0, 1, 0.8}, {1, 0, 0.8}};
    const std::vector<double> weights = {0.9, 0.8, 0.8};
    CHECK(assign_pairs(pairs, weights) == std::vector<std::size_t>{1, 2});
    // Above the exact limit the component is solved greedily.
    CHECK(assign_pairs(pairs, weights, 1) == std::vector<std::size_t>{0});
}

TEST_CASE("an identical notice comes out all unchanged") {
    const DiffResult result = run_diff(base_record(), base_record());
    CHECK(result.summary.counts.at(PairClass::unchanged) == 6);
    CHECK(result.summary.counts.at(PairClass::modified) == 0);
    CHECK(result.summary.counts.at(PairClass::added) == 0);
    CHECK(result.summary.counts.at(PairClass::removed) == 0);
    CHECK(result.sections.empty());
    for (const TaskPair& pair : result.pairs) {
        CHECK(pair.similarity == 1.0);
        CHECK(pair.edits.empty());
    }
}

TEST_CASE("a renumbered task in the same section is unchanged, not moved") {
    Record after = base_record();
    after.tasks.erase(after.tasks.begin());  // 一/1 deleted: the rest of 一 renumbered
    after.tasks[0].path = "一/1";
    after.tasks[1].path = "一/2";
    const DiffResult result = run_diff(base_record(), after);
    const TaskPair* pair = pair_for_old(result, "一/2");
    REQUIRE(pair != nullptr);
    CHECK(pair->kind == PairClass::unchanged);
    REQUIRE(pair->new_task);
    CHECK(pair->new_task->path == "一/1");
    const TaskPair* gone = pair_for_old(result, "一/1");
    REQUIRE(gone != nullptr);
    CHECK(gone->kind == PairClass::removed);
    CHECK(!gone->new_task);
}

TEST_CASE("width and white space differences alone leave a task unchanged") {
    Record after = base_record();
    after.tasks[0].text = "全面开展全省高风险煤矿安全体检, 精准实施一矿一策，强化灾害治理。 （省应急管理厅牵头）";
    const DiffResult result = run_diff(base_record(), after);
    CHECK(pair_for_old(result, "一/1")->kind == PairClass::unchanged);
}

TEST_CASE("a task under another section is moved") {
    Record after = base_record();
    after.tasks[2] = make_task("三/5", k_fire);  // 一/3 goes to the head of section 三
    std::swap(after.tasks[2], after.tasks[3]);
    after.tasks[4].path = "三/6";
    after.tasks[5].path = "三/7";
    const DiffResult result = run_diff(base_record(), after);
    const TaskPair* pair = pair_for_old(result, "一/3");
    REQUIRE(pair != nullptr);
    CHECK(pair->kind == PairClass::moved);
    CHECK_FALSE(pair->text_changed);
    CHECK(pair->new_task->path == "三/5");
    CHECK(result.summary.counts.at(PairClass::moved) == 1);
    CHECK(result.summary.counts.at(PairClass::unchanged) == 5);
}

TEST_CASE("a task both moved and reworded is moved, with its edits") {
    Record after = base_record();
    after.tasks[4] =
        make_task("二/5", "推进吉林省安全生产条例修订工作，指导推动安全生产地方标准建设。（省司法厅牵头）");
    const DiffResult result = run_diff(base_record(), after);
    const TaskPair* pair = pair_for_old(result, "三/5");
    REQUIRE(pair != nullptr);
    CHECK(pair->kind == PairClass::moved);
    CHECK(pair->text_changed);
    CHECK(!pair->edits.empty());
    CHECK(pair->similarity < 1.0);
}

TEST_CASE("when sections are renumbered their tasks are not moved") {
    // Section 一 dropped whole: 二 becomes 一 and 三 becomes 二, headings kept.
    Record before = base_record();
    Record after = make_record({{"一", k_sections[1].second}, {"二", k_sections[2].second}},
                               {make_task("一/1", k_traffic), make_task("二/2", k_law), make_task("二/3", k_training)});
    const DiffResult result = run_diff(before, after);
    CHECK(pair_for_old(result, "二/4")->kind == PairClass::unchanged);
    CHECK(pair_for_old(result, "三/5")->kind == PairClass::unchanged);
    CHECK(result.summary.counts.at(PairClass::removed) == 3);
    int renumbered = 0, removed = 0;
    for (const SectionChange& change : result.sections) {
        renumbered += change.change == "renumbered";
        removed += change.change == "removed";
    }
    CHECK(renumbered == 2);
    CHECK(removed == 1);
}

TEST_CASE("a reworded task is modified, with its similarity and word-level edits") {
    Record after = base_record();
    after.tasks[1].text = "打好危险化学品安全综合治理攻坚战，加快推进危化品生产企业搬迁改造。（省工业和信息化厅负责）";
    const DiffResult result = run_diff(base_record(), after);
    const TaskPair* pair = pair_for_old(result, "一/2");
    REQUIRE(pair != nullptr);
    CHECK(pair->kind == PairClass::modified);
    CHECK(pair->similarity > 0.5);
    CHECK(pair->similarity < 1.0);
    CHECK(joined(pair->edits, true) == k_chemicals);
    CHECK(joined(pair->edits, false) == after.tasks[1].text);
    bool inserted_safety = false;
    for (const Edit& edit : pair->edits) {
        inserted_safety = inserted_safety || (edit.op == Edit::Op::insert && edit.text == "安全");
    }
    CHECK(inserted_safety);
}

TEST_CASE("a deleted task is removed and an inserted one added") {
    Record after = base_record();
    after.tasks.erase(after.tasks.begin() + 3);  // 二/4 traffic
    after.tasks.push_back(make_task("三/7", "开展尾矿库隐患排查治理，汛期前完成尾矿库治理任务。（省应急管理厅负责）"));
    const DiffResult result = run_diff(base_record(), after);
    CHECK(pair_for_old(result, "二/4")->kind == PairClass::removed);
    const TaskPair* added = pair_for_new(result, "三/7");
    REQUIRE(added != nullptr);
    CHECK(added->kind == PairClass::added);
    CHECK(!added->old_task);
    CHECK(result.summary.counts.at(PairClass::added) == 1);
    CHECK(result.summary.counts.at(PairClass::removed) == 1);
    CHECK(result.summary.counts.at(PairClass::unchanged) == 5);
}

TEST_CASE("an unrelated task sharing a few common words is not matched to a deleted one") {
    Record before = make_record(k_sections, {make_task("一/1", k_coal)});
    Record after =
        make_record(k_sections, {make_task("一/1", "加强安全生产宣传教育，开展安全生产月活动。（省委宣传部牵头）")});
    const DiffResult result = run_diff(before, after);
    CHECK(result.summary.counts.at(PairClass::removed) == 1);
    CHECK(result.summary.counts.at(PairClass::added) == 1);
}

TEST_CASE("the threshold decides between a weak match and added plus removed") {
    Record before = make_record(k_sections, {make_task("一/1", k_chemicals)});
    Record after = make_record(
        k_sections, {make_task("一/1", "打好危险化学品综合治理攻坚战，开展烟花爆竹专项整治。（省应急管理厅负责）")});
    const DiffResult low = run_diff(before, after, 0.1);
    REQUIRE(low.pairs.size() == 1);
    CHECK(low.pairs[0].kind == PairClass::modified);
    const double similarity = low.pairs[0].similarity;
    const DiffResult high = run_diff(before, after, similarity + 0.01);
    CHECK(high.pairs.size() == 2);
    CHECK(high.summary.counts.at(PairClass::added) == 1);
    CHECK(high.summary.counts.at(PairClass::removed) == 1);
}

TEST_CASE("department changes on a matched task: lead gained and lost, bodies added and dropped") {
    Record before =
        make_record(k_sections, {make_task("一/1", k_coal + "（省应急管理厅牵头，省公安厅负责）",
                                           {{"省应急管理厅", "lead", ""}, {"省公安厅", "responsible", ""}})});
    Record after = make_record(k_sections, {make_task("一/1", k_coal + "（省公安厅牵头，省能源局负责）",
                                                      {{"省公安厅", "lead", ""}, {"省能源局", "responsible", ""}})});
    const DiffResult result = run_diff(before, after);
    REQUIRE(result.pairs.size() == 1);
    const std::vector<DepartmentChange>& changes = result.pairs[0].departments;
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].name == "省应急管理厅");
    CHECK(changes[0].change == "dropped");
    CHECK(changes[0].old_role == "lead");
    CHECK(changes[1].name == "省公安厅");
    CHECK(changes[1].change == "lead_gained");
    CHECK(changes[2].name == "省能源局");
    CHECK(changes[2].change == "added");
    CHECK(changes[2].new_role == "responsible");
}

TEST_CASE("deadline and citation changes are reported per task and per notice") {
    Record before = make_record(k_sections, {make_task("一/1", k_coal, {}, {"2019年底前"})});
    before.tasks[0].text += "落实《安全生产法》。";
    Record after = make_record(k_sections, {make_task("一/1", k_coal, {}, {"2020年6月底前"})});
    after.tasks[0].text += "落实《吉林省安全生产条例》。";
    Citation old_citation;
    old_citation.kind = "title";
    old_citation.text = "安全生产法";
    old_citation.task = "一/1";
    before.citations.push_back(old_citation);
    Citation new_citation = old_citation;
    new_citation.text = "吉林省安全生产条例";
    after.citations.push_back(new_citation);
    Deadline notice_deadline;
    notice_deadline.text = "2019年底前";
    before.deadlines.push_back(notice_deadline);
    const DiffResult result = run_diff(before, after);
    REQUIRE(result.pairs.size() == 1);
    const TaskPair& pair = result.pairs[0];
    CHECK(pair.deadlines_added == std::vector<std::string>{"2020年6月底前"});
    CHECK(pair.deadlines_removed == std::vector<std::string>{"2019年底前"});
    CHECK(pair.citations_added == std::vector<std::string>{"吉林省安全生产条例"});
    CHECK(pair.citations_dropped == std::vector<std::string>{"安全生产法"});
    CHECK(result.deadlines_removed == std::vector<std::string>{"2019年底前"});
    CHECK(result.deadlines_added.empty());
    CHECK(result.citations_added == std::vector<std::string>{"吉林省安全生产条例"});
    CHECK(result.citations_dropped == std::vector<std::string>{"安全生产法"});
}

TEST_CASE("section headings: renamed, added and removed") {
    Record after =
        make_record({{"一", "强化重点行业领域安全风险防控和隐患治理"},
                     {"二", "强化安全生产责任落实"},
                     {"三", "深化安全生产执法改革"}},
                    {make_task("一/1", k_coal), make_task("一/2", k_chemicals), make_task("一/3", k_fire),
                     make_task("二/4", k_traffic), make_task("三/5", "创新执法检查方式方法，推行分类分级执法检查。")});
    Record before = base_record();
    before.tasks.pop_back();
    before.tasks.pop_back();  // section 三 has no tasks left to vote with
    const DiffResult result = run_diff(before, after);
    REQUIRE(result.sections.size() == 3);
    CHECK(result.sections[0].change == "renamed");
    CHECK(result.sections[0].old_section->path == "一");
    CHECK(result.sections[0].similarity > 0.5);
    CHECK(result.sections[1].change == "added");
    CHECK(result.sections[1].new_section->heading == "深化安全生产执法改革");
    CHECK(result.sections[2].change == "removed");
    CHECK(result.sections[2].old_section->heading == "加强安全生产基础保障");
}

TEST_CASE("the summary ranks departments by how much responsibility they gained or lost") {
    Record before = make_record(k_sections, {make_task("一/1", k_coal, {{"省应急管理厅", "lead", ""}}),
                                             make_task("一/2", k_chemicals, {{"省应急管理厅", "lead", ""}}),
                                             make_task("一/3", k_fire, {{"省消防救援总队", "responsible", ""}})});
    Record after = make_record(k_sections, {make_task("一/1", k_fire, {{"省消防救援总队", "responsible", ""}}),
                                            make_task("一/2", k_law, {{"省司法厅", "lead", ""}})});
    const DiffResult result = run_diff(before, after);
    REQUIRE(result.summary.departments.size() == 2);
    CHECK(result.summary.departments[0].name == "省应急管理厅");
    CHECK(result.summary.departments[0].lost == 2);
    CHECK(result.summary.departments[0].lead_lost == 2);
    CHECK(result.summary.departments[1].name == "省司法厅");
    CHECK(result.summary.departments[1].gained == 1);
}

TEST_CASE("pairs follow the new notice, removed tasks where they stood") {
    Record after = base_record();
    after.tasks.erase(after.tasks.begin() + 1);
    const DiffResult result = run_diff(base_record(), after);
    std::vector<std::string> order;
    for (const TaskPair& pair : result.pairs) {
        order.push_back(pair.old_task ? pair.old_task->path : "+" + pair.new_task->path);
    }
    CHECK(order == std::vector<std::string>{"一/1", "一/2", "一/3", "二/4", "三/5", "三/6"});
    CHECK(result.pairs[1].kind == PairClass::removed);
}

TEST_CASE("the JSON form has a summary of every class and pairs with old, new, similarity and edits") {
    Record after = base_record();
    after.tasks[1].text = "打好危险化学品安全综合治理攻坚战，加快推进危化品生产企业搬迁改造。（省工业和信息化厅负责）";
    after.tasks.erase(after.tasks.begin() + 3);
    const nlohmann::json json = to_json(run_diff(base_record(), after));
    CHECK(json["summary"] ==
          nlohmann::json{{"unchanged", 4}, {"modified", 1}, {"moved", 0}, {"added", 0}, {"removed", 1}});
    REQUIRE(json["pairs"].size() == 6);
    const nlohmann::json& modified = json["pairs"][1];
    CHECK(modified["class"] == "modified");
    CHECK(modified["old"]["path"] == "一/2");
    CHECK(modified["old"]["text"] == k_chemicals);
    CHECK(modified["new"]["path"] == "一/2");
    CHECK(modified["similarity"].get<double>() > 0.5);
    CHECK(modified["edits"][0]["op"] == "equal");
    const nlohmann::json& removed = json["pairs"][3];
    CHECK(removed["class"] == "removed");
    CHECK(removed["new"].is_null());
    CHECK(removed["old"]["text"] == k_traffic);
}

TEST_CASE("the text form puts the summary first and marks edits without colour as git word-diff does") {
    Record after = base_record();
    after.tasks[5].text =
        "组织市县两级政府分管领导和应急管理局主要负责人专题培训，牢固树立安全发展理念。（省应急管理厅负责）";
    const DiffResult result = run_diff(base_record(), after);
    const std::string plain = render_text(result, false);
    CHECK(plain.find("Summary") < plain.find("Tasks"));
    CHECK(plain.find("5 unchanged, 1 modified, 0 moved, 0 added, 0 removed") != std::string::npos);
    CHECK(plain.find("{+专题+}") != std::string::npos);
    CHECK(plain.find("\x1b[") == std::string::npos);
    const std::string coloured = render_text(result, true);
    CHECK(coloured.find("\x1b[32m专题\x1b[0m") != std::string::npos);
}

TEST_CASE("the CSV rows are one per aligned pair") {
    Record after = base_record();
    after.tasks.erase(after.tasks.begin());
    const ResultSet rows = to_result_set(run_diff(base_record(), after));
    CHECK(rows.rows.size() == 6);
    CHECK(rows.columns[0] == "class");
    CHECK(std::get<std::string>(rows.rows[0][0]) == "removed");
    CHECK(std::holds_alternative<std::monostate>(rows.rows[0][*rows.column("new_path")]));
}

TEST_CASE("the HTML page is self-contained and escapes the text") {
    Record after = base_record();
    after.tasks[0].text = "<script>alert(1)</script>" + k_coal;
    const std::string html = render_html(run_diff(base_record(), after));
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("<ins>") != std::string::npos);
}
