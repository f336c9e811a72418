#include "metadata.h"

#include <re2/re2.h>

#include <algorithm>

#include "deadlines.h"
#include "outline.h"
#include "rule_match.h"

namespace policy {
namespace {

// A line of a site's document table cut into its fields. Cells are parted by tabs; a field
// starts at each cell that is a label ending in ：, the cells after it up to the next label
// being its value. A row with no such label pairs its cells (索引号<TAB>X<TAB>主题分类<TAB>Y).
// A line without tabs is one field.
// Whether a field's label (文号：, 有 效 性：, 发布机构：) opens `text`: two to eight characters,
// none ASCII but spaces between them, then a colon.
bool opens_with_label(std::string_view text) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size() && characters <= 8;) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ':') {
            return characters >= 2;
        }
        if (c == ' ' && characters > 0) {
            ++i;
        } else if (c >= 0xE0 && c < 0xF0) {
            ++characters;
            i += 3;
        } else {
            return false;
        }
    }
    return false;
}

// The fields of a line of a web page's document table: cells parted by tabs, or fields set
// side by side with spaces between them (文　　号：X〔2017〕37号　　　有 效 性：有效).
std::vector<std::string_view> labelled_cells(std::string_view line) {
    if (line.find('\t') == std::string_view::npos) {
        std::vector<std::string_view> fields;
        std::size_t start = 0;
        for (std::size_t space = line.find(' '); space != std::string_view::npos;) {
            const std::size_t next = line.find_first_not_of(' ', space);
            if (next == std::string_view::npos) {
                break;
            }
            if (opens_with_label(line.substr(start)) && opens_with_label(line.substr(next)) &&
                line.substr(start, space - start).find(':') != std::string_view::npos) {
                fields.push_back(line.substr(start, space - start));
                start = next;
            }
            space = line.find(' ', next);
        }
        fields.push_back(line.substr(start));
        return fields;
    }
    std::vector<std::size_t> starts{0};  // where each cell begins
    for (std::size_t tab = line.find('\t'); tab != std::string_view::npos; tab = line.find('\t', tab + 1)) {
        starts.push_back(tab + 1);
    }
    auto cell = [&](std::size_t k) {
        const std::size_t end = k + 1 < starts.size() ? starts[k + 1] - 1 : line.size();
        std::string_view text = line.substr(starts[k], end - starts[k]);
        while (!text.empty() && text.back() == ' ') {
            text.remove_suffix(1);
        }
        return text;
    };
    // A cell opening a field: its label alone (文件编号：) or the label with its value
    // (发文字号：杭安办〔2024〕9号<TAB>发布日期：2024-04-29).
    auto is_label = [&](std::size_t k) {
        const std::string_view text = cell(k);
        return (text.size() > 1 && text.size() <= 30 && text.back() == ':') || opens_with_label(text);
    };
    bool labelled = false;
    for (std::size_t k = 0; k < starts.size() && !labelled; ++k) {
        labelled = is_label(k);
    }
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (std::size_t k = 1; k < starts.size(); ++k) {
        if (labelled ? is_label(k) : k % 2 == 0) {
            fields.push_back(line.substr(start, starts[k] - 1 - start));
            start = starts[k];
        }
    }
    fields.push_back(line.substr(start));
    return fields;
}

constexpr std::size_t k_head_search = 40;  // paragraphs searched for the title
constexpr std::size_t k_short_line = 300;  // bytes: longer paragraphs are not titles or names
// A page's headline repeats the title at most this many paragraphs above the notice's own.
constexpr std::size_t k_headline_reach = 12;
constexpr std::size_t k_page_end_reach = 40;  // paragraphs from the end searched for 相关链接
// The rest of an attachment's title wrapped onto a line of its own is at most this long (bytes).
constexpr std::size_t k_wrapped_title_rest_bytes = 60;
constexpr std::size_t k_longest_headline = 150;  // bytes of a numbered headline in a page's list

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

// The ISO date of a match's year, month and day groups ("" when it is no date).
std::string iso_date_of(const RuleMatch& match) {
    // (A rule's second form names its groups year2, month2, day2: 2019.3.22 beside 2019年3月22日.)
    // (In Chinese numerals too: 二〇〇六年三月二日印发.)
    auto number = [&](const std::string& group) {
        const std::string_view value = match.has(group) ? match.group(group) : match.group(group + "2");
        if (!value.empty() && (value.front() < '0' || value.front() > '9')) {
            return group == "year" ? parse_chinese_year(value) : parse_chinese_numeral(value);
        }
        return std::atoi(std::string(value).c_str());
    };
    return iso_date(number("year"), number("month"), number("day"));
}

// The year a title names (2019年工作要点 → 2019). A span of years (实施方案（2023—2025年）)
// gives `issued_year` when it falls inside the span, else the span's first year: its
// undated limits (年底前) are the first year's.
int year_in(std::string_view text, int issued_year) {
    static const re2::RE2 k_year("((?:19|20)\\d{2})\\s*年");
    static const re2::RE2 k_span("((?:19|20)\\d{2})\\s*年?\\s*(?:-|—|–|~|～|至|到)+\\s*((?:19|20)\\d{2})\\s*年");
    re2::StringPiece first;
    re2::StringPiece last;
    if (re2::RE2::PartialMatch(text, k_span, &first, &last)) {
        const int from = std::atoi(std::string(first).c_str());
        const int to = std::atoi(std::string(last).c_str());
        return issued_year >= from && issued_year <= to ? issued_year : from;
    }
    if (re2::RE2::PartialMatch(text, k_year, &first)) {
        return std::atoi(std::string(first).c_str());
    }
    return 0;
}

}  // namespace

