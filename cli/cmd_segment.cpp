// policy segment: print the words of a text, space-separated, one output line per input
// line. The text is segmented on its normalised view (normalise.h) but printed as written,
// so full-width punctuation stays full-width. A hidden --bench flag times the segmenter
// against ICU's plain word BreakIterator on the same text (scripts/bench.d/segment.sh).
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <ctime>
#include <ostream>

#include "app.h"
#include "decode.h"
#include "grammar.h"
#include "normalise.h"
#include "segment.h"

namespace policy::cli {
namespace {

struct SegmentArgs {
    std::string file = "-";
    std::string delimiter = " ";
    bool no_punctuation = false;
    std::string grammars;
    std::string encoding;
    bool bench = false;
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Process CPU time: on a shared machine wall time also counts other people's work.
double cpu_seconds() {
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// Wall and CPU time of a stretch of work.
struct Stopwatch {
    Clock::time_point wall = Clock::now();
    double cpu = cpu_seconds();
    std::pair<double, double> elapsed() const { return {seconds_since(wall), cpu_seconds() - cpu}; }
};

std::string throughput(double megabytes, std::pair<double, double> elapsed) {
    return fmt::format("{:6.1f} MB/s CPU ({:.3f} s), {:6.1f} MB/s wall", megabytes / elapsed.second, elapsed.second,
                       megabytes / elapsed.first);
}

// Writes the segmented text; stops quietly when `out` fails (a closed pipe).
void write_segmented(const Segmenter& segmenter, const Decoded& decoded, const NormalisedText& normalised,
                     const SegmentArgs& args, std::ostream& out) {
    const std::string_view text = normalised.text;
    const std::string_view original = decoded.text;
    std::vector<Token> tokens;
    std::string buffer;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = text.size();
        }
        tokens.clear();
        segmenter.segment(text.substr(pos, eol - pos), tokens);
        bool first = true;
        for (const Token& token : tokens) {
            if (token.kind == TokenKind::space || (args.no_punctuation && token.kind == TokenKind::punctuation)) {
                continue;
            }
            if (!first) {
                buffer += args.delimiter;
            }
            first = false;
            const std::size_t begin = normalised.to_original(pos + token.begin);
            const std::size_t end = normalised.to_original(pos + token.end);
            buffer.append(original.substr(begin, end - begin));
        }
        buffer += '\n';
        pos = eol + 1;
        if (buffer.size() >= (1 << 16)) {
            out << buffer;
            buffer.clear();
            if (!out) {
                return;
            }
        }
    }
    out << buffer;
}

// Times segmenting, then ICU's word BreakIterator, over the same normalised text. MB are
// 10^6 bytes of UTF-8.
void run_bench(const Segmenter& segmenter, std::pair<double, double> load, const NormalisedText& normalised,
               std::ostream& out) {
    const std::string_view text = normalised.text;
    const double megabytes = static_cast<double>(text.size()) / 1e6;
    out << fmt::format("segmenter load: {:.1f} ms CPU, {:.1f} ms wall ({} words)\n", load.second * 1e3,
                       load.first * 1e3, segmenter.size());
    out << fmt::format("input: {:.1f} MB\n", megabytes);

    // Line by line, as `policy segment` and the index use it.
    Stopwatch watch;
    std::vector<Token> tokens;
    std::size_t token_count = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = text.size();
        }
        tokens.clear();
        segmenter.segment(text.substr(pos, eol - pos), tokens);
        token_count += tokens.size();
        pos = eol + 1;
    }
    out << fmt::format("policy segmenter:       {}; {} tokens\n", throughput(megabytes, watch.elapsed()), token_count);
    out.flush();

    watch = Stopwatch{};
    auto boundaries = count_icu_word_boundaries(text);
    if (boundaries) {
        out << fmt::format("ICU word BreakIterator: {}; {} tokens\n", throughput(megabytes, watch.elapsed()),
                           *boundaries > 0 ? *boundaries - 1 : 0);
    } else {
        out << fmt::format("ICU word BreakIterator: {}\n", boundaries.error().message);
    }
}

void run_segment(const SegmentArgs& args, Context& context) {
    auto fail = [&context](const Error& error) {
        print_error(context, error.message);
        context.exit_code = static_cast<int>(error.code);
    };
    auto grammar = Grammar::load(args.grammars);
    if (!grammar) {
        return fail(grammar.error());
    }
    const Stopwatch load_watch;
    auto segmenter = Segmenter::load(*grammar);
    const std::pair<double, double> load = load_watch.elapsed();
    if (!segmenter) {
        return fail(segmenter.error());
    }
    auto bytes = read_input(args.file);
    if (!bytes) {
        return fail(bytes.error());
    }
    DecodeOptions options;
    options.encoding = args.encoding;
    auto decoded = decode(*bytes, args.file, options);
    if (!decoded) {
        return fail(decoded.error());
    }
    for (const std::string& warning : decoded->warnings) {
        context.err << "policy: warning: " << warning << '\n';
    }
    const NormalisedText normalised = normalise(decoded->text);
    if (args.bench) {
        run_bench(*segmenter, load, normalised, context.out);
        return;
    }
    write_segmented(*segmenter, *decoded, normalised, args, context.out);
}

}  // namespace

void add_segment(CLI::App& app, Context& context) {
    auto args = std::make_shared<SegmentArgs>();
    CLI::App* sub = app.add_subcommand("segment", "Print the words of a text, space-separated");
    sub->footer(
        "Prints one line per input line, words separated by the delimiter. Punctuation is kept,\n"
        "each mark a token of its own (--no-punctuation drops it); whitespace is dropped. The\n"
        "text is printed as written: segmentation runs on the normalised view, so ２０１９ is\n"
        "one number, but it prints as it was.\n"
        "The dictionary is jieba's dict.txt, built into the binary, plus the policy vocabulary\n"
        "in grammars/segmenter-domain.txt (replace it with --grammars DIR).\n\n"
        "Examples:\n"
        "  $ echo '省应急管理厅牵头，各有关部门分工负责。' | policy segment\n"
        "  省应急管理厅 牵头 ， 各 有关部门 分工负责 。\n"
        "  $ policy segment -d ' / ' --no-punctuation notice.txt");
    sub->add_option("file", args->file, "text file (UTF-8, UTF-16 or GB18030/GBK); - or nothing for stdin");
    sub->add_option("-d,--delimiter", args->delimiter, "printed between tokens (default: one space)");
    sub->add_flag("--no-punctuation", args->no_punctuation, "drop punctuation and symbols");
    sub->add_option("--grammars", args->grammars, "directory of .re2/.txt files overriding the built-in ones");
    sub->add_option("--encoding", args->encoding, "force the input encoding (e.g. GB18030, UTF-16LE)");
    sub->add_flag("--bench", args->bench, "time the segmenter and ICU's BreakIterator on FILE; print figures only")
        ->group("");
    sub->callback([args, &context] { run_segment(*args, context); });
}

}  // namespace policy::cli
