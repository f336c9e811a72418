// faults_test: the index stays whole whatever happens to `policy extract` — SIGKILL at random
// moments, a disk that fills up, an index directory it cannot write, an index path that is
// not an index — and reading commands never write. Runs the real binary; every index is
// checked with SQLite itself (PRAGMA integrity_check), not through policy.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

class Scratch {
public:
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "policy-faults-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        m_path = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        for (const auto& entry : fs::recursive_directory_iterator(m_path, ec)) {
            fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
        }
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

struct Run {
    int exit_code = -1;  // -1: killed
    std::string out;
    std::string err;
};

struct Limits {
    std::chrono::milliseconds kill_after{0};  // 0: let it finish
    std::uint64_t file_size_limit = 0;        // RLIMIT_FSIZE for the child; 0: none
};

// Runs the real binary with `args`, stdin from /dev/null; may SIGKILL it after a delay or
// limit the size of the files it writes (a full disk, as the process sees it: EFBIG).
Run run_policy(const std::vector<std::string>& args, const Limits& limits = {}) {
    Scratch scratch;
    const std::string out_path = scratch.file("out");
    const std::string err_path = scratch.file("err");
    std::vector<std::string> argv_strings = {POLICY_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_strings) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (limits.file_size_limit > 0) {
            // Ignored, SIGXFSZ would not kill: writes past the limit fail with EFBIG instead.
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit limit{limits.file_size_limit, limits.file_size_limit};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    if (limits.kill_after.count() > 0) {
        std::this_thread::sleep_for(limits.kill_after);
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    Run run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(out_path);
    run.err = read_file(err_path);
    return run;
}

// A plain SQLite connection to an index, as another tool would open it.
class Database {
public:
    explicit Database(const std::string& path, int flags = SQLITE_OPEN_READWRITE) {
        if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + path);
        }
    }
    ~Database() { sqlite3_close(m_db); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Rows of `sql`, each column as text ("" for NULL).
    std::vector<std::vector<std::string>> rows(const std::string& sql) const {
        sqlite3_stmt* stmt = nullptr;
        std::vector<std::vector<std::string>> out;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            throw std::runtime_error(sqlite3_errmsg(m_db));
        }
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                const auto* text = sqlite3_column_text(stmt, i);
                row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) {
            throw std::runtime_error(sqlite3_errmsg(m_db));
        }
        return out;
    }
    std::string value(const std::string& sql) const {
        const auto all = rows(sql);
        return all.empty() || all[0].empty() ? "" : all[0][0];
    }

private:
    sqlite3* m_db = nullptr;
};

std::string integrity(const std::string& db) {
    return Database(db).value("PRAGMA integrity_check");
}

// Task count per indexed file name: what a complete store of each document holds.
std::map<std::string, std::string> tasks_per_file(const std::string& db) {
    std::map<std::string, std::string> out;
    for (const auto& row : Database(db).rows("SELECT d.file, (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) "
                                             "FROM documents d")) {
        out[row[0]] = row[1];
    }
    return out;
}

// `copies` notices in `dir`: the corpus files under many names, each made distinct.
std::vector<std::string> make_notices(const std::string& dir, int copies) {
    fs::create_directories(dir);
    std::vector<std::string> sources;
    for (const auto& entry : fs::directory_iterator(std::string(POLICY_SOURCE_DIR) + "/corpus")) {
        if (entry.path().extension() == ".txt") {
            sources.push_back(read_file(entry.path().string()));
        }
    }
    std::sort(sources.begin(), sources.end());
    REQUIRE(!sources.empty());
    std::vector<std::string> paths;
    for (int i = 0; i < copies; ++i) {
        const std::string path = dir + "/notice-" + std::to_string(1000 + i) + ".txt";
        write_file(path,
                   sources[static_cast<std::size_t>(i) % sources.size()] + "\n\n（第" + std::to_string(i) + "份）\n");
        paths.push_back(path);
    }
    return paths;
}

std::vector<std::string> extract_args(const std::string& db, const std::vector<std::string>& files) {
    std::vector<std::string> args = {"extract", "--db", db};
    args.insert(args.end(), files.begin(), files.end());
    return args;
}

}  // namespace

