// The query commands: docs show tasks search cites cited-by depts deadlines graph export sql.
// Each parses its arguments, opens the index read-only, calls one function of query.h and
// writes the result set in the format asked for (tabular.h).
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>

#include "app.h"
#include "grammar.h"
#include "index.h"
#include "query.h"
#include "segment.h"
#include "tabular.h"
#include "xlsx.h"

namespace policy::cli {
namespace {

// Every query command's help ends with the exit codes (the same for every subcommand).
constexpr const char* k_exit_codes =
    "\n\nExit codes: 0 success (an empty result too), 2 bad arguments or query, 4 the index cannot be\n"
    "opened or read.";

constexpr const char* k_formats = "table|csv|tsv|json|jsonl (default: table on a terminal, csv otherwise)";

struct OutputArgs {
    std::string db;
    std::string format;
    bool bom = false;
    bool no_header = false;
    bool wide = false;
};

void set_footer(CLI::App* sub, const std::string& text) {
    sub->footer(text + k_exit_codes);
}

void add_db_option(CLI::App* sub, OutputArgs& args) {
    sub->add_option("--db", args.db, "index path (default: $POLICY_DB, else ./policy.db)");
}

void add_output_options(CLI::App* sub, OutputArgs& args) {
    add_db_option(sub, args);
    sub->add_option("--format", args.format, k_formats)->check(CLI::IsMember({"table", "csv", "tsv", "json", "jsonl"}));
    sub->add_flag("--bom", args.bom, "start CSV/TSV with a UTF-8 byte order mark (for Excel)");
    sub->add_flag("--no-header", args.no_header, "leave out the header row");
    sub->add_flag("--wide", args.wide, "table: do not cut long text to the terminal width");
}

void fail(Context& context, const Error& error) {
    print_error(context, error.message);
    context.exit_code = static_cast<int>(error.code);
}

OutputFormat format_of(const Context& context, const OutputArgs& args) {
    if (args.format.empty()) {
        return context.out_is_tty ? OutputFormat::table : OutputFormat::csv;
    }
    return parse_output_format(args.format).value();  // CLI11 checked the name
}

WriteOptions write_options(const Context& context, const OutputArgs& args) {
    WriteOptions options;
    options.header = !args.no_header;
    options.bom = args.bom;
    options.width = args.wide ? 0 : terminal_width(context);
    options.colour = colour_wanted(context);
    return options;
}

// Notes go to stderr; rows to stdout. A closed pipe ends the output quietly.
void emit(Context& context, const OutputArgs& args, const ResultSet& result) {
    for (const std::string& note : result.notes) {
        print_error(context, note);
    }
    write_result(context.out, result, format_of(context, args), write_options(context, args));
}

std::optional<Index> open_index(Context& context, const std::string& db) {
    auto index = Index::open(default_index_path(db), Index::Mode::read_only);
    if (!index) {
        fail(context, index.error());
        return std::nullopt;
    }
    return std::move(index).value();
}

std::optional<Grammar> load_grammar(Context& context, const std::string& dir) {
    auto grammar = Grammar::load(dir);
    if (!grammar) {
        fail(context, grammar.error());
        return std::nullopt;
    }
    return std::move(grammar).value();
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

// ---- docs -------------------------------------------------------------------------------

void add_docs(CLI::App& app, Context& context) {
    auto args = std::make_shared<OutputArgs>();
    CLI::App* sub = app.add_subcommand("docs", "List indexed notices: 文号, title, issuer, date, task count");
    set_footer(sub,
               "Columns: id doc_number title issuers issued tasks deadlines citations file\n"
               "Examples:\n"
               "  policy docs\n"
               "  policy docs --format json | jq '.[].doc_number'");
    add_output_options(sub, *args);
    sub->callback([args, &context] {
        auto index = open_index(context, args->db);
        if (!index) {
            return;
        }
        auto result = list_documents(*index);
        if (!result) {
            return fail(context, result.error());
        }
        emit(context, *args, *result);
    });
}

// ---- show -------------------------------------------------------------------------------

void add_show(CLI::App& app, Context& context) {
    auto args = std::make_shared<OutputArgs>();
    auto doc = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("show",
                                       "Show one notice as an outline: sections, tasks, departments, "
                                       "deadlines, citations");
    set_footer(sub,
               "DOC is an id, a 文号 in any bracket width, a file name or a unique title fragment.\n"
               "Columns (csv/json): kind depth path text detail line\n"
               "Examples:\n"
               "  policy show '吉办发[2014]32号'\n"
               "  policy show 改革试点 --format json");
    sub->add_option("doc", *doc, "the notice")->required();
    add_output_options(sub, *args);
    sub->callback([args, doc, &context] {
        auto index = open_index(context, args->db);
        if (!index) {
            return;
        }
        auto id = resolve_document(*index, *doc);
        if (!id) {
            return fail(context, id.error());
        }
        auto outline = show_document(*index, *id);
        if (!outline) {
            return fail(context, outline.error());
        }
        if (format_of(context, *args) != OutputFormat::table) {
            return emit(context, *args, *outline);
        }
        const WriteOptions options = write_options(context, *args);
        for (const std::string& line : render_outline(*outline, options.width)) {
            context.out << line << '\n';
            if (!context.out) {
                return;
            }
        }
        context.out.flush();
    });
}

// ---- tasks ------------------------------------------------------------------------------

struct TaskArgs {
    OutputArgs output;
    std::string grammars;
    std::string doc;
    TaskFilter filter;
};

void add_tasks(CLI::App& app, Context& context) {
    auto args = std::make_shared<TaskArgs>();
    CLI::App* sub = app.add_subcommand("tasks",
                                       "List tasks across notices, filtered by department, role, notice, "
                                       "year, deadline, section or text");
    set_footer(sub,
               "Columns: task_id document_id doc_number path section text lead responsible deadline due line\n"
               "Departments are matched through aliases (省工信厅 = 省工业和信息化厅) and renames\n"
               "(省安全监管局 → 省应急管理厅): grammars/departments.txt, grammars/department-renames.txt.\n"
               "Examples:\n"
               "  policy tasks --dept 省应急管理厅 --role lead\n"
               "  policy tasks --due-before 2020 --format csv --bom > due.csv\n"
               "  policy tasks --doc 吉安委〔2019〕6号 --section 二 --text 尾矿库");
    sub->add_option("--dept", args->filter.department, "a department, by any of its names");
    sub->add_option("--role", args->filter.role, "lead (牵头) or responsible (负责)");
    sub->add_option("--doc", args->doc, "only this notice (id, 文号, file name or title fragment)");
    sub->add_option("--year", args->filter.year, "only notices of this year (文号 year, else date issued)");
    sub->add_option("--due-before", args->filter.due_before, "with a deadline before DATE (YYYY[-MM[-DD]])");
    sub->add_option("--due-after", args->filter.due_after, "with a deadline on or after DATE");
    sub->add_option("--section", args->filter.section, "only tasks in this section path (六 or 六/(一))");
    sub->add_option("--text", args->filter.text, "every word must occur in the task text");
    sub->add_option("--grammars", args->grammars, "directory overriding the built-in lexicons");
    add_output_options(sub, args->output);
    sub->callback([args, &context] {
        auto index = open_index(context, args->output.db);
        if (!index) {
            return;
        }
        TaskFilter filter = args->filter;
        if (!args->doc.empty()) {
            auto id = resolve_document(*index, args->doc);
            if (!id) {
                return fail(context, id.error());
            }
            filter.document_id = *id;
        }
        DepartmentNames names;
        if (filter.department) {
            auto grammar = load_grammar(context, args->grammars);
            if (!grammar) {
                return;
            }
            names = DepartmentNames::from_grammar(*grammar);
        }
        auto result = list_tasks(*index, names, filter);
        if (!result) {
            return fail(context, result.error());
        }
        emit(context, args->output, *result);
    });
}

// ---- search -----------------------------------------------------------------------------

struct SearchArgs {
    OutputArgs output;
    std::vector<std::string> words;
    std::string grammars;
    std::size_t limit = 20;
};

void add_search(CLI::App& app, Context& context) {
    auto args = std::make_shared<SearchArgs>();
    CLI::App* sub = app.add_subcommand("search", "Full-text search over task text, ranked, with highlighted snippets");
    set_footer(sub,
               "Columns: rank document_id doc_number task_id path snippet score\n"
               "Matched words are marked «like this»; lower score is a better match (bm25).\n"
               "Examples:\n"
               "  policy search 尾矿库\n"
               "  policy search 危险化学品 搬迁 --limit 5 --format json");
    sub->add_option("query", args->words, "words that must all occur")->required();
    sub->add_option("--limit", args->limit, "at most this many results (default 20)");
    sub->add_option("--grammars", args->grammars, "directory overriding the built-in lexicons");
    add_output_options(sub, args->output);
    sub->callback([args, &context] {
        auto index = open_index(context, args->output.db);
        if (!index) {
            return;
        }
        auto grammar = load_grammar(context, args->grammars);
        if (!grammar) {
            return;
        }
        auto segmenter = Segmenter::load(*grammar);
        if (!segmenter) {
            return fail(context, segmenter.error());
        }
        std::string query;
        for (const std::string& word : args->words) {
            query += (query.empty() ? "" : " ") + word;
        }
        auto result = search_tasks(*index, *segmenter, query, args->limit, "«", "»");
        if (!result) {
            return fail(context, result.error());
        }
        emit(context, args->output, *result);
    });
}

// ---- cites, cited-by --------------------------------------------------------------------

void add_cites(CLI::App& app, Context& context) {
    auto args = std::make_shared<OutputArgs>();
    auto doc = std::make_shared<std::string>();
    auto unresolved = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("cites",
                                       "What a notice cites, each resolved to an indexed notice or not; "
                                       "--unresolved: what the index lacks");
    set_footer(sub,
               "Columns: citation_id kind text doc_number task_path line status cited_document_id\n"
               "         cited_doc_number cited_title   (status: resolved, unresolved, self)\n"
               "With --unresolved: kind text doc_number citations citing_documents cited_in\n"
               "Examples:\n"
               "  policy cites 吉安委〔2019〕6号\n"
               "  policy cites --unresolved --format csv --bom > to-collect.csv");
    sub->add_option("doc", *doc, "the citing notice");
    sub->add_flag("--unresolved", *unresolved, "list every cited document the index does not hold");
    add_output_options(sub, *args);
    sub->callback([args, doc, unresolved, &context] {
        if (doc->empty() && !*unresolved) {
            print_error(context, "cites: give a DOC or --unresolved");
            context.exit_code = static_cast<int>(ErrorCode::bad_argument);
            return;
        }
        auto index = open_index(context, args->db);
        if (!index) {
            return;
        }
        if (*unresolved) {
            if (!doc->empty()) {
                print_error(context, "cites: --unresolved lists the whole index; give no DOC");
                context.exit_code = static_cast<int>(ErrorCode::bad_argument);
                return;
            }
            auto result = unresolved_citations(*index);
            if (!result) {
                return fail(context, result.error());
            }
            return emit(context, *args, *result);
        }
        auto id = resolve_document(*index, *doc);
        if (!id) {
            return fail(context, id.error());
        }
        auto result = citations_of(*index, *id);
        if (!result) {
            return fail(context, result.error());
        }
        emit(context, *args, *result);
    });
}

void add_cited_by(CLI::App& app, Context& context) {
    auto args = std::make_shared<OutputArgs>();
    auto doc = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("cited-by", "Which indexed notices cite DOC (indexed or not)");
    set_footer(sub,
               "Columns: citing_document_id citing_doc_number citing_title kind text task_path line status\n"
               "DOC may also be a 文号 or title the index does not hold: the citations naming it are listed.\n"
               "Examples:\n"
               "  policy cited-by 吉办发〔2014〕32号\n"
               "  policy cited-by 《地方党政领导干部安全生产责任制规定》");
    sub->add_option("doc", *doc, "the cited notice")->required();
    add_output_options(sub, *args);
    sub->callback([args, doc, &context] {
        auto index = open_index(context, args->db);
        if (!index) {
            return;
        }
        auto result = citing_documents(*index, *doc);
        if (!result) {
            return fail(context, result.error());
        }
        emit(context, *args, *result);
    });
}

// ---- depts ------------------------------------------------------------------------------

void add_depts(CLI::App& app, Context& context) {
    auto args = std::make_shared<OutputArgs>();
    auto by = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("depts", "Responsibility matrix: tasks each department leads and shares");
    set_footer(sub,
               "Columns: department lead responsible tasks documents\n"
               "  --by doc:  department document_id doc_number lead responsible tasks\n"
               "  --by year: department year lead responsible tasks\n"
               "Examples:\n"
               "  policy depts\n"
               "  policy depts --by year --format csv --bom > matrix.csv");
    sub->add_option("--by", *by, "doc or year: one row per department and notice, or per year")
        ->check(CLI::IsMember({"doc", "year"}));
    add_output_options(sub, *args);
    sub->callback([args, by, &context] {
        auto index = open_index(context, args->db);
        if (!index) {
            return;
        }
        const Grouping grouping = *by == "doc" ? Grouping::document : *by == "year" ? Grouping::year : Grouping::none;
        auto result = department_matrix(*index, grouping);
        if (!result) {
            return fail(context, result.error());
        }
        emit(context, *args, *result);
    });
}

// ---- deadlines --------------------------------------------------------------------------

struct DeadlineArgs {
    OutputArgs output;
    std::string from;
    std::string to;
    std::string today;
    bool overdue = false;
};

void add_deadlines(CLI::App& app, Context& context) {
    auto args = std::make_shared<DeadlineArgs>();
    CLI::App* sub = app.add_subcommand("deadlines", "Time limits in date order; undated ones (汛期前) apart");
    set_footer(sub,
               "Columns: date text status doc_number document_id task_id task_path task_text year_inferred line\n"
               "status is overdue (before --today), due, or undated. Undated time limits follow the dated\n"
               "ones (on a terminal as a second table) and are left out when a date filter is given.\n"
               "Examples:\n"
               "  policy deadlines --from 2019 --to 2019-12\n"
               "  policy deadlines --overdue --today 2020-01-01");
    sub->add_option("--from", args->from, "on or after DATE (YYYY[-MM[-DD]])");
    sub->add_option("--to", args->to, "on or before DATE (YYYY or YYYY-MM: to its last day)");
    sub->add_flag("--overdue", args->overdue, "only those before --today");
    sub->add_option("--today", args->today, "the date overdue is measured against (default: today)");
    add_output_options(sub, args->output);
    sub->callback([args, &context] {
        DeadlineFilter filter;
        if (!args->from.empty()) {
            auto from = parse_date_argument(args->from, "--from");
            if (!from) {
                return fail(context, from.error());
            }
            filter.from = *from;
        }
        if (!args->to.empty()) {
            auto to = parse_date_argument(args->to, "--to", true);
            if (!to) {
                return fail(context, to.error());
            }
            filter.to = *to;
        }
        if (args->today.empty()) {
            filter.today = today();
        } else {
            auto day = parse_date_argument(args->today, "--today");
            if (!day) {
                return fail(context, day.error());
            }
            filter.today = *day;
        }
        filter.overdue = args->overdue;
        auto index = open_index(context, args->output.db);
        if (!index) {
            return;
        }
        auto list = list_deadlines(*index, filter);
        if (!list) {
            return fail(context, list.error());
        }
        const OutputFormat format = format_of(context, args->output);
        if (format == OutputFormat::table && !list->undated.rows.empty()) {
            const WriteOptions options = write_options(context, args->output);
            if (!write_table(context.out, list->dated, options)) {
                return;
            }
            context.out << "\nundated:\n";
            write_table(context.out, list->undated, options);
            return;
        }
        ResultSet all = std::move(list->dated);
        for (auto& row : list->undated.rows) {
            all.rows.push_back(std::move(row));
        }
        emit(context, args->output, all);
    });
}

// ---- graph ------------------------------------------------------------------------------

void add_graph(CLI::App& app, Context& context) {
    auto db = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("dot");
    auto resolved_only = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("graph", "The citation graph as Graphviz DOT or JSON");
    set_footer(sub,
               "Indexed notices are boxes (d<id>); cited documents the index lacks are dashed (u<n>).\n"
               "JSON: {\"nodes\": [{id, label, indexed, document_id, doc_number, title}],\n"
               "       \"edges\": [{from, to, count}]}\n"
               "Examples:\n"
               "  policy graph | dot -Tsvg > cites.svg\n"
               "  policy graph --format json --resolved-only");
    sub->add_option("--db", *db, "index path (default: $POLICY_DB, else ./policy.db)");
    sub->add_option("--format", *format, "dot (default) or json")->check(CLI::IsMember({"dot", "json"}));
    sub->add_flag("--resolved-only", *resolved_only, "leave out documents the index does not hold");
    sub->callback([db, format, resolved_only, &context] {
        auto index = open_index(context, *db);
        if (!index) {
            return;
        }
        auto graph = citation_graph(*index, !*resolved_only);
        if (!graph) {
            return fail(context, graph.error());
        }
        if (*format == "json") {
            context.out << to_json(*graph).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            context.out << to_dot(*graph);
        }
        context.out.flush();
    });
}

// ---- export -----------------------------------------------------------------------------

struct ExportArgs {
    OutputArgs output;
    std::vector<std::string> tables;
    bool all = false;
    std::string file;
};

std::string join_names(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

// Writes a workbook to `path`, or through a temporary file to stdout when `path` is empty.
void export_workbook(Context& context, const std::string& path,
                     const std::vector<std::pair<std::string, ResultSet>>& sheets) {
    if (!path.empty()) {
        if (auto written = write_workbook(path, sheets); !written) {
            fail(context, written.error());
        }
        return;
    }
    if (context.out_is_tty) {
        print_error(context, "export: an xlsx workbook is binary; give -o FILE.xlsx or redirect stdout");
        context.exit_code = static_cast<int>(ErrorCode::bad_argument);
        return;
    }
    std::error_code error;
    const auto temporary = std::filesystem::temp_directory_path(error) /
                           fmt::format("policy-export-{}.xlsx", static_cast<long>(::getpid()));
    if (auto written = write_workbook(temporary.string(), sheets); !written) {
        fail(context, written.error());
        return;
    }
    {
        std::ifstream in(temporary, std::ios::binary);
        context.out << in.rdbuf();
        context.out.flush();
    }
    std::filesystem::remove(temporary, error);
}

void add_export(CLI::App& app, Context& context) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* sub = app.add_subcommand("export", "Whole tables for spreadsheets and other tools (csv, json, xlsx…)");
    set_footer(sub, "Tables: " + join_names(exportable_tables()) +
                        "; columns as in lib/schema.sql.\n"
                        "--format xlsx writes one workbook, a sheet per table, header row frozen.\n"
                        "--all with csv/tsv/jsonl writes one file per table into the directory -o DIR;\n"
                        "with json, one object {table: [rows]}.\n"
                        "Examples:\n"
                        "  policy export --all --format xlsx -o policy.xlsx\n"
                        "  policy export tasks --format csv --bom > tasks.csv\n"
                        "  policy export --all --format csv -o tables/");
    sub->add_option("tables", args->tables, "tables to export");
    sub->add_flag("--all", args->all, "every table");
    sub->add_option("-o,--output", args->file, "output file (xlsx, one table) or directory (--all as csv/tsv/jsonl)");
    add_db_option(sub, args->output);
    sub->add_option("--format", args->output.format,
                    "csv|tsv|json|jsonl|table|xlsx (default: table on a "
                    "terminal, csv otherwise)")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json", "jsonl", "xlsx"}));
    sub->add_flag("--bom", args->output.bom, "start CSV/TSV with a UTF-8 byte order mark (for Excel)");
    sub->add_flag("--no-header", args->output.no_header, "leave out the header row");
    sub->add_flag("--wide", args->output.wide, "table: do not cut long text to the terminal width");
    sub->callback([args, &context] {
        std::vector<std::string> tables = args->tables;
        if (args->all) {
            if (!tables.empty()) {
                print_error(context, "export: give TABLE names or --all, not both");
                context.exit_code = static_cast<int>(ErrorCode::bad_argument);
                return;
            }
            tables = exportable_tables();
        }
        if (tables.empty()) {
            print_error(context, "export: give a TABLE (" + join_names(exportable_tables()) + ") or --all");
            context.exit_code = static_cast<int>(ErrorCode::bad_argument);
            return;
        }
        const std::string& format = args->output.format;
        const bool to_directory = tables.size() > 1 && format != "xlsx" && format != "json";
        if (to_directory && args->file.empty()) {
            print_error(context, "export: several tables as " + (format.empty() ? std::string("csv") : format) +
                                     " need -o DIR (or --format xlsx or json)");
            context.exit_code = static_cast<int>(ErrorCode::bad_argument);
            return;
        }
        auto index = open_index(context, args->output.db);
        if (!index) {
            return;
        }
        std::vector<std::pair<std::string, ResultSet>> sheets;
        for (const std::string& table : tables) {
            auto rows = export_table(*index, table);
            if (!rows) {
                return fail(context, rows.error());
            }
            sheets.emplace_back(table, std::move(rows).value());
        }
        if (format == "xlsx") {
            return export_workbook(context, args->file, sheets);
        }
        if (format == "json" && sheets.size() > 1) {
            nlohmann::ordered_json object = nlohmann::ordered_json::object();
            for (const auto& [name, rows] : sheets) {
                object[name] = to_json(rows);
            }
            const std::string text = object.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
            if (args->file.empty()) {
                context.out << text;
                context.out.flush();
                return;
            }
            std::ofstream file(args->file, std::ios::binary);
            file << text;
            if (!file) {
                print_error(context, fmt::format("{}: cannot write", args->file));
                context.exit_code = static_cast<int>(ErrorCode::bad_argument);
            }
            return;
        }
        OutputArgs output = args->output;
        if (to_directory) {
            std::error_code error;
            std::filesystem::create_directories(args->file, error);
            const std::string extension = format == "tsv" ? "tsv" : format == "jsonl" ? "jsonl" : "csv";
            if (output.format.empty() || output.format == "table") {
                output.format = "csv";
            }
            for (const auto& [name, rows] : sheets) {
                const auto path = std::filesystem::path(args->file) / (name + "." + extension);
                std::ofstream file(path, std::ios::binary);
                if (!file) {
                    print_error(context, fmt::format("{}: cannot write", path.string()));
                    context.exit_code = static_cast<int>(ErrorCode::bad_argument);
                    return;
                }
                write_result(file, rows, format_of(context, output), write_options(context, output));
            }
            return;
        }
        if (!args->file.empty()) {
            std::ofstream file(args->file, std::ios::binary);
            if (!file) {
                print_error(context, fmt::format("{}: cannot write", args->file));
                context.exit_code = static_cast<int>(ErrorCode::bad_argument);
                return;
            }
            if (output.format.empty()) {
                output.format = "csv";
            }
            write_result(file, sheets.front().second, format_of(context, output), write_options(context, output));
            return;
        }
        emit(context, output, sheets.front().second);
    });
}

// ---- sql --------------------------------------------------------------------------------

void add_sql(CLI::App& app, Context& context) {
    auto args = std::make_shared<OutputArgs>();
    auto sql = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("sql", "Run one read-only SQL statement on the index");
    set_footer(sub,
               "The index is opened read-only: SQLite itself refuses any write.\n"
               "Examples:\n"
               "  policy sql \"SELECT d.name, count(*) AS tasks FROM departments d JOIN task_departments t\n"
               "              ON t.department_id = d.id GROUP BY d.name ORDER BY 2 DESC\"\n"
               "  policy sql \"SELECT * FROM citation_links WHERE cited_document_id IS NULL\" --format json");
    sub->add_option("statement", *sql, "SQL (one statement)")->required();
    add_output_options(sub, *args);
    sub->callback([args, sql, &context] {
        auto index = open_index(context, args->db);
        if (!index) {
            return;
        }
        auto result = run_sql(*index, *sql);
        if (!result) {
            return fail(context, result.error());
        }
        emit(context, *args, *result);
    });
}

}  // namespace

void add_query_commands(CLI::App& app, Context& context) {
    add_docs(app, context);
    add_show(app, context);
    add_tasks(app, context);
    add_search(app, context);
    add_cites(app, context);
    add_cited_by(app, context);
    add_depts(app, context);
    add_deadlines(app, context);
    add_graph(app, context);
    add_export(app, context);
    add_sql(app, context);
}

}  // namespace policy::cli
