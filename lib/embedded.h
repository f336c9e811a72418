// embedded.h — data files (grammars, lexicons, schema, the general lexicon) built into the
// binary by scripts/embed.cmake. Lookup by file name; the bytes live for the whole program.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace policy {

struct EmbeddedFile {
    const char* name;
    const char* begin;
    const char* end;
    std::string_view bytes() const { return {begin, static_cast<std::size_t>(end - begin)}; }
};

std::span<const EmbeddedFile> embedded_files();

// The embedded file called `name` (e.g. "citations.re2"), if there is one.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace policy
