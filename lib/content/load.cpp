// SPDX-License-Identifier: MIT
#include "aa/content/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <variant>
#include <vector>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>

#include "aa/content/text.hpp"
#include "aa/content/toml_text.hpp"
#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

namespace aa {
namespace {

// Owns the text of one content file read at run time.
struct Storage {
  std::deque<std::string> strings;
  std::deque<std::vector<std::string_view>> text_lists;
  std::deque<std::vector<HelpLink>> link_lists;
  std::deque<std::vector<ExerciseStep>> step_lists;
  std::vector<Section> sections;
  std::vector<Question> questions;
  std::vector<ChecklistItem> checklist;
  std::vector<Tip> tips;
  std::vector<Prompt> prompts;
  std::vector<Exercise> exercises;
};

bool is_identifier(std::string_view id) {
  // kebab-case: lower-case letters and digits in words joined by single '-'.
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && previous != '-');
    if (!ok) return false;
    previous = c;
  }
  return true;
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

// What a key of a record holds, and so how it is checked.
enum class Value {
  id,             // the record's identifier, unique within the file
  identifier,     // lower-case letters, digits and single hyphens
  text,           // one line of text
  tip_text,       // one line of text, and not only '%'
  texts,          // an array of one-line texts
  section,        // the slug of a section
  sections,       // optional: an array of slugs of sections
  sign,           // optional: the id of a checklist item
  help,           // one or more [[item.help]] tables
  optional_text,  // optional: one line of text
  steps,          // one or more [[exercise.step]] tables
  step_id,        // a step's identifier, unique within its exercise
  step_kind,      // text, scale, choice or paced
  flag,           // optional: true or false
  bound,          // a whole number from -scale_bound to scale_bound
  seconds,        // optional: a whole number of seconds from 1 to 60
};

bool is_optional(Value value) {
  return value == Value::sections || value == Value::sign || value == Value::optional_text || value == Value::flag ||
         value == Value::seconds;
}

// The most a scale may reach either side of zero: room for any honest
// scale, and no number too long to type.
constexpr std::int64_t scale_bound = 1000;
constexpr std::int64_t most_seconds = 60;
// The most steps an exercise and options a choice may have: a screenful.
constexpr std::size_t most_options = 20;

std::optional<StepKind> step_kind_named(std::string_view name) {
  if (name == "text") return StepKind::text;
  if (name == "scale") return StepKind::scale;
  if (name == "choice") return StepKind::choice;
  if (name == "paced") return StepKind::paced;
  return std::nullopt;
}

// One key of a record, and the member of Record it is read into.
template <typename Record>
struct Field {
  std::string_view key;
  Value value;
  std::variant<std::string_view Record::*, TextList Record::*, std::span<const HelpLink> Record::*,
               std::span<const ExerciseStep> Record::*, StepKind Record::*, bool Record::*, std::int64_t Record::*>
      member;
};

// The keys of each kind of record, its id first, in the order they are
// checked: the first problem is the one a load without a problem list
// reports.
constexpr Field<Section> section_fields[] = {
    {"slug", Value::id, &Section::slug},
    {"title", Value::text, &Section::title},
    {"paragraphs", Value::texts, &Section::paragraphs},
};
constexpr Field<Question> question_fields[] = {
    {"id", Value::id, &Question::id},
    {"question", Value::text, &Question::question},
    {"answer", Value::text, &Question::answer},
    {"see", Value::sections, &Question::see},
};
constexpr Field<ChecklistItem> item_fields[] = {
    {"id", Value::id, &ChecklistItem::id},
    {"sign", Value::text, &ChecklistItem::sign},
    {"statement", Value::text, &ChecklistItem::statement},
    {"about", Value::text, &ChecklistItem::about},
    {"help", Value::help, &ChecklistItem::help},
};
constexpr Field<HelpLink> help_fields[] = {
    {"section", Value::section, &HelpLink::section},
    {"point", Value::text, &HelpLink::point},
};
constexpr Field<Tip> tip_fields[] = {
    {"id", Value::id, &Tip::id},
    {"category", Value::identifier, &Tip::category},
    {"section", Value::section, &Tip::section},
    {"text", Value::tip_text, &Tip::text},
};
constexpr Field<Prompt> prompt_fields[] = {
    {"id", Value::id, &Prompt::id},
    {"section", Value::section, &Prompt::section},
    {"sign", Value::sign, &Prompt::sign},
    {"text", Value::text, &Prompt::text},
};

constexpr Field<Exercise> exercise_fields[] = {
    {"id", Value::id, &Exercise::id},
    {"section", Value::section, &Exercise::section},
    {"title", Value::text, &Exercise::title},
    {"about", Value::text, &Exercise::about},
    {"sentence", Value::optional_text, &Exercise::sentence},
    {"closing", Value::optional_text, &Exercise::closing},
    {"step", Value::steps, &Exercise::steps},
};
// The keys of a step, by its kind.
constexpr Field<ExerciseStep> text_step_fields[] = {
    {"id", Value::step_id, &ExerciseStep::id},          {"kind", Value::step_kind, &ExerciseStep::kind},
    {"prompt", Value::text, &ExerciseStep::prompt},     {"help", Value::optional_text, &ExerciseStep::help},
    {"optional", Value::flag, &ExerciseStep::optional},
};
constexpr Field<ExerciseStep> scale_step_fields[] = {
    {"id", Value::step_id, &ExerciseStep::id},      {"kind", Value::step_kind, &ExerciseStep::kind},
    {"prompt", Value::text, &ExerciseStep::prompt}, {"help", Value::optional_text, &ExerciseStep::help},
    {"min", Value::bound, &ExerciseStep::min},      {"max", Value::bound, &ExerciseStep::max},
    {"low", Value::text, &ExerciseStep::low},       {"high", Value::text, &ExerciseStep::high},
};
constexpr Field<ExerciseStep> choice_step_fields[] = {
    {"id", Value::step_id, &ExerciseStep::id},         {"kind", Value::step_kind, &ExerciseStep::kind},
    {"prompt", Value::text, &ExerciseStep::prompt},    {"help", Value::optional_text, &ExerciseStep::help},
    {"options", Value::texts, &ExerciseStep::options},
};
constexpr Field<ExerciseStep> paced_step_fields[] = {
    {"id", Value::step_id, &ExerciseStep::id},      {"kind", Value::step_kind, &ExerciseStep::kind},
    {"prompt", Value::text, &ExerciseStep::prompt}, {"help", Value::optional_text, &ExerciseStep::help},
    {"lines", Value::texts, &ExerciseStep::lines},  {"pause", Value::seconds, &ExerciseStep::pause},
};

// Thrown by Reader::fail() once a problem is in the list, to skip what
// depended on the value; caught by Reader::attempt().
struct Skipped {};

// Reads the records of one file, with every error located in the file.
// Without a problem list, the first problem throws Error(Problem::data);
// with one, each problem is added to it and the reader goes on with the
// next value (attempt()), so that one run finds them all.
class Reader {
 public:
  Reader(std::string_view path, Storage& store, const Content& content, ContentProblems* problems)
      : path_(path), store_(store), content_(content), problems_(problems) {}

