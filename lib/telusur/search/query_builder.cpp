#include "telusur/search/query_builder.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/normalizer.h"
#include "telusur/schema.h"
#include "telusur/search/alias_expander.h"
#include "telusur/search/filters.h"
#include "telusur/search/query_syntax.h"
#include "telusur/search/reduplication.h"
#include "telusur/search/query_terms.h"

namespace telusur {

namespace {

// FLAG_PURE_NOT: "NOT rudal" finds every document without it (and "-rudal", see only_excluded).
constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT;

/// Curly quotes are how people paste phrases; the parser only knows the straight ones.
std::string straighten_quotes(std::string text) {
    for (const char* curly : {"\u201C", "\u201D", "\u201E"}) {
        for (auto at = text.find(curly); at != std::string::npos; at = text.find(curly, at + 1))
            text.replace(at, 3, "\"");
    }
    return text;
}

/// The first proximity operator with a window in `query` ("NEAR/3", "ADJ/2") that does not
/// follow a letter, digit or field colon, or empty. Xapian 1.4's parser leaks the window it
/// allocates (96 bytes) whenever a syntax error, reported or silently recovered from, discards
/// it ("a OR NEAR/3 b", "OR(NEAR/3 place:Korut"): found by feeding random queries to an ASan
/// build. A long-running server must not leak on bad input, so windows are refused (broadly:
/// "NEAR/0" and "NEAR/3x" too, which the lexer would not take for one); NEAR and ADJ work.
std::string_view find_window(std::string_view query) {
    const auto word_byte = [](char c) {
        return c == '_' || c == ':' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    };
    for (std::size_t at = 0; at < query.size(); ++at) {
        if (at > 0 && word_byte(query[at - 1])) continue;
        for (std::string_view op : {"NEAR/", "ADJ/"}) {
            auto end = at + op.size();
            if (query.substr(at, op.size()) != op || end == query.size() || query[end] < '0' || query[end] > '9') continue;
            while (end < query.size() && word_byte(query[end])) ++end;
            return query.substr(at, end - at);
        }
    }
    return {};
}

/// The word groups of `all_words`, the parser's AND of the query's words. The parser nests some
/// ANDs ("a b C d" gives a AND b AND (C AND d)), so nested ANDs are opened up. A group is one
/// word, its alias group or a phrase.
void word_groups(const Xapian::Query& query, std::vector<Xapian::Query>& groups) {
    if (query.get_type() != Xapian::Query::OP_AND) {
        groups.push_back(query);
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) word_groups(query.get_subquery(i), groups);
}

/// Whether `query` finds every document but some: NOT at the top of what the parser read.
bool is_pure_exclusion(const Xapian::Query& query) {
    return query.get_type() == Xapian::Query::OP_AND_NOT && query.get_num_subqueries() > 0 &&
           query.get_subquery(0).get_description() == Xapian::Query::MatchAll.get_description();
}

/// The documents with every word group of `all_words` but at most one: the OR of the ANDs
/// leaving out one group each. Empty below three groups, which includes a query whose top is
/// not a plain AND (operators, filters): it is one group; empty too above kMaxMiddleTierGroups.
Xapian::Query all_but_one(const Xapian::Query& all_words) {
    std::vector<Xapian::Query> groups;
    word_groups(all_words, groups);
    if (groups.size() < 3 || groups.size() > kMaxMiddleTierGroups) return {};
    std::vector<Xapian::Query> leave_one_out;
    for (std::size_t left_out = 0; left_out < groups.size(); ++left_out) {
        std::vector<Xapian::Query> rest;
        for (std::size_t i = 0; i < groups.size(); ++i)
            if (i != left_out) rest.push_back(groups[i]);
        leave_one_out.emplace_back(Xapian::Query::OP_AND, rest.begin(), rest.end());
    }
    return Xapian::Query(Xapian::Query::OP_OR, leave_one_out.begin(), leave_one_out.end());
}

/// `query` with each stemmed word widened to "its stem, or the stem term of its form kept
/// whole": Ztimbang SYNONYM Zpertimbangan for "pertimbangan". The indexer does not stem a word it
/// takes for part of a name (capitalised mid-sentence: "Dewan Pertimbangan Presiden"), so such
/// a document holds only the second term, and a lowercase query must still find it. Only
/// operators without parameters are rebuilt; phrases, NEAR, fields and aliases keep their terms.
Xapian::Query with_whole_forms(const Xapian::Query& query, const Xapian::QueryParser& parser) {
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM: {
            const auto term = *query.get_terms_begin();
            if (!schema::is_body_stem_term(term)) return query;
            const auto stem = term.substr(schema::kStemPrefix.size());
            std::vector<Xapian::Query> terms{query};
            for (auto form = parser.unstem_begin(term); form != parser.unstem_end(term); ++form)
                if (*form != stem) terms.emplace_back(std::string(schema::kStemPrefix) + *form);
            // One word under two terms: a synonym weighs them as one term, as an OR would not.
            return terms.size() == 1 ? query : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
        }
        default: {
            if (!is_plain_operator(query)) return query;
            std::vector<Xapian::Query> parts;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
                parts.push_back(with_whole_forms(query.get_subquery(i), parser));
            return Xapian::Query(query.get_type(), parts.begin(), parts.end());
        }
    }
}

/// `query` with each stopword the parser kept stemmed (forced, `+yang`; excluded, `-yang`; in a
/// field, `title:yang`) searched as the word itself: the indexer writes no stem term for a
/// stopword, only the word ("yang", "Syang"), so its stem term would match almost nothing.
Xapian::Query unstemmed_stopwords(const Xapian::Query& query, const Xapian::QueryParser& parser,
                                  const StopwordList& stopwords) {
    if (query.get_type() == Xapian::Query::LEAF_TERM) {
        const auto term = *query.get_terms_begin();
        if (!term.starts_with(schema::kStemPrefix)) return query;
        // The field's prefix ("S" of "ZSyang"): the capitals after Z, as words never start with one.
        const auto field_end = term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ", schema::kStemPrefix.size());
        const auto field = term.substr(schema::kStemPrefix.size(), field_end - schema::kStemPrefix.size());
        std::vector<Xapian::Query> words;
        for (auto form = parser.unstem_begin(term); form != parser.unstem_end(term); ++form) {
            if (!stopwords.contains(*form)) return query;
            words.emplace_back(field + *form);
        }
        if (words.empty()) return query;
        return words.size() == 1 ? words[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
    }
    if (!is_plain_operator(query)) return query;
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        parts.push_back(unstemmed_stopwords(query.get_subquery(i), parser, stopwords));
    return Xapian::Query(query.get_type(), parts.begin(), parts.end());
}

/// The forms typed of the stemmed words of `query`, as the unstemmed terms the indexer writes.
Xapian::Query exact_forms(const Xapian::Query& query, const Xapian::QueryParser& parser) {
    std::vector<Xapian::Query> forms;
    for (const auto& term : positive_terms(query)) {
        if (!schema::is_body_stem_term(term)) continue;
        for (auto form = parser.unstem_begin(term); form != parser.unstem_end(term); ++form) forms.emplace_back(*form);
    }
    if (forms.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

/// Whether `query` holds an AND_NOT anywhere.
bool excludes_anything(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_AND_NOT) return true;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (excludes_anything(query.get_subquery(i))) return true;
    return false;
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

/// The query parser's view of our stopword list.
class StopwordStopper : public Xapian::Stopper {
  public:
    explicit StopwordStopper(const StopwordList& words) : words_(words) {}
    bool operator()(const std::string& word) const override { return words_.contains(word); }
    std::string get_description() const override { return "telusur::StopwordStopper"; }

  private:
    const StopwordList& words_;
};

/// `source:Kompas` filters on the outlet term the indexer wrote: normalised like every term.
class SourceFieldProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(std::string(schema::kSourcePrefix) + normalizer_.normalize(value));
    }

  private:
    Normalizer normalizer_;
};

}  // namespace

QueryBuilder::QueryBuilder(const LanguageData& data, Xapian::Stem stemmer, const Xapian::Database& db)
    : data_(data), stemmer_(std::move(stemmer)) {
    parser_.set_database(db);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_stopper((new StopwordStopper(data_.stopwords))->release());
    parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    parser_.add_prefix("title", std::string(schema::kTitlePrefix));
    parser_.add_boolean_prefix("source", (new SourceFieldProcessor())->release());
    for (const char* kind : {"person", "place", "org"}) parser_.add_boolean_prefix(kind, make_entity_field(data_, kind));
    date_field_ = new DateField();
    parser_.add_boolean_prefix("date", date_field_->release());
}

bool QueryBuilder::only_stopwords(std::string_view query) {
    if (query.find('"') != std::string_view::npos) return false;  // a quoted phrase is searchable as such
    static const Normalizer normalizer;
    bool any_word = false;
    for (const auto& token : tokenizer_.tokenize(query)) {
        if (is_query_operator(token.text)) continue;
        any_word = true;
        if (is_wildcard(query, token.end)) return false;  // "ke*": a prefix, not the stopword
        // "+yang", "-yang" and "title:yang" search the stopword as a word.
        if (token.start > 0 && (query[token.start - 1] == '+' || query[token.start - 1] == '-' ||
                                query[token.start - 1] == ':'))
            return false;
        if (!data_.stopwords.contains(normalizer.normalize(token.text))) return false;
    }
    return any_word;
}

std::vector<std::string> QueryBuilder::wildcards(std::string_view query) {
    static const Normalizer normalizer;
    std::vector<std::string> prefixes;
    bool proximity = false;
    for (const auto& token : tokenizer_.tokenize(query)) {
        proximity = proximity || token.text == "NEAR" || token.text == "ADJ";
        if (!is_wildcard(query, token.end)) continue;
        // Xapian 1.4 expands no wildcard there: it would search "NEAR" and the rest as words.
        const auto quotes_before = std::count(query.begin(), query.begin() + static_cast<std::ptrdiff_t>(token.start), '"');
        if (quotes_before % 2 == 1) throw QueryError("'" + token.text + "*': a wildcard cannot be part of a phrase");
        prefixes.push_back(normalizer.normalize(token.text));
    }
    if (!prefixes.empty() && proximity) throw QueryError("'" + prefixes.front() + "*': a wildcard cannot be used with NEAR or ADJ");
    return prefixes;
}

ParsedQuery QueryBuilder::build(std::string_view query) {
    if (is_blank(query)) throw QueryError("empty query");
    if (only_stopwords(query))
        throw QueryError("query has only stopwords; put it in quotes to search it as a phrase");
    static const Normalizer normalizer;
    ParsedQuery parsed;
    std::string empty_field;
    const auto attached = attach_field_values(straighten_quotes(normalizer.compose(query)), empty_field);
    if (!empty_field.empty())
        throw QueryError("'" + empty_field + "' has no value after it");
    if (auto foreign = foreign_syntax(attached)) throw QueryError(std::move(*foreign));
    if (auto leading_not = leading_not_with_words(attached)) throw QueryError(std::move(*leading_not));
    parsed.expanded = expand_aliases(attached, data_.aliases);
    if (const auto window = find_window(parsed.expanded); !window.empty())
        throw QueryError("'" + std::string(window) +
                         "': a window is not supported; NEAR finds words within 10 of each other, ADJ the same in order");
    if (auto mixed = mixed_proximity(parsed.expanded)) throw QueryError(std::move(*mixed));
    parsed.wildcards = wildcards(parsed.expanded);
    const auto excluded = only_excluded(parsed.expanded);
    const std::string parsed_text = excluded ? "NOT (" + *excluded + ")" : bracket_proximity(parsed.expanded);
    // NEAR and ADJ are parsed only once the query parses without them (see proximity_as_and).
    if (const auto without_proximity = proximity_as_and(parsed_text))
        check_syntax(*without_proximity, first_operator(attached));
    // What Xapian falls back to on a syntax error: the query read with every operator off.
    const auto operator_word = first_operator(parsed_text);
    Xapian::Query without_operators;
    try {
        parser_.set_default_op(Xapian::Query::OP_OR);
        if (operator_word) without_operators = parser_.parse_query(parsed_text, 0);
        parser_.set_default_op(Xapian::Query::OP_AND);
        parsed.all_words = parser_.parse_query(parsed_text, kParseFlags);
        parser_.set_default_op(Xapian::Query::OP_OR);
        parsed.any_word = parser_.parse_query(parsed_text, kParseFlags);
    } catch (const Xapian::QueryParserError& e) {
        date_field_->take_error();
        throw QueryError("bad query syntax: " + e.get_msg());
    }
    if (auto bad_date = date_field_->take_error(); !bad_date.empty()) throw QueryError(std::move(bad_date));
    refuse_lost_syntax(parsed_text, parsed.any_word, operator_word, without_operators, first_operator(attached));
    if (parsed.any_word.empty()) throw QueryError("query has no searchable words (only stopwords or punctuation)");
    // A reduplicated word (anak-anak) is a phrase to the parser. The tiers that want every word
    // keep it so; the last searches its stem, as it does any word's (anak-anaknya, anak).
    // Searched by its stem in every tier, the forms typed weighing more, known items that say
    // another form rose (MRR@10 .473 → .623) but those that say it as typed fell (.874 → .860):
    // bench/results/reduplication.md.
    const auto reduplications = find_reduplications(parsed_text, tokenizer_, stemmer_, data_.stopwords,
                                                     *data_.stemmer_data.stemmer());
    parsed.any_word = stem_reduplications(parsed.any_word, reduplications, ReduplicationScope::Everywhere);
    parsed.all_words = stem_reduplications(parsed.all_words, reduplications, ReduplicationScope::Exclusions);
    parsed.any_word = unstemmed_stopwords(parsed.any_word, parser_, data_.stopwords);
    parsed.all_words = unstemmed_stopwords(parsed.all_words, parser_, data_.stopwords);
    // The parser's record of the forms behind each stem is of its last parse: both read the same text.
    parsed.exact_forms = exact_forms(parsed.any_word, parser_);
    parsed.all_words = with_whole_forms(parsed.all_words, parser_);
    parsed.any_word = with_whole_forms(parsed.any_word, parser_);
    // "NOT (rudal banjir)" excludes the articles with any of its words, as -rudal -banjir does:
    // read with AND, the first tier would exclude only those with both, and list the rest.
    if (is_pure_exclusion(parsed.any_word)) parsed.all_words = parsed.any_word;
    parsed.most_words = all_but_one(parsed.all_words);
    return parsed;
}

void QueryBuilder::check_syntax(const std::string& text, const std::optional<std::string>& typed_operator) {
    const auto operator_word = first_operator(text);
    try {
        parser_.set_default_op(Xapian::Query::OP_OR);
        const auto without_operators = operator_word ? parser_.parse_query(text, 0) : Xapian::Query();
        const auto parsed = parser_.parse_query(text, kParseFlags);
        if (auto bad_date = date_field_->take_error(); !bad_date.empty()) throw QueryError(std::move(bad_date));
        refuse_lost_syntax(text, parsed, operator_word, without_operators, typed_operator);
    } catch (const Xapian::QueryParserError& e) {
        date_field_->take_error();
        // The AND the message names stands for the NEAR or ADJ typed ("suap NEAR").
        if (typed_operator == "NEAR" || typed_operator == "ADJ")
            throw QueryError("bad query syntax: " + *typed_operator + " joins single words, not phrases, brackets or fields");
        throw QueryError("bad query syntax: " + e.get_msg());
    }
}

void QueryBuilder::refuse_lost_syntax(const std::string& text, const Xapian::Query& parsed,
                                      const std::optional<std::string>& operator_word,
                                      const Xapian::Query& without_operators, const std::optional<std::string>& typed_operator) {
    // On a syntax error Xapian parses the query again with every operator off, and says nothing:
    // an exclusion it could not place ("(-rudal)", "-rudal OR -drone") became a word to look
    // for, and an operator ("rudal AND drone)") a word "and" OR-ed with the rest.
    if (const auto exclusion = first_exclusion(text); exclusion && !excludes_anything(parsed))
        throw QueryError("'" + *exclusion + "' cannot exclude there: put it beside the words searched, or write NOT " +
                         exclusion->substr(1));
    if (!operator_word || parsed.get_description() != without_operators.get_description()) return;
    if (has_stray_closing_bracket(text)) throw QueryError("bad query syntax: a ')' closes no '('");
    if (typed_operator == "NEAR" || typed_operator == "ADJ")
        throw QueryError("bad query syntax: " + *typed_operator + " joins single words, not phrases, brackets or fields");
    // No query found reaches this (Xapian names the fault of a lone AND, OR or NOT itself).
    throw QueryError("bad query syntax: check its brackets, quotes and operators");
}

}  // namespace telusur
