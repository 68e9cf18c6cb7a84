// SPDX-License-Identifier: MIT
#include "aa/core/search.hpp"

#include <doctest/doctest.h>

#include "aa/cli/cli.hpp"

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "aa/content/text.hpp"
#include "aa/io/error.hpp"

using aa::ByteRange;
using aa::find_ignoring_case;

namespace {

std::vector<std::string> matched_texts(std::string_view text, std::string_view needle) {
  std::vector<std::string> out;
  for (const ByteRange& range : find_ignoring_case(text, needle)) {
    out.emplace_back(text.substr(range.begin, range.end - range.begin));
  }
  return out;
}

const std::string_view first_paragraphs[] = {"You are not alone.", "Breathe; then ALONE is fine."};
const std::string_view second_paragraphs[] = {"Nothing here.", "- Alone again, alone."};
const aa::Section sections[] = {{"one", "One", first_paragraphs}, {"two", "Two", second_paragraphs}};

// The search as plainly as it can be written: for each form of the needle,
// find it in the folded text, step past a match that cuts a character (or
// runs on into a word when the form must end one), jump past one that does
// not; then take the matches in order, the longer first where two start
// together, leaving out any that overlaps one taken.
std::vector<ByteRange> plain_search(std::string_view text, std::string_view needle) {
  std::vector<ByteRange> found;
  const aa::FoldedText folded = aa::fold_case_mapped(text, aa::Quotes::plain);
  const auto boundary = [&](std::size_t at) {
    return at == 0 || at == folded.folded.size() || folded.origin[at] != folded.origin[at - 1];
  };
  const auto runs_on = [&](std::size_t at) {
    if (at >= folded.folded.size()) return false;
    // Enough for the texts below: ASCII letters and digits, and any valid
    // character beyond ASCII (they are all letters there), run on a word.
    const unsigned char c = static_cast<unsigned char>(folded.folded[at]);
    return std::isalnum(c) != 0 || (c >= 0x80 && aa::decode_utf8(folded.folded, at).codepoint >= 0);
  };
  for (const aa::SearchForm& form : aa::search_forms(needle)) {
    const std::string& folded_needle = form.folded;
    for (std::size_t at = folded.folded.find(folded_needle); at != std::string::npos;
         at = folded.folded.find(folded_needle, at)) {
      const std::size_t end = at + folded_needle.size();
      if (!boundary(at) || !boundary(end) || (form.ends_word && runs_on(end))) {
        ++at;
        continue;
      }
      found.push_back({folded.origin[at], folded.origin[end]});
      at = end;
    }
  }
  std::sort(found.begin(), found.end(), [](const ByteRange& a, const ByteRange& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<ByteRange> out;
  for (const ByteRange& range : found) {
    if (out.empty() || range.begin >= out.back().end) out.push_back(range);
  }
  return out;
}

}  // namespace

TEST_CASE("search finds what the plain way finds, on repetitive and multi-byte text") {
  // Few distinct pieces, so that overlaps, partial matches, matches inside
  // characters and the forms of words ("aby", "abies", "abs") all come up.
  const std::string_view pieces[] = {"a", "A",    "b", "\xc3\xa9", "\xc3\x89", "\xa9", "\xe2\x84\xaa",
                                     "k", "\xff", "y", "ies",      "s",        " ",    "’"};
  std::mt19937 random(2024);
  const auto text_of = [&](std::size_t longest) {
    std::string out;
    const std::size_t count = std::uniform_int_distribution<std::size_t>(0, longest)(random);
    for (std::size_t i = 0; i < count; ++i)
      out += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(random)];
    return out;
  };
  for (int round = 0; round < 3000; ++round) {
    const std::string text = text_of(30);
    const std::string needle = text_of(5);
    CAPTURE(text);
    CAPTURE(needle);
    CHECK(find_ignoring_case(text, needle) == plain_search(text, needle));
  }
}

TEST_CASE("a long needle over long repetitive text is found, or not, correctly") {
  // A text and a needle that agree for a long way before they differ: the
  // worst case for a search that restarts at each byte.
  const std::string text(2'000'000, 'a');
  const std::string near_miss = std::string(100'000, 'A') + "b";
  CHECK(find_ignoring_case(text, near_miss).empty());
  const auto found = find_ignoring_case(text + "b", near_miss);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == ByteRange{1'900'000, 2'000'001});
  CHECK(find_ignoring_case(text, std::string(300'000, 'A')).size() == 6);
}

TEST_CASE("search ignores case and finds every occurrence") {
  CHECK(find_ignoring_case("Hello hello HELLO", "hello") == std::vector<ByteRange>{{0, 5}, {6, 11}, {12, 17}});
  CHECK(find_ignoring_case("Hello", "HELLO") == std::vector<ByteRange>{{0, 5}});
  CHECK(find_ignoring_case("aaaa", "aa") == std::vector<ByteRange>{{0, 2}, {2, 4}});  // no overlaps
  CHECK(find_ignoring_case("abc", "abcd").empty());
  CHECK(find_ignoring_case("abc", "x").empty());
}

TEST_CASE("an empty needle is never found") {
  CHECK(find_ignoring_case("abc", "").empty());
  CHECK(find_ignoring_case("", "").empty());
}

TEST_CASE("search folds case beyond ASCII and returns ranges of the original bytes") {
  CHECK(matched_texts("ÉTÉ and été", "été") == std::vector<std::string>{"ÉTÉ", "été"});
  CHECK(matched_texts("Don’t panic. DON’T.", "don’t") == std::vector<std::string>{"Don’t", "DON’T"});
  // KELVIN SIGN (three bytes) folds to a one-byte 'k': the range must still
  // cover the original three bytes.
  const std::string kelvin =
      "x \xe2\x84\xaa"
      "elvin";
  CHECK(find_ignoring_case(kelvin, "KEL") == std::vector<ByteRange>{{2, 7}});
  CHECK(matched_texts(kelvin, "kelvin") == std::vector<std::string>{"\xe2\x84\xaa"
                                                                    "elvin"});
}

TEST_CASE("typed ASCII quotes find the guide's typographic ones, and the other way round") {
  CHECK(matched_texts("You can’t; ‘quoted’ and “said”.", "can't") == std::vector<std::string>{"can’t"});
  CHECK(matched_texts("You can’t; ‘quoted’ and “said”.", "'quoted'") == std::vector<std::string>{"‘quoted’"});
  CHECK(matched_texts("You can’t; ‘quoted’ and “said”.", "\"said\"") == std::vector<std::string>{"“said”"});
  CHECK(matched_texts("plain can't", "CAN’T") == std::vector<std::string>{"can't"});
}

TEST_CASE("search folds as Unicode does: ß is ss, and an accent may be composed or not") {
  CHECK(matched_texts("Die STRASSE, die Straße", "straße") == std::vector<std::string>{"STRASSE", "Straße"});
  CHECK(matched_texts("caf\xc3\xa9 and cafe\xcc\x81", "CAFÉ") ==
        std::vector<std::string>{"caf\xc3\xa9", "cafe\xcc\x81"});
  // An accented letter is not its bare letter.
  CHECK(find_ignoring_case("cafe\xcc\x81", "cafe").empty());
}

TEST_CASE("search finds the simple forms of a word") {
  const std::string text = "Set boundaries. A boundary holds. Signs, a sign, signals; boxes and a box.";
  CHECK(matched_texts(text, "boundary") == std::vector<std::string>{"boundaries", "boundary"});
  CHECK(matched_texts(text, "Boundaries") == std::vector<std::string>{"boundaries", "boundary"});
  // Another form must end a word: "signs" does not find "signal".
  CHECK(matched_texts(text, "signs") == std::vector<std::string>{"Signs", "sign"});
  // The word as typed still finds every word it starts.
  CHECK(matched_texts(text, "sign") == std::vector<std::string>{"Signs", "sign", "sign"});
  CHECK(matched_texts(text, "box") == std::vector<std::string>{"boxes", "box"});
  CHECK(matched_texts(text, "boxes") == std::vector<std::string>{"boxes", "box"});
  // Every word of a phrase, not only the last.
  CHECK(matched_texts(text, "set boundary") == std::vector<std::string>{"Set boundaries"});
  CHECK(matched_texts(text, "a signs,") == std::vector<std::string>{"a sign,"});
  // Short words are left alone: "is" is not a form of "i".
  CHECK(find_ignoring_case("it is", "iss").empty());
}

TEST_CASE("the forms of a needle: as typed first, then each word's other forms, at most 64") {
  const auto forms = aa::search_forms("Boundary SIGNS");
  std::vector<std::string> texts;
  for (const auto& form : forms) texts.push_back(form.folded);
  CHECK(texts == std::vector<std::string>{"boundary signs", "boundary sign", "boundaries signs", "boundaries sign"});
  CHECK_FALSE(forms[0].ends_word);
  CHECK(forms[1].ends_word);
  CHECK_FALSE(forms[2].ends_word);
  CHECK(forms[3].ends_word);
  CHECK(aa::search_forms("").empty());
  CHECK(aa::search_forms("a b 42").size() == 1);
  // Many words: only as many are varied as keep the forms few.
  std::string many;
  for (int i = 0; i < 40; ++i) many += "word ";
  CHECK(aa::search_forms(many).size() <= 64);
  CHECK(aa::search_forms(many).size() > 1);
}

TEST_CASE("search never matches inside a character") {
  // The last byte of 'é' alone must not be found inside it.
  CHECK(find_ignoring_case("caf\xc3\xa9", "\xa9").empty());
  // Stray bytes in the text are characters of their own and can be found.
  CHECK(find_ignoring_case("a\xff"
                           "b",
                           "\xff"
                           "B") == std::vector<ByteRange>{{1, 3}});
}

TEST_CASE("searching the guide gives each paragraph once, with every match in it") {
  const auto hits = aa::search_sections(sections, "alone");
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].item == 0);
  CHECK(hits[0].part == 0);
  CHECK(hits[1].item == 0);
  CHECK(hits[1].part == 1);
  CHECK(hits[1].text == first_paragraphs[1]);
  CHECK(hits[2].item == 1);
  CHECK(hits[2].part == 1);
  CHECK(hits[2].matches.size() == 2);
}

TEST_CASE("a search with no match is an empty result, the command says so and exits 1") {
  CHECK(aa::search_sections(sections, "absent\n").empty());
  CHECK(aa::search_sections({}, "x").empty());
  const aa::Error none = aa::cli::no_hits("paragraph of the guide", "absent\n");
  CHECK(none.code() == aa::Problem::not_found);
  CHECK(std::string(none.what()) == "no paragraph of the guide contains 'absent\\x0a'");
  CHECK(aa::cli::exit_status(none.code()) == 1);
}

TEST_CASE("questions are searched in the question and in the answer") {
  const aa::Question questions[] = {
      {"first", "Is help weakness?", "No.", {}},
      {"second", "Why?", "Help is strength.", {}},
  };
  const auto hits = aa::search_questions(questions, "HELP");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].item == 0);
  CHECK(hits[0].part == 0);
  CHECK(hits[1].item == 1);
  CHECK(hits[1].part == 1);
  CHECK(aa::search_questions(questions, "zebra").empty());
}

TEST_CASE("tips are searched by their text") {
  const aa::Tip tips[] = {
      {"a", "cat", "what", "Write in your journal."},
      {"b", "cat", "what", "Go for a walk."},
      {"journal", "cat", "what", "Call a friend."},  // the id is not searched
  };
  const auto hits = aa::search_tips(tips, "Journal");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].item == 0);
  CHECK(hits[0].matches == std::vector<ByteRange>{{14, 21}});
}
