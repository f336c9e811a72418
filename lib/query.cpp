#include "query.h"

#include <fmt/core.h>
#include <re2/re2.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "grammar.h"
#include "index.h"
#include "normalise.h"
#include "segment.h"

namespace policy {
namespace {

struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// A citation with its link and whether it names the citing notice itself (a plan quoting its
// own title in the covering notice): status resolved | self | unresolved.
constexpr const char* k_links_cte = R"sql(
WITH links AS (
  SELECT c.id, c.document_id, c.task_id, c.kind, c.text, c.doc_number, c.title_key, c.ordinal, c.line,
         c.begin_offset, l.cited_document_id,
         CASE WHEN l.cited_document_id IS NOT NULL THEN 'resolved'
              WHEN (c.kind = 'doc_number' AND c.text = o.doc_number)
                OR (c.doc_number IS NOT NULL AND c.doc_number = o.doc_number)
                OR (c.kind = 'title' AND (c.title_key = o.title_key OR c.title_key = o.plan_title_key)) THEN 'self'
              ELSE 'unresolved' END AS status
  FROM citations c
  JOIN citation_links l ON l.citation_id = c.id
  JOIN documents o ON o.id = c.document_id)
)sql";

std::string trim(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return std::string(text);
}

// Folded (full-width ASCII and the ideographic space to half width) and trimmed.
std::string fold(std::string_view text) {
    return trim(normalise(text).text);
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '\t') {
            out += c;
        }
    }
    return out;
}

Value column_value(sqlite3_stmt* statement, int i) {
    switch (sqlite3_column_type(statement, i)) {
        case SQLITE_INTEGER:
            return std::int64_t{sqlite3_column_int64(statement, i)};
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, i);
        case SQLITE_TEXT: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
            return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, i)));
        }
        case SQLITE_BLOB: {
            const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(statement, i));
            std::string hex = "x'";
            for (int k = 0; k < sqlite3_column_bytes(statement, i); ++k) {
                hex += fmt::format("{:02x}", bytes[k]);
            }
            return hex + "'";
        }
        default:
            return Value{};
    }
}

Error sqlite_error(sqlite3* db, ErrorCode code, std::string_view context) {
    return make_error(code, fmt::format("{}: {}", context, sqlite3_errmsg(db)));
}

Result<StatementHandle> prepare(sqlite3* db, std::string_view sql, ErrorCode code, std::string_view context) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        return sqlite_error(db, code, context);
    }
    return StatementHandle(raw);
}

void bind_all(sqlite3_stmt* statement, const std::vector<Value>& params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int slot = static_cast<int>(i + 1);
        const Value& value = params[i];
        if (const auto* text = std::get_if<std::string>(&value)) {
            sqlite3_bind_text(statement, slot, text->data(), static_cast<int>(text->size()), SQLITE_TRANSIENT);
        } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            sqlite3_bind_int64(statement, slot, *integer);
        } else if (const auto* real = std::get_if<double>(&value)) {
            sqlite3_bind_double(statement, slot, *real);
        } else {
            sqlite3_bind_null(statement, slot);
        }
    }
}

// Runs a prepared statement to the end, collecting its rows; column names from SQLite.
Result<ResultSet> collect(sqlite3* db, sqlite3_stmt* statement, ErrorCode code, std::string_view context) {
    ResultSet result;
    const int count = sqlite3_column_count(statement);
    for (int i = 0; i < count; ++i) {
        result.columns.emplace_back(sqlite3_column_name(statement, i));
    }
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE) {
            break;
        }
        if (rc != SQLITE_ROW) {
            return sqlite_error(db, code, context);
        }
        std::vector<Value>& row = result.rows.emplace_back();
        row.reserve(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) {
            row.push_back(column_value(statement, i));
        }
    }
    return result;
}

// One query of ours over the index: a failure means the index is not what we expect.
Result<ResultSet> select(const Index& index, std::string_view sql, const std::vector<Value>& params = {}) {
    const std::string context = index.path();
    auto statement = POLICY_TRY(prepare(index.handle(), sql, ErrorCode::index_error, context));
    bind_all(statement.get(), params);
    return collect(index.handle(), statement.get(), ErrorCode::index_error, context);
}

std::string text_of(const Value& value) {
    return value_text(value);
}

std::optional<std::int64_t> integer_of(const Value& value) {
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        return *integer;
    }
    return std::nullopt;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += parts[i];
    }
    return out;
}

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
    return text;
}

struct Candidate {
    std::int64_t id = 0;
    std::string doc_number;
    std::string title;
    std::string plan_title;
    std::string file;
    std::string path;
};