  // Every [[kind]] table of the file, read as a Record.
  template <typename Record, std::size_t size>
  void read_all(const toml::table& root, std::string_view kind, const Field<Record> (&fields)[size],
                std::vector<Record>& records) {
    const toml::array& tables = top_level(root, kind);
    // Room for them all at once: a file of 50,000 tips loads a tenth faster.
    records.reserve(records.size() + tables.size());
    seen_ids_.reserve(seen_ids_.size() + tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) {
      if (!tables[i].is_table()) continue;  // a problem top_level() has listed
      const toml::table& table = *tables[i].as_table();
      const std::string what = describe(kind, i, table, fields[0].key);
      records.push_back(read(table, kind, what, fields));
      if constexpr (std::is_same_v<Record, Exercise>) {
        attempt([&] { check_sentence(records.back(), table, what); });
      }
    }
  }

 private:
  [[noreturn]] void fail(const toml::source_position& at, const std::string& message) const {
    ContentProblem problem{std::string(path_), at.line, at.column, message};
    if (!problems_) throw Error(Problem::data, located(problem));
    problems_->push_back(std::move(problem));
    throw Skipped{};
  }
  [[noreturn]] void fail(const toml::node& at, const std::string& message) const { fail(at.source().begin, message); }

  // Runs `step`; a problem in it ends the step, not the file, when problems
  // are collected.
  template <typename Step>
  void attempt(Step&& step) const {
    try {
      step();
    } catch (const Skipped&) {
    }
  }

