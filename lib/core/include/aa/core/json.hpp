// SPDX-License-Identifier: MIT
// Everything we print as JSON. nlohmann::json does the escaping and keeps
// keys in the order we document; its heavy header stays in json.cpp and
// the files that read JSON back.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/model.hpp"
#include "aa/core/search.hpp"
#include "aa/core/search_everywhere.hpp"

#include <nlohmann/json_fwd.hpp>

namespace aa {

// `value` as indented JSON text followed by a newline. Every character
// that a terminal would act on (aa::is_terminal_control) is written as a
// \uXXXX escape, so that the text is safe to show as it is.
std::string dump_json(const nlohmann::ordered_json& value);

// The same on one line: compact output escapes every line break in a string.
std::string dump_json_line(const nlohmann::ordered_json& value);

// A JSON array of `count` values, exactly as dump_json() writes it, made one
// value at a time (`value_at(i)`). For a store's records: as one document,
// thousands of them would have a destructor that allocates (nlohmann's), so
// running out of memory while building it would end the program (terminate)
// instead of being reported.
std::string dump_json_array(std::size_t count, const std::function<nlohmann::ordered_json(std::size_t)>& value_at);

// [{"id", "category", "section", "text"}, ...] followed by a newline.
std::string tips_json(std::span<const Tip* const> tips);

// ["a", "b", ...] followed by a newline.
std::string strings_json(std::span<const std::string_view> strings);

// The guide and the FAQ (aa-read, aa-faq). `chosen` holds indices into
// `sections` or `questions`, in the order to print; numbers count from 1.

// [{"number", "slug", "title", "paragraphs": [...]}, ...]
std::string sections_json(std::span<const Section> sections, std::span<const std::size_t> chosen);

// [{"number", "slug", "title"}, ...]: the table of contents.
std::string section_list_json(std::span<const Section> sections);

// [{"number", "id", "question", "answer", "see": [slug, ...]}, ...]
std::string questions_json(std::span<const Question> questions, std::span<const std::size_t> chosen);

// [{"number", "id", "question"}, ...]
std::string question_list_json(std::span<const Question> questions);

// [{"number", "slug", "paragraph", "text"}, ...], paragraphs counted from 1.
std::string section_hits_json(std::span<const Section> sections, std::span<const SearchHit> hits);

// [{"number", "id", "part": "question" or "answer", "text"}, ...]
std::string question_hits_json(std::span<const Question> questions, std::span<const SearchHit> hits);

// [{"from", "id", "text"}, ...]: aa-search's hits.
std::string placed_hits_json(std::span<const PlacedHit> hits);

}  // namespace aa
