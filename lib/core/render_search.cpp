// SPDX-License-Identifier: MIT
#include "aa/core/render_search.hpp"

#include <vector>

#include <fmt/color.h>
#include <fmt/core.h>

#include "aa/content/text.hpp"
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

// `prefix`, then `text` with its matches highlighted, then a newline.
std::string hit_line(std::string prefix, std::string_view text, std::span<const ByteRange> matches, bool color) {
  std::size_t done = 0;
  for (const ByteRange& match : matches) {
    prefix.append(text.substr(done, match.begin - done));
    prefix += styled(text.substr(match.begin, match.end - match.begin), match_style, color);
    done = match.end;
  }
  prefix.append(text.substr(done));
  prefix += '\n';
  return prefix;
}

// Each hit as grep prints it, its keys each followed by `separator`, or as
// a table. `Hit` has `text` and `matches`.
template <class Hit, class KeysOf>
std::string render_hits(std::span<const Hit> hits, const HitStyle& style, KeysOf keys_of, char separator = ':') {
  if (style.table > 0) {
    std::vector<TableRow> rows;
    for (const Hit& hit : hits) rows.push_back({keys_of(hit), hit.text, hit.matches});
    return aligned_table(rows, {style.table, style.color, key_styles, match_style});
  }
  std::string out;
  for (const Hit& hit : hits) {
    std::string prefix;
    const std::vector<std::string> keys = keys_of(hit);
    for (std::size_t i = 0; i < keys.size(); ++i) prefix += styled(keys[i], key_styles[i], style.color) + separator;
    out += hit_line(std::move(prefix), hit.text, hit.matches, style.color);
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

std::string render_placed_hits(std::span<const PlacedHit> hits, const HitStyle& style) {
  // A journal's line comes from a file a person may edit: escaped piece by
  // piece (a tab too, which would end a field), its matches moved to where
  // they fall in the escaped text. Content is shown as it is, as escaping
  // leaves text without control characters.
  struct Shown {
    const PlacedHit* hit;
    std::string text;
    std::vector<ByteRange> matches;
  };
  std::vector<Shown> shown;
  shown.reserve(hits.size());
  for (const PlacedHit& hit : hits) {
    Shown line{&hit, "", {}};
    std::size_t done = 0;
    for (const ByteRange& match : hit.matches) {
      line.text += terminal_safe(hit.text.substr(done, match.begin - done));
      const std::size_t begin = line.text.size();
      line.text += terminal_safe(hit.text.substr(match.begin, match.end - match.begin));
      line.matches.push_back({begin, line.text.size()});
      done = match.end;
    }
    line.text += terminal_safe(hit.text.substr(done));
    shown.push_back(std::move(line));
  }
  return render_hits(
      std::span<const Shown>(shown), style,
      [](const Shown& line) {
        return std::vector<std::string>{std::string(line.hit->from), terminal_safe(line.hit->id)};
      },
      '\t');
}

}  // namespace aa
