// "Did you mean" for rare words: which indexed words in few documents get a suggestion, and
// what it is, through the Searcher itself. The output is for judging by hand.
//
//   suggestion_eval DB [N]    N rare words (default 3000) sampled from DB's term dictionary
//
// Rare: plain a–z words of 3 letters or more in at most kRareWordDocs documents. The sample is
// seeded, so a run on the same database lists the same words. Prints one line per suggestion
// (word, its documents, suggestion, its documents) and a count on stderr.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/language_data.h"
#include "telusur/search/searcher.h"
#include "telusur/search/term_suggester.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: suggestion_eval DB [N]\n";
        return 2;
    }
    const std::size_t wanted = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 3000;
    const auto data = telusur::LanguageData::load(TELUSUR_SOURCE_DATA_DIR);
    const Xapian::Database db(argv[1]);
    telusur::Searcher searcher(argv[1], data);

    std::vector<std::string> rare;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string word = *t;
        const bool plain = word.size() >= 3 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (plain && t.get_termfreq() <= telusur::kRareWordDocs) rare.push_back(word);
    }
    std::mt19937 random(42);
    std::shuffle(rare.begin(), rare.end(), random);
    rare.resize(std::min(rare.size(), wanted));

    std::size_t suggested = 0;
    for (const auto& word : rare) {
        telusur::SearchRequest request;
        request.query = word;
        request.limit = 0;
        const auto results = searcher.search(request);
        if (results.suggestion.empty()) continue;
        ++suggested;
        std::cout << word << '\t' << db.get_termfreq(word) << '\t' << results.suggestion << '\t'
                  << db.get_termfreq(results.suggestion) << '\n';
    }
    std::cerr << rare.size() << " rare words sampled, " << suggested << " with a suggestion\n";
}
