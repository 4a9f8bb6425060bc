#include "telusur/search/explanation.h"

#include "telusur/schema.h"

namespace telusur {

TermMatch describe_term(const std::string& term) {
    TermMatch match;
    match.term = term;
    const auto strip = [&](std::string_view prefix, const char* field) {
        if (!term.starts_with(prefix)) return false;
        match.word = term.substr(prefix.size());
        match.field = field;
        return true;
    };
    const std::string stemmed_title = std::string(schema::kStemPrefix) + std::string(schema::kTitlePrefix);
    if (strip(stemmed_title, "title stem") || strip(schema::kStemPrefix, "stem") || strip(schema::kTitlePrefix, "title") ||
        strip(schema::kSourcePrefix, "filter") || strip(schema::kClusterPrefix, "filter") || strip(schema::kIdPrefix, "id"))
        return match;
    match.word = term;
    match.field = "word";
    return match;
}

}  // namespace telusur
