// policy diff OLD NEW: year-over-year comparison of two notices, task by task (lib/diff.h).
// Each side is a notice file, "-" for stdin, or a record as `policy extract --format json`
// prints it.
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>

#include "app.h"
#include "decode.h"
#include "diff.h"
#include "extract.h"
#include "grammar.h"
#include "index.h"
#include "query.h"
#include "segment.h"
#include "tabular.h"

namespace policy::cli {
namespace {

struct DiffArgs {
    std::string old_side;
    std::string new_side;
    double threshold = k_default_threshold;
    std::string format = "text";
    std::string color = "auto";
    bool all = false;
    bool bom = false;
    std::string grammars;
    std::string encoding;
    std::string db;
};

// A record JSON (what `policy extract --format json` prints) is taken as it is, so a diff
// can be rerun without extracting again.
std::optional<Record> record_json(const std::string& bytes) {
    std::size_t start = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (start < bytes.size() &&
           (bytes[start] == ' ' || bytes[start] == '\n' || bytes[start] == '\r' || bytes[start] == '\t')) {
        ++start;
    }
    if (start >= bytes.size() || bytes[start] != '{') {
        return std::nullopt;
    }
    nlohmann::json json = nlohmann::json::parse(bytes.begin() + static_cast<long>(start), bytes.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("tasks") || !json["tasks"].is_array()) {
        return std::nullopt;
    }
    try {
        return record_from_json(json);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

// An indexed notice named as `policy show` takes it (id, 文号, file name, title fragment).
Result<Record> load_indexed(const std::string& doc, const std::string& db) {
    Index index = POLICY_TRY(Index::open(default_index_path(db), Index::Mode::read_only));
    const std::int64_t id = POLICY_TRY(resolve_document(index, doc));
    const ResultSet outline = POLICY_TRY(show_document(index, id));
    Record record = record_from_outline(outline);
    record.path = doc;
    return record;
}

Result<Record> load_side(const std::string& path, const Extractor& extractor, const DecodeOptions& options,
                         const std::string& db) {
    std::error_code error;
    if (path != "-" && !std::filesystem::exists(path, error)) {
        // Not a file: an indexed notice, when there is an index that knows it; otherwise the
        // file error, which names what was given.
        auto indexed = load_indexed(path, db);
        if (indexed) {
            return indexed;
        }
        auto bytes = read_input(path);
        if (!bytes) {
            return std::move(bytes).error();
        }
    }
    std::string bytes = POLICY_TRY(read_input(path));
    if (std::optional<Record> record = record_json(bytes)) {
        record->path = path;
        return std::move(*record);
    }
    return extractor.extract(std::move(bytes), path, options);
}

bool use_colour(const std::string& choice, const Context& context) {
    if (choice == "always") {
        return true;
    }
    if (choice == "never") {
        return false;
    }
    const char* no_color = std::getenv("NO_COLOR");
    return context.out_is_tty && (no_color == nullptr || no_color[0] == '\0');
}

void fail(Context& context, const Error& error) {
    print_error(context, error.message);
    context.exit_code = static_cast<int>(error.code);
}

void run_diff(const DiffArgs& args, Context& context) {
    if (args.old_side == "-" && args.new_side == "-") {
        fail(context, make_error(ErrorCode::bad_argument, "diff: only one side can be - (standard input)"));
        return;
    }
    auto grammar = Grammar::load(args.grammars);
    if (!grammar) {
        fail(context, grammar.error());
        return;
    }
    auto extractor = Extractor::create(*grammar);
    if (!extractor) {
        fail(context, extractor.error());
        return;
    }
    auto segmenter = Segmenter::load(*grammar);
    if (!segmenter) {
        fail(context, segmenter.error());
        return;
    }
    DecodeOptions options;
    options.encoding = args.encoding;
    auto old_record = load_side(args.old_side, *extractor, options, args.db);
    if (!old_record) {
        fail(context, old_record.error());
        return;
    }
    auto new_record = load_side(args.new_side, *extractor, options, args.db);
    if (!new_record) {
        fail(context, new_record.error());
        return;
    }
    for (const Record* record : {&*old_record, &*new_record}) {
        for (const std::string& warning : record->warnings) {
            context.err << "policy: warning: " << warning << '\n';
        }
        if (record->tasks.empty()) {
            context.err << "policy: warning: " << record->path << ": no numbered tasks found\n";
        }
    }

    // The segmenter's words; a text it finds no words in (Latin only, or a segmenter without
    // its lexicon) falls back to one word per character, so no task is left without features.
    const Segmenter& words_of = *segmenter;
    const Tokenizer tokenize = [&words_of](std::string_view text) {
        std::vector<std::string> words = words_of.words(text);
        if (words.empty()) {
            words = character_words(text);
        }
        return words;
    };
    DiffOptions diff_options;
    diff_options.threshold = args.threshold;
    const DiffResult result = diff_records(*old_record, *new_record, tokenize, diff_options);

    if (args.format == "json") {
        context.out << to_json(result).dump(2) << '\n';
    } else if (args.format == "csv") {
        WriteOptions write_options;
        write_options.bom = args.bom;
        write_csv(context.out, to_result_set(result), write_options);
    } else if (args.format == "html") {
        context.out << render_html(result);
    } else {
        context.out << render_text(result, use_colour(args.color, context), args.all);
    }
}

}  // namespace

void add_diff(CLI::App& app, Context& context) {
    auto args = std::make_shared<DiffArgs>();
    CLI::App* sub = app.add_subcommand("diff", "Compare two notices task by task (year over year)");
    sub->footer(
        "Each side is a notice file, - for standard input, a record printed by\n"
        "policy extract --format json, or an indexed notice as policy show takes it (id, 文号,\n"
        "file name or title fragment). Tasks are aligned by word similarity, so renumbered,\n"
        "moved, reworded and re-assigned tasks still find their counterparts.\n\n"
        "Classes: unchanged, modified (reworded), moved (under another section), added, removed.\n\n"
        "Examples:\n"
        "  policy diff corpus/jilin-anweihui-2019-gongzuo-yaodian.txt \\\n"
        "              corpus/jilin-gongxinting-2024-anquan-shengchan-yaodian.txt\n"
        "  policy diff --format html 2019.txt 2024.txt > diff.html    side by side in a browser\n"
        "  policy diff --format json old.txt new.txt | jq .summary\n\n"
        "Exit codes: 0 success, 2 bad arguments, 3 a side could not be read or decoded.");
    sub->add_option("old", args->old_side, "the earlier notice (file, -, record JSON or indexed notice)")->required();
    sub->add_option("new", args->new_side, "the later notice (file, -, record JSON or indexed notice)")->required();
    sub->add_option("--threshold", args->threshold,
                    fmt::format("similarity below which tasks are added/removed rather than matched "
                                "(0-1, default {})",
                                k_default_threshold))
        ->check(CLI::Range(0.0, 1.0));
    sub->add_option("--format", args->format, "text|json|csv|html (default text)")
        ->check(CLI::IsMember({"text", "json", "csv", "html"}));
    sub->add_option("--color,--colour", args->color, "never|always|auto (default auto: on a terminal, unless NO_COLOR)")
        ->check(CLI::IsMember({"never", "always", "auto"}));
    sub->add_flag("--all", args->all, "text: list unchanged tasks too");
    sub->add_flag("--bom", args->bom, "csv: start with a UTF-8 byte order mark (for Excel)");
    sub->add_option("--db", args->db,
                    "index for sides given as indexed notices (default: $POLICY_DB, else ./policy.db)");
    sub->add_option("--grammars", args->grammars, "directory of .re2/.txt files overriding the built-in rules");
    sub->add_option("--encoding", args->encoding, "force the input encoding (e.g. GB18030, UTF-16LE)");
    sub->callback([args, &context] { run_diff(*args, context); });
}

}  // namespace policy::cli
