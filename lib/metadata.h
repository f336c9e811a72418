// metadata.h — the head and foot of a notice (GB/T 9704 版头, 主体, 版记): where the notice
// itself starts and ends among scraped web chrome, its title (关于…的通知) and the plan's own
// title, its 文号, issuing bodies, date of signing (成文; else 印发), 主送 recipients and
// 抄送 list. Rules: grammars/meta.re2. It does not parse the outline.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citations.h"
#include "grammar.h"
#include "lines.h"
#include "record.h"
#include "result.h"

namespace re2 {
class RE2;
}

namespace policy {

constexpr std::size_t k_none = static_cast<std::size_t>(-1);

// Where things are, as paragraph indices (k_none: absent).
struct Layout {
    std::size_t body_begin = 0;  // the notice starts here (chrome before it is skipped)
    std::size_t body_end = 0;    // and its main text ends before this (版记 and chrome after)
    std::size_t title_first = k_none;
    std::size_t title_last = k_none;
    std::size_t plan_title = k_none;
    std::size_t plan_title_begin = 0;  // where the plan's title starts in its paragraph (after 附件1：)
    std::size_t doc_number = k_none;
    std::size_t recipients = k_none;
    std::size_t signature_date = k_none;
    std::size_t printed = k_none;     // the 印发 line of the 版记
    std::size_t cc = k_none;          // the 抄送 line
    std::vector<std::size_t> stops;   // paragraphs that end a task's continuation (org, date, …)
    std::vector<std::size_t> listed;  // entries of the attachment list after 附件：1.… (no outline items)
};

// A stretch of one paragraph's text, to be read back in its original form.
struct TextSpan {
    std::size_t paragraph = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct Metadata {
    std::vector<TextSpan> title;  // a title split over lines is several spans, joined
    std::vector<TextSpan> plan_title;
    std::optional<DocNumber> doc_number;
    // Where a web page's document table gave doc_number, or a damaged 文号 line (吉安委〔2019〕6).
    std::optional<TextSpan> field_doc_number;
    std::vector<TextSpan> issuers;
    std::optional<std::string> issued;
    std::vector<TextSpan> recipients;
    std::vector<TextSpan> cc;
    int year = 0;  // the notice's year (from its titles, else its date), for deadlines
    // A title names one year's plan (2022年全市工贸行业安全生产工作要点; meta.yearly_plan) of
    // that year: its months are that year's, whenever it was signed.
    bool yearly_plan = false;
};

class MetadataRules {
public:
    static Result<MetadataRules> create(const Grammar& grammar);

    // Finds the layout and metadata of `paragraphs`. `citations` recognises the 文号 line.
    Layout layout(const std::vector<Paragraph>& paragraphs, const CitationRules& citations) const;
    Metadata metadata(const std::vector<Paragraph>& paragraphs, const Layout& layout,
                      const CitationRules& citations) const;

    bool is_org_line(std::string_view text) const;
    // `text` without a seal's mark at its end (X（印章） → X; （印章） alone → empty).
    std::string_view without_seal(std::string_view text) const;
    bool is_printed(std::string_view text) const;  // the 印发 line of the 版记, its date whole or not
    bool is_chrome(std::string_view text) const;
    // A line of a government site's document table (索引号：… 文号：…; meta.field_line, optional).
    bool is_field_line(std::string_view text) const;
    // A document table's title line (标　　题：…, 名称：…; meta.field_title).
    bool is_title_field(std::string_view text) const;
    // A closing paragraph addressed to those who carry the plan out (各地各部门要…, 本方案自印发之日
    // 起施行): after the last task, it is the notice's, not the task's. (meta.closing; optional)
    bool is_closing(std::string_view text) const;
    // The attachment list's line (附件：…, 附件1：…; meta.attachment).
    bool is_attachment_line(std::string_view text) const;
    std::optional<std::string> date_line(std::string_view text) const;  // ISO date of a date-only line
    // A signing body and its date on one line, parted by spaces (常德市应急管理局　　2021年12月28日,
    // a two-column layout run into one line; meta.head_dated): where the bodies end and the ISO date.
    std::optional<std::pair<std::size_t, std::string>> dated_org_line(std::string_view text) const;

private:
    void split_list(const std::vector<Paragraph>& paragraphs, std::size_t index, std::size_t begin, std::size_t end,
                    std::vector<TextSpan>& out) const;
    const re2::RE2* m_title_about = nullptr;
    const re2::RE2* m_doc_type_end = nullptr;
    const re2::RE2* m_org_line = nullptr;
    const re2::RE2* m_place_prefix = nullptr;  // places a short form leaves out
    const re2::RE2* m_seal = nullptr;          // optional: a seal's mark after a name or date
    const re2::RE2* m_date = nullptr;
    const re2::RE2* m_date_cn = nullptr;
    const re2::RE2* m_date_compact = nullptr;  // optional: 20171228, a date that lost 年月日
    const re2::RE2* m_printed = nullptr;
    const re2::RE2* m_printed_loose = nullptr;  // optional: meta.printed_loose
    const re2::RE2* m_head_dated = nullptr;     // optional: meta.head_dated
    const re2::RE2* m_addressee_end = nullptr;  // optional: meta.addressee_end
    const re2::RE2* m_yearly_plan = nullptr;    // optional: meta.yearly_plan
    const re2::RE2* m_cc = nullptr;
    const re2::RE2* m_level = nullptr;  // optional: dept.level (a level of government alone)
    const re2::RE2* m_recipients = nullptr;
    const re2::RE2* m_attachment = nullptr;
    const re2::RE2* m_aside = nullptr;
    const re2::RE2* m_closing = nullptr;  // optional
    const re2::RE2* m_page_end = nullptr;
    const re2::RE2* m_task_label = nullptr;
    const re2::RE2* m_link_item = nullptr;   // optional: meta.link_item
    const re2::RE2* m_limit_line = nullptr;  // optional: meta.limit_line
    const re2::RE2* m_attachment_list = nullptr;
    const re2::RE2* m_attachment_heading = nullptr;  // optional: meta.attachment_heading
    const re2::RE2* m_outline_first = nullptr;
    const re2::RE2* m_chrome = nullptr;
    const re2::RE2* m_field_line = nullptr;  // optional
    const re2::RE2* m_outline_start = nullptr;
    const re2::RE2* m_field_doc_number = nullptr;
    const re2::RE2* m_field_date = nullptr;
    const re2::RE2* m_field_issuer = nullptr;
    const re2::RE2* m_field_title = nullptr;
    const re2::RE2* m_title_issuer = nullptr;
};

// Whether `text` ends like a finished sentence (。；：！？ or a closing bracket).
bool ends_sentence(std::string_view text);

}  // namespace policy
