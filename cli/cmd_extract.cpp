// policy extract: run extraction over files and print records (--no-index) or store them.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

#include "app.h"
#include "decode.h"
#include "extract.h"
#include "grammar.h"

namespace policy::cli {
namespace {

struct ExtractArgs {
    std::vector<std::string> files;
    std::string format;
    bool no_index = false;
    bool force = false;
    std::string db;
    std::string grammars;
    std::string encoding;
    int jobs = 0;
};

void print_summary(std::ostream& out, const Record& record) {
    std::size_t departments = 0;
    for (const Task& task : record.tasks) {
        departments += task.departments.size();
    }
    out << fmt::format("{}\n  title      {}\n  文号       {}\n  tasks {}  departments {}  deadlines {}  citations {}\n",
                       record.path, record.title.empty() ? "-" : record.title,
                       record.doc_number ? record.doc_number->text : "-", record.tasks.size(), departments,
                       record.deadlines.size(), record.citations.size());
}

void run_extract(const ExtractArgs& args, Context& context) {
    auto grammar = Grammar::load(args.grammars);
    if (!grammar) {
        print_error(context, grammar.error().message);
        context.exit_code = static_cast<int>(grammar.error().code);
        return;
    }
    auto extractor = Extractor::create(*grammar);
    if (!extractor) {
        print_error(context, extractor.error().message);
        context.exit_code = static_cast<int>(extractor.error().code);
        return;
    }
    std::string format = args.format;
    if (format.empty()) {
        format = context.out_is_tty ? "summary" : "json";
    }
    std::vector<std::string> files = args.files;
    if (files.empty()) {
        files.push_back("-");
    }
    DecodeOptions options;
    options.encoding = args.encoding;
    nlohmann::json array = nlohmann::json::array();
    bool failed = false;
    for (const std::string& path : files) {
        auto bytes = read_input(path);
        if (!bytes) {
            print_error(context, bytes.error().message);
            failed = true;
            continue;
        }
        auto record = extractor->extract(*bytes, path, options);
        if (!record) {
            print_error(context, record.error().message);
            failed = true;
            continue;
        }
        for (const std::string& warning : record->warnings) {
            context.err << "policy: warning: " << warning << '\n';
        }
        if (format == "json") {
            array.push_back(to_json(*record));
        } else if (format == "jsonl") {
            context.out << to_json(*record).dump() << '\n';
        } else {
            print_summary(context.out, *record);
        }
    }
    if (format == "json") {
        if (array.size() == 1) {
            context.out << array[0].dump(2) << '\n';
        } else {
            context.out << array.dump(2) << '\n';
        }
    }
    if (failed) {
        context.exit_code = static_cast<int>(ErrorCode::bad_input);
    }
}

}  // namespace

void add_extract(CLI::App& app, Context& context) {
    auto args = std::make_shared<ExtractArgs>();
    CLI::App* sub = app.add_subcommand("extract", "Extract tasks, departments, deadlines and citations from notices");
    sub->footer(
        "Examples:\n"
        "  policy extract corpus/*.txt                     index into ./policy.db\n"
        "  policy extract --no-index --format json a.txt   print the record, write nothing\n"
        "  curl -s URL | policy extract --no-index -       read standard input");
    sub->add_option("files", args->files, "notice files (UTF-8, UTF-16 or GB18030/GBK); - for stdin");
    sub->add_option("--format", args->format, "summary|json|jsonl (default: summary on a terminal, json otherwise)")
        ->check(CLI::IsMember({"summary", "table", "json", "jsonl"}));
    sub->add_flag("--no-index", args->no_index, "print records and write no index");
    sub->add_flag("--force", args->force, "re-extract files whose content is unchanged");
    sub->add_option("--db", args->db, "index path (default: $POLICY_DB, else ./policy.db)");
    sub->add_option("--grammars", args->grammars, "directory of .re2/.txt files overriding the built-in rules");
    sub->add_option("--encoding", args->encoding, "force the input encoding (e.g. GB18030, UTF-16LE)");
    sub->add_option("-j,--jobs", args->jobs, "parallel parsers (default: number of cores)");
    sub->callback([args, &context] { run_extract(*args, context); });
}

}  // namespace policy::cli
