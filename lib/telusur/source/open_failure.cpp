#include "telusur/source/open_failure.h"

#include <cstring>
#include <system_error>

namespace telusur {

std::string cannot_open_file(const std::filesystem::path& path, int error) {
    std::error_code ec;
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec)) && !std::filesystem::exists(path, ec))
        return "cannot open file: broken symbolic link";
    if (error == 0) return "cannot open file";
    return "cannot open file: " + std::string(std::strerror(error));
}

}  // namespace telusur
