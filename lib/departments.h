// departments.h — the responsibility parenthesis that ends a task, split into bodies with
// their role: （省委宣传部、省应急管理厅牵头，各有关部门分工负责） gives 省委宣传部 and
// 省应急管理厅 (lead) and 有关部门 (responsible). `lead` is a body marked 牵头 or the subject
// of 会同; every other body is `responsible`. Names keep their written form (leading 各 and
// trailing 等 dropped); canonical names come from grammars/departments.txt. It does not find
// departments named in running text.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar.h"
#include "result.h"

namespace re2 {
class RE2;
}

namespace policy {

struct DepartmentSpan {
    std::size_t begin = 0;  // the name's span in the searched text
    std::size_t end = 0;
    std::string role;  // "lead" or "responsible"
};

class DepartmentRules {
public:
    static Result<DepartmentRules> create(const Grammar& grammar);

    // The bodies in the parenthesis (or 【】) that ends `task_text` (normalised), in order; empty when
    // it does not end in one that names a role. Without such a parenthesis, a last sentence
    // of labelled lists (责任单位：…；配合单位：…) is read the same way.
    std::vector<DepartmentSpan> find(std::string_view task_text) const;

    // The bodies in parentheses before the end of `task_text` that close a sentence or a clause
    // and name a role (…职责。（省委组织部牵头，省委办公厅配合）将安全生产纳入…；…督办制度（省安委办
    // 牵头），并…): a task whose sentences each say who does them. Not the one ending the text
    // (find() reads it), nor one inside a sentence that goes on (…（X牵头）并开展督查).
    std::vector<DepartmentSpan> find_inner(std::string_view task_text) const;

    // The bodies a task's text opens with, before what is done (由X牵头，Y配合，开展…; 由X会同Y，
    // 组织…; X负责，…: dept.opening), read like a parenthesis; for a task that ends in none.
    std::vector<DepartmentSpan> find_opening(std::string_view task_text) const;

    // Whether `paragraph` is a labelled line such as 责任单位：… or 完成时限：… (a task may end
    // in several; find() reads each).
    bool is_label_line(std::string_view paragraph) const;

    // Whether `paragraph` opens with a duty label (牵头单位：, 责任单位：, 成员单位：…:
    // dept.duty_line), one that names bodies wherever it stands in a task.
    bool is_duty_line(std::string_view paragraph) const;

    // The bodies of a working group's 成员单位：… line (dept.labelled_member), responsible; to be
    // read only beside a body that leads (its 牵头单位).
    std::vector<DepartmentSpan> members(std::string_view paragraph) const;

    // The canonical name of `name` (itself when the lexicon does not know it).
    std::string canonical(const std::string& name) const;

private:
    // find(), stepping over up to `step_over` parentheses that name nobody.
    std::vector<DepartmentSpan> find(std::string_view task_text, int step_over) const;
    bool is_bare_list(std::string_view inner) const;
    bool closes_clause(std::string_view text, std::size_t close) const;
    // Adds the bodies of `text`'s last sentence when it only says who does the task
    // (…。县安委办牵头，各乡镇人民政府具体负责。: dept.closing_sentence), every clause naming some.
    void read_closing_sentence(std::string_view text, std::vector<DepartmentSpan>& out) const;
    // Whether `text` is a labelled sentence (牵头单位：…) ending in a body's other name in a
    // parenthesis attached to it: 牵头单位：县委宣传部（县文明办）.
    bool labelled_alias(std::string_view text) const;
    // Whether the list's parts before the last are levels of government only, sharing the
    // last part's name (省、市、县应急管理部门), or places sharing the last part's government.
    bool shares_name(std::string_view list) const;
    // The rank of the level of government `part` opens with (1 the highest; 0: none known).
    int level_rank(std::string_view part, int floor = 0) const;
    void parse_clauses(std::string_view text, std::size_t begin, std::size_t end,
                       std::vector<DepartmentSpan>& out) const;
    void split_bodies(std::string_view text, std::size_t begin, std::size_t end, const std::string& role,
                      std::vector<DepartmentSpan>& out) const;
    std::map<std::string, const re2::RE2*, std::less<>> m_rules;
    const re2::RE2& rule(std::string_view name) const { return *m_rules.find(name)->second; }
    std::map<std::string, std::string, std::less<>> m_canonical;
    const re2::RE2* m_time_clause = nullptr;       // optional: dept.time_clause
    const re2::RE2* m_citation = nullptr;          // optional: dept.citation
    const re2::RE2* m_aside = nullptr;             // optional: dept.aside
    const re2::RE2* m_dated_name = nullptr;        // optional: dept.dated_name
    const re2::RE2* m_closing_sentence = nullptr;  // optional: dept.closing_sentence
    const re2::RE2* m_inner_role = nullptr;        // optional: dept.inner_role (find_inner reads nothing without it)
    const re2::RE2* m_role_object = nullptr;       // optional: dept.role_object
    const re2::RE2* m_opening = nullptr;           // optional: dept.opening
    const re2::RE2* m_spaced_role = nullptr;       // optional: dept.spaced_role
    const re2::RE2* m_goes_on = nullptr;           // optional: dept.sentence_goes_on
    // government-levels.txt: each level's words with its rank (1 the highest), longest first.
    std::vector<std::pair<std::string, int>> m_level_ranks;
    const re2::RE2* m_level = nullptr;           // optional: dept.level
    const re2::RE2* m_office_end = nullptr;      // optional: dept.office_end
    const re2::RE2* m_person_before = nullptr;   // optional: dept.person_before
    const re2::RE2* m_addressee = nullptr;       // optional: dept.addressee
    const re2::RE2* m_member = nullptr;          // optional: dept.labelled_member
    const re2::RE2* m_duty_line = nullptr;       // optional: dept.duty_line
    const re2::RE2* m_village_level = nullptr;   // optional: dept.village_level
    const re2::RE2* m_organ = nullptr;           // optional: dept.organ
    const re2::RE2* m_place = nullptr;           // optional: dept.place
    const re2::RE2* m_shared_head = nullptr;     // optional: dept.shared_head
    const re2::RE2* m_own_level_name = nullptr;  // optional: dept.own_level_name
    const re2::RE2* m_named_place = nullptr;     // optional: dept.named_place
};

}  // namespace policy
