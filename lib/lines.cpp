#include "lines.h"

#include "rule_match.h"

#include "outline.h"

#include <re2/re2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <span>

namespace policy {
namespace {

// How a line of a table copied one cell to a line goes with the paragraph before it.
enum class CellJoin : std::uint8_t {
    none,     // as any line
    row,      // opens a row (its number) or the header (序号): a paragraph of its own
    next,     // the row's next cell: joined, a tab before it
    goes_on,  // the rest of the cell before (a task's text wrapped): joined as is
};

struct Line {
    std::uint32_t begin;  // content, in the normalised text
    std::uint32_t end;
    std::uint32_t number;
    std::uint16_t indent;
    std::uint32_t width;  // display columns of the content
    std::uint32_t chars;  // code points, indentation included (a wrap by count counts it)
    bool blank_before;
    bool starts = false;       // begins a paragraph (LineRules::starts_paragraph)
    bool ends = false;         // ends one (LineRules::ends_paragraph)
    bool unfinished = false;   // stops mid-sentence (its last character ends no sentence)
    bool own = false;          // a paragraph of its own (LineRules::own_line)
    bool bare_number = false;  // only an outline number (LineRules::bare_number)
    bool label = false;        // opens with a task's label (LineRules::label)
    bool by_marker = false;    // the nearest line before or after a page marker
    bool page_before = false;  // a page marker between this line and the one before
    bool spaced = false;  // letter-spaced (贵 州 省 安 全 生 产 监 督 管 理 局): set by hand, not wrapped
    CellJoin cell = CellJoin::none;  // in a table copied one cell to a line (mark_cell_lines)
};

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

// Last code point of a UTF-8 string (0 when empty).
char32_t last_char(std::string_view s) {
    if (s.empty()) {
        return 0;
    }
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
        --i;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(s.data() + i);
    const std::size_t n = s.size() - i;
    if (n == 1) {
        return p[0];
    }
    if (n == 2) {
        return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (n == 3) {
        return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

// The characters of a line set with a space between every character (烟 台 市 人 民 政 府 … 的
// 通 知: a title letter-spaced by the page it was copied from): at least six, each alone
// between spaces (a number's digits together), four of them not ASCII. None when the line is
// not letter-spaced.
std::vector<std::string_view> spaced_letters(std::string_view content) {
    // Most lines fail at once: their first two characters stand together and are not a number
    // of up to four digits.
    if (!content.empty() && !is_space(static_cast<unsigned char>(content[0]))) {
        std::size_t second = 1;
        if (content[0] >= '0' && content[0] <= '9') {
            while (second < content.size() && second <= 4 && content[second] >= '0' && content[second] <= '9') {
                ++second;
            }
        } else {
            while (second < content.size() && (static_cast<unsigned char>(content[second]) & 0xC0) == 0x80) {
                ++second;
            }
        }
        if (second < content.size() && !is_space(static_cast<unsigned char>(content[second]))) {
            return {};
        }
    }
    std::vector<std::string_view> letters;
    std::size_t wide = 0;
    for (std::size_t i = 0; i < content.size();) {
        if (is_space(static_cast<unsigned char>(content[i]))) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < content.size() && !is_space(static_cast<unsigned char>(content[j]))) {
            ++j;
        }
        const std::string_view token = content.substr(i, j - i);
        // (A number keeps its digits together: 关 于 做 好 2021 年 汛 期 … 的 通 知.)
        const bool number =
            token.size() <= 4 && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!number && std::count_if(token.begin(), token.end(),
                                     [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) != 1) {
            return {};  // two characters together: a word, not letter-spacing
        }
        wide += token.size() > 1 ? 1 : 0;
        letters.push_back(token);
        i = j;
    }
    if (letters.size() < 6 || wide < 4) {
        letters.clear();
    }
    return letters;
}

// Appends a line's content (at `begin` in the normalised text) to a paragraph, without the
// spaces of a letter-spaced line, but one where a wide gap parts two names set side by side
// (广 东 省 应 急 管 理 厅　　　　广 东 省 公 安 厅).
void append_content(Paragraph& paragraph, std::string_view content, std::uint32_t begin) {
    const std::vector<std::string_view> spaced = spaced_letters(content);
    const std::string_view whole[] = {content};
    const char* previous_end = nullptr;
    for (const std::string_view letter :
         spaced.empty() ? std::span<const std::string_view>(whole) : std::span<const std::string_view>(spaced)) {
        if (previous_end != nullptr && letter.data() - previous_end >= 2) {
            paragraph.pieces.push_back({static_cast<std::uint32_t>(paragraph.text.size()),
                                        static_cast<std::uint32_t>(begin + (previous_end - content.data())), 1});
            paragraph.text += ' ';
        }
        previous_end = letter.data() + letter.size();
        paragraph.pieces.push_back({static_cast<std::uint32_t>(paragraph.text.size()),
                                    static_cast<std::uint32_t>(begin + (letter.data() - content.data())),
                                    static_cast<std::uint32_t>(letter.size())});
        paragraph.text.append(letter);
    }
}

// A line ending in one of these ends its paragraph.
bool ends_sentence(char32_t c) {
    switch (c) {
        case U'。':
        case U'！':
        case U'？':
        case U'；':
        case U'：':
        case U'.':
        case U'!':
        case U'?':
        case U';':
        case U':':
        case U')':
        case U'）':
        case U'」':
        case U'』':
        case U'】':
        case U'…':
            return true;
        default:
            return false;
    }
}

// A CJK ideograph (a word cut in the middle of a sentence ends in one).
bool is_ideograph(char32_t c) {
    return c >= 0x4E00 && c <= 0x9FFF;
}

// Whether `text` opens as the rule `rule` (LineRules::heading_open / item_open) says; null: no.
bool opens(const re2::RE2* rule, std::string_view text) {
    return rule != nullptr && RE2::PartialMatch(text, *rule);
}

// A paragraph's first line is indented by at most this many columns more than a label's line
// (two ideographic spaces, folded to two columns, or four spaces).
constexpr std::uint16_t k_paragraph_indent = 4;

// A line ending in one of these is certainly continued.
bool ends_clause(char32_t c) {
    return c == U',' || c == U'、' || c == U'，';
}

// A list of names left after one of these (、 ， 及 和 与) goes on.
bool ends_list(char32_t c) {
    return ends_clause(c) || c == U'及' || c == U'和' || c == U'与';
}

// Lines indented further than this (columns), the first by more than its own length, are set
// apart — signatures pushed to the right, one per line (pdftotext -layout) — and the second
// does not continue the first as wrapped text, though the padding made the first as wide as a
// wrapped line. (A wrap that cut a right-aligned line leaves its rest unindented.)
constexpr std::uint16_t k_widest_body_indent = 8;

bool set_apart(const Line& line, const Line& next) {
    return line.indent > k_widest_body_indent && line.chars - line.indent <= line.indent &&
           next.indent > k_widest_body_indent;
}

// A paragraph this long (bytes) or longer is no title (lines.title_end is not tried).
constexpr std::size_t k_longest_title = 240;

// Text wrapped shorter than this many characters (or columns) is not recognised as wrapped
// by its longest lines alone.
constexpr std::uint32_t k_shortest_wrap = 24;

// How far back (bytes) a parenthesis still open may have been opened for a line after it to
// continue it whatever the line before ends in: a responsibility parenthesis is shorter.
constexpr std::size_t k_open_bracket_reach = 600;

// A 文号 in brackets alone on its line is at most this long (bytes): （中共某某市委办公室〔2014〕5号）.
constexpr std::size_t k_bracketed_number_bytes = 64;

// How far back (bytes) a parenthesis may have been opened for a 文号 or a date alone on the
// next line to be inside it: an issuer's code (（吉政 / 办明电〔2010〕71号）, with room to spare.
constexpr std::size_t k_cited_reach = 40;

// A page number line is short; longer lines are not tried against the rule.
constexpr std::size_t k_page_marker_bytes = 48;

// A line of a table's frame drawn in box characters (┌────┬────┐, └──┴──┘: U+2500–257F, its
// upright lines already tabs), read as a blank line: no text of the notice.
bool frame_line(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ' || line[i] == '\t') {
            ++i;
        } else if (i + 2 < line.size() && static_cast<unsigned char>(line[i]) == 0xE2 &&
                   (static_cast<unsigned char>(line[i + 1]) == 0x94 ||
                    static_cast<unsigned char>(line[i + 1]) == 0x95)) {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

// A page's number printed bare, as a PDF's text copy leaves it: one to three digits alone
// on a line with a blank line before and after it (…体制机制改 / / 2 / / 革的意见》…), or with a form
// feed next to it (…温州电 / 3 / \f业局…). Not, for want of a form feed, when the
// next line with text is a page marker itself or opens with a digit: the number is then a cut
// one's first digits (2 / — 2 — / 019年3月22日). (Between lines of text, a lone number may be a
// table's cell: it is kept.)
bool bare_page_number(std::string_view text, std::size_t begin, std::size_t end, bool blank_before,
                      const re2::RE2* page_marker) {
    if (end - begin > 3 ||
        !std::all_of(text.begin() + static_cast<std::ptrdiff_t>(begin), text.begin() + static_cast<std::ptrdiff_t>(end),
                     [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    std::size_t line = text.find('\n', end);
    // A form feed right before or after it (a PDF copy's page: …温州电 / 3 / \f业局…) makes it one
    // with no blank line about it.
    const std::size_t line_begin = text.rfind('\n', begin);
    const std::size_t from_here = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    if (text.substr(from_here, begin - from_here).find('\f') != std::string_view::npos ||
        (line != std::string_view::npos && text.substr(end, line - end).find('\f') != std::string_view::npos) ||
        (line != std::string_view::npos && line + 1 < text.size() && text[line + 1] == '\f')) {
        return true;
    }
    if (!blank_before) {
        return false;
    }
    bool blank_after = false;
    while (line != std::string_view::npos) {
        const std::size_t from = line + 1;
        line = text.find('\n', from);
        std::string_view next =
            text.substr(from, line == std::string_view::npos ? std::string_view::npos : line - from);
        while (!next.empty() && is_space(static_cast<unsigned char>(next.front()))) {
            next.remove_prefix(1);
        }
        while (!next.empty() && is_space(static_cast<unsigned char>(next.back()))) {
            next.remove_suffix(1);
        }
        if (next.empty()) {
            blank_after = true;
            continue;
        }
        return blank_after && !(next.front() >= '0' && next.front() <= '9') &&
               !(page_marker != nullptr && next.size() <= k_page_marker_bytes && RE2::FullMatch(next, *page_marker));
    }
    return true;
}

// A running header or footer of a PDF's pages (豫政办〔2010〕23号, 山东省人民政府公报 2008年第6期)
// is a short line, of at most this many bytes, written the same by the page markers (the
// nearest line before or after each) of at least two pages and a third of them; it ends no
// sentence or parenthesis and holds no label (a task's last words 负责） or its line
// 牵头单位：县应急管理局 may fall by a marker twice). Such lines are dropped like the markers; the
// first page's copy, away from any marker (the notice's own 文号 at its head), stays.
constexpr std::size_t k_running_header_bytes = 120;
// A line repeated right after itself is read once when it is at least this long (eight
// characters of Han): a short one (一、, 1.) may well stand twice.
constexpr std::size_t k_repeated_line_bytes = 24;

// Lines at the head of a notice searched for its own 文号.
constexpr std::size_t k_head_lines = 20;

// A line shaped as a 文号 alone: a four-digit year in brackets, ending in 号 (苏安办〔2016〕21号).
bool doc_number_shape(std::string_view line) {
    if (line.size() > 60 || !line.ends_with("号")) {
        return false;
    }
    for (const std::string_view open : {"〔", "[", "【", "(", "［", "（"}) {
        const std::size_t at = line.find(open);
        if (at != std::string_view::npos && at + open.size() + 4 <= line.size() &&
            std::all_of(line.begin() + static_cast<std::ptrdiff_t>(at + open.size()),
                        line.begin() + static_cast<std::ptrdiff_t>(at + open.size() + 4),
                        [](char c) { return c >= '0' && c <= '9'; })) {
            return true;
        }
    }
    return false;
}

void drop_running_headers(std::vector<Line>& lines, std::string_view text, int markers) {
    // (Compared without digits and spaces: a header may carry the page's number, ·20· or 第3页.)
    auto key = [&](const Line& line) {
        std::string out;
        for (const char c : text.substr(line.begin, line.end - line.begin)) {
            if (!(c >= '0' && c <= '9') && !is_space(static_cast<unsigned char>(c))) {
                out += c;
            }
        }
        return out;
    };
    std::map<std::string, int> seen;
    // (An attachment's label opens a page of its own, 附件1 and 附件2 each after a page number:
    // no header, though alike but for their digits.)
    auto candidate_text = [&](const Line& line) {
        const std::string_view content = text.substr(line.begin, line.end - line.begin);
        const char32_t last = last_char(content);
        return content.size() <= k_running_header_bytes && !ends_sentence(last) && last != U')' && last != U'）' &&
               content.find(':') == std::string_view::npos && !key(line).starts_with("附件");
    };
    auto candidate = [&](const Line& line) { return line.by_marker && candidate_text(line); };
    std::vector<std::optional<std::string>> keys(lines.size());  // each candidate's, read once
    // The notice's own 文号 at its head counts as the first page's copy of a header that is that
    // 文号 (a notice of two pages: - 1 - / 苏安办〔2016〕21号 once, by the one marker).
    for (std::size_t i = 0; i < std::min(lines.size(), k_head_lines); ++i) {
        if (!lines[i].by_marker && doc_number_shape(text.substr(lines[i].begin, lines[i].end - lines[i].begin))) {
            seen[key(lines[i])] = 1;
        }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // (A header of two lines, the issuer over the 文号: the second line right under the first.)
        const bool second = i > 0 && keys[i - 1] && lines[i - 1].by_marker && !lines[i].blank_before;
        if (candidate(lines[i]) || (second && candidate_text(lines[i]))) {
            keys[i] = key(lines[i]);
            ++seen[*keys[i]];
        }
    }
    auto repeated = [&](int count) { return count >= 2 && count * 3 >= markers; };
    if (std::none_of(seen.begin(), seen.end(), [&](const auto& entry) { return repeated(entry.second); })) {
        return;
    }
    std::vector<Line> kept;
    kept.reserve(lines.size());
    bool dropped = false;
    bool page = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (keys[i] && repeated(seen[*keys[i]])) {
            dropped = true;
            page = page || line.page_before;
            continue;
        }
        kept.push_back(line);
        if (dropped) {
            kept.back().blank_before = true;  // as after a page marker
            kept.back().page_before = kept.back().page_before || page;
            dropped = false;
            page = false;
        }
    }
    lines = std::move(kept);
}

// Nor is a longer line tried as a bare outline number (（十二） is 12 bytes, 一百二十、 15).
constexpr std::size_t k_bare_number_bytes = 24;

// Whether `content` matches the whole-line rule `rule` (null: never), tried only on lines of
// at most `longest` bytes when that is not 0.
bool whole_line(const re2::RE2* rule, std::string_view content, std::size_t longest = 0) {
    return rule != nullptr && (longest == 0 || content.size() <= longest) && RE2::FullMatch(content, *rule);
}

// A line cannot start with closing punctuation: one that does was cut from the line before.
bool starts_with_closing(std::string_view line) {
    for (const std::string_view mark : {"》", "〉", ")", "）", "」", "』", "】", "〕", ",", "，",
                                        "。", "、", ".", ";",  "；", ":",  "：", "!",  "?", "…"}) {
        if (line.starts_with(mark)) {
            return true;
        }
    }
    return false;
}

// How many ASCII digits `line` starts with.
std::size_t leading_digits(std::string_view line) {
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') {
        ++digits;
    }
    return digits;
}

// A line starting with the unit of a number (or its last digits and its unit): after a line
// ending in a digit it is the rest of that number (…安委〔2020〕3号）,9 / 月30日前…, …6月3 /
// 0日前), whatever the wrap.
bool starts_with_unit(std::string_view line) {
    // The number's last digit or two may have come over with it (…6月3 / 0日前); not a year.
    const std::size_t digits = leading_digits(line);
    if (digits > 2) {
        return false;
    }
    line.remove_prefix(digits);
    for (const std::string_view unit :
         {"年", "月", "日", "号", "个", "万", "亿", "元", "%", "项", "家", "次", "条", "人"}) {
        if (line.starts_with(unit)) {
            return true;
        }
    }
    return false;
}

// A line starting with a 文号's serial (18号…): after a line ending in the year's bracket
// (…粤府办〔2022〕) it is the rest of that 文号.
bool starts_with_serial(std::string_view line) {
    const std::size_t digits = leading_digits(line);
    std::string_view rest = line.substr(digits);
    while (!rest.empty() && rest.front() == ' ') {
        rest.remove_prefix(1);
    }
    return digits > 0 && digits <= 6 && rest.starts_with("号");
}

// A time limit cut by a line break after one of its parts (2021年 / 6月底前, 6月 / 底前,
// 6月底 / 前完成, 6月30日 / 前) or inside its year (到2 / 021年): the line goes on the one
// before, whatever its width.
bool continues_date(std::string_view before, std::string_view line) {
    if (line.starts_with("前") && !line.starts_with("前言") && !line.starts_with("前期") && !line.starts_with("前提")) {
        for (const std::string_view unit : {"底", "末", "日", "号", "旬", "节", "期"}) {
            if (before.ends_with(unit)) {
                return true;
            }
        }
        return false;
    }
    if ((line.starts_with("底") || line.starts_with("末") || line.starts_with("份")) && before.ends_with("月")) {
        return true;
    }
    // A year cut inside its digits (到2 / 021年).
    std::size_t trailing = 0;
    while (trailing < before.size() && before[before.size() - 1 - trailing] >= '0' &&
           before[before.size() - 1 - trailing] <= '9') {
        ++trailing;
    }
    const std::size_t leading = leading_digits(line);
    if (trailing > 0 && leading > 0 && trailing + leading == 4 && line.substr(leading).starts_with("年")) {
        return true;
    }
    // A month's digits then 月, and its day on the next line (2015年6月 / 30日前).
    if (before.ends_with("月") && before.size() >= 4 && before[before.size() - 4] >= '0' &&
        before[before.size() - 4] <= '9') {
        const std::size_t digits = leading_digits(line);
        if (digits > 0 && digits <= 2 &&
            (line.substr(digits).starts_with("日") || line.substr(digits).starts_with("号"))) {
            return true;
        }
    }
    // A year's digits then 年, and a month on the next line.
    if (before.ends_with("年") && before.size() >= 7) {
        const std::string_view year = before.substr(before.size() - 7, 4);
        const std::size_t digits = leading_digits(line);
        return std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }) && digits > 0 &&
               digits <= 2 && line.substr(digits).starts_with("月");
    }
    return false;
}

// Whether `line` opens with a Chinese numeral (一 … 十, 两).
bool starts_with_numeral(std::string_view line) {
    for (const std::string_view numeral : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两"}) {
        if (line.starts_with(numeral)) {
            return true;
        }
    }
    return false;
}

// Whether `text` ends in a task's label alone (…完成预案。责任单位： / …。【牵头单位】): the bodies
// it names are on the next line, which a wrap moved there.
bool ends_with_label(std::string_view text, const re2::RE2* label) {
    std::size_t from = 0;
    if (text.ends_with("】")) {
        from = text.rfind("【");
        if (from == std::string_view::npos) {
            return false;
        }
    } else if (text.ends_with(":")) {
        for (const std::string_view stop : {std::string_view("。"), std::string_view(";"), std::string_view("】")}) {
            const std::size_t at = text.rfind(stop);
            if (at != std::string_view::npos) {
                from = std::max(from, at + stop.size());
            }
        }
    } else {
        return false;
    }
    const std::string_view tail = text.substr(from);
    return tail.size() <= 30 && opens(label, tail);
}

// Whether `paragraph`, three lines at most so far, reads as a notice's title that `next` does
// not go on (关于…的通知 with no punctuation in it; not before …的通知 cut from its 的 or a
// bracket, nor before a bracket the title goes on with: …三年行动方案 / （2019—2021年）的通知).
bool reads_as_title(const Paragraph& paragraph, std::string_view next) {
    const std::string_view text = paragraph.text;
    return paragraph.pieces.size() <= 3 && text.find("关于") != std::string_view::npos &&
           text.find_first_of(",;:") == std::string_view::npos && text.find("。") == std::string_view::npos &&
           !next.starts_with("的") && !starts_with_closing(next) && !next.starts_with("(");
}

// Unclosed 《, （ or 【: a title, parenthesis or label carried over a line break. How far from the end
// of `text` the outermost one still open was opened (npos when none is open). A bracket
// closed in `text` but opened before it is ignored, so a window of the end can be searched.
std::size_t open_bracket_distance(std::string_view text) {
    std::size_t depth = 0;
    std::size_t outermost = 0;  // where the outermost bracket still open was opened
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string_view rest = text.substr(i);
        if (rest.starts_with("《") || text[i] == '(' || rest.starts_with("（") || rest.starts_with("【")) {
            outermost = depth++ == 0 ? i : outermost;
        } else if ((rest.starts_with("》") || text[i] == ')' || rest.starts_with("）") || rest.starts_with("】")) &&
                   depth > 0) {
            --depth;
        }
    }
    return depth == 0 ? std::string_view::npos : text.size() - outermost;
}

bool has_open_bracket(std::string_view text) {
    return open_bracket_distance(text) != std::string_view::npos;
}

// The length most lines are cut at when the text was hard-wrapped, or 0: measured in display
// columns (a PDF copy: digits are narrow) or in characters (a wrap by character count), by
// `measure`, with a window of `slack` around it, agreed by at least `min_count` lines (or by
// three lines within `longest_slack` of the longest length).
std::uint32_t detect_wrap_width(const std::vector<Line>& lines, std::uint32_t Line::*measure, std::uint32_t slack,
                                std::uint32_t min_count, std::uint32_t longest_slack) {
    // A line is evidence of a wrap when it stops mid-sentence and the next line could go on
    // with it: before a heading, a date or a 文号 it is a short line, not a cut one.
    std::map<std::uint32_t, std::uint32_t> unfinished;  // length -> lines ending mid-sentence
    std::uint32_t content_lines = 0;
    std::uint32_t longest = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.begin == line.end) {
            continue;
        }
        ++content_lines;
        longest = std::max(longest, line.*measure);
        const bool followed = i + 1 < lines.size() && !lines[i + 1].starts && !line.ends;
        if (followed && line.unfinished && line.width >= 20) {
            ++unfinished[line.*measure];
        }
    }
    if (content_lines < 6) {
        return 0;
    }
    // The best window of `slack` among lines that stop mid-sentence.
    std::uint32_t best_width = 0;
    std::uint32_t best_count = 0;
    for (const auto& [width, count] : unfinished) {
        std::uint32_t window = 0;
        for (auto it = unfinished.lower_bound(width >= slack - 1 ? width - (slack - 1) : 0);
             it != unfinished.end() && it->first <= width; ++it) {
            window += it->second;
        }
        if (window > best_count) {
            best_count = window;
            best_width = width;
        }
    }
    if (best_count >= min_count && best_count * 4 >= content_lines) {
        return best_width;
    }
    // A short notice has few wrapped lines, but no line is longer than the cut: three
    // unfinished lines at the longest length (of a real line, not a list entry's) say it.
    // Within `longest_slack` of it: a cut by columns leaves a column free where a wide
    // character did not fit; a cut by characters is exact.
    std::uint32_t at_longest = 0;
    for (auto it = unfinished.lower_bound(longest - std::min(longest, longest_slack)); it != unfinished.end(); ++it) {
        at_longest += it->second;
    }
    return longest >= k_shortest_wrap && at_longest >= 3 ? longest : 0;
}

}  // namespace