TEST_CASE("SIGKILL at random moments leaves an index that opens whole, and a re-run completes it") {
    Scratch scratch;
    const std::vector<std::string> files = make_notices(scratch.file("notices"), 60);

    // The uninterrupted run: what every document must look like, and how long a run takes.
    const std::string reference = scratch.file("reference.db");
    const auto start = std::chrono::steady_clock::now();
    const Run full = run_policy(extract_args(reference, files));
    const auto duration =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    REQUIRE(full.exit_code == 0);
    const std::map<std::string, std::string> expected = tasks_per_file(reference);
    REQUIRE(expected.size() == files.size());

    const std::string db = scratch.file("policy.db");
    const unsigned seed = std::random_device{}();
    MESSAGE("kill seed " << seed << ", uninterrupted run " << duration.count() << " ms");
    std::mt19937 random(seed);
    std::uniform_int_distribution<long> moment(1, std::max<long>(2, duration.count()));
    std::size_t committed = 0;
    std::string progress;  // documents stored after each kill, for the log
    for (int round = 0; round < 4; ++round) {
        const Run killed = run_policy(extract_args(db, files), Limits{std::chrono::milliseconds(moment(random))});
        CAPTURE(round);
        if (!fs::exists(db)) {
            continue;  // killed before the index was created
        }
        REQUIRE(integrity(db) == "ok");
        const std::map<std::string, std::string> stored = tasks_per_file(db);
        // Nothing committed before is lost, and every stored document is whole.
        CHECK(stored.size() >= committed);
        for (const auto& [file, tasks] : stored) {
            CAPTURE(file);
            CHECK(expected.at(file) == tasks);
        }
        committed = stored.size();
        progress += ' ';
        progress += std::to_string(committed);
        if (killed.exit_code == 0) {
            CHECK(committed == files.size());
        }
    }
    MESSAGE("documents stored after each kill:" << progress << " of " << files.size());
    const Run rest = run_policy(extract_args(db, files));
    CHECK(rest.exit_code == 0);
    CHECK(integrity(db) == "ok");
    CHECK(tasks_per_file(db) == expected);
}

TEST_CASE("a disk that fills up mid-run gives one clear error and keeps what was committed") {
    Scratch scratch;
    const std::vector<std::string> files = make_notices(scratch.file("notices"), 30);
    const std::string db = scratch.file("policy.db");
    REQUIRE(run_policy(extract_args(db, {files[0]})).exit_code == 0);
    const std::string before = Database(db).value("SELECT count(*) FROM documents");
    REQUIRE(before == "1");

    // No file may grow past 256 KiB: the write-ahead log fills up after a few notices.
    const Run full = run_policy(extract_args(db, files), Limits{std::chrono::milliseconds(0), 256 * 1024});
    CHECK(full.exit_code == 4);
    const std::string prefix = "policy: " + db + ": ";
    CHECK(full.err.substr(0, prefix.size()) == prefix);
    CHECK(std::count(full.err.begin(), full.err.end(), '\n') == 1);
    CHECK(integrity(db) == "ok");
    const int after = std::stoi(Database(db).value("SELECT count(*) FROM documents"));
    CHECK(after >= 1);
    CHECK(after < static_cast<int>(files.size()));

    // With room again, the run completes.
    CHECK(run_policy(extract_args(db, files)).exit_code == 0);
    CHECK(Database(db).value("SELECT count(*) FROM documents") == std::to_string(files.size()));
}

