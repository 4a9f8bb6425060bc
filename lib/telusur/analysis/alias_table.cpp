#include "telusur/analysis/alias_table.h"

#include <algorithm>

#include "telusur/analysis/normalizer.h"
#include "telusur/data_file.h"

namespace telusur {

namespace {


/// "AS", "PBB": an all-capital alias is case-sensitive.
bool is_all_capitals(std::string_view name) {
    bool letter = false;
    for (const char c : name) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

std::size_t word_count(std::string_view name) {
    return 1 + static_cast<std::size_t>(std::count(name.begin(), name.end(), ' '));
}

std::string fold(std::string_view name) {
    static const Normalizer normalizer;
    return normalizer.normalize(name);
}

}  // namespace

AliasTable AliasTable::load(const std::filesystem::path& path) {
    return from_text(read_data_file(path, "alias"), path.string());
}

AliasTable AliasTable::from_text(std::string_view text, const std::string& name) {
    AliasTable table;
    for (const auto& line : data_lines(text, name)) {
        const auto tab = line.text.find('\t');
        const auto alias = tab == std::string_view::npos ? std::string_view{} : trim(line.text.substr(0, tab));
        const auto canonical = tab == std::string_view::npos ? std::string_view{} : trim(line.text.substr(tab + 1));
        if (alias.empty() || canonical.empty() || canonical.find('\t') != std::string_view::npos)
            throw data_error(name, line.number, "expected ALIAS<TAB>CANONICAL");
        table.add(std::string(alias), std::string(canonical));
    }
    return table;
}

void AliasTable::add(const std::string& alias, const std::string& canonical) {
    std::size_t group;
    if (const auto* existing = find(canonical)) {
        group = static_cast<std::size_t>(existing - groups_.data());
    } else {
        group = groups_.size();
        groups_.push_back({canonical});
        folded_[fold(canonical)] = group;
        longest_ = std::max(longest_, word_count(canonical));
    }
    groups_[group].push_back(alias);
    if (is_all_capitals(alias)) {
        exact_[alias] = group;
    } else {
        folded_[fold(alias)] = group;
    }
    longest_ = std::max(longest_, word_count(alias));
}

const AliasTable::Group* AliasTable::find(std::string_view name) const {
    if (const auto it = exact_.find(std::string(name)); it != exact_.end()) return &groups_[it->second];
    if (const auto it = folded_.find(fold(name)); it != folded_.end()) return &groups_[it->second];
    return nullptr;
}

std::optional<AliasTable::Match> AliasTable::match(const std::vector<std::string>& words,
                                                   std::size_t from) const {
    for (std::size_t n = std::min(longest_, words.size() - std::min(from, words.size())); n > 0; --n) {
        std::string name = words[from];
        for (std::size_t k = 1; k < n; ++k) name += " " + words[from + k];
        if (const auto* group = find(name)) return Match{n, group};
    }
    return std::nullopt;
}

}  // namespace telusur
