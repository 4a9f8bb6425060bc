#include "telusur/source/input_plan.h"

#include <algorithm>
#include <cerrno>
#include <optional>
#include <unistd.h>

#include "telusur/ascii_case.h"
#include "telusur/source/csv_reader.h"
#include "telusur/source/decompressing_stream.h"
#include "telusur/source/html_file_reader.h"
#include "telusur/source/jsonl_reader.h"
#include "telusur/source/open_failure.h"
#include "telusur/source/stoppable_input.h"
#include "telusur/source/text_file_reader.h"
#include "telusur/source/utf16_stream.h"

namespace telusur {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& path) {
    const auto name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

/// .txt is text and .html/.htm a web page; .jsonl and .ndjson are JSON Lines and .csv is CSV,
/// these also compressed (.jsonl.gz, .csv.zst).
std::optional<InputFormat> format_of_extension(const fs::path& path) {
    const auto uncompressed = compression_of(path) == Compression::None ? path : path.stem();
    // .TXT as .txt: archives made on Windows use capitals.
    const auto ext = ascii_lowercase(uncompressed.extension().string());
    if (ext == ".txt" && compression_of(path) == Compression::None) return InputFormat::Text;
    if ((ext == ".html" || ext == ".htm") && compression_of(path) == Compression::None) return InputFormat::Html;
    if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::JsonLines;
    if (ext == ".csv") return InputFormat::Csv;
    return std::nullopt;
}

/// Reads every record of `reader` (JsonlReader, CsvReader) as read_input does.
template <typename Reader>
bool read_records(Reader& reader, const std::istream& in, const std::function<bool()>& stopped,
                  const std::function<bool(Article&&)>& on_article,
                  const std::function<void(const InputError&)>& on_error) {
    for (;;) {
        try {
            auto article = reader.next();
            if (stopped()) return false;
            if (!article) return true;
            if (!on_article(std::move(*article))) return false;
        } catch (const InputError& e) {
            if (stopped()) return false;
            on_error(e);
            if (in.bad()) return true;
        }
    }
}

/// The problem of a folder the walk cannot read, as reported.
std::string unreadable_folder(const std::error_code& ec) { return "cannot read folder: " + ec.message() + ": skipped"; }

void add_folder(const fs::path& root, InputPlan& plan) {
    std::vector<std::pair<fs::path, std::string>> found;  // path, problem
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
    const bool opened = !ec;
    if (!opened) found.emplace_back(root, unreadable_folder(ec));
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto& path = it->path();
        if (is_hidden(path)) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory() && !it->is_symlink()) {
            // Entering a folder that cannot be opened would end the walk: look first.
            std::error_code open;
            const fs::directory_iterator probe(path, open);
            if (open) {
                found.emplace_back(path, unreadable_folder(open));
                it.disable_recursion_pending();
            }
            continue;
        }
        // A link to nothing is reported when read, rather than passed over without a word;
        // a FIFO, socket or device is no article (and a FIFO would wait for a writer).
        const bool broken_link = it->is_symlink() && !it->exists();
        if (!it->is_regular_file() && !broken_link) continue;
        if (format_of_extension(path)) {
            found.emplace_back(path, std::string());
        } else {
            ++plan.ignored_files;
        }
    }
    // A folder that vanished mid-walk: what was found is read, and the rest reported as skipped.
    if (opened && ec)
        found.emplace_back(root, "the walk stopped: " + ec.message() + ": the rest of the folder is skipped");
    std::sort(found.begin(), found.end());
    for (auto& [path, problem] : found) {
        const auto format = format_of_extension(path).value_or(InputFormat::Text);
        plan.files.push_back({path, path.string(), path.lexically_relative(root).generic_string(), format, std::move(problem)});
    }
}

