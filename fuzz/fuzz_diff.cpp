// fuzz_diff: two notices (the input split at its first NUL byte, or in half) extracted and
// compared task by task with the dictionary-free tokenizer, then rendered every way.
#include <nlohmann/json.hpp>

#include "diff.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace policy;
    static const Extractor* k_extractor = new Extractor(fuzz::must(Extractor::create(fuzz::rules().grammar)));
    const std::string_view bytes = fuzz::as_bytes(data, size);
    std::size_t cut = bytes.find('\0');
    std::size_t skip = 1;
    if (cut == std::string_view::npos) {
        cut = size / 2;
        skip = 0;
    }
    auto old_record = k_extractor->extract(bytes.substr(0, cut), "old.txt");
    auto new_record = k_extractor->extract(bytes.substr(cut + skip), "new.txt");
    if (!old_record || !new_record) {
        return 0;
    }
    const DiffResult result = diff_records(*old_record, *new_record, &character_words);
    for (const TaskPair& pair : result.pairs) {
        fuzz::check(pair.similarity >= -1e-9 && pair.similarity <= 1 + 1e-9);
    }
    (void)to_json(result).dump();
    (void)render_text(result, size % 2 == 0, true);
    (void)render_html(result);
    (void)to_result_set(result);
    return 0;
}
