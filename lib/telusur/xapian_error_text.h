// Xapian's errors, worded for a message that names the database itself.
#pragma once

#include <string>

#include <xapian.h>

namespace telusur {

/// Xapian's message with the system's reason when there is one ("Error writing block 523 (No
/// space left on device)"): get_msg() alone drops the reason, get_description() adds the class.
inline std::string xapian_error_text(const Xapian::Error& e) {
    std::string text = e.get_msg();
    if (const char* reason = e.get_error_string(); reason != nullptr && *reason != '\0') text += std::string(" (") + reason + ")";
    return text;
}

}  // namespace telusur
