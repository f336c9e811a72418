#include "departments.h"

#include <re2/re2.h>

#include <array>

#include "rule_match.h"

namespace policy {
namespace {

constexpr const char* k_rule_names[] = {
    "dept.role_word",   "dept.clause_split", "dept.cohost",      "dept.lead",           "dept.labelled_lead",
    "dept.labelled",    "dept.role_suffix",  "dept.list_split",  "dept.conjunction",    "dept.body_end",
    "dept.etc",         "dept.empty_body",   "dept.other_label", "dept.trailing_label", "dept.bare_org",
    "dept.bare_reject", "dept.name_prefix",  "dept.marked_lead", "dept.each_again",     "dept.person"};

// A time limit after the responsibility parenthesis is at most this long (bytes).
constexpr std::size_t k_time_tail_bytes = 90;
// A remark after it (该项工作每季度调度一次。) is a short sentence: bytes.
constexpr std::size_t k_remark_tail_bytes = 120;

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

// How many brackets, quotation marks and title marks are open at `pos` in `text`: a
// separator inside them is part of a name (县(市、区), 省“双随机、一公开”联席会议成员单位).
int bracket_depth(std::string_view text, std::size_t pos) {
    int depth = 0;
    for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
        const std::string_view rest = text.substr(i, 3);
        if (text[i] == '(' || text[i] == '[' || rest == "“" || rest == "《" || rest == "〔") {
            ++depth;
        } else if ((text[i] == ')' || text[i] == ']' || rest == "”" || rest == "》" || rest == "〕") && depth > 0) {
            --depth;
        }
    }
    return depth;
}

void trim(std::string_view text, std::size_t& begin, std::size_t& end) {
    while (begin < end && is_space(text[begin])) {
        ++begin;
    }
    while (end > begin && is_space(text[end - 1])) {
        --end;
    }
}

// Where the parenthesis closed by the ')' before `close` opens, matched backwards so a nested
// （州） stays inside it; npos when no '(' matches within `reach` bytes.
std::size_t matching_open(std::string_view text, std::size_t close, std::size_t reach) {
    std::size_t open = close - 1;
    int depth = 0;
    while (open > 0 && close - open < reach) {
        --open;
        if (text[open] == ')') {
            ++depth;
        } else if (text[open] == '(') {
            if (depth == 0) {
                return open;
            }
            --depth;
        }
    }
    return std::string_view::npos;
}

}  // namespace

Result<DepartmentRules> DepartmentRules::create(const Grammar& grammar) {
    std::vector<std::string> names(std::begin(k_rule_names), std::end(k_rule_names));
    POLICY_TRY_VOID(grammar.require(names));
    DepartmentRules rules;
    for (const std::string& name : names) {
        rules.m_rules[name] = &grammar.rule(name);
    }
    rules.m_level = grammar.optional_rule("dept.level");
    rules.m_office_end = grammar.optional_rule("dept.office_end");
    rules.m_person_before = grammar.optional_rule("dept.person_before");
    rules.m_addressee = grammar.optional_rule("dept.addressee");
    rules.m_member = grammar.optional_rule("dept.labelled_member");
    rules.m_duty_line = grammar.optional_rule("dept.duty_line");
    rules.m_village_level = grammar.optional_rule("dept.village_level");
    rules.m_organ = grammar.optional_rule("dept.organ");
    rules.m_place = grammar.optional_rule("dept.place");
    rules.m_named_place = grammar.optional_rule("dept.named_place");
    rules.m_shared_head = grammar.optional_rule("dept.shared_head");
    rules.m_own_level_name = grammar.optional_rule("dept.own_level_name");
    rules.m_time_clause = grammar.optional_rule("dept.time_clause");
    rules.m_inner_role = grammar.optional_rule("dept.inner_role");
    rules.m_dated_name = grammar.optional_rule("dept.dated_name");
    rules.m_citation = grammar.optional_rule("dept.citation");
    rules.m_aside = grammar.optional_rule("dept.aside");
    rules.m_role_object = grammar.optional_rule("dept.role_object");
    rules.m_opening = grammar.optional_rule("dept.opening");
    rules.m_spaced_role = grammar.optional_rule("dept.spaced_role");
    rules.m_closing_sentence = grammar.optional_rule("dept.closing_sentence");
    rules.m_goes_on = grammar.optional_rule("dept.sentence_goes_on");
    // government-levels.txt: one line per level, the highest first; longer words are tried
    // first (计划单列市 before 市).
    int level = 0;
    for (const auto& entry : grammar.lexicon("government-levels.txt")) {
        ++level;
        for (const std::string& word : entry) {
            rules.m_level_ranks.emplace_back(word, level);
        }
    }
    std::stable_sort(rules.m_level_ranks.begin(), rules.m_level_ranks.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& entry : grammar.lexicon("departments.txt")) {
        for (const std::string& alias : entry) {
            rules.m_canonical.emplace(alias, entry[0]);
        }
    }
    return rules;
}

int DepartmentRules::level_rank(std::string_view part, int floor) const {
    if (part.starts_with("各")) {
        part.remove_prefix(3);
    }
    // The longest word it opens with; a word on two levels (市: 地级 or 县级) reads as the
    // highest of them not above `floor`, else as the lowest.
    std::string_view matched;
    int at_floor = 0;
    int highest = 0;
    for (const auto& [word, rank] : m_level_ranks) {
        if (!matched.empty() && word.size() < matched.size()) {
            break;  // longer words come first
        }
        if ((matched.empty() || word == matched) && part.starts_with(word)) {
            matched = word;
            at_floor = rank >= floor && (at_floor == 0 || rank < at_floor) ? rank : at_floor;
            highest = std::max(highest, rank);
        }
    }
    return at_floor != 0 ? at_floor : highest;
}

