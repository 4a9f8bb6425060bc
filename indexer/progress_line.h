// The progress line telusur-index redraws on stderr while it works (on a terminal only).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "telusur/index/indexing_run.h"

namespace telusur::indexer {

/// One status line, redrawn in place at most ten times a second: documents, MiB read, docs/s,
/// and, when the input's size is known, percent done and time left. Call clear() before
/// printing anything else on the same stream, so messages never land mid-line.
class ProgressLine {
  public:
    /// `total_bytes` is the input's size, unknown for stdin and compressed files.
    ProgressLine(std::FILE* out, std::optional<std::uint64_t> total_bytes);

    /// Redraws the line if the last redraw is old enough (the first call always draws).
    void update(const IndexStats& stats);

    /// Erases the line, if one is showing.
    void clear();

  private:
    using Clock = std::chrono::steady_clock;
    std::FILE* out_;
    std::optional<std::uint64_t> total_bytes_;
    Clock::time_point started_ = Clock::now();
    std::optional<Clock::time_point> last_drawn_;
    bool showing_ = false;
};

/// The line's text for `stats` after `seconds`, e.g.
/// "12,400 docs  45.1/273.1 MiB  16%  1,530 docs/s  ETA 2:29".
std::string format_progress(const IndexStats& stats, double seconds, std::optional<std::uint64_t> total_bytes);

/// "12,345": thousands separated, for the progress line and the summary.
std::string with_thousands(std::uint64_t n);

}  // namespace telusur::indexer
