#include "deadlines.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <fmt/core.h>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>

#include "outline.h"
#include "rule_match.h"

namespace policy {

// Bytes after a date after 截至 searched for what is bound to be done by then (必须完成).
constexpr std::size_t k_bound_reach = 180;

struct DeadlineRules::Impl {
    std::vector<const re2::RE2*> rules;
    std::unique_ptr<re2::RE2::Set> set;  // which rules fire at all, in one pass
    std::unique_ptr<re2::RE2> year_mention;
    const re2::RE2* recurring = nullptr;        // text right before a limit that makes it recur
    const re2::RE2* joined = nullptr;           // what joins two limits under one 每年 (和, 及, 、)
    const re2::RE2* not_a_limit = nullptr;      // text right before a date that is no limit (已, 比)
    const re2::RE2* reference_point = nullptr;  // 截至 before a date: no limit unless its own 前 says so
    const re2::RE2* reference_bound = nullptr;  // …or what follows must be done by then (必须完成)
    const re2::RE2* qualifier = nullptr;        // text right after a date that qualifies a thing (建成的)
    const re2::RE2* past_qualifier = nullptr;   // the same after a year before the notice's (建成、)
    const re2::RE2* word_after = nullptr;       // 前 opening another word (前提), from the limit's 前 on
    const re2::RE2* period_start = nullptr;     // a period's start right before a date (2024年11月至)
    const re2::RE2* close_before = nullptr;     // 至 before the date a period ends at
    const re2::RE2* close_after = nullptr;      // 结束 after it
    std::map<std::string, std::pair<int, int>, std::less<>> holidays;  // holidays.txt: (month, day)
};

DeadlineRules::DeadlineRules() : m_impl(std::make_unique<Impl>()) {}
DeadlineRules::DeadlineRules(DeadlineRules&&) noexcept = default;
DeadlineRules& DeadlineRules::operator=(DeadlineRules&&) noexcept = default;
DeadlineRules::~DeadlineRules() = default;

// A year as written: 2022, or in Chinese numerals (二〇二二, its zero also ○ 零 O or 0); 0 when
// none is written.
int year_of(std::string_view text) {
    if (text.empty()) {
        return 0;
    }
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::atoi(std::string(text).c_str());
    }
    return parse_chinese_year(text);
}

int days_in_month(int year, int month) {
    static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) {
        return 29;
    }
    return k_days[month - 1];
}

std::string iso_date(int year, int month, int day) {
    if (year < 1 || year > 9999 || day < 1 || day > days_in_month(year, month)) {
        return {};
    }
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Result<DeadlineRules> DeadlineRules::create(const Grammar& grammar) {
    DeadlineRules rules;
    re2::RE2::Options options(re2::RE2::Quiet);
    rules.m_impl->set = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
    // Every rule whose name starts with "deadline." takes part; the named groups say what
    // each captured piece means.
    rules.m_impl->recurring = grammar.optional_rule("deadline.recurring");
    rules.m_impl->joined = grammar.optional_rule("deadline.recurring_joined");
    rules.m_impl->not_a_limit = grammar.optional_rule("deadline.not_a_limit");
    rules.m_impl->reference_point = grammar.optional_rule("deadline.reference_point");
    rules.m_impl->reference_bound = grammar.optional_rule("deadline.reference_bound");
    rules.m_impl->qualifier = grammar.optional_rule("deadline.qualifier_after");
    rules.m_impl->past_qualifier = grammar.optional_rule("deadline.past_qualifier_after");
    rules.m_impl->word_after = grammar.optional_rule("deadline.word_after");
    rules.m_impl->period_start = grammar.optional_rule("deadline.period_start_before");
    rules.m_impl->close_before = grammar.optional_rule("deadline.period_close_before");
    rules.m_impl->close_after = grammar.optional_rule("deadline.period_close_after");
    for (const auto& entry : grammar.lexicon("holidays.txt")) {
        int month = 0;
        int day = 0;
        if (entry.size() == 2 && std::sscanf(entry[1].c_str(), "%d-%d", &month, &day) == 2 && month >= 1 &&
            month <= 12 && day >= 1 && day <= 31) {
            rules.m_impl->holidays[entry[0]] = {month, day};
        }
    }
    for (const GrammarRule* rule : grammar.rules_with_prefix("deadline.")) {
        // (Not the rules that judge a limit's surroundings: they find no limit.)
        if (rule->name == "deadline.recurring" || rule->name == "deadline.recurring_joined" ||
            rule->name == "deadline.not_a_limit" || rule->name == "deadline.reference_point" ||
            rule->name == "deadline.reference_bound" || rule->name == "deadline.qualifier_after" ||
            rule->name == "deadline.past_qualifier_after" || rule->name == "deadline.word_after" ||
            rule->name == "deadline.period_start_before" || rule->name == "deadline.period_close_before" ||
            rule->name == "deadline.period_close_after") {
            continue;
        }
        std::string error;
        if (rules.m_impl->set->Add(rule->pattern, &error) < 0) {
            return make_error(ErrorCode::bad_argument, fmt::format("{}:{}: {}", rule->file, rule->line, error));
        }
        rules.m_impl->rules.push_back(rule->regex.get());
    }
    if (rules.m_impl->rules.empty()) {
        return make_error(ErrorCode::bad_argument, "grammars: no deadline.* rules defined");
    }
    if (!rules.m_impl->set->Compile()) {
        return make_error(ErrorCode::bad_argument, "grammars: deadline rules do not compile as a set");
    }
    rules.m_impl->year_mention = std::make_unique<re2::RE2>("((?:19|20)\\d{2})\\s*年");
    return rules;
}

// Whether the text right before `pos` is a year that lost digits (202年, 22年): one to three
// digits and 年.
bool damaged_year_before(std::string_view text, std::size_t pos) {
    std::string_view before = text.substr(0, pos);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) {
        before.remove_suffix(1);
    }
    if (!before.ends_with("年")) {
        return false;
    }
    before.remove_suffix(3);
    std::size_t digits = 0;
    while (digits < before.size() && std::isdigit(static_cast<unsigned char>(before[before.size() - 1 - digits]))) {
        ++digits;
    }
    return digits >= 1 && digits <= 3;
}

