// extract.h — one notice in, one Record out: decoding, normalisation, paragraphs, outline,
// metadata, departments, deadlines and citations, all by the rules in a Grammar. It does not
// touch the index and needs no segmentation.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "decode.h"
#include "grammar.h"
#include "record.h"
#include "result.h"

namespace policy {

class Extractor {
public:
    // Checks that `grammar` defines every rule extraction uses; the grammar must outlive it.
    static Result<Extractor> create(const Grammar& grammar);

    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;
    ~Extractor();

    // Extracts from the raw bytes of the file at `path` ("-" for stdin). Errors are decoding
    // errors; a notice with no recognisable structure gives a record with few fields.
    Result<Record> extract(std::string_view bytes, const std::string& path, const DecodeOptions& options = {}) const;

    // The same, taking the bytes over (valid UTF-8 is then used in place, not copied).
    // `sha256`: the bytes' hex SHA-256 when the caller has computed it already; empty: computed.
    Result<Record> extract(std::string&& bytes, const std::string& path, const DecodeOptions& options = {},
                           std::string sha256 = {}) const;

private:
    struct Impl;
    explicit Extractor(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace policy
