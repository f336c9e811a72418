#include "citations.h"

#include <re2/re2.h>
#include <unicode/utf8.h>

#include <fmt/core.h>
#include <algorithm>
#include <vector>

#include "rule_match.h"

namespace policy {
namespace {

// Start of the UTF-8 character ending just before `pos`.
std::size_t previous_char(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    do {
        --i;
    } while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80);
    return i;
}

bool is_han(std::string_view ch) {
    if (ch.size() != 3 && ch.size() != 4) {
        return false;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(ch.data());
    char32_t c = ch.size() == 3 ? ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)
                                : ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF) ||
           c == 0x3007;
}

constexpr std::size_t k_max_issuer_chars = 16;
// At most this many spaces between an issuer code and its bracket.
constexpr std::size_t k_max_issuer_gap = 2;
constexpr std::size_t k_max_title_bytes = 600;
constexpr std::size_t k_longest_damaged = 60;  // bytes of a damaged 文号 in the bracket after a title

// Whether a 文号's year and serial can be a document's (not 〔0000〕, not 0号).
bool plausible_number(int year, long serial) {
    return year >= 1949 && year <= 2100 && serial > 0;
}

// Whether a stop character at `at` opens the issuer code rather than ending a sentence before it:
// it starts the text or a line, or follows an opening bracket or a 、 (于府办字〔2023〕15号 of 于都,
// （和政发〔2020〕3号）), where no preposition stands before a 文号.
bool opens_code(std::string_view text, std::size_t at) {
    if (at == 0) {
        return true;
    }
    const std::string_view before = text.substr(0, at);
    for (const std::string_view mark : {"\n", " ", "\t", "(", "[", "〔", "【", "、", "《"}) {
        if (before.ends_with(mark)) {
            return true;
        }
    }
    return false;
}

}  // namespace

namespace {

// Whether a full-width digit (０ to ９: U+FF10 to U+FF19, EF BC 90 to EF BC 99 in UTF-8) starts
// at byte `i` of `text`.
bool wide_digit_at(std::string_view text, std::size_t i) {
    return i + 2 < text.size() && text[i] == '\xEF' && text[i + 1] == '\xBC' && text[i + 2] >= '\x90' &&
           text[i + 2] <= '\x99';
}

}  // namespace

bool has_wide_digit(std::string_view written) {
    for (std::size_t i = 0; i < written.size(); ++i) {
        if (wide_digit_at(written, i)) {
            return true;
        }
    }
    return false;
}

std::string digits_as_printed(std::string_view text, std::string_view written) {
    // The width of each digit as printed, in order (true: full-width).
    std::vector<bool> wide;
    for (std::size_t i = 0; i < written.size(); ++i) {
        if (written[i] >= '0' && written[i] <= '9') {
            wide.push_back(false);
        } else if (wide_digit_at(written, i)) {
            wide.push_back(true);
            i += 2;
        }
    }
    const auto digits =
        static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
    const bool all_wide = !wide.empty() && std::all_of(wide.begin(), wide.end(), [](bool w) { return w; });
    // Digit for digit where the counts agree; else all full-width when all printed were
    // (a serial listed after a 文号, ４号, is read with its issuer's year).
    if (wide.size() != digits && !all_wide) {
        return std::string(text);
    }
    std::string out;
    std::size_t k = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9' && (all_wide || wide[k++])) {
            out += "\xEF\xBC";
            out += static_cast<char>('\x90' + (c - '0'));
        } else {
            out += c;
        }
    }
    return out;
}

