#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bash-complete.sh LINE...: for each LINE, prints what bash's completion
# offers when Tab is pressed at its end (COMPREPLY, one a line), then a
# line "--". A command's completion comes from the file named after it in
# the directory $AA_COMPLETION_DIR when that is set; else bash-completion
# loads it by the command's name, as it does in an interactive shell. Exits
# 3 to 6 when the completion cannot be set up.
#
# With AA_WITHOUT_BASH_COMPLETION set, bash-completion is not loaded at all
# and every file of $AA_COMPLETION_DIR is sourced first, as a ~/.bashrc
# that sources them would.
if [[ -n ${AA_WITHOUT_BASH_COMPLETION:-} ]]; then
    for file in "$AA_COMPLETION_DIR"/*; do
        source "$file" || exit 4
    done
else
    source /usr/share/bash-completion/bash_completion || exit 3
fi
# compopt works only while readline runs a completion; this stand-in notes
# whether the matches are to be listed unsorted (-o nosort). Readline sorts
# them otherwise, and so does the printing below.
compopt() {
    [[ " $* " == *" -o nosort "* ]] && nosort=1
    return 0
}
for line in "$@"; do
    # Split as bash splits a line for completion: at spaces, and around
    # each "=" (one of COMP_WORDBREAKS), which is a word of its own.
    read -ra COMP_WORDS <<<"${line//=/ = }"
    [[ -z $line || $line == *[' ='] ]] && COMP_WORDS+=('')
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    command=${COMP_WORDS[0]}
    if [[ -n ${AA_COMPLETION_DIR:-} ]] && ! complete -p "$command" &>/dev/null; then
        source "$AA_COMPLETION_DIR/$command" || exit 4
    fi
    if ! spec=$(complete -p "$command" 2>/dev/null); then
        [[ -z ${AA_WITHOUT_BASH_COMPLETION:-} ]] || exit 5
        __load_completion "$command" || exit 5
        spec=$(complete -p "$command") || exit 5
    fi
    [[ $spec =~ -F\ ([^ ]+) ]] || exit 6
    COMPREPLY=()
    nosort=0
    "${BASH_REMATCH[1]}" "$command" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    if ((nosort)); then
        printf '%s\n' "${COMPREPLY[@]}"
    elif ((${#COMPREPLY[@]})); then
        printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
    fi
    printf '%s\n' --
done