bool ends_sentence(std::string_view text) {
    static constexpr std::string_view k_ends[] = {"。", "；", "：", "！", "？", "）", "」", "』", "】", "…", "〕", "”"};
    if (text.empty()) {
        return false;
    }
    const char last = text.back();
    if (last == '.' || last == ';' || last == ':' || last == '!' || last == '?' || last == ')') {
        return true;
    }
    for (const std::string_view end : k_ends) {
        if (text.ends_with(end)) {
            return end != "”" || text.size() > 3;
        }
    }
    return false;
}

namespace {

// Whether `text` is entry `number` of a list (2.… / 2、…), short and no sentence.
// The rest of a list entry's title that a wrap set on a line of its own (（2024—2026年）, 联络员名单):
// short, no sentence, no number of its own.
bool is_wrapped_title_rest(std::string_view text) {
    return !text.empty() && text.size() <= k_wrapped_title_rest_bytes && text.find("。") == std::string_view::npos &&
           !(text.front() >= '0' && text.front() <= '9');
}

bool is_list_entry(std::string_view text, unsigned number) {
    const std::string digits = std::to_string(number);
    if (!text.starts_with(digits) || text.size() >= k_short_line || text.find("。") != std::string_view::npos) {
        return false;
    }
    std::string_view rest = text.substr(digits.size());
    while (!rest.empty() && rest.front() == ' ') {
        rest.remove_prefix(1);
    }
    return rest.starts_with(".") || rest.starts_with("、");
}

// Whether `short_form` abbreviates `full`: it is shorter, at least three characters, opens and
// ends with the same characters and keeps the rest in order (发展改革委 / 发展和改革委员会,
// 省安委会办公室 / 省安全生产委员会办公室); a country's name opening the full one may go
// (民航华东地区管理局 / 中国民用航空华东地区管理局), and so may the places opening it
// (插甸乡人民政府 / 武定县插甸乡人民政府: `places` matches what goes).
bool abbreviates(std::string_view short_form, std::string_view full, const re2::RE2& places) {
    if (short_form.size() >= full.size() || short_form.size() < 9) {
        return false;
    }
    if (full.ends_with(short_form) &&
        re2::RE2::FullMatch(re2::StringPiece(full.data(), full.size() - short_form.size()), places)) {
        return true;
    }
    for (const std::string_view country : {std::string_view("中华人民共和国"), std::string_view("中国")}) {
        if (full.starts_with(country) && !short_form.starts_with(country)) {
            return abbreviates(short_form, full.substr(country.size()), places);
        }
    }
    auto next = [](std::string_view text, std::size_t pos) {
        std::size_t end = pos + 1;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            ++end;
        }
        return end;
    };
    const std::size_t first = next(short_form, 0);
    if (full.substr(0, first) != short_form.substr(0, first)) {
        return false;
    }
    std::size_t last = short_form.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(short_form[last]) & 0xC0) == 0x80) {
        --last;
    }
    if (!full.ends_with(short_form.substr(last))) {
        return false;
    }
    std::size_t at = 0;  // in full
    for (std::size_t pos = 0; pos < short_form.size();) {
        const std::size_t end = next(short_form, pos);
        const std::size_t found = full.find(short_form.substr(pos, end - pos), at);
        if (found == std::string_view::npos) {
            return false;
        }
        at = found + (end - pos);
        pos = end;
    }
    return true;
}

}  // namespace

Result<MetadataRules> MetadataRules::create(const Grammar& grammar) {
    POLICY_TRY_VOID(
        grammar.require({"meta.title_about", "meta.doc_type_end", "meta.org_line", "meta.place_prefix", "meta.date",
                         "meta.date_cn", "meta.printed", "meta.cc", "meta.recipients", "meta.attachment", "meta.chrome",
                         "lines.paragraph_start", "meta.field_doc_number", "meta.field_date", "meta.field_issuer",
                         "meta.field_title", "meta.title_issuer", "meta.aside", "meta.page_end"}));
    MetadataRules rules;
    rules.m_title_about = &grammar.rule("meta.title_about");
    rules.m_doc_type_end = &grammar.rule("meta.doc_type_end");
    rules.m_org_line = &grammar.rule("meta.org_line");
    rules.m_place_prefix = &grammar.rule("meta.place_prefix");
    rules.m_date = &grammar.rule("meta.date");
    rules.m_date_cn = &grammar.rule("meta.date_cn");
    rules.m_date_compact = grammar.optional_rule("meta.date_compact");
    rules.m_printed = &grammar.rule("meta.printed");
    rules.m_cc = &grammar.rule("meta.cc");
    rules.m_level = grammar.optional_rule("dept.level");
    rules.m_recipients = &grammar.rule("meta.recipients");
    rules.m_attachment = &grammar.rule("meta.attachment");
    rules.m_aside = &grammar.rule("meta.aside");
    rules.m_closing = grammar.optional_rule("meta.closing");
    rules.m_field_line = grammar.optional_rule("meta.field_line");
    rules.m_page_end = &grammar.rule("meta.page_end");
    rules.m_attachment_list = grammar.optional_rule("meta.attachment_list");
    rules.m_attachment_heading = grammar.optional_rule("meta.attachment_heading");
    rules.m_outline_first = grammar.optional_rule("meta.outline_first");
    rules.m_printed_loose = grammar.optional_rule("meta.printed_loose");
    rules.m_head_dated = grammar.optional_rule("meta.head_dated");
    rules.m_addressee_end = grammar.optional_rule("meta.addressee_end");
    rules.m_yearly_plan = grammar.optional_rule("meta.yearly_plan");
    rules.m_seal = grammar.optional_rule("meta.seal");
    rules.m_task_label = grammar.optional_rule("meta.task_label");
    rules.m_link_item = grammar.optional_rule("meta.link_item");
    rules.m_limit_line = grammar.optional_rule("meta.limit_line");
    rules.m_chrome = &grammar.rule("meta.chrome");
    rules.m_outline_start = &grammar.rule("lines.paragraph_start");
    rules.m_field_doc_number = &grammar.rule("meta.field_doc_number");
    rules.m_field_date = &grammar.rule("meta.field_date");
    rules.m_field_issuer = &grammar.rule("meta.field_issuer");
    rules.m_field_title = &grammar.rule("meta.field_title");
    rules.m_title_issuer = &grammar.rule("meta.title_issuer");
    return rules;
}

