// fuzz_extract: the whole extractor (metadata, outline, tasks, departments, deadlines,
// citations) and the record's JSON. Every location must lie inside the input.
#include <nlohmann/json.hpp>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace policy;
    static const Extractor* k_extractor = new Extractor(fuzz::must(Extractor::create(fuzz::rules().grammar)));
    auto record = k_extractor->extract(fuzz::as_bytes(data, size), "fuzz.txt");
    if (!record) {
        return 0;
    }
    auto inside = [&](const Location& where) { fuzz::check(where.begin <= where.end && where.end <= size); };
    for (const Task& task : record->tasks) {
        inside(task.where);
    }
    for (const Section& section : record->sections) {
        inside(section.where);
    }
    for (const Deadline& deadline : record->deadlines) {
        inside(deadline.where);
    }
    for (const Citation& citation : record->citations) {
        inside(citation.where);
    }
    (void)to_json(*record).dump();
    return 0;
}
