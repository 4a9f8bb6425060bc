// LanguageData: the stemmer-data files both tools load once at start-up and share read-only.
#pragma once

#include <filesystem>
#include <string>

#include "telusur/analysis/alias_table.h"
#include "telusur/analysis/stemmer/indonesian_stemmer.h"
#include "telusur/analysis/stopword_list.h"
#include "telusur/clean/boilerplate_cleaner.h"
#include "telusur/extract/gazetteer.h"

namespace telusur {

/// The data folder to use: `override` if not empty, else $TELUSUR_DATA_DIR, else
/// `<exe>/../share/telusur` when installed, else the source tree's stemmer-data/.
/// Throws DataError when the chosen folder does not exist.
std::filesystem::path find_data_dir(const std::string& override = {});

/// Everything in stemmer-data/ that analysis, cleaning and querying need.
struct LanguageData {
    std::filesystem::path dir;
    BoilerplateCleaner cleaner;  ///< boilerplate.tsv
    StopwordList stopwords;      ///< stopwords.txt
    AliasTable aliases;          ///< aliases.tsv
    StemmerData stemmer_data;    ///< roots, exceptions, protected words, informal spellings
    Gazetteer gazetteer;         ///< gazetteers/: places, organisations, people, roles
    /// What, besides an article, decides the document the indexer builds from it: the stemmer's
    /// identity and a hash of the stopwords, aliases and gazetteers (their lines that hold
    /// something: a comment changes nothing). Part of each document's content hash, so that a
    /// re-run rebuilds what other data built. Boilerplate rules are not in it: they change the
    /// article itself, before it is hashed.
    std::string document_identity;

    /// The canonical name of an entity as the indexer records it: aliases first ("Korut" →
    /// "Korea Utara"), then the gazetteer ("Putin" → "Vladimir Putin"); else `name` itself.
    std::string canonical_entity(std::string_view name) const;

    /// The stemmer both tools use, for one thread (Xapian::Stem is not thread-safe).
    Xapian::Stem make_stemmer() const { return stemmer_data.make_xapian_stem(); }

    /// Loads every file from `dir`; throws DataError naming the file at fault.
    static LanguageData load(const std::filesystem::path& dir);
};

}  // namespace telusur
