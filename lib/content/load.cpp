// SPDX-License-Identifier: MIT
#include "aa/content/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <initializer_list>
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
  std::vector<Section> sections;
  std::vector<Question> questions;
  std::vector<ChecklistItem> checklist;
  std::vector<Tip> tips;
  std::vector<Prompt> prompts;
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

  std::string_view path() const { return path_; }

  // The array of tables `[[key]]` at the top of the file; nothing else may be there.
  const toml::array& records(const toml::table& root, std::string_view key) const {
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

  // `what` names the record in messages: "tip 'breathe'" or "tip 3".
  void only_keys(const toml::table& table, const std::string& what,
                 std::initializer_list<std::string_view> allowed) const {
    for (auto&& entry : table) {
      const toml::key& name = entry.first;
      bool known = false;
      for (std::string_view key : allowed) known = known || name.str() == key;
      attempt([&] {
        if (!known) fail(name.source().begin, fmt::format("{} has unknown key '{}'", what, printable(name.str())));
      });
    }
  }

  const toml::node& required(const toml::table& table, const std::string& what, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (!node) fail(table, fmt::format("{} has no '{}'", what, key));
    return *node;
  }

  // A required one-line, non-empty string.
  std::string_view text(const toml::table& table, const std::string& what, std::string_view key) const {
    return text_value(required(table, what, key), what, key);
  }

  std::string_view identifier(const toml::table& table, const std::string& what, std::string_view key) const {
    const toml::node& node = required(table, what, key);
    std::string_view id = text_value(node, what, key);
    if (!is_identifier(id)) {
      fail(node, fmt::format("{} '{}' must be lower-case letters, digits and single hyphens", key, printable(id)));
    }
    return id;
  }

  // A required non-empty array of one-line strings.
  TextList text_list(const toml::table& table, const std::string& what, std::string_view key) const {
    const toml::node& node = required(table, what, key);
    const toml::array* array = node.as_array();
    if (!array) fail(node, fmt::format("{}: '{}' must be an array of strings, not {}", what, key, type_name(node)));
    if (array->empty()) fail(node, fmt::format("{}: '{}' is empty", what, key));
    std::vector<std::string_view>& list = store_.text_lists.emplace_back();
    for (const toml::node& element : *array) {
      std::string_view text;
      attempt([&] { text = text_value(element, what, key); });
      list.push_back(text);
    }
    return list;
  }

  // A reference to a section must name one that exists.
  std::string_view section_ref(const toml::node& node, const std::string& what, std::string_view key) const {
    std::string_view slug = text_value(node, what, key);
    if (!find_section(content_, slug)) {
      fail(node, fmt::format("{} refers to unknown section '{}'", what, printable(slug)));
    }
    return slug;
  }

  // Where each id of a file was first given. A hash map keeps the check
  // linear: a file with tens of thousands of tips loads in a blink.
  using SeenIds = std::unordered_map<std::string_view, toml::source_position>;

  // Ids must be unique within a file.
  void unique(SeenIds& seen, std::string_view id, const toml::node& at, std::string_view kind) const {
    const auto [first, inserted] = seen.try_emplace(id, at.source().begin);
    if (!inserted) fail(at, fmt::format("duplicate {} '{}' (first at line {})", kind, id, first->second.line));
  }

  // A tip's text, which is also an entry of a fortune file: a line of only
  // '%' would end the entry there.
  std::string_view tip_text(const toml::table& table, const std::string& what) const {
    const std::string_view tip = text(table, what, "text");
    if (tip == "%") {
      fail(*table.get("text"), fmt::format("{}: 'text' is only '%', which ends an entry of a fortune file", what));
    }
    return tip;
  }

  // A reference to a sign must name a checklist item that exists.
  std::string_view sign_ref(const toml::node& node, const std::string& what, std::string_view key) const {
    std::string_view id = text_value(node, what, key);
    if (!find_checklist_item(content_, id)) {
      fail(node, fmt::format("{} refers to unknown sign '{}' (the signs are the ids in checklist.toml)", what,
                             printable(id)));
    }
    return id;
  }

  std::string_view keep(std::string_view text) const { return store_.strings.emplace_back(text); }

 private:
  std::string_view text_value(const toml::node& node, const std::string& what, std::string_view key) const {
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
    if (!has_visible_character(text)) {
      fail(node, fmt::format("{}: '{}' is empty", what, key));
    }
    if (starts_or_ends_with_space(text)) {
      fail(node, fmt::format("{}: '{}' has leading or trailing spaces", what, key));
    }
    return keep(text);
  }

  std::string_view path_;
  Storage& store_;
  const Content& content_;
  ContentProblems* problems_;
};

