// Library-level tests of query.h over a small index built by hand: three notices, four
// tasks, departments under old and new names, deadlines with and without dates, citations
// resolved, unresolved and to the citing notice itself.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "grammar.h"
#include "index.h"
#include "query.h"
#include "segment.h"

namespace {

namespace fs = std::filesystem;
using policy::Index;
using policy::ResultSet;
using policy::value_text;

constexpr const char* k_rows = R"sql(
INSERT INTO documents(id, path, file, sha256, size, encoding, title, plan_title, doc_number, doc_issuer_code,
                      doc_year, doc_serial, issuers, issued, title_key, plan_title_key, extracted_at) VALUES
 (1, '/corpus/a.txt', 'a.txt', 'x', 1, 'UTF-8', '关于印发安全生产改革试点方案的通知', '安全生产改革试点方案',
  '吉办发〔2014〕32号', '吉办发', 2014, 32, '["吉林省人民政府办公厅"]', '2014-10-27',
  '关于印发安全生产改革试点方案的通知', '安全生产改革试点方案', '2024-01-01T00:00:00Z'),
 (2, '/corpus/b.txt', 'b.txt', 'y', 1, 'UTF-8', '关于印发2019年安全工作要点的通知', NULL,
  '吉安委〔2019〕6号', '吉安委', 2019, 6, '["吉林省安全生产委员会"]', '2019-03-22',
  '关于印发2019年安全工作要点的通知', NULL, '2024-01-01T00:00:00Z'),
 (3, '/corpus/c.txt', 'c.txt', 'z', 1, 'UTF-8', '省工信厅2024年安全生产工作要点', NULL,
  NULL, NULL, NULL, NULL, '[]', '2024-03-22', '省工信厅2024年安全生产工作要点', NULL, '2024-01-01T00:00:00Z');
INSERT INTO sections(id, document_id, path, heading, level, ordinal, begin_offset, line) VALUES
 (1, 2, '一', '强化责任落实', 1, 0, 100, 10),
 (2, 2, '二', '防控重大风险', 1, 1, 300, 20);
INSERT INTO tasks(id, document_id, path, number, section, text, ordinal, begin_offset, line) VALUES
 (1, 1, '一/1', '1', '一', '建立网格化监管体系。（省安全监管局牵头）', 0, 50, 5),
 (2, 2, '一/1', '1', '一', '开展尾矿库隐患排查治理，汛期前完成。（省应急管理厅牵头，省工信厅负责）', 0, 150, 12),
 (3, 2, '二/2', '2', '二', '推进危险化学品企业搬迁改造，2019年底前完成。（省工业和信息化厅牵头）', 1, 350, 22),
 (4, 3, '一/1', '1', '一', '民爆行业安全监管。（省工信厅负责）', 0, 40, 4);
INSERT INTO departments(id, name) VALUES (1, '省应急管理厅'), (2, '省工业和信息化厅'), (3, '省安全监管局');
INSERT INTO department_aliases(alias, department_id) VALUES
 ('省应急管理厅', 1), ('省应急厅', 1), ('省工业和信息化厅', 2), ('省工信厅', 2), ('省安全监管局', 3);
INSERT INTO task_departments(task_id, department_id, name, role, ordinal) VALUES
 (1, 3, '省安全监管局', 'lead', 0),
 (2, 1, '省应急管理厅', 'lead', 0), (2, 2, '省工信厅', 'responsible', 1),
 (3, 2, '省工业和信息化厅', 'lead', 0),
 (4, 2, '省工信厅', 'responsible', 0);
INSERT INTO deadlines(id, document_id, task_id, text, date, year_inferred, ordinal, begin_offset, line) VALUES
 (1, 1, 1, '2015年底前', '2015-12-31', 0, 0, 60, 5),
 (2, 2, 2, '汛期前', NULL, 0, 0, 170, 12),
 (3, 2, 3, '2019年底前', '2019-12-31', 0, 1, 370, 22),
 (4, 2, NULL, '2019年底前', '2019-12-31', 0, 2, 20, 3);
INSERT INTO citations(id, document_id, task_id, kind, text, issuer_code, year, serial, doc_number, title_key,
                      ordinal, line) VALUES
 (1, 2, NULL, 'doc_number', '吉安委〔2019〕6号', '吉安委', 2019, 6, NULL, NULL, 0, 2),
 (2, 2, 2, 'doc_number', '吉办发〔2014〕32号', '吉办发', 2014, 32, NULL, NULL, 1, 12),
 (3, 2, 3, 'title', '安全生产法', NULL, NULL, NULL, NULL, '安全生产法', 2, 22),
 (4, 3, 4, 'title', '安全生产法', NULL, NULL, NULL, NULL, '安全生产法', 0, 4);
)sql";

