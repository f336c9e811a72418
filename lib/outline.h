// outline.h — the numbered structure of a notice: level-1 headings 一、, level-2 （一）,
// Arabic-numbered items 1. (the tasks), and the sub-items （1） ① 一是 that stay inside a
// task. Markers come from grammars/outline.re2; a marker is accepted only where its number
// follows on (or restarts at 1), so dates and stray numbers do not open sections or tasks.
// It does not decide where the body starts or ends: the caller passes that range.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "grammar.h"
#include "lines.h"
#include "result.h"

namespace re2 {
class RE2;
}

namespace policy {

// `part`: a line that opens an attachment (附件1 alone on its line); numbering starts afresh.
enum class MarkerKind { none, heading1, heading2, item, subitem, enumeration, part, division, article };

struct OutlineMarker {
    MarkerKind kind = MarkerKind::none;
    int value = 0;               // the number the marker carries (一 → 1, 12 → 12)
    std::string numeral;         // as written (六, 12)
    std::size_t text_begin = 0;  // where the paragraph's text starts after the marker
    bool closing_only = false;   // an item numbered 1) — a task only where no 1. items are
};

struct OutlineNode {
    std::size_t paragraph = 0;  // index of the paragraph that opens it
    MarkerKind kind = MarkerKind::none;
    std::string path;     // 六/(一)/3 for an item, 六/(一) for a heading
    std::string section;  // enclosing section's path (for an item)
    std::string number;   // 3 for an item, 一 for a heading
    std::size_t text_begin = 0;
};

// The cells of a table's row, parted by tabs (several tabs part two cells, as one does), or
// in a row with none by gaps of two spaces or more; without the spaces around them.
std::vector<std::string_view> table_cells(std::string_view row);

class OutlineRules {
public:
    static Result<OutlineRules> create(const Grammar& grammar);

    // What marker, if any, opens `paragraph` (its normalised text).
    OutlineMarker classify(std::string_view paragraph) const;

