# Run by cpack once the files are staged, before it builds a package
# (CPACK_PRE_BUILD_SCRIPTS). Debian's zsh reads packaged completions from
# /usr/share/zsh/vendor-completions and has no /usr/share/zsh/site-functions
# on its fpath (only /usr/local's), so the .deb moves them there.
if(CPACK_GENERATOR STREQUAL "DEB")
  set(zsh_dir "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}/share/zsh")
  if(IS_DIRECTORY "${zsh_dir}/site-functions" AND NOT EXISTS "${zsh_dir}/vendor-completions")
    file(RENAME "${zsh_dir}/site-functions" "${zsh_dir}/vendor-completions")
  endif()
endif()
