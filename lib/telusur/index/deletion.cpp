#include "telusur/index/deletion.h"

#include <string>

#include "telusur/source/control_characters.h"

namespace telusur {

namespace {

/// `id` as a message shows it: control characters blanked (an id typed on the command line
/// reaches the terminal again), and cut after 80 bytes on a character boundary.
std::string shown_id(const std::string& id) {
    constexpr std::size_t kShown = 80;
    std::string shown = id;
    blank_control_characters(shown, FieldLines::One);
    if (shown.size() <= kShown) return shown;
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    return shown.substr(0, cut) + "…";
}

}  // namespace

DeletionStats delete_articles(const std::vector<ListedId>& ids, IndexWriter& writer,
                              const std::function<void(const InputError&)>& on_missing, const std::atomic<bool>& stop) {
    DeletionStats stats;
    for (const auto& listed : ids) {
        if (stop.load(std::memory_order_relaxed)) {
            stats.interrupted = true;
            break;
        }
        if (writer.remove(listed.id)) {
            ++stats.deleted;
        } else {
            ++stats.not_found;
            on_missing(InputError(listed.origin, listed.line, "no article with id '" + shown_id(listed.id) + "'"));
        }
    }
    writer.commit();
    return stats;
}

}  // namespace telusur
