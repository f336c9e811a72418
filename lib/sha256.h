// sha256.h — SHA-256 (FIPS 180-4) of a byte string, as lower-case hex. The index keys its
// incremental skip on it. Written here because nothing in our stack offers it (ICU, RE2,
// SQLite, fmt have no digest; OpenSSL is not a dependency we want for one function). On CPUs
// with the SHA extensions (x86 SHA-NI) a hardware path is used, chosen at run time, so an
// unchanged re-run is limited by reading the files, not by hashing them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace policy {

// Incremental form, for input that arrives in pieces.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::array<std::uint8_t, 32> finish();  // the object must not be updated afterwards

private:
    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;  // bytes so far
};

// The digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

// Whether the hardware path is in use (for tests and `policy --version`).
bool sha256_uses_hardware();

}  // namespace policy
