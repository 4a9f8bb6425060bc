#include "telusur/source/record_article.h"

#include "telusur/error.h"
#include "telusur/source/control_characters.h"

namespace telusur {

void finish_record_article(Article& article, const std::string& name, std::size_t line) {
    if (const auto control = find_control_character(article.id))
        throw InputError(name, line,
                         "field 'id' holds a control character (byte " + std::to_string(*control + 1) + ")");
    blank_control_characters(article.body, FieldLines::Many);
    for (auto* field : {&article.title, &article.date, &article.url, &article.source})
        blank_control_characters(*field, FieldLines::One);
    article.origin_file = name;
    article.origin_line = line;
}

}  // namespace telusur
