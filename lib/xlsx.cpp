#include "xlsx.h"

#include <fmt/core.h>

#include <algorithm>
#include <memory>

#ifdef POLICY_HAVE_XLSX
#include <xlsxwriter.h>
#endif

namespace policy {

#ifdef POLICY_HAVE_XLSX
namespace {

constexpr std::size_t k_cell_limit = 32767;  // characters Excel keeps in one cell
constexpr double k_max_column_width = 60;

// Closes (and so frees) a workbook that was not closed on the normal path.
struct WorkbookCloser {
    void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};

// Cuts UTF-8 text to Excel's cell limit without splitting a character.
std::string fit_cell(std::string text) {
    if (text.size() <= k_cell_limit) {
        return text;
    }
    std::size_t cut = k_cell_limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    text.resize(cut);
    return text;
}

}  // namespace

bool xlsx_available() {
    return true;
}

Result<void> write_workbook(const std::string& path, const std::vector<std::pair<std::string, ResultSet>>& sheets) {
    std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(workbook_new(path.c_str()));
    if (!workbook) {
        return make_error(ErrorCode::bad_argument, fmt::format("{}: cannot create the workbook", path));
    }
    lxw_format* header = workbook_add_format(workbook.get());
    format_set_bold(header);
    for (const auto& [name, result] : sheets) {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), name.c_str());
        if (sheet == nullptr) {
            return make_error(ErrorCode::bad_argument, fmt::format("{}: cannot add sheet '{}'", path, name));
        }
        std::vector<std::size_t> widths(result.columns.size(), 0);
        for (std::size_t c = 0; c < result.columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_write_string(sheet, 0, col, result.columns[c].c_str(), header);
            widths[c] = display_width(result.columns[c]);
        }
        for (std::size_t r = 0; r < result.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < result.columns.size(); ++c) {
                const auto col = static_cast<lxw_col_t>(c);
                const Value& value = result.rows[r][c];
                if (const auto* integer = std::get_if<std::int64_t>(&value)) {
                    worksheet_write_number(sheet, row, col, static_cast<double>(*integer), nullptr);
                } else if (const auto* real = std::get_if<double>(&value)) {
                    worksheet_write_number(sheet, row, col, *real, nullptr);
                } else if (const auto* text = std::get_if<std::string>(&value)) {
                    worksheet_write_string(sheet, row, col, fit_cell(*text).c_str(), nullptr);
                } else {
                    continue;
                }
                widths[c] = std::max(widths[c], display_width(value_text(value)));
            }
        }
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_set_column(sheet, col, col, std::min(static_cast<double>(widths[c]) + 2, k_max_column_width),
                                 nullptr);
        }
        worksheet_freeze_panes(sheet, 1, 0);
        if (!result.columns.empty()) {
            worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(result.rows.size()),
                                 static_cast<lxw_col_t>(result.columns.size() - 1));
        }
    }
    const lxw_error error = workbook_close(workbook.release());
    if (error != LXW_NO_ERROR) {
        return make_error(ErrorCode::bad_argument,
                          fmt::format("{}: cannot write the workbook: {}", path, lxw_strerror(error)));
    }
    return {};
}

#else

bool xlsx_available() {
    return false;
}

Result<void> write_workbook(const std::string& path, const std::vector<std::pair<std::string, ResultSet>>&) {
    return make_error(ErrorCode::bad_argument,
                      fmt::format("{}: this policy was built without libxlsxwriter; use --format csv", path));
}

#endif

}  // namespace policy
