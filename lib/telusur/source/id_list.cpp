#include "telusur/source/id_list.h"

#include <cerrno>
#include <filesystem>
#include <system_error>
#include <unistd.h>

#include "telusur/source/control_characters.h"
#include "telusur/source/open_failure.h"
#include "telusur/source/stoppable_input.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

/// Takes `line` (its break removed) as an id, or reports why not.
void take_line(std::string& line, const std::string& name, std::size_t number, bool too_long,
               std::vector<ListedId>& ids, const std::function<void(const InputError&)>& on_error) {
    if (too_long) {
        on_error(InputError(name, number, "line longer than " + byte_size(kMaxIdListLineBytes) + ": skipped"));
        return;
    }
    if (line.ends_with('\r')) line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) return;
    if (const auto bad = find_invalid_utf8(line)) {
        on_error(InputError(name, number, "not valid UTF-8 (byte " + std::to_string(*bad + 1) + "): skipped"));
        return;
    }
    if (const auto control = find_control_character(line)) {
        on_error(InputError(name, number, "holds a control character (byte " + std::to_string(*control + 1) +
                                              "): skipped"));
        return;
    }
    ids.push_back({std::move(line), name, number});
}

}  // namespace

std::vector<ListedId> read_id_list(const std::string& name, const std::function<void(const InputError&)>& on_error,
                                   const std::atomic<bool>* stop) {
    const bool standard_input = name == "-";
    if (std::error_code ec; !standard_input && std::filesystem::is_directory(name, ec))
        throw Error("id list '" + name + "' is a folder; give a file of ids, one per line");
    const int fd = standard_input ? STDIN_FILENO : open_for_reading(name);
    if (fd < 0) throw Error("id list '" + name + "': " + cannot_open_file(name, errno));
    StoppableInput in(fd, !standard_input, stop);

    std::vector<ListedId> ids;
    std::string line;
    std::size_t number = 1;
    bool too_long = false;
    char buffer[1 << 16];
    try {
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            const std::string_view chunk(buffer, static_cast<std::size_t>(in.gcount()));
            std::size_t start = 0;
            for (auto end = chunk.find('\n'); start < chunk.size(); end = chunk.find('\n', start)) {
                const auto piece = chunk.substr(start, end == std::string_view::npos ? end : end - start);
                // A line over the limit is kept no further: only that it was too long is told.
                too_long = too_long || line.size() + piece.size() > kMaxIdListLineBytes;
                if (!too_long) line.append(piece);
                if (end == std::string_view::npos) break;
                take_line(line, name, number++, too_long, ids, on_error);
                line.clear();
                too_long = false;
                start = end + 1;
            }
        }
    } catch (const std::system_error& e) {
        throw Error("id list '" + name + "': cannot read: " + e.code().message());
    }
    // A last line without its break, unless the list was stopped halfway through it.
    if ((!line.empty() || too_long) && !in.stopped()) take_line(line, name, number, too_long, ids, on_error);
    return ids;
}

}  // namespace telusur
