// stemmer_eval: accuracy of telusur's Indonesian stemmer against the stemming-gold sets, next to
// Snowball's, and its speed on real news text.
//
//   stemmer_eval [--data-dir DIR] [--gold-dir DIR] [--corpus-dir DIR] [--runs N]
//                [--errors SET] [--half A|B] [--no-informal] [--no-speed] [--conventions]
//
// Prints a markdown report on stdout. --errors SET lists the wrong forms of one set instead
// (with --half, only the forms of that half), for development: look at half A only.
// --conventions adds how each set treats each affix class and which forms no dictionary-checked
// stemmer gets right (gold_conventions.h): where the sets' conventions pull apart.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gold_conventions.h"
#include "gold_set.h"
#include "telusur/analysis/snowball_stemmer.h"
#include "telusur/analysis/stemmer/indonesian_stemmer.h"

namespace fs = std::filesystem;

namespace {

/// The gold sets of /work/shared/stemming-gold/gold, in report order.
const std::vector<std::string> kGoldSets{"ud_all",         "ud_csui",         "ud_gsd",           "ud_pud",
                                         "sastrawi_tests", "aksara_informal", "mpstemmer_slang60"};

using telusur::gold::GoldSet;
using telusur::gold::read_gold;
using telusur::gold::stem_form;

/// Held-out split: FNV-1a of the form, even → half A, odd → half B. Stable across platforms,
/// unlike std::hash.
char half_of(const std::string& form) {
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : form) hash = (hash ^ c) * 16777619u;
    return hash % 2 == 0 ? 'A' : 'B';
}

struct Stemmers {
    const telusur::ConfixStemmer& telusur;
    telusur::SnowballStemmer& snowball;

    std::string stem_snowball(const std::string& form) const {
        return stem_form(form, [&](const std::string& w) { return snowball(w); });
    }
    std::string stem_telusur(const std::string& form) const {
        return stem_form(form, [&](const std::string& w) { return telusur.stem(w).stem; });
    }
    /// Telusur with Snowball for the words it has no analysis of (the rejected alternative).
    std::string stem_telusur_snowball_fallback(const std::string& form) const {
        return stem_form(form, [&](const std::string& w) {
            auto result = telusur.stem(w);
            return result.reason == telusur::StemReason::Fallback ? snowball(w) : result.stem;
        });
    }
};

struct Score {
    std::size_t forms = 0, snowball = 0, telusur = 0, telusur_snowball_fallback = 0;
};

std::string ratio(std::size_t part, std::size_t whole) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.3f", whole == 0 ? 0.0 : double(part) / double(whole));
    return buffer;
}

template <typename Filter>
Score score(const GoldSet& gold, Stemmers& stemmers, Filter keep) {
    Score s;
    for (const auto& [form, roots] : gold) {
        if (!keep(form)) continue;
        ++s.forms;
        s.snowball += roots.count(stemmers.stem_snowball(form));
        s.telusur += roots.count(stemmers.stem_telusur(form));
        s.telusur_snowball_fallback += roots.count(stemmers.stem_telusur_snowball_fallback(form));
    }
    return s;
}

std::size_t rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
    return 0;
}

/// Body words of every docs.jsonl under `corpus_dir`: lower-cased, split on anything that is
/// not an ASCII letter (crude, but the same stream for both stemmers).
std::vector<std::string> corpus_words(const fs::path& corpus_dir) {
    std::vector<std::string> words;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus_dir))
        if (fs::exists(entry.path() / "docs.jsonl")) files.push_back(entry.path() / "docs.jsonl");
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file);
        std::string line;
        while (std::getline(in, line)) {
            const auto doc = nlohmann::json::parse(line, nullptr, false);
            if (doc.is_discarded() || !doc.contains("body") || !doc["body"].is_string()) continue;
            std::string word;
            for (char c : doc["body"].get<std::string>()) {
                if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
                if (c >= 'a' && c <= 'z') {
                    word += c;
                } else if (!word.empty()) {
                    words.push_back(std::move(word));
                    word.clear();
                }
            }
            if (!word.empty()) words.push_back(std::move(word));
        }
    }
    return words;
}

