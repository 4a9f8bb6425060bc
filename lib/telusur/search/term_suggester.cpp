#include "telusur/search/term_suggester.h"

#include <algorithm>
#include <vector>

namespace telusur {

namespace {

constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
constexpr std::size_t kMinLetters = 3;
constexpr std::size_t kMaxLetters = 30;
/// Distance 2 allows too much in short words ("dan" → "di"): only from this length on.
constexpr std::size_t kMinLettersForTwoEdits = 5;
/// Bounds the distance-2 scan on very large indexes; terms are visited in sorted order.
constexpr std::size_t kMaxScannedTerms = 300000;

bool is_plain_word(std::string_view word) {
    return word.size() >= kMinLetters && word.size() <= kMaxLetters &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// The best candidate so far: fewer edits first, then more documents, then alphabetical.
struct Best {
    std::string word;
    unsigned distance = 0;
    Xapian::doccount frequency = 0;

    void offer(std::string_view candidate, unsigned edits, Xapian::doccount docs) {
        if (docs == 0) return;
        const bool better = word.empty() || edits < distance || (edits == distance && docs > frequency) ||
                            (edits == distance && docs == frequency && candidate < word);
        if (!better) return;
        word = candidate;
        distance = edits;
        frequency = docs;
    }
};

/// Every spelling one edit away from `word`, in letters a–z.
std::vector<std::string> one_edit_away(const std::string& word) {
    std::vector<std::string> out;
    out.reserve(word.size() * 54 + 26);
    for (std::size_t i = 0; i < word.size(); ++i) {
        out.push_back(word.substr(0, i) + word.substr(i + 1));  // delete
        if (i + 1 < word.size()) {
            auto swapped = word;
            std::swap(swapped[i], swapped[i + 1]);
            out.push_back(std::move(swapped));
        }
        for (const char c : kLetters) {
            if (c == word[i]) continue;
            auto replaced = word;
            replaced[i] = c;
            out.push_back(std::move(replaced));
        }
    }
    for (std::size_t i = 0; i <= word.size(); ++i)
        for (const char c : kLetters) out.push_back(word.substr(0, i) + c + word.substr(i));
    return out;
}

}  // namespace

std::string complete_term(const Xapian::Database& db, const std::string& term) {
    std::string best;
    Xapian::doccount best_docs = 0;
    std::size_t seen = 0;
    for (auto it = db.allterms_begin(term); it != db.allterms_end(term) && seen < kMaxCompletions; ++it, ++seen) {
        const auto candidate = *it;
        if (candidate.size() == term.size()) continue;
        if (it.get_termfreq() > best_docs) {
            best = candidate;
            best_docs = it.get_termfreq();
        }
    }
    return best;
}

unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit) {
    const auto too_far = limit + 1;
    if (a.size() > b.size() + limit || b.size() > a.size() + limit) return too_far;
    // Three rows of the optimal-string-alignment table (the two before for swaps).
    std::vector<unsigned> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<unsigned>(i);
        unsigned row_min = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
            row_min = std::min(row_min, current[j]);
        }
        if (row_min > limit) return too_far;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], too_far);
}

std::string suggest_term(const Xapian::Database& db, std::string_view word_view,
                         const std::function<bool(std::string_view)>& excluded) {
    if (!is_plain_word(word_view)) return {};
    const std::string word(word_view);
    const auto allowed = [&excluded](std::string_view candidate) { return !excluded || !excluded(candidate); };
    Best best;
    for (const auto& candidate : one_edit_away(word))
        if (candidate.size() >= kMinLetters && allowed(candidate)) best.offer(candidate, 1, db.get_termfreq(candidate));
    if (!best.word.empty() || word.size() < kMinLettersForTwoEdits) return best.word;

    const std::string first(1, word.front());
    std::size_t scanned = 0;
    for (auto term = db.allterms_begin(first); term != db.allterms_end(first) && scanned < kMaxScannedTerms;
         ++term, ++scanned) {
        const auto& candidate = *term;
        if (!is_plain_word(candidate) || !allowed(candidate)) continue;
        const auto edits = edit_distance(word, candidate, 2);
        if (edits >= 1 && edits <= 2) best.offer(candidate, edits, term.get_termfreq());
    }
    return best.word;
}

std::string suggest_popular(const Xapian::Database& db, std::string_view word_view,
                            const std::function<bool(std::string_view)>& excluded) {
    if (!is_plain_word(word_view) || word_view.size() < kMinLettersForPopular) return {};
    const std::string word(word_view);
    const auto docs = db.get_termfreq(word);
    if (docs == 0 || docs > kRareWordDocs) return {};
    Best best;
    for (const auto& candidate : one_edit_away(word)) {
        if (candidate.size() < kMinLetters) continue;
        const auto frequency = db.get_termfreq(candidate);
        if (frequency < kPopularFactor * docs || frequency <= best.frequency) continue;
        if (excluded && excluded(candidate)) continue;
        best.offer(candidate, 1, frequency);
    }
    return best.word;
}

}  // namespace telusur
