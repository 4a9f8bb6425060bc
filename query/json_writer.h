// JsonWriter: compact JSON written straight into a string, for the answers telusur-query sends.
#pragma once

#include <charconv>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace telusur::query {

/// Appends JSON tokens to a string, with the commas between members and elements. The text is
/// what nlohmann's `dump()` gives for the same values (no spaces; strings as UTF-8, with `"`,
/// `\` and control characters escaped; an ill-formed UTF-8 sequence becomes U+FFFD, one per
/// maximal subpart, as nlohmann's `error_handler_t::replace` does), but without building a tree
/// of nodes first: a search's answer is written several times faster (bench/results/http-load.md).
/// The caller keeps the nesting right: a key before each member's value, ends matching begins.
class JsonWriter {
  public:
    JsonWriter& begin_object() { return begin('{'); }
    JsonWriter& end_object() { return end('}'); }
    JsonWriter& begin_array() { return begin('['); }
    JsonWriter& end_array() { return end(']'); }
    /// A member's key; its value follows.
    JsonWriter& key(std::string_view name);

    JsonWriter& string(std::string_view text);
    /// `text`, or null when it is empty.
    JsonWriter& string_or_null(std::string_view text);
    JsonWriter& strings(const std::vector<std::string>& texts);  ///< An array of strings.
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    JsonWriter& number(T value) {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        return token(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
    }
    /// Shortest text that reads back as `value`, with ".0" when it is whole; null if not finite.
    JsonWriter& number(double value);
    JsonWriter& boolean(bool value);
    JsonWriter& null();

    /// The JSON written so far.
    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    /// A value written as it is: a number, true, false or null.
    JsonWriter& token(std::string_view text);
    /// Writes the comma a value needs in an array (a member's comma comes with its key).
    void before_value();
    JsonWriter& begin(char bracket);
    JsonWriter& end(char bracket);

    std::string out_;
    std::vector<bool> has_items_;  ///< Per open object or array: whether it holds anything yet.
    bool after_key_ = false;
};

/// Appends `text` to `out` as a JSON string (quotes included), escaped as JsonWriter does.
void append_json_string(std::string& out, std::string_view text);

}  // namespace telusur::query