    // The rule that says a line must begin a new paragraph (for lines.h).
    const re2::RE2& paragraph_start() const { return *m_paragraph_start; }
    const re2::RE2& page_marker() const { return *m_page_marker; }
    // Whether an item's paragraph is a contact or a file listed after the tasks, no task
    // (outline.not_task; short lines only), or a document's title alone in a list of them
    // (outline.reference_item: 1.《中华人民共和国安全生产法》（2021年修正）).
    bool is_listed_aside(std::string_view paragraph) const;
    // Whether `paragraph` is the title of a box set into the text (专栏1 重点工程: outline.box),
    // which ends the task before it.
    bool is_box(std::string_view paragraph) const;
    // Whether an attachment's title names a form or a list, not a plan (…报名回执, …统计表,
    // …联络员名单: outline.form_title), whose numbered lines are no tasks.
    bool is_form_title(std::string_view title) const;
    // The cells of a task table's header row (outline.table_column names one of them), else
    // none. Cells are parted by tabs.
    std::vector<std::string_view> table_header(std::string_view paragraph) const;
    // Whether `paragraph` reads like any table's header (three or more short cells, the first
    // not a number): after a task table's rows, another table's, which ends it.
    bool other_table_header(std::string_view paragraph) const;
    // The item a task table's row opens with its number in the first cell (outline.table_row).
    OutlineMarker table_row(std::string_view paragraph) const;
    // outline.heading_year (optional: null): a level-1 heading naming its year's work.
    const re2::RE2* heading_year() const { return m_heading_year; }
    // outline.value_end, outline.number_word, outline.value_label (optional: null): what ends a
    // labelled value a marker may be run on after, the words a number goes with, the labels.
    const re2::RE2* value_end() const { return m_value_end; }
    const re2::RE2* number_word() const { return m_number_word; }
    const re2::RE2* value_label() const { return m_value_label; }
    // The line model's rules from the same grammar: paragraph starts and page markers.
    LineRules line_rules() const {
        return {m_paragraph_start, m_page_marker,      m_paragraph_end,     m_title_end,
                m_own_line,        m_bare_number,      m_heading_open,      m_item_open,
                m_label,           m_title_number,     m_doc_year,          m_lost_head_before,
                m_lost_head_after, m_lost_foot_before, m_lost_heading_word, m_lost_page_marker,
                m_block_label,     m_table_column,     m_title_years,       m_leading_word};
    }

private:
    const re2::RE2* m_heading1 = nullptr;
    const re2::RE2* m_heading2 = nullptr;
    const re2::RE2* m_item = nullptr;
    const re2::RE2* m_decimal_item = nullptr;      // optional
    const re2::RE2* m_decimal_quantity = nullptr;  // optional
    const re2::RE2* m_toc_entry = nullptr;         // optional
    const re2::RE2* m_subitem = nullptr;
    const re2::RE2* m_enumeration = nullptr;
    const re2::RE2* m_paragraph_start = nullptr;
    const re2::RE2* m_paragraph_end = nullptr;
    const re2::RE2* m_title_end = nullptr;          // optional
    const re2::RE2* m_own_line = nullptr;           // optional
    const re2::RE2* m_bare_number = nullptr;        // optional
    const re2::RE2* m_heading_open = nullptr;       // optional
    const re2::RE2* m_item_open = nullptr;          // optional
    const re2::RE2* m_label = nullptr;              // optional
    const re2::RE2* m_lost_head_before = nullptr;   // optional
    const re2::RE2* m_lost_head_after = nullptr;    // optional
    const re2::RE2* m_lost_foot_before = nullptr;   // optional
    const re2::RE2* m_lost_heading_word = nullptr;  // optional
    const re2::RE2* m_lost_page_marker = nullptr;   // optional
    const re2::RE2* m_block_label = nullptr;        // optional
    const re2::RE2* m_title_years = nullptr;        // optional
    const re2::RE2* m_title_number = nullptr;       // optional
    const re2::RE2* m_doc_year = nullptr;           // optional
    const re2::RE2* m_heading_year = nullptr;       // optional
    const re2::RE2* m_value_end = nullptr;          // optional
    const re2::RE2* m_number_word = nullptr;        // optional
    const re2::RE2* m_value_label = nullptr;        // optional
    const re2::RE2* m_leading_word = nullptr;       // optional
    const re2::RE2* m_grade_list = nullptr;         // optional
    const re2::RE2* m_not_task = nullptr;           // optional
    const re2::RE2* m_box = nullptr;                // optional
    const re2::RE2* m_reference_item = nullptr;     // optional
    const re2::RE2* m_form_title = nullptr;         // optional
    const re2::RE2* m_table_column = nullptr;       // optional
    const re2::RE2* m_table_row = nullptr;          // optional
    const re2::RE2* m_page_marker = nullptr;
    const re2::RE2* m_part = nullptr;
    const re2::RE2* m_item_paren = nullptr;  // optional
    const re2::RE2* m_division = nullptr;    // optional
    const re2::RE2* m_article = nullptr;     // optional
};

// Items numbered 1) (MarkerKind::item, closing_only) are tasks only in a notice without 1.
// items; where there are some, they are a lower level: made sub-items.
void settle_item_levels(std::vector<OutlineMarker>& markers);

// Accepts the markers of paragraphs [begin, end) that fit the numbering and gives each its
// path. `markers[i]` is the marker of paragraph i.
std::vector<OutlineNode> build_outline(const std::vector<OutlineMarker>& markers, std::size_t begin, std::size_t end);

// 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; -1 when not a Chinese numeral.
int parse_chinese_numeral(std::string_view text);

// A year in Chinese numerals, written digit by digit: 二〇一九 → 2019, its zero also typed ○, 零,
// O, o or 0 (二O一五, 二0一五); 0 when `text` is none.
int parse_chinese_year(std::string_view text);

}  // namespace policy
