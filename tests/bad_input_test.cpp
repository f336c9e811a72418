// bad_input_test: `policy extract` on what users really feed it — empty, binary, broken or
// foreign encodings, huge, absurd and unreadable files — run as the real binary. Each input
// gives either a correct record or one line "policy: FILE: message" and exit 3, and the
// files after a bad one are still read. Small inputs are tests/data/bad/*; the large ones are
// generated into a temporary directory by scripts/make-bad-inputs.sh.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A fresh temporary directory, removed with everything in it at scope exit.
class Scratch {
public:
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "policy-bad-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        m_path = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_path, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    fs::path m_path;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

std::string quote(const std::string& arg) {
    std::string quoted = "'";
    for (const char c : arg) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

std::string bad(const std::string& name) {
    return std::string(POLICY_SOURCE_DIR) + "/tests/data/bad/" + name;
}

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
    double seconds = 0;
};

// Runs the real binary: `policy extract --no-index --format jsonl FILES...`.
Run extract(const std::vector<std::string>& files) {
    Scratch scratch;
    std::string command = quote(POLICY_BINARY) + " extract --no-index --format jsonl";
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on " " + std::string.
    for (const std::string& file : files) {
        command += ' ';
        command += quote(file);
    }
    command += " </dev/null >";
    command += quote(scratch.file("out"));
    command += " 2>";
    command += quote(scratch.file("err"));
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    Run run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(scratch.file("out"));
    run.err = read_file(scratch.file("err"));
    return run;
}

std::vector<json> records(const Run& run) {
    std::vector<json> out;
    std::istringstream lines(run.out);
    std::string line;
    while (std::getline(lines, line)) {
        out.push_back(json::parse(line));
    }
    return out;
}

// The single record of a run that must have succeeded quietly.
json only_record(const Run& run) {
    REQUIRE(run.exit_code == 0);
    CHECK(run.err == "");
    const std::vector<json> all = records(run);
    REQUIRE(all.size() == 1);
    return all[0];
}

std::vector<std::string> task_texts(const json& record) {
    std::vector<std::string> texts;
    for (const json& task : record["tasks"]) {
        texts.push_back(task["text"].get<std::string>());
    }
    return texts;
}

// The peak resident set of any child this process has waited for, in MB.
double peak_child_rss_mb() {
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Under AddressSanitizer everything runs a few times slower: the one-line file shrinks to
// what still proves the point, so CI's sanitizer pass stays quick.
#if defined(__SANITIZE_ADDRESS__)
constexpr int k_one_line_megabytes = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int k_one_line_megabytes = 10;
#else
constexpr int k_one_line_megabytes = 50;
#endif
#else
constexpr int k_one_line_megabytes = 50;
#endif

// The large inputs, generated once per test process.
const std::string& generated_dir() {
    static Scratch scratch;
    static const std::string dir = [] {
        const std::string path = scratch.file("generated");
        const std::string command = quote(std::string(POLICY_SOURCE_DIR) + "/scripts/make-bad-inputs.sh") + " " +
                                    quote(path) + " " + std::to_string(k_one_line_megabytes);
        if (std::system(command.c_str()) != 0) {
            throw std::runtime_error("scripts/make-bad-inputs.sh failed");
        }
        return path;
    }();
    return dir;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
        ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("an empty file gives an empty record, not an error") {
    const json record = only_record(extract({bad("empty.txt")}));
    CHECK(record["file"] == "empty.txt");
    CHECK(record["title"] == "");
    CHECK(record["tasks"].empty());
    CHECK(record["citations"].empty());
}

TEST_CASE("a binary file is refused in one line naming it, with exit 3") {
    const std::string path = bad("binary.png");
    const Run run = extract({path});
    CHECK(run.exit_code == 3);
    CHECK(run.err == "policy: " + path + ": binary data (NUL bytes), not text\n");
    CHECK(run.out == "");
}

TEST_CASE("invalid UTF-8 in the middle of valid text is replaced, warned about, and the rest extracted") {
    const std::string path = bad("invalid-utf8-middle.txt");
    const Run run = extract({path});
    CHECK(run.exit_code == 0);
    const std::string bytes = read_file(path);
    const std::size_t first_bad = bytes.find('\xFF');
    CHECK(run.err == "policy: warning: " + path + ": 2 invalid UTF-8 sequences replaced by U+FFFD (first at byte " +
                         std::to_string(first_bad) + ")\n");
    const std::vector<json> all = records(run);
    REQUIRE(all.size() == 1);
    CHECK(all[0]["encoding"] == "UTF-8");
    CHECK(all[0]["title"] == "关于做好2020年防汛工作的通知");
    const std::vector<std::string> texts = task_texts(all[0]);
    REQUIRE(texts.size() == 3);
    CHECK(texts[0].find("\xEF\xBF\xBD\xEF\xBF\xBD(加强汛期值守") != std::string::npos);
    // Offsets still point into the file as given: the task starts at its number.
    const std::uint64_t begin = all[0]["tasks"][0]["where"]["begin"];
    CHECK(bytes.substr(begin, 2) == "1.");
}

TEST_CASE("GBK text that is not valid UTF-8 gives the same record as its UTF-8 original") {
    const json original = only_record(extract({bad("notice-utf8.txt")}));
    REQUIRE(task_texts(original).size() == 3);
    const json record = only_record(extract({bad("gbk.txt")}));
    CHECK(record["encoding"] == "GB18030");
    CHECK(record["title"] == original["title"]);
    CHECK(record["doc_number"] == "吉应急发〔2020〕12号");
    CHECK(task_texts(record) == task_texts(original));
    CHECK(record["deadlines"].size() == original["deadlines"].size());
}

TEST_CASE("UTF-16 with and without a BOM, either byte order, gives the same record as UTF-8") {
    const json original = only_record(extract({bad("notice-utf8.txt")}));
    const std::vector<std::pair<std::string, std::string>> files = {{"utf16le-bom.txt", "UTF-16LE"},
                                                                    {"utf16be-bom.txt", "UTF-16BE"},
                                                                    {"utf16le-nobom.txt", "UTF-16LE"},
                                                                    {"utf16be-nobom.txt", "UTF-16BE"}};
    for (const auto& [name, encoding] : files) {
        CAPTURE(name);
        const json record = only_record(extract({bad(name)}));
        CHECK(record["encoding"] == encoding);
        CHECK(record["title"] == original["title"]);
        CHECK(task_texts(record) == task_texts(original));
        // Offsets are in the file's own bytes: two per character, after any BOM.
        const std::string bytes = read_file(bad(name));
        const std::uint64_t begin = record["tasks"][0]["where"]["begin"];
        const bool little = encoding == "UTF-16LE";
        CHECK(bytes.substr(begin, 4) == (little ? std::string("1\0.\0", 4)
                                                : std::string("\0"
                                                              "1\0.",
                                                              4)));
    }
}

TEST_CASE("a 50 MB file that is one line completes in bounded time and memory") {
    const std::string path = generated_dir() + "/one-line.txt";
    const Run run = extract({path});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    const std::vector<json> all = records(run);
    REQUIRE(all.size() == 1);
    CHECK(all[0]["size"] == fs::file_size(path));
    // One line holds no numbered paragraph: no tasks, but every 文号 is still found.
    CHECK(all[0]["tasks"].empty());
    const std::size_t written = occurrences(read_file(path), "吉办发〔2014〕32号");
    REQUIRE(written > 300);
    std::size_t found = 0;
    for (const json& citation : all[0]["citations"]) {
        found += citation["text"] == "吉办发〔2014〕32号" ? 1 : 0;
    }
    CHECK(found == written);
    CHECK(all[0]["deadlines"].size() == 2 * written);
    MESSAGE(k_one_line_megabytes << " MB on one line: " << run.seconds << " s, peak child RSS " << peak_child_rss_mb()
                                 << " MB");
    CHECK(peak_child_rss_mb() < 20.0 * k_one_line_megabytes + 500);
}

TEST_CASE("a notice with 100,000 numbered tasks yields every one of them") {
    const Run run = extract({generated_dir() + "/tasks-100000.txt"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.err == "");
    const std::vector<json> all = records(run);
    REQUIRE(all.size() == 1);
    const json& tasks = all[0]["tasks"];
    REQUIRE(tasks.size() == 100000);
    CHECK(all[0]["sections"].size() == 20);
    CHECK(tasks[0]["path"] == "一/1");
    CHECK(tasks[99999]["path"] == "二十/5000");
    CHECK(tasks[99999]["text"] ==
          "落实第20部分第5000项任务，2024年12月底前完成。（省应急管理厅牵头，各有关部门分工负责）");
    CHECK(tasks[99999]["departments"].size() == 2);
    CHECK(tasks[99999]["deadlines"][0]["date"] == "2024-12-31");
    MESSAGE("100,000 tasks: " << run.seconds << " s");
}

TEST_CASE("unbalanced and deeply nested brackets give a record with every task") {
    const json record = only_record(extract({bad("brackets.txt")}));
    CHECK(task_texts(record).size() == 4);
    const json deep = only_record(extract({generated_dir() + "/nested-brackets.txt"}));
    REQUIRE(task_texts(deep).size() == 1);
    CHECK(deep["tasks"][0]["departments"].size() == 1);
}

TEST_CASE("a 《 that is never closed gives a record and the titles that are closed") {
    const json record = only_record(extract({bad("unclosed-title.txt")}));
    CHECK(task_texts(record).size() == 3);
    std::vector<std::string> titles;
    for (const json& citation : record["citations"]) {
        if (citation["kind"] == "title") {
            titles.push_back(citation["text"]);
        }
    }
    CHECK(std::find(titles.begin(), titles.end(), "安全生产法") != titles.end());
}

TEST_CASE("文号-like strings with absurd years and serials are not taken for citations") {
    const json record = only_record(extract({bad("absurd-doc-numbers.txt")}));
    std::vector<std::string> numbers;
    for (const json& citation : record["citations"]) {
        if (citation["kind"] == "doc_number") {
            numbers.push_back(citation["text"]);
        }
    }
    // Years outside 1949–2100, serial 0 and serials of more than six digits are not 文号; an
    // issuer code is cut at sixteen characters (a body's name and its code: 国家安全监管总局安监总管四).
    const std::vector<std::string> expected = {"吉办发〔2014〕999999号", "吉办发〔1949〕1号", "吉发〔2100〕2号",
                                               "吉吉吉吉吉吉吉吉吉吉吉吉吉吉吉吉〔2014〕1号"};
    CHECK(numbers == expected);
    CHECK(record["doc_number"].is_null());
}

TEST_CASE("a missing file is one line naming it, the others are still extracted, and the run exits 3") {
    Scratch scratch;
    const std::string missing = scratch.file("vanished.txt");
    const Run run = extract({bad("notice-utf8.txt"), missing, bad("gbk.txt")});
    CHECK(run.exit_code == 3);
    CHECK(run.err == "policy: " + missing + ": No such file or directory\n");
    const std::vector<json> all = records(run);
    REQUIRE(all.size() == 2);
    CHECK(all[0]["file"] == "notice-utf8.txt");
    CHECK(all[1]["file"] == "gbk.txt");
}

TEST_CASE("an unreadable file is one line naming it, with exit 3") {
    Scratch scratch;
    const std::string good = scratch.file("good.txt");
    write_file(good, read_file(bad("notice-utf8.txt")));
    // A path through a regular file cannot be opened, whoever runs the test.
    const std::string through_file = good + "/notice.txt";
    Run run = extract({through_file});
    CHECK(run.exit_code == 3);
    CHECK(run.err == "policy: " + through_file + ": Not a directory\n");
    if (::geteuid() == 0) {
        MESSAGE("running as root: permissions do not stop reads, so mode 000 is not tested");
        return;
    }
    const std::string locked = scratch.file("locked.txt");
    write_file(locked, read_file(bad("notice-utf8.txt")));
    ::chmod(locked.c_str(), 0);
    run = extract({locked, good});
    CHECK(run.exit_code == 3);
    CHECK(run.err == "policy: " + locked + ": Permission denied\n");
    CHECK(records(run).size() == 1);
}

TEST_CASE("a directory given as a file is an error naming it, or read as the notices inside") {
    Scratch scratch;
    const std::string dir = scratch.file("notices");
    fs::create_directories(dir);
    write_file(dir + "/a.txt", read_file(bad("notice-utf8.txt")));
    const Run run = extract({dir});
    if (run.exit_code == 3) {
        CHECK(run.err == "policy: " + dir + ": is a directory\n");
        CHECK(run.out == "");
    } else {
        CHECK(run.exit_code == 0);
        CHECK(run.err == "");
        const std::vector<json> all = records(run);
        REQUIRE(all.size() == 1);
        CHECK(all[0]["file"] == "a.txt");
    }
}

TEST_CASE("a path with spaces and Chinese characters works as any other") {
    const std::string path = bad("路径 含空格 和中文 notice.txt");
    const json record = only_record(extract({path}));
    CHECK(record["file"] == "路径 含空格 和中文 notice.txt");
    CHECK(record["title"] == "关于做好2020年防汛工作的通知");
    CHECK(task_texts(record).size() == 3);
}
