#include <doctest/doctest.h>

#include <string>

#include "sha256.h"

using policy::sha256_hex;

TEST_CASE("the SHA-256 of the empty string is the FIPS 180-4 value") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("the SHA-256 of abc is the FIPS 180-4 value") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("the SHA-256 of the two-block FIPS 180-4 message is right") {
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("the SHA-256 of a million a's is the FIPS 180-4 value") {
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("hashing in pieces gives the same digest as hashing at once") {
    const std::string text = "吉办发〔2014〕32号 " + std::string(300, 'x');
    for (std::size_t cut : {0, 1, 55, 56, 64, 65, 200}) {
        policy::Sha256 hasher;
        hasher.update(std::string_view(text).substr(0, cut));
        hasher.update(std::string_view(text).substr(cut));
        const auto digest = hasher.finish();
        std::string hex;
        for (auto byte : digest) {
            hex += "0123456789abcdef"[byte >> 4];
            hex += "0123456789abcdef"[byte & 0xF];
        }
        CHECK(hex == sha256_hex(text));
    }
}
