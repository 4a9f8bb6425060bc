#include "telusur/analysis/analyzer.h"

#include <optional>

#include "telusur/analysis/snowball_stemmer.h"
#include "telusur/analysis/term_parts.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace telusur {

namespace {

bool starts_with_capital(std::string_view word) {
    if (word.empty()) return false;
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    return c >= 0 && u_isupper(c);
}

/// True when only spaces, opening quotes or brackets separate `at` from the start of the text, a
/// line break, or sentence-ending punctuation: a capital there says nothing about names.
bool is_sentence_start(std::string_view text, std::size_t at) {
    while (at > 0) {
        const unsigned char c = static_cast<unsigned char>(text[at - 1]);
        if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '[') {
            --at;
            continue;
        }
        if (c >= 0x80) {  // skip a curly opening quote (U+201C, U+2018: E2 80 9C / E2 80 98)
            if (at >= 3 && text.substr(at - 3, 2) == "\xE2\x80" && (c == 0x9C || c == 0x98)) {
                at -= 3;
                continue;
            }
            return false;
        }
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '-';
    }
    return true;
}

}  // namespace

Analyzer::Analyzer(const StopwordList& stopwords, Xapian::Stem stemmer,
                   std::shared_ptr<const ConfixStemmer> whole_words)
    : stopwords_(stopwords),
      stemmer_(stemmer.is_none() ? make_stemmer() : std::move(stemmer)),
      whole_words_(std::move(whole_words)) {}

std::vector<AnalyzedToken> Analyzer::analyze(std::string_view text, NameProtection names) {
    std::vector<AnalyzedToken> out;
    analyze(text, names, [&out](AnalyzedToken&& token) { out.push_back(std::move(token)); });
    return out;
}

void Analyzer::analyze(std::string_view text, NameProtection names,
                       const std::function<void(AnalyzedToken&&)>& sink) {
    for (auto& token : tokenizer_.tokenize(text)) {
        AnalyzedToken analyzed;
        analyzed.normalized = normalizer_.normalize(token.text);
        analyzed.parts = xapian_word_parts(analyzed.normalized);
        analyzed.stopword = stopwords_.contains(analyzed.normalized);
        analyzed.protected_name = names == NameProtection::CapitalisedMidSentence && token.kind == TokenKind::Word &&
                                  starts_with_capital(token.text) && !is_sentence_start(text, token.start);
        if (!analyzed.stopword) {
            analyzed.stems.reserve(analyzed.parts.size());
            // A listed word is no unknown name, capitalised or not (Undang-Undang Dasar).
            std::optional<std::string> whole;
            if (whole_words_ && analyzed.parts.size() > 1) whole = whole_words_->whole_word_stem(analyzed.normalized);
            for (const auto& part : analyzed.parts)
                analyzed.stems.push_back(whole ? *whole : analyzed.protected_name ? part : stemmer_(part));
        }
        analyzed.token = std::move(token);
        sink(std::move(analyzed));
    }
}

}  // namespace telusur
