// What Xapian alone can write: the engine's ceiling for any indexer built on it.
//
//   xapian_floor CORPUS.jsonl DB [--docs N] [--batch N] [--shards 1|2] [--no-positions]
//                [--no-termlist] [--no-sync] [--stopwords FILE]
//
// Writes what Lucene's peer writes (../shared/peers/lucene/LuceneBench.java) and nothing more:
// the title and the body as two fields of stemmed terms with positions (Snowball's Indonesian
// stemmer, stopwords left out, as IndonesianAnalyzer does), the id, the day and the source as
// boolean terms, and id, title, date, url and source as the stored data (Lucene stores the same
// and not the body). No entities, no dates from the text, no surface forms, no duplicate keys.
//
// The articles are read and analysed into memory first, outside the clock: what is timed is
// building each Xapian::Document, adding it and committing every --batch documents, the part
// of indexing no amount of telusur's own work can take away. With --shards 2, two threads write
// the two halves of the input into two databases at once (the most two cores can give a Xapian
// writer), and the merge into DB by compaction is timed after.
//
// Prints one tab-separated line: variant, docs, analysis s (one thread), write s, write docs/s,
// merge s, write + merge docs/s, database bytes before and after compaction.
#include <xapian.h>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

/// One article as the writer gets it: terms in order of position, and what is stored.
struct AnalysedArticle {
    std::string id;
    std::string day;
    std::string source;
    std::string data;
    std::vector<std::string> title_terms;
    std::vector<std::string> body_terms;
};

struct Options {
    std::string corpus;
    fs::path db;
    std::size_t max_docs = SIZE_MAX;
    std::size_t batch = 1000;
    int shards = 1;
    bool positions = true;
    bool termlist = true;
    bool sync = true;
    std::string stopwords;
};

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string text_of(const nlohmann::json& record, const char* key) {
    const auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// Lowercased runs of letters and digits (bytes from 0x80 count as letters), stemmed, stopwords
/// left out: close enough to StandardTokenizer + LowerCaseFilter + StopFilter + stemmer for a
/// posting volume like Lucene's.
std::vector<std::string> analyse(const std::string& text, const Xapian::Stem& stem,
                                 const std::unordered_set<std::string>& stopwords) {
    std::vector<std::string> terms;
    std::string word;
    const auto flush = [&] {
        if (!word.empty() && !stopwords.count(word)) terms.push_back(stem(word));
        word.clear();
    };
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || std::isalnum(byte))
            word += static_cast<char>(byte < 0x80 ? std::tolower(byte) : byte);
        else
            flush();
    }
    flush();
    return terms;
}

std::vector<AnalysedArticle> read_articles(const Options& options) {
    std::unordered_set<std::string> stopwords;
    if (!options.stopwords.empty()) {
        std::ifstream in(options.stopwords);
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#') stopwords.insert(line);
    }
    const Xapian::Stem stem("indonesian");
    std::vector<AnalysedArticle> articles;
    std::ifstream in(options.corpus);
    for (std::string line; articles.size() < options.max_docs && std::getline(in, line);) {
        const auto record = nlohmann::json::parse(line, nullptr, false);
        if (!record.is_object()) continue;
        AnalysedArticle article;
        article.id = text_of(record, "id");
        article.day = text_of(record, "date").substr(0, 10);
        article.source = text_of(record, "source");
        const auto title = text_of(record, "title");
        article.data = article.id + '\n' + title + '\n' + text_of(record, "date") + '\n' +
                       text_of(record, "url") + '\n' + article.source;
        article.title_terms = analyse(title, stem, stopwords);
        article.body_terms = analyse(text_of(record, "body"), stem, stopwords);
        articles.push_back(std::move(article));
    }
    return articles;
}

void add_field(Xapian::Document& doc, const std::vector<std::string>& terms, const std::string& prefix,
               bool positions) {
    Xapian::termpos pos = 0;
    for (const auto& term : terms) {
        if (positions)
            doc.add_posting(prefix + term, ++pos);
        else
            doc.add_term(prefix + term);
    }
}

