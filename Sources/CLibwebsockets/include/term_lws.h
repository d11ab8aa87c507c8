/*
 * term_lws.h: libwebsockets glue that Swift cannot express (macros, variadics,
 * callback trampolines). Every symbol is prefixed `tl_`. No logic lives here.
 */
#ifndef TERM_LWS_H
#define TERM_LWS_H

#include <libwebsockets.h>

/* The libwebsockets version string, e.g. "4.1.6-". */
const char *tl_version(void);

/* LWS_PRE is a macro over a macro: the headroom lws_write needs before the payload. */
size_t tl_pre(void);

/*
 * A timer on the service loop. lws timers (`lws_sorted_usec_list_t`) call back with
 * only the timer's address; this wrapper carries the owner and a plain C function so
 * that Swift gets its object back without pointer arithmetic.
 */
typedef struct tl_timer {
    lws_sorted_usec_list_t sul;
    void *owner;
    void (*fire)(void *owner);
} tl_timer;

/* Arms (or re-arms) the timer to fire `microseconds` from now on the service thread. */
void tl_timer_schedule(struct lws_context *context, tl_timer *timer, int64_t microseconds);

/* Cancels the timer if armed. */
void tl_timer_cancel(tl_timer *timer);

#endif