std::size_t approximate_width(std::string_view text) {
    std::size_t width = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            ++width;
        } else if ((c & 0xC0) != 0x80) {
            width += 2;
        }
    }
    return width;
}

std::size_t Paragraph::normalised_offset(std::size_t offset) const {
    auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                               [](std::size_t value, const Piece& piece) { return value < piece.paragraph_offset; });
    if (it == pieces.begin()) {
        return pieces.empty() ? 0 : pieces.front().normalised_offset;
    }
    --it;
    return it->normalised_offset + std::min<std::size_t>(offset - it->paragraph_offset, it->length);
}

Paragraph split_off(Paragraph& paragraph, std::size_t offset, std::string_view normalised) {
    Paragraph tail;
    const std::size_t at = paragraph.normalised_offset(offset);
    const std::size_t head_begin = paragraph.normalised_offset(0);
    tail.first_line = paragraph.first_line + static_cast<std::uint32_t>(std::count(
                                                 normalised.begin() + static_cast<std::ptrdiff_t>(head_begin),
                                                 normalised.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    tail.last_line = std::max(paragraph.last_line, tail.first_line);
    tail.text = paragraph.text.substr(offset);
    std::vector<Piece> head_pieces;
    for (const Piece& piece : paragraph.pieces) {
        const std::size_t piece_end = piece.paragraph_offset + piece.length;
        if (piece.paragraph_offset < offset) {
            const auto length = static_cast<std::uint32_t>(std::min(piece_end, offset) - piece.paragraph_offset);
            head_pieces.push_back({piece.paragraph_offset, piece.normalised_offset, length});
        }
        if (piece_end > offset) {
            const std::size_t from = std::max<std::size_t>(piece.paragraph_offset, offset);
            tail.pieces.push_back(
                {static_cast<std::uint32_t>(from - offset),
                 static_cast<std::uint32_t>(piece.normalised_offset + (from - piece.paragraph_offset)),
                 static_cast<std::uint32_t>(piece_end - from)});
        }
    }
    paragraph.pieces = std::move(head_pieces);
    paragraph.text.resize(offset);
    paragraph.text.shrink_to_fit();  // (a long line cut many times keeps no copy of its tail per piece)
    paragraph.last_line = tail.first_line;
    tail.joined = paragraph.joined;
    return tail;
}

namespace {

// A text that lost its line breaks (a scraper's textContent) is one long line: it is read as
// is when its longest line holds less than this share of it, or is shorter than this many
// bytes — more of them among more lines than a few (a page's chrome around the notice).
constexpr double k_unbroken_share = 0.7;
constexpr std::size_t k_unbroken_bytes = 1000;
constexpr int k_unbroken_lines = 5;
constexpr std::size_t k_unbroken_long_bytes = 3000;

// The value of the Chinese numeral in `text` (一, 十二, 二十三), or 0.
int chinese_value(std::string_view text) {
    return text.size() <= 9 ? std::max(parse_chinese_numeral(text), 0) : 0;
}

bool is_chinese_digit(std::string_view text, std::size_t at) {
    return at + 3 <= text.size() && (chinese_value(text.substr(at, 3)) > 0 || text.compare(at, 3, "十") == 0);
}

bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

// Where a line that holds a whole notice (its breaks lost) would have broken: before each
// outline number that goes on the numbering before it — 一、 二、…, (一) (二)… under them, and
// 1. 2.… (1、 too) that go on or start again under a new heading. A number out of sequence
// (一、二级, 增长1.5倍, 第3.…) is text.
std::vector<std::size_t> unbroken_cuts(std::string_view line, std::size_t offset, const re2::RE2* heading_word) {
    std::vector<std::size_t> cuts;
    int heading = 0;
    int division = 0;
    int item = 0;
    bool heading_since_item = false;
    // A heading's usual words (指导思想, 工作目标…) end it where the break that did was lost.
    const auto heading_end = [&](std::size_t text_at) {
        re2::StringPiece word;
        if (heading_word != nullptr &&
            heading_word->Match(line, text_at, line.size(), re2::RE2::ANCHOR_START, &word, 1) &&
            text_at + word.size() < line.size()) {
            cuts.push_back(offset + text_at + word.size());
        }
    };
    for (std::size_t i = 0; i < line.size();) {
        const bool after_digit = i > 0 && (is_ascii_digit(line[i - 1]) || line[i - 1] == '.');
        const bool after_numeral = i >= 3 && (is_chinese_digit(line, i - 3) || line.compare(i - 3, 3, "第") == 0);
        if (!after_numeral && is_chinese_digit(line, i)) {
            std::size_t end = i;
            while (end < line.size() && is_chinese_digit(line, end) && end - i < 9) {
                end += 3;
            }
            const int value = chinese_value(line.substr(i, end - i));
            if (value == heading + 1 && line.compare(end, 3, "、") == 0 && !is_chinese_digit(line, end + 3)) {
                cuts.push_back(offset + i);
                heading = value;
                division = 0;
                heading_since_item = true;
                i = end + 3;
                heading_end(i);
                continue;
            }
        } else if (line[i] == '(' && i + 1 < line.size() && is_chinese_digit(line, i + 1)) {
            const std::size_t close = line.find(')', i + 1);
            const int value = close == std::string_view::npos || close - i > 10
                                  ? 0
                                  : chinese_value(line.substr(i + 1, close - i - 1));
            if (value > 0 && value == division + 1 && heading > 0) {
                cuts.push_back(offset + i);
                division = value;
                heading_since_item = true;
                i = close + 1;
                heading_end(i);
                continue;
            }
        } else if (!after_digit && is_ascii_digit(line[i]) &&
                   (i == 0 || std::isalpha(static_cast<unsigned char>(line[i - 1])) == 0)) {
            std::size_t end = i;
            while (end < line.size() && is_ascii_digit(line[end]) && end - i < 3) {
                ++end;
            }
            const int value = std::atoi(std::string(line.substr(i, end - i)).c_str());
            const bool separator = end < line.size() && (line[end] == '.' || line.compare(end, 3, "、") == 0);
            std::size_t text_at = end + (end < line.size() && line[end] == '.' ? 1 : 3);
            while (text_at < line.size() && line[text_at] == ' ') {
                ++text_at;
            }
            // The item's text opens with a word, a quotation or title, or a year (1.2014年主要任务).
            const std::string_view rest = line.substr(std::min(text_at, line.size()));
            const bool text_after = (!rest.empty() && static_cast<unsigned char>(rest[0]) >= 0xE4) ||
                                    rest.starts_with("“") || rest.starts_with("《") ||
                                    (rest.size() > 4 && std::all_of(rest.begin(), rest.begin() + 4, is_ascii_digit) &&
                                     rest.substr(4).starts_with("年"));
            if (separator && text_after && !(i >= 3 && line.compare(i - 3, 3, "第") == 0) &&
                (value == item + 1 || (value == 1 && heading_since_item))) {
                cuts.push_back(offset + i);
                item = value;
                heading_since_item = false;
                i = text_at;
                continue;
            }
        }
        // (On to the next character: ICU's UTF-8 step.)
        std::int32_t next = static_cast<std::int32_t>(i);
        U8_FWD_1(reinterpret_cast<const std::uint8_t*>(line.data()), next, static_cast<std::int32_t>(line.size()));
        i = static_cast<std::size_t>(next);
    }
    // A lone number is no outline: at least three cuts, or the line stays whole.
    if (cuts.size() < 3) {
        cuts.clear();
    }
    return cuts;
}

// Where `rule` matches in text[begin, end): before each match, or at the start of each of its
// groups named `at…` that matched instead when it has them; or after each match; or around it
// (a page's number, then dropped as a line of its own). A match right after 《 or “ is a
// citation's title: no break.
enum class CutAt { before, after, around };

void add_rule_cuts(std::string_view text, std::size_t begin, std::size_t end, const re2::RE2* rule, CutAt at,
                   std::vector<std::size_t>& cuts) {
    if (rule == nullptr || begin >= end) {
        return;
    }
    std::vector<int> at_groups;
    for (const auto& [name, index] : rule->NamedCapturingGroups()) {
        if (name.starts_with("at")) {
            at_groups.push_back(index);
        }
    }
    std::vector<re2::StringPiece> match(static_cast<std::size_t>(rule->NumberOfCapturingGroups()) + 1);
    std::size_t pos = begin;
    while (pos < end &&
           rule->Match(text, pos, end, re2::RE2::UNANCHORED, match.data(), static_cast<int>(match.size()))) {
        const std::size_t match_begin = static_cast<std::size_t>(match[0].data() - text.data());
        const std::size_t match_end = match_begin + match[0].size();
        const std::string_view before = text.substr(0, match_begin);
        if (before.ends_with("《") || before.ends_with("“")) {
            // (A citation's title: no break.)
        } else if (at == CutAt::around) {
            // (Not within a number: 2019-03-22 holds no page's number.)
            if (!(match_begin > 0 && is_ascii_digit(text[match_begin - 1])) &&
                !(match_end < text.size() && is_ascii_digit(text[match_end]))) {
                cuts.push_back(match_begin);
                cuts.push_back(match_end);
            }
        } else if (at == CutAt::after) {
            cuts.push_back(match_end);
        } else {
            bool grouped = false;
            for (const int group : at_groups) {
                if (match[static_cast<std::size_t>(group)].data() != nullptr) {
                    cuts.push_back(
                        static_cast<std::size_t>(match[static_cast<std::size_t>(group)].data() - text.data()));
                    grouped = true;
                }
            }
            if (!grouped) {
                cuts.push_back(match_begin);
            }
        }
        pos = std::max(match_end, match_begin + 1);
    }
}

// The breaks a text without them would have had (see unbroken_cuts), as offsets into `text`;
// at its head (before the first number) and foot (after the last), where `rules` say.
std::vector<std::size_t> lost_breaks(std::string_view text, const LineRules& rules) {
    std::size_t longest_begin = 0;
    std::size_t longest = 0;
    std::size_t filled = 0;
    int lines = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = text.size();
        }
        filled += eol - pos;
        if (text.substr(pos, eol - pos).find_first_not_of(" \t\f\v") != std::string_view::npos) {
            ++lines;
        }
        if (eol - pos > longest) {
            longest = eol - pos;
            longest_begin = pos;
        }
        pos = eol + 1;
    }
    if (longest < (lines > k_unbroken_lines ? k_unbroken_long_bytes : k_unbroken_bytes) ||
        static_cast<double>(longest) < k_unbroken_share * static_cast<double>(filled)) {
        return {};
    }
    std::vector<std::size_t> cuts =
        unbroken_cuts(text.substr(longest_begin, longest), longest_begin, rules.lost_heading_word);
    if (cuts.empty()) {
        return cuts;
    }
    const std::size_t head = cuts.front();
    const std::size_t foot = cuts.back();
    // A run of spaces (the next paragraph's indentation, 　　 folded) is where a break was.
    for (std::size_t k = longest_begin; k < longest_begin + longest;) {
        std::size_t run = k;
        while (run < longest_begin + longest && (text[run] == ' ' || text[run] == '\t')) {
            ++run;
        }
        if (run - k >= 2 && run < longest_begin + longest) {
            cuts.push_back(run);
        }
        k = run > k ? run : k + 1;
    }
    add_rule_cuts(text, longest_begin, head, rules.lost_head_before, CutAt::before, cuts);
    add_rule_cuts(text, longest_begin, head, rules.lost_head_after, CutAt::after, cuts);
    add_rule_cuts(text, foot, longest_begin + longest, rules.lost_foot_before, CutAt::before, cuts);
    add_rule_cuts(text, longest_begin, longest_begin + longest, rules.lost_page_marker, CutAt::around, cuts);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    return cuts;
}

}  // namespace

