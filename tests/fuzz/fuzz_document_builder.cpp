// Articles of any text through the whole analysis chain (cleaning, tokenizer, normaliser,
// stemmer, entity and date extraction, MinHash): a document or an InputError.
// Fields (fuzz_fields.h): id, title, body, date, source, url.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "telusur/error.h"
#include "telusur/index/document_builder.h"
#include "telusur/language_data.h"

#include "fuzz_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto language = telusur::LanguageData::load(TELUSUR_STEMMER_DATA_DIR);
    static telusur::DocumentBuilder builder(language);
    const telusur::fuzz::Fields fields(data, size);
    telusur::Article article;
    article.id = fields.field(0);
    article.title = fields.field(1);
    article.body = fields.field(2);
    article.date = fields.field(3);
    article.source = fields.field(4);
    article.url = fields.field(5);
    try {
        const auto doc = builder.build(article);
        if (doc.termlist_count() == 0) std::abort();  // at least the id term
    } catch (const telusur::InputError&) {
    }
    return 0;
}
