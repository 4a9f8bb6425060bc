// Document data read back for display: whatever the bytes (another tool's data, a damaged
// file), decoding gives fields or empty fields, and what it gives encodes and decodes unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "telusur/stored_article.h"

namespace {

bool same(const telusur::StoredArticle& a, const telusur::StoredArticle& b) {
    return a.id == b.id && a.title == b.title && a.date == b.date && a.url == b.url && a.source == b.source &&
           a.body == b.body && a.date_origin == b.date_origin && a.people == b.people && a.places == b.places &&
           a.orgs == b.orgs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto decoded = telusur::decode_stored_article(std::string(reinterpret_cast<const char*>(data), size));
    if (!same(telusur::decode_stored_article(telusur::encode_stored_article(decoded)), decoded)) std::abort();
    return 0;
}
