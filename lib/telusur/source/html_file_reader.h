// Reads one saved web page (.html, .htm) as one article: what a newsroom's site mirror or a
// researcher's scrape holds.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "telusur/article.h"

namespace telusur {

/// Reads `path` as one page holding one article whose id is `id` (read_html_page: the headline,
/// date, address and outlet from the page's metadata, the story without the page's menus and
/// sidebars). Throws InputError for a missing, compressed or UTF-16 file, one larger than
/// `max_bytes`, an `id` that is not UTF-8 or holds a control character, or a page with no text;
/// nullopt when `stop` (may be null) is set while a FIFO waits for data.
std::optional<Article> read_html_file(const std::filesystem::path& path, std::string id, std::size_t max_bytes,
                                      const std::atomic<bool>* stop);

}  // namespace telusur
