# SPDX-License-Identifier: MIT
# Run by cpack once the files are staged, before it builds a package
# (CPACK_PRE_BUILD_SCRIPTS). What Debian wants differs from a plain install
# in two places, and the .deb follows Debian:
# - Debian's zsh reads packaged completions from
#   /usr/share/zsh/vendor-completions and has no /usr/share/zsh/site-functions
#   on its fpath (only /usr/local's), so the .deb moves them there;
# - the licences go in /usr/share/doc/aa/copyright alone (Debian policy
#   12.5), which holds both texts, so the .deb leaves out LICENSE and
#   LICENSE.content.
if(CPACK_GENERATOR STREQUAL "DEB")
  set(staged "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}")
  set(zsh_dir "${staged}/share/zsh")
  if(IS_DIRECTORY "${zsh_dir}/site-functions" AND NOT EXISTS "${zsh_dir}/vendor-completions")
    file(RENAME "${zsh_dir}/site-functions" "${zsh_dir}/vendor-completions")
  endif()
  file(REMOVE "${staged}/share/doc/aa/LICENSE" "${staged}/share/doc/aa/LICENSE.content")
endif()
