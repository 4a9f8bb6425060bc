#include "telusur/data_file.h"

#include <fstream>
#include <iterator>
#include <optional>

#include "telusur/source/control_characters.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// Byte offset of the first control character of `line` that is not a tab (the column separator).
std::optional<std::size_t> find_control_but_tab(std::string_view line) {
    std::size_t from = 0;
    while (const auto found = find_control_character(line.substr(from))) {
        if (line[from + *found] != '\t') return from + *found;
        from += *found + 1;
    }
    return std::nullopt;
}

}  // namespace

std::string read_data_file(const std::filesystem::path& path, std::string_view kind) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError("cannot open " + std::string(kind) + " file " + path.string());
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<DataLine> data_lines(std::string_view text, std::string_view source, CommentStart comments) {
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    std::vector<DataLine> lines;
    std::size_t number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (const auto bad = find_invalid_utf8(line))
            throw data_error(source, number, "invalid UTF-8 at byte " + std::to_string(*bad + 1) + " (save the file as UTF-8)");
        if (const auto control = find_control_but_tab(line))
            throw data_error(source, number, "control character at byte " + std::to_string(*control + 1));
        if (comments == CommentStart::Anywhere) {
            if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        }
        line = trim(line);
        if (line.empty() || (comments == CommentStart::LineStart && line.front() == '#')) continue;
        lines.push_back({number, line});
    }
    return lines;
}

DataError data_error(std::string_view source, std::size_t line, std::string_view message) {
    return DataError(std::string(source) + ":" + std::to_string(line) + ": " + std::string(message));
}

}  // namespace telusur