  // The array of tables `[[key]]` at the top of the file; nothing else may be there.
  const toml::array& top_level(const toml::table& root, std::string_view key) const {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
    for (auto&& entry : root) {
      const toml::key& name = entry.first;
      attempt([&] {
        if (name.str() != key) {
          fail(name.source().begin,
               fmt::format("unknown top-level key '{}'; this file holds [[{}]] tables", printable(name.str()), key));
        }
      });
    }
    const toml::node* node = root.get(key);
    const toml::array* array = node ? node->as_array() : nullptr;
    if (!array || array->empty()) fail(toml::source_position{1, 1}, fmt::format("no [[{}]] tables", key));
    for (const toml::node& element : *array) {
      attempt([&] {
        if (!element.is_table())
          fail(element, fmt::format("each '{}' must be a table, not {}", key, type_name(element)));
      });
    }
    return *array;
  }

  // "tip 'breathe'", or "tip 3" when the id cannot name it.
  static std::string describe(std::string_view kind, std::size_t index, const toml::table& table,
                              std::string_view id_key) {
    const toml::node* id = table.get(id_key);
    if (id && id->is_string() && !id->as_string()->get().empty()) {
      return fmt::format("{} '{}'", kind, printable(id->as_string()->get()));
    }
    return fmt::format("{} {}", kind, index + 1);
  }

  // `table` as a Record, `what` naming it in messages. Each key is read on
  // its own, so that one problem does not hide the next.
  template <typename Record, std::size_t size>
  Record read(const toml::table& table, std::string_view kind, const std::string& what,
              const Field<Record> (&fields)[size]) {
    for (auto&& entry : table) {
      const toml::key& name = entry.first;
      const bool known = std::any_of(std::begin(fields), std::end(fields),
                                     [&](const Field<Record>& field) { return field.key == name.str(); });
      attempt([&] {
        if (!known) fail(name.source().begin, fmt::format("{} has unknown key '{}'", what, printable(name.str())));
      });
    }
    Record record{};
    for (const Field<Record>& field : fields) {
      const toml::node* node = table.get(field.key);
      if (!node && is_optional(field.value)) continue;
      attempt([&] {
        if (!node) fail(table, fmt::format("{} has no '{}'", what, field.key));
        if constexpr (std::is_same_v<Record, Tip>) {
          if (field.value == Value::id) record.origin = {path_, node->source().begin.line, node->source().begin.column};
        }
        std::visit([&](auto member) { read_value(*node, kind, what, field, record.*member); }, field.member);
      });
    }
    return record;
  }

  // One or more [[exercise.step]] tables, each read with the keys of its
  // kind; step ids are unique within the exercise.
  template <typename Record>
  void read_value(const toml::node& node, std::string_view, const std::string& what, const Field<Record>&,
                  std::span<const ExerciseStep>& into) {
    const toml::array* steps = node.as_array();
    if (!steps || steps->empty() || !steps->is_array_of_tables()) {
      fail(node, fmt::format("{}: 'step' must be one or more [[exercise.step]] tables", what));
    }
    std::vector<ExerciseStep>& list = store_.step_lists.emplace_back();
    step_ids_.clear();
    for (std::size_t i = 0; i < steps->size(); ++i) {
      const toml::table& table = *(*steps)[i].as_table();
      attempt([&] { list.push_back(read_step(table, what + " " + describe("step", i, table, "id"))); });
    }
    into = list;
  }

