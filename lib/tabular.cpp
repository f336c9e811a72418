#include "tabular.h"

#include <fmt/core.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

namespace policy {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_ellipsis = "…";
constexpr std::size_t k_column_gap = 2;
// A text column is never squeezed below this many display columns (or its natural width).
constexpr std::size_t k_min_text_width = 6;

std::size_t code_point_width(UChar32 c) {
    if (c < 0) {
        return 1;  // an invalid byte; shown as a replacement character
    }
    if (c == 0 || (c < 0x20) || (c >= 0x7F && c < 0xA0)) {
        return 0;
    }
    const auto category = static_cast<UCharCategory>(u_charType(c));
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
        return 0;
    }
    const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
}

bool is_numeric_column(const ResultSet& result, std::size_t column) {
    bool any = false;
    for (const auto& row : result.rows) {
        const Value& value = row[column];
        if (std::holds_alternative<std::string>(value)) {
            return false;
        }
        any = any || !std::holds_alternative<std::monostate>(value);
    }
    return any;
}

void pad(std::string& line, std::size_t count) {
    line.append(count, ' ');
}

std::string tsv_field(std::string_view text) {
    std::string field;
    field.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '\t':
                field += "\\t";
                break;
            case '\n':
                field += "\\n";
                break;
            case '\r':
                field += "\\r";
                break;
            case '\\':
                field += "\\\\";
                break;
            default:
                field += c;
        }
    }
    return field;
}

std::string json_line(const nlohmann::ordered_json& json) {
    return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json row_json(const ResultSet& result, const std::vector<Value>& row) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < result.columns.size(); ++i) {
        object[result.columns[i]] = value_json(row[i]);
    }
    return object;
}

}  // namespace

std::optional<std::size_t> ResultSet::column(std::string_view name) const {
    const auto it = std::find(columns.begin(), columns.end(), name);
    if (it == columns.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - columns.begin());
}

std::string value_text(const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        return *text;
    }
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*integer);
    }
    if (const auto* real = std::get_if<double>(&value)) {
        return fmt::format("{:.15g}", *real);
    }
    return {};
}

nlohmann::ordered_json value_json(const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        return *text;
    }
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        return *integer;
    }
    if (const auto* real = std::get_if<double>(&value)) {
        return *real;
    }
    return nullptr;
}

Result<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "table") {
        return OutputFormat::table;
    }
    if (name == "csv") {
        return OutputFormat::csv;
    }
    if (name == "tsv") {
        return OutputFormat::tsv;
    }
    if (name == "json") {
        return OutputFormat::json;
    }
    if (name == "jsonl") {
        return OutputFormat::jsonl;
    }
    return make_error(ErrorCode::bad_argument,
                      fmt::format("--format: unknown format '{}' (table, csv, tsv, json or jsonl)", name));
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        width += code_point_width(c);
    }
    return width;
}

std::string one_line(std::string_view text) {
    std::string line(text);
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return line;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
    const std::string line = one_line(text);
    if (display_width(line) <= width) {
        return line;
    }
    if (width == 0) {
        return {};
    }
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(line.data());
    const auto length = static_cast<std::int32_t>(line.size());
    std::int32_t i = 0;
    std::size_t used = 0;
    std::size_t cut = 0;
    while (i < length) {
        UChar32 c = 0;
        const std::int32_t start = i;
        U8_NEXT(bytes, i, length, c);
        const std::size_t w = code_point_width(c);
        if (used + w > width - 1) {
            cut = static_cast<std::size_t>(start);
            break;
        }
        used += w;
        cut = static_cast<std::size_t>(i);
    }
    std::string shown = line.substr(0, cut);
    shown += k_ellipsis;
    return shown;
}

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string field = "\"";
    for (const char c : text) {
        if (c == '"') {
            field += '"';
        }
        field += c;
    }
    field += '"';
    return field;
}

Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    std::size_t i = 0;
    const auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        records.push_back(std::move(record));
        record.clear();
        field_started = false;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                quoted = false;
            } else {
                field += c;
            }
            ++i;
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
            field_started = true;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            end_record();
            ++i;
        } else if (c == '\n') {
            end_record();
        } else {
            field += c;
            field_started = true;
        }
        ++i;
    }
    if (quoted) {
        return make_error(ErrorCode::bad_input, "CSV: unterminated quoted field");
    }
    if (field_started || !record.empty() || !field.empty()) {
        end_record();
    }
    return records;
}

