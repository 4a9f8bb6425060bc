// Typed exceptions thrown by the library. Each tool catches them once, at the top of main,
// and prints them as `tool: FILE:LINE: reason`.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace telusur {

/// Base class of every error the library throws on purpose.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A record or file that cannot be read; names where it is. Skippable: the run continues.
class InputError : public Error {
  public:
    InputError(std::string file, std::size_t line, const std::string& reason)
        : Error(reason), file_(std::move(file)), line_(line) {}

    const std::string& file() const { return file_; }
    /// 1-based line number, or 0 when the error concerns the whole file.
    std::size_t line() const { return line_; }
    /// "FILE:LINE: reason" (or "FILE: reason" for a whole file), control characters of FILE
    /// blanked and its bytes that are not UTF-8 written as \\xE9.
    std::string where_and_what() const;

  private:
    std::string file_;
    std::size_t line_;
};

/// "64 MiB" for whole MiB, else "1000 bytes": for messages about size limits.
std::string byte_size(std::size_t bytes);

/// A data file in stemmer-data/ (patterns, stopwords, aliases) that is missing or malformed.
class DataError : public Error {
  public:
    using Error::Error;
};

}  // namespace telusur