  ExerciseStep read_step(const toml::table& table, const std::string& what) {
    const toml::node* kind = table.get("kind");
    if (!kind) fail(table, fmt::format("{} has no 'kind' (text, scale, choice or paced)", what));
    StepKind step_kind = StepKind::text;
    read_value(*kind, "step", what, text_step_fields[1], step_kind);
    ExerciseStep step;
    switch (step_kind) {
      case StepKind::text: step = read(table, "step", what, text_step_fields); break;
      case StepKind::scale: step = read(table, "step", what, scale_step_fields); break;
      case StepKind::choice: step = read(table, "step", what, choice_step_fields); break;
      case StepKind::paced: step = read(table, "step", what, paced_step_fields); break;
    }
    step.kind = step_kind;
    attempt([&] {
      if (step_kind == StepKind::scale && table.get("min") && table.get("max") && step.min >= step.max) {
        fail(*table.get("max"), fmt::format("{}: 'max' must be more than 'min'", what));
      }
    });
    attempt([&] {
      if (step_kind != StepKind::choice || step.options.empty()) return;
      const toml::node& options = *table.get("options");
      if (step.options.size() < 2 || step.options.size() > most_options) {
        fail(options, fmt::format("{}: 'options' must hold 2 to {} choices", what, most_options));
      }
      for (std::size_t i = 0; i < step.options.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (!step.options[i].empty() && step.options[i] == step.options[j]) {
            fail(options, fmt::format("{}: the option '{}' is there twice", what, printable(step.options[i])));
          }
        }
      }
    });
    return step;
  }

  // Every {step-id} of the sentence names a text or choice step that is
  // always answered, so that the sentence is whole.
  void check_sentence(const Exercise& exercise, const toml::table& table, const std::string& what) const {
    if (exercise.sentence.empty()) return;
    const toml::node& node = *table.get("sentence");
    std::string_view rest = exercise.sentence;
    while (!rest.empty()) {
      const std::size_t open = rest.find_first_of("{}");
      if (open == std::string_view::npos) break;
      const std::size_t close = rest.find('}', open);
      if (rest[open] == '}' || close == std::string_view::npos) {
        fail(node, fmt::format("{}: 'sentence' has a '{{' or '}}' that is not around a step id", what));
      }
      const std::string_view id = rest.substr(open + 1, close - open - 1);
      const auto step =
          std::find_if(exercise.steps.begin(), exercise.steps.end(), [&](const ExerciseStep& s) { return s.id == id; });
      if (step == exercise.steps.end()) {
        fail(node, fmt::format("{}: 'sentence' names '{}', which is not one of its steps", what, printable(id)));
      }
      if (step->kind == StepKind::paced || step->kind == StepKind::scale ||
          (step->kind == StepKind::text && step->optional)) {
        fail(node, fmt::format("{}: 'sentence' names step '{}', which must be a text step that is not optional, "
                               "or a choice",
                               what, printable(id)));
      }
      rest.remove_prefix(close + 1);
    }
  }

  template <typename Record>
  void read_value(const toml::node& node, std::string_view, const std::string& what, const Field<Record>& field,
                  StepKind& into) {
    const std::string_view name = one_line(node, what, field.key);
    const auto kind = step_kind_named(name);
    if (!kind) {
      fail(node, fmt::format("{}: 'kind' must be text, scale, choice or paced, not '{}'", what, printable(name)));
    }
    into = *kind;
  }

  template <typename Record>
  void read_value(const toml::node& node, std::string_view, const std::string& what, const Field<Record>& field,
                  bool& into) {
    const auto* value = node.as_boolean();
    if (!value) fail(node, fmt::format("{}: '{}' must be true or false, not {}", what, field.key, type_name(node)));
    into = value->get();
  }

  template <typename Record>
  void read_value(const toml::node& node, std::string_view, const std::string& what, const Field<Record>& field,
                  std::int64_t& into) {
    const std::int64_t low = field.value == Value::seconds ? 1 : -scale_bound;
    const std::int64_t high = field.value == Value::seconds ? most_seconds : scale_bound;
    const auto* value = node.as_integer();
    if (!value || value->get() < low || value->get() > high) {
      fail(node, fmt::format("{}: '{}' must be a whole number from {} to {}", what, field.key, low, high));
    }
    into = value->get();
  }

