# SPDX-License-Identifier: MIT
# What `cmake --install` puts beside the commands (commands/CMakeLists.txt
# installs those): the man pages, the shell completions and the licences;
# and the Debian package that `cpack -G DEB` makes of it all. Included from
# the top-level CMakeLists.txt after commands/, which sets AA_COMMANDS.

# Man pages, gzipped as Debian policy asks (man-db and mandoc read them
# either way); -n leaves out the time stamp, so builds are reproducible.
find_program(AA_GZIP gzip REQUIRED)
file(GLOB AA_MAN_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/*.[1-9])
set(AA_MAN_OUTPUTS)
foreach(page IN LISTS AA_MAN_PAGES)
  get_filename_component(name ${page} NAME)
  string(REGEX REPLACE "^.*\\.([1-9])$" "\\1" section ${name})
  set(output ${PROJECT_BINARY_DIR}/man/${name}.gz)
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E copy ${page} ${PROJECT_BINARY_DIR}/man/${name}
    COMMAND ${AA_GZIP} -9 -n -f ${PROJECT_BINARY_DIR}/man/${name}
    DEPENDS ${page}
    COMMENT "Compressing ${name}"
    VERBATIM)
  list(APPEND AA_MAN_OUTPUTS ${output})
  install(FILES ${output} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
add_custom_target(aa-man-pages ALL DEPENDS ${AA_MAN_OUTPUTS})

# Shell completions, written at build time by each command from the
# options it parses (aa-NAME --completions SHELL) into completions/ of the
# build tree, and installed where each shell looks for a command's
# completion by the command's name. tests/e2e/completion_test.cpp runs them
# in each shell.
set(AA_COMPLETIONS ${PROJECT_BINARY_DIR}/completions)
set(AA_ZSH_COMPLETION_DIR "${CMAKE_INSTALL_DATADIR}/zsh/site-functions" CACHE STRING
    "Where zsh completions go, relative to the prefix")
set(AA_COMPLETION_OUTPUTS)
foreach(command IN LISTS AA_COMMANDS)
  set(bash_file ${AA_COMPLETIONS}/bash/${command})
  set(zsh_file ${AA_COMPLETIONS}/zsh/_${command})
  set(fish_file ${AA_COMPLETIONS}/fish/${command}.fish)
  foreach(shell IN ITEMS bash zsh fish)
    add_custom_command(OUTPUT ${${shell}_file}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${AA_COMPLETIONS}/${shell}
      COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${command}> -DAA_SHELL=${shell} -DOUTPUT=${${shell}_file}
              -P ${CMAKE_CURRENT_LIST_DIR}/write-completion.cmake
      DEPENDS ${command} ${CMAKE_CURRENT_LIST_DIR}/write-completion.cmake
      COMMENT "Writing the ${shell} completion of ${command}"
      VERBATIM)
    list(APPEND AA_COMPLETION_OUTPUTS ${${shell}_file})
  endforeach()
  install(FILES ${bash_file} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
  install(FILES ${zsh_file} DESTINATION ${AA_ZSH_COMPLETION_DIR})
  install(FILES ${fish_file} DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
endforeach()
add_custom_target(aa-completions ALL DEPENDS ${AA_COMPLETION_OUTPUTS})

# The licences, in share/doc/aa: LICENSE (MIT, the code), LICENSE.content
# (CC BY 4.0, the content and the manual pages' prose), and both in
# Debian's machine-readable form as `copyright`, made from LICENSE so that
# the MIT text has one source. The .deb keeps only `copyright`, as Debian
# policy asks (deb-layout.cmake).
set(AA_PACKAGE_MAINTAINER "aa maintainers <maintainers@users.noreply.h-seed-c20de812.example>" CACHE STRING
    "The Maintainer of the Debian package: Name <email>")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE)
file(READ ${PROJECT_SOURCE_DIR}/LICENSE AA_MIT_TEXT)
string(FIND "${AA_MIT_TEXT}" "Permission is hereby granted" AA_MIT_START)
if(AA_MIT_START LESS 0)
  message(FATAL_ERROR "LICENSE does not hold the MIT licence's text")
endif()
string(SUBSTRING "${AA_MIT_TEXT}" ${AA_MIT_START} -1 AA_MIT_TEXT)
string(STRIP "${AA_MIT_TEXT}" AA_MIT_TEXT)
# A paragraph's lines start with a space; an empty line in it is " .".
string(REPLACE "\n\n" "\n.\n" AA_MIT_TEXT "${AA_MIT_TEXT}")
string(REPLACE "\n" "\n " AA_MIT_TEXT "${AA_MIT_TEXT}")
set(AA_MIT_TEXT " ${AA_MIT_TEXT}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/copyright.in ${PROJECT_BINARY_DIR}/copyright @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/copyright ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/content/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME LICENSE.content)

# The Debian package: cpack -G DEB in the build directory. The release
# build links the commands statically, so dpkg-shlibdeps (package dpkg-dev)
# finds no shared library to depend on; a dynamic build gets the right
# Depends from it all the same.
set(CPACK_PACKAGE_NAME aa)
set(CPACK_PACKAGE_VENDOR "The aa project")
set(CPACK_PACKAGE_CONTACT "${AA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "self-help on anxious attachment, from the shell")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
# The long description; the first line of the package's description is
# CPACK_PACKAGE_DESCRIPTION_SUMMARY, and cpack indents these lines for dpkg.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "aa brings self-help material on anxious attachment to the terminal:
aa-read reads a short guide (what it is, how it develops, its impact, the
signs, strategies for healing, support); aa-faq answers common questions
about seeking help; aa-tip prints a practical tip at random or for the day
(for a shell login); aa-check walks through a self-reflection checklist of
four signs and keeps a private history of results; aa-journal keeps a
private journal with a reflection prompt for each day; aa-practice walks
through short exercises from the guide and keeps each in the journal;
aa-search searches the guide, the FAQ, the tips, the exercises and (with
--mine) the journal at once; aa-report draws the days practised and how
the answers moved, on the terminal or as one page to print;
aa-content writes the content out as files to edit, and checks such files;
aa-vault keeps the journal and the checklist history encrypted at rest, as
age files that age -d also opens. aa runs them all (aa tip is aa-tip) and
lists them.

Everything is built in and works offline; nothing entered leaves the
machine. This is educational material, not a diagnosis or treatment.")
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/deb-layout.cmake)
include(CPack)
