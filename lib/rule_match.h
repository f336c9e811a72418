// rule_match.h — running one grammar rule over a text and reading its named groups. A thin
// layer over RE2 shared by the rule families (outline, deadlines, citations, departments,
// metadata); it knows nothing of what the rules mean.
#pragma once

#include <re2/re2.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace policy {

struct RuleMatch {
    std::size_t begin = 0;  // of the whole match, in the searched text
    std::size_t end = 0;
    std::vector<std::string_view> groups;  // groups[0] is the whole match
    std::vector<re2::StringPiece> pieces;  // RE2's view of the same
    const std::map<std::string, int>* names = nullptr;

    // The named group's text ("" when absent or unmatched).
    std::string_view group(const std::string& name) const {
        if (names == nullptr) {
            return {};
        }
        const auto it = names->find(name);
        if (it == names->end() || it->second >= static_cast<int>(groups.size())) {
            return {};
        }
        return groups[static_cast<std::size_t>(it->second)];
    }
    bool has(const std::string& name) const { return !group(name).empty(); }
};

// Finds the first match of `regex` in `text` at or after `from`. Anchors (^, $) refer to
// the whole text.
inline bool find_rule(const re2::RE2& regex, std::string_view text, std::size_t from, RuleMatch& match) {
    const int count = regex.NumberOfCapturingGroups() + 1;
    match.pieces.assign(static_cast<std::size_t>(count), re2::StringPiece());
    if (from > text.size() || !regex.Match(re2::StringPiece(text.data(), text.size()), from, text.size(),
                                           re2::RE2::UNANCHORED, match.pieces.data(), count)) {
        return false;
    }
    match.groups.resize(match.pieces.size());
    for (std::size_t i = 0; i < match.pieces.size(); ++i) {
        match.groups[i] = match.pieces[i].data() == nullptr ? std::string_view()
                                                             : std::string_view(match.pieces[i].data(), match.pieces[i].size());
    }
    match.begin = static_cast<std::size_t>(match.groups[0].data() - text.data());
    match.end = match.begin + match.groups[0].size();
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

}  // namespace policy
