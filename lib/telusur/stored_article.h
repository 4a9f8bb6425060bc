// The fields kept in a document's data for display: written by the indexer, read by queries.
#pragma once

#include <string>

#include "telusur/article.h"

namespace telusur {

/// What a search hit shows. Stored as a JSON object in the Xapian document data.
struct StoredArticle {
    std::string id;
    std::string title;
    std::string date;
    std::string url;
    std::string source;
    std::string body;  ///< Cleaned text, for snippets.
};

/// Encodes the displayable fields of a cleaned article.
std::string encode_stored_article(const Article& article);

/// Decodes document data; a document written by another tool decodes to empty fields.
StoredArticle decode_stored_article(const std::string& data);

}  // namespace telusur
