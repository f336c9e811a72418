// index.h — the SQLite index of extracted records: opening (creating the schema from the
// embedded schema.sql, checking and migrating PRAGMA user_version), storing one Record per
// file in one transaction (a changed file replaces its old rows atomically), the stored
// content hashes for the incremental skip, and full-text search over segmented task text.
// It does not extract or segment: callers hand it Records and the segmenter's words
// (make_search_text), so parsing can run on many threads while one thread writes.
//
// The file stays an ordinary SQLite database in WAL mode; see schema.sql for the tables.
// Two processes may write one index at once: each waits up to the busy timeout for the
// other's transaction, then fails with "FILE: the index is locked by another process".
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "record.h"
#include "result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace policy {

class Segmenter;

// The schema version this build writes (PRAGMA user_version).
inline constexpr int k_schema_version = 2;

// What the index knows of a file it holds.
struct StoredFile {
    std::string sha256;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;      // its modification time when read (0: unknown)
    std::int64_t extracted_at = 0;  // when it was read (seconds since 1970)

    // Whether a file of `size` bytes last modified at `mtime_ns` is this one unchanged,
    // without reading it: same size and time, and that time well before it was read (a file
    // written in the same second as it was read could change again within the clock's tick).
    bool unchanged(std::uint64_t size_now, std::int64_t mtime_now) const {
        return mtime_ns != 0 && mtime_now == mtime_ns && size_now == size && mtime_ns / 1000000000 + 2 <= extracted_at;
    }
};

// The default index path: $POLICY_DB, else ./policy.db. `given` (from --db) wins when set.
std::string default_index_path(const std::string& given = {});

// An owned prepared statement. Binding and stepping errors come back as Error (code
// index_error) naming the index file; columns are read after step() returned true.
class Statement {
public:
    Statement() = default;
    // `name` (the index path, for messages) must outlive the statement.
    Statement(sqlite3* db, sqlite3_stmt* stmt, const std::string* name) : m_db(db), m_stmt(stmt), m_name(name) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // 1-based parameter index, as sqlite3_bind_*.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind_null(int index);
    Statement& bind(int index, const std::optional<std::string>& text);
    // Binds `text` without copying it: it must stay valid and unchanged until the statement
    // is reset (run() does that). For the writer's large texts, which SQLite would copy twice.
    Statement& bind_unowned(int index, std::string_view text);

    // True when a row is ready, false when done; Error on failure (SQLITE_BUSY becomes the
    // "locked by another process" message).
    Result<bool> step();
    // Steps to completion, ignoring rows.
    Result<void> run();
    void reset();  // also clears bindings

    std::int64_t column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;  // "" for NULL
    std::optional<std::string> column_optional_text(int column) const;
    bool column_is_null(int column) const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    const std::string* m_name = nullptr;
};

// The segmented words the full-text tables hold for one record, each a space-separated
// word list. Made on the parsing threads; the index only stores them.
struct SearchText {
    std::string title;               // title and plan title
    std::vector<std::string> tasks;  // one per record.tasks, in order
};

// Segments a record's title and task texts for the full-text tables.
SearchText make_search_text(const Record& record, const Segmenter& segmenter);

// The key titles are matched on: the text without 《》〈〉 and white space (ASCII and U+3000).
std::string title_key(std::string_view title);

struct StoreOutcome {
    std::int64_t document_id = 0;
    bool replaced = false;  // the path was indexed before (its old rows are gone)
};

struct SearchOptions {
    std::size_t limit = 20;
    std::string mark_open = "[";  // around each matched word in the snippet
    std::string mark_close = "]";
    std::size_t context = 24;  // code points of context kept before the first match
    std::size_t width = 80;    // code points in a snippet at most (marks not counted)
};

struct SearchHit {
    std::int64_t task_id = 0;
    std::int64_t document_id = 0;
    std::string document_path;
    std::string document_title;
    std::string task_path;  // 六/(一)/3
    std::string text;       // the task's whole text, as stored
    std::string snippet;    // a window of `text` around the matches, words marked
    double score = 0;       // FTS5 bm25(): lower is better
};

// One connection to an index file. Not for use by two threads at once (the connection is
// opened without SQLite's own locking); several Index objects, in threads or processes, may
// share one file.
class Index {
public:
    enum class Mode { read_write, read_only };

    // Opens (read_write: creating when missing) the index at `path`. Errors (code
    // index_error) name the file: locked, not a policy index, written by a newer policy
    // (refused, naming both versions), or from an older schema that cannot be migrated.
    static Result<Index> open(const std::string& path, Mode mode = Mode::read_write,
                              std::chrono::milliseconds busy_timeout = std::chrono::seconds(5));

    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    ~Index();

    const std::string& path() const;
    int schema_version() const;  // as found on disk before any migration

    // The raw connection, for the query commands' own SQL; owned by the Index.
    sqlite3* handle() const;
    // A prepared statement on this index; errors name the file and the SQL's problem.
    Result<Statement> prepare(std::string_view sql) const;

    // Adds the department lexicon (grammars/departments.txt rows: canonical, aliases…) to
    // departments and department_aliases, and uses it for departments that come without a
    // canonical name. Idempotent.
    Result<void> add_department_lexicon(const std::vector<std::vector<std::string>>& lexicon);

    // The stored content hash of `path`, if it is indexed.
    Result<std::optional<std::string>> stored_hash(const std::string& path) const;
    // Every stored file by path, for checking many files at once.
    Result<std::unordered_map<std::string, StoredFile>> stored_files() const;
    // Records that the file at `path`, read again and found unchanged, has the modification
    // time `mtime_ns` as of now: the next run need not read it.
    Result<void> update_time(const std::string& path, std::int64_t mtime_ns);

    // Stores `record` under record.path in one transaction, replacing whatever that path
    // had. `text` is make_search_text's output for it (empty: nothing searchable).
    Result<StoreOutcome> store(const Record& record, const SearchText& text);

    // Groups the stores that follow into one transaction until commit_batch(), which is
    // much faster than a transaction each (pages shared by many records are written once).
    // Each record still goes in whole or not at all (a savepoint each): a failed store
    // leaves the batch's other records, and a killed process leaves every committed batch.
    // Commit often (the command does every fraction of a second): the batch holds the
    // index's write lock. Destroying the Index with a batch open rolls it back.
    // The batch's full-text rows are written by commit_batch(), all together in rowid order
    // (FTS5 then makes one segment of them instead of one per record), so until then a
    // search on this connection does not see them; a failure there rolls the batch back.
    Result<void> begin_batch();
    Result<void> commit_batch();
    bool in_batch() const;

    // Tasks whose segmented text holds every word of `words` (the segmenter's output for
    // the query), best bm25 first. No words is a bad_argument error.
    Result<std::vector<SearchHit>> search(const std::vector<std::string>& words,
                                          const SearchOptions& options = {}) const;
    // The same, segmenting `query` with `segmenter` first.
    Result<std::vector<SearchHit>> search(const Segmenter& segmenter, std::string_view query,
                                          const SearchOptions& options = {}) const;

private:
    struct Impl;
    explicit Index(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// The FTS5 query that matches every word of `words` (each a quoted phrase).
std::string fts_query(const std::vector<std::string>& words);

// A window of `text` around the occurrences of `words`, each occurrence wrapped in the
// marks; line breaks become spaces, "…" marks a cut.
std::string make_snippet(std::string_view text, const std::vector<std::string>& words, const SearchOptions& options);

}  // namespace policy