  // A text, checked as `field` says; `into` is left as it was on a problem.
  template <typename Record>
  void read_value(const toml::node& node, std::string_view kind, const std::string& what, const Field<Record>& field,
                  std::string_view& into) {
    const std::string_view text = one_line(node, what, field.key);
    const Value value = field.value;
    if ((value == Value::id || value == Value::identifier) && !is_identifier(text)) {
      fail(node,
           fmt::format("{} '{}' must be lower-case letters, digits and single hyphens", field.key, printable(text)));
    }
    if (value == Value::step_id) {
      if (!is_identifier(text)) {
        fail(node,
             fmt::format("{}: id '{}' must be lower-case letters, digits and single hyphens", what, printable(text)));
      }
      const auto [first, inserted] = step_ids_.try_emplace(text, node.source().begin);
      if (!inserted) fail(node, fmt::format("{}: duplicate step id (first at line {})", what, first->second.line));
    }
    if (value == Value::id) {
      const auto [first, inserted] = seen_ids_.try_emplace(text, node.source().begin);
      if (!inserted) {
        fail(node, fmt::format("duplicate {} {} '{}' (first at line {})", kind, field.key, text, first->second.line));
      }
    }
    // A tip is also an entry of a fortune file, where a line of only '%'
    // would end the entry.
    if (value == Value::tip_text && text == "%") {
      fail(node, fmt::format("{}: 'text' is only '%', which ends an entry of a fortune file", what));
    }
    if ((value == Value::section || value == Value::sections) && !find_section(content_, text)) {
      fail(node, fmt::format("{} refers to unknown section '{}'", what, printable(text)));
    }
    if (value == Value::sign && !find_checklist_item(content_, text)) {
      fail(node, fmt::format("{} refers to unknown sign '{}' (the signs are the ids in checklist.toml)", what,
                             printable(text)));
    }
    into = text;
  }

  // An array of one-line texts, or of slugs of sections.
  template <typename Record>
  void read_value(const toml::node& node, std::string_view kind, const std::string& what, const Field<Record>& field,
                  TextList& into) {
    const toml::array* array = node.as_array();
    if (!array) {
      fail(node, fmt::format("{}: '{}' must be an array of strings, not {}", what, field.key, type_name(node)));
    }
    if (array->empty()) fail(node, fmt::format("{}: '{}' is empty", what, field.key));
    std::vector<std::string_view>& list = store_.text_lists.emplace_back();
    for (const toml::node& element : *array) {
      std::string_view text;
      attempt([&] { text = one_line(element, what, field.key); });
      list.push_back(text);
    }
    into = list;
    if (field.value != Value::sections) return;
    for (const toml::node& element : *array) {
      std::string_view slug;
      // A slug that is not even text is a problem listed above.
      if (element.is_string()) attempt([&] { read_value(element, kind, what, field, slug); });
    }
  }

  template <typename Record>
  void read_value(const toml::node& node, std::string_view, const std::string& what, const Field<Record>&,
                  std::span<const HelpLink>& into) {
    const toml::array* links = node.as_array();
    if (!links || links->empty() || !links->is_array_of_tables()) {
      fail(node, fmt::format("{}: 'help' must be one or more [[item.help]] tables", what));
    }
    std::vector<HelpLink>& list = store_.link_lists.emplace_back();
    for (const toml::node& link : *links) list.push_back(read(*link.as_table(), "help", what + " help", help_fields));
    into = list;
  }

  // A one-line, non-empty string.
  std::string_view one_line(const toml::node& node, const std::string& what, std::string_view key) const {
    const auto* value = node.as_string();
    if (!value) fail(node, fmt::format("{}: '{}' must be a string, not {}", what, key, type_name(node)));
    const std::string& text = value->get();
    // Refused here is exactly what terminal_safe() escapes in a message, so
    // content reaches a terminal as it is, in every format.
    if (const std::size_t at = find_terminal_control(text); at != std::string::npos) {
      const std::int32_t control = decode_utf8(text, at).codepoint;
      if (control == '\n' || control == '\r' || control == 0x2028 || control == 0x2029) {
        fail(node, fmt::format("{}: '{}' must be one line (write each paragraph as its own string)", what, key));
      }
      fail(node, fmt::format("{}: '{}' has the control character U+{:04X}, which a terminal would act on", what, key,
                             control));
    }
    // Nothing shows: U+200B ZERO WIDTH SPACE is as empty as "".
    if (!has_visible_character(text)) fail(node, fmt::format("{}: '{}' is empty", what, key));
    if (starts_or_ends_with_space(text)) fail(node, fmt::format("{}: '{}' has leading or trailing spaces", what, key));
    return store_.strings.emplace_back(text);
  }

