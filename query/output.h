// Result printers and the JSON document shared by --format json and the HTTP API.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "telusur/search/article_lookup.h"
#include "telusur/search/searcher.h"

namespace telusur::query {

/// Version of the JSON documents below; bumped only when a field changes meaning or goes away.
inline constexpr int kJsonSchemaVersion = 1;

using Json = nlohmann::ordered_json;  // keys in the documented order

/// The --format json document, compact: schema_version, query, expanded_query, parsed_query,
/// estimated_total, elapsed_ms, suggestion, hits (the chosen fields of each; `**` marks matched
/// words in the snippet), facets, and explain when asked for. The HTTP API sends this text.
std::string results_document(const SearchResults& results, const std::vector<std::string>& fields);

/// A search's JSON document (results_document), serialised once and split around the value of
/// "elapsed_ms", so that a cached answer goes out again, without being rebuilt, with the time
/// it took this time.
class SerializedResults {
  public:
    SerializedResults(const SearchResults& results, const std::vector<std::string>& fields);
    /// The document, as results_document(results, fields) with "elapsed_ms" set to `elapsed_ms`.
    std::string with_elapsed(double elapsed_ms) const;

  private:
    std::string before_elapsed_;
    std::string after_elapsed_;
};

/// Serialises JSON, never aborting on bad UTF-8 (replaced), on one line.
std::string dump_json(const Json& value);

/// Writes JSON that never aborts on bad UTF-8 (replaced), followed by a newline.
void write_json(std::ostream& out, const Json& value, int indent);

void print_json(std::ostream& out, const SearchResults& results, const std::vector<std::string>& fields);

/// One {"type":"hit",…} line per hit, then one {"type":"summary",…} line.
void print_jsonl(std::ostream& out, const SearchResults& results, const std::vector<std::string>& fields);

/// Human-readable hits: rank, title (or the body's first sentence), date · source · id · score, the snippet (matched words bold
/// when `bold`, else between ** markers), "+N similar", a "did you mean" line and the total.
void print_text(std::ostream& out, const SearchResults& results, const std::vector<std::string>& fields, bool bold);

/// "12 matches", or "about 1200 matches" when the total is Xapian's estimate.
std::string total_text(const SearchResults& results);

/// --show in text form: the title (bold when `bold`), date · source · id · url, the entities, the
/// near-duplicate copies, then the whole body.
void print_article_text(std::ostream& out, const ArticleView& view, bool bold);

/// The JSON document of --show and GET /article, compact: schema_version, id, title, date,
/// date_origin, url, source, entities, similar_count, similar_ids, body.
std::string article_document(const ArticleView& view);

/// --explain in text form: tokens, stems, aliases, the parsed tiers, and per hit the matched terms.
void print_explanation(std::ostream& out, const SearchResults& results);

}  // namespace telusur::query
