#include <doctest/doctest.h>

#include "citations.h"
#include "test_support.h"

using policy::test::normalised;

TEST_CASE("citation cases from tests/cases/citations.jsonl") {
    auto rules = policy::CitationRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    for (const auto& c : policy::test::load_cases("citations.jsonl")) {
        const std::string text = normalised(c["input"].get<std::string>());
        CAPTURE(c["id"].get<std::string>());
        const auto found = rules->find(text);
        const auto& expected = c["expected"];
        REQUIRE(found.size() == expected.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            const auto& e = expected[i];
            CHECK(found[i].kind == e["kind"].get<std::string>());
            if (found[i].kind == "doc_number") {
                REQUIRE(found[i].number.has_value());
                CHECK(found[i].number->text == e["text"].get<std::string>());
                CHECK(found[i].number->issuer_code == e["issuer_code"].get<std::string>());
                CHECK(found[i].number->year == e["year"].get<int>());
                CHECK(found[i].number->serial == e["serial"].get<long>());
            } else {
                CHECK(text.substr(found[i].begin, found[i].end - found[i].begin) ==
                      normalised(e["text"].get<std::string>()));
                if (e.contains("doc_number")) {
                    REQUIRE(found[i].doc_number.has_value());
                    CHECK(*found[i].doc_number == e["doc_number"].get<std::string>());
                } else {
                    CHECK_FALSE(found[i].doc_number.has_value());
                }
            }
        }
    }
}

TEST_CASE("a line holding only a 文号 is the notice's own number") {
    auto rules = policy::CitationRules::create(policy::test::default_grammar());
    REQUIRE(rules.ok());
    const auto own = rules->whole_doc_number(normalised("吉办发[2014]32号"));
    REQUIRE(own.has_value());
    CHECK(own->text == "吉办发〔2014〕32号");
    CHECK_FALSE(rules->whole_doc_number(normalised("按照吉办发[2014]32号要求")).has_value());
    // A 报告's 文号 line names its signer too.
    const auto signed_line = rules->whole_doc_number(normalised("黔应急〔2021〕12号　　　　签发人：王某某"));
    REQUIRE(signed_line.has_value());
    CHECK(signed_line->text == "黔应急〔2021〕12号");
    CHECK_FALSE(rules->whole_doc_number(normalised("签发人：王某某")).has_value());
}
