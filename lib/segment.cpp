#include "segment.h"

namespace policy {

struct Segmenter::Impl {};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

Result<Segmenter> Segmenter::load(const Grammar&) { return Segmenter(std::make_unique<Impl>()); }

void Segmenter::segment(std::string_view, std::vector<Token>&) const {}

std::vector<std::string> Segmenter::words(std::string_view) const { return {}; }

}  // namespace policy
