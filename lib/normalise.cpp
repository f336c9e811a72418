#include "normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace policy {
namespace {

// Characters whose compatibility (NFKC) form is their narrow form: the full-width ASCII
// block, the ideographic space, no-break and typographic spaces.
constexpr const char16_t* k_folded_set = u"[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000\\uFF01-\\uFF5E]";

// Numbering characters a word processor's automatic lists leave behind, spelled out by
// their compatibility (NFKC) form: ⒈ → 1. (U+2488–249B), ⑴ → (1) (U+2474–2487),
// ㈠ → (一) (U+3220–3229). Circled ① stays: it is a sub-item mark of its own.
constexpr const char16_t* k_expanded_set = u"[\u2474-\u249B\u3220-\u3229]";

// Characters that take no room and mean nothing in a notice's text, which a word processor or
// a web page leaves inside words (市民\u200B政局, 雨污分\u00AD流): dropped from the view.
constexpr const char16_t* k_invisible_set = u"[\\u00AD\\u200B-\\u200F\\u2060\\uFE0E\\uFE0F\\uFEFF]";

// Marks a WeChat post or a web page sets before a heading or a paragraph (▲一、…, ●二、…,
// ▍三、…, 🔹四、…): dropped from the view at a line's start (after its indentation), where
// they are no text. Block elements, geometric shapes, dingbat arrows and pictographs (emoji).
constexpr const char16_t* k_bullet_set = u"[★☆◎※•√✓✔❖\\u2580-\\u25FF\\u2794-\\u27BF\\p{Extended_Pictographic}]";

// The upright lines of a table's frame drawn in box characters: │ ┃ ║.
constexpr char16_t k_frame_uprights[] = {u'\u2502', u'\u2503', u'\u2551'};

// Built once from ICU's data: for each BMP code point, what it folds to (0: unchanged), and
// the few numbering characters that expand to several. A constant after construction,
// shared by all threads.
class WidthTable {
public:
    WidthTable() {
        m_map.fill(0);
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
        icu::UnicodeSet set(icu::UnicodeString(k_folded_set), status);
        icu::UnicodeSet expanded(icu::UnicodeString(k_expanded_set), status);
        if (U_FAILURE(status)) {
            return;
        }
        for (int32_t i = 0; i < expanded.getRangeCount(); ++i) {
            for (UChar32 c = expanded.getRangeStart(i); c <= expanded.getRangeEnd(i); ++c) {
                icu::UnicodeString folded;
                status = U_ZERO_ERROR;
                nfkc->normalize(icu::UnicodeString(c), folded, status);
                std::string utf8;
                folded.toUTF8String(utf8);
                if (U_SUCCESS(status) && !utf8.empty()) {
                    m_expansions.emplace(c, std::move(utf8));
                }
            }
        }
        m_invisible.applyPattern(icu::UnicodeString(k_invisible_set), status);
        m_bullets.applyPattern(icu::UnicodeString(k_bullet_set), status);
        m_invisible.freeze();
        m_bullets.freeze();
        set.freeze();
        icu::FilteredNormalizer2 folder(*nfkc, set);
        for (int32_t i = 0; i < set.getRangeCount(); ++i) {
            for (UChar32 c = set.getRangeStart(i); c <= set.getRangeEnd(i); ++c) {
                icu::UnicodeString folded;
                status = U_ZERO_ERROR;
                folder.normalize(icu::UnicodeString(c), folded, status);
                if (U_SUCCESS(status) && folded.countChar32() == 1 && folded.char32At(0) < 0x80) {
                    m_map[static_cast<std::size_t>(c)] = static_cast<char16_t>(folded.char32At(0));
                }
            }
        }
        // A table's frame drawn in box characters (│索引号：│…│, a government site's document
        // table): its upright lines part cells, as a tab does.
        for (const char16_t upright : k_frame_uprights) {
            m_map[upright] = u'\t';
        }
    }
    char16_t operator[](UChar32 c) const { return c >= 0 && c < 0x10000 ? m_map[static_cast<std::size_t>(c)] : 0; }

