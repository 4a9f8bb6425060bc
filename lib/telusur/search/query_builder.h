// QueryBuilder: user query string → Xapian queries, with the indexer's own analysis.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/tokenizer.h"
#include "telusur/error.h"
#include "telusur/language_data.h"

namespace telusur {

class DateField;

/// `kebakar*` matches the words that start with "kebakar": at most this many of them, the most
/// frequent in the index (a short prefix such as `k*` would otherwise OR tens of thousands).
inline constexpr unsigned kMaxWildcardTerms = 100;

/// The middle tier (every word but one) is built for at most this many word groups. It holds n
/// ANDs of n − 1 groups, so its size and the matcher's work grow with the square of n: a pasted
/// paragraph of 300 words took 10 s and 1.5 GB. Beyond a few words "all but one" no longer says
/// much anyway; such a query ranks every word, then any word, by BM25.
inline constexpr std::size_t kMaxMiddleTierGroups = 32;

/// A query string that cannot be searched (empty, nothing but stopwords, bad syntax).
class QueryError : public Error {
  public:
    using Error::Error;
};

/// The two readings of a query: all words required, and any word enough. Searching the first
/// and then the rest of the second ranks documents with every word above those missing one.
/// A stemmed word matches its stem, or its form as typed where the indexer kept that whole.
struct ParsedQuery {
    std::string expanded;   ///< The query string after NFKC and alias expansion.
    Xapian::Query all_words;
    /// Every word but one, for a query of 3 to kMaxMiddleTierGroups word groups with no
    /// operators; else empty.
    Xapian::Query most_words;
    Xapian::Query any_word;
    /// The stemmed words exactly as typed (unstemmed terms), OR-ed; empty when none was stemmed.
    /// Added to a ranking with AND_MAYBE, it ranks documents that use the very forms asked for
    /// above those with other forms of the same stems, without changing what matches.
    Xapian::Query exact_forms;
    /// The words written with a trailing `*` ("kebakar*"), normalised like index terms: the
    /// parser matches them as prefixes, and snippets highlight the words they expand to.
    std::vector<std::string> wildcards;
    /// True when both readings are the same query (explicit operators, a single word).
    bool single_reading() const { return all_words.get_description() == any_word.get_description(); }
};

/// Xapian's QueryParser set up like the indexer: the same stemmer (STEM_SOME: capitalised words
/// are names and stay unstemmed), the same stopwords, `title:` and `source:` fields, phrases,
/// AND/OR/NOT and +/-. Aliases are expanded before parsing. Not thread-safe (one per thread).
class QueryBuilder {
  public:
    /// `data` must outlive the builder.
    QueryBuilder(const LanguageData& data, Xapian::Stem stemmer, const Xapian::Database& db);

    /// Throws QueryError with a message for the user.
    ParsedQuery build(std::string_view query);

    /// Parses against `db` from now on (a new handle on a database replaced in its folder).
    void set_database(const Xapian::Database& db) { parser_.set_database(db); }

  private:
    /// True when every word outside quotes is a stopword: such a query would match nothing
    /// useful, so the user is told instead.
    bool only_stopwords(std::string_view query);
    /// The words of `query` followed by `*`, normalised (see ParsedQuery::wildcards).
    std::vector<std::string> wildcards(std::string_view query);
    /// Parses `text` only to throw QueryError if its syntax is bad, as build() would.
    void check_syntax(const std::string& text, const std::optional<std::string>& typed_operator);
    /// Throws QueryError when `parsed` (of `text`) is what Xapian falls back to on bad syntax
    /// and has lost an exclusion or the operator `operator_word` (`without_operators`: `text`
    /// read with every operator off). `typed_operator`: the first the user typed, if any (the
    /// others come from alias expansion), to name in the message.
    void refuse_lost_syntax(const std::string& text, const Xapian::Query& parsed,
                            const std::optional<std::string>& operator_word, const Xapian::Query& without_operators,
                            const std::optional<std::string>& typed_operator);

    const LanguageData& data_;
    Xapian::Stem stemmer_;
    Xapian::QueryParser parser_;
    DateField* date_field_;  // owned by parser_
    Tokenizer tokenizer_;
};

}  // namespace telusur
