#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "tabular.h"
#include "test_support.h"

using policy::ResultSet;
using policy::Value;
using policy::WriteOptions;

namespace {

using policy::test::lines_of;

ResultSet sample() {
    ResultSet result;
    result.columns = {"id", "department", "text"};
    result.rows.push_back({Value{std::int64_t{1}}, Value{std::string("省应急管理厅")}, Value{std::string("plain")}});
    result.rows.push_back(
        {Value{std::int64_t{12}}, Value{std::string("ABC")}, Value{std::string("a \"quoted\", comma\nand newline")}});
    result.rows.push_back({Value{std::int64_t{3}}, Value{}, Value{std::string("混合 mixed 文字")}});
    return result;
}

}  // namespace

TEST_CASE("Chinese characters are two columns wide and ASCII one") {
    CHECK(policy::display_width("abc") == 3);
    CHECK(policy::display_width("省应急管理厅") == 12);
    CHECK(policy::display_width("吉办发〔2014〕32号") == 18);
    CHECK(policy::display_width("ａｂ") == 4);       // full-width Latin
    CHECK(policy::display_width("e\xCC\x81") == 1);  // e + combining acute accent
    CHECK(policy::display_width("") == 0);
}

TEST_CASE("truncation cuts at a display width and ends with an ellipsis") {
    CHECK(policy::truncate_to_width("省应急管理厅", 12) == "省应急管理厅");
    CHECK(policy::truncate_to_width("省应急管理厅", 7) == "省应急…");
    CHECK(policy::truncate_to_width("省应急管理厅", 8) == "省应急…");
    CHECK(policy::display_width(policy::truncate_to_width("省应急管理厅", 8)) == 7);
    CHECK(policy::truncate_to_width("abcdef", 4) == "abc…");
    CHECK(policy::truncate_to_width("two\nlines", 20) == "two lines");
}

TEST_CASE("CSV fields are quoted only when RFC 4180 requires it") {
    CHECK(policy::csv_field("plain") == "plain");
    CHECK(policy::csv_field("a,b") == "\"a,b\"");
    CHECK(policy::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(policy::csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("CSV output parses back to the same cells with CRLF record ends") {
    std::ostringstream out;
    REQUIRE(policy::write_csv(out, sample(), WriteOptions{}));
    const std::string text = out.str();
    CHECK(text.substr(0, 19) == "id,department,text\r");
    auto records = policy::parse_csv(text);
    REQUIRE(records.ok());
    REQUIRE(records->size() == 4);
    CHECK((*records)[0] == std::vector<std::string>{"id", "department", "text"});
    CHECK((*records)[1] == std::vector<std::string>{"1", "省应急管理厅", "plain"});
    CHECK((*records)[2] == std::vector<std::string>{"12", "ABC", "a \"quoted\", comma\nand newline"});
    CHECK((*records)[3] == std::vector<std::string>{"3", "", "混合 mixed 文字"});
}

TEST_CASE("--bom puts the UTF-8 byte order mark first and --no-header drops the header") {
    std::ostringstream out;
    WriteOptions options;
    options.bom = true;
    options.header = false;
    REQUIRE(policy::write_csv(out, sample(), options));
    const std::string text = out.str();
    CHECK(text.substr(0, 3) == "\xEF\xBB\xBF");
    CHECK(text.substr(3, 2) == "1,");
}

TEST_CASE("TSV escapes tabs and newlines inside a field") {
    ResultSet result;
    result.columns = {"text"};
    result.rows.push_back({Value{std::string("a\tb\nc\\d")}});
    std::ostringstream out;
    REQUIRE(policy::write_tsv(out, result, WriteOptions{}));
    CHECK(out.str() == "text\na\\tb\\nc\\\\d\n");
}

TEST_CASE("JSON output is an array of objects with nulls and numbers typed") {
    std::ostringstream out;
    REQUIRE(policy::write_json(out, sample()));
    const auto json = nlohmann::json::parse(out.str());
    REQUIRE(json.size() == 3);
    CHECK(json[0]["id"] == 1);
    CHECK(json[0]["department"] == "省应急管理厅");
    CHECK(json[1]["text"] == "a \"quoted\", comma\nand newline");
    CHECK(json[2]["department"].is_null());
}

TEST_CASE("JSON of an empty result is an empty array") {
    ResultSet result;
    result.columns = {"id"};
    std::ostringstream out;
    REQUIRE(policy::write_json(out, result));
    CHECK(out.str() == "[]\n");
}

TEST_CASE("JSON Lines output is one object per line") {
    std::ostringstream out;
    REQUIRE(policy::write_jsonl(out, sample()));
    const auto lines = lines_of(out.str());
    REQUIRE(lines.size() == 3);
    CHECK(nlohmann::json::parse(lines[1])["id"] == 12);
}

TEST_CASE("table columns line up by display width with Chinese and ASCII mixed") {
    std::ostringstream out;
    REQUIRE(policy::write_table(out, sample(), WriteOptions{}));
    const auto lines = lines_of(out.str());
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "id  department    text");
    CHECK(lines[1] == "--  ------------  -----------------------------");
    CHECK(lines[2] == " 1  省应急管理厅  plain");
    CHECK(lines[3] == "12  ABC           a \"quoted\", comma and newline");
    CHECK(lines[4] == " 3                混合 mixed 文字");
}

TEST_CASE("a table wider than the terminal is squeezed and cut with ellipses") {
    WriteOptions options;
    options.width = 30;
    std::ostringstream out;
    REQUIRE(policy::write_table(out, sample(), options));
    for (const std::string& line : lines_of(out.str())) {
        CHECK(policy::display_width(line) <= 30);
    }
    const auto lines = lines_of(out.str());
    CHECK(lines[3] == "12  ABC           a \"quoted\",…");
}

TEST_CASE("the table header is bold only when colour is asked for") {
    WriteOptions options;
    options.colour = true;
    std::ostringstream out;
    REQUIRE(policy::write_table(out, sample(), options));
    CHECK(out.str().substr(0, 4) == "\x1b[1m");
}

TEST_CASE("an unknown output format is a bad argument") {
    auto format = policy::parse_output_format("xml");
    REQUIRE_FALSE(format.ok());
    CHECK(format.error().code == policy::ErrorCode::bad_argument);
    CHECK(format.error().message == "--format: unknown format 'xml' (table, csv, tsv, json or jsonl)");
}

TEST_CASE("parsing CSV with an unterminated quote is an error") {
    CHECK_FALSE(policy::parse_csv("a,\"b\r\n").ok());
}