// The date of the day of the week `weekday` (一 … 六, 日 or 天) in the week of the date of
// signing (Chinese weeks start on Monday), or the next week's; none when that day had already
// passed at signing (本周三前 signed on a Friday) or the date is not known.
std::optional<std::string> signing_week_day(std::string_view weekday, bool next_week, int year, int month, int day) {
    namespace chrono = std::chrono;
    const chrono::year_month_day signed_date{chrono::year(year), chrono::month(static_cast<unsigned>(month)),
                                             chrono::day(static_cast<unsigned>(day))};
    if (year == 0 || !signed_date.ok()) {
        return std::nullopt;
    }
    const chrono::sys_days signed_on(signed_date);
    const long signed_weekday = (chrono::weekday(signed_on).c_encoding() + 6) % 7;  // Monday 0
    const std::string_view names[] = {"一", "二", "三", "四", "五", "六", "日", "天"};
    const long target = std::min<long>(std::find(std::begin(names), std::end(names), weekday) - names, 6);
    if (!next_week && target < signed_weekday) {
        return std::nullopt;
    }
    const chrono::year_month_day due(signed_on + chrono::days(target - signed_weekday + (next_week ? 7 : 0)));
    return iso_date(static_cast<int>(due.year()), static_cast<int>(static_cast<unsigned>(due.month())),
                    static_cast<int>(static_cast<unsigned>(due.day())));
}

// Whether a year written right after `before` is a baseline (较2020年, 比2019年, 同比) or the
// end of a span (2023—2025年, 2023至2025年, 2012年12月上旬至2013年1月中旬: a limit after it
// without a year is in the span's first year, its start).
bool baseline_or_span(std::string_view before) {
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) {
        before.remove_suffix(1);
    }
    if (before.ends_with("较") || before.ends_with("比")) {
        return true;
    }
    for (const std::string_view dash : {"-", "—", "–", "~", "至", "到"}) {
        if (before.ends_with(dash)) {
            const std::string_view rest = before.substr(0, before.size() - dash.size());
            // 2023—2025年, 2023年—2025年, 2012年12月上旬至: a year or date before the dash.
            for (const std::string_view unit : {"年", "月", "日", "号", "旬", "初", "底", "末"}) {
                if (rest.ends_with(unit)) {
                    return true;
                }
            }
            return !rest.empty() && std::isdigit(static_cast<unsigned char>(rest.back()));
        }
    }
    return false;
}

