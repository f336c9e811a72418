#include <doctest/doctest.h>

#include "grammar.h"

TEST_CASE("the embedded grammar loads") {
    auto grammar = policy::Grammar::load();
    REQUIRE(grammar.ok());
}
