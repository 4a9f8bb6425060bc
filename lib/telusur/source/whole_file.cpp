#include "telusur/source/whole_file.h"

#include <cerrno>
#include <system_error>

#include "telusur/error.h"
#include "telusur/source/control_characters.h"
#include "telusur/source/open_failure.h"
#include "telusur/source/stoppable_input.h"
#include "telusur/source/text_sniffer.h"
#include "telusur/source/utf16_stream.h"
#include "telusur/source/utf8.h"

namespace telusur {

void check_file_id(const std::string& name, const std::string& id) {
    // The id is shown as it is (text output, --ids), and a JSONL id must be UTF-8 without
    // control characters too: an escape sequence in a file name would reach the terminal.
    if (const auto control = find_control_character(id))
        throw InputError(name, 0, "file name holds a control character (byte " + std::to_string(*control + 1) +
                                      "): rename the file to index it");
    if (const auto bad = find_invalid_utf8(id))
        throw InputError(name, 0, "file name is not UTF-8 (byte " + std::to_string(*bad + 1) +
                                      "): rename the file to index it");
}

std::optional<std::string> read_whole_file(const std::filesystem::path& path, std::size_t max_bytes,
                                           const std::atomic<bool>* stop) {
    const std::string name = path.string();
    const int fd = open_for_reading(path);
    if (fd < 0) throw InputError(name, 0, cannot_open_file(path, errno));
    StoppableInput in(fd, true, stop);
    std::string bytes;
    char chunk[1 << 16];
    try {
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
            if (bytes.size() + static_cast<std::size_t>(in.gcount()) > max_bytes)
                throw InputError(name, 0, "file larger than " + byte_size(max_bytes) + ": skipped");
            bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        }
    } catch (const std::system_error& e) {
        throw InputError(name, 0, e.what());
    }
    if (in.stopped()) return std::nullopt;
    if (auto utf8 = utf16_as_utf8(bytes)) bytes = std::move(*utf8);
    if (const auto reason = not_text_reason(bytes)) throw InputError(name, 0, *reason);
    return bytes;
}

}  // namespace telusur