bool DepartmentRules::shares_name(std::string_view list) const {
    if (m_level == nullptr) {
        return false;
    }
    // The parts before the last: levels of government (市、县…), or bare place names when the
    // last part is a government they share (忻州、吕梁、运城市人民政府). Each part is judged as
    // it is found, so an ordinary list (省应急厅、省公安厅) is given up at its first part.
    std::size_t part_begin = 0;
    std::size_t search = 0;
    bool any = false;
    bool places = false;  // some part is a place: the last part must be a shared government
    int rank = 0;         // of the last level named
    auto descends = [this, &rank](std::string_view part) {
        const int next = level_rank(part, rank);
        if (next != 0 && next < rank) {
            return false;
        }
        rank = next != 0 ? next : rank;
        return true;
    };
    RuleMatch separator;
    while (find_rule(rule("dept.list_split"), list, search, separator, false)) {
        search = separator.end;
        if (bracket_depth(list, separator.begin) != 0) {
            continue;
        }
        std::size_t b = part_begin;
        std::size_t e = separator.begin;
        trim(list, b, e);
        const std::string_view part = list.substr(b, e - b);
        part_begin = separator.end;
        any = true;
        if (re2::RE2::PartialMatch(part, *m_level)) {
            if (!descends(part)) {
                return false;
            }
            continue;
        }
        // A place that is a name on its own (沈阳市) is a body as written; a bare one (忻州) is not.
        const bool place = m_place != nullptr && m_shared_head != nullptr && re2::RE2::PartialMatch(part, *m_place) &&
                           !re2::RE2::PartialMatch(part, rule("dept.bare_org")) &&
                           !(m_named_place != nullptr && re2::RE2::PartialMatch(part, *m_named_place));
        if (!place) {
            return false;
        }
        places = true;
    }
    std::size_t b = part_begin;
    std::size_t e = list.size();
    trim(list, b, e);
    const std::string_view last = list.substr(b, e - b);
    // A 各 of its own opens another body (各市州、各县市区人民政府: the 市州 and the 县市区人民政府).
    if (any && last.starts_with("各")) {
        return false;
    }
    // Levels share the last part's name only when it opens with a level too (县（市、区）人民政府,
    // 县应急管理局): 各乡镇（街道）、兰陵经济开发区管委会 and 各镇（街道）、各学校 are two bodies; and
    // only when it has a name after the level (各街道、镇 and 各乡镇、街道 are two bodies each), one
    // every level has (各乡镇、街道办事处 is two: 办事处 is the 街道's alone).
    return any && descends(last) &&
           (places ? re2::RE2::PartialMatch(list.substr(part_begin), *m_shared_head)
                   : level_rank(last) != 0 && !re2::RE2::PartialMatch(last, *m_level) &&
                         !(m_own_level_name != nullptr && re2::RE2::PartialMatch(last, *m_own_level_name)));
}

bool DepartmentRules::is_bare_list(std::string_view inner) const {
    if (shares_name(inner)) {
        return inner.size() >= 9 && re2::RE2::PartialMatch(inner, rule("dept.body_end")) &&
               re2::RE2::PartialMatch(inner, rule("dept.bare_org"));
    }
    bool office = false;
    std::size_t begin = 0;
    while (begin <= inner.size()) {
        RuleMatch separator;
        const std::string_view rest = inner.substr(begin);
        const bool more = find_rule(rule("dept.list_split"), rest, 0, separator, false);
        const std::size_t end = more ? begin + separator.begin : inner.size();
        std::size_t b = begin;
        std::size_t e = end;
        trim(inner, b, e);
        std::string_view part = inner.substr(b, e - b);
        // 各区、县（市）教育局: a level shares the next part's name.
        if (more && m_level != nullptr && re2::RE2::PartialMatch(part, *m_level)) {
            begin += separator.end;
            continue;
        }
        // 省应急管理厅等部门, 省消防救援总队等: the body before 等 is what is checked.
        RuleMatch etc;
        if (find_rule(rule("dept.etc"), part, 0, etc) && etc.begin == 0) {
            part = etc.group("left");
        } else if (part.ends_with("等")) {
            part.remove_suffix(3);
        }
        if (part.size() < 9 || !re2::RE2::PartialMatch(part, rule("dept.body_end")) ||
            re2::RE2::PartialMatch(part, rule("dept.bare_reject"))) {
            return false;  // shorter than three characters, not a body, or a remark
        }
        office = office || re2::RE2::PartialMatch(part, rule("dept.bare_org"));
        if (!more) {
            break;
        }
        begin += separator.end;
    }
    return office;
}

namespace {

// `inner` without the clauses (parted by , or ;) at its end — or, `leading`, at its start —
// that `rule` matches: the time limits beside the bodies (（省应急管理厅，2022年底前）), the 文号 a
// parenthesis cites beside them (…按职责分工负责；苏政办发〔2019〕1号).
std::string_view without_clauses(std::string_view inner, const re2::RE2* rule, bool leading) {
    if (rule == nullptr) {
        return inner;
    }
    for (;;) {
        const std::size_t separator = leading ? inner.find_first_of(",;") : inner.find_last_of(",;");
        if (separator == std::string_view::npos || bracket_depth(inner, separator) != 0) {
            return inner;
        }
        std::size_t b = leading ? 0 : separator + 1;
        std::size_t e = leading ? separator : inner.size();
        trim(inner, b, e);
        if (!re2::RE2::PartialMatch(inner.substr(b, e - b), *rule)) {
            return inner;
        }
        inner = leading ? inner.substr(separator + 1) : inner.substr(0, separator);
    }
}

}  // namespace

