// Removes site boilerplate from article text, driven by a pattern file (stemmer-data/boilerplate.tsv).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "telusur/article.h"

namespace telusur {

/// Line-oriented cleaner. The pattern file has one rule per line, `KIND<TAB>REGEX` (ICU regex
/// syntax, case-insensitive, searched in the trimmed line):
///   - `line`: drop a matching line ("Baca Juga: ...", "SCROLL TO CONTINUE WITH CONTENT");
///   - `rest`: drop a matching line and everything after it (a site footer).
/// Besides the rules, a line repeated on the next non-blank line (a photo caption printed twice)
/// is kept once, and runs of blank lines collapse to one paragraph break.
/// Immutable once loaded, so one instance can be shared by all threads.
class BoilerplateCleaner {
  public:
    /// Loads rules from `path`; throws DataError naming the file and line of a bad rule.
    static BoilerplateCleaner load(const std::filesystem::path& path);
    /// Builds a cleaner from the text of a pattern file; `name` is used in errors.
    static BoilerplateCleaner from_rules(std::string_view rules, const std::string& name = "<rules>");

    BoilerplateCleaner(BoilerplateCleaner&&) noexcept;
    BoilerplateCleaner& operator=(BoilerplateCleaner&&) noexcept;
    ~BoilerplateCleaner();

    /// `text` without boilerplate; paragraphs separated by one blank line, lines trimmed.
    std::string clean(std::string_view text) const;

    /// Cleans the article's title and body, each read as text first when it holds HTML
    /// (html_text.h); when `title_from_first_line` is set, the first remaining line becomes the
    /// title.
    void clean(Article& article) const;

    /// Number of rules loaded.
    std::size_t rule_count() const;

  private:
    struct Rules;
    explicit BoilerplateCleaner(std::unique_ptr<Rules> rules);
    std::unique_ptr<Rules> rules_;
};

}  // namespace telusur