bool MetadataRules::is_printed(std::string_view text) const {
    return re2::RE2::PartialMatch(text, *m_printed) ||
           (m_printed_loose != nullptr && re2::RE2::PartialMatch(text, *m_printed_loose));
}

std::string_view MetadataRules::without_seal(std::string_view text) const {
    re2::StringPiece mark;
    if (m_seal == nullptr || text.size() > 240 || text.empty() ||
        (text.back() != ')' && !text.ends_with("】") && text.back() != ']') ||
        !m_seal->Match(text, 0, text.size(), re2::RE2::UNANCHORED, &mark, 1)) {
        return text;
    }
    return text.substr(0, static_cast<std::size_t>(mark.data() - text.data()));
}

bool MetadataRules::is_org_line(std::string_view text) const {
    text = without_seal(text);
    if (text.size() > 200) {
        return false;
    }
    if (text.ends_with("文件") && re2::RE2::FullMatch(text.substr(0, text.size() - 6), *m_org_line)) {
        return true;
    }
    // Several bodies on one line, separated by spaces (a joint signature).
    std::size_t pos = 0;
    bool any = false;
    while (pos < text.size()) {
        while (pos < text.size() && is_space(text[pos])) {
            ++pos;
        }
        std::size_t end = pos;
        while (end < text.size() && !is_space(text[end])) {
            ++end;
        }
        if (end > pos) {
            if (!re2::RE2::FullMatch(without_seal(text.substr(pos, end - pos)), *m_org_line)) {
                return false;
            }
            any = true;
        }
        pos = end;
    }
    return any;
}

std::optional<std::pair<std::size_t, std::string>> MetadataRules::dated_org_line(std::string_view text) const {
    RuleMatch match;
    if (m_head_dated == nullptr || text.size() > 200 || !find_rule(*m_head_dated, text, 0, match)) {
        return std::nullopt;
    }
    const std::string date = iso_date_of(match);
    const std::string_view org = match.group("org");
    if (date.empty() || !is_org_line(org)) {
        return std::nullopt;
    }
    return std::make_pair(group_offset(text, org) + org.size(), date);
}

bool MetadataRules::is_closing(std::string_view text) const {
    return m_closing != nullptr && text.size() < 2000 && re2::RE2::PartialMatch(text, *m_closing);
}

bool MetadataRules::is_attachment_line(std::string_view text) const {
    return re2::RE2::PartialMatch(text, *m_attachment);
}

bool MetadataRules::is_field_line(std::string_view text) const {
    return m_field_line != nullptr && text.size() < 600 && re2::RE2::PartialMatch(text, *m_field_line);
}

bool MetadataRules::is_title_field(std::string_view text) const {
    return text.size() < 600 && re2::RE2::PartialMatch(text, *m_field_title);
}

bool MetadataRules::is_chrome(std::string_view text) const {
    return text.size() < 200 && re2::RE2::PartialMatch(text, *m_chrome);
}

// The longest 文号 (bytes) read at the head of a line it was run into.
constexpr std::size_t k_longest_run_on_number = 60;
// …and the longest run of addressees after it, up to their colon.
constexpr std::size_t k_longest_run_on_recipients = 240;
std::optional<std::string> MetadataRules::date_line(std::string_view text) const {
    text = without_seal(text);
    RuleMatch match;
    if (find_rule(*m_date, text, 0, match)) {
        const std::string date = iso_date_of(match);
        return date.empty() ? std::nullopt : std::optional<std::string>(date);
    }
    if (m_date_compact != nullptr && find_rule(*m_date_compact, text, 0, match)) {
        const std::string date = iso_date_of(match);
        return date.empty() ? std::nullopt : std::optional<std::string>(date);
    }
    if (find_rule(*m_date_cn, text, 0, match)) {
        const std::string date =
            iso_date(parse_chinese_year(match.group("year")), parse_chinese_numeral(match.group("month")),
                     parse_chinese_numeral(match.group("day")));
        return date.empty() ? std::nullopt : std::optional<std::string>(date);
    }
    return std::nullopt;
}