bool DepartmentRules::is_label_line(std::string_view paragraph) const {
    RuleMatch match;
    return find_rule(rule("dept.other_label"), paragraph, 0, match, false) && match.begin == 0;
}

bool DepartmentRules::is_duty_line(std::string_view paragraph) const {
    RuleMatch match;
    return m_duty_line != nullptr && find_rule(*m_duty_line, paragraph, 0, match, false);
}

std::vector<DepartmentSpan> DepartmentRules::members(std::string_view paragraph) const {
    std::vector<DepartmentSpan> out;
    RuleMatch match;
    if (m_member != nullptr && find_rule(*m_member, paragraph, 0, match)) {
        const std::string_view bodies = match.group("bodies");
        const std::size_t begin = group_offset(paragraph, bodies);
        split_bodies(paragraph, begin, begin + bodies.size(), "responsible", out);
    }
    return out;
}

std::string DepartmentRules::canonical(const std::string& name) const {
    const auto it = m_canonical.find(name);
    return it == m_canonical.end() ? name : it->second;
}

// Splits a list of bodies text[begin, end) into names, all with `role`.
void DepartmentRules::split_bodies(std::string_view text, std::size_t begin, std::size_t end, const std::string& role,
                                   std::vector<DepartmentSpan>& out) const {
    trim(text, begin, end);
    if (begin >= end) {
        return;
    }
    const std::string_view part = text.substr(begin, end - begin);
    if (re2::RE2::PartialMatch(part, rule("dept.person"))) {
        return;  // people, not bodies: 县委常委、常务副县长 / 县委、县政府主要领导
    }
    RuleMatch match;
    // X、Y等有关部门 → X、Y and 有关部门.
    if (find_rule(rule("dept.etc"), part, 0, match) && match.begin == 0) {
        const std::size_t left_end = begin + group_offset(part, match.group("left")) + match.group("left").size();
        const std::size_t right_begin = begin + group_offset(part, match.group("right"));
        split_bodies(text, begin, left_end, role, out);
        split_bodies(text, right_begin, end, role, out);
        return;
    }
    // 市公安局和各县（市）、区政府: a conjunction parts a body from levels that share a name, and
    // levels that share one from what follows (各县（市）、区政府和徐州经济技术开发区、…).
    for (std::size_t from = 0; find_rule(rule("dept.conjunction"), part, from, match, false); from = match.end) {
        const std::string_view left = part.substr(0, match.begin);
        if (bracket_depth(part, match.begin) == 0 && re2::RE2::PartialMatch(left, rule("dept.body_end")) &&
            (left.find("、") == std::string_view::npos ? shares_name(part.substr(match.end)) : shares_name(left))) {
            split_bodies(text, begin, begin + match.begin, role, out);
            split_bodies(text, begin + match.end, end, role, out);
            return;
        }
    }
    // 各地区各有关部门: two bodies.
    if (find_rule(rule("dept.each_again"), part, 0, match) &&
        bracket_depth(part, group_offset(part, match.group("next"))) == 0) {
        const std::size_t at = begin + group_offset(part, match.group("next"));
        split_bodies(text, begin, at, role, out);
        split_bodies(text, at, end, role, out);
        return;
    }
    // 、 , / outside brackets (各县(市、区) stays whole), unless the bodies share one name
    // (市、县人民政府).
    const bool shared = shares_name(part);
    std::size_t search = shared ? part.size() + 1 : 0;
    while (search <= part.size() && find_rule(rule("dept.list_split"), part, search, match, false)) {
        if (bracket_depth(part, match.begin) == 0) {
            split_bodies(text, begin, begin + match.begin, role, out);
            split_bodies(text, begin + match.end, end, role, out);
            return;
        }
        search = match.end;
    }
    // 和 及 与, where the left side ends like a body — not a level of government sharing the
    // right side's name (省、自治区、直辖市及计划单列市应急管理厅).
    std::size_t from = 0;
    while (find_rule(rule("dept.conjunction"), part, from, match, false)) {
        const std::string_view left = part.substr(0, match.begin);
        std::size_t right_begin = match.end;
        std::size_t right_end = part.size();
        trim(part, right_begin, right_end);
        // The left side's last part: after its last 、 or ,.
        std::size_t piece = 0;
        for (const std::string_view mark : {std::string_view("、"), std::string_view(",")}) {
            const std::size_t at = left.rfind(mark);
            if (at != std::string_view::npos) {
                piece = std::max(piece, at + mark.size());
            }
        }
        const bool level = shared && m_level != nullptr && re2::RE2::PartialMatch(left.substr(piece), *m_level);
        // (A word of three characters at most before 与 or 和 opens an office's name
        // (实验室与设备管理处) unless the right side opens as it does (县委和县政府) or it is an
        // office itself (财务处和人事处, 人事股和办公室).)
        const std::string_view left_piece = left.substr(piece);
        const std::string_view right = part.substr(right_begin, right_end - right_begin);
        const bool inside_name = left_piece.size() <= 9 && !left_piece.empty() &&
                                 !right.starts_with(left_piece.substr(0, 3)) &&
                                 (m_office_end == nullptr || !re2::RE2::PartialMatch(left_piece, *m_office_end));
        if (!level && !inside_name && re2::RE2::PartialMatch(left, rule("dept.body_end")) &&
            !re2::RE2::FullMatch(part.substr(right_begin, right_end - right_begin), rule("dept.empty_body"))) {
            split_bodies(text, begin, begin + match.begin, role, out);
            split_bodies(text, begin + match.end, end, role, out);
            return;
        }
        from = match.end;
    }
    // One body: drop a leading 各 (or 由) and a trailing 等; a (牵头) or 牵头 after it makes it lead.
    std::size_t name_begin = begin;
    std::size_t name_end = end;
    std::string_view body_role = role;
    if (find_rule(rule("dept.name_prefix"), part, 0, match, false)) {
        name_begin += match.end;
        // (各级 is one word: 各级应急管理部门 keeps it, where 级应急管理部门 would name nothing; so
        // is 各地, the local governments: not 地.)
        if (text.substr(begin, name_begin - begin).ends_with("各") &&
            (text.substr(name_begin).starts_with("级") || text.substr(name_begin, end - name_begin) == "地")) {
            name_begin -= 3;
        }
    }
    if (find_rule(rule("dept.marked_lead"), text.substr(name_begin, name_end - name_begin), 0, match, false)) {
        name_end = name_begin + match.begin;
        body_role = "lead";
    }
    if (text.substr(name_begin, name_end - name_begin).ends_with("等")) {
        name_end -= 3;
    }
    trim(text, name_begin, name_end);
    const std::string_view name = text.substr(name_begin, name_end - name_begin);
    // 各部门, 各单位, 各企业: every one of them, named so (a bare 部门 left by X等部门 names nobody).
    const bool every = name_begin > begin && text.substr(begin, name_begin - begin).ends_with("各") &&
                       (name == "部门" || name == "单位" || name == "企业");
    if (name.empty() || (re2::RE2::FullMatch(name, rule("dept.empty_body")) && !every) || name.size() > 90) {
        return;
    }
    // Only what reads as a body: ends like one (厅, 局, 部门, 政府…) or is a known name, with no
    // date in it.
    if ((!re2::RE2::PartialMatch(name, rule("dept.body_end")) && m_canonical.find(name) == m_canonical.end()) ||
        (m_dated_name != nullptr && re2::RE2::PartialMatch(name, *m_dated_name))) {
        return;
    }
    out.push_back({name_begin, name_end, std::string(body_role)});
}

