#include "normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <string>

namespace policy {
namespace {

// Characters whose compatibility (NFKC) form is their narrow form: the full-width ASCII
// block, the ideographic space, no-break and typographic spaces.
constexpr const char16_t* k_folded_set = u"[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000\\uFF01-\\uFF5E]";

// Numbering characters a word processor's automatic lists leave behind, spelled out by
// their compatibility (NFKC) form: ⒈ → 1. (U+2488–249B), ⑴ → (1) (U+2474–2487),
// ㈠ → (一) (U+3220–3229). Circled ① stays: it is a sub-item mark of its own.
constexpr const char16_t* k_expanded_set = u"[\u2474-\u249B\u3220-\u3229]";

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
    }
    char16_t operator[](UChar32 c) const { return c >= 0 && c < 0x10000 ? m_map[static_cast<std::size_t>(c)] : 0; }

    // What `c` expands to, or null.
    const std::string* expansion(UChar32 c) const {
        const auto it = m_expansions.find(c);
        return it == m_expansions.end() ? nullptr : &it->second;
    }

private:
    std::array<char16_t, 0x10000> m_map;
    std::map<UChar32, std::string> m_expansions;
};

const WidthTable& width_table() {
    static const WidthTable table;
    return table;
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

NormalisedText normalise(std::string_view utf8) {
    const WidthTable& table = width_table();
    NormalisedText out;
    out.text.reserve(utf8.size());
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t i = 0;
    std::size_t run_start = 0;  // start of the current stretch copied unchanged
    auto flush = [&](std::size_t end) { out.text.append(utf8.data() + run_start, end - run_start); };
    while (i < n) {
        const std::uint8_t b = s[i];
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
            if (folded != 0) {
                flush(start);
                out.text.push_back(static_cast<char>(folded));
                run_start = i;
                out.shifts.push_back({static_cast<std::uint32_t>(out.text.size()), static_cast<std::uint32_t>(i)});
            } else if (const std::string* expanded = c >= 0x2474 ? table.expansion(c) : nullptr) {
                // Every offset inside the expansion maps to the character's start, so no span
                // can begin or end inside its UTF-8 bytes.
                flush(start);
                for (std::size_t k = 0; k < expanded->size(); ++k) {
                    out.text.push_back((*expanded)[k]);
                    out.shifts.push_back({static_cast<std::uint32_t>(out.text.size()),
                                          static_cast<std::uint32_t>(k + 1 == expanded->size() ? i : start)});
                }
                run_start = i;
            }
            continue;
        }
        ++i;
    }
    flush(n);
    return out;
}

}  // namespace policy
