// fuzz_deadlines: time limits in every paragraph, with a context year from the first bytes.
// Matches must lie inside the text, in order, and dates must be well-formed ISO dates.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace policy;
    int year = 0;
    if (size >= 2) {
        year = (data[0] << 8 | data[1]) % 3000;
        data += 2;
        size -= 2;
    }
    const std::string normalised = fuzz::normalised_text(data, size);
    for (const Paragraph& paragraph : fuzz::paragraphs_of(normalised)) {
        std::size_t last_end = 0;
        for (const DeadlineMatch& match : fuzz::rules().deadlines.find(paragraph.text, year)) {
            fuzz::check(match.begin <= match.end && match.end <= paragraph.text.size());
            fuzz::check(match.begin >= last_end);
            last_end = match.end;
            if (match.date) {
                fuzz::check(match.date->size() >= 10);
            }
        }
    }
    return 0;
}