Result<std::vector<Candidate>> find_documents(const Index& index, std::string_view given) {
    const std::string text = fold(given);
    if (text.empty()) {
        return make_error(ErrorCode::bad_argument, "DOC: empty (give an id, 文号, file name or title)");
    }
    const ResultSet all = POLICY_TRY(
        select(index,
               "SELECT id, COALESCE(doc_number, ''), COALESCE(title, ''), COALESCE(plan_title, ''), file, path "
               "FROM documents ORDER BY id"));
    std::vector<Candidate> documents;
    for (const auto& row : all.rows) {
        documents.push_back(Candidate{*integer_of(row[0]), text_of(row[1]), text_of(row[2]), text_of(row[3]),
                                      text_of(row[4]), text_of(row[5])});
    }
    const auto matching = [&](auto predicate) {
        std::vector<Candidate> found;
        std::copy_if(documents.begin(), documents.end(), std::back_inserter(found), predicate);
        return found;
    };
    const bool all_digits = std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (all_digits && text.size() < 18) {
        const std::int64_t id = std::stoll(text);
        auto found = matching([&](const Candidate& c) { return c.id == id; });
        if (!found.empty()) {
            return found;
        }
    }
    const std::string number = normalise_doc_number(text);
    if (auto found = matching([&](const Candidate& c) { return !c.doc_number.empty() && c.doc_number == number; });
        !found.empty()) {
        return found;
    }
    std::error_code ignored;
    const std::string absolute = std::filesystem::absolute(std::string(given), ignored).lexically_normal().string();
    if (auto found = matching([&](const Candidate& c) {
            return c.file == text || c.path == text || c.path == absolute ||
                   std::filesystem::path(c.file).stem().string() == text;
        });
        !found.empty()) {
        return found;
    }
    // Titles compare without 《》〈〉 and white space, as the index keys them.
    const std::string key = title_key(text);
    if (key.empty()) {
        return std::vector<Candidate>{};
    }
    if (auto found =
            matching([&](const Candidate& c) { return title_key(c.title) == key || title_key(c.plan_title) == key; });
        !found.empty()) {
        return found;
    }
    return matching([&](const Candidate& c) {
        return title_key(c.title).find(key) != std::string::npos ||
               title_key(c.plan_title).find(key) != std::string::npos ||
               (!c.doc_number.empty() && c.doc_number.find(key) != std::string::npos);
    });
}

Error ambiguous_document(std::string_view given, const std::vector<Candidate>& candidates) {
    std::string message =
        fmt::format("DOC '{}' is ambiguous: {} notices match; give an id or 文号:", given, candidates.size());
    for (const Candidate& c : candidates) {
        message += fmt::format("\n  {}  {}  {}  ({})", c.id, c.doc_number.empty() ? "-" : c.doc_number,
                               c.title.empty() ? c.plan_title : c.title, c.file);
    }
    return make_error(ErrorCode::bad_argument, std::move(message));
}

Error document_not_found(std::string_view given) {
    return make_error(ErrorCode::bad_argument,
                      fmt::format("DOC '{}': no indexed notice matches (see policy docs)", given));
}

