# fish completion for aa-read(1). Section slugs are asked of aa-read itself,
# so they follow the guide it really shows. Keep the options in step with
# 'aa-read --help': tests/e2e/completion_test.cpp compares them.

# __aa_ask comes from vendor_functions.d/__aa_ask.fish.

complete -c aa-read -f
# aa-read --list prints number<TAB>slug<TAB>title: offer the slug, described by the title.
complete -c aa-read -n 'not __fish_seen_argument -s l -l list -s a -l all -s s -l search' \
    -a '(__aa_ask --list | string replace -r "^[^\t]*\t" "")'
complete -c aa-read -s h -l help -d 'Print a summary of the options and exit'
complete -c aa-read -l version -d 'Print the version and exit'
complete -c aa-read -s l -l list -d 'The table of contents'
complete -c aa-read -s a -l all -d 'The whole guide, in order'
complete -c aa-read -s s -l search -x -d 'Every paragraph that contains TEXT, ignoring case'
complete -c aa-read -l format -x -a 'text markdown json' -d 'Output format'
complete -c aa-read -l json -d 'Short for --format json'
complete -c aa-read -l color -x -a 'auto always never' -d 'When to use colour'
complete -c aa-read -l width -x -d 'Wrap text to N columns'
complete -c aa-read -l no-pager -d 'Never send output through a pager'
complete -c aa-read -l content-dir -x -a '(__fish_complete_directories)' -d 'Read content files from DIR'