  std::string_view path_;
  Storage& store_;
  const Content& content_;
  ContentProblems* problems_;
  // Where each id of the file was first given. A hash map keeps the check
  // linear: a file with tens of thousands of tips loads in a blink.
  std::unordered_map<std::string_view, toml::source_position> seen_ids_;
  // The step ids of the exercise being read.
  std::unordered_map<std::string_view, toml::source_position> step_ids_;
};

void read_records(Reader& reader, const toml::table& root, ContentKind kind, Storage& store) {
  switch (kind) {
    case ContentKind::sections: return reader.read_all(root, "section", section_fields, store.sections);
    case ContentKind::faq: return reader.read_all(root, "question", question_fields, store.questions);
    case ContentKind::checklist: return reader.read_all(root, "item", item_fields, store.checklist);
    case ContentKind::tips: return reader.read_all(root, "tip", tip_fields, store.tips);
    case ContentKind::prompts: return reader.read_all(root, "prompt", prompt_fields, store.prompts);
    case ContentKind::exercises: return reader.read_all(root, "exercise", exercise_fields, store.exercises);
  }
}

std::string read_file(const std::filesystem::path& path) {
  auto text = read_regular_file(path, content_file_limit);
  if (!text) throw Error(Problem::io, fmt::format("cannot read {}: {}", path.string(), std::strerror(ENOENT)));
  return std::move(*text);
}

// Sections first, then the checklist: the others refer to them.
constexpr ContentKind all_kinds[] = {ContentKind::sections, ContentKind::faq,     ContentKind::checklist,
                                     ContentKind::tips,     ContentKind::prompts, ContentKind::exercises};

}  // namespace

std::span<const ContentKind> content_kinds() { return all_kinds; }

std::string located(const ContentProblem& problem) {
  if (problem.line == 0) return fmt::format("{}: {}", terminal_safe(problem.file), problem.message);
  return fmt::format("{}:{}:{}: {}", terminal_safe(problem.file), problem.line, problem.column, problem.message);
}

std::string_view content_file_name(ContentKind kind) {
  switch (kind) {
    case ContentKind::sections: return "sections.toml";
    case ContentKind::faq: return "faq.toml";
    case ContentKind::checklist: return "checklist.toml";
    case ContentKind::tips: return "tips.toml";
    case ContentKind::prompts: return "prompts.toml";
    case ContentKind::exercises: return "exercises.toml";
  }
  return "";
}

