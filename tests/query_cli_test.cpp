// End-to-end tests of the query commands: the real `policy` binary on an index built from
// corpus/ with `policy extract`, every command and output format, exit codes and stderr.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tabular.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;
using Records = std::vector<std::vector<std::string>>;
using policy::test::lines_of;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

// A temporary directory with an index of corpus/, built once for all tests.
class Corpus {
public:
    static Corpus& get() {
        static Corpus corpus;
        return corpus;
    }

    const fs::path& dir() const { return m_dir; }
    std::string db() const { return (m_dir / "policy.db").string(); }

    // Runs `policy ARGS…` in the directory (stdout not a terminal), with COLUMNS set.
    Run run(const Strings& args, const std::string& columns = "") const {
        std::string command = "cd " + shell_quote(m_dir.string()) + " && ";
        command += columns.empty() ? "unset COLUMNS; " : "COLUMNS=" + columns + " ";
        command += shell_quote(POLICY_BINARY);
        for (const std::string& arg : args) {
            command += ' ';
            command += shell_quote(arg);
        }
        command += " > out.txt 2> err.txt";
        const int status = std::system(command.c_str());
        Run result;
        result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.out = read_file(m_dir / "out.txt");
        result.err = read_file(m_dir / "err.txt");
        return result;
    }

