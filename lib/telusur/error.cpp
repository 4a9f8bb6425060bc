#include "telusur/error.h"

#include "telusur/source/control_characters.h"
#include "telusur/source/utf8.h"

namespace telusur {

std::string InputError::where_and_what() const {
    // A file name's escape sequence stays off the terminal, and its Latin-1 bytes show as \xE9.
    std::string out = escape_invalid_utf8(file_);
    blank_control_characters(out, FieldLines::One);
    if (line_ > 0) out.append(":").append(std::to_string(line_));
    out.append(": ").append(what());
    return out;
}

std::string byte_size(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace telusur
