// xlsx.h — result sets as one Excel workbook (libxlsxwriter): a sheet per result set, the
// header row bold and frozen with an autofilter, numbers as numbers, NULL as an empty cell,
// column widths from the display width of their contents. It writes a file and nothing else.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "result.h"
#include "tabular.h"

namespace policy {

// True when this build can write workbooks (libxlsxwriter was found).
bool xlsx_available();

// Writes `sheets` (sheet name, rows) to the workbook `path`, replacing it. Sheet names must
// be unique and at most 31 characters; text longer than Excel's 32,767-character cell limit
// is cut. A file that cannot be written is ErrorCode::bad_argument naming `path`.
Result<void> write_workbook(const std::string& path, const std::vector<std::pair<std::string, ResultSet>>& sheets);

}  // namespace policy