// An unclosed responsibility parenthesis at the end is at most this long (bytes).
constexpr std::size_t k_unclosed_bytes = 300;

// Whether the parenthesis ending at `close` (after its bracket) stands after a sentence or
// names a role (…完成整改。（省交通运输厅负责）, …（省公安厅负责）该项…), not one that glosses the
// word it is attached to (党校（行政学院）教学内容。).
bool DepartmentRules::closes_clause(std::string_view text, std::size_t close) const {
    const std::size_t open = matching_open(text, close, 1200);
    if (open == std::string_view::npos) {
        return false;
    }
    const std::string_view before = text.substr(0, open);
    return before.empty() || before.ends_with("。") || before.back() == ';' || before.back() == ',' ||
           re2::RE2::PartialMatch(text.substr(open + 1, close - open - 2), rule("dept.role_word"));
}

std::vector<DepartmentSpan> DepartmentRules::find(std::string_view text) const {
    return find(text, 1);
}

bool DepartmentRules::labelled_alias(std::string_view text) const {
    const std::size_t open = matching_open(text, text.size(), 200);  // the parenthesis ending `text`
    if (open == std::string_view::npos || open == 0 || (static_cast<unsigned char>(text[open - 1]) & 0x80) == 0) {
        return false;  // not attached to a name (a name ends in an ideograph)
    }
    const std::string_view inner = text.substr(open + 1, text.size() - open - 2);
    // A party organ's other name after one (县直各单位党组（党委）, 各乡镇党委（党工委）), short as it is.
    const std::string_view before = text.substr(0, open);
    auto organ = [&](std::string_view word) { return m_organ != nullptr && re2::RE2::FullMatch(word, *m_organ); };
    const bool organs = organ(inner) && ((before.size() >= 6 && organ(before.substr(before.size() - 6))) ||
                                         (before.size() >= 9 && organ(before.substr(before.size() - 9))));
    // (A body's name of three characters at least: not 县（市）.)
    if ((!organs && (inner.size() < 9 || !re2::RE2::PartialMatch(inner, rule("dept.body_end")))) ||
        inner.find_first_of(",;") != std::string_view::npos || inner.find("、") != std::string_view::npos ||
        // (A role word inside the other name is no role: 学生处（省高校毕业生就业指导中心）.)
        re2::RE2::PartialMatch(inner, m_inner_role != nullptr ? *m_inner_role : rule("dept.role_word")) ||
        text.substr(0, open).ends_with("、")) {
        return false;
    }
    const std::size_t last_stop = text.substr(0, open).rfind("。");
    const std::size_t from = last_stop == std::string_view::npos ? 0 : last_stop + 3;
    RuleMatch label;
    return find_rule(rule("dept.trailing_label"), text.substr(from), 0, label);
}

