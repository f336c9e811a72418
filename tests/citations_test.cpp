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
    // A 明电's header line puts a labelled field before it, across a wide gap.
    const auto telegram = rules->whole_doc_number(normalised("等级：特急·明电　　　　陕政办发明电〔2015〕118号"));
    REQUIRE(telegram.has_value());
    CHECK(telegram->text == "陕政办发明电〔2015〕118号");
    const auto signer_first = rules->whole_doc_number(normalised("签发人：张三　　陕政办发〔2015〕118号"));
    REQUIRE(signer_first.has_value());
    CHECK(signer_first->text == "陕政办发〔2015〕118号");
    // (Not a web page's field whose value the 文号 is, nor a sentence before it.)
    CHECK_FALSE(rules->whole_doc_number(normalised("发文字号：　　吉政发〔2019〕1号")).has_value());
    CHECK_FALSE(rules->whole_doc_number(normalised("按照通知要求　　吉政发〔2019〕1号")).has_value());
    // Or the head's urgency, secrecy or 等级 after it, across a wide gap.
    for (const std::string mark : {"等级：特急", "特急", "机密★1年", "紧急程度：加急"}) {
        CAPTURE(mark);
        const auto marked = rules->whole_doc_number(normalised("石安办明电〔2025〕41号　　　　" + mark));
        REQUIRE(marked.has_value());
        CHECK(marked->text == "石安办明电〔2025〕41号");
    }
    // (Not words of a sentence, nor a mark right after the number.)
    CHECK_FALSE(rules->whole_doc_number(normalised("石安办明电〔2025〕41号　　要求各地")).has_value());
    CHECK_FALSE(rules->whole_doc_number(normalised("石安办明电〔2025〕41号特急")).has_value());
}