Layout MetadataRules::layout(const std::vector<Paragraph>& paragraphs, const CitationRules& citations) const {
    Layout layout;
    const std::size_t n = paragraphs.size();
    layout.body_end = n;
    std::size_t head_limit = std::min(n, k_head_search);
    // The title comes before the outline (a 关于…的通知 after it is another notice's: a web
    // page's related link).
    for (std::size_t i = 0; m_outline_first != nullptr && i < head_limit; ++i) {
        if (re2::RE2::PartialMatch(paragraphs[i].text, *m_outline_first)) {
            head_limit = i;
            break;
        }
    }
    auto text = [&](std::size_t i) -> std::string_view { return paragraphs[i].text; };
    // The last entry of the attachment list that paragraph `i` opens (附件：1．… / 2．… / 3．…): the
    // entries after the first, numbered on (all of them when the label stands alone: 附件： /
    // 1．… / 2．…); `i` itself when it opens none.
    auto attachment_list_end = [&](std::size_t i) {
        if (m_attachment_list != nullptr && re2::RE2::PartialMatch(text(i), *m_attachment_list)) {
            const unsigned first = text(i).ends_with(':') ? 1 : 2;
            for (unsigned next = first; i + 1 < n; ++next) {
                if (is_list_entry(text(i + 1), next)) {
                    ++i;
                } else if (i + 2 < n && is_wrapped_title_rest(text(i + 1)) && is_list_entry(text(i + 2), next)) {
                    i += 2;  // an entry's title wrapped onto a line of its own: 1．…实施方案 / （2024—2026年） / 2．…
                } else {
                    break;
                }
            }
        }
        return i;
    };
    // (A title's closing bracket ends no sentence: …实施方案（2020—2022年）, …办法（试行）.)
    auto titleish = [&](std::size_t i) {
        const std::string_view t = text(i);
        return t.size() < k_short_line &&
               (!ends_sentence(t) || (t.back() == ')' && re2::RE2::PartialMatch(t, *m_doc_type_end))) && !is_chrome(t);
    };

    // The title: 关于…的通知, possibly over up to three short lines. A site's document table
    // (标题：关于…的通知) gives it only when the page does not repeat it above the text.
    auto field = [&](std::size_t i) { return re2::RE2::PartialMatch(text(i), *m_field_title); };
    // (A line of the title may end in a quoted phrase: 关于印发大连市2016年安全生产“打非治违” /
    // 专项行动实施方案的通知.)
    auto title_line = [&](std::size_t i) {
        const std::string_view t = text(i);
        return titleish(i) || (t.size() < k_short_line && t.ends_with("”") && !is_chrome(t));
    };
    for (std::size_t pass = 0; pass < 2 && layout.title_first == k_none; ++pass) {
        for (std::size_t i = 0; i < head_limit && layout.title_first == k_none; ++i) {
            if (!title_line(i) || (pass == 0 && field(i))) {
                continue;
            }
            std::string joined;
            for (std::size_t k = i; k < std::min(n, i + 3); ++k) {
                if (!title_line(k) || (k > i && re2::RE2::PartialMatch(text(k), *m_outline_start))) {
                    break;
                }
                joined += text(k);
                if (joined.find("关于") != std::string::npos && re2::RE2::PartialMatch(joined, *m_title_about)) {
                    layout.title_first = i;
                    layout.title_last = k;
                    // (关于印发 / 2019年工作要点 / 的通知: a line of 的… that ends it goes on it.)
                    if (k + 1 < n && text(k + 1).starts_with("的") && titleish(k + 1) &&
                        re2::RE2::PartialMatch(joined + std::string(text(k + 1)), *m_title_about)) {
                        layout.title_last = k + 1;
                    }
                    break;
                }
                if (joined.find("关于") == std::string::npos) {
                    break;
                }
            }
        }
    }
    // Else a plan-like title line (…工作要点, …方案).
    if (layout.title_first == k_none) {
        for (std::size_t i = 0; i < head_limit; ++i) {
            if (titleish(i) && text(i).size() >= 12 && !is_org_line(text(i)) &&
                !re2::RE2::PartialMatch(text(i), *m_outline_start) &&
                re2::RE2::PartialMatch(text(i), *m_doc_type_end)) {
                layout.title_first = layout.title_last = i;
                break;
            }
        }
    }
    // A page's headline above the notice's own head says the title first (关于… / 发布时间：… /
    // 【字体：大 中 小】 / 信阳市农业农村局 / 关于…): the notice begins at the title said again, after
    // nothing but chrome, field lines, issuers and the own 文号 (set above the title, GB/T 9704).
    if (layout.title_first != k_none && layout.title_first == layout.title_last) {
        // (The headline may open with the issuer the head sets on a line of its own, or name it
        // shorter: 青秀区安委办关于印发… above 南宁市青秀区安委办关于印发…; the words from 关于 on agree.)
        const auto about = [](std::string_view t) {
            const std::size_t at = t.find("关于");
            return at == std::string_view::npos ? std::string_view() : t.substr(at);
        };
        // (Or words it differently, when the page's own lines — 发布时间, 来源, 索引号… — part it from
        // the head: a 关于…的通知 line after them is the notice's title.)
        bool after_page_lines = false;
        for (std::size_t k = layout.title_last + 1; k < std::min(n, layout.title_last + k_headline_reach); ++k) {
            if (text(k) == text(layout.title_first) ||
                (text(k).starts_with("关于") && text(layout.title_first).ends_with(text(k))) ||
                (!about(text(k)).empty() && about(text(k)) == about(text(layout.title_first))) ||
                (after_page_lines && !is_field_line(text(k)) && text(k).size() < k_longest_headline &&
                 !about(text(k)).empty() && re2::RE2::PartialMatch(text(k), *m_title_about))) {
                layout.title_first = layout.title_last = k;
                break;
            }
            if (!is_chrome(text(k)) && !is_field_line(text(k)) && !is_org_line(text(k)) &&
                !citations.whole_doc_number(text(k))) {
                break;
            }
            after_page_lines = after_page_lines || is_chrome(text(k)) || is_field_line(text(k));
        }
    }
    const std::size_t title = layout.title_first;

    // The notice's own 文号: a line of its own near the title.
    // (A web page's chrome and document table between them do not count: 发布时间：… / 索引号：….)
    std::size_t number_limit = head_limit;
    if (title != k_none) {
        number_limit = layout.title_last + 1;
        for (std::size_t counted = 0; number_limit < n && counted < 4; ++number_limit) {
            counted += is_chrome(text(number_limit)) || is_field_line(text(number_limit)) ? 0 : 1;
        }
    }
    for (std::size_t i = 0; i < number_limit; ++i) {
        if (citations.whole_doc_number(text(i))) {
            layout.doc_number = i;
            break;
        }
    }

    // Where the notice starts: its head issuers, 文号 or title, whichever comes first.
    if (title != k_none) {
        std::size_t first = title;
        for (std::size_t i = title; i-- > 0;) {
            if (is_org_line(text(i)) || i == layout.doc_number) {
                first = i;
            } else {
                break;
            }
        }
        if (layout.doc_number != k_none) {
            first = std::min(first, layout.doc_number);
        }
        layout.body_begin = first;
    } else {
        std::size_t first = 0;
        while (first < head_limit && is_chrome(text(first))) {
            ++first;
        }
        layout.body_begin = first < n ? first : 0;
    }

    // An attachment's heading alone on its line (附件1): the lines after it are the attachment's,
    // a table's rows with no full stop too (1　煤矿　《煤矿重大事故隐患判定标准》　…), not junk.
    std::size_t attachment_from = n;
    for (std::size_t i = n; m_attachment_heading != nullptr && i-- > layout.body_begin + 1;) {
        if (re2::RE2::FullMatch(text(i), *m_attachment_heading)) {
            attachment_from = i + 1;
            break;
        }
    }
    // Where the main text ends: walk back over the 版记 (抄送, 印发, signature) and chrome.
    auto walk_back = [&](std::size_t end) {
        while (end > layout.body_begin + 1) {
            const std::string_view t = text(end - 1);
            const bool footer = t.size() < k_short_line &&
                                (is_org_line(t) || date_line(t) || is_printed(t) || re2::RE2::PartialMatch(t, *m_cc) ||
                                 re2::RE2::PartialMatch(t, *m_attachment));
            // A task's labelled line (责任单位：…) is body, though it ends in no full stop, and so is
            // a row of a table (cells parted by tabs) or one ending in a time limit (a table's last
            // column: 2019年4月底前).
            const bool junk = is_chrome(t) || (!ends_sentence(t) && end - 1 < attachment_from &&
                                               !re2::RE2::PartialMatch(t, *m_outline_start) &&
                                               !(m_task_label != nullptr && re2::RE2::PartialMatch(t, *m_task_label)) &&
                                               !(m_limit_line != nullptr && re2::RE2::PartialMatch(t, *m_limit_line)) &&
                                               t.find('\t') == std::string_view::npos);
            if (!footer && !junk) {
                break;
            }
            --end;
        }
        return end;
    };
    std::size_t end = walk_back(n);
    // A web page's list of related links (相关链接：, 热点排行) ends the notice, with whatever it
    // lists (titles and 文号 of other notices): the first such heading of the page's last ones,
    // when no outline follows it (a page may have two lists, one in its frame) but the list's own
    // numbered entries (1.关于…的通知（2014-03-20）, 1.我省召开全省安全生产电视电话会议: a headline,
    // no sentence). So do the 版记's 印发 line and the page's chrome right after the signature
    // (2022年4月22日 / 【打印本页】【关闭窗口】): what follows them is the page's.
    auto headline = [&](std::string_view t) {
        return t.size() <= k_longest_headline && t.find("。") == std::string_view::npos &&
               t.find(';') == std::string_view::npos && !t.ends_with(")");
    };
    auto after_signature = [&](std::size_t i) {
        const std::string_view before = text(i - 1);
        return date_line(before).has_value() || is_printed(before) || re2::RE2::PartialMatch(before, *m_cc);
    };
    const std::size_t links_from = end;
    for (std::size_t i = links_from; i-- > layout.body_begin + 1 && links_from - i <= k_page_end_reach;) {
        const std::string_view t = text(i);
        if (re2::RE2::PartialMatch(t, *m_outline_start) &&
            !(m_link_item != nullptr && re2::RE2::PartialMatch(t, *m_link_item)) &&
            (end < links_from || !headline(t))) {
            break;
        }
        const bool attachments_follow = m_attachment_heading != nullptr && i + 1 < links_from &&
                                        re2::RE2::FullMatch(text(i + 1), *m_attachment_heading);
        if (re2::RE2::PartialMatch(t, *m_page_end) || (is_printed(t) && !attachments_follow) ||
            (is_chrome(t) && after_signature(i))) {
            end = i;
        }
    }
    layout.body_end = end < links_from ? walk_back(end) : end;

    // The date of signing: the first date-only line after the title (or the first line of a
    // signing body with its date).
    for (std::size_t i = title == k_none ? layout.body_begin : layout.title_last + 1; i < n; ++i) {
        if (text(i).size() < 64 && (date_line(text(i)) || dated_org_line(text(i)))) {
            layout.signature_date = i;
            break;
        }
    }

    // The plan's own title, after the cover letter: a short title line before the outline.
    const std::size_t plan_from = title == k_none ? n : layout.title_last + 1;
    for (std::size_t i = plan_from; i < std::min(layout.body_end, plan_from + 60); ++i) {
        if (re2::RE2::PartialMatch(text(i), *m_attachment)) {
            // After the signature, 附件1：…方案 opens the plan with its title on the same line.
            const std::size_t colon = text(i).find(':');
            if (layout.signature_date != k_none && i > layout.signature_date && colon != std::string_view::npos &&
                colon <= 12) {
                const std::string_view rest = text(i).substr(colon + 1);
                if (rest.size() >= 12 && rest.size() < k_short_line && !ends_sentence(rest) &&
                    re2::RE2::PartialMatch(rest, *m_doc_type_end)) {
                    layout.plan_title = i;
                    layout.plan_title_begin = colon + 1;
                    break;
                }
            }
            // 附件：…工作要点 names the plan that follows; it is not its title, nor are the list's
            // other entries (附件：1．…方案 / 2．…报名表).
            i = attachment_list_end(i);
            continue;
        }
        if (is_field_line(text(i)) || field(i) || (title != k_none && text(i) == text(title))) {
            continue;  // a page's document table (文号：… / 名称：…的通知), the title again: not the plan's
        }
        // (The notice's own 文号 and a page's 发布日期 line, which may come after the title,
        // open paragraphs as the outline does.)
        if (i > plan_from && i != layout.doc_number && !date_line(text(i)) && !is_chrome(text(i)) &&
            re2::RE2::PartialMatch(text(i), *m_outline_start)) {
            break;  // the outline has begun: no plan title after this
        }
        if (titleish(i) && text(i).size() >= 12 && !is_org_line(text(i)) &&
            re2::RE2::PartialMatch(text(i), *m_doc_type_end) && !date_line(text(i))) {
            layout.plan_title = i;
            break;
        }
    }

    // 主送: the line ending in ： right after the title or 文号.
    if (title != k_none) {
        const std::size_t from = std::max(layout.title_last, layout.doc_number == k_none ? 0 : layout.doc_number) + 1;
        for (std::size_t i = from; i < std::min(n, from + 3); ++i) {
            if (re2::RE2::FullMatch(text(i), *m_recipients) && !re2::RE2::PartialMatch(text(i), *m_outline_start) &&
                !is_chrome(text(i))) {
                layout.recipients = i;
                break;
            }
        }
    }

    // Lines that end a task's run of paragraphs. Signatures, dates and 版记 lines are short.
    for (std::size_t i = layout.body_begin; i < n; ++i) {
        const std::string_view t = text(i);
        bool stop = i == layout.plan_title;
        if (t.size() < k_short_line) {
            if (is_printed(t)) {
                layout.printed = layout.printed == k_none ? i : layout.printed;
                stop = true;
            } else if (re2::RE2::PartialMatch(t, *m_cc)) {
                layout.cc = layout.cc == k_none ? i : layout.cc;
                stop = true;
            } else {
                stop = stop || is_org_line(t) || date_line(t) || is_chrome(t) ||
                       re2::RE2::PartialMatch(t, *m_attachment) || re2::RE2::PartialMatch(t, *m_aside);
            }
        }
        if (stop) {
            layout.stops.push_back(i);
        }
        // 附件：1.… / 2.… / 3.…: the entries after the first, numbered on, are the list's.
        for (const std::size_t last = attachment_list_end(i); i < last;) {
            ++i;
            layout.stops.push_back(i);
            layout.listed.push_back(i);
        }
    }
    return layout;
}