std::string quote_dot(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace

std::string normalise_doc_number(std::string_view text) {
    static const RE2 k_number(R"(^\s*(\S+?)\s*[\[(【〔〖［（<]\s*(\d{4})\s*[\])】〕〗］）>]\s*第?\s*(\d+)\s*号?\s*$)",
                              RE2::Quiet);
    const std::string folded = fold(text);
    std::string issuer;
    std::string year;
    std::string serial;
    if (RE2::FullMatch(folded, k_number, &issuer, &year, &serial)) {
        return fmt::format("{}〔{}〕{}号", without_spaces(issuer), year, std::stol(serial));
    }
    return folded;
}

Result<std::int64_t> resolve_document(const Index& index, std::string_view text) {
    const auto found = POLICY_TRY(find_documents(index, text));
    if (found.empty()) {
        return document_not_found(text);
    }
    if (found.size() > 1) {
        return ambiguous_document(text, found);
    }
    return found.front().id;
}

Result<ResultSet> list_documents(const Index& index) {
    return select(index, R"sql(
SELECT d.id, d.doc_number, COALESCE(d.title, d.plan_title) AS title,
       (SELECT group_concat(value, '、') FROM json_each(d.issuers)) AS issuers,
       d.issued,
       (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) AS tasks,
       (SELECT count(*) FROM deadlines x WHERE x.document_id = d.id) AS deadlines,
       (SELECT count(*) FROM citations c WHERE c.document_id = d.id) AS citations,
       d.file
FROM documents d
ORDER BY COALESCE(d.issued, ''), d.id)sql");
}

Result<ResultSet> show_document(const Index& index, std::int64_t document_id) {
    const std::vector<Value> id{Value{document_id}};
    const ResultSet document = POLICY_TRY(select(index, R"sql(
SELECT COALESCE(title, plan_title, file), doc_number,
       (SELECT group_concat(value, '、') FROM json_each(issuers)), issued, plan_title
FROM documents WHERE id = ?)sql",
                                                 id));
    if (document.rows.empty()) {
        return make_error(ErrorCode::bad_argument, fmt::format("DOC {}: no such notice", document_id));
    }
    const ResultSet sections = POLICY_TRY(select(index, R"sql(
SELECT path, heading, level, COALESCE(begin_offset, line, ordinal), line
FROM sections WHERE document_id = ? ORDER BY ordinal)sql",
                                                 id));
    const ResultSet tasks = POLICY_TRY(select(index, R"sql(
SELECT id, path, number, section, text, COALESCE(begin_offset, line, ordinal), line
FROM tasks WHERE document_id = ? ORDER BY ordinal)sql",
                                              id));
    const ResultSet departments = POLICY_TRY(select(index, R"sql(
SELECT td.task_id, td.name, td.role
FROM task_departments td JOIN tasks t ON t.id = td.task_id
WHERE t.document_id = ? ORDER BY td.task_id, td.ordinal)sql",
                                                    id));
    const ResultSet deadlines = POLICY_TRY(select(index, R"sql(
SELECT task_id, text, date, line FROM deadlines WHERE document_id = ?
ORDER BY COALESCE(begin_offset, line), id)sql",
                                                  id));
    const ResultSet citations = POLICY_TRY(select(index, std::string(k_links_cte) + R"sql(
SELECT k.task_id, k.kind, k.text, k.line, k.status, k.cited_document_id, d.doc_number, COALESCE(d.title, d.plan_title)
FROM links k LEFT JOIN documents d ON d.id = k.cited_document_id
WHERE k.document_id = ? ORDER BY k.ordinal)sql",
                                                  id));

    ResultSet outline;
    outline.columns = {"kind", "depth", "path", "text", "detail", "line"};
    const auto add = [&](std::string kind, std::int64_t depth, Value path, Value text, Value detail, Value line) {
        outline.rows.push_back({Value{std::move(kind)}, Value{depth}, std::move(path), std::move(text),
                                std::move(detail), std::move(line)});
    };
    const auto& head = document.rows.front();
    std::vector<std::string> about;
    for (std::size_t i = 1; i <= 3; ++i) {
        if (!text_of(head[i]).empty()) {
            about.push_back(text_of(head[i]));
        }
    }
    add("document", 0, Value{std::string()}, head[0], Value{join(about, " · ")}, Value{});

    const auto deadline_rows = [&](std::optional<std::int64_t> task, std::int64_t depth) {
        for (const auto& row : deadlines.rows) {
            if (integer_of(row[0]) == task) {
                const std::string date = text_of(row[2]);
                add("deadline", depth, Value{}, row[1], Value{date.empty() ? std::string("undated") : date}, row[3]);
            }
        }
    };
    const auto citation_rows = [&](std::optional<std::int64_t> task, std::int64_t depth) {
        for (const auto& row : citations.rows) {
            if (integer_of(row[0]) != task) {
                continue;
            }
            const std::string kind = text_of(row[1]);
            const std::string text = kind == "title" ? "《" + text_of(row[2]) + "》" : text_of(row[2]);
            const std::string status = text_of(row[4]);
            std::string detail = status;
            if (status == "resolved") {
                const std::string number = text_of(row[6]);
                detail = fmt::format("→ {} {}", text_of(row[5]), number.empty() ? text_of(row[7]) : number);
            }
            add("citation", depth, Value{}, Value{text}, Value{detail}, row[3]);
        }
    };
    deadline_rows(std::nullopt, 1);
    citation_rows(std::nullopt, 1);

    // Sections and tasks in reading order; a task sits one level below its section.
    struct Node {
        std::int64_t position;
        bool is_task;
        std::size_t row;
    };
    std::vector<Node> nodes;
    std::map<std::string, std::int64_t> section_level;
    for (std::size_t i = 0; i < sections.rows.size(); ++i) {
        nodes.push_back({integer_of(sections.rows[i][3]).value_or(0), false, i});
        section_level[text_of(sections.rows[i][0])] = integer_of(sections.rows[i][2]).value_or(1);
    }
    for (std::size_t i = 0; i < tasks.rows.size(); ++i) {
        nodes.push_back({integer_of(tasks.rows[i][5]).value_or(0), true, i});
    }
    std::stable_sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) {
        return a.position != b.position ? a.position < b.position : (!a.is_task && b.is_task);
    });
    for (const Node& node : nodes) {
        if (!node.is_task) {
            const auto& row = sections.rows[node.row];
            add("section", integer_of(row[2]).value_or(1), row[0], row[1], Value{}, row[4]);
            continue;
        }
        const auto& row = tasks.rows[node.row];
        const auto level = section_level.find(text_of(row[3]));
        const std::int64_t depth = (level == section_level.end() ? 0 : level->second) + 1;
        add("task", depth, row[1], row[4], row[2], row[6]);
        const std::optional<std::int64_t> task_id = integer_of(row[0]);
        for (const auto& department : departments.rows) {
            if (integer_of(department[0]) == task_id) {
                add("department", depth + 1, Value{}, department[1], department[2], Value{});
            }
        }
        deadline_rows(task_id, depth + 1);
        citation_rows(task_id, depth + 1);
    }
    return outline;
}

