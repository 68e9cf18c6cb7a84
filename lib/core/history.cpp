#include "aa/history.hpp"

#include "aa/check_json.hpp"
#include "aa/error.hpp"
#include "aa/line_store.hpp"

namespace aa {

std::filesystem::path history_file_in(const std::filesystem::path& data_dir) {
  return data_dir / "aa" / "checks.jsonl";
}

namespace {

LineStore history_store(const std::filesystem::path& file) { return {file, history_file_limit}; }

}  // namespace

void append_to_history(const std::filesystem::path& file, const CheckRecord& record, const LockWaitNotice& on_wait) {
  append_line(history_store(file), check_json_line(record), "save your result to", on_wait);
}

History parse_history(std::string_view text) {
  History history;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      history.records.push_back(parse_check_json(line));
    } catch (const Error& error) {
      history.problems.push_back({line_number, error.what()});
    }
  }
  return history;
}

History read_history(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  return parse_history(read_store(history_store(file), on_wait));
}

bool forget_history(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  return forget_store(history_store(file), "delete", on_wait);
}

}  // namespace aa