TEST_CASE("an index in a directory that cannot be written is a clear error, not a corrupt index") {
    Scratch scratch;
    const std::vector<std::string> files = make_notices(scratch.file("notices"), 2);

    SUBCASE("a directory that does not exist") {
        const std::string db = scratch.file("missing/policy.db");
        const Run run = run_policy(extract_args(db, files));
        CHECK(run.exit_code == 4);
        CHECK(run.err.substr(0, ("policy: " + db + ": ").size()) == "policy: " + db + ": ");
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
        CHECK(!fs::exists(db));
    }
    SUBCASE("a directory where the index should be") {
        const std::string db = scratch.file("a-directory.db");
        fs::create_directories(db);
        const Run run = run_policy(extract_args(db, files));
        CHECK(run.exit_code == 4);
        CHECK(run.err.substr(0, ("policy: " + db + ": ").size()) == "policy: " + db + ": ");
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    }
    SUBCASE("a file that is not an index is refused and left as it was") {
        const std::string db = scratch.file("notes.db");
        const std::string garbage = "these are my notes, not a database\n";
        write_file(db, garbage);
        const Run run = run_policy(extract_args(db, files));
        CHECK(run.exit_code == 4);
        CHECK(run.err.substr(0, ("policy: " + db + ": ").size()) == "policy: " + db + ": ");
        CHECK(read_file(db) == garbage);
    }
    SUBCASE("a read-only directory") {
        if (::geteuid() == 0) {
            MESSAGE("running as root: directory permissions do not stop root; covered by the cases above");
            return;
        }
        const std::string dir = scratch.file("read-only");
        fs::create_directories(dir);
        const std::string db = dir + "/policy.db";
        REQUIRE(run_policy(extract_args(db, {files[0]})).exit_code == 0);
        ::chmod(dir.c_str(), 0555);
        ::chmod(db.c_str(), 0444);
        const Run run = run_policy(extract_args(db, files));
        CHECK(run.exit_code == 4);
        CHECK(run.err.substr(0, ("policy: " + db + ": ").size()) == "policy: " + db + ": ");
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
        CHECK(integrity(db) == "ok");
    }
}

TEST_CASE("a run where some files fail still indexes all the others, then exits 3") {
    Scratch scratch;
    const std::vector<std::string> files = make_notices(scratch.file("notices"), 3);
    const std::string bad_dir = std::string(POLICY_SOURCE_DIR) + "/tests/data/bad/";
    const std::string binary = bad_dir + "binary.png";
    const std::string missing = scratch.file("vanished.txt");
    const std::string db = scratch.file("policy.db");
    const Run run = run_policy(
        extract_args(db, {files[0], binary, files[1], missing, bad_dir + "gbk.txt", bad_dir + "empty.txt", files[2]}));
    CHECK(run.exit_code == 3);
    CHECK(run.err.find("policy: " + binary + ": binary data (NUL bytes), not text\n") != std::string::npos);
    CHECK(run.err.find("policy: " + missing + ": No such file or directory\n") != std::string::npos);
    CHECK(integrity(db) == "ok");
    CHECK(Database(db).value("SELECT count(*) FROM documents") == "5");
    CHECK(Database(db).value("SELECT group_concat(file, ' ') FROM (SELECT file FROM documents ORDER BY file)") ==
          "empty.txt gbk.txt notice-1000.txt notice-1001.txt notice-1002.txt");
}

TEST_CASE("query commands never write, and policy sql refuses writes through SQLite itself") {
    Scratch scratch;
    const std::vector<std::string> files = make_notices(scratch.file("notices"), 3);
    const std::string db = scratch.file("policy.db");
    REQUIRE(run_policy(extract_args(db, files)).exit_code == 0);
    const std::string before = read_file(db);
    const auto modified = fs::last_write_time(db);

    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"docs", "--db", db},
                                               {"tasks", "--db", db},
                                               {"search", "--db", db, "安全生产"},
                                               {"sql", "--db", db, "SELECT count(*) FROM tasks"}}) {
        CAPTURE(args[0]);
        const Run run = run_policy(args);
        CHECK(run.exit_code == 0);
        CHECK(run.err == "");
    }
    const std::string attached = scratch.file("attached.db");
    for (const std::string& sql :
         {std::string("DELETE FROM documents"), std::string("DROP TABLE tasks"),
          std::string("UPDATE documents SET title = 'x'"), std::string("PRAGMA user_version = 99"),
          std::string("CREATE TABLE mine (a)"), std::string("VACUUM"), "ATTACH DATABASE '" + attached + "' AS other"}) {
        CAPTURE(sql);
        const Run run = run_policy({"sql", "--db", db, sql});
        CHECK(run.exit_code == 2);
        CHECK(run.err.substr(0, 8) == "policy: ");
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    }
    CHECK(!fs::exists(attached));
    CHECK(read_file(db) == before);
    CHECK(fs::last_write_time(db) == modified);
    CHECK(Database(db).value("SELECT count(*) FROM documents") == "3");
    CHECK(Database(db).value("PRAGMA user_version") != "99");
}