    bool invisible(UChar32 c) const { return m_invisible.contains(c); }
    bool bullet(UChar32 c) const { return m_bullets.contains(c); }

    // What `c` expands to, or null.
    const std::string* expansion(UChar32 c) const {
        const auto it = m_expansions.find(c);
        return it == m_expansions.end() ? nullptr : &it->second;
    }

private:
    std::array<char16_t, 0x10000> m_map;
    icu::UnicodeSet m_invisible;
    icu::UnicodeSet m_bullets;
    std::map<UChar32, std::string> m_expansions;
};

const WidthTable& width_table() {
    static const WidthTable table;
    return table;
}

// HTML character references a scraper leaves in the text (&nbsp;&nbsp;一、…), by name or
// number. Only these names: a notice has no other use for '&'.
constexpr std::pair<std::string_view, char32_t> k_entities[] = {
    {"nbsp", 0x00A0},   {"ensp", 0x2002},   {"emsp", 0x2003},  {"thinsp", 0x2009}, {"lt", '<'},
    {"gt", '>'},        {"amp", '&'},       {"quot", '"'},     {"apos", '\''},     {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"mdash", 0x2014},  {"ndash", 0x2013},
    {"hellip", 0x2026}, {"middot", 0x00B7}, {"times", 0x00D7}, {"deg", 0x00B0},    {"yen", 0x00A5}};

// The code point of the character reference at the start of `text` (&nbsp; &#12288; &#x3000;)
// and its length in bytes, or 0.
char32_t entity_at(std::string_view text, std::size_t& length) {
    const std::size_t semicolon = text.substr(0, 12).find(';');
    if (semicolon == std::string_view::npos || semicolon < 3) {
        return 0;
    }
    const std::string_view name = text.substr(1, semicolon - 1);
    length = semicolon + 1;
    if (name[0] == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string_view digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > (hex ? 6u : 7u)) {
            return 0;
        }
        char32_t value = 0;
        for (const char d : digits) {
            const int v = d >= '0' && d <= '9'          ? d - '0'
                          : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                          : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                        : -1;
            if (v < 0) {
                return 0;
            }
            value = value * (hex ? 16 : 10) + static_cast<char32_t>(v);
        }
        const bool valid = value >= 0x20 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
        return valid || value == '\t' || value == '\n' ? value : 0;
    }
    for (const auto& [entity, value] : k_entities) {
        if (name == entity) {
            return value;
        }
    }
    return 0;
}

// HTML tags a scraper leaves in the text (一、活动目标<br>, <p>…</p>, <span style="…">), by
// name: block tags end a line, inline ones are dropped. Only these names, so a 《…<…>…》
// title's inner brackets and a lone < stay as written.
constexpr std::string_view k_block_tags[] = {"br", "p",  "div", "li", "tr", "table", "tbody",   "ul",      "ol",
                                             "h1", "h2", "h3",  "h4", "h5", "h6",    "section", "article", "center"};
constexpr std::string_view k_inline_tags[] = {"span", "font", "strong", "b",  "i",   "u",   "em",
                                              "a",    "img",  "td",     "th", "o:p", "sup", "sub"};

// The length in bytes of the HTML tag at the start of `text` (<br>, <br/>, </p>, <span …>),
// or 0; `block` says whether it ends a line.
std::size_t tag_at(std::string_view text, bool& block) {
    std::size_t k = 1;
    if (k < text.size() && text[k] == '/') {
        ++k;
    }
    std::size_t name_end = k;
    while (name_end < text.size() && name_end - k < 8 &&
           ((text[name_end] >= 'a' && text[name_end] <= 'z') || (text[name_end] >= 'A' && text[name_end] <= 'Z') ||
            (text[name_end] >= '0' && text[name_end] <= '9') || text[name_end] == ':')) {
        ++name_end;
    }
    if (name_end == k || name_end >= text.size()) {
        return 0;
    }
    std::string name(text.substr(k, name_end - k));
    for (char& c : name) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    const auto listed = [&](const auto& names) {
        return std::find(std::begin(names), std::end(names), name) != std::end(names);
    };
    block = listed(k_block_tags);
    if (!block && !listed(k_inline_tags)) {
        return 0;
    }
    // The attributes, on the same line, up to the closing >.
    const char after = text[name_end];
    if (after != '>' && after != ' ' && after != '/') {
        return 0;
    }
    const std::size_t close = text.substr(name_end, 400).find('>');
    if (close == std::string_view::npos || text.substr(name_end, close).find('\n') != std::string_view::npos) {
        return 0;
    }
    return name_end + close + 1;
}

