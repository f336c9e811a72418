#include "extract.h"

namespace policy {

struct Extractor::Impl {
    const Grammar* grammar;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Result<Extractor> Extractor::create(const Grammar& grammar) {
    auto impl = std::make_unique<Impl>();
    impl->grammar = &grammar;
    return Extractor(std::move(impl));
}

Result<Record> Extractor::extract(std::string_view bytes, const std::string& path, const DecodeOptions& options) const {
    auto decoded = POLICY_TRY(decode(bytes, path, options));
    Record record;
    record.path = path;
    record.encoding = decoded.encoding;
    return record;
}

}  // namespace policy
