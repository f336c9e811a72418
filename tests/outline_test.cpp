#include <doctest/doctest.h>

#include "outline.h"
#include "test_support.h"

using policy::MarkerKind;
using policy::test::normalised;

namespace {

MarkerKind kind_named(const std::string& name) {
    if (name == "heading1")
        return MarkerKind::heading1;
    if (name == "heading2")
        return MarkerKind::heading2;
    if (name == "item")
        return MarkerKind::item;
    if (name == "subitem")
        return MarkerKind::subitem;
    if (name == "enumeration")
        return MarkerKind::enumeration;
    if (name == "part")
        return MarkerKind::part;
    if (name == "division")
        return MarkerKind::division;
    if (name == "article")
        return MarkerKind::article;
    return MarkerKind::none;
}

policy::OutlineMarker marker(MarkerKind kind, int value, const std::string& numeral) {
    policy::OutlineMarker m;
    m.kind = kind;
    m.value = value;
    m.numeral = numeral;
    return m;
}

// The nodes' outline paths, in order.
std::vector<std::string> node_paths(const std::vector<policy::OutlineNode>& nodes) {
    std::vector<std::string> paths;
    for (const auto& node : nodes) {
        paths.push_back(node.path);
    }
    return paths;
}

}  // namespace

TEST_CASE("outline marker cases from tests/cases/outline.jsonl") {
    auto rules = policy::OutlineRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    for (const auto& c : policy::test::load_cases("outline.jsonl")) {
        const std::string text = normalised(c["input"].get<std::string>());
        CAPTURE(c["id"].get<std::string>());
        const auto found = rules->classify(text);
        const auto& e = c["expected"];
        CHECK(found.kind == kind_named(e["kind"].get<std::string>()));
        if (found.kind != MarkerKind::none && e["value"].get<int>() != 0) {
            CHECK(found.value == e["value"].get<int>());
        }
        if (!e["rest"].is_null()) {
            CHECK(text.substr(found.text_begin) == normalised(e["rest"].get<std::string>()));
        }
    }
}

TEST_CASE("Chinese numerals parse") {
    CHECK(policy::parse_chinese_numeral("一") == 1);
    CHECK(policy::parse_chinese_numeral("十") == 10);
    CHECK(policy::parse_chinese_numeral("十二") == 12);
    CHECK(policy::parse_chinese_numeral("二十") == 20);
    CHECK(policy::parse_chinese_numeral("三十五") == 35);
    CHECK(policy::parse_chinese_numeral("一百零五") == 105);
    CHECK(policy::parse_chinese_numeral("二〇一九") == 2019);
    CHECK(policy::parse_chinese_numeral("甲") == -1);
    // Years digit by digit, their zero typed every way.
    CHECK(policy::parse_chinese_year("二〇二二") == 2022);
    CHECK(policy::parse_chinese_year("二○二一") == 2021);
    CHECK(policy::parse_chinese_year("二零一九") == 2019);
    CHECK(policy::parse_chinese_year("二O一五") == 2015);
    CHECK(policy::parse_chinese_year("二0一五") == 2015);
    CHECK(policy::parse_chinese_year("甲乙") == 0);
}

TEST_CASE("item numbering continues across headings or restarts at one") {
    std::vector<policy::OutlineMarker> markers = {
        marker(MarkerKind::heading1, 1, "一"), marker(MarkerKind::item, 1, "1"), marker(MarkerKind::item, 2, "2"),
        marker(MarkerKind::heading1, 2, "二"), marker(MarkerKind::item, 3, "3"), marker(MarkerKind::heading2, 1, "一"),
        marker(MarkerKind::item, 1, "1"),
    };
    const auto nodes = policy::build_outline(markers, 0, markers.size());
    REQUIRE(nodes.size() == 7);
    CHECK(nodes[1].path == "一/1");
    CHECK(nodes[4].path == "二/3");
    CHECK(nodes[5].path == "二/(一)");
    CHECK(nodes[6].path == "二/(一)/1");
    CHECK(nodes[6].section == "二/(一)");
}

TEST_CASE("after a box with its own 1. 2. (专栏) the tasks go on from before it") {
    std::vector<policy::OutlineMarker> markers = {
        marker(MarkerKind::heading1, 1, "一"), marker(MarkerKind::item, 1, "1"),      marker(MarkerKind::item, 2, "2"),
        marker(MarkerKind::item, 3, "3"),      marker(MarkerKind::item, 4, "4"),      marker(MarkerKind::item, 1, "1"),
        marker(MarkerKind::item, 2, "2"),      marker(MarkerKind::heading1, 2, "二"), marker(MarkerKind::item, 5, "5"),
        marker(MarkerKind::item, 6, "6"),      marker(MarkerKind::item, 10, "10"),
    };
    // (10 follows neither 6 nor the 4 before the box.)
    CHECK(node_paths(policy::build_outline(markers, 0, markers.size())) ==
          std::vector<std::string>{"一", "一/1", "一/2", "一/3", "一/4", "一/1", "一/2", "二", "二/5", "二/6"});
}