// `c` in UTF-8 (empty when it is no character).
std::string utf8_of(char32_t c) {
    char buffer[4];
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), length, 4, static_cast<UChar32>(c), error);
    return std::string(buffer, error ? 0 : static_cast<std::size_t>(length));
}

}  // namespace

char32_t fold_width(char32_t c) {
    const char16_t folded = width_table()[static_cast<UChar32>(c)];
    return folded != 0 ? folded : c;
}

std::size_t NormalisedText::to_original(std::size_t offset) const {
    auto it = std::upper_bound(shifts.begin(), shifts.end(), offset,
                               [](std::size_t value, const Shift& shift) { return value < shift.normalised; });
    if (it == shifts.begin()) {
        return offset;
    }
    --it;
    return it->original + (offset - it->normalised);
}

void NormalisedText::append_original(std::string& out, std::string_view original, std::size_t begin,
                                     std::size_t end) const {
    std::size_t from = to_original(begin);
    const std::size_t to = to_original(end);
    auto it = std::lower_bound(removed.begin(), removed.end(), from,
                               [](const Removed& range, std::size_t offset) { return range.end <= offset; });
    for (; it != removed.end() && it->begin < to; ++it) {
        if (it->begin > from) {
            out.append(original, from, it->begin - from);
        }
        if (it->begin >= from) {
            out += it->text;
        }
        from = std::max<std::size_t>(from, it->end);
    }
    if (to > from) {
        out.append(original, from, to - from);
    }
}

namespace {

// Letters a scan's OCR reads for digits inside a number (2O19年, 潭安[2O21]l5号, 1l., I2月): in a
// run of ASCII digits and O, o, I, l holding at least one digit, with no other Latin letter
// next to it, each such letter is the digit it stands for. A word keeps its letters (ISO9001,
// CO2, H2O: a letter touches the run); a run of letters alone (IO, lo) has no digit. One byte
// for one, so the view's offsets stay as they are; the original text reads the digit too.
// True when only spaces and tabs are between the start of `text`'s line and `at`.
bool opens_line(std::string_view text, std::size_t at) {
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) {
        --at;
    }
    return at == 0 || text[at - 1] == '\n';
}

// A heading's numeral 一 that a scan's OCR read as a dash (—、指导思想, (—)加强煤矿瓦斯防治): at a
// line's start before 、, or alone in a heading's brackets there, the dash is 一. Three bytes for
// three; the original text reads 一 too.
void fold_ocr_dashes(NormalisedText& view, std::vector<NormalisedText::Removed>& read_as) {
    static constexpr std::string_view k_dash = "—";
    std::string& text = view.text;
    for (std::size_t at = text.find(k_dash); at != std::string::npos; at = text.find(k_dash, at + k_dash.size())) {
        const std::string_view after = std::string_view(text).substr(at + k_dash.size());
        const bool heading = opens_line(text, at) && after.starts_with("、");
        const bool bracketed = at > 0 && text[at - 1] == '(' && opens_line(text, at - 1) && after.starts_with(")");
        if (heading || bracketed) {
            text.replace(at, k_dash.size(), "一");
            read_as.push_back({static_cast<std::uint32_t>(view.to_original(at)),
                               static_cast<std::uint32_t>(view.to_original(at + k_dash.size())), "一"});
        }
    }
}

