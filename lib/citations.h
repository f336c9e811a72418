// citations.h — references to other documents: every 文号 (吉办发[2014]32号, normalised to
// 吉办发〔2014〕32号 and split into issuer code, year and serial) and every 《…》 title (a
// nested <…> or 《…》 stays inside it), and the link from a title to the 文号 that follows
// it in brackets. Rules: grammars/citations.re2, grammars/issuer-stop.txt. It does not decide
// which task a citation sits in.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "grammar.h"
#include "record.h"
#include "result.h"

namespace re2 {
class RE2;
}

namespace policy {

struct CitationMatch {
    std::string kind;       // "doc_number" or "title"
    std::size_t begin = 0;  // the cited text's span in the searched text (a title without 《》)
    std::size_t end = 0;
    std::optional<DocNumber> number;        // kind doc_number
    std::optional<std::string> doc_number;  // kind title: the 文号 right after it
};

class CitationRules {
public:
    static Result<CitationRules> create(const Grammar& grammar);

    // Citations in `text` in order of position (a title before the 文号 it links to).
    std::vector<CitationMatch> find(std::string_view text) const;

    // The 文号 that is all of `text` (a line holding only the notice's own number, or that and
    // 签发人：… after it), if so. A line that is a 文号 a scraper took its closing bracket or its
    // 号 from (平府办发[2011]23, 湘安委〔201737号) is read too: `damaged` says so.
    std::optional<DocNumber> whole_doc_number(std::string_view text, bool* damaged = nullptr) const;

private:
    std::vector<CitationMatch> find_doc_numbers(std::string_view text) const;
    const re2::RE2* m_doc_number = nullptr;
    const re2::RE2* m_serial_more = nullptr;  // optional
    const re2::RE2* m_issuer_body = nullptr;  // optional: citation.issuer_body
    const re2::RE2* m_header_mark = nullptr;  // optional: citation.header_mark
    const re2::RE2* m_damaged = nullptr;      // optional: citation.damaged_line
    // Single characters (UTF-8), each with the characters after which it is a code's own
    // (经 before 信 贸 开 …: 粤经信, 鄂经贸安全, 江经开管发).
    std::map<std::string, std::string> m_issuer_stops;
    std::vector<std::string> m_issuer_prefixes;  // words cut off the front of an issuer code
};

// 吉办发 + 2014 + 32 → 吉办发〔2014〕32号 (ordinal: 川安委〔2022〕第8号, as written)
std::string format_doc_number(std::string_view issuer_code, int year, long serial, bool ordinal = false);

// A 文号's digits as a page printed them: whether `written` has a full-width one (长安委〔２０１９〕
// ３号); `text` (its digits ASCII) with each digit as wide as `written` printed it, in order
// (吉安委〔2017〕５号 keeps its year narrow); and back to ASCII (the index resolves 文号 by the
// folded form, whatever width each notice printed).
bool has_wide_digit(std::string_view written);
std::string digits_as_printed(std::string_view text, std::string_view written);
std::string fold_digits(std::string_view text);

}  // namespace policy
