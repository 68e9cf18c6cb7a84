// SPDX-License-Identifier: MIT
// Where the passphrase of the encrypted stores comes from, in this order:
// 1. AA_PASSPHRASE_FD: one line read from that open file descriptor;
// 2. AA_PASSPHRASE_COMMAND: the first line a command prints (run by
//    `sh -c`; for pass, secret-tool and the like);
// 3. the terminal, /dev/tty, with echo off.
// Never a variable that holds it, never a keyring that answers silently.
// From the moment one is read, the process leaves no core dump and cannot
// be traced by the user's other processes (hide_from_core_dumps()).
// Every failure is Error(Problem::passphrase), but a malformed
// AA_PASSPHRASE_FD, which is Error(Problem::usage).
#pragma once

#include <cstddef>

#include "aa/io/secret.hpp"

namespace aa::cli {

// The longest passphrase read; a terminal hands over at most 4095 bytes.
inline constexpr std::size_t passphrase_limit = 64 * 1024;

// The passphrase, from the first source the environment names.
Secret read_passphrase();

// A new passphrase for the stores: the first line of
// AA_NEW_PASSPHRASE_COMMAND, or typed twice at the terminal. Never empty.
Secret read_new_passphrase();

// Makes store_passphrase() (secret.hpp) read the passphrase with
// read_passphrase() the first time it is needed, and keep it for the rest
// of the run: it is asked once.
void ask_for_passphrase_once();

// Makes store_passphrase() refuse at once, with no source asked: for a
// completion script asking for ids at a Tab press, where an encrypted store
// offers nothing rather than a prompt or a wait.
void never_ask_for_passphrase();

}  // namespace aa::cli
