/*
 * term_curl.h: libcurl glue that Swift cannot express (variadic functions, macros,
 * callback types). Every symbol is prefixed `tc_`. No logic lives here.
 */
#ifndef TERM_CURL_H
#define TERM_CURL_H

#include <curl/curl.h>

/*
 * curl_global_init is not thread-safe and must run before the first easy handle;
 * this calls it (with the CURL_GLOBAL_DEFAULT macro) exactly once per process,
 * whichever thread gets here first, and returns its result every time.
 */
CURLcode tc_global_init(void);

/* curl_easy_setopt is variadic: one typed entry point per argument type. */
CURLcode tc_setopt_long(CURL *curl, CURLoption option, long value);
CURLcode tc_setopt_off(CURL *curl, CURLoption option, curl_off_t value);
CURLcode tc_setopt_string(CURL *curl, CURLoption option, const char *value);
CURLcode tc_setopt_pointer(CURL *curl, CURLoption option, void *value);

/* The callbacks libcurl calls, with their context (`*DATA`) as a plain pointer. */
typedef size_t (*tc_data_callback)(char *buffer, size_t size, size_t count, void *context);
typedef int (*tc_xferinfo_callback)(
    void *context, curl_off_t download_total, curl_off_t download_now, curl_off_t upload_total,
    curl_off_t upload_now);
typedef int (*tc_seek_callback)(void *context, curl_off_t offset, int origin);

/* CURLOPT_WRITEFUNCTION: received bytes. */
CURLcode tc_setopt_write_function(CURL *curl, tc_data_callback callback);
/* CURLOPT_READFUNCTION: bytes to send. */
CURLcode tc_setopt_read_function(CURL *curl, tc_data_callback callback);
/* CURLOPT_SEEKFUNCTION: rewinds the bytes to send (a redirected or retried upload). */
CURLcode tc_setopt_seek_function(CURL *curl, tc_seek_callback callback);
/* CURLOPT_XFERINFOFUNCTION: progress, and the place to abort a transfer. */
CURLcode tc_setopt_xferinfo_function(CURL *curl, tc_xferinfo_callback callback);

/* curl_easy_getinfo is variadic too. */
CURLcode tc_getinfo_long(CURL *curl, CURLINFO info, long *value);
CURLcode tc_getinfo_off(CURL *curl, CURLINFO info, curl_off_t *value);
CURLcode tc_getinfo_string(CURL *curl, CURLINFO info, const char **value);

#endif
