// What the tests of the index writer write: a two-word stopword list, short articles, and a
// body long enough for a MinHash signature.
#pragma once

#include <string>

#include "telusur/analysis/stopword_list.h"
#include "telusur/article.h"

namespace telusur::test {

inline const StopwordList& writer_stopwords() {
    static const auto list = StopwordList::from_text("di\ndan\n");
    return list;
}

/// An article titled "Judul ID".
inline Article writer_article(const std::string& id, const std::string& body) {
    Article a;
    a.id = id;
    a.title = "Judul " + id;
    a.body = body;
    return a;
}

/// A body long enough to get a MinHash signature, the same for every call: near-duplicates.
inline std::string long_body() {
    std::string body;
    for (int i = 0; i < 60; ++i) body += "kata" + std::to_string(i % 7) + "x lain" + std::to_string(i) + " ";
    return body;
}

}  // namespace telusur::test