void fold_ocr_digits(NormalisedText& view) {
    std::string& text = view.text;
    std::vector<NormalisedText::Removed> read_as;  // the letters read as digits, in order
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_lookalike = [](char c) { return c == 'O' || c == 'o' || c == 'I' || c == 'l'; };
    auto is_latin = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        if (!is_digit(text[i]) && !is_lookalike(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        bool digit = false;
        bool lookalike = false;
        for (; i < n && (is_digit(text[i]) || is_lookalike(text[i])); ++i) {
            digit = digit || is_digit(text[i]);
            lookalike = lookalike || is_lookalike(text[i]);
        }
        const bool bounded = (start == 0 || !is_latin(text[start - 1])) && (i == n || !is_latin(text[i]));
        // (An item's number 1 read as l, alone at a line's start before its . or 、: l．组织企业自查.)
        const bool item_number = !digit && i == start + 1 && text[start] == 'l' && opens_line(text, start) && i < n &&
                                 (text[i] == '.' || text.compare(i, 3, "、") == 0) &&
                                 !(i + 1 < n && is_digit(text[i + 1]));
        if ((digit && lookalike && bounded) || item_number) {
            for (std::size_t k = start; k < i; ++k) {
                if (is_lookalike(text[k])) {
                    text[k] = text[k] == 'O' || text[k] == 'o' ? '0' : '1';
                    // (A full-width Ｏ folded to O is three bytes in the original.)
                    read_as.push_back({static_cast<std::uint32_t>(view.to_original(k)),
                                       static_cast<std::uint32_t>(view.to_original(k + 1)), std::string(1, text[k])});
                }
            }
        }
    }
    fold_ocr_dashes(view, read_as);
    if (!read_as.empty()) {
        std::sort(read_as.begin(), read_as.end(),
                  [](const NormalisedText::Removed& a, const NormalisedText::Removed& b) { return a.begin < b.begin; });
        const auto earlier = [](const NormalisedText::Removed& a, const NormalisedText::Removed& b) {
            return a.begin < b.begin;
        };
        std::vector<NormalisedText::Removed> merged;
        merged.reserve(view.removed.size() + read_as.size());
        std::merge(view.removed.begin(), view.removed.end(), read_as.begin(), read_as.end(), std::back_inserter(merged),
                   earlier);
        view.removed = std::move(merged);
    }
}

}  // namespace

