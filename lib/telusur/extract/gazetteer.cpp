#include "telusur/extract/gazetteer.h"

#include <algorithm>

#include "telusur/analysis/normalizer.h"
#include "telusur/analysis/tokenizer.h"
#include "telusur/data_file.h"
#include "telusur/extract/word_shape.h"

namespace telusur {

namespace {


/// Words of a name as the extractor sees them: the tokenizer's words and numbers.
std::vector<std::string> name_words(std::string_view name) {
    thread_local Tokenizer tokenizer;  // load-time only; one per loading thread
    std::vector<std::string> words;
    for (auto& token : tokenizer.tokenize(name)) words.push_back(std::move(token.text));
    return words;
}

std::string join(std::span<const std::string> words) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += ' ';
        out += word;
    }
    return out;
}

bool starts_upper(std::string_view word) { return u_isupper(first_code_point(word)) != 0; }

/// Whether a word of the text matches a word of a name as written in a file.
bool word_matches(std::string_view text_word, std::string_view name_word) {
    if (is_acronym(name_word)) return text_word == name_word;
    if (starts_upper(name_word)) return starts_upper(text_word);
    return true;  // lower-case name words ("dan") match any case; folded equality checked by caller
}

std::string read_file(const std::filesystem::path& path) { return read_data_file(path, "gazetteer"); }

NameCue parse_cue(std::string_view name) {
    if (name == "org-head") return NameCue::OrgHead;
    if (name == "facility") return NameCue::FacilityHead;
    if (name == "admin") return NameCue::AdminPrefix;
    if (name == "geo") return NameCue::GeoHead;
    if (name == "speech-before") return NameCue::SpeechBefore;
    if (name == "speech-after") return NameCue::SpeechAfter;
    if (name == "apposition") return NameCue::Apposition;
    if (name == "connector") return NameCue::Connector;
    return NameCue::None;
}

}  // namespace

std::string_view to_string(EntityKind kind) {
    switch (kind) {
        case EntityKind::Person: return "person";
        case EntityKind::Place: return "place";
        case EntityKind::Org: return "org";
    }
    return "?";
}

std::string Gazetteer::fold_word(std::string_view word) {
    static const Normalizer normalizer;  // stateless, thread-safe
    return normalizer.normalize(word);
}

Gazetteer Gazetteer::load(const std::filesystem::path& dir, const FileReader& read) {
    std::array<std::string, kFileNames.size()> t;
    for (std::size_t i = 0; i < kFileNames.size(); ++i) {
        const auto path = dir / kFileNames[i];
        t[i] = read ? read(path) : read_file(path);
    }
    return build({t[0], t[1], t[2], t[3], t[4], t[5]}, dir.string() + "/");
}

Gazetteer Gazetteer::from_texts(const Texts& texts) { return build(texts, "<gazetteer>/"); }

Gazetteer Gazetteer::build(const Texts& texts, const std::string& prefix) {
    Gazetteer gazetteer;
    gazetteer.add_names(texts.places, EntityKind::Place, prefix + "places.tsv");
    gazetteer.add_names(texts.orgs, EntityKind::Org, prefix + "orgs.tsv");
    gazetteer.add_names(texts.people, EntityKind::Person, prefix + "people.tsv");
    for (const auto& [number, line] : data_lines(texts.roles, prefix + "roles.txt")) {
        const auto tab = line.find('\t');
        const auto flag = tab == std::string_view::npos ? std::string_view{} : trim(line.substr(tab + 1));
        if (!flag.empty() && flag != "rank") throw data_error(prefix + "roles.txt", number, "expected ROLE or ROLE<TAB>rank");
        std::vector<std::string> folded;
        for (const auto& word : name_words(line.substr(0, tab))) folded.push_back(fold_word(word));
        if (folded.empty()) continue;
        gazetteer.role_first_words_.insert(folded.front());
        gazetteer.longest_role_ = std::max(gazetteer.longest_role_, folded.size());
        gazetteer.roles_[join(folded)] = flag == "rank";
        ++gazetteer.role_count_;
    }
    for (const auto& [number, line] : data_lines(texts.common, prefix + "common-capitalised.txt"))
        gazetteer.common_.insert(fold_word(line));
    for (const auto& [number, line] : data_lines(texts.cues, prefix + "name-cues.tsv")) {
        const auto tab = line.find('\t');
        const auto cue = tab == std::string_view::npos ? NameCue::None : parse_cue(trim(line.substr(tab + 1)));
        if (cue == NameCue::None) throw data_error(prefix + "name-cues.tsv", number, "expected WORD<TAB>CUE");
        gazetteer.cues_[fold_word(trim(line.substr(0, tab)))] = cue;
    }
    return gazetteer;
}