std::vector<std::string> render_outline(const ResultSet& outline, std::size_t width) {
    std::vector<std::string> lines;
    const auto emit = [&](std::string line) {
        lines.push_back(width > 0 ? truncate_to_width(line, width) : one_line(line));
    };
    std::map<std::string, std::vector<std::string>> roles;  // pending department lines
    std::int64_t role_depth = 0;
    const auto flush_roles = [&] {
        if (roles.empty()) {
            return;
        }
        std::vector<std::string> parts;
        for (const char* role : {"lead", "responsible"}) {
            if (const auto it = roles.find(role); it != roles.end()) {
                parts.push_back(fmt::format("{}: {}", role, join(it->second, "、")));
            }
        }
        for (const auto& [role, names] : roles) {
            if (role != "lead" && role != "responsible") {
                parts.push_back(fmt::format("{}: {}", role, join(names, "、")));
            }
        }
        emit(std::string(static_cast<std::size_t>(role_depth) * 2, ' ') + join(parts, "  "));
        roles.clear();
    };
    for (const auto& row : outline.rows) {
        const std::string kind = text_of(row[0]);
        const std::int64_t depth = integer_of(row[1]).value_or(0);
        const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        const std::string path = text_of(row[2]);
        const std::string text = text_of(row[3]);
        const std::string detail = text_of(row[4]);
        if (kind == "department") {
            role_depth = depth;
            roles[detail].push_back(text);
            continue;
        }
        flush_roles();
        if (kind == "document") {
            emit(text);
            if (!detail.empty()) {
                emit(detail);
            }
        } else if (kind == "section") {
            const auto slash = path.rfind('/');
            emit(fmt::format("{}{}  {}", indent, slash == std::string::npos ? path : path.substr(slash + 1), text));
        } else if (kind == "task") {
            emit(fmt::format("{}{}. {}", indent, detail, text));
        } else if (kind == "deadline") {
            emit(fmt::format("{}due: {} ({})", indent, text, detail));
        } else if (kind == "citation") {
            emit(fmt::format("{}cites: {} {}", indent, text, detail));
        } else {
            emit(indent + text);
        }
    }
    flush_roles();
    return lines;
}

DepartmentNames DepartmentNames::from_grammar(const Grammar& grammar) {
    DepartmentNames names;
    for (const auto& fields : grammar.lexicon("departments.txt")) {
        for (std::size_t i = 1; i < fields.size(); ++i) {
            names.add_alias(fields[0], fields[i]);
        }
    }
    for (const auto& fields : grammar.lexicon("department-renames.txt")) {
        if (fields.size() >= 2) {
            names.add_rename(fields[0], fields[1]);
        }
    }
    return names;
}

void DepartmentNames::add_alias(const std::string& canonical, const std::string& alias) {
    m_aliases.emplace_back(canonical, alias);
}

void DepartmentNames::add_rename(const std::string& old_name, const std::string& new_name) {
    m_renames.emplace_back(old_name, new_name);
}

std::set<std::string> DepartmentNames::aliases_of(const std::string& name) const {
    std::set<std::string> found{name};
    std::vector<std::string> pending{name};
    while (!pending.empty()) {
        const std::string current = pending.back();
        pending.pop_back();
        for (const auto& [a, b] : m_aliases) {
            const std::string* other = a == current ? &b : (b == current ? &a : nullptr);
            if (other != nullptr && found.insert(*other).second) {
                pending.push_back(*other);
            }
        }
    }
    return found;
}

std::set<std::string> DepartmentNames::equivalents(const std::string& name) const {
    // Predecessors and successors, each followed in one direction only: 省工商行政管理局 and
    // 省质量技术监督局 both became 省市场监督管理局, but neither is the other.
    std::set<std::string> result = aliases_of(name);
    for (const bool forward : {true, false}) {
        std::set<std::string> reached = aliases_of(name);
        std::vector<std::string> pending(reached.begin(), reached.end());
        while (!pending.empty()) {
            const std::string current = pending.back();
            pending.pop_back();
            for (const auto& [old_name, new_name] : m_renames) {
                const std::string& from = forward ? old_name : new_name;
                const std::string& to = forward ? new_name : old_name;
                if (from != current) {
                    continue;
                }
                for (const std::string& other : aliases_of(to)) {
                    if (reached.insert(other).second) {
                        pending.push_back(other);
                    }
                }
            }
        }
        result.insert(reached.begin(), reached.end());
    }
    return result;
}

