#include "term_curl.h"

#include <pthread.h>

static pthread_once_t tc_once = PTHREAD_ONCE_INIT;
static CURLcode tc_init_result = CURLE_FAILED_INIT;

static void tc_init(void) { tc_init_result = curl_global_init(CURL_GLOBAL_DEFAULT); }

CURLcode tc_global_init(void)
{
    pthread_once(&tc_once, tc_init);
    return tc_init_result;
}

CURLcode tc_setopt_long(CURL *curl, CURLoption option, long value) { return curl_easy_setopt(curl, option, value); }

CURLcode tc_setopt_off(CURL *curl, CURLoption option, curl_off_t value)
{
    return curl_easy_setopt(curl, option, value);
}

CURLcode tc_setopt_string(CURL *curl, CURLoption option, const char *value)
{
    return curl_easy_setopt(curl, option, value);
}

CURLcode tc_setopt_pointer(CURL *curl, CURLoption option, void *value)
{
    return curl_easy_setopt(curl, option, value);
}

CURLcode tc_setopt_write_function(CURL *curl, tc_data_callback callback)
{
    return curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, callback);
}

CURLcode tc_setopt_read_function(CURL *curl, tc_data_callback callback)
{
    return curl_easy_setopt(curl, CURLOPT_READFUNCTION, callback);
}

CURLcode tc_setopt_seek_function(CURL *curl, tc_seek_callback callback)
{
    return curl_easy_setopt(curl, CURLOPT_SEEKFUNCTION, callback);
}

CURLcode tc_setopt_xferinfo_function(CURL *curl, tc_xferinfo_callback callback)
{
    return curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, callback);
}

CURLcode tc_getinfo_long(CURL *curl, CURLINFO info, long *value) { return curl_easy_getinfo(curl, info, value); }

CURLcode tc_getinfo_off(CURL *curl, CURLINFO info, curl_off_t *value) { return curl_easy_getinfo(curl, info, value); }

CURLcode tc_getinfo_string(CURL *curl, CURLINFO info, const char **value)
{
    return curl_easy_getinfo(curl, info, value);
}
