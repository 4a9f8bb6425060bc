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

/// The message for a write lock Xapian could not take on database `shown`: held by another
/// writer, or not takeable at all (a read-only folder: "Couldn't open lockfile: Permission
/// denied"), which is not a reason to look for a running telusur-index.
inline std::string lock_error_text(const std::string& shown, const Xapian::DatabaseLockError& e) {
    if (e.get_msg().find("already locked") != std::string::npos)
        return "database '" + shown + "' is locked by another writer (is telusur-index already running?)";
    return "cannot write to database '" + shown + "': " + xapian_error_text(e);
}

}  // namespace telusur
