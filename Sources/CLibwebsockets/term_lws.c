#include "term_lws.h"

/* lws_get_library_version() returns the full build string; keep it behind the shim. */
const char *tl_version(void) { return lws_get_library_version(); }

/* LWS_PRE expands to _LWS_PAD(...), which Swift's importer cannot evaluate. */
size_t tl_pre(void) { return LWS_PRE; }

/* The trampoline: recover the wrapper from the embedded lws timer, call its owner. */
static void tl_timer_trampoline(lws_sorted_usec_list_t *sul)
{
    tl_timer *timer = lws_container_of(sul, tl_timer, sul);
    timer->fire(timer->owner);
}

void tl_timer_schedule(struct lws_context *context, tl_timer *timer, int64_t microseconds)
{
    lws_sul_schedule(context, 0, &timer->sul, tl_timer_trampoline, microseconds);
}

void tl_timer_cancel(tl_timer *timer)
{
    lws_dll2_remove(&timer->sul.list);
}