void Gazetteer::add_names(std::string_view text, EntityKind kind, const std::string& file) {
    for (const auto& [number, line] : data_lines(text, file)) {
        const auto tab = line.find('\t');
        const auto name = trim(line.substr(0, tab));
        const auto canonical = tab == std::string_view::npos ? name : trim(line.substr(tab + 1));
        auto words = name_words(name);
        if (words.empty() || canonical.empty() || canonical.find('\t') != std::string_view::npos)
            throw data_error(file, number, "expected NAME or NAME<TAB>CANONICAL");
        std::vector<std::string> folded;
        for (const auto& word : words) folded.push_back(fold_word(word));

        // One entry per canonical name and kind: "KPU" and "Komisi Pemilihan Umum" share it.
        std::size_t entry = entries_.size();
        if (const auto it = by_name_.find(fold_word(canonical));
            it != by_name_.end() && entries_[it->second].kind == kind && entries_[it->second].name == canonical) {
            entry = it->second;
        } else {
            entries_.push_back({kind, std::string(canonical)});
            by_name_.emplace(fold_word(canonical), entry);
        }
        by_name_.emplace(fold_word(name), entry);
        first_words_.insert(folded.front());
        longest_ = std::max(longest_, words.size());
        names_[join(folded)].push_back({std::move(words), entry});
    }
}

std::optional<Gazetteer::Match> Gazetteer::match(std::span<const std::string> words,
                                                 std::span<const std::string> folded,
                                                 std::size_t from) const {
    if (from >= words.size() || !first_words_.contains(folded[from])) return std::nullopt;
    for (std::size_t n = std::min(longest_, words.size() - from); n > 0; --n) {
        const auto it = names_.find(join(folded.subspan(from, n)));
        if (it == names_.end()) continue;
        for (const auto& name : it->second) {
            bool ok = true;
            for (std::size_t k = 0; k < n && ok; ++k) ok = word_matches(words[from + k], name.words[k]);
            if (ok) return Match{n, &entries_[name.entry]};
        }
    }
    return std::nullopt;
}

std::optional<Gazetteer::Match> Gazetteer::match(const std::vector<std::string>& words,
                                                 std::size_t from) const {
    std::vector<std::string> folded;
    folded.reserve(words.size());
    for (const auto& word : words) folded.push_back(fold_word(word));
    return match(std::span<const std::string>(words), std::span<const std::string>(folded), from);
}

const Gazetteer::Entry* Gazetteer::find(std::string_view name) const {
    std::string folded;
    for (const auto& word : name_words(name)) {
        if (!folded.empty()) folded += ' ';
        folded += fold_word(word);
    }
    if (const auto it = names_.find(folded); it != names_.end()) return &entries_[it->second.front().entry];
    if (const auto it = by_name_.find(fold_word(name)); it != by_name_.end()) return &entries_[it->second];
    return nullptr;
}

std::size_t Gazetteer::match_role(std::span<const std::string> folded, std::size_t from) const {
    if (from >= folded.size() || !role_first_words_.contains(folded[from])) return 0;
    for (std::size_t n = std::min(longest_role_, folded.size() - from); n > 0; --n)
        if (roles_.contains(join(folded.subspan(from, n)))) return n;
    return 0;
}

bool Gazetteer::is_rank(std::span<const std::string> folded, std::size_t from, std::size_t length) const {
    if (from + length > folded.size() || length == 0) return false;
    const auto it = roles_.find(join(folded.subspan(from, length)));
    return it != roles_.end() && it->second;
}

NameCue Gazetteer::cue(std::string_view folded_word) const {
    const auto it = cues_.find(std::string(folded_word));
    return it == cues_.end() ? NameCue::None : it->second;
}

}  // namespace telusur