Result<std::vector<std::int64_t>> department_ids(const Index& index, const DepartmentNames& names,
                                                 const std::string& name) {
    std::set<std::int64_t> ids;
    for (const std::string& equivalent : names.equivalents(fold(name))) {
        const ResultSet rows = POLICY_TRY(select(index, R"sql(
SELECT id FROM departments WHERE name = ?1
UNION SELECT department_id FROM department_aliases WHERE alias = ?1)sql",
                                                 {Value{equivalent}}));
        for (const auto& row : rows.rows) {
            ids.insert(*integer_of(row[0]));
        }
    }
    return std::vector<std::int64_t>(ids.begin(), ids.end());
}

Result<std::string> parse_date_argument(std::string_view text, std::string_view option, bool last_day) {
    static const RE2 k_date(R"((\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?)", RE2::Quiet);
    const std::string folded = fold(text);
    std::string year_text;
    std::string month_text;
    std::string day_text;
    const Error bad = make_error(ErrorCode::bad_argument,
                                 fmt::format("{}: '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", option, text));
    if (!RE2::FullMatch(folded, k_date, &year_text, &month_text, &day_text)) {
        return bad;
    }
    const int year = std::stoi(year_text);
    const int month = month_text.empty() ? (last_day ? 12 : 1) : std::stoi(month_text);
    if (month < 1 || month > 12) {
        return bad;
    }
    const int day = day_text.empty() ? (last_day ? days_in_month(year, month) : 1) : std::stoi(day_text);
    if (day < 1 || day > days_in_month(year, month)) {
        return bad;
    }
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Result<ResultSet> list_tasks(const Index& index, const DepartmentNames& names, const TaskFilter& filter) {
    std::string sql = R"sql(
SELECT t.id AS task_id, t.document_id, d.doc_number, t.path, t.section, t.text,
       (SELECT group_concat(name, '、') FROM (SELECT td.name FROM task_departments td
         WHERE td.task_id = t.id AND td.role = 'lead' ORDER BY td.ordinal)) AS lead,
       (SELECT group_concat(name, '、') FROM (SELECT td.name FROM task_departments td
         WHERE td.task_id = t.id AND td.role = 'responsible' ORDER BY td.ordinal)) AS responsible,
       (SELECT group_concat(text, '；') FROM (SELECT x.text FROM deadlines x
         WHERE x.task_id = t.id ORDER BY COALESCE(x.begin_offset, x.line), x.id)) AS deadline,
       (SELECT min(x.date) FROM deadlines x WHERE x.task_id = t.id) AS due,
       t.line
FROM tasks t JOIN documents d ON d.id = t.document_id
WHERE 1 = 1)sql";
    std::vector<Value> params;
    ResultSet notes_only;
    std::optional<std::string> role;
    if (filter.role) {
        const std::string given = fold(*filter.role);
        if (given == "lead" || given == "牵头") {
            role = "lead";
        } else if (given == "responsible" || given == "负责") {
            role = "responsible";
        } else {
            return make_error(ErrorCode::bad_argument,
                              fmt::format("--role: '{}' is not a role (lead or responsible)", *filter.role));
        }
    }
    if (filter.department) {
        std::vector<std::int64_t> ids = POLICY_TRY(department_ids(index, names, *filter.department));
        if (ids.empty()) {
            // No body of that name: fall back to names containing it (应急 → 省应急管理厅).
            const ResultSet like = POLICY_TRY(
                select(index,
                       "SELECT id, name FROM departments WHERE instr(name, ?1) > 0 "
                       "UNION SELECT department_id, alias FROM department_aliases WHERE instr(alias, ?1) > 0",
                       {Value{fold(*filter.department)}}));
            std::set<std::string> matched;
            for (const auto& row : like.rows) {
                ids.push_back(*integer_of(row[0]));
                matched.insert(text_of(row[1]));
            }
            if (ids.empty()) {
                notes_only.notes.push_back(fmt::format(
                    "--dept: no department called '{}' in the index (see policy depts)", *filter.department));
            } else {
                notes_only.notes.push_back(
                    fmt::format("--dept: no department called '{}'; matching {}", *filter.department,
                                join(std::vector<std::string>(matched.begin(), matched.end()), "、")));
            }
        }
        if (ids.empty()) {
            ids.push_back(-1);  // matches nothing; the note says why
        }
        std::vector<std::string> id_texts;
        for (const std::int64_t id : ids) {
            id_texts.push_back(std::to_string(id));
        }
        sql += fmt::format(
            " AND EXISTS (SELECT 1 FROM task_departments td WHERE td.task_id = t.id AND td.department_id IN ({}){})",
            join(id_texts, ","), role ? " AND td.role = ?" : "");
        if (role) {
            params.emplace_back(*role);
        }
    } else if (role) {
        sql += " AND EXISTS (SELECT 1 FROM task_departments td WHERE td.task_id = t.id AND td.role = ?)";
        params.emplace_back(*role);
    }
    if (filter.document_id) {
        sql += " AND t.document_id = ?";
        params.emplace_back(*filter.document_id);
    }
    if (filter.year) {
        sql += " AND COALESCE(d.doc_year, CAST(substr(d.issued, 1, 4) AS INTEGER)) = ?";
        params.emplace_back(std::int64_t{*filter.year});
    }
    if (filter.due_before || filter.due_after) {
        sql += " AND EXISTS (SELECT 1 FROM deadlines x WHERE x.task_id = t.id AND x.date IS NOT NULL";
        if (filter.due_before) {
            sql += " AND x.date < ?";
            params.emplace_back(POLICY_TRY(parse_date_argument(*filter.due_before, "--due-before")));
        }
        if (filter.due_after) {
            sql += " AND x.date >= ?";
            params.emplace_back(POLICY_TRY(parse_date_argument(*filter.due_after, "--due-after")));
        }
        sql += ")";
    }
    if (filter.section) {
        const std::string section = without_spaces(fold(*filter.section));
        sql += " AND (t.section = ? OR substr(t.section, 1, length(?) + 1) = ? || '/')";
        params.emplace_back(section);
        params.emplace_back(section);
        params.emplace_back(section);
    }
    if (filter.text) {
        // Task text is stored as written, full-width digits and punctuation included, so each
        // word matches as given or folded to half width.
        const std::string words = replace_all(replace_all(*filter.text, "\u3000", " "), "\t", " ");
        std::size_t pos = 0;
        while (pos <= words.size()) {
            const std::size_t space = words.find(' ', pos);
            const std::string word = words.substr(pos, space == std::string::npos ? std::string::npos : space - pos);
            if (!word.empty()) {
                sql += " AND (instr(t.text, ?) > 0 OR instr(t.text, ?) > 0)";
                params.emplace_back(word);
                params.emplace_back(fold(word));
            }
            if (space == std::string::npos) {
                break;
            }
            pos = space + 1;
        }
    }
    sql += " ORDER BY COALESCE(d.issued, ''), d.id, t.ordinal";
    ResultSet result = POLICY_TRY(select(index, sql, params));
    result.notes = std::move(notes_only.notes);
    return result;
}

