// CSV records as they come: every record is an article or an InputError naming its line, and
// the reader always reaches the end.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "telusur/error.h"
#include "telusur/source/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::istringstream in(text);
    // A small record limit, so long records are met too.
    telusur::CsvReader reader(in, "fuzz.csv", {}, 512);
    std::size_t calls = 0;
    for (;;) {
        if (++calls > size + 2) std::abort();  // each call takes a record or a line: more means a loop
        try {
            const auto article = reader.next();
            if (!article) break;
            if (article->id.empty() || article->body.empty() || article->origin_line < 2) std::abort();
        } catch (const telusur::InputError& error) {
            if (error.line() == 0 || error.file() != "fuzz.csv") std::abort();
        }
    }
    return 0;
}
