// DocumentBuilder: turns a cleaned Article into the Xapian::Document that schema.h describes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/analyzer.h"
#include "telusur/article.h"
#include "telusur/extract/entity_extractor.h"
#include "telusur/language_data.h"

namespace telusur {

/// Hash of an article's fields and of `data_identity` (what else shapes its document), as 16 hex
/// digits.
std::string content_hash(const Article& article, std::string_view data_identity);

/// Builds documents: the id term, title and body words with positions (title words also under
/// the title prefix and with a higher wdf), stemmed "Z" terms for non-stopwords, the source
/// filter term, the publication date (metadata, else the dateline) as a value and Y/M/D terms,
/// people, places and organisations as filter terms and values, the content-hash and MinHash
/// values, the stemmer's term (schema::kStemmerTermPrefix), and the stored fields. Holds an
/// Analyzer and per-document state, so use one builder per thread.
class DocumentBuilder {
  public:
    /// The builder the indexer uses: telusur's stopwords and stemmer. `data` must outlive it.
    explicit DocumentBuilder(const LanguageData& data);
    /// A builder over `stopwords` with `stemmer` (Snowball when none is given), for tests and
    /// comparisons. `stopwords` must outlive the builder.
    explicit DocumentBuilder(const StopwordList& stopwords, Xapian::Stem stemmer = {});

    /// Throws InputError when the article cannot be indexed (an id too long for a Xapian term).
    Xapian::Document build(const Article& article);

    /// The hash build() stores for `article` (schema::kContentHashSlot): of the article and of
    /// the data that shapes its document (LanguageData::document_identity; the stemmer's
    /// description for the stopwords-only builder). Equal hashes mean building again would give
    /// the same document.
    std::string content_hash(const Article& article) const { return telusur::content_hash(article, identity_); }

    /// Description of the stemmer, recorded in the database so queries stem the same way.
    std::string stemmer_description() const { return analyzer_.stemmer().get_description(); }

  private:
    Xapian::termpos index_text(Xapian::Document& doc, const std::string& text, Xapian::termpos pos,
                               Xapian::termcount wdf, const std::string& prefix, NameProtection names);

    Analyzer analyzer_;
    std::string identity_;      // what besides the article shapes its document
    std::string stemmer_term_;  // schema::stemmer_term of the analyser's stemmer
    std::optional<EntityExtractor> extractor_;  // none in the stopwords-only builder
    Tokenizer tokenizer_;                 // the extractor's, one per builder
    std::vector<std::string> body_words_;      // for the MinHash signature
};

/// "YYYYMMDD" from a date starting "YYYY-MM-DD", else empty.
std::string sortable_date(const std::string& date);

}  // namespace telusur
