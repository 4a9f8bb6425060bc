#include "telusur/error.h"

namespace telusur {

std::string InputError::where_and_what() const {
    std::string out;
    out.append(file_);
    if (line_ > 0) out.append(":").append(std::to_string(line_));
    out.append(": ").append(what());
    return out;
}

}  // namespace telusur
