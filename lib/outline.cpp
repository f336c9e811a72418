#include "outline.h"

#include <re2/re2.h>

#include <algorithm>

#include "rule_match.h"

namespace policy {
namespace {

int digit_value(std::string_view ch) {
    static const std::string_view k_digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    for (int i = 0; i < 10; ++i) {
        if (ch == k_digits[i]) {
            return i;
        }
    }
    if (ch == "〇" || ch == "○") {  // ○ (white circle) is often typed for 〇
        return 0;
    }
    if (ch == "两") {
        return 2;
    }
    if (ch == "元") {  // 元月: the first month
        return 1;
    }
    return -1;
}

// Accepts `value` after `last` (0: nothing yet): the next number, a restart at 1, or a skip
// of one (a number lost in scraping).
bool follows(int value, int last) {
    if (value == 1) {
        return true;
    }
    if (last == 0) {
        return value <= 2;
    }
    return value == last + 1 || value == last + 2;
}

// Accepts `value` after `last` as follows() does, or the same number again: a slip in
// numbering by hand (5． / 5．) is two items, not one running on.
bool follows_or_repeats(int value, int last) {
    return follows(value, last) || (last != 0 && value == last);
}

// 2.1.1 → {2, 1, 1}.
std::vector<int> number_parts(std::string_view numeral) {
    std::vector<int> parts(1, 0);
    for (const char c : numeral) {
        if (c == '.') {
            parts.push_back(0);
        } else if (c >= '0' && c <= '9') {
            parts.back() = parts.back() * 10 + (c - '0');
        }
    }
    return parts;
}

// Accepts the decimal number `number` after `last` (the last item's number: {3} after 3.,
// {2, 1, 2} after 2.1.2; empty: none yet): its first child (2.1.2.1), the next at any depth
// with ones below it (2.1.3, 2.2, 2.2.1, 3.1; one number may be lost in scraping), or a
// fresh start at 1.1.
bool follows_decimal(const std::vector<int>& number, const std::vector<int>& last) {
    auto ones_from = [&](std::size_t from) {
        return std::all_of(number.begin() + static_cast<std::ptrdiff_t>(std::min(from, number.size())), number.end(),
                           [](int part) { return part == 1; });
    };
    if ((number[0] == 1 || last.empty()) && ones_from(1)) {
        return true;
    }
    for (std::size_t depth = 0; depth <= last.size() && depth < number.size(); ++depth) {
        if (depth > 0 && number[depth - 1] != last[depth - 1]) {
            break;
        }
        if (depth == last.size()) {
            return ones_from(depth);  // a child: 2.1.2 → 2.1.2.1
        }
        if ((number[depth] == last[depth] + 1 || number[depth] == last[depth] + 2) && ones_from(depth + 1)) {
            return true;
        }
    }
    return false;
}

}  // namespace

int parse_chinese_numeral(std::string_view text) {
    if (text.empty() || text.size() % 3 != 0 || text.size() > 18) {
        return -1;
    }
    int total = 0;
    int current = -1;  // pending digit
    for (std::size_t i = 0; i < text.size(); i += 3) {
        const std::string_view ch = text.substr(i, 3);
        if (ch == "十") {
            total += (current < 0 ? 1 : current) * 10;
            current = -1;
        } else if (ch == "百") {
            total += (current < 0 ? 1 : current) * 100;
            current = -1;
        } else {
            const int digit = digit_value(ch);
            if (digit < 0) {
                return -1;
            }
            if (current >= 0) {
                // Digits written positionally (二〇一九): shift.
                current = current * 10 + digit;
            } else {
                current = digit;
            }
        }
    }
    if (current > 0) {
        total += current;
    }
    return total > 0 ? total : (current == 0 ? 0 : -1);
}

int parse_chinese_year(std::string_view text) {
    std::string digits;
    for (const char c : text) {
        if (c == 'O' || c == 'o' || c == '0') {
            digits += "〇";
        } else {
            digits += c;
        }
    }
    const int year = parse_chinese_numeral(digits);
    return year > 0 ? year : 0;
}

Result<OutlineRules> OutlineRules::create(const Grammar& grammar) {
    POLICY_TRY_VOID(grammar.require({"outline.heading1", "outline.heading2", "outline.item", "outline.subitem",
                                     "outline.enumeration", "outline.part", "lines.paragraph_start",
                                     "lines.page_marker", "lines.paragraph_end"}));
    OutlineRules rules;
    rules.m_heading1 = &grammar.rule("outline.heading1");
    rules.m_heading2 = &grammar.rule("outline.heading2");
    rules.m_item = &grammar.rule("outline.item");
    rules.m_decimal_item = grammar.optional_rule("outline.decimal_item");
    rules.m_decimal_quantity = grammar.optional_rule("outline.decimal_quantity");
    rules.m_toc_entry = grammar.optional_rule("outline.toc_entry");
    rules.m_subitem = &grammar.rule("outline.subitem");
    rules.m_enumeration = &grammar.rule("outline.enumeration");
    rules.m_paragraph_start = &grammar.rule("lines.paragraph_start");
    rules.m_page_marker = &grammar.rule("lines.page_marker");
    rules.m_paragraph_end = &grammar.rule("lines.paragraph_end");
    rules.m_title_end = grammar.optional_rule("lines.title_end");
    rules.m_own_line = grammar.optional_rule("lines.own_line");
    rules.m_bare_number = grammar.optional_rule("lines.bare_number");
    rules.m_heading_open = grammar.optional_rule("lines.heading_open");
    rules.m_item_open = grammar.optional_rule("lines.item_open");
    rules.m_label = grammar.optional_rule("lines.label");
    rules.m_lost_head_before = grammar.optional_rule("lines.lost_head_before");
    rules.m_lost_head_after = grammar.optional_rule("lines.lost_head_after");
    rules.m_lost_foot_before = grammar.optional_rule("lines.lost_foot_before");
    rules.m_lost_heading_word = grammar.optional_rule("lines.lost_heading_word");
    rules.m_lost_page_marker = grammar.optional_rule("lines.lost_page_marker");
    rules.m_block_label = grammar.optional_rule("lines.block_label");
    rules.m_title_number = grammar.optional_rule("lines.title_number");
    rules.m_title_years = grammar.optional_rule("lines.title_years");
    rules.m_value_end = grammar.optional_rule("outline.value_end");
    rules.m_number_word = grammar.optional_rule("outline.number_word");
    rules.m_value_label = grammar.optional_rule("outline.value_label");
    rules.m_leading_word = grammar.optional_rule("lines.leading_word");
    rules.m_doc_year = grammar.optional_rule("lines.doc_year");
    rules.m_heading_year = grammar.optional_rule("outline.heading_year");
    rules.m_grade_list = grammar.optional_rule("outline.grade_list");
    rules.m_not_task = grammar.optional_rule("outline.not_task");
    rules.m_reference_item = grammar.optional_rule("outline.reference_item");
    rules.m_box = grammar.optional_rule("outline.box");
    rules.m_form_title = grammar.optional_rule("outline.form_title");
    rules.m_table_column = grammar.optional_rule("outline.table_column");
    rules.m_table_row = grammar.optional_rule("outline.table_row");
    rules.m_part = &grammar.rule("outline.part");
    rules.m_item_paren = grammar.optional_rule("outline.item_paren");
    rules.m_division = grammar.optional_rule("outline.division");
    rules.m_article = grammar.optional_rule("outline.article");
    return rules;
}

std::vector<std::string_view> table_cells(std::string_view row) {
    // Cells are parted by tabs, or, in a table set with spaces (a PDF's layout, full-width
    // spaces folded), by a gap of two spaces or more; several tabs (an empty cell's) part two
    // cells as one does. Spaces around a cell are not its.
    // (A row's number, or the header's 序号, may be parted from the next cell by one space.)
    const bool tabbed = row.find('\t') != std::string_view::npos;
    std::size_t lead = row.starts_with("序号") ? 6 : 0;
    while (lead < 3 && lead < row.size() && row[lead] >= '0' && row[lead] <= '9') {
        ++lead;
    }
    auto gap_at = [&](std::size_t i) {
        return row[i] == '\t' ||
               (!tabbed && row[i] == ' ' && ((i + 1 < row.size() && row[i + 1] == ' ') || (lead > 0 && i == lead)));
    };
    std::vector<std::string_view> cells;
    std::size_t begin = 0;
    for (std::size_t i = 0;; ++i) {
        if (i == row.size() || gap_at(i)) {
            std::size_t end = i;
            while (end > begin && row[end - 1] == ' ') {
                --end;
            }
            std::size_t first = begin;
            while (first < end && row[first] == ' ') {
                ++first;
            }
            cells.push_back(row.substr(first, end - first));
            if (i == row.size()) {
                return cells;
            }
            while (i < row.size() && (row[i] == '\t' || (!tabbed && row[i] == ' '))) {
                ++i;
            }
            begin = i;
            if (i == row.size()) {
                return cells;
            }
        }
    }
}

namespace {

// A header's first cell names its column (序号): a row's holds its number.
bool numbered(const std::vector<std::string_view>& cells) {
    return !cells.front().empty() && cells.front().front() >= '0' && cells.front().front() <= '9';
}

// A header's cell names a column (序号, 牵头单位, 联系电话): a few words.
constexpr std::size_t k_longest_column_name = 24;

}  // namespace

bool OutlineRules::other_table_header(std::string_view paragraph) const {
    const std::vector<std::string_view> cells = table_cells(paragraph);
    return cells.size() >= 3 && !numbered(cells) && std::all_of(cells.begin(), cells.end(), [](std::string_view cell) {
               return cell.size() <= k_longest_column_name;
           });
}

std::vector<std::string_view> OutlineRules::table_header(std::string_view paragraph) const {
    if (m_table_column == nullptr || m_table_row == nullptr ||
        (std::count(paragraph.begin(), paragraph.end(), '\t') < 2 && paragraph.find("  ") == std::string_view::npos)) {
        return {};
    }
    std::vector<std::string_view> cells = table_cells(paragraph);
    if (cells.size() < 3) {
        return {};
    }
    const bool names_duty = std::any_of(
        cells.begin(), cells.end(), [&](std::string_view cell) { return re2::RE2::FullMatch(cell, *m_table_column); });
    if (numbered(cells) || !names_duty) {
        cells.clear();
    }
    return cells;
}

OutlineMarker OutlineRules::table_row(std::string_view paragraph) const {
    OutlineMarker marker;
    RuleMatch match;
    if (m_table_row == nullptr || !find_rule(*m_table_row, paragraph, 0, match) || match.begin != 0) {
        return marker;
    }
    marker.kind = MarkerKind::item;
    marker.numeral = std::string(match[1]);
    marker.value = std::atoi(marker.numeral.c_str());
    marker.text_begin = group_offset(paragraph, match.group("text"));
    return marker;
}

// A numbered contact or file (outline.not_task) is a short line without a full stop; a task
// naming a hotline (设立值班电话0431-88888888。) is a sentence.
constexpr std::size_t k_longest_aside = 160;
// A numbered document's title in a list (outline.reference_item) is at most this long (bytes).
constexpr std::size_t k_longest_reference = 600;

// An attachment's title is a short line (bytes).
constexpr std::size_t k_longest_form_title = 240;

bool OutlineRules::is_listed_aside(std::string_view paragraph) const {
    return (m_not_task != nullptr && paragraph.size() <= k_longest_aside &&
            paragraph.find("。") == std::string_view::npos && re2::RE2::PartialMatch(paragraph, *m_not_task)) ||
           (m_reference_item != nullptr && paragraph.size() <= k_longest_reference &&
            re2::RE2::FullMatch(paragraph, *m_reference_item));
}

bool OutlineRules::is_form_title(std::string_view title) const {
    return m_form_title != nullptr && title.size() <= k_longest_form_title &&
           re2::RE2::PartialMatch(title, *m_form_title);
}

bool OutlineRules::is_box(std::string_view paragraph) const {
    return m_box != nullptr && re2::RE2::PartialMatch(paragraph, *m_box);
}

OutlineMarker OutlineRules::classify(std::string_view paragraph) const {
    OutlineMarker marker;
    // A table of contents' entry ends in its page number (only such a paragraph is tried).
    if (m_toc_entry != nullptr && !paragraph.empty() && paragraph.back() >= '0' && paragraph.back() <= '9' &&
        re2::RE2::PartialMatch(paragraph, *m_toc_entry)) {
        return marker;
    }
    RuleMatch match;
    auto take = [&](MarkerKind kind, const re2::RE2& regex, bool chinese) {
        if (!find_rule(regex, paragraph, 0, match) || match.begin != 0) {
            return false;
        }
        const std::string_view numeral = match.size() > 1 ? match[1] : std::string_view();
        int value = 0;
        if (!numeral.empty()) {
            value = chinese ? parse_chinese_numeral(numeral) : std::atoi(std::string(numeral).c_str());
            if (value <= 0) {
                return false;
            }
        }
        marker.kind = kind;
        marker.value = value;
        marker.numeral = std::string(numeral);
        const std::string_view text = match.group("text");
        marker.text_begin = text.empty() ? match.end : group_offset(paragraph, text);
        return true;
    };
    // 1.1 指导思想 (a decimal item), unless the decimal measures something: 2.5万家.
    auto take_decimal = [&]() {
        if (m_decimal_item == nullptr || !take(MarkerKind::item, *m_decimal_item, false)) {
            return false;
        }
        if (m_decimal_quantity != nullptr && re2::RE2::PartialMatch(paragraph, *m_decimal_quantity)) {
            marker = {};
            return false;
        }
        return true;
    };
    bool taken = take(MarkerKind::heading1, *m_heading1, true) || take(MarkerKind::heading2, *m_heading2, true) ||
                 take_decimal() || take(MarkerKind::item, *m_item, false);
    if (!taken && m_item_paren != nullptr && take(MarkerKind::item, *m_item_paren, false)) {
        marker.closing_only = true;
        taken = true;
    }
    taken = taken || take(MarkerKind::subitem, *m_subitem, false) ||
            take(MarkerKind::enumeration, *m_enumeration, true) || take(MarkerKind::part, *m_part, false) ||
            (m_division != nullptr && take(MarkerKind::division, *m_division, true)) ||
            (m_article != nullptr && take(MarkerKind::article, *m_article, false));
    if (taken) {
        // A "task" whose text is empty or starts with a digit right after the dot is a decimal
        // or a date (3.5亿元, 06.11.2014) unless it reads as an item title (1.2014年主要任务). After
        // a 、 or a spaced dot the digit opens the text (2、25吨以上的货车…, 2 . 7座以上客车…).
        const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
        if (marker.kind == MarkerKind::item && marker.text_begin < paragraph.size() && marker.text_begin >= 2 &&
            paragraph[marker.text_begin - 1] == '.' && is_digit(paragraph[marker.text_begin - 2])) {
            if (is_digit(paragraph[marker.text_begin])) {
                const std::string_view rest = paragraph.substr(marker.text_begin);
                std::size_t digits = 0;
                while (digits < rest.size() && is_digit(rest[digits])) {
                    ++digits;
                }
                // 1.2014年主要任务, 1.5月1日前完成…: a year, or a month (no decimal is
                // followed by 月 without 个), opens the item's text.
                const bool year = digits == 4 && rest.substr(digits).starts_with("年");
                const bool month = digits <= 2 && rest.substr(digits).starts_with("月");
                if (!year && !month) {
                    return {};
                }
            }
        }
        if (marker.text_begin >= paragraph.size() && marker.kind == MarkerKind::item) {
            return {};
        }
        if (marker.kind == MarkerKind::heading1 && m_grade_list != nullptr &&
            re2::RE2::PartialMatch(paragraph, *m_grade_list)) {
            return {};  // 一、二级达标企业名单…: grades, not a heading
        }
        // （一）…的； is a clause of an enumeration (an article's conditions), not a heading; a
        // heading with a sentence after it (（二）周密部署。各地要…；) whose paragraph a wrap cut
        // at a ； is still one.
        if (marker.kind == MarkerKind::heading2 && paragraph.ends_with(";") &&
            paragraph.find("。") == std::string_view::npos) {
            marker.kind = MarkerKind::subitem;
        }
        return marker;
    }
    return {};
}

void settle_item_levels(std::vector<OutlineMarker>& markers) {
    const bool dotted = std::any_of(markers.begin(), markers.end(), [](const OutlineMarker& m) {
        return m.kind == MarkerKind::item && !m.closing_only;
    });
    if (!dotted) {
        return;
    }
    for (OutlineMarker& marker : markers) {
        if (marker.kind == MarkerKind::item && marker.closing_only) {
            marker.kind = MarkerKind::subitem;
            marker.value = 0;  // not a clause of an enumeration (see build_outline)
        }
    }
}

std::vector<OutlineNode> build_outline(const std::vector<OutlineMarker>& markers, std::size_t begin, std::size_t end) {
    std::vector<OutlineNode> nodes;
    int last_heading1 = 0;
    int last_heading2 = 0;
    int previous_heading2 = 0;  // the last （N） under an earlier 一、: numbering may go on from it
    int last_item = 0;
    int before_restart = 0;        // the last item before numbering restarted at 1: it may go on from it
    std::vector<int> last_number;  // the last item's number in parts (3. → {3}, 2.1.1 → {2, 1, 1})
    int last_clause = 0;           // the number of the enumeration clause （一）…； just read
    bool in_article = false;       // after a 第N条 of a 办法: its （一） are clauses, not headings
    std::string path1;
    std::string path2;
    // Divisions (第二部分) are the level-1 headings where the notice has no 一、 of its own;
    // where it has, they are layers above them (or beside them: their paths would clash).
    const std::size_t stop = std::min(end, markers.size());
    const bool has_heading1 =
        begin < stop && std::any_of(markers.begin() + static_cast<std::ptrdiff_t>(begin),
                                    markers.begin() + static_cast<std::ptrdiff_t>(stop),
                                    [](const OutlineMarker& m) { return m.kind == MarkerKind::heading1; });
    for (std::size_t i = begin; i < end && i < markers.size(); ++i) {
        const OutlineMarker& marker = markers[i];
        switch (marker.kind) {
            case MarkerKind::heading1:
                if (!follows(marker.value, last_heading1)) {
                    break;
                }
                in_article = false;
                last_heading1 = marker.value;
                last_number.clear();  // decimals start afresh under it (三、 3.1 after 二、 …4.)
                if (last_heading2 != 0) {
                    previous_heading2 = last_heading2;
                }
                last_heading2 = 0;
                last_clause = 0;
                path1 = marker.numeral;
                path2.clear();
                nodes.push_back({i, marker.kind, path1, "", marker.numeral, marker.text_begin});
                break;
            case MarkerKind::heading2: {
                if (in_article) {
                    break;  // 第六条 …：（一）自查自评。… — a clause of the article
                }
                // The last of an enumeration's clauses ends in 。: （一）…的； （二）…的。
                if (last_clause != 0 && marker.value == last_clause + 1) {
                    last_clause = marker.value;
                    break;
                }
                // Under a new 一、 the （N） start afresh or, as many ministries number them, go
                // on from the last section's: 一、（一）（二） 二、（三）.
                if (!follows_or_repeats(marker.value, last_heading2) &&
                    !(last_heading2 == 0 && previous_heading2 != 0 && follows(marker.value, previous_heading2))) {
                    break;
                }
                last_clause = 0;
                last_heading2 = marker.value;
                last_number.clear();
                path2 = "(" + marker.numeral + ")";
                const std::string path = path1.empty() ? path2 : path1 + "/" + path2;
                nodes.push_back({i, marker.kind, path, path1, marker.numeral, marker.text_begin});
                break;
            }
            case MarkerKind::item: {
                const bool decimal = marker.numeral.find('.') != std::string::npos;
                std::vector<int> parts = number_parts(marker.numeral);
                // A box set into the text (专栏1 with its own 1. 2. 3.) restarts the numbering; the
                // tasks after it go on from before it (…7. 专栏 1. 2. 3. 四、 8.).
                const bool resumes =
                    !decimal && before_restart != 0 && marker.value > 1 && follows(marker.value, before_restart);
                if (decimal ? !follows_decimal(parts, last_number)
                            : !follows_or_repeats(marker.value, last_item) && !resumes) {
                    break;
                }
                if (!decimal) {
                    if (marker.value == 1 && last_item >= 2) {
                        before_restart = last_item;
                    } else if (resumes && !follows_or_repeats(marker.value, last_item)) {
                        before_restart = 0;
                    }
                    last_item = marker.value;
                }
                last_number = std::move(parts);
                last_clause = 0;
                std::string section = path1;
                if (!path2.empty()) {
                    section = section.empty() ? path2 : section + "/" + path2;
                }
                const std::string number = decimal ? marker.numeral : std::to_string(marker.value);
                nodes.push_back({i, marker.kind, section.empty() ? number : section + "/" + number, section, number,
                                 marker.text_begin});
                break;
            }
            case MarkerKind::subitem:
                last_clause = marker.value;  // a clause （一）…； (0: (1) and ① do not count)
                break;
            case MarkerKind::article:
                // 第十一条: an article of a 办法 ends the task before it (an item 1. 2. is a
                // clause of one article); its （一） are its clauses — in a 办法 made of articles,
                // not in a plan quoting one under its 一、. It opens no section.
                in_article = path1.empty();
                nodes.push_back({i, marker.kind, "", "", "", marker.text_begin});
                break;
            case MarkerKind::division:
                // 第二部分: the 一、 under it are its own; it ends the task before it.
                last_heading2 = previous_heading2 = 0;
                path1.clear();
                path2.clear();
                if (marker.value > 0 && !has_heading1) {
                    // 第二部分 重点任务 with its (一) right under it: a level-1 heading.
                    last_number.clear();
                    last_clause = 0;
                    path1 = marker.numeral;
                    nodes.push_back({i, MarkerKind::heading1, path1, "", marker.numeral, marker.text_begin});
                    break;
                }
                nodes.push_back({i, marker.kind, "", "", "", marker.text_begin});
                break;
            case MarkerKind::part:
                // An attachment: its outline is its own.
                in_article = false;
                last_heading1 = last_heading2 = previous_heading2 = last_item = before_restart = 0;
                last_number.clear();
                path1.clear();
                path2.clear();
                nodes.push_back({i, marker.kind, "", "", "", marker.text_begin});
                break;
            default:
                break;
        }
    }
    return nodes;
}

}  // namespace policy
