// The grammar files' format: rules, macros, continuation lines, and the errors a user's
// --grammars files get (file, line, rule).
#include <doctest/doctest.h>
#include <re2/re2.h>

#include "grammar.h"

namespace {

policy::Result<policy::Grammar> load(const std::map<std::string, std::string>& files) {
    return policy::Grammar::from_files(files);
}

}  // namespace

TEST_CASE("the embedded grammar loads") {
    auto grammar = policy::Grammar::load();
    REQUIRE(grammar.ok());
    CHECK(grammar->find("deadline.y_end") != nullptr);
}

TEST_CASE("rules expand macros from the macro files and continue on indented lines") {
    auto grammar = load({{"_m.re2", "$year = \\d{4}\n"},
                         {"a.re2",
                          "# a comment\n"
                          "test.limit   ${year}年\n"
                          "    底前\n"
                          "test.other   关于\n"}});
    REQUIRE(grammar.ok());
    const re2::RE2& limit = grammar->rule("test.limit");
    CHECK(re2::RE2::PartialMatch("2019年底前完成", limit));
    CHECK_FALSE(re2::RE2::PartialMatch("2019年完成", limit));
    CHECK(re2::RE2::PartialMatch("关于印发", grammar->rule("test.other")));
    CHECK(grammar->optional_rule("test.missing") == nullptr);
    CHECK_THROWS_AS(grammar->rule("test.missing"), std::logic_error);
    CHECK(grammar->rules_with_prefix("test.").size() == 2);
}

TEST_CASE("a bad pattern is reported by file, line and rule: the first in file order") {
    // Every rule compiles (on several threads); the error named is still the first bad rule
    // in the order the files are read (macro files, then by name) and by line.
    // (Names in another order than the files': an error found by name would be b.bad.)
    auto grammar = load({{"b.re2", "b.fine   abc\nb.bad    [z-a]\n"},
                         {"a.re2", "a.fine   abc\n\nz.bad    (unclosed\nz.worse  (\n"},
                         {"c.re2", "a.bad    )\n"}});
    REQUIRE_FALSE(grammar.ok());
    CHECK(grammar.error().message.find("a.re2:3: rule 'z.bad'") == 0);

    auto second = load({{"b.re2", "b.fine   abc\nb.bad    [z-a]\n"}, {"c.re2", "a.bad    )\n"}});
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().message.find("b.re2:2: rule 'b.bad'") == 0);
}

TEST_CASE("format errors name the file and line") {
    auto unknown = load({{"a.re2", "a.rule   ${nothing}\n"}});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message == "a.re2:1: unknown macro ${nothing}");

    auto continuation = load({{"a.re2", "# first\n    abc\n"}});
    REQUIRE_FALSE(continuation.ok());
    CHECK(continuation.error().message == "a.re2:2: continuation line before any rule");

    auto bad_name = load({{"a.re2", "Bad-Name   abc\n"}});
    REQUIRE_FALSE(bad_name.ok());
    CHECK(bad_name.error().message.find("a.re2:1: expected 'rule_name  PATTERN'") == 0);
}
