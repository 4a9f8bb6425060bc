// DocumentBuilder: turns a cleaned Article into the Xapian::Document that schema.h describes.
#pragma once

#include <string>

#include <xapian.h>

#include "telusur/analysis/analyzer.h"
#include "telusur/article.h"

namespace telusur {

/// Builds documents: the id term, title and body words with positions (title words also under
/// the title prefix and with a higher wdf), stemmed "Z" terms for non-stopwords, the source
/// filter term, the date and content-hash values, and the stored fields. Holds an Analyzer, so
/// use one builder per thread.
class DocumentBuilder {
  public:
    /// `stopwords` must outlive the builder.
    explicit DocumentBuilder(const StopwordList& stopwords);

    /// Throws InputError when the article cannot be indexed (an id too long for a Xapian term).
    Xapian::Document build(const Article& article);

    /// Description of the stemmer, recorded in the database so queries stem the same way.
    std::string stemmer_description() const { return analyzer_.stemmer().get_description(); }

  private:
    Xapian::termpos index_text(Xapian::Document& doc, const std::string& text, Xapian::termpos pos,
                               Xapian::termcount wdf, const std::string& prefix);

    Analyzer analyzer_;
};

/// Hash of everything that goes into an article's document, as 16 hex digits: equal hashes mean
/// re-indexing would change nothing.
std::string content_hash(const Article& article);

/// "YYYYMMDD" from a date starting "YYYY-MM-DD", else empty.
std::string sortable_date(const std::string& date);

}  // namespace telusur