// A column's name in a table's header: a few characters, no punctuation.
constexpr std::size_t k_longest_column_bytes = 24;
// A table has at most this many columns.
constexpr std::size_t k_most_columns = 8;

// A task table copied from a web page one cell to a line: 序号 / 重点任务 / 牵头单位 / 配合单位 /
// 完成时限, then each row as its number alone (1) and its cells, one to a line, with headings
// (（一）…) between rows. Marks the lines so the header and each row become one paragraph, cells
// parted by tabs, as a table copied with tabs is: a row with more lines than cells had its task
// wrapped (…用气安全， / 重点检查…), and the extra lines go on the task's cell. The header
// needs a column naming who carries a row out or by when (rules.table_column).
// A header on one line with its cells parted by gaps (a table set with spaces) marks instead
// each line opening with the next row's number, whatever space follows it, as a row's start.
void mark_cell_lines(std::vector<Line>& lines, std::string_view text, const LineRules& rules) {
    if (rules.table_column == nullptr) {
        return;
    }
    auto content = [&](std::size_t i) { return text.substr(lines[i].begin, lines[i].end - lines[i].begin); };
    auto column_name = [&](std::size_t i) {
        const std::string_view c = content(i);
        return !c.empty() && c.size() <= k_longest_column_bytes && !lines[i].blank_before &&
               c.find_first_of(" \t,.;:()") == std::string_view::npos && c.find("。") == std::string_view::npos &&
               c.find("、") == std::string_view::npos;
    };
    // The row number a line holds alone (1 to 999), else 0.
    auto number = [&](std::size_t i) {
        const std::string_view c = content(i);
        if (c.empty() || c.size() > 3 ||
            !std::all_of(c.begin(), c.end(), [](char d) { return d >= '0' && d <= '9'; })) {
            return 0;
        }
        return std::atoi(std::string(c).c_str());
    };
    // The number opening a row of a table set with spaces (2　落实…, one space as well as two).
    auto opens_row = [&](std::size_t i, int expected) {
        const std::string_view c = content(i);
        const std::string digits = std::to_string(expected);
        return c.size() > digits.size() && c.starts_with(digits) &&
               (c[digits.size()] == ' ' || c[digits.size()] == '\t');
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // A header on one line, its cells parted by gaps (序号  重点任务  牵头单位  完成时限):
        // each row opens a paragraph of its own at its number, whatever space follows it.
        if (content(i).starts_with("序号") && content(i).size() > 6 &&
            (content(i)[6] == ' ' || content(i)[6] == '\t')) {
            const std::vector<std::string_view> cells = table_cells(content(i));
            if (cells.size() >= 3 && std::any_of(cells.begin(), cells.end(), [&](std::string_view cell) {
                    return RE2::FullMatch(cell, *rules.table_column);
                })) {
                int expected = 1;
                for (std::size_t k = i + 1; k < lines.size() && !content(k).starts_with("序号"); ++k) {
                    if (opens_row(k, expected)) {
                        lines[k].cell = CellJoin::row;
                        ++expected;
                    }
                }
            }
            continue;
        }
        if (content(i) != "序号") {
            continue;
        }
        std::size_t columns = 1;
        bool duty = false;
        std::size_t j = i + 1;
        for (; j < lines.size() && columns < k_most_columns && column_name(j) && number(j) == 0; ++j, ++columns) {
            duty = duty || RE2::FullMatch(content(j), *rules.table_column);
        }
        std::size_t first_row = j;  // (a heading may come before it)
        while (first_row < lines.size() && opens(rules.heading_open, content(first_row))) {
            ++first_row;
        }
        if (columns < 3 || !duty || first_row >= lines.size() || number(first_row) != 1) {
            continue;
        }
        lines[i].cell = CellJoin::row;
        for (std::size_t k = i + 1; k < j; ++k) {
            lines[k].cell = CellJoin::next;
        }
        // The rows, numbered on from 1, headings between them.
        int expected = 1;
        std::size_t k = j;
        while (k < lines.size()) {
            if (number(k) != expected) {
                if (opens(rules.heading_open, content(k))) {
                    ++k;  // a heading between rows: a paragraph of its own
                    continue;
                }
                break;
            }
            std::size_t end = k + 1;
            while (end < lines.size() && number(end) != expected + 1 && !opens(rules.heading_open, content(end)) &&
                   !(lines[end].blank_before && end >= k + columns)) {
                ++end;
            }
            // The row's lines after its number: one a cell, the first extra ones its task's.
            const std::size_t cells = end - k - 1;
            const std::size_t extra = cells > columns - 1 ? cells - (columns - 1) : 0;
            lines[k].cell = CellJoin::row;
            for (std::size_t m = k + 1; m < end; ++m) {
                lines[m].cell = m > k + 1 && m <= k + 1 + extra ? CellJoin::goes_on : CellJoin::next;
            }
            ++expected;
            k = end;
        }
        i = k - 1;
    }
}

