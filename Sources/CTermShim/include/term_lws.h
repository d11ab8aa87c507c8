/*
 * term_lws.h: libwebsockets glue that Swift cannot express (macros, variadics).
 * Every symbol is prefixed `tl_`. No logic lives here.
 */
#ifndef TERM_LWS_H
#define TERM_LWS_H

#include <libwebsockets.h>

/* The libwebsockets version string, e.g. "4.1.6-". */
const char *tl_version(void);

#endif