std::string fold_digits(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (wide_digit_at(text, i)) {
            out += static_cast<char>('0' + (text[i + 2] - '\x90'));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string format_doc_number(std::string_view issuer_code, int year, long serial, bool ordinal) {
    return fmt::format("{}〔{}〕{}{}号", issuer_code, year, ordinal ? "第" : "", serial);
}

Result<CitationRules> CitationRules::create(const Grammar& grammar) {
    POLICY_TRY_VOID(grammar.require({"citation.doc_number"}));
    CitationRules rules;
    rules.m_doc_number = &grammar.rule("citation.doc_number");
    rules.m_serial_more = grammar.optional_rule("citation.serial_more");
    rules.m_issuer_body = grammar.optional_rule("citation.issuer_body");
    rules.m_header_mark = grammar.optional_rule("citation.header_mark");
    rules.m_damaged = grammar.optional_rule("citation.damaged_line");
    for (const auto& entry : grammar.lexicon("issuer-stop.txt")) {
        if (entry[0].size() > 4) {  // more than one character: a word cut off the front
            rules.m_issuer_prefixes.push_back(entry[0]);
            continue;
        }
        rules.m_issuer_stops[entry[0]] = entry.size() > 1 ? entry[1] : std::string();
    }
    return rules;
}

std::vector<CitationMatch> CitationRules::find_doc_numbers(std::string_view text) const {
    std::vector<CitationMatch> out;
    // (A cheap test first: a 文号 ends in 号, or in the mark left where it was lost.)
    if (text.find("号") == std::string_view::npos && text.find('?') == std::string_view::npos &&
        text.find("□") == std::string_view::npos && text.find("\xEF\xBF\xBD") == std::string_view::npos) {
        return out;
    }
    for (const RuleMatch& match : find_all(*m_doc_number, text)) {
        const int year = std::atoi(std::string(match.group("year")).c_str());
        const long serial = std::atol(std::string(match.group("serial")).c_str());
        if (!plausible_number(year, serial)) {
            continue;
        }
        // The issuer code: Han (or Latin) characters right before the bracket (a space or two
        // may part them: 苏应急 [2023] 9 号), cut at a stop character and at most
        // k_max_issuer_chars long.
        std::size_t code_end = match.begin;
        while (code_end > 0 && text[code_end - 1] == ' ' && match.begin - code_end < k_max_issuer_gap) {
            --code_end;
        }
        std::size_t begin = code_end;
        std::size_t chars = 0;
        while (begin > 0 && chars < k_max_issuer_chars) {
            const std::size_t prev = previous_char(text, begin);
            const std::string_view ch = text.substr(prev, begin - prev);
            const bool latin = ch.size() == 1 && std::isalpha(static_cast<unsigned char>(ch[0]));
            if (!is_han(ch) && !latin) {
                break;
            }
            if (const auto stop = m_issuer_stops.find(std::string(ch));
                stop != m_issuer_stops.end() && !opens_code(text, prev)) {
                // (Unless the character after it, already taken, makes it a code's: 经 in 粤经信.)
                std::int32_t next_end = static_cast<std::int32_t>(begin);
                if (begin < code_end) {
                    U8_FWD_1(reinterpret_cast<const std::uint8_t*>(text.data()), next_end,
                             static_cast<std::int32_t>(text.size()));
                }
                const std::string_view next = text.substr(begin, static_cast<std::size_t>(next_end) - begin);
                if (next.empty() || stop->second.find(next) == std::string::npos) {
                    break;
                }
            }
            begin = prev;
            ++chars;
        }
        // A verb or a document word before the code, with anything before it (执行国办发〔2019〕11号
        // → 国办发, 严格执行安监总管三〔2017〕121号 → 安监总管三): cut after the last such word.
        std::size_t code_begin = begin;
        for (const std::string& word : m_issuer_prefixes) {
            const std::string_view span = text.substr(begin, code_end - begin);
            const std::size_t at = span.rfind(word);
            if (at != std::string_view::npos && at + word.size() < span.size()) {
                code_begin = std::max(code_begin, begin + at + word.size());
            }
        }
        // The issuing body's name written right before its code (自治区安委办桂安办〔2018〕96号,
        // 交通运输部交运发〔2017〕57号): the code is what follows the name.
        RuleMatch body;
        if (m_issuer_body != nullptr &&
            find_rule(*m_issuer_body, text.substr(code_begin, code_end - code_begin), 0, body)) {
            code_begin += group_offset(text.substr(code_begin, code_end - code_begin), body.group("code"));
        }
        begin = code_begin;
        if (chars == 0) {
            continue;  // 〔2019〕6号 with no issuer: a fragment, not a citation
        }
        CitationMatch citation;
        citation.kind = "doc_number";
        citation.begin = begin;
        citation.end = match.end;
        DocNumber number;
        number.issuer_code = std::string(text.substr(begin, code_end - begin));
        number.year = year;
        number.serial = serial;
        number.text = format_doc_number(number.issuer_code, year, serial, match.has("ordinal"));
        citation.number = std::move(number);
        out.push_back(std::move(citation));
        // 〔2013〕1号、2号: the serials listed after it, of the same issuer and year.
        RuleMatch more;
        for (std::size_t at = match.end;
             m_serial_more != nullptr && find_rule(*m_serial_more, text.substr(at), 0, more) && more.begin == 0;
             at += more.end) {
            const long next_serial = std::atol(std::string(more.group("serial")).c_str());
            if (next_serial <= 0) {
                break;
            }
            CitationMatch next = out.back();
            next.begin = at + group_offset(text.substr(at), more.group("serial"));
            next.end = at + more.end;
            next.number->serial = next_serial;
            next.number->text = format_doc_number(next.number->issuer_code, year, next_serial, more.has("ordinal"));
            out.push_back(std::move(next));
        }
    }
    return out;
}

namespace {

// Only what joins the parts of a list: 、 , ; 和 及 与 and spaces.
bool only_joiners(std::string_view gap) {
    std::size_t i = 0;
    while (i < gap.size()) {
        if (gap[i] == ' ' || gap[i] == '\t' || gap[i] == ',' || gap[i] == ';') {
            ++i;
            continue;
        }
        std::size_t joined = 0;
        for (const std::string_view joiner : {"、", "和", "及", "与"}) {
            if (gap.substr(i).starts_with(joiner)) {
                joined = joiner.size();
                break;
            }
        }
        if (joined == 0) {
            return false;
        }
        i += joined;
    }
    return true;
}

}  // namespace

std::vector<CitationMatch> CitationRules::find(std::string_view text) const {
    std::vector<CitationMatch> numbers = find_doc_numbers(text);
    std::vector<CitationMatch> titles;
    std::vector<CitationMatch> recovered;  // damaged 文号 in the bracket after a title
    static constexpr std::string_view k_open = "《";
    static constexpr std::string_view k_close = "》";
    std::size_t pos = 0;
    while ((pos = text.find(k_open, pos)) != std::string_view::npos) {
        // Match the closing 》, letting nested 《》 stay inside.
        const std::size_t inner = pos + k_open.size();
        int depth = 1;
        std::size_t i = inner;
        while (i < text.size() && depth > 0 && i - inner <= k_max_title_bytes) {
            if (text.compare(i, k_open.size(), k_open) == 0) {
                ++depth;
                i += k_open.size();
            } else if (text.compare(i, k_close.size(), k_close) == 0) {
                --depth;
                i += depth == 0 ? 0 : k_close.size();
            } else {
                ++i;
            }
        }
        if (depth != 0 || i == inner) {
            pos = inner;  // never closed (or empty): not a title
            continue;
        }
        CitationMatch title;
        title.kind = "title";
        title.begin = inner;
        title.end = i;
        // 《…》(吉发[2013]12号) or 《…》【甘应急〔2022〕5号】: the title carries the 文号.
        std::size_t after = i + k_close.size();
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) {
            ++after;
        }
        std::size_t open_size = 0;
        if (after < text.size() && (text[after] == '(' || text[after] == '[')) {
            open_size = 1;
        } else if (text.compare(after, 3, "【") == 0) {
            open_size = 3;
        }
        // 《A》和《B》（国发〔2010〕23号、安委〔2011〕4号）: the bracket's 文号 go to the titles
        // chained before it, in order.
        std::vector<const CitationMatch*> listed;
        if (open_size > 0) {
            for (const CitationMatch& number : numbers) {
                if (number.begin > after && number.begin <= after + open_size + 3) {
                    const std::string_view between = text.substr(after + open_size, number.begin - after - open_size);
                    if (between.find_first_not_of(" \t") == std::string_view::npos) {
                        listed.push_back(&number);
                    }
                    continue;
                }
                if (!listed.empty() && number.begin > listed.back()->end &&
                    only_joiners(text.substr(listed.back()->end, number.begin - listed.back()->end))) {
                    listed.push_back(&number);
                } else if (!listed.empty()) {
                    break;
                }
            }
        }
        // 《…》（吉办发[2014]32）: a 文号 a scraper took its closing bracket or 号 from, alone in the
        // bracket after a title, is that title's (never in running text: citation.damaged_line).
        if (listed.empty() && open_size > 0 && m_damaged != nullptr) {
            const std::size_t from = after + open_size;
            const std::size_t close = open_size == 3       ? text.find("】", from)
                                      : text[after] == '(' ? text.find(')', from)
                                                           : text.find(']', from);
            bool damaged = false;
            const std::optional<DocNumber> number = close != std::string_view::npos && close - from <= k_longest_damaged
                                                        ? whole_doc_number(text.substr(from, close - from), &damaged)
                                                        : std::nullopt;
            if (number && damaged) {
                CitationMatch citation;
                citation.kind = "doc_number";
                citation.begin = from;
                citation.end = close;
                citation.number = number;
                title.doc_number = number->text;
                recovered.push_back(std::move(citation));
            }
        }
        std::size_t chained = 1;  // this title and the ones joined to it before
        while (chained < listed.size() && chained <= titles.size()) {
            const CitationMatch& before = titles[titles.size() - chained];
            const std::size_t gap_begin = before.end + k_close.size();
            const std::size_t gap_end =
                (chained == 1 ? title.begin : titles[titles.size() - chained + 1].begin) - k_open.size();
            if (gap_end < gap_begin || !only_joiners(text.substr(gap_begin, gap_end - gap_begin))) {
                break;
            }
            ++chained;
        }
        if (!listed.empty()) {
            const std::size_t first = titles.size() + 1 - chained;  // in titles, this title at titles.size()
            for (std::size_t k = 0; k < chained; ++k) {
                std::optional<std::string>& link =
                    first + k == titles.size() ? title.doc_number : titles[first + k].doc_number;
                if (!link) {
                    link = listed[chained == 1 ? 0 : k]->number->text;
                }
            }
        }
        titles.push_back(std::move(title));
        pos = inner;  // nested titles are not separate citations: skip past the whole title
        pos = i + k_close.size();
    }
    std::vector<CitationMatch> out;
    out.reserve(numbers.size() + titles.size());
    const auto by_position = [](const CitationMatch& a, const CitationMatch& b) { return a.begin < b.begin; };
    std::merge(titles.begin(), titles.end(), numbers.begin(), numbers.end(), std::back_inserter(out), by_position);
    if (!recovered.empty()) {
        const std::size_t middle = out.size();
        out.insert(out.end(), std::make_move_iterator(recovered.begin()), std::make_move_iterator(recovered.end()));
        std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(middle), out.end(), by_position);
    }
    return out;
}

