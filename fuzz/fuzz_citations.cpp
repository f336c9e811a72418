// fuzz_citations: 文号 and 《》 titles in every paragraph, and the whole-line 文号 test.
// Spans must lie inside the text; a 文号 must reformat to its own text.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace policy;
    const std::string normalised = fuzz::normalised_text(data, size);
    for (const Paragraph& paragraph : fuzz::paragraphs_of(normalised)) {
        for (const CitationMatch& match : fuzz::rules().citations.find(paragraph.text)) {
            fuzz::check(match.begin <= match.end && match.end <= paragraph.text.size());
            if (match.number) {
                fuzz::check(!match.number->text.empty());
                (void)format_doc_number(match.number->issuer_code, match.number->year, match.number->serial);
            }
        }
        (void)fuzz::rules().citations.whole_doc_number(paragraph.text);
    }
    return 0;
}
