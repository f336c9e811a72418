// Golden tests: each corpus notice's whole record against tests/golden/NAME.json (written by
// scripts/update-golden.sh and reviewed in the diff; never regenerated here).
#include <doctest/doctest.h>

#include <filesystem>

#include "extract.h"
#include "test_support.h"

namespace {

nlohmann::json extract_json(const std::string& relative) {
    auto extractor = policy::Extractor::create(policy::test::default_grammar());
    REQUIRE(extractor.ok());
    const std::string bytes = policy::test::read_file(policy::test::source_path(relative));
    auto record = extractor->extract(bytes, relative);
    REQUIRE(record.ok());
    return policy::to_json(*record);
}

}  // namespace

TEST_CASE("every corpus notice extracts exactly as its golden record") {
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(policy::test::source_path("corpus"))) {
        if (entry.path().extension() != ".txt") {
            continue;
        }
        const std::string name = entry.path().stem().string();
        CAPTURE(name);
        const std::string golden_path = policy::test::source_path("tests/golden/" + name + ".json");
        REQUIRE(std::filesystem::exists(golden_path));
        const auto golden = nlohmann::json::parse(policy::test::read_file(golden_path));
        auto actual = extract_json("corpus/" + name + ".txt");
        // Field by field, so a failure says which part moved.
        for (const auto& [key, value] : golden.items()) {
            CAPTURE(key);
            CHECK(actual[key] == value);
        }
        CHECK(actual.size() == golden.size());
        ++checked;
    }
    CHECK(checked == 3);
}