std::vector<DepartmentSpan> DepartmentRules::find(std::string_view text, int step_over) const {
    std::vector<DepartmentSpan> out;
    RuleMatch match_mark;
    // The parenthesis that ends the text (after 。 ; , : and spaces), matched backwards so a
    // nested （州） stays inside it.
    std::size_t close = text.size();
    while (close > 0) {
        const std::string_view tail = text.substr(0, close);
        if (tail.ends_with("。")) {
            close -= 3;
        } else if (tail.back() == '.' || tail.back() == ';' || tail.back() == ',' || tail.back() == ':' ||
                   tail.back() == ' ') {
            --close;
        } else {
            break;
        }
    }
    // What follows the last parenthesis on the line, when something does: a time limit
    // (…（省应急厅牵头，省公安厅配合）2022年6月底前完成。) makes that parenthesis the last; a short
    // remark (…（省交通运输厅负责）该项工作每季度调度一次。) does when the parenthesis names bodies as
    // a responsibility clause does.
    const std::size_t paren =
        close > 0 && text[close - 1] != ')' ? text.substr(0, close).rfind(')') : std::string_view::npos;
    if (paren != std::string_view::npos) {
        const std::string_view after = text.substr(paren + 1, close - paren - 1);
        std::size_t b = paren + 1;
        std::size_t e = close;
        while (b < e && (text[b] == ',' || text[b] == ';')) {
            ++b;
        }
        trim(text, b, e);
        const std::string_view limit = text.substr(b, e - b);
        RuleMatch mark;
        if (m_time_clause != nullptr && close - paren <= k_time_tail_bytes &&
            limit.find('(') == std::string_view::npos && re2::RE2::PartialMatch(limit, *m_time_clause)) {
            close = paren + 1;
        } else if (step_over > 0 && close - paren <= k_remark_tail_bytes && !after.empty() &&
                   closes_clause(text, paren + 1) && after.find('(') == std::string_view::npos &&
                   after.front() != ',' && !after.starts_with("、") && m_goes_on != nullptr &&
                   !re2::RE2::PartialMatch(after, *m_goes_on) &&
                   // (Not a list going on after a body marked （牵头）: 省应急管理厅（牵头）、省公安厅.)
                   !find_rule(rule("dept.marked_lead"), text.substr(0, paren + 1), 0, mark, false)) {
            std::vector<DepartmentSpan> named = find(text.substr(0, paren + 1), 0);
            if (!named.empty()) {
                return named;
            }
        }
    }
    // 责任单位：省市场监管局、省应急管理厅（牵头） ends in a parenthesis that only marks the
    // body before it: the sentence is read as a labelled one.
    // So does 牵头单位：县委宣传部（县文明办）, whose parenthesis is the other name of the body it
    // is attached to (not a parenthesis naming 县文明办 alone).
    // So does 配合单位：县城管局、各乡镇（街道）, whose parenthesis is a level inside the last name.
    // (Both the name before the parenthesis, after the list's last mark, and the parenthesis
    // are levels: 各乡镇（街道）, not …统筹（各乡镇）.)
    auto level_in_name = [&] {
        const std::size_t open = matching_open(text, close, 40);
        if (open == std::string_view::npos || open == 0 || m_level == nullptr) {
            return false;
        }
        const std::string_view before = text.substr(0, open);
        std::size_t piece = 0;
        // (The last name also begins after 和, 与 or 及: 区消防救援大队与各镇（街道）.)
        for (const std::string_view mark :
             {std::string_view("、"), std::string_view(":"), std::string_view(","), std::string_view(";"),
              std::string_view("。"), std::string_view("和"), std::string_view("与"), std::string_view("及")}) {
            const std::size_t at = before.rfind(mark);
            if (at != std::string_view::npos) {
                piece = std::max(piece, at + mark.size());
            }
        }
        const auto level = [&](std::string_view part) {
            return re2::RE2::FullMatch(part, *m_level) ||
                   (m_village_level != nullptr && re2::RE2::FullMatch(part, *m_village_level));
        };
        return level(before.substr(piece)) && level(text.substr(open + 1, close - open - 2));
    };
    // So does 责任单位：各市地方海事处（局）, whose parenthesis is the other ending of the last name.
    auto ending_in_name = [&] {
        const std::size_t open = matching_open(text, close, 12);
        if (open == std::string_view::npos || open == 0) {
            return false;
        }
        const std::string_view ending = text.substr(open + 1, close - open - 2);
        return ending.size() <= 9 && re2::RE2::FullMatch(ending, rule("dept.bare_org")) &&
               re2::RE2::PartialMatch(text.substr(0, open), rule("dept.body_end"));
    };
    const bool role_mark = close > 0 && text[close - 1] == ')' &&
                           (find_rule(rule("dept.marked_lead"), text.substr(0, close), 0, match_mark, false) ||
                            labelled_alias(text.substr(0, close)) || level_in_name() || ending_in_name());
    // Some issuers put the bodies in lenticular, tortoise-shell or square brackets:
    // …【省应急管理厅牵头】, …〔县水利局牵头，…配合〕, …［镇安监站牵头，…］.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> k_other_brackets = {
        {{"【", "】"}, {"〔", "〕"}, {"[", "]"}}};
    for (const auto& [opener, closer] : k_other_brackets) {
        if (role_mark || !text.substr(0, close).ends_with(closer)) {
            continue;
        }
        const std::size_t at = text.substr(0, close).rfind(opener);
        if (at != std::string_view::npos && close - at < 1200) {
            const std::size_t inner_begin = at + opener.size();
            const std::string_view inner = text.substr(inner_begin, close - closer.size() - inner_begin);
            // (〔〕 and [] also hold a 文号's year: 〔2019〕 is no bare list, digits being none.)
            if (inner.find(opener) == std::string_view::npos &&
                (re2::RE2::PartialMatch(inner, rule("dept.role_word")) ||
                 is_bare_list(without_clauses(inner, m_time_clause, false)))) {
                parse_clauses(text, inner_begin, inner_begin + inner.size(), out);
            }
        }
        return out;
    }
    // A parenthesis whose closing bracket a scraper lost at the line's end
    // (…。（省经信委牵头，省安监局配合): read as if closed, when it holds the roles.
    if (close > 0 && text[close - 1] != ')' && !role_mark) {
        const std::size_t unclosed = text.substr(0, close).rfind('(');
        if (unclosed != std::string_view::npos && close - unclosed <= k_unclosed_bytes &&
            text.find(')', unclosed) == std::string_view::npos && unclosed > 0 &&
            (text.substr(0, unclosed).ends_with("。") || text[unclosed - 1] == ';')) {
            const std::string_view inner = text.substr(unclosed + 1, close - unclosed - 1);
            if (inner.find("。") == std::string_view::npos && re2::RE2::PartialMatch(inner, rule("dept.role_word")) &&
                !(m_citation != nullptr && re2::RE2::PartialMatch(inner, *m_citation))) {
                parse_clauses(text, unclosed + 1, close, out);
                if (!out.empty()) {
                    return out;
                }
            }
        }
    }
    if (close == 0 || text[close - 1] != ')' || role_mark) {
        // No parenthesis: a last sentence such as 责任单位：省经信厅、省通信管理局。 It holds no
        // 。, so only the text after the last one before the end is searched (the rule
        // would fail anywhere earlier, only more slowly).
        // A last sentence that only gives the time (…。责任单位：X。完成时限：2023年底前。) is
        // stepped over: the labelled list is the sentence before it.
        // Labelled sentences one after another (牵头单位：X。配合单位：Y。) are read together.
        std::vector<std::pair<std::size_t, std::size_t>> labelled;  // their clauses, last first
        std::size_t end = text.size();
        std::size_t stop = close;
        for (int sentences = 0; sentences < 4; ++sentences) {
            const std::size_t last_stop = text.substr(0, stop).rfind("。");
            const std::size_t from = last_stop == std::string_view::npos ? 0 : last_stop + 3;
            const std::string_view tail = text.substr(from, end - from);
            RuleMatch label;
            if (find_rule(rule("dept.trailing_label"), tail, 0, label)) {
                const std::string_view clauses = label.group("clauses");
                const std::size_t begin = group_offset(text, clauses);
                labelled.emplace_back(begin, begin + clauses.size());
                if (last_stop == std::string_view::npos) {
                    break;
                }
                end = from;
                stop = last_stop;
                continue;
            }
            if (!labelled.empty()) {
                break;
            }
            std::size_t b = from;
            std::size_t e = end;
            trim(text, b, e);
            if (last_stop == std::string_view::npos ||
                !find_rule(rule("dept.other_label"), text.substr(b, e - b), 0, label, false) || label.begin != 0) {
                break;
            }
            end = from;
            stop = last_stop;
        }
        for (auto it = labelled.rbegin(); it != labelled.rend(); ++it) {
            parse_clauses(text, it->first, it->second, out);
        }
        if (labelled.empty() && !role_mark) {
            read_closing_sentence(text.substr(0, close), out);
        }
        return out;
    }
    const std::size_t open = matching_open(text, close, 1200);
    if (open == std::string_view::npos) {
        // A parenthesis whose opening bracket a scraper lost (…完成检查。省安全监管局牵头，省公安厅
        // 配合）): the last sentence before the closing one, when it holds the roles.
        const std::size_t stop = text.substr(0, close - 1).rfind("。");
        const std::size_t from = stop == std::string_view::npos ? std::string_view::npos : stop + 3;
        if (from != std::string_view::npos && close - 1 - from <= k_unclosed_bytes) {
            const std::string_view inner = text.substr(from, close - 1 - from);
            if (inner.find('(') == std::string_view::npos && re2::RE2::PartialMatch(inner, rule("dept.role_word")) &&
                !(m_citation != nullptr && re2::RE2::PartialMatch(inner, *m_citation))) {
                parse_clauses(text, from, close - 1, out);
            }
        }
        return out;
    }
    std::string_view inner = text.substr(open + 1, close - 1 - open - 1);
    // （省应急厅牵头，省有关部门按职责分工负责。）: a full stop inside the parenthesis.
    while (!inner.empty() &&
           (inner.ends_with("。") || inner.back() == ';' || inner.back() == '.' || inner.back() == ' ')) {
        inner.remove_suffix(inner.ends_with("。") ? 3 : 1);
    }
    // A clause that cites beside the bodies (…按职责分工负责；苏政办发〔2019〕1号) is not one of them.
    inner = without_clauses(without_clauses(inner, m_citation, false), m_citation, true);
    const bool cites = (m_citation != nullptr && re2::RE2::PartialMatch(inner, *m_citation)) ||
                       (m_aside != nullptr && re2::RE2::PartialMatch(inner, *m_aside));
    // A body's name alone before it (县农业局（县农机局）, a duty list's heading): the bracket gives
    // the body's other name, no one's role.
    const std::string_view before = text.substr(0, open);
    // So does one after a body a report is sent to (…报县安委会办公室（县安监局）).
    const bool other_name =
        (before.size() <= 60 && before.find_first_of(",;:") == std::string_view::npos &&
         before.find("。") == std::string_view::npos && re2::RE2::PartialMatch(before, rule("dept.bare_org"))) ||
        (m_addressee != nullptr && re2::RE2::PartialMatch(before, rule("dept.body_end")) &&
         re2::RE2::PartialMatch(before, *m_addressee));
    // (Nor does one after a person's name on a roster line: 联络员：韩雪（省安全监管局办公室）.)
    const bool unit_of_person = m_person_before != nullptr && re2::RE2::PartialMatch(before, *m_person_before);
    if (!cites && !unit_of_person &&
        (re2::RE2::PartialMatch(inner, rule("dept.role_word")) ||
         (!other_name && is_bare_list(without_clauses(inner, m_time_clause, false))))) {
        const std::size_t inner_begin = group_offset(text, inner);
        parse_clauses(text, inner_begin, inner_begin + inner.size(), out);
    }
    // A parenthesis that names nobody — a remark or a time limit after the bodies
    // (…（省应急厅牵头，省公安厅配合）（2023年底前完成）, 牵头单位：X、Y（按职责分工负责）) —
    // is stepped over once.
    if (out.empty() && step_over > 0) {
        return find(text.substr(0, open), step_over - 1);
    }
    return out;
}