bool write_table(std::ostream& out, const ResultSet& result, const WriteOptions& options) {
    const std::size_t count = result.columns.size();
    if (count == 0) {
        return static_cast<bool>(out);
    }
    std::vector<std::vector<std::string>> cells;
    cells.reserve(result.rows.size());
    std::vector<std::size_t> widths(count, 0);
    std::vector<std::size_t> minimum(count, 0);
    std::vector<bool> numeric(count, false);
    for (std::size_t i = 0; i < count; ++i) {
        numeric[i] = is_numeric_column(result, i);
        if (options.header) {
            widths[i] = display_width(result.columns[i]);
        }
    }
    for (const auto& row : result.rows) {
        std::vector<std::string>& line = cells.emplace_back();
        line.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            line.push_back(one_line(value_text(row[i])));
            widths[i] = std::max(widths[i], display_width(line.back()));
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t header = options.header ? display_width(result.columns[i]) : 0;
        minimum[i] = numeric[i] ? widths[i] : std::min(widths[i], std::max(header, k_min_text_width));
    }
    // Squeeze the widest text column, one column at a time, until the line fits.
    if (options.width > 0) {
        std::size_t total = k_column_gap * (count - 1);
        for (const std::size_t width : widths) {
            total += width;
        }
        while (total > options.width) {
            std::size_t widest = count;
            for (std::size_t i = 0; i < count; ++i) {
                if (widths[i] > minimum[i] && (widest == count || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest == count) {
                break;
            }
            --widths[widest];
            --total;
        }
    }

    const auto write_line = [&](const std::vector<std::string>& line, bool is_header) {
        std::string text;
        for (std::size_t i = 0; i < count; ++i) {
            const std::string shown = truncate_to_width(line[i], widths[i]);
            const std::size_t gap = widths[i] - display_width(shown);
            const bool last = i + 1 == count;
            const std::string styled = is_header && options.colour ? "\x1b[1m" + shown + "\x1b[0m" : shown;
            if (numeric[i]) {
                pad(text, gap);
                text += styled;
            } else {
                text += styled;
                if (!last) {
                    pad(text, gap);
                }
            }
            if (!last) {
                pad(text, k_column_gap);
            }
        }
        while (!text.empty() && text.back() == ' ') {
            text.pop_back();
        }
        text += '\n';
        out << text;
        return static_cast<bool>(out);
    };

    if (options.header) {
        if (!write_line(result.columns, true)) {
            return false;
        }
        std::vector<std::string> rule;
        rule.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            rule.emplace_back(widths[i], '-');
        }
        if (!write_line(rule, false)) {
            return false;
        }
    }
    for (const auto& line : cells) {
        if (!write_line(line, false)) {
            return false;
        }
    }
    out.flush();
    return static_cast<bool>(out);
}

bool write_csv(std::ostream& out, const ResultSet& result, const WriteOptions& options) {
    if (options.bom) {
        out << k_bom;
    }
    const auto write_record = [&](const auto& fields, auto text_of) {
        std::string line;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) {
                line += ',';
            }
            line += csv_field(text_of(fields[i]));
        }
        line += "\r\n";
        out << line;
        return static_cast<bool>(out);
    };
    if (options.header && !write_record(result.columns, [](const std::string& s) { return s; })) {
        return false;
    }
    for (const auto& row : result.rows) {
        if (!write_record(row, [](const Value& v) { return value_text(v); })) {
            return false;
        }
    }
    out.flush();
    return static_cast<bool>(out);
}

bool write_tsv(std::ostream& out, const ResultSet& result, const WriteOptions& options) {
    if (options.bom) {
        out << k_bom;
    }
    const auto write_record = [&](const auto& fields, auto text_of) {
        std::string line;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) {
                line += '\t';
            }
            line += tsv_field(text_of(fields[i]));
        }
        line += '\n';
        out << line;
        return static_cast<bool>(out);
    };
    if (options.header && !write_record(result.columns, [](const std::string& s) { return s; })) {
        return false;
    }
    for (const auto& row : result.rows) {
        if (!write_record(row, [](const Value& v) { return value_text(v); })) {
            return false;
        }
    }
    out.flush();
    return static_cast<bool>(out);
}

nlohmann::ordered_json to_json(const ResultSet& result) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const auto& row : result.rows) {
        array.push_back(row_json(result, row));
    }
    return array;
}

bool write_json(std::ostream& out, const ResultSet& result) {
    // One object per line inside the array: valid JSON that still reads well and streams.
    if (result.rows.empty()) {
        out << "[]\n";
        out.flush();
        return static_cast<bool>(out);
    }
    out << "[\n";
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        out << json_line(row_json(result, result.rows[i])) << (i + 1 < result.rows.size() ? ",\n" : "\n");
        if (!out) {
            return false;
        }
    }
    out << "]\n";
    out.flush();
    return static_cast<bool>(out);
}

bool write_jsonl(std::ostream& out, const ResultSet& result) {
    for (const auto& row : result.rows) {
        out << json_line(row_json(result, row)) << '\n';
        if (!out) {
            return false;
        }
    }
    out.flush();
    return static_cast<bool>(out);
}

bool write_result(std::ostream& out, const ResultSet& result, OutputFormat format, const WriteOptions& options) {
    switch (format) {
        case OutputFormat::table:
            return write_table(out, result, options);
        case OutputFormat::csv:
            return write_csv(out, result, options);
        case OutputFormat::tsv:
            return write_tsv(out, result, options);
        case OutputFormat::json:
            return write_json(out, result);
        case OutputFormat::jsonl:
            return write_jsonl(out, result);
    }
    return false;
}

}  // namespace policy