Result<ResultSet> search_tasks(const Index& index, const Segmenter& segmenter, std::string_view query,
                               std::size_t limit, const std::string& mark_open, const std::string& mark_close) {
    SearchOptions options;
    options.limit = limit;
    options.mark_open = mark_open;
    options.mark_close = mark_close;
    const auto hits = POLICY_TRY(index.search(segmenter, fold(query), options));
    ResultSet result;
    result.columns = {"rank", "document_id", "doc_number", "task_id", "path", "snippet", "score"};
    const ResultSet numbers = POLICY_TRY(select(index, "SELECT id, doc_number FROM documents"));
    std::map<std::int64_t, Value> number_of;
    for (const auto& row : numbers.rows) {
        number_of[*integer_of(row[0])] = row[1];
    }
    std::int64_t rank = 0;
    for (const SearchHit& hit : hits) {
        result.rows.push_back({Value{++rank}, Value{hit.document_id}, number_of[hit.document_id], Value{hit.task_id},
                               Value{hit.task_path}, Value{hit.snippet}, Value{hit.score}});
    }
    return result;
}

Result<ResultSet> citations_of(const Index& index, std::int64_t document_id) {
    return select(index, std::string(k_links_cte) + R"sql(
SELECT k.id AS citation_id, k.kind, k.text, k.doc_number, t.path AS task_path, k.line, k.status,
       k.cited_document_id, d.doc_number AS cited_doc_number, COALESCE(d.title, d.plan_title) AS cited_title
FROM links k LEFT JOIN tasks t ON t.id = k.task_id LEFT JOIN documents d ON d.id = k.cited_document_id
WHERE k.document_id = ? ORDER BY k.ordinal)sql",
                  {Value{document_id}});
}

