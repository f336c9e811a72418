// lines.h — the line model. Splits the normalised text into paragraphs: blank lines and
// page breaks separate them; a paragraph broken by a page break or by hard wrapping (PDF
// copies) is joined back, so `负\n\n责人` reads 负责人. Indentation is a property, not text.
// It knows nothing of outlines beyond the `starts_paragraph` rule it is given.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace policy {

// A stretch of a paragraph's text that is contiguous in the normalised text.
struct Piece {
    std::uint32_t paragraph_offset;   // where it starts in Paragraph::text
    std::uint32_t normalised_offset;  // where it starts in the normalised text
    std::uint32_t length;             // bytes
};

struct Paragraph {
    std::string text;              // normalised, without indentation, trailing space or line breaks
    std::vector<Piece> pieces;     // how `text` maps onto the normalised text
    std::uint32_t first_line = 0;  // 1-based line numbers in the input
    std::uint32_t last_line = 0;
    std::uint16_t indent = 0;  // columns of leading white space of the first line
    bool after_blank = false;  // a blank line (or the start) precedes it
    bool joined = false;       // a page break or hard wrap was joined inside it

    // Offset in the normalised text of byte `offset` of `text` (offset == size: the end).
    std::size_t normalised_offset(std::size_t offset) const;
};

struct LineRules {
    // Matches (anchored) the start of a line that must begin a new paragraph: outline
    // markers, 抄送, dates... Null: only punctuation and width decide.
    const re2::RE2* starts_paragraph = nullptr;
    // Matches (anchored, whole line) a page's number or running footer (— 2 —, 第3页 共8页):
    // such a line is dropped like a page break, so a task that runs over the page stays whole.
    const re2::RE2* page_marker = nullptr;
    // Matches (anchored, whole line) a line complete in itself (a 文号, a date): the next
    // line never continues its paragraph. Null: none is.
    const re2::RE2* ends_paragraph = nullptr;
    // Matches (unanchored; the rule anchors its end) a title's last words (…的通知, …工作要点):
    // a short paragraph ending so is not continued across a blank line, even when its last line
    // is as long as a wrapped line. Null: none is.
    const re2::RE2* title_end = nullptr;
    // Matches (anchored, whole line) a line that is a paragraph of its own, neither continuing
    // the line before nor continued (上一篇：…, 相关链接：, 【打印】): a web page's own lines,
    // which a wrap width found in the notice's text must not join. Null: none is.
    const re2::RE2* own_line = nullptr;
    // Matches (anchored, whole line) an outline number alone on its line (1. / （三） / 一、):
    // it begins a paragraph, and the next line — its text, set on a line of its own by a table
    // cell or a page break — continues it. Null: none is.
    const re2::RE2* bare_number = nullptr;
    // Match (anchored at the line's start) a line that opens like a heading (一…, (…) or like an
    // item (1. / 12、 / 3)): in wrapped text it continues a line cut at the full width in the
    // middle of a sentence (the wrap fell before 一、二级… or a number). Null: none does.
    const re2::RE2* heading_open = nullptr;
    const re2::RE2* item_open = nullptr;
    // Matches (anchored at the line's start) a task's label (责任单位：, 【完成时限】): a label line
    // right after a paragraph that opens with a label is never its continuation, however wide
    // the line before. Null: none is.
    const re2::RE2* label = nullptr;
    // Matches (anchored at the line's start) a 文号 in brackets ((吉政办发[2013]44号)…): after a
    // line ending in 》 it goes on the paragraph — the title's own 文号, which a wrap that keeps
    // half-width runs whole moved to the next line. Null: never.
    const re2::RE2* title_number = nullptr;
    // Matches (anchored at the line's start) a 文号's year in its brackets and its serial
    // (〔2021〕6号…): after a line ending in an ideograph (…落实安委办) it goes on the paragraph,
    // the rest of the 文号 a wrap cut after its issuer code. Null: never.
    const re2::RE2* doc_year = nullptr;
    // Match (unanchored) where a notice that lost its line breaks broke at its head (before
    // the first outline number) and foot (after the last): before each match (and at its group
    // `at` when that matched), or after each match. Null: none.
    const re2::RE2* lost_head_before = nullptr;
    const re2::RE2* lost_head_after = nullptr;
    const re2::RE2* lost_foot_before = nullptr;
    // Matches (anchored) a heading's usual words (指导思想, 工作目标): in such a notice, where
    // a heading's text begins so and goes on, the heading ends after them. Null: none.
    const re2::RE2* lost_heading_word = nullptr;
    // Matches (unanchored) a page's number in such a notice (…办公室。— 3 —抄送：…): broken out
    // of the text, then dropped like a page marker. Null: none.
    const re2::RE2* lost_page_marker = nullptr;
    // Matches (anchored at the line's start) a 版记's list label (抄送：, 主送：): a paragraph
    // opening so and left unfinished goes on over the next lines up to the one ending in 。
    // (抄送：…，水利部黄河、淮河、长江、海 / 河水利委员会。), however short the line. Null: none.
    const re2::RE2* block_label = nullptr;
    // Matches (anchored, whole line) a task table's column that says who carries a row out or
    // by when (牵头单位, 完成时限): a table copied one cell to a line (序号 / 重点任务 / 牵头单位 /
    // … then 1 / … ) with such a column has its rows put back together, cells parted by tabs.
    // Null: none is.
    const re2::RE2* table_column = nullptr;
    // Matches (anchored, whole line) a title's years in brackets on a line of their own
    // (（2023—2024年）, （2024—2026年）的通知): after a paragraph that reads as a title it goes on
    // it. Null: never.
    const re2::RE2* title_years = nullptr;
    // Matches (at the end) a word that only leads on to what follows it (到, 于): a wrapped line
    // ending in one goes on, however short. Null: none does.
    const re2::RE2* leading_word = nullptr;
};

std::vector<Paragraph> split_paragraphs(std::string_view normalised, const LineRules& rules);

// Cuts `paragraph` at byte `offset` of its text (0 < offset < size), keeping the head in it
// and returning the tail, its pieces and first line found through `normalised` (the text
// split_paragraphs read): for two paragraphs a scraper ran into one.
Paragraph split_off(Paragraph& paragraph, std::size_t offset, std::string_view normalised);

// Display columns as a terminal shows them: ASCII 1, everything else 2 (a cheap stand-in for
// East Asian Width on Chinese text; the table renderer uses ICU's property).
std::size_t approximate_width(std::string_view text);

}  // namespace policy
