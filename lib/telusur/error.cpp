#include "telusur/error.h"

#include "telusur/source/control_characters.h"

namespace telusur {

std::string InputError::where_and_what() const {
    std::string out = file_;
    blank_control_characters(out, FieldLines::One);  // a file name's escape sequence stays off the terminal
    if (line_ > 0) out.append(":").append(std::to_string(line_));
    out.append(": ").append(what());
    return out;
}

std::string byte_size(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace telusur