void MetadataRules::split_list(const std::vector<Paragraph>& paragraphs, std::size_t index, std::size_t begin,
                               std::size_t end, std::vector<TextSpan>& out) const {
    const std::string_view t = paragraphs[index].text;
    // Commas separate the entries where there are any (各市、州党委和人民政府,长白山开发区);
    // 、 separates a list without commas, and whole names among commas.
    const std::string_view list = t.substr(begin, end - begin);
    const bool commas = list.find(',') != std::string_view::npos || list.find(';') != std::string_view::npos;
    std::size_t pos = begin;
    while (pos < end) {
        std::size_t next = end;
        std::size_t skip = 0;
        int depth = 0;
        std::size_t part = pos;  // after the last 、 kept inside the entry
        for (std::size_t i = pos; i < end; ++i) {
            if (t[i] == '(') {
                ++depth;
            } else if (t[i] == ')') {
                depth = std::max(0, depth - 1);
            } else if (depth == 0 && (t[i] == ',' || t[i] == ';')) {
                next = i;
                skip = 1;
                break;
            } else if (depth == 0 && t.compare(i, 3, "、") == 0) {
                // (Levels of government share the name after them: 各省、自治区、直辖市应急管理厅.)
                // Among commas, 、 parts whole names only, each opening as the one before does
                // (…，中国石油天然气集团有限公司、中国石油化工集团有限公司; 县委办、县人大办), not levels or
                // what a 各 distributes over (各市、州党委和人民政府，…; 各市应急管理局、财政局，…;
                // 市政府各委、办、局，…), nor names that share the place before them (北京市水务局、
                // 城市管理委员会).
                const std::string_view piece = t.substr(part, i - part);
                const std::string_view opening = piece.substr(0, std::min<std::size_t>(piece.size(), 3));
                if ((m_level != nullptr && re2::RE2::FullMatch(piece, *m_level)) ||
                    (commas &&
                     (t.compare(pos, 3, "各") == 0 || piece.find("各") != std::string_view::npos ||
                      t.compare(i + 3, opening.size(), opening) != 0 || !re2::RE2::FullMatch(piece, *m_org_line)))) {
                    part = i + 3;
                    continue;
                }
                next = i;
                skip = 3;
                break;
            }
        }
        std::size_t b = pos;
        std::size_t e = next;
        while (b < e && is_space(t[b])) {
            ++b;
        }
        while (e > b && is_space(t[e - 1])) {
            --e;
        }
        if (e > b) {
            out.push_back({index, b, e});
        }
        pos = next + skip;
    }
}

