// fuzz_departments: the responsibility parenthesis of every paragraph, split into bodies,
// and each body's canonical name. Spans must lie inside the text.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace policy;
    const std::string normalised = fuzz::normalised_text(data, size);
    for (const Paragraph& paragraph : fuzz::paragraphs_of(normalised)) {
        for (const DepartmentSpan& span : fuzz::rules().departments.find(paragraph.text)) {
            fuzz::check(span.begin <= span.end && span.end <= paragraph.text.size());
            fuzz::check(span.role == "lead" || span.role == "responsible");
            (void)fuzz::rules().departments.canonical(paragraph.text.substr(span.begin, span.end - span.begin));
        }
    }
    return 0;
}
