// policy extract: run extraction over files and store the records in the index, or print them
// (--no-index). Files are read, hashed, extracted and segmented on --jobs worker threads;
// this thread takes the results in input order and is the only one that writes, so the
// output and the index do not depend on the number of jobs.
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <numeric>
#include <optional>
#include <ostream>
#include <thread>
#include <tuple>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "decode.h"
#include "extract.h"
#include "grammar.h"
#include "index.h"
#include "progress.h"
#include "segment.h"
#include "sha256.h"
#include "tabular.h"

namespace policy::cli {
namespace {

namespace fs = std::filesystem;

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

// --format table: one row per task, for a person reading what a notice holds.
ResultSet task_rows(const Record& record) {
    ResultSet rows;
    rows.columns = {"file", "path", "text", "lead", "responsible", "deadlines", "line"};
    for (const Task& task : record.tasks) {
        std::string lead, responsible, deadlines;
        for (const Department& department : task.departments) {
            std::string& list = department.role == "lead" ? lead : responsible;
            list += (list.empty() ? "" : "、") + department.name;
        }
        for (const Deadline& deadline : task.deadlines) {
            deadlines += (deadlines.empty() ? "" : "；") + deadline.text;
        }
        rows.rows.push_back({record.file, task.path, task.text, lead, responsible, deadlines,
                             static_cast<std::int64_t>(task.where.line)});
    }
    return rows;
}

// The files to read: each argument as given, a directory replaced by the *.txt files under
// it, sorted (a run over a folder is the same run every time), with each one's size and
// modification time as the file system tells them (0 for stdin or when it cannot say): one
// stat per file.
struct Inputs {
    std::vector<std::string> files;
    std::vector<std::uint64_t> sizes;
    std::vector<std::int64_t> mtimes;  // ns since 1970
};

std::int64_t mtime_ns(const struct stat& info) {
    return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
}

Inputs expand_inputs(const std::vector<std::string>& arguments) {
    Inputs inputs;
    for (const std::string& argument : arguments) {
        struct stat info {};
        const bool known = argument != "-" && ::stat(argument.c_str(), &info) == 0;
        if (known && S_ISDIR(info.st_mode)) {
            std::vector<std::tuple<std::string, std::uint64_t, std::int64_t>> found;
            std::error_code ec;
            for (auto it =
                     fs::recursive_directory_iterator(argument, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                struct stat entry {};
                if (it->path().extension() == ".txt" && ::stat(it->path().c_str(), &entry) == 0 &&
                    S_ISREG(entry.st_mode)) {
                    found.emplace_back(it->path().string(), static_cast<std::uint64_t>(entry.st_size), mtime_ns(entry));
                }
            }
            std::sort(found.begin(), found.end());
            for (auto& [file, size, mtime] : found) {
                inputs.files.push_back(std::move(file));
                inputs.sizes.push_back(size);
                inputs.mtimes.push_back(mtime);
            }
        } else {
            const bool regular = known && S_ISREG(info.st_mode);
            inputs.files.push_back(argument);
            inputs.sizes.push_back(regular ? static_cast<std::uint64_t>(info.st_size) : 0);
            inputs.mtimes.push_back(regular ? mtime_ns(info) : 0);
        }
    }
    if (arguments.empty()) {
        inputs.files.emplace_back("-");
        inputs.sizes.push_back(0);
        inputs.mtimes.push_back(0);
    }
    return inputs;
}

// What the index knows a file by: its absolute, normalised path ("-" stays "-"). `cwd` is the
// working directory, asked for once (fs::absolute asks the system for every path).
std::string index_key(const std::string& path, const fs::path& cwd) {
    if (path == "-") {
        return path;
    }
    const fs::path given(path);
    if (given.is_absolute() || cwd.empty()) {
        return given.lexically_normal().string();
    }
    return (cwd / given).lexically_normal().string();
}

// The grammar, extractor and segmenter, loaded by the first worker that needs them: a run
// over unchanged files needs none of them, and building the segmenter's dictionary costs
// more than checking thousands of files.
class Tools {
public:
    Tools(const ExtractArgs& args, bool segment) : m_args(args), m_segment(segment) {}

    // Null when loading failed (see error()). Thread-safe; loads once.
    const Tools* get() {
        std::call_once(m_once, [this] { load(); });
        return m_error ? nullptr : this;
    }
    const Error& error() const { return *m_error; }

    const Grammar& grammar() const { return *m_grammar; }
    const Extractor& extractor() const { return *m_extractor; }
    const Segmenter* segmenter() const { return m_segmenter ? &*m_segmenter : nullptr; }

private:
    void load() {
        auto grammar = Grammar::load(m_args.grammars);
        if (!grammar) {
            m_error = std::move(grammar).error();
            return;
        }
        m_grammar.emplace(std::move(grammar).value());
        auto extractor = Extractor::create(*m_grammar);
        if (!extractor) {
            m_error = std::move(extractor).error();
            return;
        }
        m_extractor.emplace(std::move(extractor).value());
        if (m_segment) {
            auto segmenter = Segmenter::load(*m_grammar);
            if (!segmenter) {
                m_error = std::move(segmenter).error();
                return;
            }
            m_segmenter.emplace(std::move(segmenter).value());
        }
    }

    const ExtractArgs& m_args;
    bool m_segment;
    std::once_flag m_once;
    std::optional<Grammar> m_grammar;  // the extractor points into it: never moved
    std::optional<Extractor> m_extractor;
    std::optional<Segmenter> m_segmenter;
    std::optional<Error> m_error;
};

// One input file's fate, made by a worker and consumed in input order.
struct Outcome {
    enum class Kind { extracted, unchanged, failed, fatal } kind = Kind::failed;
    Record record;
    std::int64_t new_time = 0;  // unchanged, read under a time the index does not have: to store
    SearchText text;
    std::optional<Error> error;
};

// Runs `work(i)` for every input on `jobs` threads and hands the outcomes to `consume` on
// the calling thread in input order. Parsers run ahead of the writer by up to k_ahead_files
// inputs and k_ahead_bytes of them (`sizes`: each input's size, 0 when unknown), so they
// keep working while it commits, and memory stays bounded when it is the slower side.
// A commit writes a batch's full-text rows at once (a quarter second's worth): with 64 files
// ahead the one parser filled the window early in it and then sat idle for 1.1 s of a 4.7 s
// run (timers on both sides, 50 MB bench); 1024 keeps it busy for ~15-30 MB more memory.
// `consume` returns false to stop early.
constexpr std::size_t k_ahead_files = 1024;
constexpr std::uint64_t k_ahead_bytes = 64 << 20;

// Lowers the calling thread's scheduling priority to the least (nice 19). Linux schedules
// threads one by one, so the writer on the main thread keeps the process's priority: with
// two parsers and the writer on two cores, time-slicing held the writer, the slowest link, to
// two thirds of a core, and --jobs 2 ran slower than --jobs 1 (50 MB bench: 5.5 s against
// 4.5 s; with the parsers at nice 19, 3.5-4.1 s). Parsers still take every core the writer
// leaves idle. Elsewhere this does nothing.
void yield_to_writer() {
#ifdef __linux__
    (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);
#endif
}

template <typename Work, typename Consume>
void run_in_order(const std::vector<std::uint64_t>& sizes, unsigned jobs, bool yield, Work work, Consume consume) {
    const std::size_t count = sizes.size();
    const std::size_t window = std::max<std::size_t>(k_ahead_files, std::size_t{jobs} * 4);
    std::uint64_t ahead_bytes = 0;  // sizes of the inputs claimed and not yet consumed
    std::mutex mutex;
    std::condition_variable produced;
    std::condition_variable consumed;
    std::deque<std::optional<Outcome>> pending;  // pending[k] is input `next_consume + k`
    std::size_t next_claim = 0;
    std::size_t next_consume = 0;
    bool stop = false;

    auto worker = [&] {
        if (yield) {
            yield_to_writer();
        }
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex);
                consumed.wait(lock, [&] {
                    return stop || next_claim >= count ||
                           (next_claim < next_consume + window &&
                            (next_claim == next_consume || ahead_bytes + sizes[next_claim] <= k_ahead_bytes));
                });
                if (stop || next_claim >= count) {
                    return;
                }
                i = next_claim++;
                ahead_bytes += sizes[i];
                if (pending.size() < i - next_consume + 1) {
                    pending.resize(i - next_consume + 1);
                }
            }
            Outcome outcome = work(i);
            bool front = false;
            {
                std::lock_guard lock(mutex);
                pending[i - next_consume] = std::move(outcome);
                front = i == next_consume;
            }
            // (The writer waits only for the front: outcomes behind it are taken with it.)
            if (front) {
                produced.notify_one();
            }
        }
    };