// A temporary directory holding a hand-built index, removed at the end.
class TestIndex {
public:
    TestIndex() {
        m_dir = fs::temp_directory_path() /
                ("policy-query-test-" + std::to_string(::getpid()) + "-" + std::to_string(s_counter++));
        fs::create_directories(m_dir);
        auto index = Index::open(path(), Index::Mode::read_write);
        REQUIRE(index.ok());
        char* error = nullptr;
        const int rc = sqlite3_exec(index->handle(), k_rows, nullptr, nullptr, &error);
        INFO((error ? error : ""));
        sqlite3_free(error);
        REQUIRE(rc == SQLITE_OK);
    }
    ~TestIndex() {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }
    std::string path() const { return (m_dir / "policy.db").string(); }
    Index open() const {
        auto index = Index::open(path(), Index::Mode::read_only);
        REQUIRE(index.ok());
        return std::move(index).value();
    }

private:
    static inline int s_counter = 0;
    fs::path m_dir;
};

// Column `name` of every row, as text.
std::vector<std::string> column(const ResultSet& result, std::string_view name) {
    const auto at = result.column(name);
    REQUIRE(at.has_value());
    std::vector<std::string> values;
    for (const auto& row : result.rows) {
        values.push_back(value_text(row[*at]));
    }
    return values;
}

policy::DepartmentNames lexicon_names() {
    auto grammar = policy::Grammar::load();
    REQUIRE(grammar.ok());
    return policy::DepartmentNames::from_grammar(*grammar);
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a 文号 with half-width or full-width brackets normalises to 〔〕") {
    CHECK(policy::normalise_doc_number("吉办发[2014]32号") == "吉办发〔2014〕32号");
    CHECK(policy::normalise_doc_number("吉办发（2014）32号") == "吉办发〔2014〕32号");
    CHECK(policy::normalise_doc_number("吉办发 【2014】 32 号") == "吉办发〔2014〕32号");
    CHECK(policy::normalise_doc_number("吉办发〔2014〕032号") == "吉办发〔2014〕32号");
    CHECK(policy::normalise_doc_number("工作要点") == "工作要点");
}

TEST_CASE("a document is found by id, 文号 in any brackets, file name or unique title fragment") {
    TestIndex test;
    const Index index = test.open();
    CHECK(*policy::resolve_document(index, "3") == 3);
    CHECK(*policy::resolve_document(index, "吉办发[2014]32号") == 1);
    CHECK(*policy::resolve_document(index, "吉安委（2019）6号") == 2);
    CHECK(*policy::resolve_document(index, "b.txt") == 2);
    CHECK(*policy::resolve_document(index, "c") == 3);
    CHECK(*policy::resolve_document(index, "改革试点") == 1);
}

TEST_CASE("an ambiguous title fragment is an error listing every candidate") {
    TestIndex test;
    const Index index = test.open();
    auto id = policy::resolve_document(index, "安全");
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().code == policy::ErrorCode::bad_argument);
    CHECK(id.error().message ==
          "DOC '安全' is ambiguous: 3 notices match; give an id or 文号:\n"
          "  1  吉办发〔2014〕32号  关于印发安全生产改革试点方案的通知  (a.txt)\n"
          "  2  吉安委〔2019〕6号  关于印发2019年安全工作要点的通知  (b.txt)\n"
          "  3  -  省工信厅2024年安全生产工作要点  (c.txt)");
}

TEST_CASE("a DOC nothing matches is a bad argument naming it") {
    TestIndex test;
    const Index index = test.open();
    auto id = policy::resolve_document(index, "不存在");
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().message == "DOC '不存在': no indexed notice matches (see policy docs)");
}

TEST_CASE("docs lists every notice in date order with its counts") {
    TestIndex test;
    const Index index = test.open();
    auto docs = policy::list_documents(index);
    REQUIRE(docs.ok());
    CHECK(docs->columns ==
          Strings{"id", "doc_number", "title", "issuers", "issued", "tasks", "deadlines", "citations", "file"});
    CHECK(column(*docs, "id") == Strings{"1", "2", "3"});
    CHECK(column(*docs, "tasks") == Strings{"1", "2", "1"});
    CHECK(column(*docs, "issuers") == Strings{"吉林省人民政府办公厅", "吉林省安全生产委员会", ""});
}