std::vector<Paragraph> split_paragraphs(std::string_view text, const LineRules& rules) {
    const std::vector<std::size_t> cuts = lost_breaks(text, rules);
    std::size_t next_cut = 0;
    std::vector<Line> lines;
    std::uint32_t number = 1;
    bool blank_before = true;
    bool after_marker = false;  // a page marker since the last line
    int markers = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = text.size();
        }
        // (A break the text lost: the line ends there, the next goes on from it.)
        while (next_cut < cuts.size() && cuts[next_cut] <= pos) {
            ++next_cut;
        }
        const bool cut = next_cut < cuts.size() && cuts[next_cut] < eol;
        if (cut) {
            eol = cuts[next_cut];
        }
        std::size_t begin = pos;
        std::uint16_t indent = 0;
        while (begin < eol && is_space(static_cast<unsigned char>(text[begin]))) {
            indent = static_cast<std::uint16_t>(std::min(indent + (text[begin] == '\t' ? 4 : 1), 60000));
            ++begin;
        }
        std::size_t end = eol;
        while (end > begin && is_space(static_cast<unsigned char>(text[end - 1]))) {
            --end;
        }
        const bool form_feed = text.substr(pos, eol - pos).find('\f') != std::string_view::npos;
        if (begin == end || frame_line(text.substr(begin, end - begin))) {
            blank_before = true;
        } else if ((rules.page_marker != nullptr && end - begin <= k_page_marker_bytes &&
                    RE2::FullMatch(text.substr(begin, end - begin), *rules.page_marker)) ||
                   bare_page_number(text, begin, end, blank_before, rules.page_marker)) {
            blank_before = true;
            after_marker = true;
            ++markers;
            if (!lines.empty()) {
                lines.back().by_marker = true;
            }
        } else if (!lines.empty() && end - begin >= k_repeated_line_bytes && !lines.back().by_marker && !after_marker &&
                   !form_feed &&
                   text.substr(lines.back().begin, lines.back().end - lines.back().begin) ==
                       text.substr(begin, end - begin)) {
            // A long line the same as the one before (a scraper's copy twice over) is read once
            // (not by a page break: a running header may say what the line under it says).
        } else {
            const std::string_view content = text.substr(begin, end - begin);
            const auto chars = static_cast<std::uint32_t>(std::count_if(
                content.begin(), content.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
            lines.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), number, indent,
                             static_cast<std::uint32_t>(approximate_width(content)), chars + indent,
                             blank_before || form_feed});
            Line& added = lines.back();
            // A table's row, its cells parted by tabs, is a paragraph of its own: a long row
            // is not a wrapped line (到2017年 at a row's end does not run on into 10<TAB>…).
            added.own = whole_line(rules.own_line, content) || std::count(content.begin(), content.end(), '\t') >= 2;
            added.bare_number = !added.own && whole_line(rules.bare_number, content, k_bare_number_bytes);
            added.starts = added.own || added.bare_number ||
                           (rules.starts_paragraph != nullptr && RE2::PartialMatch(content, *rules.starts_paragraph));
            added.label = opens(rules.label, content);
            added.spaced = !spaced_letters(content).empty();
            added.unfinished = !ends_sentence(last_char(content));
            // (A line ending in 。 ends its paragraph anyway: the rule is not tried on it.)
            added.ends = added.own || (added.unfinished && whole_line(rules.ends_paragraph, content));
            // (A form feed opening the line is a page break, as a page marker is.)
            added.by_marker = after_marker || form_feed;
            added.page_before = after_marker || form_feed;
            if (form_feed && lines.size() > 1) {
                lines[lines.size() - 2].by_marker = true;
            }
            blank_before = false;
            after_marker = false;
        }
        if (cut) {
            blank_before = true;
            pos = eol;
            continue;
        }
        ++number;
        if (eol == text.size()) {
            break;
        }
        pos = eol + 1;
    }

    drop_running_headers(lines, text, markers);
    mark_cell_lines(lines, text, rules);

    // By character count, more lines must agree: short labelled lines (发文机关：…) are often
    // of a length.
    const std::uint32_t wrap_width = detect_wrap_width(lines, &Line::width, 6, 4, 1);
    const std::uint32_t wrap_chars = detect_wrap_width(lines, &Line::chars, 3, 8, 0);
    std::vector<Paragraph> paragraphs;
    const Line* previous = nullptr;
    bool current_opens_label = false;  // the paragraph being built opens with a task's label
    for (const Line& line : lines) {
        const std::string_view content = text.substr(line.begin, line.end - line.begin);
        bool join = false;
        if (line.cell != CellJoin::none && previous != nullptr && !paragraphs.empty()) {
            join = line.cell != CellJoin::row;
            if (line.cell == CellJoin::next) {
                paragraphs.back().text.push_back('\t');
            }
        } else if (previous != nullptr && !paragraphs.empty()) {
            Paragraph& current = paragraphs.back();
            const char32_t last = last_char(current.text);
            // (A label line after a paragraph opening with one: 责任单位：… / 完成时限：….)
            // (A notice's own 文号 in brackets on the line under its title, as a web page sets it:
            // 关于印发…的通知 / （鹤办〔2014〕5号）, a line of its own however long the title.)
            const bool number_under_title = content.size() <= k_bracketed_number_bytes && content.ends_with(")") &&
                                            opens(rules.title_number, content) && rules.title_end != nullptr &&
                                            current.text.size() < k_longest_title &&
                                            RE2::PartialMatch(current.text, *rules.title_end);
            // Cut at the wrap's full width in the middle of a word (…对 / 一、二级重大危险源…).
            // (Not a labelled line as long as the wrap: 责任单位：省安委办、省应急管理厅.)
            const bool cut_mid_sentence =
                is_ideograph(last) &&
                ((wrap_width > 0 && previous->width + 2 >= wrap_width) ||
                 (wrap_chars > 0 && previous->chars + 1 >= wrap_chars)) &&
                text.substr(previous->begin, previous->end - previous->begin).find(':') == std::string_view::npos;
            // A task's label opening a line outside any bracket starts a paragraph (a task
            // list's item: 1.落实领导干部安全生产责任制 / 牵头单位：市委办 / 配合单位：… / 完成时限：…
            // / its detail), as wide as the line before it may be: a sentence broken by a wrap
            // does not go on with a label and its colon.
            const bool label_outside_bracket =
                line.label && open_bracket_distance(std::string_view(current.text)
                                                        .substr(current.text.size() -
                                                                std::min(current.text.size(), k_open_bracket_reach))) ==
                                  std::string_view::npos;
            // (And a line indented as a paragraph is, after a label's line left whole, opens the
            // detail after it: 完成时限：2019年底前 / 　　贯彻落实…; not the rest of a list the wrap
            // set under the label's value: 责任单位：市委组织部、市绩效办及 / 　　　　　各县市区人民政府.)
            const bool indented_after_label = previous->label && !line.label && line.indent > previous->indent &&
                                              line.indent - previous->indent <= k_paragraph_indent &&
                                              !cut_mid_sentence && !ends_list(last);
            const bool starts_new = line.starts || previous->ends || (line.label && current_opens_label) ||
                                    label_outside_bracket || indented_after_label || number_under_title;
            // (A 版记 list wrapped: 抄送：…、长江、海 / 河水利委员会。 — up to the line ending in 。.)
            const bool list_goes_on = !ends_sentence(last) && !line.blank_before && !line.label &&
                                      (content.ends_with("。") || content.ends_with("、") || content.ends_with(",")) &&
                                      opens(rules.block_label, current.text) && !opens(rules.block_label, content);
            // A 文号 or a date alone on its line, or the line after it opening with the bracket
            // that closes it, inside a parenthesis opened just before: a citation's number the
            // wrap set apart (…考核办法》（吉政 / 办明电〔2010〕71号 / ），将…).
            const std::size_t opened =
                open_bracket_distance(std::string_view(current.text)
                                          .substr(current.text.size() - std::min(current.text.size(), k_cited_reach)));
            const bool in_citation_bracket = opened != std::string_view::npos && !line.blank_before && !line.own &&
                                             current.text[current.text.size() - opened] == '(';
            // (A label's list left after a mark or a conjunction goes on, however short its line:
            // 责任单位：市委组织部、市绩效办及 / 各县市区人民政府.)
            const bool label_list_goes_on = current_opens_label && !starts_new && !line.own && ends_list(last);
            // (A title's years on the line after its other words: …工作方案 / （2023—2024年）.)
            const bool title_years_follow = !line.blank_before && current.text.size() < k_longest_title &&
                                            rules.title_end != nullptr && whole_line(rules.title_years, content) &&
                                            RE2::PartialMatch(current.text, *rules.title_end);
            if (list_goes_on || label_list_goes_on || title_years_follow) {
                join = true;
            } else if (in_citation_bracket && (line.ends || (previous->ends && starts_with_closing(content)))) {
                join = true;
            } else if (previous->bare_number && current.pieces.size() == 1 && !line.starts) {
                // An outline number alone on its line: the next line is its text (across a
                // blank line or a page break too).
                join = true;
            } else if (!line.blank_before && !line.own && current.text.ends_with("第") &&
                       starts_with_numeral(content)) {
                // An ordinal cut after its 第 (坚持安全第 / 一、预防为主): the numeral is no heading's.
                join = true;
            } else if (line.starts && !line.own && !line.bare_number && !previous->ends && cut_mid_sentence &&
                       !line.blank_before && !line.ends && line.indent <= previous->indent &&
                       (opens(rules.heading_open, content) || opens(rules.item_open, content)) &&
                       !opens(rules.heading_open, current.text) && current.text.size() < 20000 &&
                       !(rules.title_end != nullptr && current.text.size() < k_longest_title &&
                         RE2::PartialMatch(current.text, *rules.title_end))) {
                // A line that opens like an item or a heading right after a line cut at the full
                // width in the middle of a sentence continues it: the wrap fell before a list
                // (一、二级…) or a number.
                join = true;
            } else if (!starts_new && current.text.size() < 20000 &&
                       (starts_with_closing(content) || (last >= U'0' && last <= U'9' && starts_with_unit(content)) ||
                        ((last == U'〕' || last == U']' || last == U')' || last == U'】') &&
                         starts_with_serial(content)) ||
                        (is_ideograph(last) && opens(rules.doc_year, content)) ||
                        (last == U'》' && opens(rules.title_number, content)) ||
                        continues_date(current.text, content) || ends_with_label(current.text, rules.label) ||
                        // A labelled line cut in the middle of a name, its rest flush left under
                        // it (责任单位：…、州交通运 / 输局、州水务局).
                        (previous->label && is_ideograph(last) && line.indent < previous->indent &&
                         !line.blank_before && !line.own))) {
                join = true;
            } else if (!starts_new &&
                       open_bracket_distance(
                           std::string_view(current.text)
                               .substr(current.text.size() - std::min(current.text.size(), k_open_bracket_reach))) !=
                           std::string_view::npos) {
                // Inside a parenthesis opened a little before, a line ending in ；or ） (the
                // inner one of 县（市、区）) does not end the paragraph: the wrap fell there.
                join = true;
            } else if (!starts_new && (!ends_sentence(last) || (previous->label && last == U')')) &&
                       !set_apart(*previous, line) && previous->chars >= 20 && line.chars - line.indent <= 3 &&
                       (wrap_width > 0 || wrap_chars > 0 || previous->chars >= 30 || previous->label)) {
                // A line of one to three characters after a long unfinished one: the tail of a
                // wrapped sentence (…省住房城乡建设 / 厅).
                join = true;
            } else if (!starts_new && !ends_sentence(last) && line.page_before && !previous->own &&
                       ((line.indent == 0 && current.indent > 0 && current.text.size() < 20000) ||
                        (current.pieces.size() == 1 && !previous->starts && !previous->bare_number &&
                         previous->chars - previous->indent <= 2 && is_ideograph(last)))) {
                // A page's number between an indented paragraph left unfinished and an unindented
                // line: the page broke the paragraph, wherever in the line (一、深 / — 1 — /
                // 入学习贯彻…, 2 / — 3 — / 019年3月22日); a paragraph of its own would be indented.
                // So it did after one or two characters alone, indented or not (中 / — 2 — /
                // 共吉林省委办公厅): no paragraph is a word that short.
                join = true;
            } else if (!starts_new && !ends_sentence(last) && current.text.size() < 20000 &&
                       !set_apart(*previous, line) &&
                       !((line.blank_before || reads_as_title(current, content)) &&
                         current.text.size() < k_longest_title && rules.title_end != nullptr &&
                         RE2::PartialMatch(current.text, *rules.title_end))) {
                // Across a blank line (a page break) only a line cut at the full width goes on:
                // a title a little shorter than the wrap, before a blank, is a line of its own;
                // so is a title line as wide as the wrap in text with no blank lines at all
                // (关于…的通知 / 各设区市人民政府：).
                // A paragraph's first line that lost the indentation the wrap counted is that
                // much shorter (not a web page's field line: 当前位置：首页 > …).
                const bool unindented_first = current.pieces.size() == 1 && previous->indent == 0 &&
                                              !line.blank_before && current.text.find(':') == std::string::npos;
                const std::uint32_t width_slack = line.blank_before ? 2 : unindented_first ? 10 : 6;
                const std::uint32_t chars_slack = line.blank_before ? 1 : unindented_first ? 5 : 3;
                // (A title's bracket or 的 on the next line that ends it goes on it: 关于印发…三年
                // 行动方案 / （2019—2021年）的通知, 关于印发 / 2019年工作要点 / 的通知.)
                const bool title_goes_on = (content.starts_with("(") || content.starts_with("的")) &&
                                           rules.title_end != nullptr && current.text.size() < k_longest_title &&
                                           current.text.find("关于") != std::string::npos &&
                                           RE2::PartialMatch(content, *rules.title_end);
                // (A letter-spaced line is as wide as its spaces make it: no wrap cut it.)
                join = title_goes_on || ends_clause(last) || ends_with_rule(current.text, rules.leading_word) ||
                       has_open_bracket(current.text) ||
                       (!previous->spaced &&
                        ((wrap_width > 0 && previous->width + width_slack >= wrap_width) ||
                         (wrap_chars > 0 && previous->chars + chars_slack >= wrap_chars) || previous->width >= 80));
            }
        }
        if (join) {
            Paragraph& current = paragraphs.back();
            const char32_t last = last_char(current.text);
            const unsigned char first = static_cast<unsigned char>(content.front());
            if (last < 0x80 && std::isalpha(static_cast<int>(last)) && first < 0x80 && std::isalpha(first)) {
                current.text.push_back(' ');
            }
            append_content(current, content, line.begin);
            current.last_line = line.number;
            current.joined = true;
        } else {
            current_opens_label = line.label;
            Paragraph paragraph;
            append_content(paragraph, content, line.begin);
            paragraph.first_line = paragraph.last_line = line.number;
            paragraph.indent = line.indent;
            paragraph.after_blank = line.blank_before;
            paragraphs.push_back(std::move(paragraph));
        }
        previous = &line;
    }
    return paragraphs;
}

}  // namespace policy
