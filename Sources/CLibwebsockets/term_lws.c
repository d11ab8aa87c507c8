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

/* ---- TLS diagnostics: OpenSSL glue, no policy ---- */

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <stdint.h>

long tl_tls12_minimum_options(void)
{
    return (long)(SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 | SSL_OP_NO_COMPRESSION);
}

static int tl_alert_index = -1;
static pthread_once_t tl_alert_once = PTHREAD_ONCE_INIT;

static void tl_alert_index_make(void)
{
    tl_alert_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
}

/* The SSL's own ex_data slot holds what the handshake showed, in bits:
 * 0x10000 | sent << 8 | description for the first alert, and 0x20000 once the server
 * asked for a client certificate (a CertificateRequest). */
#define TL_ALERT 0x10000
#define TL_CERTIFICATE_REQUESTED 0x20000

static void tl_info_callback(const SSL *ssl, int where, int ret)
{
    if (tl_alert_index < 0)
        return;
    intptr_t value = (intptr_t)SSL_get_ex_data(ssl, tl_alert_index);
    /* The callback of each handshake step runs in the state the previous message left:
     * the step after a CertificateRequest sees TLS_ST_CR_CERT_REQ. */
    if ((where & SSL_CB_LOOP) && SSL_get_state(ssl) == TLS_ST_CR_CERT_REQ)
        value |= TL_CERTIFICATE_REQUESTED;
    /* The first alert is the cause; what follows it (and close_notify) is not. */
    if ((where & SSL_CB_ALERT) && (ret & 0xff) != 0 && !(value & TL_ALERT))
        value |= TL_ALERT | ((where & SSL_CB_WRITE) ? 0x100 : 0) | (ret & 0xff);
    SSL_set_ex_data((SSL *)ssl, tl_alert_index, (void *)value);
}

void tl_client_tls_setup(void *ssl_ctx)
{
    pthread_once(&tl_alert_once, tl_alert_index_make);
    if (!ssl_ctx)
        return;
    SSL_CTX_set_info_callback((SSL_CTX *)ssl_ctx, tl_info_callback);
    X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param((SSL_CTX *)ssl_ctx), X509_V_FLAG_PARTIAL_CHAIN);
}

static intptr_t tl_handshake_record(struct lws *wsi)
{
    SSL *ssl = lws_get_ssl(wsi);
    return ssl && tl_alert_index >= 0 ? (intptr_t)SSL_get_ex_data(ssl, tl_alert_index) : 0;
}

int tl_tls_alert(struct lws *wsi, int *sent)
{
    intptr_t value = tl_handshake_record(wsi);
    if (!(value & TL_ALERT))
        return -1;
    *sent = (value & 0x100) ? 1 : 0;
    return (int)(value & 0xff);
}

int tl_tls_certificate_requested(struct lws *wsi)
{
    return (tl_handshake_record(wsi) & TL_CERTIFICATE_REQUESTED) ? 1 : 0;
}

static void tl_name_line(X509_NAME *name, char *out, size_t capacity)
{
    out[0] = 0;
    if (!name || capacity == 0)
        return;
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio)
        return;
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    int length = BIO_read(bio, out, (int)capacity - 1);
    out[length > 0 ? length : 0] = 0;
    BIO_free(bio);
}

int tl_verify_error(void *x509_store_ctx, char *subject, size_t capacity)
{
    X509_STORE_CTX *store = (X509_STORE_CTX *)x509_store_ctx;
    X509 *certificate = X509_STORE_CTX_get_current_cert(store);
    tl_name_line(certificate ? X509_get_subject_name(certificate) : NULL, subject, capacity);
    return X509_STORE_CTX_get_error(store);
}

void tl_verify_accept(void *x509_store_ctx)
{
    X509_STORE_CTX_set_error((X509_STORE_CTX *)x509_store_ctx, X509_V_OK);
}

int tl_peer_certificate(struct lws *wsi, char *subject, size_t subject_capacity, char *issuer,
                        size_t issuer_capacity)
{
    SSL *ssl = lws_get_ssl(wsi);
    X509 *certificate = ssl ? SSL_get1_peer_certificate(ssl) : NULL;
    if (!certificate)
        return 0;
    tl_name_line(X509_get_subject_name(certificate), subject, subject_capacity);
    tl_name_line(X509_get_issuer_name(certificate), issuer, issuer_capacity);
    X509_free(certificate);
    return 1;
}
