// Turns the command line's inputs (files, folders, "-") into the ordered list of files to read.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "telusur/article.h"
#include "telusur/error.h"
#include "telusur/source/record_fields.h"

namespace telusur {

enum class InputFormat { Text, JsonLines, Csv, Html };

/// One file to read, in the order it will be read.
struct InputFile {
    std::filesystem::path path;  ///< Empty for standard input.
    std::string name;            ///< As shown in messages: the path, or "-".
    std::string text_id;         ///< Article id of a .txt or .html file: its path below the given root.
    InputFormat format = InputFormat::Text;
    /// Why it cannot be read, for a folder of the walk that cannot be opened ("cannot read
    /// folder: Permission denied"): reported in its place in the order, and skipped.
    std::string problem;
};

/// The files of a run and what was passed over.
struct InputPlan {
    std::vector<InputFile> files;
    std::size_t ignored_files = 0;  ///< Files in folders whose extension is not indexed.
    RecordFields fields;            ///< Where records (JSON Lines, CSV) keep each article field (--field).
};

/// Expands `inputs`. Rules (documented in README): `-` is JSONL on stdin; a file is read by its
/// extension (.txt text; .html/.htm a web page; .jsonl/.ndjson JSON Lines and .csv CSV, also as
/// .gz or .zst, decompressed while streaming; .json given explicitly is read as JSON Lines, any
/// other extension given explicitly as text); a folder is walked recursively in sorted order,
/// hidden entries skipped, and only text, web page, JSON Lines and CSV files taken; a folder in
/// it that cannot be read is planned with its problem, so one locked folder does not stop an
/// archive. Throws Error for an input that does not exist.
InputPlan plan_inputs(const std::vector<std::string>& inputs);

/// Reads every article of `file` (a JSON Lines record's fields where `fields` says), calling
/// `on_article` for each (return false to stop early) and `on_error` for each bad record, which
/// is skipped. Returns false if stopped early: by `on_article`, or by `stop` (may be null) set
/// while an input (stdin, a pipe, a FIFO, compressed or not) waits for data; then an unfinished
/// last line or text is dropped, not reported.
bool read_input(const InputFile& file, const RecordFields& fields,
                const std::function<bool(Article&&)>& on_article,
                const std::function<void(const InputError&)>& on_error, const std::atomic<bool>* stop = nullptr);

}  // namespace telusur
