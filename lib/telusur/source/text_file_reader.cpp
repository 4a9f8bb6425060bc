#include "telusur/source/text_file_reader.h"

#include <cerrno>
#include <system_error>

#include "telusur/blank_text.h"
#include "telusur/error.h"
#include "telusur/source/control_characters.h"
#include "telusur/source/open_failure.h"
#include "telusur/source/stoppable_input.h"
#include "telusur/source/text_sniffer.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

/// Every line break as LF: CRLF (Windows) and a lone CR (classic Mac OS) too. The first line
/// becomes the title, and a CR left in it would send the terminal's cursor back over the title
/// ("Berita Resmi\rHOAKS" shows as "HOAKSa Resmi"); a Mac file would be one line, all title.
void unify_line_breaks(std::string& text) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            text[out++] = '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            continue;
        }
        text[out++] = text[i];
    }
    text.resize(out);
}

}  // namespace

Article read_text_file(const std::filesystem::path& path, std::string id, std::size_t max_bytes) {
    return *read_text_file(path, std::move(id), max_bytes, nullptr);
}

std::optional<Article> read_text_file(const std::filesystem::path& path, std::string id, std::size_t max_bytes,
                                      const std::atomic<bool>* stop) {
    const std::string name = path.string();
    // The id is shown as it is (text output, --ids), and a JSONL id must be UTF-8 without
    // control characters too: an escape sequence in a file name would reach the terminal.
    if (const auto control = find_control_character(id))
        throw InputError(name, 0, "file name holds a control character (byte " + std::to_string(*control + 1) +
                                      "): rename the file to index it");
    if (const auto bad = find_invalid_utf8(id))
        throw InputError(name, 0, "file name is not UTF-8 (byte " + std::to_string(*bad + 1) +
                                      "): rename the file to index it");
    const int fd = open_for_reading(path);
    if (fd < 0) throw InputError(name, 0, cannot_open_file(path, errno));
    StoppableInput in(fd, true, stop);
    // In chunks, so a file (or a pipe) larger than allowed is never held whole.
    std::string text;
    char chunk[1 << 16];
    try {
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
            if (text.size() + static_cast<std::size_t>(in.gcount()) > max_bytes)
                throw InputError(name, 0, "file larger than " + byte_size(max_bytes) + ": skipped");
            text.append(chunk, static_cast<std::size_t>(in.gcount()));
        }
    } catch (const std::system_error& e) {
        throw InputError(name, 0, e.what());
    }
    if (in.stopped()) return std::nullopt;

    if (const auto reason = not_text_reason(text)) throw InputError(name, 0, *reason);
    if (const auto nul = text.find('\0'); nul != std::string::npos)
        throw InputError(name, line_of_offset(text, nul), "binary file (NUL byte)");
    if (const auto bad = find_invalid_utf8(text))
        throw InputError(name, line_of_offset(text, *bad), "invalid UTF-8");
    unify_line_breaks(text);
    blank_control_characters(text, FieldLines::Many);
    // A UTF-8 byte order mark is legal but is not text.
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (is_blank(text)) throw InputError(name, 0, "empty file");

    Article article;
    article.id = std::move(id);
    article.input_bytes = text.size();
    article.body = std::move(text);
    article.title_from_first_line = true;
    article.origin_file = name;
    return article;
}

}  // namespace telusur
