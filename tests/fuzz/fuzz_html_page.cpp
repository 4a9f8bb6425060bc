// Any bytes read as a saved web page (a .html file may be in any encoding, or none): every field
// comes out as valid UTF-8, and the body trimmed, with at most one blank line between paragraphs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "telusur/clean/html_page.h"
#include "telusur/source/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto page = telusur::read_html_page(input);
    for (const auto* field : {&page.title, &page.date, &page.url, &page.source, &page.body})
        if (telusur::find_invalid_utf8(*field)) std::abort();
    const auto& body = page.body;
    if (!body.empty() && (body.front() == ' ' || body.front() == '\n' || body.back() == ' ' || body.back() == '\n'))
        std::abort();
    if (body.find("\n\n\n") != std::string_view::npos) std::abort();
    return 0;
}
