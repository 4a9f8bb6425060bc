#include "telusur/source/jsonl_reader.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "telusur/blank_text.h"
#include "telusur/error.h"
#include "telusur/source/control_characters.h"
#include "telusur/source/record_article.h"
#include "telusur/source/text_sniffer.h"
#include "telusur/source/unix_time.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

using nlohmann::json;

/// Why a stream whose first record line is `line` holds JSON but not JSON Lines, or nullopt: an
/// array of articles (a common export) or a pretty-printed object would otherwise give one
/// message per line, none saying what to do.
std::optional<std::string> not_json_lines_reason(std::string_view line) {
    const auto first = line.find_first_not_of(" \t");
    const auto last = line.find_last_not_of(" \t");
    if (first == std::string_view::npos) return std::nullopt;
    if (line[first] == '[')
        return "a JSON array, not JSON Lines (one object per line): convert it with jq -c '.[]'";
    if (first == last && line[first] == '{')
        return "JSON spread over several lines, not JSON Lines (one object per line): convert it with jq -c .";
    return std::nullopt;
}

/// nlohmann's message, told for one line of a file: without its "[json.exception.parse_error.101]"
/// tag, its "line 1" (a record is one line; the file's line is named by the caller) and most of
/// what it last read, which for an unterminated string is the whole rest of the line.
std::string short_json_error(const json::exception& e) {
    constexpr std::size_t kShownBytes = 40;
    std::string message = e.what();
    if (const auto close = message.find("] "); message.starts_with("[json.") && close != std::string::npos)
        message.erase(0, close + 2);
    if (message.starts_with("parse error at line 1, ")) message.erase(0, std::string_view("parse error at line 1, ").size());
    const std::string_view marker = "; last read: '";
    if (const auto at = message.find(marker); at != std::string::npos && message.ends_with('\'')) {
        const auto start = at + marker.size();
        const auto length = message.size() - 1 - start;
        if (length > kShownBytes) {
            auto cut = message.size() - 1 - kShownBytes;
            while (cut < message.size() && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) ++cut;  // whole characters
            message = message.substr(0, start) + "…" + message.substr(cut);
        }
    }
    return message;
}

/// How a message names `field`: 'body', or 'isi' (body) when the record's field is mapped.
std::string quoted(const RecordFields& fields, RecordField field) {
    auto text = "'" + fields.location(field) + "'";
    if (fields.is_mapped(field)) text += " (" + std::string(field_name(field)) + ")";
    return text;
}

/// `name` as a message may show it: control characters blanked, at most 40 bytes.
std::string shown_name(std::string name) {
    blank_control_characters(name, FieldLines::One);
    return shortened(name, 40);
}

/// Whether some article field is read from the record's field `member`.
bool is_read(const std::string& member, const RecordFields& fields) {
    return std::any_of(kRecordFields.begin(), kRecordFields.end(),
                       [&](RecordField field) { return fields.location(field) == member; });
}

/// "missing body", and how to go on. When the record has no field of that name, an archive
/// that names its fields otherwise ("isi", "konten") would fail on every line with nothing
/// saying why: the message lists the record's fields and the option that maps one.
std::string missing(const json& record, const RecordFields& fields, RecordField field) {
    constexpr std::size_t kShownFields = 8;
    const std::string name(field_name(field));
    if (fields.is_mapped(field)) return "missing " + name + " (field '" + fields.location(field) + "')";
    if (record.contains(name) || record.empty()) return "missing " + name;
    std::string listed;
    std::size_t count = 0;
    bool unread = false;  // a field no article field is read from, which could be the missing one
    for (const auto& [member, value] : record.items()) {
        unread |= !is_read(member, fields);
        if (++count > kShownFields) continue;
        listed += (listed.empty() ? "" : ", ") + shown_name(member);
    }
    if (!unread) return "missing " + name;
    if (count > kShownFields) listed += ", … (" + std::to_string(count) + " in all)";
    return "missing " + name + "; the record's fields are " + listed + ": read one as the " + name + " with --field " +
           name + "=NAME";
}

/// Optional text field: missing and null both mean empty.
std::string optional_string(const json& record, const RecordFields& fields, RecordField field, const std::string& name,
                            std::size_t line) {
    const auto* value = fields.find(record, field);
    if (value == nullptr || value->is_null()) return {};
    if (!value->is_string())
        throw InputError(name, line, "field " + quoted(fields, field) + " must be a string or null");
    return value->get<std::string>();
}

/// The body: a string, or an array of strings, its paragraphs (as scrapers and some datasets
/// give them), joined by blank lines.
std::string body_text(const json& record, const RecordFields& fields, const std::string& name, std::size_t line) {
    const auto* value = fields.find(record, RecordField::Body);
    const auto wrong_type = [&] {
        const auto what = "field " + quoted(fields, RecordField::Body);
        return InputError(name, line, what + " must be a string, an array of strings or null");
    };
    if (value == nullptr || value->is_null() || value->is_string())
        return optional_string(record, fields, RecordField::Body, name, line);
    if (!value->is_array()) throw wrong_type();
    std::string body;
    for (const auto& paragraph : *value) {
        if (!paragraph.is_string()) throw wrong_type();
        const auto& text = paragraph.get_ref<const std::string&>();
        if (is_blank(text)) continue;
        if (!body.empty()) body += "\n\n";
        body += text;
    }
    return body;
}