Result<ResultSet> citing_documents(const Index& index, std::string_view doc) {
    const auto found = POLICY_TRY(find_documents(index, doc));
    if (found.size() > 1) {
        return ambiguous_document(doc, found);
    }
    if (found.size() == 1) {
        return select(index, std::string(k_links_cte) + R"sql(
SELECT k.document_id AS citing_document_id, d.doc_number AS citing_doc_number,
       COALESCE(d.title, d.plan_title) AS citing_title, k.kind, k.text, t.path AS task_path, k.line, k.status
FROM links k JOIN documents d ON d.id = k.document_id LEFT JOIN tasks t ON t.id = k.task_id
WHERE k.cited_document_id = ? ORDER BY COALESCE(d.issued, ''), d.id, k.ordinal)sql",
                      {Value{found.front().id}});
    }
    // Not indexed: the citations that name it as written.
    const std::string number = normalise_doc_number(doc);
    const std::string key = title_key(fold(doc));
    ResultSet result = POLICY_TRY(select(index, std::string(k_links_cte) + R"sql(
SELECT k.document_id AS citing_document_id, d.doc_number AS citing_doc_number,
       COALESCE(d.title, d.plan_title) AS citing_title, k.kind, k.text, t.path AS task_path, k.line, k.status
FROM links k JOIN documents d ON d.id = k.document_id LEFT JOIN tasks t ON t.id = k.task_id
WHERE k.status = 'unresolved' AND (k.text = ?1 OR k.doc_number = ?1 OR k.title_key = ?2)
ORDER BY COALESCE(d.issued, ''), d.id, k.ordinal)sql",
                                         {Value{number}, Value{key}}));
    result.notes.push_back(
        fmt::format("'{}' is not an indexed notice; citations that name it as written:", std::string(doc)));
    return result;
}

Result<ResultSet> unresolved_citations(const Index& index) {
    return select(index, std::string(k_links_cte) + R"sql(
SELECT k.kind, k.text, max(k.doc_number) AS doc_number, count(*) AS citations,
       count(DISTINCT k.document_id) AS citing_documents,
       replace(group_concat(DISTINCT COALESCE(d.doc_number, d.file)), ',', '、') AS cited_in
FROM links k JOIN documents d ON d.id = k.document_id
WHERE k.status = 'unresolved'
GROUP BY k.kind, COALESCE(k.title_key, k.text)
ORDER BY citations DESC, citing_documents DESC, k.kind, k.text)sql");
}

Result<ResultSet> department_matrix(const Index& index, Grouping by) {
    constexpr const char* k_counts = R"sql(
       count(DISTINCT CASE WHEN td.role = 'lead' THEN td.task_id END) AS lead,
       count(DISTINCT CASE WHEN td.role = 'responsible' THEN td.task_id END) AS responsible,
       count(DISTINCT td.task_id) AS tasks)sql";
    constexpr const char* k_from = R"sql(
FROM task_departments td JOIN departments p ON p.id = td.department_id
JOIN tasks t ON t.id = td.task_id JOIN documents d ON d.id = t.document_id)sql";
    switch (by) {
        case Grouping::none:
            return select(index,
                          fmt::format("SELECT p.name AS department,{}, count(DISTINCT t.document_id) AS documents{}"
                                      " GROUP BY p.id ORDER BY tasks DESC, department",
                                      k_counts, k_from));
        case Grouping::document:
            return select(index, fmt::format("SELECT p.name AS department, d.id AS document_id, d.doc_number,{}{}"
                                             " GROUP BY p.id, d.id ORDER BY COALESCE(d.issued, ''), d.id, tasks DESC,"
                                             " department",
                                             k_counts, k_from));
        case Grouping::year:
            return select(index,
                          fmt::format("SELECT p.name AS department,"
                                      " COALESCE(d.doc_year, CAST(substr(d.issued, 1, 4) AS INTEGER)) AS year,{}{}"
                                      " GROUP BY p.id, year ORDER BY year, tasks DESC, department",
                                      k_counts, k_from));
    }
    return make_error(ErrorCode::bad_argument, "depts: unknown grouping");
}

Result<DeadlineList> list_deadlines(const Index& index, const DeadlineFilter& filter) {
    constexpr const char* k_select = R"sql(
SELECT x.date, x.text,
       CASE WHEN x.date IS NULL THEN 'undated' WHEN x.date < ?1 THEN 'overdue' ELSE 'due' END AS status,
       d.doc_number, x.document_id, x.task_id, t.path AS task_path, t.text AS task_text, x.year_inferred, x.line
FROM deadlines x JOIN documents d ON d.id = x.document_id LEFT JOIN tasks t ON t.id = x.task_id)sql";
    std::string where = " WHERE x.date IS NOT NULL";
    std::vector<Value> params{Value{filter.today}};
    if (filter.from) {
        where += " AND x.date >= ?";
        params.emplace_back(*filter.from);
    }
    if (filter.to) {
        where += " AND x.date <= ?";
        params.emplace_back(*filter.to);
    }
    if (filter.overdue) {
        where += " AND x.date < ?1";
    }
    DeadlineList list;
    list.dated = POLICY_TRY(select(
        index, std::string(k_select) + where + " ORDER BY x.date, COALESCE(d.issued, ''), d.id, x.begin_offset, x.id",
        params));
    if (filter.from || filter.to || filter.overdue) {
        list.undated.columns = list.dated.columns;
    } else {
        list.undated =
            POLICY_TRY(select(index,
                              std::string(k_select) + " WHERE x.date IS NULL ORDER BY COALESCE(d.issued, ''),"
                                                      " d.id, x.begin_offset, x.id",
                              {Value{filter.today}}));
    }
    return list;
}

