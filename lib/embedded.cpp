#include "embedded.h"

namespace policy {

std::optional<std::string_view> embedded_file(std::string_view name) {
    for (const auto& file : embedded_files()) {
        if (name == file.name) {
            return file.bytes();
        }
    }
    return std::nullopt;
}

}  // namespace policy
