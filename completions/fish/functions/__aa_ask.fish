# Used by the fish completions of the aa-* commands: runs the command being
# completed with $argv, adding the line's --content-dir, so that names are
# asked of the content the command really shows.
function __aa_ask
    set -l tokens (commandline -opc)
    set -l content
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --content-dir
                if test $i -lt (count $tokens)
                    set content --content-dir $tokens[(math $i + 1)]
                end
            case '--content-dir=*'
                set content --content-dir (string replace -- --content-dir= '' $tokens[$i])
        end
    end
    set content (string replace -r '^~/' "$HOME/" -- $content)
    $tokens[1] $content $argv 2>/dev/null
end
