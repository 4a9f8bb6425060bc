// JSONL records as they come: every line is an article or an InputError naming it, and the
// reader always reaches the end.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "telusur/error.h"
#include "telusur/source/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::istringstream in(text);
    // A small line limit, so long lines are met too.
    telusur::JsonlReader reader(in, "fuzz.jsonl", {}, 512);
    std::size_t calls = 0;
    for (;;) {
        if (++calls > size + 2) std::abort();  // each call consumes a line: more means a loop
        try {
            const auto article = reader.next();
            if (!article) break;
            if (article->id.empty()) std::abort();  // id is required
        } catch (const telusur::InputError& error) {
            if (error.line() == 0 || error.file() != "fuzz.jsonl") std::abort();
        }
    }
    return 0;
}