/// The fault of a compressed regular file whose data is corrupt (not merely cut off), found by
/// decompressing it once without reading its records; nullopt otherwise, or once `stop` is set.
/// zstd and gzip check their data at the end of a frame or member, so text read before that
/// check may already be garbled (ids and dates with bytes changed): such a file is skipped
/// whole. Decompressing costs far less than indexing (zstd about 1 GB/s).
std::optional<std::string> corrupt_compressed_file(const InputFile& file, const std::atomic<bool>* stop) {
    const auto compression = compression_of(file.path);
    std::error_code ec;
    if (compression == Compression::None || !fs::is_regular_file(file.path, ec)) return std::nullopt;
    const auto in = open_decompressing(file.path, compression);
    if (!in) return std::nullopt;  // the reading pass reports it
    char buffer[1 << 16];
    try {
        while (in->read(buffer, sizeof buffer) || in->gcount() > 0)
            if (stop != nullptr && stop->load(std::memory_order_relaxed)) return std::nullopt;
    } catch (const DecompressionError& e) {
        const std::string fault = e.what();
        if (fault.starts_with("corrupt "))
            return fault + ": the file is skipped, none of it indexed (text before the fault may be garbled too)";
    }
    return std::nullopt;  // cut off, or not compressed at all: the reading pass names the line
}

/// A file named on the command line: .json is read as JSON Lines (a JSON Lines file often has
/// that name, and an array of articles gets a message saying how to convert it), .tsv as CSV,
/// any other extension not known as text.
InputFormat format_of_file(const fs::path& path) {
    if (const auto format = format_of_extension(path)) return *format;
    // A .tsv is CSV with tabs as spreadsheets write it (quoted fields too; the reader finds the
    // tab in the header). Only when named: in a folder a .tsv is as often a list of something
    // else (queries, word lists, corpus/demo-queries.tsv) as articles.
    const auto uncompressed = compression_of(path) == Compression::None ? path : path.stem();
    if (ascii_lowercase(uncompressed.extension().string()) == ".tsv") return InputFormat::Csv;
    return path.extension() == ".json" ? InputFormat::JsonLines : InputFormat::Text;
}

}  // namespace

InputPlan plan_inputs(const std::vector<std::string>& inputs) {
    InputPlan plan;
    for (const auto& input : inputs) {
        if (input == "-") {
            plan.files.push_back({{}, "-", {}, InputFormat::JsonLines, {}});
            continue;
        }
        const fs::path path(input);
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) throw Error("input '" + input + "' does not exist");
        if (fs::is_directory(status)) {
            add_folder(path, plan);
        } else {
            plan.files.push_back({path, input, path.filename().string(), format_of_file(path), {}});
        }
    }
    return plan;
}

bool read_input(const InputFile& file, const RecordFields& fields,
                const std::function<bool(Article&&)>& on_article,
                const std::function<void(const InputError&)>& on_error, const std::atomic<bool>* stop) {
    if (!file.problem.empty()) {
        on_error(InputError(file.name, 0, file.problem));
        return true;
    }
    if (file.format == InputFormat::Text || file.format == InputFormat::Html) {
        try {
            auto article = file.format == InputFormat::Text
                               ? read_text_file(file.path, file.text_id, kMaxRecordBytes, stop)
                               : read_html_file(file.path, file.text_id, kMaxRecordBytes, stop);
            return article && on_article(std::move(*article));
        } catch (const InputError& e) {
            on_error(e);
            return true;
        }
    }

    if (auto fault = corrupt_compressed_file(file, stop)) {
        on_error(InputError(file.name, 0, std::move(*fault)));
        return true;
    }
    int fd = STDIN_FILENO;
    if (!file.path.empty() && (fd = open_for_reading(file.path)) < 0) {
        on_error(InputError(file.name, 0, cannot_open_file(file.path, errno)));
        return true;
    }
    // Compressed or not, the bytes come through a StoppableInput: a FIFO may wait.
    auto plain = std::make_unique<StoppableInput>(fd, !file.path.empty(), stop);
    const StoppableInput& source = *plain;
    const auto in = decoding_utf16(
        decompressing(std::move(plain), file.path.empty() ? Compression::None : compression_of(file.path)));
    // Once stopped while waiting for data, what was read of an unfinished line (or a cut-off
    // compressed stream) is no record.
    const auto stopped = [&] { return source.stopped(); };
    if (file.format == InputFormat::Csv) {
        CsvReader reader(*in, file.name, fields);
        return read_records(reader, *in, stopped, on_article, on_error);
    }
    JsonlReader reader(*in, file.name, fields);
    return read_records(reader, *in, stopped, on_article, on_error);
}

}  // namespace telusur
