#include "telusur/clean/boilerplate_cleaner.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "telusur/clean/html_text.h"
#include "telusur/data_file.h"

namespace telusur {

namespace {

enum class RuleKind { DropLine, DropRest };

/// How long a rule may try to match a line, in ICU's unit of match time (about ten thousand
/// steps of its engine, on the order of a millisecond): a base, and twenty steps per character,
/// so that every pattern of linear cost matches the longest line while one that backtracks
/// without end ("^(a+)+$" on a line of letters) gives up at a cost linear in the line.
std::int32_t match_time_limit(const icu::UnicodeString& line) {
    constexpr std::int32_t kBase = 100;
    constexpr std::int32_t kCharactersPerUnit = 500;
    return kBase + line.length() / kCharactersPerUnit;
}

struct Rule {
    RuleKind kind;
    std::unique_ptr<icu::RegexPattern> pattern;
};

/// Article text trimmed of every kind of ASCII white space (form feeds and vertical tabs too).
std::string_view trim_text(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\f\v");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\f\v");
    return text.substr(first, last - first + 1);
}

/// Caption lines printed twice sometimes differ only in spacing ("Korut  Choe" / "Korut Choe").
std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_space = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t';
        if (space && in_space) continue;
        out += space ? ' ' : c;
        in_space = space;
    }
    return out;
}

}  // namespace

struct BoilerplateCleaner::Rules {
    std::vector<Rule> rules;

    /// The kind of the first rule that matches `line`, if any.
    std::optional<RuleKind> match(std::string_view line) const {
        if (rules.empty()) return std::nullopt;
        const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
        for (const auto& rule : rules) {
            UErrorCode status = U_ZERO_ERROR;
            std::unique_ptr<icu::RegexMatcher> matcher(rule.pattern->matcher(text, status));
            if (U_FAILURE(status)) continue;
            // A pattern that backtracks without end would stall the whole run on one line: past
            // the limit the rule counts as not matching.
            matcher->setTimeLimit(match_time_limit(text), status);
            if (U_SUCCESS(status) && matcher->find(status) && U_SUCCESS(status)) return rule.kind;
        }
        return std::nullopt;
    }
};

BoilerplateCleaner::BoilerplateCleaner(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
BoilerplateCleaner::BoilerplateCleaner(BoilerplateCleaner&&) noexcept = default;
BoilerplateCleaner& BoilerplateCleaner::operator=(BoilerplateCleaner&&) noexcept = default;
BoilerplateCleaner::~BoilerplateCleaner() = default;

BoilerplateCleaner BoilerplateCleaner::load(const std::filesystem::path& path) {
    return from_rules(read_data_file(path, "pattern"), path.string());
}

BoilerplateCleaner BoilerplateCleaner::from_rules(std::string_view rules_text, const std::string& name) {
    auto rules = std::make_unique<Rules>();
    for (const auto& line : data_lines(rules_text, name, CommentStart::LineStart)) {
        const auto tab = line.text.find('\t');
        if (tab == std::string_view::npos) throw data_error(name, line.number, "expected KIND<TAB>REGEX");
        const auto kind_name = trim(line.text.substr(0, tab));
        const auto regex = trim(line.text.substr(tab + 1));
        RuleKind kind;
        if (kind_name == "line") {
            kind = RuleKind::DropLine;
        } else if (kind_name == "rest") {
            kind = RuleKind::DropRest;
        } else {
            throw data_error(name, line.number, "unknown rule kind '" + std::string(kind_name) + "' (expected line or rest)");
        }
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error;
        std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
            icu::UnicodeString::fromUTF8(icu::StringPiece(regex.data(), static_cast<int32_t>(regex.size()))),
            UREGEX_CASE_INSENSITIVE, parse_error, status));
        if (U_FAILURE(status))
            throw data_error(name, line.number, std::string("bad regular expression (") + u_errorName(status) + ")");
        rules->rules.push_back({kind, std::move(pattern)});
    }
    return BoilerplateCleaner(std::move(rules));
}

std::size_t BoilerplateCleaner::rule_count() const { return rules_->rules.size(); }

std::string BoilerplateCleaner::clean(std::string_view text) const {
    std::string out;
    out.reserve(text.size());
    std::string previous;  // last kept line, spaces collapsed, for the caption rule
    bool pending_break = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto line = trim_text(text.substr(start, end - start));
        start = end + 1;

        if (line.empty()) {
            pending_break = !out.empty();
            continue;
        }
        const auto kind = rules_->match(line);
        if (kind == RuleKind::DropRest) break;
        if (kind == RuleKind::DropLine) continue;
        auto collapsed = collapse_spaces(line);
        if (collapsed == previous) continue;

        if (!out.empty()) out += pending_break ? "\n\n" : "\n";
        out += collapsed;
        previous = std::move(collapsed);
        pending_break = false;
    }
    return out;
}

void BoilerplateCleaner::clean(Article& article) const {
    if (looks_like_html(article.body)) article.body = html_to_text(article.body);
    if (looks_like_html(article.title)) {
        article.title = html_to_text(article.title);
        std::replace(article.title.begin(), article.title.end(), '\n', ' ');
    }
    article.body = clean(article.body);
    article.title = collapse_spaces(trim_text(article.title));
    if (!article.title_from_first_line) return;
    const auto end = article.body.find('\n');
    article.title = article.body.substr(0, end);
    article.body.erase(0, end == std::string::npos ? std::string::npos : end);
    const auto first = article.body.find_first_not_of('\n');
    article.body.erase(0, first);
    article.title_from_first_line = false;
}

}  // namespace telusur