NormalisedText normalise(std::string_view utf8) {
    const WidthTable& table = width_table();
    NormalisedText out;
    out.text.reserve(utf8.size());
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t i = 0;
    std::size_t run_start = 0;  // start of the current stretch copied unchanged
    auto flush = [&](std::size_t end) { out.text.append(utf8.data() + run_start, end - run_start); };
    // Writes `replacement` for the original bytes [start, end): every offset inside it maps to
    // `start`, the offset after it to `end`, so no span can begin or end inside a character.
    auto replace = [&](std::size_t start, std::size_t end, std::string_view replacement) {
        flush(start);
        for (std::size_t k = 0; k < replacement.size(); ++k) {
            out.text.push_back(replacement[k]);
            out.shifts.push_back({static_cast<std::uint32_t>(out.text.size()),
                                  static_cast<std::uint32_t>(k + 1 == replacement.size() ? end : start)});
        }
        run_start = end;
    };
    // Drops the original bytes [start, end) from the view: offsets after them map on from `end`.
    auto remove = [&](std::size_t start, std::size_t end) {
        flush(start);
        run_start = end;
        out.shifts.push_back({static_cast<std::uint32_t>(out.text.size()), static_cast<std::uint32_t>(end)});
        out.removed.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), {}});
    };
    // True when only indentation is between the line's start and `at` (? included: see below).
    auto opens_line = [&](std::size_t at) {
        std::size_t k = at;
        while (k > 0) {
            if (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '?') {
                --k;
            } else if (k >= 3 && s[k - 3] == 0xE3 && s[k - 2] == 0x80 && s[k - 1] == 0x80) {
                k -= 3;  // the ideographic space
            } else {
                break;
            }
        }
        return k == 0 || s[k - 1] == '\n' || s[k - 1] == '\r';
    };
    while (i < n) {
        const std::uint8_t b = s[i];
        std::size_t entity_length = 0;
        if (b == '&') {
            if (const char32_t c = entity_at(utf8.substr(i), entity_length)) {
                // Decoded, then folded like any other character (&nbsp; is a space); the
                // original text reads the character (&ldquo; → “), a space as a space.
                const char16_t folded = table[static_cast<UChar32>(c)];
                const std::string written = folded == u' ' ? std::string(" ") : utf8_of(c);
                std::string replacement = written;
                if (folded != 0) {
                    replacement.assign(1, static_cast<char>(folded));
                } else if (const std::string* expanded = table.expansion(static_cast<UChar32>(c))) {
                    replacement = *expanded;
                }
                replace(i, i + entity_length, replacement.empty() ? std::string_view(" ") : replacement);
                out.removed.push_back(
                    {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + entity_length), written});
                i += entity_length;
                continue;
            }
        }
        if (b == '<') {
            bool block = false;
            if (const std::size_t length = tag_at(utf8.substr(i), block)) {
                // A block tag ends its line, unless the line ends right after it anyway.
                const bool line_ends =
                    i + length >= n || s[i + length] == '\n' || s[i + length] == '\r' || (i > 0 && s[i - 1] == '\n');
                if (block && !line_ends) {
                    replace(i, i + length, "\n");
                    out.removed.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + length), {}});
                } else {
                    remove(i, i + length);
                }
                i += length;
                continue;
            }
        }
        if (b < 0x80) {
            if (b == '\r') {
                flush(i);
                out.text.push_back('\n');
                const std::size_t consumed = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
                i += consumed;
                run_start = i;
                if (consumed == 2) {
                    out.shifts.push_back({static_cast<std::uint32_t>(out.text.size()), static_cast<std::uint32_t>(i)});
                }
                continue;
            }
            if (b == '?' && opens_line(i)) {
                // Indentation an encoder could not write (a no-break space saved as GBK
                // becomes ?): a line's leading ? are spaces. No notice opens a line with one.
                std::size_t end = i;
                while (end < n && s[end] == '?') {
                    ++end;
                }
                replace(i, end, std::string(end - i, ' '));
                i = end;
                continue;
            }
            ++i;
            continue;
        }
        // Han and most other text (lead bytes E4–EE: U+4000–U+EFFF) is never folded: skip it
        // without decoding. Only 2- and 3-byte sequences can be in the table.
        if (b >= 0xE4 && b <= 0xEE) {
            i += 3;
            continue;
        }
        if (b >= 0xC2 && b < 0xF0) {
            const std::size_t start = i;
            UChar32 c;
            int32_t j = static_cast<int32_t>(i);
            U8_NEXT(s, j, static_cast<int32_t>(std::min<std::size_t>(n, INT32_MAX)), c);
            i = static_cast<std::size_t>(j);
            const char16_t folded = c >= 0 ? table[c] : 0;
            // (Invisible characters and bullets have lead bytes C2, E2, EF B8 or EF BB, or four
            // bytes: the sets are looked up for those only.)
            const bool maybe_dropped =
                b == 0xC2 || b == 0xE2 || (b == 0xEF && (s[start + 1] == 0xBB || s[start + 1] == 0xB8));
            if (maybe_dropped && c >= 0 && (table.invisible(c) || (table.bullet(c) && opens_line(start)))) {
                remove(start, i);
            } else if (folded != 0) {
                flush(start);
                out.text.push_back(static_cast<char>(folded));
                run_start = i;
                out.shifts.push_back({static_cast<std::uint32_t>(out.text.size()), static_cast<std::uint32_t>(i)});
            } else if (const std::string* expanded = c >= 0x2474 ? table.expansion(c) : nullptr) {
                replace(start, i, *expanded);
            }
            continue;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            // Beyond the BMP nothing folds; a pictograph opening a line (📌一、…) is a bullet.
            const std::size_t start = i;
            UChar32 c;
            int32_t j = static_cast<int32_t>(i);
            U8_NEXT(s, j, static_cast<int32_t>(std::min<std::size_t>(n, INT32_MAX)), c);
            i = static_cast<std::size_t>(j);
            if (c >= 0 && table.bullet(c) && opens_line(start)) {
                remove(start, i);
            }
            continue;
        }
        ++i;
    }
    flush(n);
    fold_ocr_digits(out);
    return out;
}

}  // namespace policy