/// Words per second of `stem` over `words`, the median of `runs` runs. `make` builds a fresh
/// stemmer for each run, so a cache starts cold every time.
template <typename Make>
double words_per_second(const std::vector<std::string>& words, int runs, Make make) {
    std::vector<double> rates;
    std::size_t checksum = 0;
    for (int run = 0; run < runs; ++run) {
        auto stemmer = make();
        const auto start = std::chrono::steady_clock::now();
        for (const auto& word : words) checksum += stemmer(word).size();
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        rates.push_back(double(words.size()) / elapsed.count());
    }
    std::sort(rates.begin(), rates.end());
    if (checksum == 42) std::cerr << "";  // keeps the loop from being optimised away
    return rates[rates.size() / 2];
}

struct Args {
    fs::path data_dir = TELUSUR_SOURCE_DATA_DIR;
    fs::path gold_dir = TELUSUR_GOLD_DIR;
    fs::path corpus_dir = TELUSUR_CORPUS_DATA_DIR;
    int runs = 5;
    std::string errors_of;
    char half = 0;
    bool informal = true;
    bool speed = true;
    bool conventions = false;
};

Args parse_args(int argc, char** argv) {
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(flag + " needs a value");
            return argv[++i];
        };
        if (flag == "--data-dir") args.data_dir = value();
        else if (flag == "--gold-dir") args.gold_dir = value();
        else if (flag == "--corpus-dir") args.corpus_dir = value();
        else if (flag == "--runs") args.runs = std::stoi(value());
        else if (flag == "--errors") args.errors_of = value();
        else if (flag == "--half") args.half = value().at(0);
        else if (flag == "--no-informal") args.informal = false;
        else if (flag == "--no-speed") args.speed = false;
        else if (flag == "--conventions") args.conventions = true;
        else throw std::runtime_error("unknown option " + flag);
    }
    return args;
}

int print_errors(const Args& args, Stemmers& stemmers) {
    const auto gold = read_gold(args.gold_dir / (args.errors_of + ".tsv"));
    for (const auto& [form, roots] : gold) {
        if (args.half != 0 && half_of(form) != args.half) continue;
        const auto stem = stemmers.stem_telusur(form);
        if (roots.count(stem)) continue;
        const auto result = stemmers.telusur.stem(form);
        std::string expected;
        for (const auto& root : roots) expected += (expected.empty() ? "" : "|") + root;
        std::cout << form << '\t' << stem << '\t' << expected << '\t' << int(result.reason) << '\n';
    }
    return 0;
}

