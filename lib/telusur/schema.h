// The contract between telusur-index and telusur-query: every term prefix, value slot and
// metadata key the database uses. Both tools include this header and nothing else decides
// how a document is laid out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <xapian.h>

#include "telusur/stable_hash.h"

namespace telusur::schema {

/// Bumped whenever the layout below changes incompatibly; stored as database metadata.
inline constexpr std::string_view kVersion = "3";
/// Bumped when documents gain something older databases can do without (a new value slot).
/// Content hashes include it, so the next telusur-index run over an archive rewrites each
/// document, and the database stays searchable meanwhile. "2": kTimeSlot.
inline constexpr std::string_view kDocumentRevision = "2";
/// Metadata key holding kVersion.
inline constexpr std::string_view kVersionKey = "telusur.schema";
/// Metadata key naming the stemmer the index was built with (the query side must match).
inline constexpr std::string_view kStemmerKey = "telusur.stemmer";

// --- Term prefixes (Xapian conventions: one capital letter, or X plus capitals) ---
/// Unique id term: "Q" + article id. Re-indexing an id replaces its document.
inline constexpr std::string_view kIdPrefix = "Q";
/// The longest article id (and filter term) indexed: Xapian caps terms at 245 bytes.
inline constexpr std::size_t kMaxIdBytes = 240;
/// The longest word indexed, in bytes: longer ones are noise (glued URLs, base64), never
/// written, so never found. Xapian caps terms at 245 bytes.
inline constexpr std::size_t kMaxWordBytes = 64;
/// Title words, so that `title:kursk` searches titles only.
inline constexpr std::string_view kTitlePrefix = "S";
/// Stemmed form of a word, as Xapian's TermGenerator and QueryParser write it (STEM_SOME).
inline constexpr std::string_view kStemPrefix = "Z";
/// Boolean filter on the outlet, lower-cased: `source:kompas`.
inline constexpr std::string_view kSourcePrefix = "XSRC";
/// Entities, canonical name normalised (lower case): `person:"Vladimir Putin"` → "XPERvladimir putin".
inline constexpr std::string_view kPersonPrefix = "XPER";
inline constexpr std::string_view kPlacePrefix = "XPLA";
inline constexpr std::string_view kOrgPrefix = "XORG";
/// Publication date terms: "Y2024", "M202411", "D20241104".
inline constexpr std::string_view kYearPrefix = "Y";
inline constexpr std::string_view kMonthPrefix = "M";
inline constexpr std::string_view kDayPrefix = "D";
/// One term per LSH band of the body's MinHash signature ("XSH" + band digit + 8 hex digits):
/// near-duplicates share a band with high probability, so candidates are found by lookup.
inline constexpr std::string_view kSignatureBandPrefix = "XSH";
/// Near-duplicate cluster ("XDUP" + cluster key), on every document (a lone one has a cluster of
/// its own): lists the syndicated copies of one story.
inline constexpr std::string_view kClusterPrefix = "XDUP";
/// The stemmer a document was built with ("XSTEM" + stemmer_term's hash), on every document. The
/// database records one stemmer (kStemmerKey), but a run after stemmer-data changed rebuilds only
/// the articles it reads: the documents without the recorded stemmer's term are those left over.
inline constexpr std::string_view kStemmerTermPrefix = "XSTEM";

/// The term of the documents built with the stemmer described by `description`
/// (Xapian::Stem::get_description(), which kStemmerKey holds).
inline std::string stemmer_term(std::string_view description) {
    return std::string(kStemmerTermPrefix) + to_hex(stable_hash64(description));
}

// --- Value slots ---
/// Publication date as "YYYYMMDD" (sortable as a string), from metadata or else the text; empty
/// when unknown.
inline constexpr Xapian::valueno kDateSlot = 0;
/// Hash of the indexed content and of the language data that shaped it (DocumentBuilder::
/// content_hash), so an unchanged article is skipped on a re-run, and one whose document other
/// stemmer-data would build otherwise is not.
inline constexpr Xapian::valueno kContentHashSlot = 1;
/// MinHash signature of the body's 3-word shingles, 256 hex digits; empty for short texts.
inline constexpr Xapian::valueno kSignatureSlot = 2;
/// Near-duplicate cluster key, only on documents that have a near-duplicate: the query side
/// collapses on it (Enquire::set_collapse_key), and Xapian never collapses an empty key, so
/// leaving it empty on lone documents spares the matcher reading a value per candidate.
inline constexpr Xapian::valueno kClusterSlot = 3;
/// Canonical entity names for display and facets, one per line ('\n'-separated).
inline constexpr Xapian::valueno kPeopleSlot = 4;
inline constexpr Xapian::valueno kPlacesSlot = 5;
inline constexpr Xapian::valueno kOrgsSlot = 6;
/// The outlet as written, for the source facet.
inline constexpr Xapian::valueno kSourceSlot = 7;
/// Time of day of the publication date as "HHMMSS", when the date field gives one: sorting by
/// date orders the articles of a day by it. Empty otherwise.
inline constexpr Xapian::valueno kTimeSlot = 8;

// --- Positions ---
/// Gap between the title's and the body's positions, so a phrase never spans both.
inline constexpr Xapian::termpos kBodyPositionGap = 100;
/// Extra within-document frequency of a title word: titles outrank bodies.
inline constexpr Xapian::termcount kTitleWeight = 3;

// --- Reading ---
/// What follows `prefix` in the first of `doc`'s terms that has it, or empty: the article id
/// from kIdPrefix, the cluster key from kClusterPrefix. Cheaper than decoding stored fields.
inline std::string term_after_prefix(const Xapian::Document& doc, std::string_view prefix) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(prefix));
    if (t == doc.termlist_end() || !(*t).starts_with(prefix)) return {};
    return (*t).substr(prefix.size());
}

/// Whether `term` is a body word's stem (kStemPrefix + stem), not a field's stem (kStemPrefix +
/// kTitlePrefix + stem): prefixes are capitals, and indexed words never start with one.
inline bool is_body_stem_term(std::string_view term) {
    const auto n = kStemPrefix.size();
    return term.size() > n && term.starts_with(kStemPrefix) && !(term[n] >= 'A' && term[n] <= 'Z');
}

}  // namespace telusur::schema