/// Writes articles [begin, end) into a new database at `path`.
void write_shard(const Options& options, const std::vector<AnalysedArticle>& articles, std::size_t begin,
                 std::size_t end, const fs::path& path) {
    int flags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS;
    if (!options.termlist) flags |= Xapian::DB_NO_TERMLIST;
    if (!options.sync) flags |= Xapian::DB_NO_SYNC;
    Xapian::WritableDatabase db(path.string(), flags);
    for (std::size_t i = begin; i < end; ++i) {
        const auto& article = articles[i];
        Xapian::Document doc;
        doc.add_boolean_term("Q" + article.id);
        if (!article.day.empty()) doc.add_boolean_term("D" + article.day);
        if (!article.source.empty()) doc.add_boolean_term("H" + article.source);
        add_field(doc, article.title_terms, "S", options.positions);
        add_field(doc, article.body_terms, "", options.positions);
        doc.set_data(article.data);
        db.add_document(doc);
        if ((i - begin + 1) % options.batch == 0) db.commit();
    }
    db.commit();
}

std::uintmax_t folder_bytes(const fs::path& path) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file()) bytes += entry.file_size();
    return bytes;
}

Options parse_options(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: xapian_floor CORPUS.jsonl DB [--docs N] [--batch N] [--shards 1|2] "
                     "[--no-positions] [--no-termlist] [--no-sync] [--stopwords FILE]\n";
        std::exit(2);
    }
    Options options;
    options.corpus = argv[1];
    options.db = argv[2];
    for (int i = 3; i < argc; ++i) {
        const std::string flag = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(flag + " needs a value");
            return argv[++i];
        };
        if (flag == "--docs") options.max_docs = std::stoul(value());
        else if (flag == "--batch") options.batch = std::stoul(value());
        else if (flag == "--shards") options.shards = std::stoi(value());
        else if (flag == "--no-positions") options.positions = false;
        else if (flag == "--no-termlist") options.termlist = false;
        else if (flag == "--no-sync") options.sync = false;
        else if (flag == "--stopwords") options.stopwords = value();
        else throw std::runtime_error("unknown option " + flag);
    }
    if (options.shards != 1 && options.shards != 2) throw std::runtime_error("--shards is 1 or 2");
    if (options.batch == 0) throw std::runtime_error("--batch must be at least 1");
    return options;
}

std::string variant_of(const Options& options) {
    std::string variant = "shards=" + std::to_string(options.shards) + " batch=" + std::to_string(options.batch);
    if (!options.positions) variant += " no-positions";
    if (!options.termlist) variant += " no-termlist";
    if (!options.sync) variant += " no-sync";
    return variant;
}

}  // namespace

int main(int argc, char** argv) try {
    const auto options = parse_options(argc, argv);
    auto t = Clock::now();
    const auto articles = read_articles(options);
    const double analysis_s = seconds_since(t);
    fs::remove_all(options.db);

    t = Clock::now();
    std::vector<fs::path> shard_paths;
    if (options.shards == 1) {
        write_shard(options, articles, 0, articles.size(), options.db);
    } else {
        const std::size_t half = articles.size() / 2;
        shard_paths = {options.db.string() + ".shard0", options.db.string() + ".shard1"};
        std::thread second(write_shard, std::cref(options), std::cref(articles), half, articles.size(),
                           shard_paths[1]);
        write_shard(options, articles, 0, half, shard_paths[0]);
        second.join();
    }
    const double write_s = seconds_since(t);
    const auto written_bytes = options.shards == 1 ? folder_bytes(options.db)
                                                    : folder_bytes(shard_paths[0]) + folder_bytes(shard_paths[1]);

    // Compaction: the merge of the shards, or (one shard) what --compact would do.
    t = Clock::now();
    Xapian::Database sources;
    if (options.shards == 1) {
        sources.add_database(Xapian::Database(options.db.string()));
    } else {
        for (const auto& path : shard_paths) sources.add_database(Xapian::Database(path.string()));
    }
    const fs::path compacted = options.db.string() + ".compact";
    fs::remove_all(compacted);
    sources.compact(compacted.string(), Xapian::DBCOMPACT_MULTIPASS);
    const double merge_s = seconds_since(t);
    for (const auto& path : shard_paths) fs::remove_all(path);

    const double docs = static_cast<double>(articles.size());
    std::printf("%s\t%zu\t%.2f\t%.2f\t%.0f\t%.2f\t%.0f\t%ju\t%ju\n", variant_of(options).c_str(), articles.size(),
                analysis_s, write_s, docs / write_s, merge_s, docs / (write_s + merge_s),
                static_cast<std::uintmax_t>(written_bytes), static_cast<std::uintmax_t>(folder_bytes(compacted)));
    return 0;
} catch (const Xapian::Error& e) {
    std::cerr << "xapian_floor: " << e.get_description() << '\n';
    return 1;
} catch (const std::exception& e) {
    std::cerr << "xapian_floor: " << e.what() << '\n';
    return 1;
}
