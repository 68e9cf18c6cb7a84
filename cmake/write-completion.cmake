# SPDX-License-Identifier: MIT
# Run by the build (cmake -P): writes the completion script that PROGRAM
# prints for AA_SHELL (PROGRAM --completions AA_SHELL) to OUTPUT. A new file
# replaces the old one only once it is whole.
execute_process(COMMAND ${PROGRAM} --completions ${AA_SHELL}
                OUTPUT_FILE ${OUTPUT}.new
                ERROR_VARIABLE error
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE ${OUTPUT}.new)
  message(FATAL_ERROR "${PROGRAM} --completions ${AA_SHELL} failed (${result}): ${error}")
endif()
file(RENAME ${OUTPUT}.new ${OUTPUT})
