#include <algorithm>
#include <iomanip>
#include <sstream>
#include <string_view>

#include "output.h"
#include "telusur/extract/date_extractor.h"

namespace telusur::query {

namespace {

bool wants(const std::vector<std::string>& fields, const char* field) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

/// What stands in for a missing headline (IndoSum's articles have none): the first sentence of
/// the body when it is short enough, else its first words, cut with "…". The JSON documents keep
/// the title as it is; this is for a reader scanning a list.
std::string lead_of(std::string_view body) {
    constexpr std::size_t kMaxBytes = 100;     // about a headline's length
    constexpr std::size_t kMinSentence = 30;   // a shorter "sentence" ends at an abbreviation (Jl., Dr.)
    body.remove_prefix(std::min(body.size(), body.find_first_not_of(" \t\n")));
    body = body.substr(0, body.find('\n'));  // the first paragraph
    if (body.empty()) return "(no title)";
    for (std::size_t end = kMinSentence; end < body.size() && end <= kMaxBytes; ++end) {
        const char c = body[end - 1];
        if ((c == '.' || c == '!' || c == '?') && body[end] == ' ') return std::string(body.substr(0, end));
    }
    if (body.size() <= kMaxBytes) return std::string(body);
    auto cut = body.rfind(' ', kMaxBytes);
    if (cut == std::string_view::npos || cut == 0) {  // one long word: cut between UTF-8 characters
        cut = kMaxBytes;
        while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    }
    return std::string(body.substr(0, cut)) + "…";
}

/// A date as shown in a list: an ISO 8601 date, with a time ("2024-11-04T10:00:00+07:00") or in
/// the basic format ("20241104"), by its day; any other form ("Senin, 4 Nov 2024") whole, as the
/// article gives it.
std::string shown_date(std::string_view date) {
    if (const auto day = parse_metadata_date(date)) return day->iso();
    const auto first = date.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    return std::string(date.substr(first, date.find_last_not_of(' ') - first + 1));
}

/// "person: Vladimir Putin, Choe Son Hui · place: Rusia · org: PBB", named as --filter takes them.
std::string entity_line(const StoredArticle& a) {
    std::string line;
    const std::pair<const char*, const std::vector<std::string>*> kinds[] = {
        {"person", &a.people}, {"place", &a.places}, {"org", &a.orgs}};
    for (const auto& [kind, names] : kinds) {
        if (names->empty()) continue;
        line += (line.empty() ? "" : " · ") + std::string(kind) + ":";
        for (std::size_t i = 0; i < names->size(); ++i) line += (i == 0 ? " " : ", ") + (*names)[i];
    }
    return line;
}

}  // namespace

void print_text(std::ostream& out, const SearchResults& results, const std::vector<std::string>& fields, bool bold) {
    const char* on = bold ? "\x1b[1m" : "";
    const char* off = bold ? "\x1b[0m" : "";
    for (const auto& hit : results.hits) {
        const auto& a = hit.article;
        // Each line only when it has something: --fields id prints the ids, not empty lines.
        bool printed = false;
        if (wants(fields, "rank")) out << hit.rank << '.' << (wants(fields, "title") ? " " : "");
        if (wants(fields, "title")) out << on << (a.title.empty() ? lead_of(a.body) : a.title) << off;
        if (wants(fields, "rank") || wants(fields, "title")) {
            out << '\n';
            printed = true;
        }
        std::string meta;
        const auto add = [&meta](const std::string& text) {
            if (text.empty()) return;
            if (!meta.empty()) meta += " · ";
            meta += text;
        };
        if (wants(fields, "date")) add(shown_date(a.date));
        if (wants(fields, "source")) add(a.source);
        if (wants(fields, "id")) add(a.id);
        if (wants(fields, "url")) add(a.url);
        if (wants(fields, "score")) {
            std::ostringstream score;
            score << "score " << std::fixed << std::setprecision(2) << hit.score;
            add(score.str());
        }
        const auto line = [&out, &printed](const std::string& text) {
            if (text.empty()) return;
            out << "   " << text << '\n';
            printed = true;
        };
        line(meta);
        if (wants(fields, "snippet"))
            line(bold ? render_snippet(hit.snippet, on, off) : render_snippet(hit.snippet, "**", "**"));
        if (wants(fields, "entities")) line(entity_line(a));
        if (wants(fields, "similar") && !hit.similar_ids.empty()) line("+" + std::to_string(hit.similar_ids.size()) + " similar");
        for (const auto& m : hit.matches) {
            std::ostringstream match;
            match << "matched " << m.field << " '" << m.word << "' weight " << std::fixed << std::setprecision(3) << m.weight;
            line(match.str());
        }
        if (printed) out << '\n';
    }
    for (const auto& facet : results.facets) {
        out << facet.kind << ':';
        if (facet.values.empty()) out << " (none)";
        for (std::size_t i = 0; i < facet.values.size(); ++i)
            out << (i == 0 ? " " : ", ") << facet.values[i].first << " (" << facet.values[i].second << ')';
        if (facet.distinct > facet.values.size()) out << ", +" << facet.distinct - facet.values.size() << " more";
        out << '\n';
    }
    if (!results.facets.empty()) out << '\n';
    if (!results.suggestion.empty()) out << "did you mean: " << results.suggestion << '\n';
    for (const auto& filter : results.filter_suggestions) {
        const bool spaced = filter.find(' ') != std::string::npos;  // quoted for the shell
        out << "did you mean: --filter " << (spaced ? "\"" + filter + "\"" : filter) << '\n';
    }
    if (results.estimated_total == 0) {
        out << "no matches\n";
    } else {
        out << total_text(results) << '\n';
    }
}

std::string total_text(const SearchResults& results) {
    return (results.total_is_exact ? "" : "about ") + std::to_string(results.estimated_total) +
           (results.estimated_total == 1 ? " match" : " matches");
}

void print_article_text(std::ostream& out, const ArticleView& view, bool bold) {
    const auto& a = view.article;
    out << (bold ? "\x1b[1m" : "") << (a.title.empty() ? lead_of(a.body) : a.title) << (bold ? "\x1b[0m" : "") << '\n';
    std::string meta;
    for (const auto& part : {shown_date(a.date), a.source, a.id, a.url})
        if (!part.empty()) meta += (meta.empty() ? "" : " · ") + part;
    out << meta << '\n';
    if (const auto entities = entity_line(a); !entities.empty()) out << entities << '\n';
    if (view.copy_count > 0) {
        out << "+" << view.copy_count << " similar:";
        for (std::size_t i = 0; i < view.copies.size(); ++i) out << (i == 0 ? " " : ", ") << view.copies[i];
        if (view.copy_count > view.copies.size()) out << ", …";
        out << '\n';
    }
    out << '\n' << a.body;
    if (!a.body.empty() && a.body.back() != '\n') out << '\n';
}

void print_explanation(std::ostream& out, const SearchResults& results) {
    if (!results.explanation) return;
    const auto& e = *results.explanation;
    if (results.like.empty()) out << "query:    " << results.query << '\n';
    else out << "like:     " << results.like << " (its most telling stems)\n";
    if (results.expanded_query != results.query) out << "aliases:  " << results.expanded_query << '\n';
    for (const auto& t : e.tokens) {
        out << "  token '" << t.text << "' → '" << t.normalized << "'";
        if (t.stopword) out << " (stopword: matched only inside phrases)";
        else out << " stem '" << t.stem << "'";
        if (!t.aliases.empty()) {
            out << " also searches";
            for (const auto& alias : t.aliases) out << " '" << alias << "'";
        }
        out << '\n';
    }
    if (e.tiered) {
        out << "tier 1 (every word):         " << e.all_words << '\n';
        if (!e.most_words.empty()) out << "tier 2 (every word but one): " << e.most_words << '\n';
        out << "tier " << (e.most_words.empty() ? 2 : 3) << " (any word):           " << e.any_word << '\n';
        if (!e.exact_forms.empty()) out << "weigh more in tiers before the last: " << e.exact_forms << '\n';
    } else {
        out << "parsed:   " << e.any_word << '\n';
        if (!e.exact_forms.empty()) out << "weigh more: " << e.exact_forms << '\n';
    }
    out << '\n';
}

}  // namespace telusur::query
