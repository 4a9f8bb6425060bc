// Small facts about Xapian's query syntax that several query-side steps need.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace telusur {

/// The boolean operators Xapian's QueryParser recognises (in capitals): AND OR NOT XOR NEAR ADJ.
inline bool is_query_operator(std::string_view word) {
    return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" || word == "ADJ";
}

/// Whether the word ending at byte `end` of `query` is a field name ("title" in "title:putin").
inline bool is_field_name(std::string_view query, std::size_t end) { return end < query.size() && query[end] == ':'; }

/// Whether the word starting at byte `start` of `query` is a field value ("putin" in "title:putin").
inline bool is_field_value(std::string_view query, std::size_t start) { return start > 0 && query[start - 1] == ':'; }

/// Whether the word starting at byte `start` of `query` is part of a field's value: right after
/// the colon, or inside the quotes that follow it ("Ekonomi" in `source:"Warta Ekonomi"`).
inline bool is_in_field_value(std::string_view query, std::size_t start) {
    if (is_field_value(query, start)) return true;
    std::size_t quotes = 0, opening = 0;
    for (std::size_t i = 0; i < start && i < query.size(); ++i)
        if (query[i] == '"') {
            ++quotes;
            opening = i;
        }
    return quotes % 2 == 1 && opening > 0 && query[opening - 1] == ':';
}

/// Whether the word ending at byte `end` of `query` is a wildcard prefix ("kebakar" in "kebakar*").
inline bool is_wildcard(std::string_view query, std::size_t end) { return end < query.size() && query[end] == '*'; }

/// The query fields telusur's parser knows (`title:rudal`, `source:Kompas`, `place:Kursk`...).
inline constexpr std::array<std::string_view, 6> kQueryFields = {"title", "source", "person", "place", "org", "date"};

/// `query` with the space people type after a field's colon taken out ("title: rudal" →
/// "title:rudal"): Xapian would read "title" as a word and search "rudal" everywhere; and with
/// field names in lower case ("Title:rudal" → "title:rudal"). Outside quotes only. Sets
/// `empty_field` to the first field with no value after it ("title:" at the end, before a
/// closing bracket, or before an operator: "title: AND gempa"); leaves it alone otherwise.
std::string attach_field_values(std::string_view query, std::string& empty_field);

/// Why `query` cannot be searched as typed, for syntax of other search engines that Xapian's
/// parser would silently read as words: Lucene's `rudal~2`, `"Korea Utara"~3` and `tentara^2`
/// (the number searched as a word), `+-rudal` (the `-` dropped), `title:-rudal` (searched as
/// title:rudal), and a wildcard ending a filter's value (`place:Jak*`, looked for as the place
/// "jak*"), an unknown field (`judul:banjir`, read as the phrase "judul banjir"), and a `*`
/// that does not end a word (`ban*ir` read as ban* OR ir, `*banjir` as banjir). Outside quotes;
/// nullopt if none of these.
std::optional<std::string> foreign_syntax(std::string_view query);

/// When every top-level item of `query` is excluded (`-rudal -"Korea Utara" -(a OR b)`), the
/// items without their `-`, joined by OR; else nullopt. Xapian's parser cannot parse a query
/// that only excludes: it then parses it again with every operator off, which searched for the
/// very words excluded. Searched as NOT (items) instead, it finds every other document.
std::optional<std::string> only_excluded(std::string_view query);

/// Why `query` cannot be searched as typed when it starts with NOT followed by more than one
/// item and no operator ("NOT rudal banjir"): Xapian's parser excludes them all, banjir too,
/// where the user means banjir without rudal. nullopt otherwise; "NOT rudal" alone lists every
/// other article, "NOT rudal NEAR tentara" those without rudal near tentara.
std::optional<std::string> leading_not_with_words(std::string_view query);

/// The first operator word (AND, OR, NOT, XOR, NEAR, ADJ) of `query` outside quotes; nullopt if none.
std::optional<std::string> first_operator(std::string_view query);

/// `query` with each run of words joined by NEAR or ADJ in brackets ("banjir rudal NEAR
/// tentara" → "banjir (rudal NEAR tentara)"): Xapian 1.4's parser fails on a NEAR after another
/// word, and then searches "near" as a word. Runs with a phrase, a bracket or a sign are left.
std::string bracket_proximity(std::string_view query);

/// `query` with its NEAR and ADJ operators written AND, or nullopt when it has none. Xapian 1.4's
/// parser leaks the window it allocates for NEAR or ADJ (96 bytes) when the query around it
/// fails to parse ("-rudal NEAR tentara yang", "AND a NEAR b", found by fuzzing under ASan):
/// parsed first as AND, such a query is refused before its NEAR is ever parsed.
std::optional<std::string> proximity_as_and(std::string_view query);

/// The message for a run of words joined by both NEAR and ADJ ("banjir NEAR hujan ADJ
/// Jakarta"), which Xapian's parser cannot read; nullopt when every run keeps to one of them.
std::optional<std::string> mixed_proximity(std::string_view query);

/// Whether `query` has a `)` outside quotes that closes no `(`.
bool has_stray_closing_bracket(std::string_view query);

/// The first item of `query`, at any depth, that a `-` excludes ("-rudal" in "tentara (-rudal)"),
/// outside quotes; nullopt if none. A hyphen inside a word (anak-anak) excludes nothing.
std::optional<std::string> first_exclusion(std::string_view query);

}  // namespace telusur
