// tabular.h — result sets and the writers every data command shares: an aligned table for a
// person at a terminal (columns by display width, Chinese characters two columns wide per
// ICU's East Asian Width, long text cut with …), CSV (RFC 4180), TSV, JSON and JSON Lines for
// pipelines. It knows nothing of the index; query.h fills result sets, cli/ picks a writer.
//
// Conventions, documented in README.md ("Output formats"):
//   - CSV: RFC 4180 — fields holding a comma, quote, CR or LF are quoted, quotes doubled,
//     records end with CRLF (what RFC 4180 and Excel expect). NULL is an empty field.
//   - TSV: one record per line ending LF; TAB, LF, CR and backslash inside a field are written
//     \t \n \r \\ (the "linear TSV" convention), NULL is empty.
//   - JSON: one array of objects keyed by column name, keys in column order; JSONL: one
//     object per line. NULL is null, integers and reals are numbers. Always through nlohmann-json, never hand-escaped.
//   - --bom puts the UTF-8 byte order mark before CSV/TSV so Excel reads the file as UTF-8.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "result.h"

namespace policy {

// One cell: NULL, an integer, a real or UTF-8 text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct ResultSet {
    std::vector<std::string> columns;      // stable snake_case names
    std::vector<std::vector<Value>> rows;  // each as long as `columns`
    std::vector<std::string> notes;        // things the caller may want to tell the user

    // Index of column `name`, or nullopt.
    std::optional<std::size_t> column(std::string_view name) const;
};

// The text of a cell as the writers show it: "" for NULL, integers in decimal, reals with
// up to 15 significant digits.
std::string value_text(const Value& value);
nlohmann::ordered_json value_json(const Value& value);

enum class OutputFormat { table, csv, tsv, json, jsonl };

// Parses "table", "csv", "tsv", "json" or "jsonl".
Result<OutputFormat> parse_output_format(std::string_view name);

struct WriteOptions {
    bool header = true;     // --no-header clears it (table, CSV, TSV)
    bool bom = false;       // --bom: UTF-8 BOM before CSV/TSV output
    std::size_t width = 0;  // table: terminal width to fit; 0 means no limit (--wide)
    bool colour = false;    // table: bold header (only on a terminal without NO_COLOR)
};

// Writes `result` to `out`. Returns false as soon as the stream fails (a closed pipe), so a
// caller can stop quietly.
bool write_result(std::ostream& out, const ResultSet& result, OutputFormat format, const WriteOptions& options);

bool write_table(std::ostream& out, const ResultSet& result, const WriteOptions& options);
bool write_csv(std::ostream& out, const ResultSet& result, const WriteOptions& options);
bool write_tsv(std::ostream& out, const ResultSet& result, const WriteOptions& options);
bool write_json(std::ostream& out, const ResultSet& result);
bool write_jsonl(std::ostream& out, const ResultSet& result);

// The rows as a JSON array of objects keyed by column name.
nlohmann::ordered_json to_json(const ResultSet& result);

// One CSV field, quoted when RFC 4180 requires it.
std::string csv_field(std::string_view text);

// Parses RFC 4180 text (CRLF or LF record ends) back into records; for tests and for
// anything that reads our CSV. Errors on an unterminated quote.
Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text);

// Columns a terminal uses for `text`: East Asian Wide and Fullwidth characters 2, combining
// marks, zero-width and control characters 0, everything else 1 (Ambiguous counts as 1, as
// on a terminal in a non-CJK locale). Invalid UTF-8 bytes count 1 each.
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` display columns, ending with … (one column) when it was cut.
// Line breaks and tabs become spaces, so a cell stays on one line.
std::string truncate_to_width(std::string_view text, std::size_t width);

// `text` with CR, LF and TAB replaced by single spaces (for one-line table cells).
std::string one_line(std::string_view text);

}  // namespace policy