/// The date field as text: a string as given, a number read as Unix time. Another number is kept
/// as written: 20241104 is then read as the date it spells, and 2024 is reported as not a date.
std::string date_text(const json& record, const RecordFields& fields, const std::string& name, std::size_t line) {
    const auto* value = fields.find(record, RecordField::Date);
    if (value == nullptr || !value->is_number()) {
        if (value != nullptr && !value->is_null() && !value->is_string())
            throw InputError(name, line,
                             "field " + quoted(fields, RecordField::Date) + " must be a string, a Unix time or null");
        return optional_string(record, fields, RecordField::Date, name, line);
    }
    const auto iso = unix_time_as_iso(value->get<double>());
    return iso ? *iso : value->dump();
}

}  // namespace

Article parse_jsonl_record(std::string_view text, const std::string& name, std::size_t line,
                           const RecordFields& fields) {
    if (const auto bad = find_invalid_utf8(text))
        throw InputError(name, line, "invalid UTF-8 at byte " + std::to_string(*bad + 1));

    json record;
    try {
        record = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for a number beyond a double
        throw InputError(name, line, "invalid JSON: " + short_json_error(e));
    }
    if (!record.is_object()) throw InputError(name, line, "record is not a JSON object");

    Article article;
    const auto* id = fields.find(record, RecordField::Id);
    if (id == nullptr || id->is_null()) throw InputError(name, line, missing(record, fields, RecordField::Id));
    if (id->is_string()) {
        article.id = id->get<std::string>();
    } else if (id->is_number_integer()) {
        article.id = id->dump();
    } else {
        throw InputError(name, line, "field " + quoted(fields, RecordField::Id) + " must be a string or an integer");
    }
    if (is_blank(article.id)) throw InputError(name, line, "empty id");

    article.body = body_text(record, fields, name, line);
    if (is_blank(article.body)) {
        const auto* body = fields.find(record, RecordField::Body);
        const bool absent = body == nullptr || body->is_null();
        throw InputError(name, line, absent ? missing(record, fields, RecordField::Body) : "empty body");
    }
    article.title = optional_string(record, fields, RecordField::Title, name, line);
    article.date = date_text(record, fields, name, line);
    article.url = optional_string(record, fields, RecordField::Url, name, line);
    article.source = optional_string(record, fields, RecordField::Source, name, line);
    finish_record_article(article, name, line);
    return article;
}

JsonlReader::JsonlReader(std::istream& in, std::string name, RecordFields fields, std::size_t max_line_bytes)
    : in_(in), name_(std::move(name)), fields_(std::move(fields)), max_line_bytes_(max_line_bytes),
      pieces_(in, name_) {}

bool JsonlReader::read_line() {
    buffer_.clear();
    line_too_long_ = false;
    bool read_any = false;
    while (const auto piece = pieces_.next(line_ + 1)) {
        read_any = true;
        if (buffer_.size() + piece->bytes.size() > max_line_bytes_) line_too_long_ = true;
        if (!line_too_long_) buffer_.append(piece->bytes);
        if (piece->ends_line) return true;
    }
    return read_any;
}

std::optional<Article> JsonlReader::next() {
    if (abandoned_) return std::nullopt;
    while (read_line()) {
        ++line_;
        if (line_too_long_)
            throw InputError(name_, line_, "line longer than " + byte_size(max_line_bytes_) + " (no line breaks?): skipped");
        if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
        if (line_ == 1 && buffer_.starts_with("\xEF\xBB\xBF")) buffer_.erase(0, 3);
        if (line_ == 1) {
            if (const auto reason = not_text_reason(buffer_)) {
                abandoned_ = true;  // every line would fail: one message for the file
                throw InputError(name_, line_, *reason + "; file skipped");
            }
        }
        if (is_blank(buffer_)) continue;
        if (!seen_record_) {
            seen_record_ = true;
            if (const auto reason = not_json_lines_reason(buffer_)) {
                abandoned_ = true;
                throw InputError(name_, line_, *reason + "; file skipped");
            }
        }
        if (buffer_.find('\0') != std::string::npos) throw InputError(name_, line_, "binary data (NUL byte)");
        auto article = parse_jsonl_record(buffer_, name_, line_, fields_);
        article.input_bytes = pieces_.consumed_bytes() - reported_bytes_;
        reported_bytes_ = pieces_.consumed_bytes();
        return article;
    }
    if (in_.bad()) throw InputError(name_, line_ + 1, "read error");
    return std::nullopt;
}

}  // namespace telusur
