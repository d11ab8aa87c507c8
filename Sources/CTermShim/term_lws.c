#include "term_lws.h"

/* lws_get_library_version() returns the full build string; keep it behind the shim. */
const char *tl_version(void) { return lws_get_library_version(); }
