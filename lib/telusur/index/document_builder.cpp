#include "telusur/index/document_builder.h"

#include <algorithm>
#include <cstdint>

#include "telusur/analysis/normalizer.h"
#include "telusur/error.h"
#include "telusur/extract/date_extractor.h"
#include "telusur/index/near_duplicate.h"
#include "telusur/schema.h"
#include "telusur/stable_hash.h"
#include "telusur/stored_article.h"

namespace telusur {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

DocumentBuilder::DocumentBuilder(const LanguageData& data)
    : analyzer_(data.stopwords, data.make_stemmer(), data.stemmer_data.stemmer()),
      identity_(data.document_identity),
      stemmer_term_(schema::stemmer_term(analyzer_.stemmer().get_description())),
      extractor_(std::in_place, data.gazetteer, data.aliases) {}

DocumentBuilder::DocumentBuilder(const StopwordList& stopwords, Xapian::Stem stemmer)
    : analyzer_(stopwords, std::move(stemmer)),
      identity_(analyzer_.stemmer().get_description()),
      stemmer_term_(schema::stemmer_term(identity_)) {}

Xapian::termpos DocumentBuilder::index_text(Xapian::Document& doc, const std::string& text, Xapian::termpos pos,
                                            Xapian::termcount wdf, const std::string& prefix,
                                            NameProtection names) {
    const std::string stem_prefix = std::string(schema::kStemPrefix) + prefix;
    analyzer_.analyze(text, names, [&](AnalyzedToken&& token) {
        for (std::size_t i = 0; i < token.parts.size(); ++i, ++pos) {
            const auto& part = token.parts[i];
            if (part.size() > schema::kMaxWordBytes) continue;
            doc.add_posting(part, pos, wdf);
            if (!prefix.empty()) doc.add_posting(prefix + part, pos);
            if (prefix.empty()) body_words_.push_back(part);
            if (token.stopword) continue;
            const auto& stem = token.stems[i];
            doc.add_term(std::string(schema::kStemPrefix) + stem, wdf);
            if (!prefix.empty()) doc.add_term(stem_prefix + stem);
        }
    });
    return pos;
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    if (article.id.size() > schema::kMaxIdBytes)
        throw InputError(article.origin_file, article.origin_line,
                         "id longer than " + std::to_string(schema::kMaxIdBytes) + " bytes");
    Xapian::Document doc;
    doc.add_boolean_term(std::string(schema::kIdPrefix) + article.id);
    doc.add_boolean_term(stemmer_term_);
    // Sized for this article (about one word per 6 bytes): a long article's words then grow
    // without doubling, and a worker does not keep their room for the rest of the run.
    body_words_ = {};
    body_words_.reserve(article.body.size() / 6);

    // Titles capitalise every word, so only the body can tell names by their capitals.
    auto pos = index_text(doc, article.title, 1, schema::kTitleWeight, std::string(schema::kTitlePrefix),
                          NameProtection::Off);
    index_text(doc, article.body, pos + schema::kBodyPositionGap, 1, {}, NameProtection::CapitalisedMidSentence);

    static const Normalizer normalizer;
    const auto add_filter = [&doc](std::string_view prefix, const std::string& value) {
        auto term = std::string(prefix) + value;
        if (term.size() <= schema::kMaxIdBytes) doc.add_boolean_term(term);
    };
    StoredArticle stored{article.id, article.title, article.date, article.url, article.source, article.body, {}, {}, {}, {}};
    if (!article.source.empty()) {
        add_filter(schema::kSourcePrefix, normalizer.normalize(article.source));
        doc.add_value(schema::kSourceSlot, article.source);
    }
    if (const auto date = extract_date(article)) {
        const auto iso = date->iso();
        const auto compact = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
        doc.add_value(schema::kDateSlot, compact);
        if (!date->time.empty()) doc.add_value(schema::kTimeSlot, date->time);
        add_filter(schema::kYearPrefix, compact.substr(0, 4));
        add_filter(schema::kMonthPrefix, compact.substr(0, 6));
        add_filter(schema::kDayPrefix, compact);
        stored.date_origin = date->origin == ExtractedDate::Origin::Metadata ? "metadata" : "text";
        // A date field is shown as given when it was read; else the date searched by is shown.
        if (date->origin == ExtractedDate::Origin::Text) stored.date = iso;
    } else {
        stored.date.clear();  // a field that holds no date ("kemarin") is not shown as one
    }
    if (extractor_) {
        for (const auto& entity : extractor_->extract(article.title, article.body, tokenizer_)) {
            const auto [prefix, list] = [&]() -> std::pair<std::string_view, std::vector<std::string>*> {
                switch (entity.kind) {
                    case EntityKind::Person: return {schema::kPersonPrefix, &stored.people};
                    case EntityKind::Place: return {schema::kPlacePrefix, &stored.places};
                    case EntityKind::Org: break;
                }
                return {schema::kOrgPrefix, &stored.orgs};
            }();
            add_filter(prefix, normalizer.normalize(entity.name));
            list->push_back(entity.name);
        }
        const auto joined = [](const std::vector<std::string>& names) {
            std::string out;
            for (const auto& n : names) out += (out.empty() ? "" : "\n") + n;
            return out;
        };
        doc.add_value(schema::kPeopleSlot, joined(stored.people));
        doc.add_value(schema::kPlacesSlot, joined(stored.places));
        doc.add_value(schema::kOrgsSlot, joined(stored.orgs));
    }
    doc.add_value(schema::kContentHashSlot, content_hash(article));
    if (const auto signature = minhash_signature(body_words_)) {
        doc.add_value(schema::kSignatureSlot, encode_signature(*signature));
        for (const auto& band : signature_band_terms(*signature)) doc.add_boolean_term(band);
    }
    doc.set_data(encode_stored_article(stored));
    return doc;
}

std::string content_hash(const Article& article, std::string_view data_identity) {
    // FNV-1a over the fields, the schema version and the data: stable across builds and
    // platforms, unlike std::hash, which is what a value stored on disk needs.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const auto mix = [&hash](std::string_view text) {
        for (const unsigned char c : text) {
            hash ^= c;
            hash *= 0x100000001b3ULL;
        }
        hash ^= 0xff;  // field separator: ("ab","c") and ("a","bc") differ
        hash *= 0x100000001b3ULL;
    };
    mix(schema::kVersion);
    mix(schema::kDocumentRevision);
    mix(data_identity);
    mix(article.id);
    mix(article.title);
    mix(article.body);
    mix(article.date);
    mix(article.url);
    mix(article.source);
    return to_hex(hash);
}

std::string sortable_date(const std::string& date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') return {};
    for (const int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(date[static_cast<std::size_t>(i)])) return {};
    return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

}  // namespace telusur
