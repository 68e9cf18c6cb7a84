# fish completion for aa-faq(1). Question numbers and ids are asked of aa-faq
# itself, so they follow the questions it really shows. Keep the options in
# step with 'aa-faq --help': tests/e2e/completion_test.cpp compares them.

# __aa_ask comes from vendor_functions.d/__aa_ask.fish.

complete -c aa-faq -f
# aa-faq --list prints number<TAB>id<TAB>question: offer the number and the
# id, each described by the question.
complete -c aa-faq -n 'not __fish_seen_argument -s l -l list -s a -l all -s s -l search' \
    -a '(__aa_ask --list | string replace -r "\t[^\t]*\t" "\t"; __aa_ask --list | string replace -r "^[^\t]*\t" "")'
complete -c aa-faq -s h -l help -d 'Print a summary of the options and exit'
complete -c aa-faq -l version -d 'Print the version and exit'
complete -c aa-faq -s l -l list -d 'The questions, numbered'
complete -c aa-faq -s a -l all -d 'Every question with its answer'
complete -c aa-faq -s s -l search -x -d 'Every question and answer that contains TEXT'
complete -c aa-faq -l format -x -a 'text markdown json' -d 'Output format'
complete -c aa-faq -l json -d 'Short for --format json'
complete -c aa-faq -l color -x -a 'auto always never' -d 'When to use colour'
complete -c aa-faq -l width -x -d 'Wrap text to N columns'
complete -c aa-faq -l no-pager -d 'Never send output through a pager'
complete -c aa-faq -l content-dir -x -a '(__fish_complete_directories)' -d 'Read content files from DIR'
