// A stand-in for toml++ headers that the build's patch does not know.
#define TOML_ASSERT(expr) assert(expr)
