// Searcher::suggest: "did you mean", for misspelt words and for filter values that match nothing.
#include "telusur/search/searcher.h"

#include <algorithm>
#include <string>

#include "telusur/analysis/normalizer.h"
#include "telusur/ascii_case.h"
#include "telusur/analysis/stemmer/confix_stemmer.h"
#include "telusur/schema.h"
#include "telusur/search/filters.h"
#include "telusur/search/query_syntax.h"
#include "telusur/search/term_suggester.h"

namespace telusur {

namespace {

/// `suggestion` (lower case) capitalised as `typed` is: "Prabwo" → "Prabowo", "BNJIR" → "BANJIR".
std::string written_like(std::string suggestion, std::string_view typed) {
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (typed.empty() || !upper(typed[0])) return suggestion;
    const bool all = typed.size() > 1 && std::all_of(typed.begin(), typed.end(), upper);
    for (std::size_t i = 0; i < suggestion.size() && (i == 0 || all); ++i)
        if (suggestion[i] >= 'a' && suggestion[i] <= 'z') suggestion[i] = static_cast<char>(suggestion[i] - 'a' + 'A');
    return suggestion;
}

/// The filter kind named before the value that starts at byte `start` of `query` ("source" of
/// `Source:kompas`), lower-cased; empty for any other field, or none.
std::string filter_kind_before(std::string_view query, std::size_t start) {
    std::size_t begin = start - 1;  // the colon
    while (begin > 0 && ascii_lower(query[begin - 1]) >= 'a' && ascii_lower(query[begin - 1]) <= 'z') --begin;
    auto kind = ascii_lowercase(std::string(query.substr(begin, start - 1 - begin)));
    return is_filter_kind(kind) ? kind : std::string();
}

}  // namespace

std::string Searcher::suggest(const std::string& query) {
    // Word by word on the query as typed, so the suggestion reads like the user's own query.
    static const Normalizer normalizer;
    std::string corrected;
    std::size_t copied = 0;
    bool changed = false;
    for (const auto& token : tokenizer_.tokenize(query)) {
        if (token.kind != TokenKind::Word || is_query_operator(token.text) || is_field_name(query, token.end))
            continue;
        std::string suggestion;
        if (is_field_value(query, token.start)) {
            // A filter value no article has, completed from the values indexed: source:kompas
            // → source:kompas.com, person:prabow → person:"prabowo subianto". The part typed
            // stays as typed.
            const auto kind = filter_kind_before(query, token.start);
            const bool whole_value = token.end == query.size() || query[token.end] == ' ' || query[token.end] == ')';
            if (kind.empty() || !whole_value) continue;
            suggestion = completed_value(Filter{kind, token.text});
            if (suggestion.find(' ') != std::string::npos) suggestion = '"' + suggestion + '"';  // a name
        } else {
            if (is_in_field_value(query, token.start)) continue;
            const auto word = normalizer.normalize(token.text);
            if (data_.stopwords.contains(word)) continue;
            if (const auto docs = db_.get_termfreq(word); docs > 0) {
                // A rare word beside a common one is most likely a typo that some article shares,
                // unless the stemmer knows it. Another form of the same root is no correction: the
                // search finds it already.
                if (docs > kRareWordDocs || data_.stemmer_data.stemmer()->stem(word).reason != StemReason::Fallback)
                    continue;
                const auto stem = stemmer_(word);
                suggestion = suggest_popular(db_, word, [this, &stem](std::string_view w) {
                    return stemmer_(std::string(w)) == stem;  // another form of the same root
                });
            } else if (!db_.term_exists(std::string(schema::kStemPrefix) + stemmer_(word))) {
                // An unseen form of a known root ("penangkapan" where only "ditangkap" occurs) is
                // not a typo. Stopwords are candidates too: "sampia" is "sampai", and leaving them
                // out made a farther word win (sampit, a town).
                suggestion = suggest_term(db_, word);
            }
            if (!suggestion.empty()) suggestion = written_like(suggestion, token.text);
        }
        if (suggestion.empty()) continue;
        corrected.append(query, copied, token.start - copied).append(suggestion);
        copied = token.end;
        changed = true;
    }
    if (!changed) return {};
    return corrected.append(query, copied, std::string::npos);
}

std::vector<std::string> Searcher::suggest_filters(const std::vector<std::string>& filters) {
    std::vector<std::string> suggestions;
    for (const auto& text : filters) {
        const auto filter = Filter::parse(text);
        if (auto value = completed_value(filter); !value.empty()) suggestions.push_back(filter.kind + ":" + value);
    }
    return suggestions;
}

std::string Searcher::completed_value(const Filter& filter) const {
    const auto term = filter_term(filter, data_);
    if (db_.get_termfreq(term) > 0) return {};
    const auto completed = complete_term(db_, term);
    // The part typed stays as typed.
    return completed.empty() ? std::string() : filter.value + completed.substr(term.size());
}

}  // namespace telusur
