// fuzz_common.h — what every libFuzzer target shares: the embedded grammar and the compiled
// rule sets, built once per process (a harness may keep state; the library may not), and
// the way from fuzzer bytes to the text a stage is given in the product (decoded, then
// normalised, then split into paragraphs), so a target only ever feeds a stage input it can
// meet for real.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "citations.h"
#include "deadlines.h"
#include "decode.h"
#include "departments.h"
#include "extract.h"
#include "grammar.h"
#include "lines.h"
#include "metadata.h"
#include "normalise.h"
#include "outline.h"

namespace policy::fuzz {

// Aborts (a finding) when a built-in resource fails to load: that is a bug, not bad input.
template <typename T>
T must(Result<T> result) {
    if (!result) {
        __builtin_trap();
    }
    return std::move(result).value();
}

struct Rules {
    const Grammar& grammar;
    OutlineRules outline;
    DeadlineRules deadlines;
    CitationRules citations;
    DepartmentRules departments;
    MetadataRules metadata;
};

// Never freed: rules point into the grammar, and both live as long as the process.
inline const Rules& rules() {
    static const Rules* k_rules = [] {
        const auto* grammar = new Grammar(must(Grammar::load()));
        return new Rules{*grammar,
                         must(OutlineRules::create(*grammar)),
                         must(DeadlineRules::create(*grammar)),
                         must(CitationRules::create(*grammar)),
                         must(DepartmentRules::create(*grammar)),
                         must(MetadataRules::create(*grammar))};
    }();
    return *k_rules;
}

inline std::string_view as_bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The normalised text of the fuzzer's bytes, as extraction would see it; empty when they do
// not decode.
inline std::string normalised_text(const std::uint8_t* data, std::size_t size) {
    auto decoded = decode(as_bytes(data, size), "fuzz");
    if (!decoded) {
        return {};
    }
    return normalise(decoded->text).text;
}

inline std::vector<Paragraph> paragraphs_of(const std::string& normalised) {
    return split_paragraphs(normalised, rules().outline.line_rules());
}

// A range check that survives release builds: a finding when it fails.
inline void check(bool condition) {
    if (!condition) {
        __builtin_trap();
    }
}

}  // namespace policy::fuzz
