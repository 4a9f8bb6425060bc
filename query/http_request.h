// From the query string of a `telusur-query --serve` request to the library's search request.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <microhttpd.h>

#include "telusur/search/searcher.h"

namespace telusur::query {

/// A 400 with a message, raised by parameter parsing.
struct BadRequest {
    std::string message;
};

/// The query string's parameters in order, as libmicrohttpd decoded them; repeated names kept,
/// and bytes after a %00 too (the sized iterator does not stop at NUL).
class Params {
  public:
    explicit Params(MHD_Connection* connection);
    const std::string* find(std::string_view name) const;  ///< The first value of `name`, or null.
    std::vector<std::string> all(std::string_view name) const;
    /// Every name, in order, repeats included.
    std::vector<std::string_view> names() const;

  private:
    static MHD_Result add(void* self, MHD_ValueKind, const char* key, size_t key_size, const char* value,
                          size_t value_size);
    std::vector<std::pair<std::string, std::string>> pairs_;
};

/// The SearchRequest of GET /search's parameters. Throws BadRequest for a missing `q`, a number
/// that is not one or over its maximum (limit 100, offset 10000), a format other than json, a
/// parameter it does not know (a typo such as `filer=` would otherwise be ignored and the answer
/// silently unfiltered) or one given twice that takes one value; and QueryError for an unknown sort.
SearchRequest parse_search_request(const Params& params);

/// The article id of GET /article's parameters. Throws BadRequest for a missing or empty `id`,
/// one given twice, or any other parameter.
std::string parse_article_id(const Params& params);

}  // namespace telusur::query
