#include "analyze_command.h"

#include "telusur/schema.h"

#include <nlohmann/json.hpp>

#include "telusur/analysis/analyzer.h"
#include "telusur/error.h"
#include "telusur/source/utf8.h"

namespace telusur::query {

namespace {

const char* reason_name(StemReason reason) {
    switch (reason) {
        case StemReason::Dictionary: return "dictionary";
        case StemReason::Exception: return "exception";
        case StemReason::Protected: return "protected";
        case StemReason::Fallback: return "fallback";
        case StemReason::NotAWord: return "not-a-word";
    }
    return "unknown";
}

/// Why `token` got its stem: the chain's own decisions first, then the stemmer's.
std::string why(const LanguageData& data, const AnalyzedToken& token) {
    for (const auto& part : token.parts)
        if (part.size() > schema::kMaxWordBytes) return "too-long";  // never indexed, so never found
    if (token.stopword) return "stopword";
    const auto& stemmer = *data.stemmer_data.stemmer();
    if (token.parts.size() > 1 && stemmer.whole_word_stem(token.normalized))
        return reason_name(stemmer.stem(token.normalized).reason);  // one word: undang-undang
    if (token.protected_name) return "name";
    std::string reasons;
    for (const auto& part : token.parts) {
        if (!reasons.empty()) reasons += "+";
        reasons += reason_name(stemmer.stem(part).reason);
    }
    return reasons;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
}

}  // namespace

int run_stem(const LanguageData& data, std::istream& in, std::ostream& out, std::ostream& err) {
    const Normalizer normalizer;
    auto stemmer = data.make_stemmer();
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Not a word in any encoding telusur indexes: back unchanged, so output lines still
        // pair with input lines, and said once on stderr.
        if (const auto bad = find_invalid_utf8(line)) {
            err << "telusur-query: stdin:" << number << ": invalid UTF-8 at byte " << *bad + 1 << ": left unchanged\n";
            out << line << '\t' << line << '\n';
            continue;
        }
        // A word pasted or cut from a column comes with spaces: the word is stemmed, the line echoed.
        const auto first = line.find_first_not_of(" \t");
        const auto word =
            first == std::string::npos ? std::string() : line.substr(first, line.find_last_not_of(" \t") - first + 1);
        out << line << '\t' << stemmer(normalizer.normalize(word)) << '\n';
    }
    return 0;
}

int run_analyze(const LanguageData& data, const std::string& text, bool json, std::ostream& out) {
    if (const auto bad = find_invalid_utf8(text))
        throw Error("the text is not valid UTF-8 (byte " + std::to_string(*bad + 1) + " of " + std::to_string(text.size()) + ")");
    Analyzer analyzer(data.stopwords, data.make_stemmer(), data.stemmer_data.stemmer());
    const auto tokens = analyzer.analyze(text, NameProtection::CapitalisedMidSentence);
    if (json) {
        auto array = nlohmann::ordered_json::array();
        for (const auto& t : tokens)
            array.push_back({{"token", t.token.text}, {"start", t.token.start}, {"end", t.token.end},
                             {"position", t.token.position}, {"normalized", t.normalized},
                             {"stem", joined(t.stems)}, {"reason", why(data, t)}});
        out << array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return tokens.empty() ? 1 : 0;
    }
    out << "token\tnormalized\tstem\twhy\n";
    for (const auto& t : tokens)
        out << t.token.text << '\t' << t.normalized << '\t' << (t.stopword ? "-" : joined(t.stems)) << '\t'
            << why(data, t) << '\n';
    return tokens.empty() ? 1 : 0;
}

}  // namespace telusur::query
