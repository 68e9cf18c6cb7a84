# fish completion for aa-tip(1). Tip ids and categories are asked of aa-tip
# itself, so they follow the content it really shows. Keep the options in
# step with 'aa-tip --help': tests/e2e/completion_test.cpp compares them.

# __aa_ask comes from vendor_functions.d/__aa_ask.fish.

complete -c aa-tip -f
complete -c aa-tip -s h -l help -d 'Print a summary of the options and exit'
complete -c aa-tip -l version -d 'Print the version and exit'
complete -c aa-tip -s d -l daily -d 'The tip of the day'
complete -c aa-tip -l date -x -a '(date +%F)' -d 'The tip of the day for another date (YYYY-MM-DD)'
complete -c aa-tip -l seed -x -d 'Choose at random, reproducibly, from seed N'
complete -c aa-tip -s c -l category -x -a '(__aa_ask --list-categories)' -d 'Only tips of this category'
# aa-tip --list prints id<TAB>category<TAB>text: offer the id, described by the text.
complete -c aa-tip -l id -x -a '(__aa_ask --list | string replace -r "\t.*\t" "\t")' -d 'The tip with this id'
complete -c aa-tip -s n -l count -x -d 'How many tips'
complete -c aa-tip -s l -l list -d 'Every tip: id, category and text'
complete -c aa-tip -l list-categories -d 'The categories, one a line'
complete -c aa-tip -s s -l search -x -d 'Every tip that contains TEXT, ignoring case'
complete -c aa-tip -l format -x -a 'text markdown json fortune' -d 'Output format'
complete -c aa-tip -l json -d 'Short for --format json'
complete -c aa-tip -l color -x -a 'auto always never' -d 'When to use colour'
complete -c aa-tip -l width -x -d 'Wrap text to N columns'
complete -c aa-tip -l no-pager -d 'Never send output through a pager'
complete -c aa-tip -l content-dir -x -a '(__fish_complete_directories)' -d 'Read content files from DIR'
