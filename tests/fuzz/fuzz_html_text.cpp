// Any UTF-8 text read as HTML (a field's text is valid UTF-8 by the time it is cleaned): valid
// UTF-8 comes out, trimmed, with at most one blank line between paragraphs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "telusur/clean/html_text.h"
#include "telusur/source/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (telusur::find_invalid_utf8(input)) return 0;
    (void)telusur::looks_like_html(input);
    const auto text = telusur::html_to_text(input);
    if (telusur::find_invalid_utf8(text)) std::abort();
    if (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.back() == ' ' || text.back() == '\n'))
        std::abort();
    if (text.find("\n\n\n") != std::string_view::npos) std::abort();
    return 0;
}
