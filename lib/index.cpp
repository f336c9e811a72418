#include "index.h"

#include <fmt/core.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <unistd.h>

#include "citations.h"
#include "embedded.h"
#include "segment.h"

namespace policy {
namespace {

Error sqlite_error(const std::string& name, sqlite3* db, int rc) {
    const int primary = rc & 0xFF;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return make_error(ErrorCode::index_error, fmt::format("{}: the index is locked by another process", name));
    }
    if (primary == SQLITE_NOTADB) {
        return make_error(ErrorCode::index_error, fmt::format("{}: not a policy index (not an SQLite database)", name));
    }
    const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (primary == SQLITE_READONLY) {
        return make_error(ErrorCode::index_error, fmt::format("{}: the index cannot be written: {}", name, message));
    }
    return make_error(ErrorCode::index_error, fmt::format("{}: index error: {}", name, message));
}

// The open connection; closed last, after every statement (sqlite3_close_v2 would also wait).
struct Connection {
    sqlite3* db = nullptr;
    Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() {
        if (db != nullptr) {
            sqlite3_close_v2(db);
        }
    }
};

std::string utc_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::optional<std::string> non_empty(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    return text;
}

std::size_t utf8_next(std::string_view text, std::size_t at) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
        ++at;
    }
    return at;
}

