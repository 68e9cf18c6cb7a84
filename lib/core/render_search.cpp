// SPDX-License-Identifier: MIT
#include "aa/core/render_search.hpp"

#include <vector>

#include <fmt/color.h>
#include <fmt/core.h>

#include "aa/core/render_table.hpp"

namespace aa {
namespace {

// grep's colours: names magenta, numbers green, matches bold red.
constexpr fmt::text_style name_style = fmt::fg(fmt::terminal_color::magenta);
constexpr fmt::text_style number_style = fmt::fg(fmt::terminal_color::green);
constexpr fmt::text_style match_style = fmt::text_style(fmt::emphasis::bold) | fmt::fg(fmt::terminal_color::red);
constexpr fmt::text_style key_styles[] = {name_style, number_style};

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

// Each hit as grep prints it, its keys joined by ':', or as a table.
template <class KeysOf>
std::string render_hits(std::span<const SearchHit> hits, const HitStyle& style, KeysOf keys_of) {
  if (style.table > 0) {
    std::vector<TableRow> rows;
    for (const SearchHit& hit : hits) rows.push_back({keys_of(hit), hit.text, hit.matches});
    return aligned_table(rows, {style.table, style.color, key_styles, match_style});
  }
  std::string out;
  for (const SearchHit& hit : hits) {
    std::string prefix;
    const std::vector<std::string> keys = keys_of(hit);
    for (std::size_t i = 0; i < keys.size(); ++i) prefix += styled(keys[i], key_styles[i], style.color) + ":";
    out += hit_line(std::move(prefix), hit, style.color);
  }
  return out;
}

}  // namespace

std::string render_section_hits(std::span<const Section> sections, std::span<const SearchHit> hits,
                                const HitStyle& style) {
  return render_hits(hits, style, [&](const SearchHit& hit) {
    // The paragraph's place in its section helps a script, but beside the
    // slug a person reads it as a section's number: a terminal shows the
    // slug alone, which is what opens the section.
    if (style.table > 0) return std::vector<std::string>{std::string(sections[hit.item].slug)};
    return std::vector<std::string>{std::string(sections[hit.item].slug), std::to_string(hit.part + 1)};
  });
}

std::string render_question_hits(std::span<const Question> questions, std::span<const SearchHit> hits,
                                 const HitStyle& style) {
  return render_hits(
      hits, style, [&](const SearchHit& hit) { return std::vector<std::string>{std::string(questions[hit.item].id)}; });
}

std::string render_tip_hits(std::span<const Tip> tips, std::span<const SearchHit> hits, const HitStyle& style) {
  return render_hits(hits, style,
                     [&](const SearchHit& hit) { return std::vector<std::string>{std::string(tips[hit.item].id)}; });
}

}  // namespace aa
