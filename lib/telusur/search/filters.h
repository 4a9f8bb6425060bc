// Filters and facets: narrowing a search by entity, source and date, and counting what matched.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "telusur/language_data.h"
#include "telusur/search/facet_index.h"

namespace telusur {

/// `--filter KIND:VALUE` with KIND person, place, org or source; aliases resolved, so
/// `place:Korut` and `place:"Korea Utara"` are the same filter. Throws QueryError otherwise.
struct Filter {
    std::string kind;
    std::string value;
    static Filter parse(std::string_view text);
};

/// Whether `kind` (lower case) is a filter's: person, place, org or source.
bool is_filter_kind(std::string_view kind);

/// The boolean term a filter stands for.
std::string filter_term(const Filter& filter, const LanguageData& data);

/// The filters combined: OR within a kind, AND across kinds. Empty query for no filters.
Xapian::Query filters_query(const std::vector<Filter>& filters, const LanguageData& data);

/// A date range query over the date value slot. `since`/`until` are YYYY, YYYY-MM or
/// YYYY-MM-DD, both inclusive, either may be empty. Throws QueryError on a malformed date.
Xapian::Query date_range_query(const std::string& since, const std::string& until);

/// Facet kinds: person, place, org, entity (all three), date (year-month), source.
bool is_facet_kind(std::string_view kind);

/// A facet's values with their counts, most frequent first.
struct Facet {
    std::string kind;
    std::vector<std::pair<std::string, Xapian::doccount>> values;
    Xapian::doccount distinct = 0;  ///< Number of distinct values before the limit.
};

/// Counts facet values over every document a query matches (a Xapian MatchSpy with the whole
/// match set checked, so counts are exact, not estimates). Values come from the slots'
/// in-memory FacetSlotIndex, so counting reads no document.
class FacetCounter : public Xapian::MatchSpy {
  public:
    /// Counts facet `kind` (is_facet_kind) over documents of `db` as it is now; `db` is only
    /// read here, to build or find the slots' indexes.
    FacetCounter(std::string kind, const Xapian::Database& db);
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "telusur::FacetCounter"; }
    /// The top `limit` values (0 = all).
    Facet result(std::size_t limit) const;

  private:
    struct SlotCounts {
        std::shared_ptr<const FacetSlotIndex> index;
        std::vector<Xapian::doccount> counts;      // by value id
        std::vector<FacetSlotIndex::ValueId> seen;  // ids counted at least once
    };
    std::string kind_;
    std::vector<SlotCounts> slots_;
};

/// Xapian QueryParser field processor for `person:"…"`, `place:…`, `org:…` (aliases resolved).
Xapian::FieldProcessor* make_entity_field(const LanguageData& data, std::string kind);

/// The QueryParser's `date:2024-11` or `date:2024-11-01..2024-11-30` field. A bad date does not
/// throw: an exception thrown through Xapian's parser leaks what the parser had allocated (found
/// by random queries under ASan), so the field matches nothing and keeps the message for
/// take_error(), which the query builder checks after parsing.
class DateField : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override;
    /// The message of the first bad date since the last call, or empty; clears it.
    std::string take_error() { return std::exchange(error_, {}); }

  private:
    std::string error_;
};

}  // namespace telusur