    std::vector<std::thread> threads;
    const unsigned started = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
    threads.reserve(started);
    for (unsigned t = 0; t < started; ++t) {
        threads.emplace_back(worker);
    }
    // Every outcome ready at the front is taken at once: over many small or unchanged files
    // one hand-off per file cost more than the files.
    std::vector<Outcome> ready;
    bool stopped = false;
    while (next_consume < count && !stopped) {
        std::size_t first = 0;
        {
            std::unique_lock lock(mutex);
            produced.wait(lock, [&] { return !pending.empty() && pending.front().has_value(); });
            first = next_consume;
            while (!pending.empty() && pending.front().has_value()) {
                ready.push_back(std::move(*pending.front()));
                pending.pop_front();
                ahead_bytes -= sizes[next_consume];
                ++next_consume;
            }
        }
        consumed.notify_all();
        for (std::size_t k = 0; k < ready.size() && !stopped; ++k) {
            stopped = !consume(first + k, ready[k]);
        }
        ready.clear();
    }
    if (stopped) {
        std::lock_guard lock(mutex);
        stop = true;
    }
    consumed.notify_all();
    for (std::thread& thread : threads) {
        thread.join();
    }
}

// The progress line on stderr, when it is a terminal.
class ProgressLine {
public:
    ProgressLine(Context& context, std::size_t files, std::uint64_t bytes) : m_context(context) {
        m_counts.files_total = files;
        m_counts.bytes_total = bytes;
        m_enabled = context.err_is_tty;
    }
    void advance(std::uint64_t bytes) {
        ++m_counts.files_done;
        m_counts.bytes_done += bytes;
        if (m_enabled && m_clock.due()) {
            m_counts.seconds = m_clock.seconds();
            m_context.err << '\r' << progress_line(m_counts) << "\x1b[K" << std::flush;
            m_shown = true;
        }
    }
    // Before any other message, and at the end.
    void clear() {
        if (m_shown) {
            m_context.err << "\r\x1b[K" << std::flush;
            m_shown = false;
        }
    }

private:
    Context& m_context;
    ProgressCounts m_counts;
    ProgressClock m_clock;
    bool m_enabled = false;
    bool m_shown = false;
};

