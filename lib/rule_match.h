// rule_match.h — running one grammar rule over a text and reading its named groups. A thin
// layer over RE2 shared by the rule families (outline, deadlines, citations, departments,
// metadata); it knows nothing of what the rules mean.
#pragma once

#include <re2/re2.h>

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace policy {

struct RuleMatch {
    std::size_t begin = 0;  // of the whole match, in the searched text
    std::size_t end = 0;
    const std::map<std::string, int>* names = nullptr;

    // Group `i` (0: the whole match; "" when unmatched).
    std::string_view operator[](std::size_t i) const {
        const re2::StringPiece& piece = pieces()[i];
        return piece.data() == nullptr ? std::string_view() : std::string_view(piece.data(), piece.size());
    }
    std::size_t size() const { return m_count; }

    // The named group's text ("" when absent or unmatched).
    std::string_view group(const std::string& name) const {
        if (names == nullptr) {
            return {};
        }
        const auto it = names->find(name);
        if (it == names->end() || it->second >= static_cast<int>(m_count)) {
            return {};
        }
        return (*this)[static_cast<std::size_t>(it->second)];
    }
    bool has(const std::string& name) const { return !group(name).empty(); }

    // Room for `count` groups for RE2 to fill: inline for the rules' usual few groups, so a
    // match allocates nothing.
    re2::StringPiece* prepare(std::size_t count) {
        m_count = count;
        if (count <= k_inline) {
            return m_inline.data();
        }
        m_heap.assign(count, re2::StringPiece());
        return m_heap.data();
    }

private:
    static constexpr std::size_t k_inline = 12;
    const re2::StringPiece* pieces() const { return m_count <= k_inline ? m_inline.data() : m_heap.data(); }
    std::array<re2::StringPiece, k_inline> m_inline{};
    std::vector<re2::StringPiece> m_heap;
    std::size_t m_count = 0;
};

// Finds the first match of `regex` in `text` at or after `from`. Anchors (^, $) refer to
// the whole text. `groups` false: only the whole match is wanted (begin, end), which RE2
// finds with its DFAs alone, much faster than the groups.
inline bool find_rule(const re2::RE2& regex, std::string_view text, std::size_t from, RuleMatch& match,
                      bool groups = true) {
    const int count = groups ? regex.NumberOfCapturingGroups() + 1 : 1;
    if (from > text.size()) {
        return false;
    }
    const re2::StringPiece input(text.data(), text.size());
    // On short texts RE2 goes straight to its backtracker for the groups, even where there
    // is no match at all; its DFA says "no match" far faster, and most rules fail most texts.
    if (count > 1 && !regex.Match(input, from, text.size(), re2::RE2::UNANCHORED, nullptr, 0)) {
        return false;
    }
    re2::StringPiece* pieces = match.prepare(static_cast<std::size_t>(count));
    if (!regex.Match(input, from, text.size(), re2::RE2::UNANCHORED, pieces, count)) {
        return false;
    }
    match.begin = static_cast<std::size_t>(pieces[0].data() - text.data());
    match.end = match.begin + pieces[0].size();
    match.names = &regex.NamedCapturingGroups();
    return true;
}

// Every non-overlapping match of `regex` in `text`.
inline std::vector<RuleMatch> find_all(const re2::RE2& regex, std::string_view text) {
    std::vector<RuleMatch> matches;
    std::size_t pos = 0;
    RuleMatch match;
    while (pos <= text.size() && find_rule(regex, text, pos, match)) {
        matches.push_back(match);
        pos = match.end > match.begin ? match.end : match.end + 1;
    }
    return matches;
}

// Offset of group `g` of `match` in `text`.
inline std::size_t group_offset(std::string_view text, std::string_view group) {
    return static_cast<std::size_t>(group.data() - text.data());
}

// Whether the last characters of `text` (up to `reach` bytes, from a character's start) match
// `rule`, a rule anchored at the end with $; null: never. (Only the end is searched: a long
// text stays cheap.)
inline bool ends_with_rule(std::string_view text, const re2::RE2* rule, std::size_t reach = 12) {
    if (rule == nullptr) {
        return false;
    }
    std::size_t from = text.size() > reach ? text.size() - reach : 0;
    while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) {
        ++from;
    }
    return re2::RE2::PartialMatch(re2::StringPiece(text.data() + from, text.size() - from), *rule);
}

}  // namespace policy
