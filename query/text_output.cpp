#include <iomanip>

#include "output.h"

namespace telusur::query {

void print_text(std::ostream& out, const SearchResults& results, bool terminal) {
    const char* bold = terminal ? "\x1b[1m" : "";
    const char* plain = terminal ? "\x1b[0m" : "";
    for (const auto& hit : results.hits) {
        const auto& a = hit.article;
        out << hit.rank << ". " << bold << (a.title.empty() ? "(no title)" : a.title) << plain << '\n';
        out << "   ";
        if (!a.date.empty()) out << a.date.substr(0, 10) << " · ";
        if (!a.source.empty()) out << a.source << " · ";
        out << a.id << " · score " << std::fixed << std::setprecision(2) << hit.score << '\n';
        const auto snippet = terminal ? render_snippet(hit.snippet, "\x1b[1m", "\x1b[0m")
                                      : render_snippet(hit.snippet, "**", "**");
        if (!snippet.empty()) out << "   " << snippet << '\n';
        out << '\n';
    }
    out << "about " << results.estimated_total << (results.estimated_total == 1 ? " match" : " matches") << '\n';
}

}  // namespace telusur::query