void DepartmentRules::read_closing_sentence(std::string_view text, std::vector<DepartmentSpan>& out) const {
    std::size_t end = text.size();
    if (text.ends_with("。")) {
        end -= 3;
    }
    const std::size_t stop = text.substr(0, end).rfind("。");
    RuleMatch match;
    if (m_closing_sentence == nullptr || stop == std::string_view::npos ||
        !find_rule(*m_closing_sentence, text.substr(stop + 3, end - stop - 3), 0, match)) {
        return;
    }
    // Every clause names bodies, or the sentence is no list of them.
    const std::string_view clauses = match.group("clauses");
    const std::size_t begin = group_offset(text, clauses);
    std::vector<DepartmentSpan> found;
    for (std::size_t b = begin; b < begin + clauses.size();) {
        std::size_t e = text.find(',', b);
        e = e == std::string_view::npos || e > begin + clauses.size() ? begin + clauses.size() : e;
        const std::size_t before = found.size();
        parse_clauses(text, b, e, found);
        if (found.size() == before) {
            return;
        }
        b = e + 1;
    }
    out.insert(out.end(), found.begin(), found.end());
}

std::vector<DepartmentSpan> DepartmentRules::find_inner(std::string_view text) const {
    std::vector<DepartmentSpan> out;
    // Whether `s` opens (or, `at_end`, ends) with a mark that parts clauses.
    auto parted = [](std::string_view s, bool at_end) {
        for (const std::string_view mark : {std::string_view("。"), std::string_view(";"), std::string_view(",")}) {
            if (at_end ? s.ends_with(mark) : s.starts_with(mark)) {
                return true;
            }
        }
        return false;
    };
    std::size_t depth = 0;
    std::size_t titles = 0;  // 《 still open: a title's brackets are its own
    std::size_t open = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // (Only brackets matter: ( ) and 《 》, which open with the byte E3.)
        const char c = text[i];
        if (c != '(' && c != ')' && c != '\xE3') {
            continue;
        }
        const std::string_view rest = text.substr(i);
        if (rest.starts_with("《")) {
            ++titles;
        } else if (rest.starts_with("》") && titles > 0) {
            --titles;
        } else if (titles > 0 || text[i] == '\xE3') {
            continue;
        } else if (text[i] == '(') {
            open = depth++ == 0 ? i : open;
        } else if (text[i] == ')' && depth > 0 && --depth == 0) {
            const std::string_view before = text.substr(0, open);
            std::string_view after = text.substr(i + 1);
            std::size_t b = open + 1;
            std::size_t e = i;
            while (b < e && (text[e - 1] == ';' || text[e - 1] == ' ' || text.substr(b, e - b).ends_with("。"))) {
                e -= text[e - 1] == ';' || text[e - 1] == ' ' ? 1 : 3;
            }
            const std::string_view inner = text.substr(b, e - b);
            std::size_t rest_begin = 0;
            while (rest_begin < after.size() && (parted(after.substr(rest_begin), false) || after[rest_begin] == ' ')) {
                rest_begin += after[rest_begin] == ' ' || after[rest_begin] == ';' || after[rest_begin] == ',' ? 1 : 3;
            }
            const bool last = rest_begin >= after.size();
            if (last || m_inner_role == nullptr || inner.size() > k_unclosed_bytes ||
                !(before.empty() || parted(before, true) || parted(after, false)) ||
                !re2::RE2::PartialMatch(inner, *m_inner_role) ||
                (m_citation != nullptr && re2::RE2::PartialMatch(inner, *m_citation)) ||
                (m_aside != nullptr && re2::RE2::PartialMatch(inner, *m_aside))) {
                continue;
            }
            parse_clauses(text, b, e, out);
        }
    }
    return out;
}

