// Where a JSON Lines record keeps each article field, for archives that name their fields otherwise.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace telusur {

/// The article fields a JSON Lines record gives.
enum class RecordField : std::size_t { Id, Title, Body, Date, Url, Source };

inline constexpr std::array kRecordFields{RecordField::Id,   RecordField::Title, RecordField::Body,
                                          RecordField::Date, RecordField::Url,   RecordField::Source};

/// "id", "title", "body", "date", "url" or "source".
std::string_view field_name(RecordField field);

/// Where each article field is read from in a JSON Lines record: by default the record's field
/// of the same name ("body"); mapped, another field ("isi") or a JSON Pointer into nested
/// objects ("/meta/published", RFC 6901). A CSV reader takes the location as a column's name.
/// Set up once, then only read (safe to share between threads).
class RecordFields {
  public:
    /// Maps one field from "FIELD=NAME" (`body=isi`, `date=/meta/published`). Throws Error saying
    /// what is wrong: no '=', a FIELD that is not an article field, an empty NAME, a JSON Pointer
    /// that is not one (`/a~2`), or a FIELD mapped already.
    void map(std::string_view spec);

    /// The record's field (or JSON Pointer) `field` is read from, as the user wrote it.
    const std::string& location(RecordField field) const { return locations_[index(field)]; }

    bool is_mapped(RecordField field) const { return mapped_[index(field)]; }

    /// `field`'s value in `record`, or nullptr when the record has no such field (a JSON Pointer
    /// that leads nowhere: a missing member, an array index out of range, a step into a string).
    /// A name is matched exactly first, then in any ASCII letter case ("Body"), as CSV columns
    /// are; a JSON Pointer only exactly.
    const nlohmann::json* find(const nlohmann::json& record, RecordField field) const;

  private:
    static std::size_t index(RecordField field) { return static_cast<std::size_t>(field); }

    std::array<std::string, 6> locations_{"id", "title", "body", "date", "url", "source"};
    std::array<bool, 6> mapped_{};
};

}  // namespace telusur