std::optional<DocNumber> CitationRules::whole_doc_number(std::string_view text, bool* damaged) const {
    // Brackets around it, as some notices print it under the title: （吉政办发〔2019〕12号）.
    while (!text.empty() && (text.front() == ' ' || text.front() == '(')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == ')')) {
        text.remove_suffix(1);
    }
    // A 报告's or 请示's 文号 line also names who signed it: 黔应急〔2021〕12号　签发人：王某某.
    const std::size_t signer = text.find("签发人");
    if (signer != std::string_view::npos && signer > 0) {
        text = text.substr(0, signer);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
            text.remove_suffix(1);
        }
    }
    // So does a 明电's, with a labelled field before it across a wide gap: 等级：特急·明电　　
    // 陕政办发明电〔2015〕118号, 签发人：张三　　陕政办发〔2015〕118号 (not a label whose value the
    // 文号 is: 发文字号：　吉政发〔2019〕1号 is a web page's field).
    const std::size_t last_space = text.find_last_of(" \t");
    if (last_space != std::string_view::npos && last_space > 0 &&
        (text[last_space] == '\t' || text[last_space - 1] == ' ' || text[last_space - 1] == '\t')) {
        const std::string_view field = text.substr(0, text.find_last_not_of(" \t", last_space) + 1);
        if (field.find(':') != std::string_view::npos && !field.ends_with(":")) {
            text = text.substr(last_space + 1);
        }
    }
    if (text.size() > 80) {
        return std::nullopt;
    }
    std::vector<CitationMatch> numbers = find_doc_numbers(text);
    if (numbers.empty() && m_damaged != nullptr) {
        RuleMatch match;
        if (!find_rule(*m_damaged, text, 0, match)) {
            return std::nullopt;
        }
        const int year = std::atoi(std::string(match.group("year")).c_str());
        const std::string_view digits = match.has("serial") ? match.group("serial") : match.group("run");
        const long serial = std::atol(std::string(digits).c_str());
        if (!plausible_number(year, serial)) {
            return std::nullopt;
        }
        DocNumber number;
        number.issuer_code = std::string(match.group("code"));
        number.year = year;
        number.serial = serial;
        number.text = format_doc_number(number.issuer_code, year, serial, false);
        if (damaged != nullptr) {
            *damaged = true;
        }
        return number;
    }
    if (numbers.size() != 1 || numbers[0].begin != 0) {
        return std::nullopt;
    }
    std::string_view rest = text.substr(numbers[0].end);
    std::size_t gap = 0;
    while (gap < rest.size() && (rest[gap] == ' ' || rest[gap] == '\t')) {
        ++gap;
    }
    rest.remove_prefix(gap);
    // (Or the head's marks after a wide gap: 石安办明电〔2025〕41号　　等级：特急.)
    const bool marks = gap >= 2 && m_header_mark != nullptr && re2::RE2::FullMatch(rest, *m_header_mark);
    if (!rest.empty() && !marks) {
        return std::nullopt;
    }
    return numbers[0].number;
}

}  // namespace policy