std::vector<DepartmentSpan> DepartmentRules::find_opening(std::string_view text) const {
    std::vector<DepartmentSpan> out;
    RuleMatch match;
    if (m_opening != nullptr && find_rule(*m_opening, text, 0, match)) {
        const std::string_view clauses = match.has("clauses") ? match.group("clauses") : match.group("plain");
        const std::size_t begin = group_offset(text, clauses);
        parse_clauses(text, begin, begin + clauses.size(), out);
    }
    return out;
}

// Clauses: 省委宣传部、省应急管理厅牵头 | 各有关部门分工负责
void DepartmentRules::parse_clauses(std::string_view text, std::size_t inner_begin, std::size_t inner_end,
                                    std::vector<DepartmentSpan>& out) const {
    std::size_t clause_begin = inner_begin;
    while (clause_begin < inner_end) {
        RuleMatch separator;
        std::size_t clause_end = inner_end;
        std::size_t next = inner_end;
        const std::string_view rest = text.substr(clause_begin, inner_end - clause_begin);
        std::size_t from = 0;
        while (find_rule(rule("dept.clause_split"), rest, from, separator, false)) {
            // (A space before the role words that end the clause is no split: 市交通局 牵头.)
            if (m_spaced_role != nullptr && (rest[separator.begin] == ' ' || rest[separator.begin] == '\t') &&
                re2::RE2::PartialMatch(rest.substr(separator.end), *m_spaced_role)) {
                from = separator.end;
                continue;
            }
            // (A label run on after the last clause's bodies splits before itself: 牵头单位：
            // 市应急局配合单位：市公安局. Its match, group label, is the one that ends in a colon
            // after the one character before it; read without the groups, which cost a search.)
            const bool run_on_label = separator.end - separator.begin > 3 && rest[separator.end - 1] == ':';
            const std::size_t split =
                run_on_label ? separator.begin + (rest[separator.begin] == ')' ? 1 : 3) : std::string_view::npos;
            clause_end = clause_begin + (run_on_label ? split : separator.begin);
            next = clause_begin + (run_on_label ? split : separator.end);
            break;
        }
        std::size_t b = clause_begin;
        std::size_t e = clause_end;
        trim(text, b, e);
        const std::string_view clause = text.substr(b, e - b);
        if (m_time_clause != nullptr && re2::RE2::PartialMatch(clause, *m_time_clause)) {
            clause_begin = next;  // 2024年9月底前出台 beside the bodies names nobody
            continue;
        }
        RuleMatch m;
        auto at = [&](std::string_view group) { return b + group_offset(clause, group); };
        // The role words ending `words` (省食安办组织 → 组织), not the 组织 of a body's name
        // (各级党组织, 共青团组织).
        auto role_suffix = [&](std::string_view words, RuleMatch& suffix) {
            if (!find_rule(rule("dept.role_suffix"), words, 0, suffix, false)) {
                return false;
            }
            const std::string_view before = words.substr(0, suffix.begin);
            return !(words.substr(suffix.begin).starts_with("组织") &&
                     (before.ends_with("党") || before.ends_with("团")));
        };
        // The bodies of a group, without the role words after them (责任单位：X、Y按职责分工负责).
        // (Not a body's own name that ends as a role word does, when what is left is none:
        // 牵头单位：市目督办.)
        auto split_group = [&](std::string_view group, const char* role) {
            const std::size_t gb = at(group);
            std::size_t ge = gb + group.size();
            RuleMatch suffix;
            if (role_suffix(group, suffix) &&
                !(re2::RE2::PartialMatch(group, rule("dept.body_end")) &&
                  !re2::RE2::PartialMatch(group.substr(0, suffix.begin), rule("dept.body_end")))) {
                ge = gb + suffix.begin;
            }
            split_bodies(text, gb, ge, role, out);
        };
        // A label (责任单位：, 牵头单位：) gives its list a role; the list after it reads like one
        // with no label (责任单位：X会同Y负责, 责任单位：X、Y牵头，Z配合), the label's role where
        // it says none.
        std::string_view list = clause;
        const char* label_role = nullptr;
        if (find_rule(rule("dept.labelled_lead"), clause, 0, m)) {
            list = m.group("bodies");
            label_role = "lead";
        } else if (find_rule(rule("dept.labelled"), clause, 0, m)) {
            list = m.group("bodies");
            label_role = "responsible";
        } else if (m_member != nullptr && find_rule(*m_member, clause, 0, m) &&
                   std::any_of(out.begin(), out.end(), [](const DepartmentSpan& d) { return d.role == "lead"; })) {
            list = m.group("bodies");
            label_role = "responsible";
        } else if (find_rule(rule("dept.other_label"), clause, 0, m, false)) {
            clause_begin = next;  // 完成时限：… and the like name nobody.
            continue;
        }
        // (联合 after a list's 、 is inside a name: 中国民航局、中央军委联合参谋部、公安部.)
        if (find_rule(rule("dept.cohost"), list, 0, m) &&
            !(m.group("joint") == "联合" && m.group("lead").find("、") != std::string_view::npos)) {
            split_bodies(text, at(m.group("lead")), at(m.group("lead")) + m.group("lead").size(), "lead", out);
            split_group(m.group("rest"), "responsible");
        } else if (find_rule(rule("dept.lead"), list, 0, m)) {
            split_bodies(text, at(m.group("bodies")), at(m.group("bodies")) + m.group("bodies").size(), "lead", out);
        } else if (label_role != nullptr) {
            split_group(list, label_role);
        } else {
            // The role words ending the clause, when what is left ends like a body; else, or
            // when it ends sooner, a role with its object (武警宝鸡支队给予支援, 县消防救援大队负责
            // 业务指导, 各乡镇人民政府负责督促辖区企业落实: not …负责督促辖区企业 less 落实).
            std::size_t re = e;
            RuleMatch suffix;
            const bool suffixed = role_suffix(clause, suffix) && suffix.end == clause.size();
            if (suffixed) {
                re = b + suffix.begin;
            }
            // (The role with its object is sought only where it can change the reading: no
            // body before the role words, or a role verb before them too.)
            const bool plain = suffixed && re2::RE2::PartialMatch(text.substr(b, re - b), rule("dept.body_end"));
            if (m_role_object != nullptr &&
                (!plain || find_rule(*m_role_object, text.substr(b, re - b), 0, m, false)) &&
                find_rule(*m_role_object, clause, 0, m) &&
                re2::RE2::PartialMatch(m.group("bodies"), rule("dept.body_end"))) {
                const std::size_t object_end = at(m.group("bodies")) + m.group("bodies").size();
                if (!plain || object_end < re) {
                    re = object_end;
                }
            }
            split_bodies(text, b, re, "responsible", out);
        }
        clause_begin = next;
    }
}

}  // namespace policy