TEST_CASE("an article (第N条) ends the item before it; its （一） are clauses until the next 一、") {
    std::vector<policy::OutlineMarker> markers = {
        marker(MarkerKind::article, 0, ""),    marker(MarkerKind::item, 1, "1"),
        marker(MarkerKind::item, 2, "2"),      marker(MarkerKind::article, 0, ""),
        marker(MarkerKind::heading2, 1, "一"), marker(MarkerKind::heading2, 2, "二"),
        marker(MarkerKind::heading1, 1, "一"), marker(MarkerKind::heading2, 1, "一"),
    };
    const auto nodes = policy::build_outline(markers, 0, markers.size());
    CHECK(node_paths(nodes) == std::vector<std::string>{"", "1", "2", "", "一", "一/(一)"});
    CHECK(nodes[3].kind == MarkerKind::article);
}

TEST_CASE("decimal items are tasks numbered by their whole number, in sequence") {
    std::vector<policy::OutlineMarker> markers = {
        marker(MarkerKind::item, 1, "1"),     marker(MarkerKind::item, 1, "1.1"),
        marker(MarkerKind::item, 1, "1.2"),   marker(MarkerKind::item, 2, "2"),
        marker(MarkerKind::item, 2, "2.1"),   marker(MarkerKind::item, 2, "2.1.1"),
        marker(MarkerKind::item, 2, "2.1.2"), marker(MarkerKind::item, 2, "2.2.1"),
        marker(MarkerKind::item, 7, "7.5"),   marker(MarkerKind::heading1, 1, "一"),
        marker(MarkerKind::item, 3, "3.1"),   marker(MarkerKind::item, 1, "1.1"),
    };
    const auto nodes = policy::build_outline(markers, 0, markers.size());
    const std::vector<std::string> paths = node_paths(nodes);
    // 7.5 follows nothing; after 一、 the numbering starts afresh at 1.1 (3.1 would go on from 2.2.1).
    CHECK(paths ==
          std::vector<std::string>{"1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2", "2.2.1", "一", "一/3.1", "一/1.1"});
    CHECK(nodes[5].number == "2.1.1");
    CHECK(nodes[5].section.empty());
}

TEST_CASE("decimals start afresh under a heading, below the plain items before it") {
    std::vector<policy::OutlineMarker> markers = {
        marker(MarkerKind::heading1, 1, "一"), marker(MarkerKind::item, 1, "1"),
        marker(MarkerKind::item, 2, "2"),      marker(MarkerKind::item, 3, "3"),
        marker(MarkerKind::item, 4, "4"),      marker(MarkerKind::heading1, 2, "二"),
        marker(MarkerKind::item, 3, "3.1"),    marker(MarkerKind::item, 3, "3.2"),
    };
    CHECK(node_paths(policy::build_outline(markers, 0, markers.size())) ==
          std::vector<std::string>{"一", "一/1", "一/2", "一/3", "一/4", "二", "二/3.1", "二/3.2"});
}

TEST_CASE("a number out of sequence opens nothing") {
    std::vector<policy::OutlineMarker> markers = {
        marker(MarkerKind::item, 1, "1"), marker(MarkerKind::item, 2, "2"),      marker(MarkerKind::item, 17, "17"),
        marker(MarkerKind::item, 3, "3"), marker(MarkerKind::heading1, 5, "五"),
    };
    const auto nodes = policy::build_outline(markers, 0, markers.size());
    REQUIRE(nodes.size() == 3);
    CHECK(nodes[2].path == "3");
}

TEST_CASE("an enumeration's clauses open no headings, the last one ending in 。 included") {
    auto rules = policy::OutlineRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    std::vector<policy::OutlineMarker> markers;
    for (const char* paragraph :
         {"一、隐患治理", "第七条　对下列重大事故隐患实行挂牌督办：", "（一）可能导致重大事故的；",
          "（二）需要多部门协调的。", "挂牌督办的隐患应当限期治理。", "（一）加强组织领导。"}) {
        markers.push_back(rules->classify(normalised(paragraph)));
    }
    const auto nodes = policy::build_outline(markers, 0, markers.size());
    // (The article quoted under 一、 ends the item before it; its clauses open nothing.)
    REQUIRE(nodes.size() == 3);
    CHECK(nodes[0].path == "一");
    CHECK(nodes[1].kind == policy::MarkerKind::article);
    CHECK(nodes[2].path == "一/(一)");
    CHECK(nodes[2].paragraph == 5);
}