TEST_CASE("show lays out sections, tasks and their departments, deadlines and citations in order") {
    TestIndex test;
    const Index index = test.open();
    auto outline = policy::show_document(index, 2);
    REQUIRE(outline.ok());
    CHECK(column(*outline, "kind") == Strings{"document", "deadline", "citation", "section", "task", "department",
                                              "department", "deadline", "citation", "section", "task", "department",
                                              "deadline", "citation"});
    CHECK(column(*outline, "depth") == Strings{"0", "1", "1", "1", "2", "3", "3", "3", "3", "1", "2", "3", "3", "3"});
    CHECK(column(*outline, "detail")[2] == "self");
    CHECK(column(*outline, "detail")[8] == "→ 1 吉办发〔2014〕32号");
    CHECK(column(*outline, "detail")[13] == "unresolved");
    const auto lines = policy::render_outline(*outline, 0);
    REQUIRE(lines.size() == 14);
    CHECK(lines[0] == "关于印发2019年安全工作要点的通知");
    CHECK(lines[1] == "吉安委〔2019〕6号 · 吉林省安全生产委员会 · 2019-03-22");
    CHECK(lines[4] == "  一  强化责任落实");
    CHECK(lines[6] == "      lead: 省应急管理厅  responsible: 省工信厅");
    CHECK(lines[7] == "      due: 汛期前 (undated)");
}

TEST_CASE("a department alias finds the tasks of its canonical name") {
    TestIndex test;
    const Index index = test.open();
    policy::TaskFilter filter;
    filter.department = "省工信厅";
    auto tasks = policy::list_tasks(index, lexicon_names(), filter);
    REQUIRE(tasks.ok());
    CHECK(column(*tasks, "task_id") == Strings{"2", "3", "4"});
    filter.role = "lead";
    tasks = policy::list_tasks(index, lexicon_names(), filter);
    REQUIRE(tasks.ok());
    CHECK(column(*tasks, "task_id") == Strings{"3"});
}

TEST_CASE("a renamed body's new name also finds the tasks given to its old name") {
    TestIndex test;
    const Index index = test.open();
    policy::TaskFilter filter;
    filter.department = "省应急管理厅";
    filter.role = "lead";
    auto tasks = policy::list_tasks(index, lexicon_names(), filter);
    REQUIRE(tasks.ok());
    CHECK(column(*tasks, "task_id") == Strings{"1", "2"});
    CHECK(column(*tasks, "lead") == Strings{"省安全监管局", "省应急管理厅"});
}

TEST_CASE("renames link old and new names but not two bodies merged into one") {
    policy::DepartmentNames names;
    names.add_alias("省市场监督管理局", "省市场监管局");
    names.add_rename("省工商局", "省市场监督管理局");
    names.add_rename("省质监局", "省市场监督管理局");
    CHECK(names.equivalents("省市场监管局") ==
          std::set<std::string>{"省市场监督管理局", "省市场监管局", "省工商局", "省质监局"});
    CHECK(names.equivalents("省工商局") == std::set<std::string>{"省工商局", "省市场监督管理局", "省市场监管局"});
}

TEST_CASE("an unknown department gives no tasks and a note saying why") {
    TestIndex test;
    const Index index = test.open();
    policy::TaskFilter filter;
    filter.department = "省教育厅";
    auto tasks = policy::list_tasks(index, lexicon_names(), filter);
    REQUIRE(tasks.ok());
    CHECK(tasks->rows.empty());
    CHECK(tasks->notes == Strings{"--dept: no department called '省教育厅' in the index (see policy depts)"});
}

TEST_CASE("tasks are filtered by deadline, year, section and text") {
    TestIndex test;
    const Index index = test.open();
    const auto ids = [&](const policy::TaskFilter& filter) {
        auto tasks = policy::list_tasks(index, policy::DepartmentNames{}, filter);
        REQUIRE(tasks.ok());
        return column(*tasks, "task_id");
    };
    policy::TaskFilter filter;
    filter.due_before = "2016";
    CHECK(ids(filter) == Strings{"1"});
    filter = {};
    filter.due_after = "2016-01-01";
    CHECK(ids(filter) == Strings{"3"});
    filter = {};
    filter.year = 2019;
    CHECK(ids(filter) == Strings{"2", "3"});
    filter = {};
    filter.section = "二";
    CHECK(ids(filter) == Strings{"3"});
    filter = {};
    filter.text = "尾矿库 汛期";
    CHECK(ids(filter) == Strings{"2"});
    filter = {};
    filter.document_id = 3;
    CHECK(ids(filter) == Strings{"4"});
}