std::string describe(std::string_view kind, std::size_t index, const toml::table& table, std::string_view id_key) {
  const toml::node* id = table.get(id_key);
  if (id && id->is_string() && !id->as_string()->get().empty()) {
    return fmt::format("{} '{}'", kind, printable(id->as_string()->get()));
  }
  return fmt::format("{} {}", kind, index + 1);
}

void read_sections(const Reader& reader, const toml::table& root, Storage& store) {
  Reader::SeenIds seen;
  const toml::array& records = reader.records(root, "section");
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!records[i].is_table()) continue;  // a problem records() has listed
    const toml::table& table = *records[i].as_table();
    const std::string what = describe("section", i, table, "slug");
    reader.only_keys(table, what, {"slug", "title", "paragraphs"});
    Section section;
    reader.attempt([&] {
      section.slug = reader.identifier(table, what, "slug");
      reader.unique(seen, section.slug, *table.get("slug"), "section slug");
    });
    reader.attempt([&] { section.title = reader.text(table, what, "title"); });
    reader.attempt([&] { section.paragraphs = reader.text_list(table, what, "paragraphs"); });
    store.sections.push_back(section);
  }
}

void read_faq(const Reader& reader, const toml::table& root, Storage& store) {
  Reader::SeenIds seen;
  const toml::array& records = reader.records(root, "question");
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!records[i].is_table()) continue;  // a problem records() has listed
    const toml::table& table = *records[i].as_table();
    const std::string what = describe("question", i, table, "id");
    reader.only_keys(table, what, {"id", "question", "answer", "see"});
    Question question;
    reader.attempt([&] {
      question.id = reader.identifier(table, what, "id");
      reader.unique(seen, question.id, *table.get("id"), "question id");
    });
    reader.attempt([&] { question.question = reader.text(table, what, "question"); });
    reader.attempt([&] { question.answer = reader.text(table, what, "answer"); });
    if (table.get("see")) {
      reader.attempt([&] {
        question.see = reader.text_list(table, what, "see");
        for (const toml::node& slug : *table.get("see")->as_array()) {
          // A slug that is not even text is a problem text_list() has listed.
          if (slug.is_string()) reader.attempt([&] { reader.section_ref(slug, what, "see"); });
        }
      });
    }
    store.questions.push_back(question);
  }
}

void read_checklist(const Reader& reader, const toml::table& root, Storage& store) {
  Reader::SeenIds seen;
  const toml::array& records = reader.records(root, "item");
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!records[i].is_table()) continue;  // a problem records() has listed
    const toml::table& table = *records[i].as_table();
    const std::string what = describe("item", i, table, "id");
    reader.only_keys(table, what, {"id", "sign", "statement", "about", "help"});
    ChecklistItem item;
    reader.attempt([&] {
      item.id = reader.identifier(table, what, "id");
      reader.unique(seen, item.id, *table.get("id"), "item id");
    });
    reader.attempt([&] { item.sign = reader.text(table, what, "sign"); });
    reader.attempt([&] { item.statement = reader.text(table, what, "statement"); });
    reader.attempt([&] { item.about = reader.text(table, what, "about"); });
    reader.attempt([&] {
      const toml::node& help = reader.required(table, what, "help");
      const toml::array* links = help.as_array();
      if (!links || links->empty() || !links->is_array_of_tables()) {
        reader.fail(help, fmt::format("{}: 'help' must be one or more [[item.help]] tables", what));
      }
      std::vector<HelpLink>& list = store.link_lists.emplace_back();
      for (const toml::node& node : *links) {
        const toml::table& link = *node.as_table();
        const std::string link_what = what + " help";
        reader.only_keys(link, link_what, {"section", "point"});
        HelpLink help_link;
        reader.attempt([&] {
          help_link.section = reader.section_ref(reader.required(link, link_what, "section"), link_what, "section");
        });
        reader.attempt([&] { help_link.point = reader.text(link, link_what, "point"); });
        list.push_back(help_link);
      }
      item.help = list;
    });
    store.checklist.push_back(item);
  }
}