TEST_CASE("（N） numbered on across 一、 sections are headings of each") {
    std::vector<policy::OutlineMarker> markers = {
        marker(MarkerKind::heading1, 1, "一"), marker(MarkerKind::heading2, 1, "一"),
        marker(MarkerKind::item, 1, "1"),      marker(MarkerKind::heading2, 2, "二"),
        marker(MarkerKind::heading1, 2, "二"), marker(MarkerKind::heading2, 3, "三"),
        marker(MarkerKind::item, 2, "2"),      marker(MarkerKind::heading1, 3, "三"),
        marker(MarkerKind::heading1, 4, "四"), marker(MarkerKind::heading2, 4, "四"),
        marker(MarkerKind::heading2, 9, "九"),
    };
    const auto nodes = policy::build_outline(markers, 0, markers.size());
    const std::vector<std::string> paths = node_paths(nodes);
    // A section without （N） (三) passes the count on; a number out of sequence opens nothing.
    CHECK(paths == std::vector<std::string>{"一", "一/(一)", "一/(一)/1", "一/(二)", "二", "二/(三)", "二/(三)/2", "三",
                                            "四", "四/(四)"});
}

TEST_CASE("a plan's 第N部分 with (一) right under it is the level-1 heading N; one over 一、 is a layer") {
    const std::vector<policy::OutlineMarker> parts = {
        marker(MarkerKind::division, 1, "一"), marker(MarkerKind::division, 2, "二"),
        marker(MarkerKind::heading2, 1, "一"), marker(MarkerKind::item, 1, "1"),
        marker(MarkerKind::division, 3, "三"), marker(MarkerKind::heading2, 1, "一"),
        marker(MarkerKind::item, 1, "1"),
    };
    const auto nodes = policy::build_outline(parts, 0, parts.size());
    CHECK(node_paths(nodes) ==
          std::vector<std::string>{"一", "二", "二/(一)", "二/(一)/1", "三", "三/(一)", "三/(一)/1"});
    CHECK(nodes[1].kind == MarkerKind::heading1);
    // Over 一、 headings, or a chapter without a numeral read (value 0): a layer, no path.
    const std::vector<policy::OutlineMarker> layers = {
        marker(MarkerKind::division, 1, "一"), marker(MarkerKind::heading1, 1, "一"), marker(MarkerKind::item, 1, "1"),
        marker(MarkerKind::division, 0, ""),   marker(MarkerKind::heading2, 1, "一"),
    };
    const auto layered = policy::build_outline(layers, 0, layers.size());
    CHECK(node_paths(layered) == std::vector<std::string>{"", "一", "一/1", "", "(一)"});
    CHECK(layered[0].kind == MarkerKind::division);
}

TEST_CASE("a part after 一、 headings of the notice's own stays a layer: its path would clash with 二、") {
    const std::vector<policy::OutlineMarker> markers = {
        marker(MarkerKind::heading1, 1, "一"), marker(MarkerKind::item, 1, "1"),
        marker(MarkerKind::heading1, 2, "二"), marker(MarkerKind::item, 1, "1"),
        marker(MarkerKind::division, 2, "二"), marker(MarkerKind::heading2, 1, "一"),
    };
    CHECK(node_paths(policy::build_outline(markers, 0, markers.size())) ==
          std::vector<std::string>{"一", "一/1", "二", "二/1", "", "(一)"});
}

TEST_CASE("a task table's header names a duty or time column; its rows are numbered in the first cell") {
    auto rules = policy::OutlineRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    CHECK(rules->table_header("序号\t重点任务\t牵头单位\t配合单位\t完成时限").size() == 5);
    CHECK(rules->table_header("序号\t存在问题\t整改措施\t责任单位\t整改时限").size() == 5);
    CHECK(rules->table_header("序号\t企业名称\t地址\t联系电话").empty());        // a list, not tasks
    CHECK(rules->table_header("1\t开展排查\t市应急局\t2024年1月底前").empty());  // a row
    CHECK(rules->table_header("牵头单位：市应急局").empty());
    const auto row = rules->table_row("12\t\t开展排查\t市应急局\t2024年1月底前");
    CHECK(row.kind == MarkerKind::item);
    CHECK(row.value == 12);
    CHECK(row.text_begin == 4);
    // One space after the number (a full-width one folded) is a row too; extract keeps it
    // only where the table's numbering goes on.
    CHECK(rules->table_row("12 开展排查").kind == MarkerKind::item);
    CHECK(rules->table_row("12开展排查").kind == MarkerKind::none);
    CHECK(policy::table_cells("1\t\t开展排查\t市应急局") == std::vector<std::string_view>{"1", "开展排查", "市应急局"});
}
