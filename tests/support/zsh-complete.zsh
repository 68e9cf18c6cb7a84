#!/usr/bin/env zsh
# SPDX-License-Identifier: MIT
# zsh-complete.zsh DIR LINE...: for each LINE, prints what zsh's completion
# offers when Tab is pressed at its end, one match a line, then a line
# "--". DIR holds the completion functions to try. zsh runs interactively
# on a pseudo-terminal (zsh/zpty), with compadd replaced by a function that
# prints the matches it is given, each as <<hit:MATCH>>, in the order zsh
# lists them, and then adds them.
emulate -L zsh
zmodload zsh/zpty || exit 2
local dir=$1
shift
zpty z zsh -f -i || exit 2
zpty -w z "fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" insert-tab false'
# zsh lists a group sorted unless it was added with -V or -o nosort: the
# matches are printed so.
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a __hits
  builtin compadd -A __hits "$@"
  (( $#__hits )) || return 1
  local -a __options=(${@[1,(i)(-|--)]})
  (( ${__options[(I)-V*]} || ${__options[(I)*nosort*]} )) || __hits=(${(o)__hits})
  print -rn -- "<<hit:${(j.>><<hit:.)__hits}>>"
  builtin compadd "$@"
}'
# The matches are added too, as without this stand-in, so that a completion
# function that counts them (_files, trying folders before all files) sees
# them; autolist off, so that zsh lists nothing of them itself.
zpty -w z 'unsetopt autolist'
# zle prints the prompt once the terminal is in its raw mode: typing before
# that, the terminal's own line editing would take Ctrl-U for itself.
zpty -w z 'bindkey "^I" complete-word; RPROMPT=""; PROMPT="<<""PROMPT>>"'
local out
local line
for line; do
  zpty -r z out '*<<PROMPT>>*' || exit 2
  # Tab completes; Ctrl-U then clears the line for the marker command. The
  # quotes keep the echo of what is typed from matching what it prints.
  zpty -n -w z "$line"$'\t\C-u'"print '<<''DONE>>'"$'\n'
  out=
  zpty -r z out '*<<DONE>>*' || exit 2
  local -a hits
  hits=(${(M)${(s:>>:)out}:#*<<hit:*})
  print -rl -- ${(u)hits##*<<hit:}
  print -r -- --
done
zpty -d z
