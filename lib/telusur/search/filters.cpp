#include "telusur/search/filters.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>

#include "telusur/analysis/normalizer.h"
#include "telusur/schema.h"
#include "telusur/search/query_builder.h"

namespace telusur {

namespace {

std::string_view prefix_of(std::string_view kind) {
    if (kind == "person") return schema::kPersonPrefix;
    if (kind == "place") return schema::kPlacePrefix;
    if (kind == "org") return schema::kOrgPrefix;
    if (kind == "source") return schema::kSourcePrefix;
    return {};
}

std::string strip_quotes(std::string_view text) {
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    return std::string(text);
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "2024" → {"20240101", "20241231"}; "2024-11" → {"20241101", "20241131"}; "2024-11-04" → same day.
/// Day 31 for every month is fine as an upper bound of a string range.
std::pair<std::string, std::string> date_bounds(std::string_view text) {
    const auto bad = [&] { return QueryError("bad date '" + std::string(text) + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)"); };
    if (text.size() == 4 && all_digits(text)) return {std::string(text) + "0101", std::string(text) + "1231"};
    if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) && all_digits(text.substr(5, 2))) {
        const auto month = std::stoi(std::string(text.substr(5, 2)));
        if (month < 1 || month > 12) throw bad();
        const auto ym = std::string(text.substr(0, 4)) + std::string(text.substr(5, 2));
        return {ym + "01", ym + "31"};
    }
    if (text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
        all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2))) {
        const auto month = std::stoi(std::string(text.substr(5, 2)));
        const auto day = std::stoi(std::string(text.substr(8, 2)));
        if (month < 1 || month > 12) throw bad();
        const std::chrono::year_month_day date{std::chrono::year{std::stoi(std::string(text.substr(0, 4)))},
                                               std::chrono::month{static_cast<unsigned>(month)},
                                               std::chrono::day{static_cast<unsigned>(day)}};
        // 2024-11-31 would otherwise pass as the day after 2024-11-30 in a range of strings.
        if (!date.ok()) throw QueryError("bad date '" + std::string(text) + "': no such day");
        const auto ymd = std::string(text.substr(0, 4)) + std::string(text.substr(5, 2)) + std::string(text.substr(8, 2));
        return {ymd, ymd};
    }
    throw bad();
}

class EntityField : public Xapian::FieldProcessor {
  public:
    EntityField(const LanguageData& data, std::string kind) : data_(data), kind_(std::move(kind)) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(filter_term(Filter{kind_, strip_quotes(value)}, data_));
    }

  private:
    const LanguageData& data_;
    std::string kind_;
};

}  // namespace

Filter Filter::parse(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
        throw QueryError("bad filter '" + std::string(text) + "' (expected KIND:VALUE, e.g. place:Kursk)");
    Filter filter{std::string(text.substr(0, colon)), strip_quotes(text.substr(colon + 1))};
    if (prefix_of(filter.kind).empty())
        throw QueryError("bad filter kind '" + filter.kind + "' (expected person, place, org or source)");
    if (filter.value.ends_with('*'))
        throw QueryError("filter '" + std::string(text) + "': a filter matches a whole value; * only ends words searched");
    return filter;
}

std::string filter_term(const Filter& filter, const LanguageData& data) {
    static const Normalizer normalizer;
    const auto value = filter.kind == "source" ? filter.value : data.canonical_entity(filter.value);
    return std::string(prefix_of(filter.kind)) + normalizer.normalize(value);
}

Xapian::Query filters_query(const std::vector<Filter>& filters, const LanguageData& data) {
    std::map<std::string, std::vector<Xapian::Query>> by_kind;
    for (const auto& f : filters) by_kind[f.kind].emplace_back(filter_term(f, data));
    Xapian::Query combined;
    for (const auto& [kind, terms] : by_kind) {
        const Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
        combined = combined.empty() ? any : Xapian::Query(Xapian::Query::OP_AND, combined, any);
    }
    return combined;
}

Xapian::Query date_range_query(const std::string& since, const std::string& until) {
    const auto lo = since.empty() ? std::string("00000000") : date_bounds(since).first;
    const auto hi = until.empty() ? std::string("99999999") : date_bounds(until).second;
    if (lo > hi) throw QueryError("empty date range: " + since + " is after " + until);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lo, hi);
}

bool is_filter_kind(std::string_view kind) { return !prefix_of(kind).empty(); }

bool is_facet_kind(std::string_view kind) {
    return kind == "person" || kind == "place" || kind == "org" || kind == "entity" || kind == "date" ||
           kind == "source";
}

FacetCounter::FacetCounter(std::string kind, const Xapian::Database& db) : kind_(std::move(kind)) {
    std::vector<Xapian::valueno> slots;
    if (kind_ == "person" || kind_ == "entity") slots.push_back(schema::kPeopleSlot);
    if (kind_ == "place" || kind_ == "entity") slots.push_back(schema::kPlacesSlot);
    if (kind_ == "org" || kind_ == "entity") slots.push_back(schema::kOrgsSlot);
    if (kind_ == "source") slots.push_back(schema::kSourceSlot);
    if (kind_ == "date") slots.push_back(schema::kDateSlot);
    for (const auto slot : slots) {
        auto index = shared_facet_slot_index(db, slot);
        std::vector<Xapian::doccount> counts(index->distinct_values(), 0);
        slots_.push_back(SlotCounts{std::move(index), std::move(counts), {}});
    }
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
    const auto docid = doc.get_docid();
    for (auto& slot : slots_)
        for (const auto id : slot.index->values_of(docid))
            if (slot.counts[id]++ == 0) slot.seen.push_back(id);
}

Facet FacetCounter::result(std::size_t limit) const {
    // Every value counted, by its text: "entity" adds up the same name in several slots.
    std::vector<std::pair<std::string_view, Xapian::doccount>> entries;
    if (slots_.size() == 1) {
        const auto& slot = slots_.front();
        entries.reserve(slot.seen.size());
        for (const auto id : slot.seen) entries.emplace_back(slot.index->value(id), slot.counts[id]);
    } else {
        std::unordered_map<std::string_view, Xapian::doccount> merged;
        for (const auto& slot : slots_)
            for (const auto id : slot.seen) merged[slot.index->value(id)] += slot.counts[id];
        entries.assign(merged.begin(), merged.end());
    }
    // Most frequent first, ties in alphabetical order; months newest first. Only the top
    // `limit` are sorted and copied.
    const bool by_month = kind_ == "date";
    const auto before = [by_month](const auto& a, const auto& b) {
        if (by_month) return a.first > b.first;
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    const auto shown = limit > 0 ? std::min(limit, entries.size()) : entries.size();
    std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(shown), entries.end(), before);
    Facet facet{kind_, {}, static_cast<Xapian::doccount>(entries.size())};
    for (std::size_t i = 0; i < shown; ++i) facet.values.emplace_back(std::string(entries[i].first), entries[i].second);
    return facet;
}

Xapian::FieldProcessor* make_entity_field(const LanguageData& data, std::string kind) {
    return (new EntityField(data, std::move(kind)))->release();
}

Xapian::Query DateField::operator()(const std::string& value) {
    try {
        const auto dots = value.find("..");
        if (dots == std::string::npos) return date_range_query(value, value);
        return date_range_query(value.substr(0, dots), value.substr(dots + 2));
    } catch (const QueryError& e) {
        if (error_.empty()) error_ = e.what();
        return Xapian::Query::MatchNothing;
    }
}

}  // namespace telusur