std::size_t utf8_previous(std::string_view text, std::size_t at) {
    if (at == 0) {
        return 0;
    }
    --at;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
        --at;
    }
    return at;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Statement

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_name(other.m_name) {
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_name = other.m_name;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_unowned(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    Error error = sqlite_error(m_name != nullptr ? *m_name : std::string(sqlite3_db_filename(m_db, "main")), m_db, rc);
    // Ready for the next use, with none of this attempt's bindings left behind.
    reset();
    return error;
}

Result<void> Statement::run() {
    for (;;) {
        const bool row = POLICY_TRY(step());
        if (!row) {
            break;
        }
    }
    reset();
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::column_int(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::column_double(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::column_text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (text == nullptr) {
        return {};
    }
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (column_is_null(column)) {
        return std::nullopt;
    }
    return column_text(column);
}

bool Statement::column_is_null(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---------------------------------------------------------------------------------------
// Free functions

std::string default_index_path(const std::string& given) {
    if (!given.empty()) {
        return given;
    }
    if (const char* env = std::getenv("POLICY_DB"); env != nullptr && *env != '\0') {
        return env;
    }
    return "policy.db";
}

std::string title_key(std::string_view title) {
    static constexpr std::string_view k_dropped[] = {"《", "》", "〈", "〉", "\u3000"};
    std::string key;
    key.reserve(title.size());
    std::size_t at = 0;
    while (at < title.size()) {
        const char c = title[at];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++at;
            continue;
        }
        bool dropped = false;
        for (std::string_view mark : k_dropped) {
            if (title.substr(at, mark.size()) == mark) {
                at += mark.size();
                dropped = true;
                break;
            }
        }
        if (!dropped) {
            key += c;
            ++at;
        }
    }
    return key;
}

SearchText make_search_text(const Record& record, const Segmenter& segmenter) {
    // The words of each text (Segmenter::words), space-separated, without a string per word.
    std::vector<Token> tokens;
    auto words_of = [&](std::string_view source) {
        tokens.clear();
        segmenter.segment(source, tokens);
        std::string out;
        out.reserve(source.size() + source.size() / 4);
        for (const Token& token : tokens) {
            if (token.kind == TokenKind::space || token.kind == TokenKind::punctuation || token.end == token.begin) {
                continue;
            }
            if (!out.empty()) {
                out += ' ';
            }
            out.append(source.substr(token.begin, token.end - token.begin));
        }
        return out;
    };
    SearchText text;
    std::string titles = record.title;
    if (!record.plan_title.empty() && record.plan_title != record.title) {
        titles += '\n';
        titles += record.plan_title;
    }
    text.title = words_of(titles);
    text.tasks.reserve(record.tasks.size());
    for (const Task& task : record.tasks) {
        text.tasks.push_back(words_of(task.text));
    }
    return text;
}

std::string fts_query(const std::vector<std::string>& words) {
    std::string query;
    for (const std::string& word : words) {
        if (word.empty()) {
            continue;
        }
        if (!query.empty()) {
            query += ' ';
        }
        query += '"';
        for (char c : word) {
            if (c == '"') {
                query += '"';
            }
            query += c;
        }
        query += '"';
    }
    return query;
}

std::string make_snippet(std::string_view text, const std::vector<std::string>& words, const SearchOptions& options) {
    // Occurrences of the words, merged where they overlap.
    std::vector<std::pair<std::size_t, std::size_t>> matches;
    for (const std::string& word : words) {
        if (word.empty()) {
            continue;
        }
        for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + word.size())) {
            matches.emplace_back(at, at + word.size());
        }
    }
    std::sort(matches.begin(), matches.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& match : matches) {
        if (!merged.empty() && match.first <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, match.second);
        } else {
            merged.push_back(match);
        }
    }

    std::size_t begin = merged.empty() ? 0 : merged.front().first;
    for (std::size_t i = 0; i < options.context && begin > 0; ++i) {
        begin = utf8_previous(text, begin);
    }
    std::size_t end = begin;
    for (std::size_t i = 0; i < options.width && end < text.size(); ++i) {
        end = utf8_next(text, end);
    }

    std::string out;
    if (begin > 0) {
        out += "…";
    }
    auto match = merged.begin();
    bool in_match = false;
    bool last_space = false;
    for (std::size_t at = begin; at < end; ++at) {
        while (match != merged.end() && match->second <= at && !in_match) {
            ++match;
        }
        if (in_match && at == match->second) {
            out += options.mark_close;
            in_match = false;
            ++match;
        }
        if (!in_match && match != merged.end() && at >= match->first && at < match->second) {
            out += options.mark_open;
            in_match = true;
        }
        const char c = text[at];
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space) {
            if (!last_space) {
                out += ' ';
            }
        } else {
            out += c;
        }
        last_space = space;
    }
    if (in_match) {
        out += options.mark_close;
    }
    if (end < text.size()) {
        out += "…";
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Index

struct Index::Impl {
    Connection connection;  // first: destroyed after the statements below
    std::string path;
    Mode mode = Mode::read_write;
    int version_found = 0;
    bool in_batch = false;

    // Prepared on first use by store().
    struct Writer {
        Statement find_document, insert_document, update_document;
        Statement delete_sections, delete_citations, delete_deadlines, delete_tasks, delete_title_search;
        Statement insert_title_search, insert_section, insert_task, insert_task_search;
        Statement insert_department, find_department, upsert_alias, insert_task_department;
        Statement insert_deadline, insert_citation;
    };
    std::unique_ptr<Writer> writer;

    // A full-text row held back until the batch commits. FTS5 writes its pending terms out
    // as a new segment whenever a row comes with a lower rowid than the one before
    // (sqlite3Fts5IndexBeginWrite), and a document's title row (rowid -id) always does: one
    // tiny segment per document, each merged again and again later. Inserted in rowid order
    // at commit, a batch's rows make one segment, which halves FTS5's share of indexing.
    struct PendingSearchRow {
        std::int64_t rowid = 0;  // tasks.id, or -documents.id for the title row
        std::int64_t document_id = 0;
        std::string words;
    };
    std::vector<PendingSearchRow> pending_search;  // the open batch's, in store order

    // Caches over rows that are never deleted; cleared when a transaction rolls back.
    std::unordered_map<std::string, std::int64_t> department_ids;    // canonical name -> id
    std::unordered_set<std::string> aliases_written;                 // "alias\tid"
    std::unordered_map<std::string, std::string> lexicon_canonical;  // alias -> canonical

    sqlite3* db() const { return connection.db; }

    Result<void> exec(const char* sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(db(), sql, nullptr, nullptr, &message);
        sqlite3_free(message);
        if (rc != SQLITE_OK) {
            return sqlite_error(path, db(), rc);
        }
        return {};
    }

    Result<Statement> prepare(std::string_view sql) const {
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(db(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                          &stmt, nullptr);
        if (rc != SQLITE_OK) {
            return sqlite_error(path, db(), rc);
        }
        return Statement(db(), stmt, &path);
    }

    Result<std::int64_t> scalar(std::string_view sql) const {
        auto statement = POLICY_TRY(prepare(sql));
        const bool row = POLICY_TRY(statement.step());
        return row ? statement.column_int(0) : std::int64_t{0};
    }

    Result<void> prepare_writer();
    Result<void> insert_search_rows(std::vector<PendingSearchRow>& rows);
    Result<std::int64_t> department_id(const std::string& canonical);
    Result<void> write_alias(const std::string& alias, std::int64_t id);
    Result<StoreOutcome> store(const Record& record, const SearchText& text);
};

namespace {

// BEGIN IMMEDIATE … COMMIT, rolled back unless committed. IMMEDIATE takes the write lock
// up front, so a second writer waits in the busy handler instead of failing mid-way. Inside
// a batch the same guard is a savepoint: the record goes in whole or not at all, and the
// batch's other records stay.
class Transaction {
public:
    Transaction(std::function<Result<void>(const char*)> exec, bool nested = false)
        : m_exec(std::move(exec)), m_nested(nested) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (m_open) {
            (void)m_exec(m_nested ? "ROLLBACK TO record; RELEASE record" : "ROLLBACK");
        }
    }
    Result<void> begin() {
        POLICY_TRY_VOID(m_exec(m_nested ? "SAVEPOINT record" : "BEGIN IMMEDIATE"));
        m_open = true;
        return {};
    }
    Result<void> commit() {
        POLICY_TRY_VOID(m_exec(m_nested ? "RELEASE record" : "COMMIT"));
        m_open = false;
        return {};
    }

private:
    std::function<Result<void>(const char*)> m_exec;
    bool m_nested = false;
    bool m_open = false;
};

// The schema changes from one version to the next, in order: k_migrations[v - 1] turns
// version v into v + 1. Add one here (and bump k_schema_version and schema.sql) whenever the
// schema changes.
// The oldest version the query side reads without migrating it.
constexpr int k_oldest_readable = 1;
constexpr const char* k_migrations[] = {
    // 1 → 2: each file's modification time, so an unchanged file is skipped without reading it.
    "ALTER TABLE documents ADD COLUMN mtime_ns INTEGER",
};

std::string recreate_advice(const std::string& path) {
    return fmt::format("re-create it: policy extract --force --db NEW.db FILES… (or delete {})", path);
}

}  // namespace

namespace {

// Before SQLite's first use in the process: no memory statistics (they take a global mutex
// on every allocation). Harmless when the host program has initialised SQLite already.
void configure_sqlite() {
    static std::once_flag once;
    std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

// A new index appears whole or not at all: the schema is created in a private file beside
// it, which is then linked into place (failing harmlessly when another process got there
// first). Without this, a process killed between creating the file and committing the
// schema would leave an empty database where the index should be.
Result<void> create_index_file(const std::string& path) {
    const std::string temporary = fmt::format("{}.creating-{}", path, ::getpid());
    {
        configure_sqlite();
        Connection connection;
        int rc = sqlite3_open_v2(temporary.c_str(), &connection.db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            const char* message = connection.db != nullptr ? sqlite3_errmsg(connection.db) : sqlite3_errstr(rc);
            return make_error(ErrorCode::index_error, fmt::format("{}: cannot create the index: {}", path, message));
        }
        const auto schema = embedded_file("schema.sql");
        if (!schema) {
            throw std::logic_error("schema.sql is not embedded");
        }
        // WAL is recorded in the file header, so the index is in WAL mode from its first open.
        const std::string script = "BEGIN;\n" + std::string(*schema) + "\nCOMMIT; PRAGMA journal_mode = WAL;";
        rc = sqlite3_exec(connection.db, script.c_str(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            Error error = sqlite_error(path, connection.db, rc);
            std::remove(temporary.c_str());
            return error;
        }
    }
    const bool linked = ::link(temporary.c_str(), path.c_str()) == 0;
    const int link_errno = errno;
    std::remove(temporary.c_str());
    if (!linked && link_errno != EEXIST) {
        return make_error(ErrorCode::index_error,
                          fmt::format("{}: cannot create the index: {}", path, std::strerror(link_errno)));
    }
    return {};
}

}  // namespace

Index::Index(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;
Index::~Index() = default;

const std::string& Index::path() const {
    return m_impl->path;
}
int Index::schema_version() const {
    return m_impl->version_found;
}
sqlite3* Index::handle() const {
    return m_impl->db();
}
Result<Statement> Index::prepare(std::string_view sql) const {
    return m_impl->prepare(sql);
}

Result<Index> Index::open(const std::string& path, Mode mode, std::chrono::milliseconds busy_timeout) {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->mode = mode;
    const bool read_only = mode == Mode::read_only;
    std::error_code ec;
    if (read_only && !std::filesystem::exists(path, ec)) {
        return make_error(ErrorCode::index_error,
                          fmt::format("{}: no index here (policy extract FILES… creates one)", path));
    }
    if (!read_only && !std::filesystem::exists(path, ec)) {
        POLICY_TRY_VOID(create_index_file(path));
    }
    configure_sqlite();
    // One connection per Index, used by one thread at a time: SQLite's own locking of it is
    // not needed (about 2 % of an indexing run's CPU).
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &impl->connection.db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const char* message = impl->connection.db != nullptr ? sqlite3_errmsg(impl->connection.db) : sqlite3_errstr(rc);
        return make_error(ErrorCode::index_error, fmt::format("{}: cannot open the index: {}", path, message));
    }
    sqlite3_extended_result_codes(impl->db(), 1);
    sqlite3_busy_timeout(impl->db(), static_cast<int>(busy_timeout.count()));

    // Reading the header first tells a non-database apart before anything is written.
    const int version = static_cast<int>(POLICY_TRY(impl->scalar("PRAGMA user_version")));
    impl->version_found = version;
    if (version > k_schema_version) {
        return make_error(ErrorCode::index_error,
                          fmt::format("{}: the index has schema version {}, newer than this policy understands ({}); "
                                      "use a newer policy, or a new --db",
                                      path, version, k_schema_version));
    }

    if (read_only) {
        POLICY_TRY_VOID(impl->exec("PRAGMA query_only = 1; PRAGMA foreign_keys = ON"));
        if (version == 0) {
            return make_error(ErrorCode::index_error, fmt::format("{}: not a policy index (no schema version)", path));
        }
        // (Version 1 lacks only what extract uses to skip unread files: it reads as it is.)
        if (version < k_oldest_readable) {
            return make_error(ErrorCode::index_error,
                              fmt::format("{}: the index has schema version {}, older than this policy's ({}); "
                                          "run policy extract on it to migrate it",
                                          path, version, k_schema_version));
        }
        return Index(std::move(impl));
    }

    // WAL: readers never block the writer and a killed writer leaves committed documents
    // whole. Switching needs a moment alone with the file, so retry while another process
    // is creating the same index.
    const auto deadline = std::chrono::steady_clock::now() + busy_timeout;
    for (;;) {
        auto mode_statement = POLICY_TRY(impl->prepare("PRAGMA journal_mode = WAL"));
        auto row = mode_statement.step();
        if (row && *row && mode_statement.column_text(0) == "wal") {
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            if (!row) {
                return std::move(row).error();
            }
            return make_error(ErrorCode::index_error,
                              fmt::format("{}: cannot switch the index to WAL mode ({})", path,
                                          row && *row ? mode_statement.column_text(0) : "busy"));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // NORMAL in WAL mode: a commit survives the process being killed (the WAL is written
    // before COMMIT returns); only a power cut may lose the last few, never corrupt.
    // A larger page cache and fewer, larger checkpoints: the writer touches the same b-tree
    // pages (indexes, FTS5 segments) for every record.
    POLICY_TRY_VOID(
        impl->exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; "
                   "PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 4000"));

    Transaction transaction([raw = impl.get()](const char* sql) { return raw->exec(sql); });
    POLICY_TRY_VOID(transaction.begin());
    // Re-read under the write lock: another process may have created it meanwhile.
    const int current = static_cast<int>(POLICY_TRY(impl->scalar("PRAGMA user_version")));
    if (current > k_schema_version) {
        return make_error(ErrorCode::index_error,
                          fmt::format("{}: the index has schema version {}, newer than this policy understands ({}); "
                                      "use a newer policy, or a new --db",
                                      path, current, k_schema_version));
    }
    if (current == 0) {
        const auto objects = POLICY_TRY(impl->scalar("SELECT count(*) FROM sqlite_schema"));
        if (objects > 0) {
            const auto documents = POLICY_TRY(
                impl->scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'documents'"));
            if (documents > 0) {
                return make_error(ErrorCode::index_error, fmt::format("{}: the index predates schema versions; {}",
                                                                      path, recreate_advice(path)));
            }
            return make_error(ErrorCode::index_error,
                              fmt::format("{}: not a policy index (it holds other tables)", path));
        }
        const auto schema = embedded_file("schema.sql");
        if (!schema) {
            throw std::logic_error("schema.sql is not embedded");
        }
        POLICY_TRY_VOID(impl->exec(std::string(*schema).c_str()));
    } else {
        for (int from = current; from < k_schema_version; ++from) {
            const char* step = from - 1 < static_cast<int>(std::size(k_migrations)) ? k_migrations[from - 1] : nullptr;
            if (step == nullptr) {
                return make_error(ErrorCode::index_error,
                                  fmt::format("{}: the index has schema version {}, older than this policy's ({}) "
                                              "and there is no migration; {}",
                                              path, current, k_schema_version, recreate_advice(path)));
            }
            POLICY_TRY_VOID(impl->exec(step));
            POLICY_TRY_VOID(impl->exec(fmt::format("PRAGMA user_version = {}", from + 1).c_str()));
        }
    }
    POLICY_TRY_VOID(transaction.commit());
    return Index(std::move(impl));
}

Result<void> Index::add_department_lexicon(const std::vector<std::vector<std::string>>& lexicon) {
    if (m_impl->mode == Mode::read_only) {
        for (const auto& row : lexicon) {
            for (std::size_t i = 0; !row.empty() && i < row.size(); ++i) {
                m_impl->lexicon_canonical.emplace(row[i], row[0]);
            }
        }
        return {};
    }
    POLICY_TRY_VOID(m_impl->prepare_writer());
    Transaction transaction([raw = m_impl.get()](const char* sql) { return raw->exec(sql); }, m_impl->in_batch);
    POLICY_TRY_VOID(transaction.begin());
    for (const auto& row : lexicon) {
        if (row.empty() || row[0].empty()) {
            continue;
        }
        auto id = m_impl->department_id(row[0]);
        if (!id) {
            m_impl->department_ids.clear();
            m_impl->aliases_written.clear();
            return std::move(id).error();
        }
        for (const std::string& alias : row) {
            if (alias.empty()) {
                continue;
            }
            m_impl->lexicon_canonical.emplace(alias, row[0]);
            auto written = m_impl->write_alias(alias, *id);
            if (!written) {
                m_impl->department_ids.clear();
                m_impl->aliases_written.clear();
                return std::move(written).error();
            }
        }
    }
    auto committed = transaction.commit();
    if (!committed) {
        m_impl->department_ids.clear();
        m_impl->aliases_written.clear();
        return std::move(committed).error();
    }
    return {};
}

Result<void> Index::begin_batch() {
    if (m_impl->in_batch) {
        return {};
    }
    POLICY_TRY_VOID(m_impl->exec("BEGIN IMMEDIATE"));
    m_impl->in_batch = true;
    m_impl->pending_search.clear();
    return {};
}

Result<void> Index::commit_batch() {
    if (!m_impl->in_batch) {
        return {};
    }
    // The full-text rows go in last, in one piece; a failure there rolls back the batch.
    auto committed =
        m_impl->pending_search.empty() ? Result<void>{} : m_impl->insert_search_rows(m_impl->pending_search);
    m_impl->pending_search.clear();
    if (committed) {
        committed = m_impl->exec("COMMIT");
    }
    if (!committed) {
        (void)m_impl->exec("ROLLBACK");
        m_impl->department_ids.clear();
        m_impl->aliases_written.clear();
    }
    m_impl->in_batch = false;
    return committed;
}

bool Index::in_batch() const {
    return m_impl->in_batch;
}

Result<std::optional<std::string>> Index::stored_hash(const std::string& path) const {
    auto statement = POLICY_TRY(m_impl->prepare("SELECT sha256 FROM documents WHERE path = ?1"));
    statement.bind(1, std::string_view(path));
    const bool row = POLICY_TRY(statement.step());
    if (!row) {
        return std::optional<std::string>{};
    }
    return std::optional<std::string>{statement.column_text(0)};
}

Result<std::unordered_map<std::string, StoredFile>> Index::stored_files() const {
    auto statement = POLICY_TRY(m_impl->prepare(
        "SELECT path, sha256, size, mtime_ns, CAST(strftime('%s', extracted_at) AS INTEGER) FROM documents"));
    std::unordered_map<std::string, StoredFile> files;
    for (;;) {
        const bool row = POLICY_TRY(statement.step());
        if (!row) {
            break;
        }
        StoredFile file;
        file.sha256 = statement.column_text(1);
        file.size = static_cast<std::uint64_t>(statement.column_int(2));
        file.mtime_ns = statement.column_int(3);
        file.extracted_at = statement.column_int(4);
        files.emplace(statement.column_text(0), std::move(file));
    }
    return files;
}

Result<void> Index::update_time(const std::string& path, std::int64_t mtime_ns) {
    if (m_impl->mode == Mode::read_only) {
        return make_error(ErrorCode::index_error, fmt::format("{}: the index is open read-only", m_impl->path));
    }
    auto statement =
        POLICY_TRY(m_impl->prepare("UPDATE documents SET mtime_ns = ?2, extracted_at = ?3 WHERE path = ?1"));
    return statement.bind(1, std::string_view(path)).bind(2, mtime_ns).bind(3, std::string_view(utc_timestamp())).run();
}

Result<StoreOutcome> Index::store(const Record& record, const SearchText& text) {
    if (m_impl->mode == Mode::read_only) {
        return make_error(ErrorCode::index_error, fmt::format("{}: the index is open read-only", m_impl->path));
    }
    POLICY_TRY_VOID(m_impl->prepare_writer());
    auto outcome = m_impl->store(record, text);
    if (!outcome) {
        // Rows inserted by the rolled-back transaction are gone; so must their cached ids be.
        m_impl->department_ids.clear();
        m_impl->aliases_written.clear();
    }
    return outcome;
}

Result<void> Index::Impl::prepare_writer() {
    if (writer) {
        return {};
    }
    auto w = std::make_unique<Writer>();
    w->find_document = POLICY_TRY(prepare("SELECT id FROM documents WHERE path = ?1"));
    static constexpr const char* k_columns =
        "path, file, sha256, size, encoding, title, plan_title, doc_number, doc_issuer_code, doc_year, doc_serial, "
        "issuers, issued, recipients, cc, title_key, plan_title_key, extracted_at, mtime_ns";
    w->insert_document = POLICY_TRY(prepare(fmt::format(
        "INSERT INTO documents(id, {}) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17, ?18, ?19, ?20)",
        k_columns)));
    w->update_document = POLICY_TRY(prepare(
        "UPDATE documents SET path = ?2, file = ?3, sha256 = ?4, size = ?5, encoding = ?6, title = ?7, "
        "plan_title = ?8, doc_number = ?9, doc_issuer_code = ?10, doc_year = ?11, doc_serial = ?12, issuers = ?13, "
        "issued = ?14, recipients = ?15, cc = ?16, title_key = ?17, plan_title_key = ?18, extracted_at = ?19, "
        "mtime_ns = ?20 WHERE id = ?1"));
    w->delete_sections = POLICY_TRY(prepare("DELETE FROM sections WHERE document_id = ?1"));
    w->delete_citations = POLICY_TRY(prepare("DELETE FROM citations WHERE document_id = ?1"));
    w->delete_deadlines = POLICY_TRY(prepare("DELETE FROM deadlines WHERE document_id = ?1"));
    // task_departments go by ON DELETE CASCADE, their search rows by trigger.
    w->delete_tasks = POLICY_TRY(prepare("DELETE FROM tasks WHERE document_id = ?1"));
    w->delete_title_search = POLICY_TRY(prepare("DELETE FROM search WHERE rowid = -?1"));
    w->insert_title_search =
        POLICY_TRY(prepare("INSERT INTO search(rowid, words, kind, document_id) VALUES(-?1, ?2, 'title', ?1)"));
    w->insert_section = POLICY_TRY(
        prepare("INSERT INTO sections(document_id, path, heading, level, ordinal, begin_offset, end_offset, line) "
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    w->insert_task = POLICY_TRY(
        prepare("INSERT INTO tasks(document_id, path, number, section, text, ordinal, begin_offset, end_offset, line) "
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    w->insert_task_search = POLICY_TRY(
        prepare("INSERT INTO search(rowid, words, kind, document_id, task_id) VALUES(?1, ?2, 'task', ?3, ?1)"));
    w->insert_department = POLICY_TRY(prepare("INSERT INTO departments(name) VALUES(?1) ON CONFLICT(name) DO NOTHING"));
    w->find_department = POLICY_TRY(prepare("SELECT id FROM departments WHERE name = ?1"));
    w->upsert_alias = POLICY_TRY(
        prepare("INSERT INTO department_aliases(alias, department_id) VALUES(?1, ?2) ON CONFLICT(alias) DO UPDATE SET "
                "department_id = excluded.department_id WHERE department_id <> excluded.department_id"));
    w->insert_task_department = POLICY_TRY(prepare(
        "INSERT INTO task_departments(task_id, department_id, name, role, ordinal) VALUES(?1, ?2, ?3, ?4, ?5)"));
    w->insert_deadline = POLICY_TRY(prepare(
        "INSERT INTO deadlines(document_id, task_id, text, date, year_inferred, ordinal, begin_offset, end_offset, "
        "line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    w->insert_citation = POLICY_TRY(prepare(
        "INSERT INTO citations(document_id, task_id, kind, text, issuer_code, year, serial, doc_number, title_key, "
        "ordinal, begin_offset, end_offset, line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
    writer = std::move(w);
    return {};
}

Result<std::int64_t> Index::Impl::department_id(const std::string& canonical) {
    if (const auto it = department_ids.find(canonical); it != department_ids.end()) {
        return it->second;
    }
    POLICY_TRY_VOID(writer->insert_department.bind(1, std::string_view(canonical)).run());
    auto& find = writer->find_department;
    find.bind(1, std::string_view(canonical));
    const bool row = POLICY_TRY(find.step());
    const std::int64_t id = row ? find.column_int(0) : 0;
    find.reset();
    if (!row) {
        return make_error(ErrorCode::index_error, fmt::format("{}: department {} vanished", path, canonical));
    }
    department_ids.emplace(canonical, id);
    return id;
}

Result<void> Index::Impl::write_alias(const std::string& alias, std::int64_t id) {
    std::string key = alias;
    key += '\t';
    key += std::to_string(id);
    if (aliases_written.count(key) > 0) {
        return {};
    }
    POLICY_TRY_VOID(writer->upsert_alias.bind(1, std::string_view(alias)).bind(2, id).run());
    aliases_written.insert(std::move(key));
    return {};
}

namespace {

void bind_location(Statement& statement, int first, const Location& where) {
    statement.bind(first, static_cast<std::int64_t>(where.begin))
        .bind(first + 1, static_cast<std::int64_t>(where.end))
        .bind(first + 2, static_cast<std::int64_t>(where.line));
}

}  // namespace

Result<StoreOutcome> Index::Impl::store(const Record& record, const SearchText& text) {
    Writer& w = *writer;
    Transaction transaction([this](const char* sql) { return exec(sql); }, in_batch);
    POLICY_TRY_VOID(transaction.begin());

    StoreOutcome outcome;
    w.find_document.bind(1, std::string_view(record.path));
    const bool existed = POLICY_TRY(w.find_document.step());
    const std::int64_t old_id = existed ? w.find_document.column_int(0) : 0;
    w.find_document.reset();
    if (existed) {
        outcome.replaced = true;
        for (Statement* statement :
             {&w.delete_citations, &w.delete_deadlines, &w.delete_sections, &w.delete_tasks, &w.delete_title_search}) {
            POLICY_TRY_VOID(statement->bind(1, old_id).run());
        }
    }

    Statement& document = existed ? w.update_document : w.insert_document;
    if (existed) {
        document.bind(1, old_id);
    } else {
        document.bind_null(1);
    }
    std::string file = record.file;
    if (file.empty()) {
        file = std::filesystem::path(record.path).filename().string();
    }
    document.bind(2, std::string_view(record.path))
        .bind(3, std::string_view(file))
        .bind(4, std::string_view(record.sha256))
        .bind(5, static_cast<std::int64_t>(record.size))
        .bind(6, std::string_view(record.encoding))
        .bind(7, non_empty(record.title))
        .bind(8, non_empty(record.plan_title));
    if (record.doc_number) {
        document.bind(9, std::string_view(fold_digits(record.doc_number->text)))
            .bind(10, non_empty(record.doc_number->issuer_code));
        if (record.doc_number->year != 0) {
            document.bind(11, record.doc_number->year);
        }
        if (record.doc_number->serial != 0) {
            document.bind(12, static_cast<std::int64_t>(record.doc_number->serial));
        }
    }
    document.bind(13, std::string_view(nlohmann::json(record.issuers).dump()))
        .bind(14, record.issued)
        .bind(15, std::string_view(nlohmann::json(record.recipients).dump()))
        .bind(16, std::string_view(nlohmann::json(record.cc).dump()))
        .bind(17, non_empty(title_key(record.title)))
        .bind(18, non_empty(title_key(record.plan_title)))
        .bind(19, std::string_view(utc_timestamp()));
    if (record.mtime_ns != 0) {
        document.bind(20, record.mtime_ns);
    } else {
        document.bind_null(20);
    }
    POLICY_TRY_VOID(document.run());
    const std::int64_t document_id = existed ? old_id : sqlite3_last_insert_rowid(db());
    outcome.document_id = document_id;

    std::vector<PendingSearchRow> search_rows;  // this record's, in rowid order
    search_rows.reserve(record.tasks.size() + 1);
    if (!text.title.empty()) {
        search_rows.push_back({-document_id, document_id, text.title});
    }

    for (std::size_t i = 0; i < record.sections.size(); ++i) {
        const Section& section = record.sections[i];
        w.insert_section.bind(1, document_id)
            .bind_unowned(2, section.path)
            .bind_unowned(3, section.heading)
            .bind(4, section.level)
            .bind(5, static_cast<std::int64_t>(i));
        bind_location(w.insert_section, 6, section.where);
        POLICY_TRY_VOID(w.insert_section.run());
    }

    std::unordered_map<std::string_view, std::int64_t> task_ids;  // path -> id, first wins
    for (std::size_t i = 0; i < record.tasks.size(); ++i) {
        const Task& task = record.tasks[i];
        w.insert_task.bind(1, document_id)
            .bind_unowned(2, task.path)
            .bind_unowned(3, task.number)
            .bind_unowned(4, task.section)
            .bind_unowned(5, task.text)
            .bind(6, static_cast<std::int64_t>(i));
        bind_location(w.insert_task, 7, task.where);
        POLICY_TRY_VOID(w.insert_task.run());
        const std::int64_t task_id = sqlite3_last_insert_rowid(db());
        task_ids.emplace(task.path, task_id);

        if (i < text.tasks.size() && !text.tasks[i].empty()) {
            search_rows.push_back({task_id, document_id, text.tasks[i]});
        }

        for (std::size_t j = 0; j < task.departments.size(); ++j) {
            const Department& department = task.departments[j];
            std::string canonical = department.canonical;
            if (canonical.empty()) {
                const auto known = lexicon_canonical.find(department.name);
                canonical = known != lexicon_canonical.end() ? known->second : department.name;
            }
            const std::int64_t department_id_value = POLICY_TRY(department_id(canonical));
            POLICY_TRY_VOID(write_alias(canonical, department_id_value));
            POLICY_TRY_VOID(write_alias(department.name, department_id_value));
            POLICY_TRY_VOID(w.insert_task_department.bind(1, task_id)
                                .bind(2, department_id_value)
                                .bind_unowned(3, department.name)
                                .bind_unowned(4, department.role)
                                .bind(5, static_cast<std::int64_t>(j))
                                .run());
        }
    }

    auto bind_task = [&task_ids](Statement& statement, int index, const std::optional<std::string>& task) {
        if (task) {
            if (const auto it = task_ids.find(*task); it != task_ids.end()) {
                statement.bind(index, it->second);
                return;
            }
        }
        statement.bind_null(index);
    };

    for (std::size_t i = 0; i < record.deadlines.size(); ++i) {
        const Deadline& deadline = record.deadlines[i];
        w.insert_deadline.bind(1, document_id);
        bind_task(w.insert_deadline, 2, deadline.task);
        w.insert_deadline.bind_unowned(3, deadline.text)
            .bind(4, deadline.date)
            .bind(5, deadline.year_inferred ? 1 : 0)
            .bind(6, static_cast<std::int64_t>(i));
        bind_location(w.insert_deadline, 7, deadline.where);
        POLICY_TRY_VOID(w.insert_deadline.run());
    }

    for (std::size_t i = 0; i < record.citations.size(); ++i) {
        const Citation& citation = record.citations[i];
        Statement& insert = w.insert_citation;
        insert.bind(1, document_id);
        bind_task(insert, 2, citation.task);
        insert.bind_unowned(3, citation.kind)
            .bind(4, std::string_view(citation.kind == "doc_number" ? fold_digits(citation.text) : citation.text));
        if (citation.number) {
            insert.bind(5, non_empty(citation.number->issuer_code));
            if (citation.number->year != 0) {
                insert.bind(6, citation.number->year);
            }
            if (citation.number->serial != 0) {
                insert.bind(7, static_cast<std::int64_t>(citation.number->serial));
            }
        }
        insert.bind(8,
                    citation.doc_number ? std::optional<std::string>(fold_digits(*citation.doc_number)) : std::nullopt);
        if (citation.kind == "title") {
            insert.bind(9, non_empty(title_key(citation.text)));
        }
        insert.bind(10, static_cast<std::int64_t>(i));
        bind_location(insert, 11, citation.where);
        POLICY_TRY_VOID(insert.run());
    }

    if (!in_batch) {
        POLICY_TRY_VOID(insert_search_rows(search_rows));
    }
    POLICY_TRY_VOID(transaction.commit());
    if (in_batch) {
        // An earlier version stored in this same batch is gone, and its rows never reached FTS5.
        if (existed) {
            pending_search.erase(
                std::remove_if(pending_search.begin(), pending_search.end(),
                               [old_id](const PendingSearchRow& row) { return row.document_id == old_id; }),
                pending_search.end());
        }
        pending_search.insert(pending_search.end(), std::make_move_iterator(search_rows.begin()),
                              std::make_move_iterator(search_rows.end()));
    }
    return outcome;
}

Result<void> Index::Impl::insert_search_rows(std::vector<PendingSearchRow>& rows) {
    std::sort(rows.begin(), rows.end(),
              [](const PendingSearchRow& a, const PendingSearchRow& b) { return a.rowid < b.rowid; });
    Writer& w = *writer;
    for (const PendingSearchRow& row : rows) {
        if (row.rowid < 0) {
            POLICY_TRY_VOID(w.insert_title_search.bind(1, row.document_id).bind_unowned(2, row.words).run());
        } else {
            POLICY_TRY_VOID(
                w.insert_task_search.bind(1, row.rowid).bind_unowned(2, row.words).bind(3, row.document_id).run());
        }
    }
    return {};
}

Result<std::vector<SearchHit>> Index::search(const std::vector<std::string>& words,
                                             const SearchOptions& options) const {
    const std::string query = fts_query(words);
    if (query.empty()) {
        return make_error(ErrorCode::bad_argument, "search: the query has no words");
    }
    auto statement = POLICY_TRY(m_impl->prepare(
        "SELECT t.id, t.document_id, d.path, coalesce(d.title, ''), t.path, t.text, bm25(search) AS score "
        "FROM search JOIN tasks t ON t.id = search.rowid JOIN documents d ON d.id = t.document_id "
        "WHERE search MATCH ?1 AND search.kind = 'task' ORDER BY score, t.id LIMIT ?2"));
    statement.bind(1, std::string_view(query)).bind(2, static_cast<std::int64_t>(options.limit));
    std::vector<SearchHit> hits;
    for (;;) {
        const bool row = POLICY_TRY(statement.step());
        if (!row) {
            break;
        }
        SearchHit hit;
        hit.task_id = statement.column_int(0);
        hit.document_id = statement.column_int(1);
        hit.document_path = statement.column_text(2);
        hit.document_title = statement.column_text(3);
        hit.task_path = statement.column_text(4);
        hit.text = statement.column_text(5);
        hit.score = statement.column_double(6);
        hit.snippet = make_snippet(hit.text, words, options);
        hits.push_back(std::move(hit));
    }
    return hits;
}

Result<std::vector<SearchHit>> Index::search(const Segmenter& segmenter, std::string_view query,
                                             const SearchOptions& options) const {
    return search(segmenter.words(query), options);
}

}  // namespace policy
