// Id lists: the articles to delete, one id per line, as `telusur-query --ids` prints them.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "telusur/error.h"

namespace telusur {

/// An article id and where it was named: a line of a list, or an option (line 0).
struct ListedId {
    std::string id;
    std::string origin;    ///< The list's name ("-" for standard input), or the option ("--delete").
    std::size_t line = 0;  ///< 1-based line of the list; 0 for an option.
};

/// The longest line of an id list: far longer than any id an index holds (240 bytes), short
/// enough that a file given by mistake (an archive, a binary) never fills memory.
inline constexpr std::size_t kMaxIdListLineBytes = 4096;

/// Reads the id list `name` ("-": standard input): one id per line, exactly as written, but for
/// a CR before the line break. Blank lines are skipped. A line that is not UTF-8, holds a
/// control character or is longer than kMaxIdListLineBytes goes to `on_error` and is skipped.
/// Stops early, keeping what it read, once `stop` (may be null) is set while a pipe or terminal
/// waits. Throws Error naming the list when it cannot be opened or read.
std::vector<ListedId> read_id_list(const std::string& name, const std::function<void(const InputError&)>& on_error,
                                   const std::atomic<bool>* stop = nullptr);

}  // namespace telusur