void load_content_text(Content& content, ContentKind kind, std::string_view toml_text, std::string_view path,
                       ContentProblems* problems) {
  auto parsed = parse_toml_or_error(toml_text, path);
  if (const auto* error = std::get_if<TomlSyntaxError>(&parsed)) {
    ContentProblem problem{std::string(path), error->line, error->column, error->description};
    if (!problems) throw Error(Problem::data, located(problem));
    problems->push_back(std::move(problem));
    return;
  }
  const toml::table& root = std::get<toml::table>(parsed);
  auto store = std::make_shared<Storage>();
  // The path outlives this call in the tips' origins.
  Reader reader(store->strings.emplace_back(path), *store, content, problems);
  const std::size_t first_problem = problems ? problems->size() : 0;
  try {
    read_records(reader, root, kind, *store);
  } catch (const Skipped&) {
    // The file holds no records to read: its one problem is listed.
  }
  if (problems) {
    // In the order of the file, as a compiler lists them.
    std::stable_sort(problems->begin() + static_cast<std::ptrdiff_t>(first_problem), problems->end(),
                     [](const ContentProblem& a, const ContentProblem& b) {
                       return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
  }
  switch (kind) {
    case ContentKind::sections: content.sections = store->sections; break;
    case ContentKind::faq: content.questions = store->questions; break;
    case ContentKind::checklist: content.checklist = store->checklist; break;
    case ContentKind::tips: content.tips = store->tips; break;
    case ContentKind::prompts: content.prompts = store->prompts; break;
    case ContentKind::exercises: content.exercises = store->exercises; break;
  }
  content.storage.push_back(std::move(store));
}

void load_content_file(Content& content, ContentKind kind, const std::filesystem::path& path) {
  const std::string text = read_file(path);
  load_content_text(content, kind, text, path.string());
}

namespace {

// Every reference in `from` (a tip's or a prompt's section, a checklist
// link, a question's `see`, a prompt's sign) against the sections and the
// checklist of `to`.
void check_references_to(const Content& from, const Content& to, ContentProblems* problems) {
  auto report = [&](std::string_view file, std::string message) {
    ContentProblem problem{std::string(file), 0, 0, std::move(message)};
    if (!problems) throw Error(Problem::data, located(problem));
    problems->push_back(std::move(problem));
  };
  auto check = [&](std::string_view file, std::string_view what, std::string_view id, std::string_view slug) {
    // An empty slug is one a collecting load could not read, and has listed.
    if (slug.empty() || find_section(to, slug)) return;
    report(file, fmt::format("{} '{}' refers to section '{}', which sections.toml does not have", what, printable(id),
                             printable(slug)));
  };
  for (const Tip& tip : from.tips) check("tips.toml", "tip", tip.id, tip.section);
  for (const ChecklistItem& item : from.checklist) {
    for (const HelpLink& link : item.help) check("checklist.toml", "item", item.id, link.section);
  }
  for (const Question& question : from.questions) {
    for (std::string_view slug : question.see) check("faq.toml", "question", question.id, slug);
  }
  for (const Prompt& prompt : from.prompts) {
    check("prompts.toml", "prompt", prompt.id, prompt.section);
    if (!prompt.sign.empty() && !find_checklist_item(to, prompt.sign)) {
      report("prompts.toml", fmt::format("prompt '{}' refers to sign '{}', which checklist.toml does not have",
                                         printable(prompt.id), printable(prompt.sign)));
    }
  }
  for (const Exercise& exercise : from.exercises) check("exercises.toml", "exercise", exercise.id, exercise.section);
}

}  // namespace

Content overlay_content_dir(const Content& base, const std::filesystem::path& dir, ContentProblems* problems) {
  // O_PATH: the files are looked up in the folder, which need not be listable.
  const int opened = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (opened < 0) {
    const int error = errno;
    // A name that leads nowhere is a mistake in the command line.
    if (error == ENOENT)
      throw Error(Problem::usage, fmt::format("content directory '{}': no such directory", dir.string()));
    if (error == ENOTDIR)
      throw Error(Problem::usage, fmt::format("content directory '{}': not a directory", dir.string()));
    throw Error(Problem::io, fmt::format("cannot read content directory '{}': {}", dir.string(), std::strerror(error)));
  }
  const FileDescriptor folder(opened);
  // A folder we may not search would look empty: say so, rather than
  // quietly showing the built-in content instead.
  struct stat status {};
  if (::fstatat(folder.get(), ".", &status, 0) != 0) {
    throw Error(Problem::io, fmt::format("cannot read content directory '{}': {}", dir.string(), std::strerror(errno)));
  }
  Content content = base;
  // The files of `base` that stay, whose references the new sections must
  // keep: those read from `dir` had theirs checked, with their places.
  Content kept = base;
  for (ContentKind kind : all_kinds) {  // sections first: the others refer to them
    const std::string_view name = content_file_name(kind);
    const std::filesystem::path path = dir / name;
    if (const auto text = read_regular_file_at(folder.get(), name, content_file_limit, path)) {
      load_content_text(content, kind, *text, path.string(), problems);
      if (kind == ContentKind::faq) kept.questions = {};
      if (kind == ContentKind::checklist) kept.checklist = {};
      if (kind == ContentKind::tips) kept.tips = {};
      if (kind == ContentKind::prompts) kept.prompts = {};
      if (kind == ContentKind::exercises) kept.exercises = {};
    }
  }
  check_references_to(kept, content, problems);
  return content;
}

void check_references(const Content& content, ContentProblems* problems) {
  check_references_to(content, content, problems);
}

}  // namespace aa
