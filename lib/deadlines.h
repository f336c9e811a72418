// deadlines.h — explicit time limits (2019年底前, 2014年11月底前, 2015年6月30日前, 汛期前,
// 到2020年) and the last day each allows, by the rules in grammars/deadlines.re2. A limit
// without a year (6月底前, 年底前) borrows it from the nearest context and says so. It does
// not decide which task a limit belongs to.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar.h"
#include "result.h"

namespace re2 {
class RE2;
class RE2_Set;  // not used directly
}  // namespace re2

namespace policy {

struct DeadlineMatch {
    std::size_t begin = 0;  // in the searched text
    std::size_t end = 0;
    std::optional<std::string> date;  // ISO
    bool year_inferred = false;
};

class DeadlineRules {
public:
    static Result<DeadlineRules> create(const Grammar& grammar);
    DeadlineRules(DeadlineRules&&) noexcept;
    DeadlineRules& operator=(DeadlineRules&&) noexcept;
    ~DeadlineRules();

    // Limits in `text`, in order, overlapping matches resolved to the longest leftmost one.
    // `context_year` (0: none) supplies the year where the text gives none before the match.
    // `signed_month` (1–12, 0: unknown) is the month the notice was signed in, and
    // `signed_year` (0: unknown, then taken to be `context_year`) the year. Signed in
    // `context_year`, a limit whose month is earlier and whose year was inferred to be that
    // year falls in the next (3月底前 in a notice of November: next March). Signed the year
    // before `context_year` (a plan for next year), a limit in the month of signing or after it
    // with no year named before it is in the year of signing (12月25日前 in a notice of
    // November), and so is the eve of the coming 元旦; 明年 counts from the year of signing. Not
    // a day before the day of signing, `signed_day` (1–31, 0: unknown): 12月15日前 in a 2026 plan
    // signed on 30 December 2025 is 2026's.
    std::vector<DeadlineMatch> find(std::string_view text, int context_year, int signed_month = 0, int signed_year = 0,
                                    int signed_day = 0) const;

private:
    DeadlineRules();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The last day of `month` in `year`.
int days_in_month(int year, int month);

// "2019-12-31"; empty when the date does not exist.
std::string iso_date(int year, int month, int day);

}  // namespace policy
