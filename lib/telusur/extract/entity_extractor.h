// EntityExtractor: the people, places and organisations an Indonesian news article names.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "telusur/analysis/alias_table.h"
#include "telusur/analysis/tokenizer.h"
#include "telusur/extract/gazetteer.h"

namespace telusur {

/// One entity of an article.
struct Entity {
    EntityKind kind;
    /// Canonical name: aliases resolved by the AliasTable first ("Korut" → "Korea Utara",
    /// "PBB" → "Perserikatan Bangsa-Bangsa", "Kiev" → "Kyiv"), then by the gazetteer's own
    /// CANONICAL column ("KPU" → "Komisi Pemilihan Umum", "Putin" → "Vladimir Putin"). A person
    /// found by the rules keeps the fullest form the article gives, with one-word aliases of its
    /// words resolved ("Volodymyr Zelensky" → "Volodymyr Zelenskyy"). A place after an
    /// administrative prefix drops it ("Kota Bekasi" → "Bekasi"). An organisation found by the
    /// rules is named as written, with a trailing country resolved ("Kementerian Pertahanan Korsel"
    /// → "Kementerian Pertahanan Korea Selatan"). For a short display form, look the name up in
    /// the AliasTable: its group lists the aliases ("PBB").
    std::string name;
    std::size_t mentions = 0;  ///< times the article names it (title included), surnames included

    bool operator==(const Entity&) const = default;
};

/// Finds entities with gazetteers and Indonesian name rules:
///   - known names (gazetteer, aliases) anywhere, the longest match winning;
///   - a role or title marks the name after it and is not part of it, and a country or
///     organisation between them is an entity of its own: "Presiden Rusia Vladimir Putin" gives
///     the person Vladimir Putin and the place Rusia; "Juru bicara Departemen Luar Negeri AS
///     Matthew Miller" gives Matthew Miller, the org "Departemen Luar Negeri Amerika Serikat" and
///     the place Amerika Serikat;
///   - an organisation head word starts an org name ("Kementerian Unifikasi Korsel");
///   - an unknown capitalised sequence (1-4 words, none of them a common capitalised word such as
///     "Dalam", "Senin", "Kami") is a person only with a cue: a role before it, a reporting word
///     before ("…," kata Rohman) or after it ("Andi Wijaya mengatakan"), an apposition after
///     it ("Rohman, pedagang beras"), or commas and a verb around it ("Warga Demak, Slamet
///     Riyadi, berharap"); otherwise it is skipped. After an office ("Ketua", "Menko") a single
///     unknown word counts only if the article names it again; after a rank or honorific
///     ("AKP", "Bapak") at once. "warga X" makes X a place; initials after "berinisial" are
///     nobody's;
///   - later mentions by one word of a person's name ("Putin", "Choe") count for the full name
///     when that word belongs to one person of the article only; the title is searched for
///     known names and for names the body introduced only (headlines capitalise every word);
///   - photo credits in parentheses ("(Twitter.com/MFA Russia)", "(Foto: …)") are ignored.
/// Immutable: `extract` is const and thread-safe. Holds references to the gazetteer and alias
/// table, which must outlive it.
class EntityExtractor {
  public:
    EntityExtractor(const Gazetteer& gazetteer, const AliasTable& aliases);

    /// The entities of one article, ordered by kind (person, place, org), then by mentions
    /// (most first), then by name. Builds a Tokenizer for the call.
    std::vector<Entity> extract(const std::string& title, const std::string& body) const;

    /// Same, with the caller's tokenizer (one per thread): saves building one per article.
    std::vector<Entity> extract(const std::string& title, const std::string& body, Tokenizer& tokenizer) const;

  private:
    const Gazetteer& gazetteer_;
    const AliasTable& aliases_;
};

}  // namespace telusur
