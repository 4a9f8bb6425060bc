#include "telusur/source/csv_reader.h"

#include <algorithm>
#include <deque>

#include <csv.h>

#include "telusur/ascii_case.h"
#include "telusur/blank_text.h"
#include "telusur/error.h"
#include "telusur/source/record_article.h"
#include "telusur/source/text_sniffer.h"
#include "telusur/source/unix_time.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

constexpr std::size_t kNoColumn = std::string::npos;

/// The delimiter the header line `line` uses most: ',', ';' or tab, outside quotes.
unsigned char delimiter_of(std::string_view line) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

/// Whether `text` is all ASCII digits, 9 to 15 of them: Unix time in seconds or milliseconds, as a
/// CSV cell writes a number (more digits would be past 2199 even in milliseconds).
bool is_unix_time_text(std::string_view text) {
    return text.size() >= 9 && text.size() <= 15 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

/// libcsv's parser and the records it completed that next() has not returned yet.
struct CsvReader::Parser {
    struct Row {
        std::size_t line;
        std::vector<std::string> cells;
    };

    csv_parser csv{};
    std::vector<std::string> cells;  // of the record being parsed
    std::deque<Row> rows;
    std::size_t row_line = 0;   // line the record being parsed starts on
    std::size_t row_bytes = 0;  // its bytes so far
    bool in_row = false;

    Parser() { csv_init(&csv, 0); }
    ~Parser() { csv_free(&csv); }

    static void on_cell(void* data, std::size_t size, void* self) {
        auto& parser = *static_cast<Parser*>(self);
        parser.cells.emplace_back(data == nullptr ? std::string() : std::string(static_cast<const char*>(data), size));
    }
    static void on_row(int, void* self) {
        auto& parser = *static_cast<Parser*>(self);
        parser.rows.push_back({parser.row_line, std::move(parser.cells)});
        parser.cells.clear();
        parser.in_row = false;
    }
    void parse(std::string_view bytes) { csv_parse(&csv, bytes.data(), bytes.size(), on_cell, on_row, this); }
    void finish() { csv_fini(&csv, on_cell, on_row, this); }
};

CsvReader::CsvReader(std::istream& in, std::string name, RecordFields fields, std::size_t max_record_bytes)
    : name_(std::move(name)), fields_(std::move(fields)), max_record_bytes_(max_record_bytes),
      parser_(std::make_unique<Parser>()), pieces_(in, name_) {
    columns_.fill(kNoColumn);
}

CsvReader::~CsvReader() = default;

void CsvReader::give_up(std::size_t line, const std::string& reason) {
    abandoned_ = true;
    throw InputError(name_, line, reason + "; file skipped");
}

void CsvReader::feed(std::string_view bytes) {
    if (!parser_->in_row && !is_blank(bytes)) {
        parser_->in_row = true;
        parser_->row_line = line_ + 1;
        parser_->row_bytes = 0;
    }
    parser_->row_bytes += bytes.size() + 1;
    if (parser_->in_row && parser_->row_bytes > max_record_bytes_)
        give_up(parser_->row_line, "record longer than " + byte_size(max_record_bytes_) + " (a quote never closed?)");
    parser_->parse(bytes);
}

bool CsvReader::feed_line() {
    bool read_any = false;
    while (const auto next = pieces_.next(line_ + 1)) {
        auto piece = next->bytes;
        if (line_ == 0 && !read_any) {
            if (piece.starts_with("\xEF\xBB\xBF")) piece.remove_prefix(3);  // Excel's UTF-8 mark
            if (const auto reason = not_text_reason(piece)) give_up(1, *reason);
            csv_set_delim(&parser_->csv, delimiter_of(piece));
        }
        read_any = true;
        // A CR not followed by LF ends a line too (Excel's "CSV (Macintosh)"): counted, so that a
        // record's line is right there as well.
        for (auto cr = piece.find('\r'); cr != std::string_view::npos && cr + 1 < piece.size(); cr = piece.find('\r')) {
            feed(piece.substr(0, cr + 1));
            ++line_;
            piece.remove_prefix(cr + 1);
        }
        feed(piece);
        if (next->ends_line) {
            parser_->parse("\n");
            ++line_;
            return true;
        }
    }
    if (read_any) ++line_;  // a last line without a line break
    parser_->finish();
    return false;
}

void CsvReader::read_header(std::size_t line, std::vector<std::string> names) {
    std::string listed;
    for (auto& name : names) {
        const auto first = name.find_first_not_of(" \t");
        const auto last = name.find_last_not_of(" \t");
        name = first == std::string::npos ? std::string() : name.substr(first, last - first + 1);
        listed += (listed.empty() ? "" : ", ") + name;
    }
    if (find_invalid_utf8(listed)) give_up(line, "header row is not UTF-8");
    for (const auto field : kRecordFields) {
        const auto& wanted = fields_.location(field);
        if (wanted.starts_with('/'))
            give_up(line, "--field " + std::string(field_name(field)) + "=" + wanted +
                              ": a JSON Pointer names no CSV column");
        const auto same_name = [&](const std::string& name) {
            return ascii_lowercase(name) == ascii_lowercase(wanted);
        };
        auto at = std::find(names.begin(), names.end(), wanted);  // the exact name first, then any letter case
        if (at == names.end()) at = std::find_if(names.begin(), names.end(), same_name);
        columns_[static_cast<std::size_t>(field)] =
            at == names.end() ? kNoColumn : static_cast<std::size_t>(at - names.begin());
    }
    for (const auto field : {RecordField::Id, RecordField::Body}) {
        if (columns_[static_cast<std::size_t>(field)] != kNoColumn) continue;
        const std::string name(field_name(field));
        const auto mapped = fields_.is_mapped(field) ? " (" + name + ")" : std::string();
        give_up(line, "no column '" + fields_.location(field) + "'" + mapped + " in the header (" + listed +
                          "): name the " + name + "'s column with --field " + name + "=NAME");
    }
    column_count_ = names.size();
}

Article CsvReader::article_of(std::size_t line, const std::vector<std::string>& cells) const {
    if (cells.size() != column_count_)
        throw InputError(name_, line,
                         std::to_string(cells.size()) + " fields where the header has " +
                             std::to_string(column_count_) + " (a delimiter in a field that is not quoted?)");
    Article article;
    const auto cell = [&](RecordField field) -> std::string {
        const auto column = columns_[static_cast<std::size_t>(field)];
        if (column == kNoColumn) return {};
        const auto& text = cells[column];
        if (const auto bad = find_invalid_utf8(text))
            throw InputError(name_, line, "invalid UTF-8 at byte " + std::to_string(*bad + 1) + " of column '" +
                                              fields_.location(field) + "'");
        if (text.find('\0') != std::string::npos) throw InputError(name_, line, "binary data (NUL byte)");
        return text;
    };
    article.id = cell(RecordField::Id);
    if (is_blank(article.id)) throw InputError(name_, line, "empty id");
    article.body = cell(RecordField::Body);
    if (is_blank(article.body)) throw InputError(name_, line, "empty body");
    article.title = cell(RecordField::Title);
    article.date = cell(RecordField::Date);
    if (is_unix_time_text(article.date))
        if (const auto iso = unix_time_as_iso(std::stod(article.date))) article.date = *iso;
    article.url = cell(RecordField::Url);
    article.source = cell(RecordField::Source);
    finish_record_article(article, name_, line);
    return article;
}

std::optional<Article> CsvReader::next() {
    for (;;) {
        if (abandoned_) return std::nullopt;
        if (parser_->rows.empty()) {
            if (ended_) return std::nullopt;
            ended_ = !feed_line();
            continue;
        }
        auto row = std::move(parser_->rows.front());
        parser_->rows.pop_front();
        if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return is_blank(c); }))
            continue;  // a blank line
        if (column_count_ == 0) {
            read_header(row.line, std::move(row.cells));
            continue;
        }
        auto article = article_of(row.line, row.cells);
        article.input_bytes = pieces_.consumed_bytes() - reported_bytes_;
        reported_bytes_ = pieces_.consumed_bytes();
        return article;
    }
}

}  // namespace telusur