void read_tips(const Reader& reader, const toml::table& root, Storage& store) {
  Reader::SeenIds seen;
  const toml::array& records = reader.records(root, "tip");
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!records[i].is_table()) continue;  // a problem records() has listed
    const toml::table& table = *records[i].as_table();
    const std::string what = describe("tip", i, table, "id");
    reader.only_keys(table, what, {"id", "category", "section", "text"});
    Tip tip;
    reader.attempt([&] {
      const toml::node& id = reader.required(table, what, "id");
      tip.origin = {reader.path(), id.source().begin.line, id.source().begin.column};
      tip.id = reader.identifier(table, what, "id");
      reader.unique(seen, tip.id, id, "tip id");
    });
    reader.attempt([&] { tip.category = reader.identifier(table, what, "category"); });
    reader.attempt([&] { tip.section = reader.section_ref(reader.required(table, what, "section"), what, "section"); });
    reader.attempt([&] { tip.text = reader.tip_text(table, what); });
    store.tips.push_back(tip);
  }
}

void read_prompts(const Reader& reader, const toml::table& root, Storage& store) {
  Reader::SeenIds seen;
  const toml::array& records = reader.records(root, "prompt");
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!records[i].is_table()) continue;  // a problem records() has listed
    const toml::table& table = *records[i].as_table();
    const std::string what = describe("prompt", i, table, "id");
    reader.only_keys(table, what, {"id", "section", "sign", "text"});
    Prompt prompt;
    reader.attempt([&] {
      const toml::node& id = reader.required(table, what, "id");
      prompt.id = reader.identifier(table, what, "id");
      reader.unique(seen, prompt.id, id, "prompt id");
    });
    reader.attempt(
        [&] { prompt.section = reader.section_ref(reader.required(table, what, "section"), what, "section"); });
    if (const toml::node* sign = table.get("sign")) {
      reader.attempt([&] { prompt.sign = reader.sign_ref(*sign, what, "sign"); });
    }
    reader.attempt([&] { prompt.text = reader.text(table, what, "text"); });
    store.prompts.push_back(prompt);
  }
}

void read_records(const Reader& reader, const toml::table& root, ContentKind kind, Storage& store) {
  switch (kind) {
    case ContentKind::sections: return read_sections(reader, root, store);
    case ContentKind::faq: return read_faq(reader, root, store);
    case ContentKind::checklist: return read_checklist(reader, root, store);
    case ContentKind::tips: return read_tips(reader, root, store);
    case ContentKind::prompts: return read_prompts(reader, root, store);
  }
}

std::string read_file(const std::filesystem::path& path) {
  auto text = read_regular_file(path, content_file_limit);
  if (!text) throw Error(Problem::io, fmt::format("cannot read {}: {}", path.string(), std::strerror(ENOENT)));
  return std::move(*text);
}

// Sections first, then the checklist: the others refer to them.
constexpr ContentKind all_kinds[] = {ContentKind::sections, ContentKind::faq, ContentKind::checklist, ContentKind::tips,
                                     ContentKind::prompts};

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
  const Reader reader(store->strings.emplace_back(path), *store, content, problems);
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
    }
  }
  check_references_to(kept, content, problems);
  return content;
}

void check_references(const Content& content, ContentProblems* problems) {
  check_references_to(content, content, problems);
}

}  // namespace aa