void run_extract(const ExtractArgs& args, Context& context) {
    const Inputs inputs = expand_inputs(args.files);
    const std::vector<std::string>& files = inputs.files;
    std::error_code cwd_error;
    const fs::path cwd = fs::current_path(cwd_error);
    const bool indexing = !args.no_index;
    const unsigned jobs =
        args.jobs > 0 ? static_cast<unsigned>(args.jobs) : std::max(1u, std::thread::hardware_concurrency());

    std::optional<Index> index;
    std::unordered_map<std::string, StoredFile> stored;
    if (indexing) {
        auto opened = Index::open(default_index_path(args.db));
        if (!opened) {
            print_error(context, opened.error().message);
            context.exit_code = static_cast<int>(opened.error().code);
            return;
        }
        index.emplace(std::move(opened).value());
        if (!args.force) {
            auto known = index->stored_files();
            if (!known) {
                print_error(context, known.error().message);
                context.exit_code = static_cast<int>(known.error().code);
                return;
            }
            stored.swap(*known);
        }
    }

    Tools tools(args, indexing);
    if (!indexing && !tools.get()) {
        print_error(context, tools.error().message);
        context.exit_code = static_cast<int>(tools.error().code);
        return;
    }

    DecodeOptions options;
    options.encoding = args.encoding;
    std::vector<std::uint64_t> sizes(files.size(), 0);

    auto work = [&](std::size_t i) {
        Outcome outcome;
        const std::string& path = files[i];
        const std::string key = indexing ? index_key(path, cwd) : path;
        const auto known = indexing && !args.force ? stored.find(key) : stored.end();
        // The same size and modification time as when it was indexed: unchanged, unread (as
        // make and git judge a file); --force reads it whatever its time says.
        if (known != stored.end() && known->second.unchanged(inputs.sizes[i], inputs.mtimes[i])) {
            sizes[i] = inputs.sizes[i];
            outcome.kind = Outcome::Kind::unchanged;
            return outcome;
        }
        auto bytes = read_input(path);
        if (!bytes) {
            outcome.error = std::move(bytes).error();
            return outcome;
        }
        sizes[i] = bytes->size();  // each worker writes its own slot
        const std::string hash = sha256_hex(*bytes);
        if (known != stored.end() && known->second.sha256 == hash) {
            outcome.kind = Outcome::Kind::unchanged;
            // (Touched, copied or checked out again, or written too close to its indexing for
            // its time to be trusted: the index takes its time as of now, so the next run need
            // not read it.)
            if (inputs.mtimes[i] != 0) {
                outcome.record.path = key;
                outcome.new_time = inputs.mtimes[i];
            }
            return outcome;
        }
        const Tools* loaded = tools.get();
        if (loaded == nullptr) {
            outcome.kind = Outcome::Kind::fatal;
            outcome.error = tools.error();
            return outcome;
        }
        const std::size_t size = bytes->size();
        auto record = loaded->extractor().extract(std::move(*bytes), path, options, hash);
        if (!record) {
            outcome.error = std::move(record).error();
            return outcome;
        }
        outcome.kind = Outcome::Kind::extracted;
        outcome.record = std::move(record).value();
        outcome.record.path = key;
        if (outcome.record.file.empty()) {
            outcome.record.file = path == "-" ? "-" : fs::path(path).filename().string();
        }
        outcome.record.size = size;
        // (The time stat gave before reading: a change after it shows as a later time.)
        outcome.record.mtime_ns = inputs.mtimes[i];
        if (indexing && loaded->segmenter() != nullptr) {
            outcome.text = make_search_text(outcome.record, *loaded->segmenter());
        }
        return outcome;
    };

    std::string format = args.format;
    if (format.empty()) {
        format = context.out_is_tty ? "summary" : "json";
    }
    nlohmann::json array = nlohmann::json::array();
    const std::vector<std::uint64_t>& file_bytes = inputs.sizes;
    ProgressLine progress(context, files.size(),
                          std::accumulate(file_bytes.begin(), file_bytes.end(), std::uint64_t{0}));
    std::size_t added = 0, replaced = 0, unchanged = 0, failed = 0;
    bool lexicon_added = false;
    // Records are committed in batches of about this long: each is still whole or absent
    // (a savepoint each), and the write lock is never held for long.
    constexpr auto k_batch_time = std::chrono::milliseconds(250);
    auto batch_started = std::chrono::steady_clock::now();
    std::optional<Error> fatal;

    // Every write goes into a batch, committed once it is k_batch_time old.
    auto begin_batch = [&] {
        if (index->in_batch()) {
            return true;
        }
        auto begun = index->begin_batch();
        if (!begun) {
            fatal = std::move(begun).error();
            return false;
        }
        batch_started = std::chrono::steady_clock::now();
        return true;
    };
    auto commit_when_due = [&] {
        if (std::chrono::steady_clock::now() - batch_started >= k_batch_time) {
            auto committed = index->commit_batch();
            if (!committed) {
                fatal = std::move(committed).error();
                return false;
            }
        }
        return true;
    };

    auto consume = [&](std::size_t i, Outcome& outcome) {
        progress.advance(sizes[i]);
        switch (outcome.kind) {
            case Outcome::Kind::fatal:
                fatal = outcome.error;
                return false;
            case Outcome::Kind::failed:
                progress.clear();
                print_error(context, outcome.error->message);
                ++failed;
                return true;
            case Outcome::Kind::unchanged: {
                ++unchanged;
                if (outcome.new_time == 0) {
                    return true;
                }
                if (!begin_batch()) {
                    return false;
                }
                auto kept = index->update_time(outcome.record.path, outcome.new_time);
                if (!kept) {
                    fatal = std::move(kept).error();
                    return false;
                }
                return commit_when_due();
            }
            case Outcome::Kind::extracted:
                break;
        }
        if (!outcome.record.warnings.empty()) {
            progress.clear();
            for (const std::string& warning : outcome.record.warnings) {
                context.err << "policy: warning: " << warning << '\n';
            }
        }
        if (!indexing) {
            if (format == "json") {
                array.push_back(to_json(outcome.record));
            } else if (format == "jsonl") {
                context.out << to_json(outcome.record).dump() << '\n';
            } else if (format == "table") {
                WriteOptions options;
                options.width = terminal_width(context);
                options.colour = colour_wanted(context);
                write_table(context.out, task_rows(outcome.record), options);
            } else {
                print_summary(context.out, outcome.record);
            }
            return true;
        }
        if (!lexicon_added) {
            auto lexicon = index->add_department_lexicon(tools.get()->grammar().lexicon("departments.txt"));
            if (!lexicon) {
                fatal = std::move(lexicon).error();
                return false;
            }
            lexicon_added = true;
        }
        if (!begin_batch()) {
            return false;
        }
        auto stored_outcome = index->store(outcome.record, outcome.text);
        if (!stored_outcome) {
            fatal = std::move(stored_outcome).error();
            return false;
        }
        ++(stored_outcome->replaced ? replaced : added);
        return commit_when_due();
    };

    if (jobs == 1 && !indexing) {
        // Nothing to overlap the one parser with: no thread hand-offs.
        for (std::size_t i = 0; i < files.size(); ++i) {
            Outcome outcome = work(i);
            if (!consume(i, outcome)) {
                break;
            }
        }
    } else {
        run_in_order(file_bytes, jobs, indexing, work, consume);
    }
    progress.clear();
    if (index) {
        // What was stored before any failure is whole: keep it.
        auto committed = index->commit_batch();
        if (!committed && !fatal) {
            fatal = std::move(committed).error();
        }
    }

    if (fatal) {
        print_error(context, fatal->message);
        context.exit_code = static_cast<int>(fatal->code);
        return;
    }
    if (!indexing && format == "json") {
        context.out << (array.size() == 1 ? array[0] : array).dump(2) << '\n';
    }
    if (indexing) {
        context.err << fmt::format("indexed {} ({} new, {} replaced), unchanged {}, failed {} → {}\n", added + replaced,
                                   added, replaced, unchanged, failed, index->path());
    }
    if (failed > 0) {
        context.exit_code = static_cast<int>(ErrorCode::bad_input);
    }
}

}  // namespace

