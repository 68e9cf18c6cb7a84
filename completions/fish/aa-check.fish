# fish completion for aa-check(1). Keep the options in step with
# 'aa-check --help': tests/e2e/completion_test.cpp compares them.

complete -c aa-check -f
complete -c aa-check -s h -l help -d 'Print a summary of the options and exit'
complete -c aa-check -l version -d 'Print the version and exit'
complete -c aa-check -s a -l answers -x -d 'Your answers, 0 to 4 each, in order (e.g. 3,1,4,0)'
complete -c aa-check -l items -d 'List the statements'
complete -c aa-check -l save -d 'Keep this result in your private history'
complete -c aa-check -l history -d 'Show your saved results'
complete -c aa-check -l forget -d 'Delete your saved results (asks first)'
complete -c aa-check -s y -l yes -d 'With --forget: delete without asking'
complete -c aa-check -l format -x -a 'text json' -d 'Output format'
complete -c aa-check -l json -d 'Short for --format json'
complete -c aa-check -l color -x -a 'auto always never' -d 'When to use colour'
complete -c aa-check -l width -x -d 'Wrap text to N columns'
complete -c aa-check -l no-pager -d 'Never send output through a pager'
complete -c aa-check -l content-dir -x -a '(__fish_complete_directories)' -d 'Read content files from DIR'
