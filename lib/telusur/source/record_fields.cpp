#include "telusur/source/record_fields.h"

#include <nlohmann/json.hpp>

#include "telusur/ascii_case.h"
#include "telusur/error.h"

namespace telusur {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 6> kFieldNames{"id", "title", "body", "date", "url", "source"};

bool is_pointer(std::string_view location) { return location.starts_with('/'); }

}  // namespace

std::string_view field_name(RecordField field) { return kFieldNames[static_cast<std::size_t>(field)]; }

void RecordFields::map(std::string_view spec) {
    const auto equals = spec.find('=');
    if (equals == std::string_view::npos)
        throw Error("--field '" + std::string(spec) + "': expected FIELD=NAME, e.g. body=isi");
    const auto field = spec.substr(0, equals);
    const auto location = spec.substr(equals + 1);
    std::size_t at = 0;
    while (at < kFieldNames.size() && kFieldNames[at] != field) ++at;
    if (at == kFieldNames.size())
        throw Error("--field '" + std::string(spec) + "': no article field named '" + std::string(field) +
                    "'; the fields are id, title, body, date, url and source");
    if (location.empty())
        throw Error("--field '" + std::string(spec) + "': the record's field name is empty");
    if (is_pointer(location)) {
        try {
            json::json_pointer{std::string(location)};
        } catch (const json::exception&) {
            throw Error("--field '" + std::string(spec) +
                        "': not a JSON Pointer (RFC 6901: '/' before each name, ~0 for '~', ~1 for '/')");
        }
    }
    if (mapped_[at]) throw Error("--field " + std::string(field) + " is given twice");
    locations_[at] = std::string(location);
    mapped_[at] = true;
}

const json* RecordFields::find(const json& record, RecordField field) const {
    const auto& location = locations_[index(field)];
    if (!is_pointer(location)) {
        if (const auto it = record.find(location); it != record.end()) return &*it;
        // Then any letter case, as for CSV columns: .NET and Java exporters write "Title", "Body".
        if (!record.is_object()) return nullptr;
        const auto wanted = ascii_lowercase(location);
        for (auto it = record.begin(); it != record.end(); ++it)
            if (it.key().size() == wanted.size() && ascii_lowercase(it.key()) == wanted) return &*it;
        return nullptr;
    }
    try {
        const json::json_pointer pointer(location);
        return record.contains(pointer) ? &record.at(pointer) : nullptr;
    } catch (const json::exception&) {  // an array index beyond size_t
        return nullptr;
    }
}

}  // namespace telusur