Result<CitationGraph> citation_graph(const Index& index, bool include_unresolved) {
    CitationGraph graph;
    const ResultSet documents =
        POLICY_TRY(select(index,
                          "SELECT id, COALESCE(doc_number, ''), COALESCE(title, plan_title, file) FROM documents "
                          "ORDER BY COALESCE(issued, ''), id"));
    for (const auto& row : documents.rows) {
        const std::int64_t id = *integer_of(row[0]);
        const std::string number = text_of(row[1]);
        const std::string title = text_of(row[2]);
        graph.nodes.push_back(
            {fmt::format("d{}", id), number.empty() ? title : number + "\n" + title, id, number, title});
    }
    const ResultSet resolved = POLICY_TRY(select(index, std::string(k_links_cte) + R"sql(
SELECT document_id, cited_document_id, count(*) FROM links WHERE status = 'resolved'
GROUP BY document_id, cited_document_id ORDER BY document_id, cited_document_id)sql"));
    for (const auto& row : resolved.rows) {
        graph.edges.push_back(
            {fmt::format("d{}", *integer_of(row[0])), fmt::format("d{}", *integer_of(row[1])), *integer_of(row[2])});
    }
    if (include_unresolved) {
        const ResultSet unresolved = POLICY_TRY(select(index, std::string(k_links_cte) + R"sql(
SELECT COALESCE(title_key, text) AS key, min(text), max(doc_number), document_id, count(*)
FROM links WHERE status = 'unresolved' GROUP BY key, document_id ORDER BY key, document_id)sql"));
        std::map<std::string, std::string> node_of;
        for (const auto& row : unresolved.rows) {
            const std::string key = text_of(row[0]);
            auto it = node_of.find(key);
            if (it == node_of.end()) {
                const std::string id = fmt::format("u{}", node_of.size() + 1);
                it = node_of.emplace(key, id).first;
                const std::string number = text_of(row[2]);
                graph.nodes.push_back({id, text_of(row[1]), std::nullopt, number, text_of(row[1])});
            }
            graph.edges.push_back({fmt::format("d{}", *integer_of(row[3])), it->second, *integer_of(row[4])});
        }
    }
    return graph;
}

std::string to_dot(const CitationGraph& graph) {
    std::string dot = "digraph citations {\n  rankdir=LR;\n  node [shape=box, fontname=\"Noto Sans CJK SC\"];\n";
    for (const auto& node : graph.nodes) {
        dot += fmt::format("  {} [label={}{}];\n", quote_dot(node.id), quote_dot(node.label),
                           node.document_id ? "" : ", style=dashed");
    }
    for (const auto& edge : graph.edges) {
        dot += fmt::format("  {} -> {}{};\n", quote_dot(edge.from), quote_dot(edge.to),
                           edge.count > 1 ? fmt::format(" [label=\"{}\"]", edge.count) : "");
    }
    dot += "}\n";
    return dot;
}

nlohmann::ordered_json to_json(const CitationGraph& graph) {
    nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
    for (const auto& node : graph.nodes) {
        nodes.push_back(
            {{"id", node.id},
             {"label", node.label},
             {"indexed", node.document_id.has_value()},
             {"document_id", node.document_id ? nlohmann::ordered_json(*node.document_id) : nlohmann::ordered_json()},
             {"doc_number",
              node.doc_number.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(node.doc_number)},
             {"title", node.title}});
    }
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (const auto& edge : graph.edges) {
        edges.push_back({{"from", edge.from}, {"to", edge.to}, {"count", edge.count}});
    }
    return {{"nodes", nodes}, {"edges", edges}};
}

const std::vector<std::string>& exportable_tables() {
    static const std::vector<std::string> k_tables = {
        "documents", "tasks",    "task_departments", "deadlines",
        "citations", "sections", "departments",      "department_aliases"};
    return k_tables;
}

Result<ResultSet> export_table(const Index& index, std::string_view table) {
    const auto& tables = exportable_tables();
    if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
        return make_error(ErrorCode::bad_argument,
                          fmt::format("export: unknown table '{}' ({})", table, join(tables, ", ")));
    }
    // The name is one of ours, so it can be spliced into the statement.
    return select(index, fmt::format("SELECT * FROM {} ORDER BY rowid", table));
}

Result<ResultSet> run_sql(const Index& index, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(index.handle(), sql.data(), static_cast<int>(sql.size()), &raw, &tail) != SQLITE_OK) {
        return sqlite_error(index.handle(), ErrorCode::bad_argument, "sql");
    }
    StatementHandle statement(raw);
    if (!statement) {
        return make_error(ErrorCode::bad_argument, "sql: no statement given");
    }
    const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
        return make_error(ErrorCode::bad_argument, "sql: one statement at a time");
    }
    return collect(index.handle(), statement.get(), ErrorCode::bad_argument, "sql");
}

}  // namespace policy