    // Runs a whole shell command line in the directory; $POLICY is the binary.
    int shell(const std::string& line) const {
        const std::string command =
            "cd " + shell_quote(m_dir.string()) + " && export POLICY=" + shell_quote(POLICY_BINARY) + " && " + line;
        const int status = std::system(command.c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    Corpus(const Corpus&) = delete;
    Corpus& operator=(const Corpus&) = delete;
    ~Corpus() {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }

private:
    Corpus() {
        m_dir = fs::temp_directory_path() / ("policy-query-cli-" + std::to_string(::getpid()));
        fs::create_directories(m_dir);
        Strings args = {"extract", "--db", db()};
        for (const auto& entry : fs::directory_iterator(fs::path(POLICY_SOURCE_DIR) / "corpus")) {
            if (entry.path().extension() == ".txt") {
                args.push_back(entry.path().string());
            }
        }
        const Run built = run(args);
        m_built = built.code == 0;
        m_build_error = built.err;
    }

public:
    bool built() const { return m_built; }
    const std::string& build_error() const { return m_build_error; }

private:
    fs::path m_dir;
    bool m_built = false;
    std::string m_build_error;
};

Corpus& corpus() {
    Corpus& corpus = Corpus::get();
    INFO(corpus.build_error());
    REQUIRE(corpus.built());
    return corpus;
}

// Runs `policy ARGS… --db DB` and requires exit code 0 and nothing on stderr.
std::string query(const Strings& args, const std::string& columns = "") {
    Strings all = args;
    all.push_back("--db");
    all.push_back(corpus().db());
    const Run run = corpus().run(all, columns);
    INFO(run.err);
    REQUIRE(run.code == 0);
    return run.out;
}

Records csv(const std::string& text) {
    auto records = policy::parse_csv(text);
    REQUIRE(records.ok());
    return *records;
}

std::size_t column_index(const Records& records, const std::string& name) {
    REQUIRE_FALSE(records.empty());
    const auto it = std::find(records[0].begin(), records[0].end(), name);
    REQUIRE(it != records[0].end());
    return static_cast<std::size_t>(it - records[0].begin());
}

Strings column(const Records& records, const std::string& name) {
    const std::size_t at = column_index(records, name);
    Strings values;
    for (std::size_t i = 1; i < records.size(); ++i) {
        values.push_back(records[i].at(at));
    }
    return values;
}

bool contains(const Strings& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST_CASE("docs as CSV parses back with the documented columns and one row per notice") {
    const Records records = csv(query({"docs", "--format", "csv"}));
    REQUIRE(records.size() == 4);
    CHECK(records[0] ==
          Strings{"id", "doc_number", "title", "issuers", "issued", "tasks", "deadlines", "citations", "file"});
    const Strings numbers = column(records, "doc_number");
    CHECK(contains(numbers, "吉办发〔2014〕32号"));
    CHECK(contains(numbers, "吉安委〔2019〕6号"));
}

TEST_CASE("CSV is the default when stdout is not a terminal and records end with CRLF") {
    const std::string out = query({"docs"});
    CHECK(out.rfind("id,doc_number,title,", 0) == 0);
    CHECK(out.find("\r\n") != std::string::npos);
}

TEST_CASE("--bom starts CSV with the UTF-8 byte order mark and --no-header drops the header") {
    const std::string out = query({"docs", "--format", "csv", "--bom", "--no-header"});
    REQUIRE(out.size() > 3);
    CHECK(out.substr(0, 3) == "\xEF\xBB\xBF");
    const Records records = csv(out.substr(3));
    CHECK(records.size() == 3);
    CHECK(records[0][0] != "id");
}

TEST_CASE("docs as JSON and JSON Lines parse back with nlohmann-json") {
    const auto json = nlohmann::json::parse(query({"docs", "--format", "json"}));
    REQUIRE(json.is_array());
    REQUIRE(json.size() == 3);
    CHECK(json[0]["id"].is_number_integer());
    CHECK(json[0].contains("doc_number"));
    const Strings lines = lines_of(query({"docs", "--format", "jsonl"}));
    REQUIRE(lines.size() == 3);
    for (const std::string& line : lines) {
        CHECK(nlohmann::json::parse(line)["tasks"].get<int>() > 0);
    }
}

TEST_CASE("TSV has one line per notice and the same number of fields in each") {
    const Strings lines = lines_of(query({"docs", "--format", "tsv"}));
    REQUIRE(lines.size() == 4);
    for (const std::string& line : lines) {
        CHECK(std::count(line.begin(), line.end(), '\t') == 8);
    }
}

TEST_CASE("table columns line up by display width with Chinese and ASCII mixed") {
    const Records records = csv(query({"docs", "--format", "csv"}));
    const Strings lines = lines_of(query({"docs", "--format", "table", "--wide"}));
    REQUIRE(lines.size() == 5);
    const std::string& header = lines[0];
    for (const std::string& name : {std::string("title"), std::string("issued"), std::string("file")}) {
        const std::size_t start = policy::display_width(header.substr(0, header.find(name)));
        const Strings values = column(records, name);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::string& line = lines[i + 2];
            const std::size_t at = line.find(values[i]);
            REQUIRE(at != std::string::npos);
            CHECK(policy::display_width(line.substr(0, at)) == start);
        }
    }
}

TEST_CASE("a table is cut to $COLUMNS with ellipses unless --wide") {
    const Strings narrow = lines_of(query({"docs", "--format", "table"}, "80"));
    REQUIRE(narrow.size() == 5);
    bool cut = false;
    for (const std::string& line : narrow) {
        CHECK(policy::display_width(line) <= 80);
        cut = cut || line.find("…") != std::string::npos;
    }
    CHECK(cut);
    const Strings wide = lines_of(query({"docs", "--format", "table", "--wide"}, "80"));
    CHECK(policy::display_width(wide[2]) > 80);
}

TEST_CASE("show finds a notice by a 文号 with half-width brackets and prints its outline") {
    const Records records = csv(query({"show", "吉安委[2019]6号", "--format", "csv"}));
    CHECK(records[0] == Strings{"kind", "depth", "path", "text", "detail", "line"});
    const Strings kinds = column(records, "kind");
    CHECK(kinds.front() == "document");
    CHECK(contains(kinds, "section"));
    CHECK(contains(kinds, "task"));
    CHECK(contains(kinds, "department"));
    CHECK(column(records, "text").front() == "关于印发2019年工作要点的通知");
    const std::string tree = query({"show", "吉安委〔2019〕6号", "--format", "table"}, "100");
    CHECK(tree.rfind("关于印发2019年工作要点的通知\n吉安委〔2019〕6号 · ", 0) == 0);
    for (const std::string& line : lines_of(tree)) {
        CHECK(policy::display_width(line) <= 100);
    }
}

TEST_CASE("a title fragment finds its notice even across the 《》 of a quoted plan title") {
    const Records records = csv(query({"show", "印发吉林省全面深化", "--format", "csv"}));
    REQUIRE(records.size() > 1);
    CHECK(records[1][4].rfind("吉办发〔2014〕32号 · ", 0) == 0);
}

TEST_CASE("an ambiguous DOC exits 2 and lists the candidates") {
    const Run run = corpus().run({"show", "安全", "--db", corpus().db()});
    CHECK(run.code == 2);
    CHECK(run.out.empty());
    const Strings lines = lines_of(run.err);
    REQUIRE(lines.size() >= 3);
    CHECK(lines[0].rfind("policy: DOC '安全' is ambiguous: ", 0) == 0);
    CHECK(run.err.find("吉办发〔2014〕32号") != std::string::npos);
}

TEST_CASE("tasks --dept understands aliases: 省应急厅 finds what 省应急管理厅 leads") {
    const Records full = csv(query({"tasks", "--dept", "省应急管理厅", "--role", "lead"}));
    const Records alias = csv(query({"tasks", "--dept", "省应急厅", "--role", "lead"}));
    REQUIRE(full.size() > 1);
    CHECK(full == alias);
    for (const std::string& lead : column(full, "lead")) {
        CHECK(lead.find("省应急管理厅") != std::string::npos);
    }
    const Records short_name = csv(query({"tasks", "--dept", "省工信厅"}));
    const Records long_name = csv(query({"tasks", "--dept", "省工业和信息化厅"}));
    REQUIRE(long_name.size() > 1);
    CHECK(short_name == long_name);
}

TEST_CASE("tasks --due-before keeps only tasks with a deadline before the date") {
    const auto json = nlohmann::json::parse(query({"tasks", "--due-before", "2020", "--format", "json"}));
    REQUIRE(json.size() > 0);
    for (const auto& task : json) {
        REQUIRE(task["due"].is_string());
        CHECK(task["due"].get<std::string>() < "2020-01-01");
    }
}

TEST_CASE("an empty result is success with a header and a note on stderr") {
    const Run run = corpus().run({"tasks", "--dept", "省教育局", "--db", corpus().db()});
    CHECK(run.code == 0);
    CHECK(csv(run.out).size() == 1);
    CHECK(run.err == "policy: --dept: no department called '省教育局' in the index (see policy depts)\n");
}

TEST_CASE("search ranks tasks and marks the matched words") {
    const Strings lines = lines_of(query({"search", "尾矿库", "--format", "jsonl"}));
    REQUIRE_FALSE(lines.empty());
    const auto first = nlohmann::json::parse(lines[0]);
    CHECK(first["rank"] == 1);
    CHECK(first["snippet"].get<std::string>().find("«尾矿库»") != std::string::npos);
}

TEST_CASE("cites marks each citation and --unresolved lists what to collect next") {
    const Records cites = csv(query({"cites", "吉安委〔2019〕6号"}));
    REQUIRE(cites.size() > 1);
    for (const std::string& status : column(cites, "status")) {
        CHECK((status == "resolved" || status == "unresolved" || status == "self"));
    }
    const Records unresolved = csv(query({"cites", "--unresolved"}));
    CHECK(unresolved[0] == Strings{"kind", "text", "doc_number", "citations", "citing_documents", "cited_in"});
    const Strings texts = column(unresolved, "text");
    const auto at = std::find(texts.begin(), texts.end(), "地方党政领导干部安全生产责任制规定");
    REQUIRE(at != texts.end());
    CHECK(column(unresolved, "citing_documents")[static_cast<std::size_t>(at - texts.begin())] == "2");
}

TEST_CASE("cited-by a document the index lacks lists the notices citing it") {
    const Run run = corpus().run({"cited-by", "《地方党政领导干部安全生产责任制规定》", "--db", corpus().db()});
    CHECK(run.code == 0);
    const Records records = csv(run.out);
    REQUIRE(records.size() > 2);
    CHECK(contains(column(records, "citing_doc_number"), "吉安委〔2019〕6号"));
    CHECK(run.err.find("is not an indexed notice") != std::string::npos);
}

TEST_CASE("depts counts led and shared tasks, overall and per year") {
    const Records overall = csv(query({"depts"}));
    CHECK(overall[0] == Strings{"department", "lead", "responsible", "tasks", "documents"});
    CHECK(contains(column(overall, "department"), "省应急管理厅"));
    const Records by_year = csv(query({"depts", "--by", "year"}));
    CHECK(contains(column(by_year, "year"), "2019"));
}

TEST_CASE("deadlines come in date order with undated ones after them") {
    const Records records = csv(query({"deadlines", "--today", "2020-01-01"}));
    const Strings dates = column(records, "date");
    const Strings status = column(records, "status");
    REQUIRE(dates.size() > 2);
    std::size_t dated = 0;
    while (dated < dates.size() && !dates[dated].empty()) {
        ++dated;
    }
    CHECK(std::is_sorted(dates.begin(), dates.begin() + static_cast<long>(dated)));
    for (std::size_t i = dated; i < dates.size(); ++i) {
        CHECK(dates[i].empty());
        CHECK(status[i] == "undated");
    }
    CHECK(contains(column(records, "text"), "汛期前"));
    const Records overdue = csv(query({"deadlines", "--overdue", "--today", "2020-01-01"}));
    REQUIRE(overdue.size() > 1);
    for (const std::string& value : column(overdue, "status")) {
        CHECK(value == "overdue");
    }
}

TEST_CASE("graph writes Graphviz DOT by default and JSON on request") {
    const std::string dot = query({"graph"});
    CHECK(dot.rfind("digraph citations {\n", 0) == 0);
    CHECK(dot.find(" -> ") != std::string::npos);
    const auto json = nlohmann::json::parse(query({"graph", "--format", "json"}));
    CHECK(json["nodes"].size() > 3);
    CHECK(json["edges"].size() > 0);
}

TEST_CASE("export writes a workbook with a sheet per table and CSV files per table") {
    const fs::path workbook = corpus().dir() / "policy.xlsx";
    query({"export", "--all", "--format", "xlsx", "-o", workbook.string()});
    REQUIRE(fs::exists(workbook));
    CHECK(read_file(workbook).substr(0, 2) == "PK");
    const fs::path tables = corpus().dir() / "tables";
    query({"export", "--all", "--format", "csv", "-o", tables.string()});
    const Records tasks = csv(read_file(tables / "tasks.csv"));
    CHECK(column_index(tasks, "text") > 0);
    CHECK(fs::exists(tables / "citations.csv"));
    const Records one = csv(query({"export", "task_departments"}));
    CHECK(one[0] == Strings{"task_id", "department_id", "name", "role", "ordinal"});
}

TEST_CASE("export of several tables as CSV to stdout is a bad argument") {
    const Run run = corpus().run({"export", "--all", "--db", corpus().db()});
    CHECK(run.code == 2);
    CHECK(run.err == "policy: export: several tables as csv need -o DIR (or --format xlsx or json)\n");
}

TEST_CASE("sql reads anything and SQLite itself refuses a write") {
    const Records counted = csv(query({"sql", "SELECT count(*) AS n FROM tasks"}));
    const Run run = corpus().run({"sql", "DELETE FROM tasks", "--db", corpus().db()});
    CHECK(run.code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "policy: sql: attempt to write a readonly database\n");
    CHECK(csv(query({"sql", "SELECT count(*) AS n FROM tasks"})) == counted);
    const Run bad = corpus().run({"sql", "SELEC 1", "--db", corpus().db()});
    CHECK(bad.code == 2);
    CHECK(bad.err == "policy: sql: near \"SELEC\": syntax error\n");
}

TEST_CASE("a missing index exits 4 with one line on stderr") {
    const Run run = corpus().run({"docs", "--db", "nowhere.db"});
    CHECK(run.code == 4);
    CHECK(run.out.empty());
    CHECK(lines_of(run.err).size() == 1);
    CHECK(run.err.rfind("policy: nowhere.db: no index here", 0) == 0);
}

TEST_CASE("a bad format or date is exit code 2") {
    CHECK(corpus().run({"docs", "--format", "xml", "--db", corpus().db()}).code == 2);
    const Run run = corpus().run({"deadlines", "--from", "2019-13-01", "--db", corpus().db()});
    CHECK(run.code == 2);
    CHECK(run.err == "policy: --from: '2019-13-01' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n");
}

TEST_CASE("every query command's help shows an example") {
    for (const char* command :
         {"docs", "show", "tasks", "search", "cites", "cited-by", "depts", "deadlines", "graph", "export", "sql"}) {
        const Run run = corpus().run({command, "--help"});
        INFO(command);
        CHECK(run.code == 0);
        CHECK(run.out.find("Examples:\n  policy ") != std::string::npos);
    }
}

TEST_CASE("a closed pipe ends the output quietly") {
    // Far more than a pipe buffer holds, so the writer sees EPIPE.
    const int code = corpus().shell(
        "( $POLICY sql 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 300000) SELECT i, "
        "hex(randomblob(16)) AS name FROM n' --db policy.db 2> pipe-err.txt; echo $? > pipe-rc.txt ) | head -c 10 "
        "> /dev/null");
    CHECK(code == 0);
    CHECK(read_file(corpus().dir() / "pipe-err.txt").empty());
    CHECK(read_file(corpus().dir() / "pipe-rc.txt") == "0\n");
}

TEST_CASE("on a terminal the default is a table with a bold header, and NO_COLOR turns the bold off") {
    if (corpus().shell("command -v script > /dev/null") != 0) {
        MESSAGE("util-linux script is missing: no pseudo-terminal to test with");
        return;
    }
    // script(1) runs the command on a pseudo-terminal, so stdout is a tty.
    const std::string command = "script -qec 'COLUMNS=100 $POLICY docs --db policy.db' /dev/null";
    REQUIRE(corpus().shell("NO_COLOR= " + command + " > tty.txt") == 0);
    const std::string coloured = read_file(corpus().dir() / "tty.txt");
    CHECK(coloured.rfind("\x1b[1mid\x1b[0m  \x1b[1mdoc_number\x1b[0m", 0) == 0);
    CHECK(coloured.find("\n--  ") != std::string::npos);
    REQUIRE(corpus().shell("NO_COLOR=1 " + command + " > tty.txt") == 0);
    const std::string plain = read_file(corpus().dir() / "tty.txt");
    CHECK(plain.rfind("id  doc_number", 0) == 0);
    CHECK(plain.find('\x1b') == std::string::npos);
    for (std::string line : lines_of(plain)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        CHECK(policy::display_width(line) <= 100);
    }
}

TEST_CASE("the xlsx workbook has a sheet per table, each with its header row frozen") {
    if (corpus().shell("command -v unzip > /dev/null") != 0) {
        MESSAGE("unzip is missing: the workbook's parts are not checked");
        return;
    }
    query({"export", "--all", "--format", "xlsx", "-o", (corpus().dir() / "sheets.xlsx").string()});
    REQUIRE(corpus().shell("unzip -p sheets.xlsx xl/workbook.xml > workbook.xml") == 0);
    const std::string workbook = read_file(corpus().dir() / "workbook.xml");
    for (const char* table : {"documents", "tasks", "task_departments", "deadlines", "citations"}) {
        INFO(table);
        CHECK(workbook.find(std::string("<sheet name=\"") + table + "\"") != std::string::npos);
    }
    REQUIRE(corpus().shell("unzip -p sheets.xlsx xl/worksheets/sheet2.xml > sheet.xml") == 0);
    CHECK(read_file(corpus().dir() / "sheet.xml")
              .find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                    "state=\"frozen\"/>") != std::string::npos);
    REQUIRE(corpus().shell("unzip -p sheets.xlsx xl/sharedStrings.xml > strings.xml") == 0);
    CHECK(read_file(corpus().dir() / "strings.xml").find("省应急管理厅") != std::string::npos);
}
