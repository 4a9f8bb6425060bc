// Why an input file could not be opened, for "FILE: cannot open file: why".
#pragma once

#include <filesystem>
#include <string>

namespace telusur {

/// "cannot open file: broken symbolic link" when `path` is a link to nothing, else "cannot open
/// file: " and the system's reason for `error`, an errno value ("Permission denied").
std::string cannot_open_file(const std::filesystem::path& path, int error);

}  // namespace telusur
