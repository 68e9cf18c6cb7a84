// SPDX-License-Identifier: MIT
#include "aa/cli/guarded_run.hpp"

#include <csignal>
#include <new>
#include <string>

#include "aa/cli/cli.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/passphrase.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {

int run_guarded(std::string_view program, const std::function<int()>& body) {
  fill_closed_standard_descriptors();
  // A closed pipe shows up as EPIPE from write(), which ends us quietly.
  std::signal(SIGPIPE, SIG_IGN);
  // A file past RLIMIT_FSIZE shows up as EFBIG ("File too large"), which
  // is reported as any write error is, rather than ending us unannounced.
  std::signal(SIGXFSZ, SIG_IGN);
  // An encrypted store asks for its passphrase once, when first opened.
  ask_for_passphrase_once();
  try {
    return body();
  } catch (const BrokenPipe&) {
    return 0;
  } catch (const Error& error) {
    return report_failure(program, error);
  } catch (const std::bad_alloc&) {
    report_error(program, "out of memory");
    return exit_status(Problem::internal);
  } catch (const std::exception& error) {
    report_error(program, std::string("internal error: ") + error.what());
    return exit_status(Problem::internal);
  }
}

}  // namespace aa::cli