int run(const Args& args) {
    const auto rss_before = rss_kib();
    const auto data = telusur::StemmerData::load(args.data_dir, {.informal = args.informal});
    const auto rss_after = rss_kib();
    telusur::SnowballStemmer snowball;
    Stemmers stemmers{*data.stemmer(), snowball};
    if (!args.errors_of.empty()) return print_errors(args, stemmers);

    std::cout << "## Accuracy (distinct forms; a form is right when the stem equals any of its gold roots)\n\n"
              << "| set | forms | Snowball | telusur | telusur, Snowball fallback |\n|---|---:|---:|---:|---:|\n";
    auto row = [](const std::string& name, const Score& s) {
        std::cout << "| " << name << " | " << s.forms << " | " << ratio(s.snowball, s.forms) << " | "
                  << ratio(s.telusur, s.forms) << " | " << ratio(s.telusur_snowball_fallback, s.forms) << " |\n";
    };
    GoldSet ud_all;
    std::vector<std::pair<std::string, GoldSet>> all_sets;
    std::vector<std::pair<std::string, Score>> unchanged;  // forms that are their own gold root
    std::vector<Score> unchanged_sole;                      // … and have no other gold root
    for (const auto& name : kGoldSets) {
        const auto gold = read_gold(args.gold_dir / (name + ".tsv"));
        row(name, score(gold, stemmers, [](const std::string&) { return true; }));
        Score kept, kept_sole;  // kept_sole: forms whose only gold root is the form itself
        for (const auto& [form, roots] : gold) {
            if (!roots.count(form)) continue;
            const bool telusur_kept = stemmers.stem_telusur(form) == form;
            const bool snowball_kept = stemmers.stem_snowball(form) == form;
            ++kept.forms;
            kept.telusur += telusur_kept;
            kept.snowball += snowball_kept;
            if (roots.size() != 1) continue;
            ++kept_sole.forms;
            kept_sole.telusur += telusur_kept;
            kept_sole.snowball += snowball_kept;
        }
        unchanged.emplace_back(name, kept);
        unchanged_sole.push_back(kept_sole);
        if (name == "ud_all") ud_all = gold;
        all_sets.emplace_back(name, gold);
    }
    row("ud_all, half A (developed on)", score(ud_all, stemmers, [](const std::string& f) { return half_of(f) == 'A'; }));
    row("ud_all, half B (held out)", score(ud_all, stemmers, [](const std::string& f) { return half_of(f) == 'B'; }));

    std::cout << "\n## Gold roots left unchanged (forms that have themselves as a gold root)\n\n"
              << "| set | forms | Snowball | telusur | forms, no other gold root | Snowball | telusur |\n"
              << "|---|---:|---:|---:|---:|---:|---:|\n";
    for (std::size_t i = 0; i < unchanged.size(); ++i) {
        const auto& [name, kept] = unchanged[i];
        const auto& sole = unchanged_sole[i];
        std::cout << "| " << name << " | " << kept.forms << " | " << ratio(kept.snowball, kept.forms) << " | "
                  << ratio(kept.telusur, kept.forms) << " | " << sole.forms << " | " << ratio(sole.snowball, sole.forms)
                  << " | " << ratio(sole.telusur, sole.forms) << " |\n";
    }

    if (args.conventions) {
        std::cout << '\n';
        const auto stem = [&](const std::string& form) { return stemmers.stem_telusur(form); };
        telusur::gold::print_conventions(std::cout, all_sets, stem, data.stemmer()->roots());
    }

    std::cout << "\n## Memory\n\nRSS of the loaded stemmer data: " << (rss_after - rss_before) / 1024.0
              << " MiB (" << data.stemmer()->roots().size() << " roots)\n";

    if (!args.speed) return 0;
    const auto words = corpus_words(args.corpus_dir);
    const double telusur_rate = words_per_second(words, args.runs, [&] {
        return [stemmer = telusur::IndonesianStemmer(data.stemmer())](const std::string& w) mutable { return stemmer(w); };
    });
    const double uncached_rate = words_per_second(words, 1, [&] {
        return [&](const std::string& w) { return data.stemmer()->stem(w).stem; };
    });
    const double snowball_rate = words_per_second(words, args.runs, [&] {
        return [stemmer = std::make_shared<telusur::SnowballStemmer>()](const std::string& w) { return (*stemmer)(w); };
    });
    std::cout << "\n## Speed (single thread, " << words.size() << " body words of " << args.corpus_dir.string()
              << "/*/docs.jsonl, median of " << args.runs << " runs, cache cold at the start of each run)\n\n"
              << "| stemmer | words/s |\n|---|---:|\n"
              << "| telusur IndonesianStemmer (cache) | " << std::int64_t(telusur_rate) << " |\n"
              << "| telusur ConfixStemmer (no cache, 1 run) | " << std::int64_t(uncached_rate) << " |\n"
              << "| Snowball (libstemmer, SnowballStemmer) | " << std::int64_t(snowball_rate) << " |\n\n"
              << "telusur / Snowball: " << ratio(std::size_t(telusur_rate * 1000), std::size_t(snowball_rate * 1000))
              << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse_args(argc, argv));
    } catch (const std::exception& error) {
        std::cerr << "stemmer_eval: " << error.what() << '\n';
        return 2;
    }
}
