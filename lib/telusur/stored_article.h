// The fields kept in a document's data for display: written by the indexer, read by queries.
#pragma once

#include <string>
#include <vector>

#include "telusur/article.h"

namespace telusur {

/// What a search hit shows, kept in the Xapian document data: length-prefixed fields with the
/// body last, compressed with zstd (the layouts before, uncompressed or as a JSON object, still
/// decode).
struct StoredArticle {
    std::string id;
    std::string title;
    std::string date;
    std::string url;
    std::string source;
    std::string body;  ///< Cleaned text, for snippets.
    std::string date_origin;            ///< "metadata", "text", or empty when no date.
    std::vector<std::string> people;    ///< Canonical names.
    std::vector<std::string> places;
    std::vector<std::string> orgs;
};

/// Encodes the displayable fields.
std::string encode_stored_article(const StoredArticle& article);

/// Decodes document data; data written by another tool, or corrupt, decodes to empty fields.
StoredArticle decode_stored_article(const std::string& data);

}  // namespace telusur