// Counts the title brackets 《 (one deeper) and 》 (one out, never below 0) that start in
// text[from, to) into `depth`. (《 and 》 are E3 80 8A and E3 80 8B in UTF-8: a byte test,
// not a comparison at every byte, keeps a long paragraph's scan cheap.)
void count_titles(std::string_view text, std::size_t from, std::size_t to, int& depth) {
    for (std::size_t i = from; i < to && i + 2 < text.size(); ++i) {
        if (text[i] != '\xE3' || text[i + 1] != '\x80') {
            continue;
        }
        if (text[i + 2] == '\x8A') {
            ++depth;
        } else if (text[i + 2] == '\x8B' && depth > 0) {
            --depth;
        }
    }
}

// How far before a limit the recurring rule looks (its words are a few characters long).
constexpr std::size_t k_recurring_window = 256;
// How far before a limit a year mention (2019 年) may start and still be unfinished there.
constexpr std::size_t k_year_margin = 64;

std::vector<DeadlineMatch> DeadlineRules::find(std::string_view text, int context_year, int signed_month,
                                               int signed_year, int signed_day) const {
    std::vector<int> fired;
    if (!m_impl->set->Match(text, &fired)) {
        return {};
    }
    std::vector<RuleMatch> candidates;
    for (const int index : fired) {
        for (RuleMatch& match : find_all(*m_impl->rules[static_cast<std::size_t>(index)], text)) {
            const std::string_view span = match.group("text");
            if (!span.empty()) {
                match.begin = group_offset(text, span);
                match.end = match.begin + span.size();
            }
            candidates.push_back(std::move(match));
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const RuleMatch& a, const RuleMatch& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    // The month of signing counts in the notice's own year (本月底前, a month already past); when
    // it was signed the year before (a 2024 plan signed in December 2023), see below.
    const int own_month = signed_year == 0 || signed_year == context_year ? signed_month : 0;
    std::vector<DeadlineMatch> out;
    std::size_t covered = 0;
    std::size_t year_scanned = 0;                        // text before it has been searched for year mentions
    int nearest = 0;                                     // the last year mentioned before year_scanned
    std::size_t yearly_end = std::string_view::npos;     // the end of the last 每年 limit
    std::size_t recurring_end = std::string_view::npos;  // the end of the last recurring limit
    std::size_t cited_counted = 0;                       // 《 and 》 counted up to here
    int cited_depth = 0;                                 // titles open there
    std::size_t titles_counted = 0;                      // 《》 before this offset are counted in title_depth
    int title_depth = 0;
    for (const RuleMatch& match : candidates) {
        if (match.begin < covered) {
            continue;
        }
        DeadlineMatch deadline;
        deadline.begin = match.begin;
        deadline.end = match.end;
        const std::string_view year_text = match.group("year");
        const std::string_view day_text = match.group("day");
        const std::string_view end_text = match.group("end");
        int year = year_of(year_text);
        if (const std::string_view plan = match.group("five_year"); !plan.empty()) {
            // The Nth five-year plan ends in 1955 + 5N: 十二五 (2011–2015) in 2015.
            year = 1955 + 5 * parse_chinese_numeral(plan);
        }
        // 本月底前: the month of signing.
        std::string this_month_text;
        if (match.has("this_month")) {
            // (当月 and 下月 count from a month the text repeats — 每月统计，下月10日前报送 — more
            // often than from the date of signing: no date.)
            const int month = match.group("this_month") == "本" ? own_month : 0;
            year = context_year;
            if (month == 0) {
                out.push_back(deadline);  // no date of signing to count from
                covered = match.end;
                continue;
            }
            this_month_text = std::to_string(month);
        } else if (match.has("this_quarter")) {
            // 本季度末前: the last month of the quarter of signing (下季度, 季度末前: none named).
            const std::string_view which = match.group("this_quarter");
            const bool own = which.starts_with("本") || which.starts_with("当");
            year = context_year;
            if (!own || own_month == 0) {
                out.push_back(deadline);
                covered = match.end;
                continue;
            }
            this_month_text = std::to_string((own_month + 2) / 3 * 3);
        }
        const std::string_view month_text = match.has("this_month") || match.has("this_quarter")
                                                ? std::string_view(this_month_text)
                                                : match.group("month");
        // Only the words just before the limit can say it recurs (the rule ends in $): a
        // window of the last k_recurring_window bytes, from a character boundary, keeps a long
        // paragraph linear (searching all of the text before each limit was quadratic).
        std::size_t window = match.begin > k_recurring_window ? match.begin - k_recurring_window : 0;
        while (window < match.begin && (static_cast<unsigned char>(text[window]) & 0xC0) == 0x80) {
            ++window;
        }
        const re2::StringPiece before(text.data() + window, match.begin - window);
        // 春节前后 is a time around the festival, no limit; 2000年底前建成的小区 qualifies the
        // 小区 (deadline.qualifier_after sees a few characters after the limit).
        const re2::StringPiece after(text.data() + match.end, std::min<std::size_t>(text.size() - match.end, 40));
        const std::string_view matched = text.substr(match.begin, match.end - match.begin);
        const bool word_after = m_impl->word_after != nullptr && matched.ends_with("前") &&
                                re2::RE2::PartialMatch(re2::StringPiece(text.data() + match.end - 3, after.size() + 3),
                                                       *m_impl->word_after);
        // A year before the notice's with a verb of record after it (2000年底前建成、失养失修…的小区)
        // qualifies a thing however long the phrase before its 的.
        const bool past_qualifier = year != 0 && context_year != 0 && year < context_year &&
                                    m_impl->past_qualifier != nullptr &&
                                    re2::RE2::PartialMatch(after, *m_impl->past_qualifier);
        // A year's or a month's end without 前 in a year before the notice's is a time of record
        // (2022年底，全市共有…企业 in a 2023 notice; 对照2022年底建立的台账), no limit.
        const bool past_record =
            !matched.ends_with("前") && !end_text.empty() && year != 0 && context_year != 0 && year < context_year;
        // A date without 前 after a period's start (2024年11月上旬至2025年3月底), or between 至 and
        // 结束 (…开始，至2016年11月底结束), ends the period.
        const bool period_end =
            !matched.ends_with("前") &&
            ((m_impl->period_start != nullptr && re2::RE2::PartialMatch(before, *m_impl->period_start)) ||
             (m_impl->close_before != nullptr && m_impl->close_after != nullptr &&
              re2::RE2::PartialMatch(before, *m_impl->close_before) &&
              re2::RE2::PartialMatch(after, *m_impl->close_after)));
        // A limit inside a cited title (《2030年前碳达峰行动方案》, closed a little after it) is that
        // document's name. (The brackets are counted on from the last match: matches come in order.)
        count_titles(text, cited_counted, match.begin, cited_depth);
        cited_counted = std::max(cited_counted, match.begin);
        const bool cited = cited_depth > 0 && text.substr(match.end, 300).find("》") != std::string_view::npos;
        const bool reference_point =
            !matched.ends_with("前") && m_impl->reference_point != nullptr &&
            re2::RE2::PartialMatch(before, *m_impl->reference_point) &&
            !(m_impl->reference_bound != nullptr &&
              re2::RE2::PartialMatch(text.substr(match.end, k_bound_reach), *m_impl->reference_bound));
        if (cited || reference_point ||
            (m_impl->not_a_limit != nullptr && re2::RE2::PartialMatch(before, *m_impl->not_a_limit)) || period_end ||
            (m_impl->qualifier != nullptr && re2::RE2::PartialMatch(after, *m_impl->qualifier)) || word_after ||
            past_qualifier || past_record) {
            covered = match.end;
            continue;
        }
        // A holiday on a fixed day of the calendar (holidays.txt) dates its eve (国庆节前: 9月30日);
        // the others (汛期, 春节: a season, a lunar date) give none.
        const std::string_view event = match.group("event");
        bool recurs = match.has("every") || match.has("every_week");
        re2::StringPiece every;
        if (!recurs && m_impl->recurring != nullptr &&
            m_impl->recurring->Match(before, 0, before.size(), re2::RE2::UNANCHORED, &every, 1)) {
            recurs = true;
            // 每年11月底前 keeps 每年 (11月底前 alone would be one date); so does 每学期开学前
            // (开学前 alone would be one term's).
            deadline.begin = static_cast<std::size_t>(every.data() - text.data());
        }
        // 次年 after a yearly limit in the same sentence (每年12月20日前报送…，次年1月15日前报送) is
        // the year after each one: it recurs too.
        if (!recurs && yearly_end != std::string_view::npos && match.group("next_year").starts_with("次") &&
            text.substr(yearly_end, match.begin - yearly_end).find("。") == std::string_view::npos) {
            recurs = true;
        }
        // A second limit joined to a recurring one (每年6月25日前和12月25日前) recurs with it,
        // unless it names its own year.
        if (!recurs && recurring_end != std::string_view::npos && recurring_end <= match.begin && year_text.empty() &&
            m_impl->joined != nullptr &&
            re2::RE2::FullMatch(re2::StringPiece(text.data() + recurring_end, match.begin - recurring_end),
                                *m_impl->joined)) {
            recurs = true;
        }
        if (recurs) {
            recurring_end = match.end;
        }
        if (recurs && (match.group("every").starts_with("每年") || std::string_view(every).starts_with("每年"))) {
            yearly_end = match.end;
        }
        auto holiday = event.empty() ? m_impl->holidays.end() : m_impl->holidays.find(event);
        // Two events sharing the 前 (“五一”、国庆前): the earlier eve when both are fixed
        // holidays; no date when either is not (春节、清明节前).
        if (const std::string_view first_event = match.group("first_event");
            !first_event.empty() && holiday != m_impl->holidays.end()) {
            const auto first = m_impl->holidays.find(first_event);
            holiday = first == m_impl->holidays.end()
                          ? first
                          : std::min(first, holiday, [](auto a, auto b) { return a->second < b->second; });
        }
        const int holiday_month = holiday == m_impl->holidays.end() ? 0 : holiday->second.first;
        if ((!event.empty() && holiday_month == 0) || recurs) {
            // 本周五前, 下周一前: dated from the date of signing.
            if (const std::string_view weekday = match.group("weekday"); !recurs && !weekday.empty()) {
                deadline.date =
                    signing_week_day(weekday, match.group("week") == "下", signed_year, signed_month, signed_day);
                deadline.year_inferred = deadline.date.has_value();
            }
            out.push_back(deadline);
            covered = match.end;
            continue;
        }
        if (year == 0 && damaged_year_before(text, match.begin)) {
            // 202年3月底前: the scraper lost a digit of the year; no year is guessed for it.
            out.push_back(deadline);
            covered = match.end;
            continue;
        }
        if (year == 0) {
            // The nearest year written before the match, else the document's. Matches come in
            // order, so each search resumes where the last stopped: a long paragraph is read
            // once, not once per limit (which was quadratic).
            re2::StringPiece input(text.data() + year_scanned, match.begin - year_scanned);
            re2::StringPiece captured;
            while (re2::RE2::FindAndConsume(&input, *m_impl->year_mention, &captured)) {
                const std::size_t at = static_cast<std::size_t>(captured.data() - text.data());
                // Not a year the work is in: one inside a cited title (《…（2023—2025年）》), a
                // baseline (较2020年下降5%), the end of a span (2023—2025年).
                count_titles(text, titles_counted, at, title_depth);
                titles_counted = std::max(titles_counted, at);
                if (title_depth == 0 && !baseline_or_span(text.substr(0, at))) {
                    nearest = std::atoi(std::string(captured).c_str());
                }
            }
            // Resume after the last year found, or a little before this limit when none was:
            // only a mention still being written there can be found later.
            year_scanned = std::max(static_cast<std::size_t>(input.data() - text.data()),
                                    match.begin > k_year_margin ? match.begin - k_year_margin : 0);
            // (Never a year before the notice's own: 对2016年以来的资金开展清查，9月底前完成 in a
            // plan of 2019 is due in 2019.)
            year = nearest != 0 ? std::max(nearest, context_year) : context_year;
            if (match.has("next_year")) {
                // 明年: the year after the year of signing (明年1月底前 in a notice of 2023-11 about
                // 2024's work is January 2024), else after the notice's; 次年: the year after the
                // one named before it (2024年3月底前…，次年3月底前), else after the notice's.
                const bool following = match.group("next_year").starts_with("次") && nearest != 0;
                const bool ming = match.group("next_year").starts_with("明");
                const int own_year = ming && signed_year != 0 ? signed_year : context_year;
                const int base = following ? nearest : own_year != 0 ? own_year : nearest;
                year = base != 0 ? base + 1 : 0;
            } else if (match.has("current") && context_year != 0) {
                // 今年底前: the notice's own year, whatever year was named before it; 今年 is the
                // year it was written in (今年底前 in a notice of December 2019 about 2020's
                // 元旦 and 春节 is 2019's end; 本年度 is the notice's).
                year = match.group("current").starts_with("今") && signed_year != 0 ? signed_year : context_year;
            }
            deadline.year_inferred = true;
        }
        if (year == 0) {
            out.push_back(deadline);
            covered = match.end;
            continue;
        }
        // A month already past when the notice was signed is next year's.
        const auto roll_past = [&](int month) {
            if (deadline.year_inferred && !match.has("next_year") && !match.has("current") && year == context_year &&
                own_month != 0 && month > 0 && month < own_month) {
                ++year;
            }
        };
        // A notice signed late in the year before its title's (关于做好2021年元旦春节期间…
        // signed 2020-12-24; 谋划2024年重点工作 signed 2023-11-20): a month from the month of
        // signing on, with no year named before it in the paragraph, is still the year of
        // signing (12月28日17时前: four days on; 5月底前 is the title's year).
        // (Not a day before the day of signing: 12月15日前 in a plan signed on 30 December.)
        const auto still_signing_year = [&](int month, int day) {
            if (deadline.year_inferred && nearest == 0 && !match.has("next_year") && !match.has("current") &&
                year == context_year && signed_year != 0 && signed_year + 1 == context_year && signed_month != 0 &&
                (month > signed_month ||
                 (month == signed_month && (day == 0 || signed_day == 0 || day >= signed_day)))) {
                year = signed_year;
            }
        };
        std::string date;
        if (holiday_month != 0) {
            // The day before the holiday. One on 1 January: 2024年元旦前 is 2023-12-31; 元旦前
            // without a year, the coming one, is the last day of the notice's year.
            int month = holiday_month;
            int day = holiday->second.second - 1;
            if (day == 0) {
                month = month == 1 ? 12 : month - 1;
                if (month == 12 && !year_text.empty()) {
                    --year;
                } else if (month == 12 && deadline.year_inferred && signed_year != 0 && signed_year + 1 == year &&
                           !match.has("next_year") && !match.has("current")) {
                    // The coming 元旦 of a notice signed the year before its title's (关于做好
                    // 2023年春运…的通知 signed 2022-12-26), or the year before the one its
                    // paragraph names (signed 2023-11-08: 2024年春节前…，元旦前): its eve is in the
                    // year of signing.
                    year = signed_year;
                }
                day = days_in_month(year, month);
            }
            roll_past(month);
            date = iso_date(year, month, day);
        } else if (!month_text.empty()) {
            const int month = std::isdigit(static_cast<unsigned char>(month_text[0]))
                                  ? std::atoi(std::string(month_text).c_str())
                                  : parse_chinese_numeral(month_text);  // 十月底前
            const int day = day_text.empty() ? 0
                            : std::isdigit(static_cast<unsigned char>(day_text[0]))
                                ? std::atoi(std::string(day_text).c_str())
                                : parse_chinese_numeral(day_text);  // 十五日前
            roll_past(month);
            // (月中 and 6月中前: the middle of the month, its 15th.)
            const bool mid_month = end_text == "月中" || end_text == "中";
            still_signing_year(month, day != 0             ? day
                                      : end_text == "上旬" ? 10
                                      : mid_month          ? 15
                                      : end_text == "中旬" ? 20
                                                           : 0);
            if (!day_text.empty()) {
                date = iso_date(year, month, day);
            } else if (end_text == "上旬") {
                date = iso_date(year, month, 10);
            } else if (mid_month) {
                date = iso_date(year, month, 15);
            } else if (end_text == "中旬") {
                date = iso_date(year, month, 20);
            } else {
                date = iso_date(year, month, days_in_month(year, month));
            }
            if (date.empty()) {
                continue;  // 13月, 2月30日: not a date, not a limit
            }
        } else if (match.has("half")) {
            roll_past(6);  // as 6月底前 is
            date = iso_date(year, 6, 30);
        } else if (match.has("quarter")) {
            const std::string_view q = match.group("quarter");
            int quarter = q[0] >= '1' && q[0] <= '4' ? q[0] - '0' : parse_chinese_numeral(q);
            roll_past(quarter * 3);
            date = iso_date(year, quarter * 3, days_in_month(year, quarter * 3));
        } else {
            date = iso_date(year, 12, 31);
        }
        if (!date.empty()) {
            deadline.date = date;
        }
        out.push_back(deadline);
        covered = match.end;
    }
    return out;
}

}  // namespace policy
