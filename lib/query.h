// query.h — everything an analyst asks of the index, one function per question, each
// returning a ResultSet (tabular.h) with stable snake_case columns (README.md lists
// them). It only reads: callers open the Index with Mode::read_only (SQLITE_OPEN_READONLY and
// PRAGMA query_only), so even `policy sql` cannot write. It does not print and does not
// choose an output format: cli/cmd_query.cpp does.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "result.h"
#include "tabular.h"

namespace policy {

class Grammar;
class Index;
class Segmenter;

// A 文号 written with any brackets or width, normalised as the index stores it:
// "吉办发[2014]32号", "吉办发（2014）32 号" → "吉办发〔2014〕32号". Other text comes back folded
// and trimmed.
std::string normalise_doc_number(std::string_view text);

// The id of the notice `text` names: an id, a 文号 in any bracket width, a file name (with or
// without extension) or a fragment of the title unique among indexed notices. Not found or
// ambiguous is ErrorCode::bad_argument; an ambiguous message lists the candidates, one per
// line after the first.
Result<std::int64_t> resolve_document(const Index& index, std::string_view text);

// policy docs — id, doc_number, title, issuers, issued, tasks, deadlines, citations, file.
Result<ResultSet> list_documents(const Index& index);

// policy show — the notice as an outline, one row per node in reading order:
// kind (document|section|task|department|deadline|citation), depth, path, text, detail, line.
Result<ResultSet> show_document(const Index& index, std::int64_t document_id);

// The outline rows as indented lines for a terminal; text cut to `width` columns (0: uncut).
std::vector<std::string> render_outline(const ResultSet& outline, std::size_t width);

// Department names that mean the same body: canonical names and aliases from
// departments.txt (`canonical<TAB>alias…`) and renames from department-renames.txt
// (`old<TAB>new`, e.g. 省安全监管局 → 省应急管理厅 in the 2018 reform).
class DepartmentNames {
public:
    static DepartmentNames from_grammar(const Grammar& grammar);
    void add_alias(const std::string& canonical, const std::string& alias);
    void add_rename(const std::string& old_name, const std::string& new_name);

    // `name`, its aliases, and the names of its predecessors and successors through renames
    // (with their aliases): 省应急管理厅 → {省应急管理厅, 省应急厅, 省安全监管局, …}.
    std::set<std::string> equivalents(const std::string& name) const;

private:
    std::set<std::string> aliases_of(const std::string& name) const;
    std::vector<std::pair<std::string, std::string>> m_aliases;  // canonical, alias
    std::vector<std::pair<std::string, std::string>> m_renames;  // old, new
};

// The department ids `name` stands for in the index: through the lexicon equivalents, then
// departments.name and department_aliases.alias.
Result<std::vector<std::int64_t>> department_ids(const Index& index, const DepartmentNames& names,
                                                 const std::string& name);

struct TaskFilter {
    std::optional<std::string> department;  // any name, alias or old name
    std::optional<std::string> role;        // lead | responsible
    std::optional<std::int64_t> document_id;
    std::optional<int> year;                // of the notice (文号 year, else date issued)
    std::optional<std::string> due_before;  // a deadline strictly before (YYYY[-MM[-DD]])
    std::optional<std::string> due_after;   // a deadline on or after
    std::optional<std::string> section;     // the section path or one of its ancestors
    std::optional<std::string> text;        // every word must occur in the task text
};

// policy tasks — task_id, document_id, doc_number, path, section, text, lead, responsible,
// deadline, due, line.
Result<ResultSet> list_tasks(const Index& index, const DepartmentNames& names, const TaskFilter& filter);

// A date argument: YYYY, YYYY-MM or YYYY-MM-DD. `last_day` picks the end of a year or month
// (for inclusive upper bounds) instead of its first day.
Result<std::string> parse_date_argument(std::string_view text, std::string_view option, bool last_day = false);

// policy search — rank, document_id, doc_number, task_id, path, snippet, score: tasks whose
// text holds every word of `query` (segmented as the index was), best first, matched words
// between `mark_open` and `mark_close` in the snippet.
Result<ResultSet> search_tasks(const Index& index, const Segmenter& segmenter, std::string_view query,
                               std::size_t limit, const std::string& mark_open, const std::string& mark_close);

// policy cites DOC — citation_id, kind, text, doc_number, task_path, line, status
// (resolved|unresolved), cited_document_id, cited_doc_number, cited_title.
Result<ResultSet> citations_of(const Index& index, std::int64_t document_id);

// policy cited-by DOC — citing_document_id, citing_doc_number, citing_title, kind, text,
// task_path, line, status. DOC is resolved as by resolve_document; a DOC the index does not
// hold (a 文号 or title) is matched against the citations as written, and the rows are
// unresolved (with a note saying so). An ambiguous DOC is an error listing the candidates.
Result<ResultSet> citing_documents(const Index& index, std::string_view doc);

// policy cites --unresolved — kind, text, doc_number, citations, citing_documents, cited_in:
// what the index does not hold yet, most cited first.
Result<ResultSet> unresolved_citations(const Index& index);

enum class Grouping { none, document, year };

// policy depts — department, [document_id, doc_number | year], lead, responsible, tasks.
Result<ResultSet> department_matrix(const Index& index, Grouping by);

struct DeadlineFilter {
    std::optional<std::string> from;  // ISO, inclusive
    std::optional<std::string> to;    // ISO, inclusive
    bool overdue = false;             // date before `today`
    std::string today;                // ISO
};

// policy deadlines — date, text, status (overdue|due|undated), doc_number, document_id,
// task_id, task_path, task_text, year_inferred, line. Dated ones in date order; undated ones
// (汛期前) apart, and only when no date filter is given.
struct DeadlineList {
    ResultSet dated;
    ResultSet undated;
};
Result<DeadlineList> list_deadlines(const Index& index, const DeadlineFilter& filter);

// The citation graph: indexed notices and the unresolved documents they cite.
struct CitationGraph {
    struct Node {
        std::string id;  // d12 for an indexed notice, u3 for an unresolved document
        std::string label;
        std::optional<std::int64_t> document_id;
        std::string doc_number;
        std::string title;
    };
    struct Edge {
        std::string from;
        std::string to;
        std::int64_t count = 0;  // citations from `from` to `to`
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
};
Result<CitationGraph> citation_graph(const Index& index, bool include_unresolved = true);
std::string to_dot(const CitationGraph& graph);
nlohmann::ordered_json to_json(const CitationGraph& graph);

// Tables `policy export` writes, in workbook order.
const std::vector<std::string>& exportable_tables();

// policy export TABLE — every row of one table, columns as in schema.sql.
Result<ResultSet> export_table(const Index& index, std::string_view table);

// policy sql — the rows of one read-only statement; SQLite's own message on failure
// (ErrorCode::bad_argument), including its refusal of any write.
Result<ResultSet> run_sql(const Index& index, std::string_view sql);

}  // namespace policy