Metadata MetadataRules::metadata(const std::vector<Paragraph>& paragraphs, const Layout& layout,
                                 const CitationRules& citations) const {
    Metadata meta;
    auto text = [&](std::size_t i) -> std::string_view { return paragraphs[i].text; };
    if (layout.title_first != k_none) {
        for (std::size_t i = layout.title_first; i <= layout.title_last; ++i) {
            RuleMatch label;  // 标题：关于…的通知 in a site's document table
            std::size_t begin = find_rule(*m_field_title, text(i), 0, label, false) ? label.end : 0;
            // Joint issuers over the title's first lines (甲厅 乙委 / 丙厅关于印发…的通知): the
            // title read from its first line would name only the last of them; it is read from
            // 关于.
            RuleMatch issuers;
            if (i == layout.title_first && begin == 0 && i > 0 && is_org_line(text(i - 1)) &&
                find_rule(*m_title_issuer, text(i), 0, issuers, false)) {
                const std::size_t about = text(i).find("关于");
                begin = about == std::string_view::npos ? 0 : about;
            }
            meta.title.push_back({i, begin, text(i).size()});
        }
    }
    if (layout.plan_title != k_none) {
        meta.plan_title.push_back({layout.plan_title, layout.plan_title_begin, text(layout.plan_title).size()});
    }
    if (layout.doc_number != k_none) {
        bool damaged = false;
        meta.doc_number = citations.whole_doc_number(text(layout.doc_number), &damaged);
        if (damaged) {
            // (No citation is found in a damaged line: it is cited from here, as a web page's
            // document table's 文号 is.)
            meta.field_doc_number = TextSpan{layout.doc_number, 0, text(layout.doc_number).size()};
        }
    }
    std::size_t run_on_number = k_none;  // the line the 文号 was run into
    if (layout.doc_number == k_none && layout.title_last != k_none) {
        // A 文号 run into the 主送 after it, where a copy kept no break between them (潭县政办发
        // 〔2023〕21号各乡镇人民政府，县直机关各单位：…): a line near the title opens with it, and
        // what follows up to the first colon names addressees.
        for (std::size_t i = layout.title_last + 1, counted = 0; i < paragraphs.size() && counted < 3; ++i) {
            const std::string_view t = text(i);
            if (is_chrome(t) || is_field_line(t)) {
                continue;
            }
            ++counted;
            const std::size_t mark = t.find("号");
            const std::size_t colon = mark == std::string_view::npos ? mark : t.find(':', mark);
            if (colon == std::string_view::npos || mark >= k_longest_run_on_number ||
                colon - mark > k_longest_run_on_recipients) {
                continue;
            }
            const std::string_view addressees = t.substr(mark + 3, colon - mark - 3);
            const bool named =
                addressees.find("。") == std::string_view::npos && ends_with_rule(addressees, m_addressee_end);
            if (named && (meta.doc_number = citations.whole_doc_number(t.substr(0, mark + 3)))) {
                run_on_number = i;
                break;
            }
        }
    }

    auto add_orgs = [&](std::size_t i, std::size_t line_end = std::string_view::npos) {
        const std::string_view t = without_seal(text(i).substr(0, line_end));
        std::size_t end = t.size();
        if (t.ends_with("文件") && !re2::RE2::FullMatch(t, *m_org_line)) {
            end -= 6;
        }
        std::size_t pos = 0;
        while (pos < end) {
            while (pos < end && is_space(t[pos])) {
                ++pos;
            }
            std::size_t e = pos;
            while (e < end && !is_space(t[e])) {
                ++e;
            }
            if (e > pos) {
                const std::string_view name = without_seal(t.substr(pos, e - pos));
                // The same body again, or its short form in the signature (国务院安全生产委员会办公室
                // at the head, 国务院安委会办公室 signing); not a seal's mark alone, set apart.
                const bool seen =
                    name.empty() || std::any_of(meta.issuers.begin(), meta.issuers.end(), [&](const TextSpan& s) {
                        const std::string_view other = text(s.paragraph).substr(s.begin, s.end - s.begin);
                        return other == name || abbreviates(name, other, *m_place_prefix) ||
                               abbreviates(other, name, *m_place_prefix);
                    });
                if (!seen) {
                    meta.issuers.push_back({i, pos, pos + name.size()});
                }
            }
            pos = e;
        }
    };
    // Head issuers: the bodies named above the title.
    if (layout.title_first != k_none) {
        std::vector<std::size_t> head;
        for (std::size_t i = layout.title_first; i-- > layout.body_begin;) {
            if (is_org_line(text(i))) {
                head.push_back(i);
            } else if (i != layout.doc_number) {
                break;
            }
        }
        std::reverse(head.begin(), head.end());
        for (const std::size_t i : head) {
            add_orgs(i);
        }
    }
    // Signature: the bodies right above the date of signing.
    if (layout.signature_date != k_none) {
        meta.issued = date_line(text(layout.signature_date));
        const auto dated_org = meta.issued ? std::nullopt : dated_org_line(text(layout.signature_date));
        if (dated_org) {
            meta.issued = dated_org->second;
        }
        std::vector<std::size_t> signature;
        for (std::size_t i = layout.signature_date; i-- > 0 && signature.size() < 6;) {
            if (is_org_line(text(i))) {
                signature.push_back(i);
            } else if (!text(i).empty() && without_seal(text(i)).empty()) {
                continue;  // a seal's mark on a line of its own
            } else {
                break;
            }
        }
        std::reverse(signature.begin(), signature.end());
        for (const std::size_t i : signature) {
            add_orgs(i);
        }
        if (dated_org) {
            add_orgs(layout.signature_date, dated_org->first);
        }
    }
    // A gazette's reprint (政府公报) sets the date of signing in brackets on a line of its own
    // under the title or its 文号 ((2021年5月10日)), and no signature block.
    for (std::size_t i = layout.title_last + 1;
         !meta.issued && layout.title_last != k_none && i < paragraphs.size() && i <= layout.title_last + 2; ++i) {
        const std::string_view t = text(i);
        if (t.size() > 2 && t.front() == '(' && t.back() == ')') {
            meta.issued = date_line(t.substr(1, t.size() - 2));
        }
    }
    // 印发: the date of printing (when no date of signing) and its body.
    std::string_view printed_org;  // the office on the 印发 line
    if (layout.printed != k_none) {
        const std::size_t i = layout.printed;
        RuleMatch match;
        if (!find_rule(*m_printed, text(i), 0, match) && m_printed_loose != nullptr) {
            find_rule(*m_printed_loose, text(i), 0, match);  // its body only: no date in it
        }
        if (!meta.issued) {
            const std::string date = iso_date_of(match);
            if (!date.empty()) {
                meta.issued = date;
            }
        }
        printed_org = match.group("org");
    }
    // A 纪要's head: its office and date on one line above the title.
    for (std::size_t i = 0;
         m_head_dated != nullptr && !meta.issued && i < layout.title_first && layout.title_first != k_none; ++i) {
        RuleMatch match;
        if (find_rule(*m_head_dated, text(i), 0, match)) {
            const std::string date = iso_date_of(match);
            if (!date.empty()) {
                meta.issued = date;
            }
            const std::string_view org = match.group("org");
            if (meta.issuers.empty() && re2::RE2::FullMatch(org, *m_org_line)) {
                meta.issuers.push_back({i, group_offset(text(i), org), group_offset(text(i), org) + org.size()});
            }
            break;
        }
    }
    // A government site's document table: 发文字号 / 成文日期 / 发文机关 fields, one to a line
    // or several on a line in cells parted by tabs (文件编号：<TAB>X<TAB>发文单位：<TAB>Y).
    for (std::size_t i = 0; i < std::min(paragraphs.size(), k_head_search); ++i) {
        if (text(i).size() >= k_short_line) {
            continue;
        }
        for (const std::string_view t : labelled_cells(text(i))) {
            RuleMatch field;
            if (!meta.doc_number && find_rule(*m_field_doc_number, t, 0, field)) {
                // (Up to a wide gap: the rest is another field's, cut from its value by a wrap.)
                std::string_view value = field.group("value");
                value = value.substr(0, value.find("  "));
                meta.doc_number = citations.whole_doc_number(value);
                if (meta.doc_number) {
                    const std::size_t at = group_offset(text(i), value);
                    meta.field_doc_number = TextSpan{i, at, at + value.size()};
                }
            } else if (find_rule(*m_field_date, t, 0, field)) {
                const std::string date = iso_date_of(field);
                if (!date.empty() && layout.signature_date == k_none) {
                    meta.issued = date;
                }
            } else if (meta.issuers.empty() && find_rule(*m_field_issuer, t, 0, field)) {
                const std::string_view value = field.group("value");
                const std::size_t at = group_offset(text(i), value);
                meta.issuers.push_back({i, at, at + value.size()});
            }
        }
    }
    // Else the bodies the title opens with, when each is a body's name.
    if (meta.issuers.empty() && !meta.title.empty()) {
        const TextSpan& first = meta.title.front();
        const std::string_view t = text(first.paragraph).substr(first.begin);
        RuleMatch match;
        if (find_rule(*m_title_issuer, t, 0, match)) {
            std::vector<TextSpan> orgs;
            const std::string_view list = match.group("orgs");
            std::size_t pos = 0;
            while (pos < list.size()) {
                std::size_t e = pos;
                while (e < list.size() && !is_space(list[e]) && list.substr(e, 3) != "、") {
                    ++e;
                }
                if (e > pos) {
                    if (!re2::RE2::FullMatch(list.substr(pos, e - pos), *m_org_line)) {
                        orgs.clear();
                        break;
                    }
                    const std::size_t at = first.begin + group_offset(t, list) + pos;
                    orgs.push_back({first.paragraph, at, at + (e - pos)});
                }
                pos = e < list.size() ? e + (is_space(list[e]) ? 1 : 3) : e;
            }
            meta.issuers = std::move(orgs);
        }
    }
    // Else the office that printed it (the 版记's 印发 line, or the body on the line above it).
    if (meta.issuers.empty() && layout.printed != k_none) {
        const std::size_t i = layout.printed;
        if (!printed_org.empty() && re2::RE2::FullMatch(printed_org, *m_org_line)) {
            meta.issuers.push_back(
                {i, group_offset(text(i), printed_org), group_offset(text(i), printed_org) + printed_org.size()});
        } else if (i > 0 && is_org_line(text(i - 1))) {
            add_orgs(i - 1);
        }
    }
    // 主送 and 抄送.
    if (layout.recipients != k_none) {
        const std::string_view t = text(layout.recipients);
        // (Not the 文号 run into its head: 潭县政办发〔2023〕21号各乡镇人民政府，….)
        const std::size_t from = layout.recipients == run_on_number ? t.find("号") + 3 : 0;
        split_list(paragraphs, layout.recipients, from, t.size() - 1, meta.recipients);
    }
    if (layout.cc != k_none) {
        const std::size_t i = layout.cc;
        RuleMatch match;
        if (find_rule(*m_cc, text(i), 0, match)) {
            const std::string_view list = match.group("list");
            split_list(paragraphs, i, group_offset(text(i), list), group_offset(text(i), list) + list.size(), meta.cc);
            // A list run over more lines (抄送：市委各部门，新乡军分区。 / 市人大常委会办公室，市政协办公室。):
            // the lines between it and the 印发 line go on with it (a rule line between names none).
            for (std::size_t j = i + 1; layout.printed != k_none && j < layout.printed; ++j) {
                const std::string_view t = text(j);
                if (t.size() >= k_short_line || is_chrome(t) || date_line(t) || is_org_line(t)) {
                    break;  // (a name alone: the 印发 line's body, its date on the next)
                }
                const bool han = std::any_of(t.begin(), t.end(), [](char c) {
                    const auto b = static_cast<unsigned char>(c);
                    return b >= 0xE4 && b <= 0xE9;  // a lead byte of U+4000–U+9FFF
                });
                if (han) {
                    const std::size_t end = t.ends_with("。")  ? t.size() - 3
                                            : t.ends_with(".") ? t.size() - 1
                                                               : t.size();
                    split_list(paragraphs, j, 0, end, meta.cc);
                }
            }
        }
    }
    // The notice's year: from its titles, else its date; a title's year before the year of
    // signing is the year looked back on (2018年度…反馈问题整改方案 signed in 2019), not the
    // notice's.
    const int issued_year = meta.issued ? std::atoi(meta.issued->substr(0, 4).c_str()) : 0;
    for (const TextSpan& span : meta.title) {
        meta.year = meta.year != 0 ? meta.year : year_in(text(span.paragraph), issued_year);
    }
    for (const TextSpan& span : meta.plan_title) {
        meta.year = meta.year != 0 ? meta.year : year_in(text(span.paragraph), issued_year);
    }
    if (meta.year == 0 || meta.year < issued_year) {
        meta.year = issued_year;
    }
    // (With neither, the year of its own 文号: 〔2023〕.)
    if (meta.year == 0 && meta.doc_number) {
        meta.year = meta.doc_number->year;
    }
    for (const std::vector<TextSpan>* spans : {&meta.title, &meta.plan_title}) {
        for (const TextSpan& span : *spans) {
            RuleMatch plan;
            if (m_yearly_plan != nullptr && find_rule(*m_yearly_plan, text(span.paragraph), 0, plan) &&
                std::atoi(std::string(plan.group("year")).c_str()) == meta.year) {
                meta.yearly_plan = true;
            }
        }
    }
    return meta;
}

}  // namespace policy
