#include "aa/render_search.hpp"

#include <fmt/color.h>
#include <fmt/core.h>

namespace aa {
namespace {

// grep's colours: names magenta, numbers green, matches bold red.
constexpr fmt::text_style name_style = fmt::fg(fmt::terminal_color::magenta);
constexpr fmt::text_style number_style = fmt::fg(fmt::terminal_color::green);
constexpr fmt::text_style match_style = fmt::text_style(fmt::emphasis::bold) | fmt::fg(fmt::terminal_color::red);

std::string styled(std::string_view text, const fmt::text_style& style, bool color) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

// `prefix`, then the text with its matches highlighted, then a newline.
std::string hit_line(std::string prefix, const SearchHit& hit, bool color) {
  std::size_t done = 0;
  for (const ByteRange& match : hit.matches) {
    prefix.append(hit.text.substr(done, match.begin - done));
    prefix += styled(hit.text.substr(match.begin, match.end - match.begin), match_style, color);
    done = match.end;
  }
  prefix.append(hit.text.substr(done));
  prefix += '\n';
  return prefix;
}

}  // namespace

std::string render_section_hits(std::span<const Section> sections, std::span<const SearchHit> hits, bool color) {
  std::string out;
  for (const SearchHit& hit : hits) {
    out += hit_line(fmt::format("{}:{}:", styled(sections[hit.item].slug, name_style, color),
                                styled(std::to_string(hit.part + 1), number_style, color)),
                    hit, color);
  }
  return out;
}

std::string render_question_hits(std::span<const Question> questions, std::span<const SearchHit> hits, bool color) {
  std::string out;
  for (const SearchHit& hit : hits)
    out += hit_line(styled(questions[hit.item].id, name_style, color) + ":", hit, color);
  return out;
}

std::string render_tip_hits(std::span<const Tip> tips, std::span<const SearchHit> hits, bool color) {
  std::string out;
  for (const SearchHit& hit : hits) out += hit_line(styled(tips[hit.item].id, name_style, color) + ":", hit, color);
  return out;
}

}  // namespace aa
