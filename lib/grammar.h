// grammar.h — the rule set and lexicons, as data. Rules live in grammars/*.re2, lexicons in
// grammars/*.txt; the defaults are embedded in the binary and `--grammars DIR` replaces any
// file of the same name (or adds new ones) without recompiling.
//
// The .re2 format, one rule per line:
//     # a comment
//     $macro = PATTERN            a piece other patterns use as ${macro}
//     rule_name   PATTERN         RE2 syntax, UTF-8; the rest of the line is the pattern
//         PATTERN                 an indented line continues the previous pattern
// Names are [a-z0-9_.]+ and unique across all files. Errors name the file and line.
//
// The .txt format: one entry per line; `#` starts a comment line; fields separated by TAB.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace re2 {
class RE2;
}

namespace policy {

struct GrammarRule {
    std::string name;
    std::string pattern;  // after macro expansion
    std::string file;
    int line = 0;
    std::shared_ptr<const re2::RE2> regex;
};

class Grammar {
public:
    // Loads the embedded defaults, then every *.re2 and *.txt in `dir` (when not empty).
    static Result<Grammar> load(const std::string& dir = {});

    // Loads from explicit file contents (name -> text); for tests.
    static Result<Grammar> from_files(const std::map<std::string, std::string>& files);

    // The compiled rule `name`. A missing rule is reported by `require`; asking for one that
    // was not required is a bug (throws std::logic_error).
    const re2::RE2& rule(std::string_view name) const;
    const GrammarRule* find(std::string_view name) const;
    // The compiled rule `name`, or null when the grammar does not define it (a rule a user's
    // --grammars files may leave out; the code then does without it).
    const re2::RE2* optional_rule(std::string_view name) const;

    // Every rule whose name starts with `prefix` (e.g. "deadline."), in name order.
    std::vector<const GrammarRule*> rules_with_prefix(std::string_view prefix) const;

    // Errors unless every name in `names` is defined.
    Result<void> require(const std::vector<std::string>& names) const;

    // Entries of lexicon file `name` (e.g. "departments.txt"): each a vector of TAB fields.
    const std::vector<std::vector<std::string>>& lexicon(std::string_view name) const;

    // Source of `file` as loaded (for `policy grammars --dump` and tests).
    std::vector<std::string> files() const;

private:
    std::map<std::string, GrammarRule, std::less<>> m_rules;
    std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> m_lexicons;
    std::vector<std::string> m_files;
};

}  // namespace policy