TEST_CASE("a bad date or role is a bad argument naming the option") {
    TestIndex test;
    const Index index = test.open();
    policy::TaskFilter filter;
    filter.due_before = "2019-13";
    auto tasks = policy::list_tasks(index, policy::DepartmentNames{}, filter);
    REQUIRE_FALSE(tasks.ok());
    CHECK(tasks.error().message == "--due-before: '2019-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    filter = {};
    filter.role = "boss";
    tasks = policy::list_tasks(index, policy::DepartmentNames{}, filter);
    REQUIRE_FALSE(tasks.ok());
    CHECK(tasks.error().message == "--role: 'boss' is not a role (lead or responsible)");
}

TEST_CASE("date arguments expand a year or month to its first or last day") {
    CHECK(*policy::parse_date_argument("2020", "--to", true) == "2020-12-31");
    CHECK(*policy::parse_date_argument("2020-02", "--to", true) == "2020-02-29");
    CHECK(*policy::parse_date_argument("2019-2", "--from") == "2019-02-01");
    CHECK_FALSE(policy::parse_date_argument("2019-02-30", "--from").ok());
}

TEST_CASE("cites marks each citation resolved, unresolved or self") {
    TestIndex test;
    const Index index = test.open();
    auto cites = policy::citations_of(index, 2);
    REQUIRE(cites.ok());
    CHECK(column(*cites, "status") == Strings{"self", "resolved", "unresolved"});
    CHECK(column(*cites, "cited_doc_number") == Strings{"", "吉办发〔2014〕32号", ""});
}

TEST_CASE("cited-by lists the indexed notices citing a notice") {
    TestIndex test;
    const Index index = test.open();
    auto citing = policy::citing_documents(index, "吉办发〔2014〕32号");
    REQUIRE(citing.ok());
    CHECK(column(*citing, "citing_doc_number") == Strings{"吉安委〔2019〕6号"});
    CHECK(column(*citing, "status") == Strings{"resolved"});
}

TEST_CASE("cited-by a document the index lacks lists the citations naming it") {
    TestIndex test;
    const Index index = test.open();
    auto citing = policy::citing_documents(index, "《安全生产法》");
    REQUIRE(citing.ok());
    CHECK(column(*citing, "citing_document_id") == Strings{"2", "3"});
    CHECK(column(*citing, "status") == Strings{"unresolved", "unresolved"});
    CHECK(citing->notes.size() == 1);
}

TEST_CASE("unresolved citations are grouped by the document they name, self-citations left out") {
    TestIndex test;
    const Index index = test.open();
    auto unresolved = policy::unresolved_citations(index);
    REQUIRE(unresolved.ok());
    CHECK(column(*unresolved, "text") == Strings{"安全生产法"});
    CHECK(column(*unresolved, "citations") == Strings{"2"});
    CHECK(column(*unresolved, "cited_in") == Strings{"吉安委〔2019〕6号、c.txt"});
}

TEST_CASE("the department matrix counts led and shared tasks overall, per notice and per year") {
    TestIndex test;
    const Index index = test.open();
    auto matrix = policy::department_matrix(index, policy::Grouping::none);
    REQUIRE(matrix.ok());
    CHECK(column(*matrix, "department") == Strings{"省工业和信息化厅", "省安全监管局", "省应急管理厅"});
    CHECK(column(*matrix, "lead") == Strings{"1", "1", "1"});
    CHECK(column(*matrix, "responsible") == Strings{"2", "0", "0"});
    CHECK(column(*matrix, "tasks") == Strings{"3", "1", "1"});
    matrix = policy::department_matrix(index, policy::Grouping::year);
    REQUIRE(matrix.ok());
    CHECK(column(*matrix, "year") == Strings{"2014", "2019", "2019", "2024"});
    matrix = policy::department_matrix(index, policy::Grouping::document);
    REQUIRE(matrix.ok());
    CHECK(column(*matrix, "doc_number") == Strings{"吉办发〔2014〕32号", "吉安委〔2019〕6号", "吉安委〔2019〕6号", ""});
}

TEST_CASE("deadlines come in date order, overdue against today, undated ones apart") {
    TestIndex test;
    const Index index = test.open();
    policy::DeadlineFilter filter;
    filter.today = "2019-06-01";
    auto list = policy::list_deadlines(index, filter);
    REQUIRE(list.ok());
    CHECK(column(list->dated, "date") == Strings{"2015-12-31", "2019-12-31", "2019-12-31"});
    CHECK(column(list->dated, "status") == Strings{"overdue", "due", "due"});
    CHECK(column(list->undated, "text") == Strings{"汛期前"});
    filter.overdue = true;
    list = policy::list_deadlines(index, filter);
    REQUIRE(list.ok());
    CHECK(column(list->dated, "date") == Strings{"2015-12-31"});
    CHECK(list->undated.rows.empty());
}

TEST_CASE("the citation graph has indexed and unresolved nodes and counted edges") {
    TestIndex test;
    const Index index = test.open();
    auto graph = policy::citation_graph(index);
    REQUIRE(graph.ok());
    REQUIRE(graph->nodes.size() == 4);
    CHECK(graph->nodes[3].id == "u1");
    CHECK(graph->nodes[3].label == "安全生产法");
    REQUIRE(graph->edges.size() == 3);
    CHECK(graph->edges[0].from == "d2");
    CHECK(graph->edges[0].to == "d1");
    const std::string dot = policy::to_dot(*graph);
    CHECK(dot.find("\"d2\" -> \"d1\";") != std::string::npos);
    CHECK(dot.find("\"u1\" [label=\"安全生产法\", style=dashed];") != std::string::npos);
    CHECK(policy::to_json(*graph)["edges"].size() == 3);
}

TEST_CASE("export refuses a table it does not know") {
    TestIndex test;
    const Index index = test.open();
    auto rows = policy::export_table(index, "sqlite_schema");
    REQUIRE_FALSE(rows.ok());
    CHECK(rows.error().code == policy::ErrorCode::bad_argument);
    rows = policy::export_table(index, "task_departments");
    REQUIRE(rows.ok());
    CHECK(rows->rows.size() == 5);
}

TEST_CASE("sql returns typed rows and SQLite itself refuses a write") {
    TestIndex test;
    const Index index = test.open();
    auto rows = policy::run_sql(index, "SELECT id, title, doc_year FROM documents ORDER BY id;");
    REQUIRE(rows.ok());
    CHECK(rows->columns == Strings{"id", "title", "doc_year"});
    CHECK(std::holds_alternative<std::int64_t>(rows->rows[0][0]));
    CHECK(std::holds_alternative<std::monostate>(rows->rows[2][2]));
    auto write = policy::run_sql(index, "DELETE FROM tasks");
    REQUIRE_FALSE(write.ok());
    CHECK(write.error().code == policy::ErrorCode::bad_argument);
    CHECK(write.error().message == "sql: attempt to write a readonly database");
    auto two = policy::run_sql(index, "SELECT 1; SELECT 2");
    REQUIRE_FALSE(two.ok());
    CHECK(two.error().message == "sql: one statement at a time");
}

TEST_CASE("search ranks tasks by their segmented words and marks the matches") {
    TestIndex test;
    auto grammar = policy::Grammar::load();
    REQUIRE(grammar.ok());
    auto segmenter = policy::Segmenter::load(*grammar);
    REQUIRE(segmenter.ok());
    {
        auto writable = Index::open(test.path(), Index::Mode::read_write);
        REQUIRE(writable.ok());
        for (const auto& [id, document, text] : std::vector<std::tuple<int, int, std::string>>{
                 {2, 2, "开展尾矿库隐患排查治理，汛期前完成。"}, {3, 2, "推进危险化学品企业搬迁改造。"}}) {
            std::string words;
            for (const std::string& word : segmenter->words(text)) {
                words += (words.empty() ? "" : " ") + word;
            }
            const std::string sql = "INSERT INTO search(rowid, words, kind, document_id, task_id) VALUES(" +
                                    std::to_string(id) + ", '" + words + "', 'task', " + std::to_string(document) +
                                    ", " + std::to_string(id) + ")";
            REQUIRE(sqlite3_exec(writable->handle(), sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        }
    }
    const Index index = test.open();
    auto hits = policy::search_tasks(index, *segmenter, "尾矿库", 10, "«", "»");
    REQUIRE(hits.ok());
    CHECK(column(*hits, "task_id") == Strings{"2"});
    CHECK(column(*hits, "doc_number") == Strings{"吉安委〔2019〕6号"});
    CHECK(column(*hits, "snippet")[0].find("«尾矿库»") != std::string::npos);
}

TEST_CASE("task text words match as written, full-width punctuation included, split at any space") {
    TestIndex test;
    const Index index = test.open();
    policy::TaskFilter filter;
    filter.text = "排查治理，汛期";
    auto tasks = policy::list_tasks(index, policy::DepartmentNames{}, filter);
    REQUIRE(tasks.ok());
    CHECK(column(*tasks, "task_id") == Strings{"2"});
    filter.text = "尾矿库\u3000汛期前";
    tasks = policy::list_tasks(index, policy::DepartmentNames{}, filter);
    REQUIRE(tasks.ok());
    CHECK(column(*tasks, "task_id") == Strings{"2"});
}