void add_extract(CLI::App& app, Context& context) {
    auto args = std::make_shared<ExtractArgs>();
    CLI::App* sub = app.add_subcommand("extract", "Extract tasks, departments, deadlines and citations from notices");
    sub->footer(
        "Examples:\n"
        "  policy extract corpus/                          index every .txt under corpus/ into ./policy.db\n"
        "  policy extract --db 2024.db --jobs 4 *.txt      another index, four parsers\n"
        "  policy extract --no-index --format json a.txt   print the record, write nothing\n"
        "  curl -s URL | policy extract --no-index -       read standard input\n"
        "Files whose content is unchanged since they were indexed are skipped (--force re-reads them);\n"
        "a changed file replaces its old rows. Each file is stored in one transaction.");
    sub->add_option("files", args->files, "notice files or directories (UTF-8, UTF-16 or GB18030/GBK); - for stdin");
    sub->add_option("--format", args->format,
                    "with --no-index: summary|table|json|jsonl (default: summary on a terminal, json "
                    "otherwise); table: one row per task")
        ->check(CLI::IsMember({"summary", "table", "json", "jsonl"}));
    sub->add_flag("--no-index", args->no_index, "print records and write no index");
    sub->add_flag("--force", args->force, "re-extract files whose content is unchanged");
    sub->add_option("--db", args->db, "index path (default: $POLICY_DB, else ./policy.db)");
    sub->add_option("--grammars", args->grammars, "directory of .re2/.txt files overriding the built-in rules");
    sub->add_option("--encoding", args->encoding, "force the input encoding (e.g. GB18030, UTF-16LE)");
    sub->add_option("-j,--jobs", args->jobs, "parallel parsers (default: number of cores)")->check(CLI::Range(1, 1024));
    sub->callback([args, &context] { run_extract(*args, context); });
}

}  // namespace policy::cli
