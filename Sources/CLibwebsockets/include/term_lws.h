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

/*
 * TLS for the client (security whitepaper §2, A00.FR.312-322). lws 4.1 reports a
 * failed handshake as "SSL err 1" only, so the shim keeps what OpenSSL said.
 */

/* SSL_OP_* bits for TLS 1.2 as the least version (macros over macros in OpenSSL 3). */
long tl_tls12_minimum_options(void);

/* Sets up a client SSL_CTX (lws hands it over in
 * LWS_CALLBACK_OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS): records the TLS alerts of its
 * connections, and takes every certificate in the CA file as a trust anchor, self-signed
 * or not (X509_V_FLAG_PARTIAL_CHAIN: a root installed over OCPP may be signed by the
 * root it replaced, security whitepaper M05.FR.09). */
void tl_client_tls_setup(void *ssl_ctx);

/* The first TLS alert of the connection (close_notify aside) (its AlertDescription, RFC 8446 §6), and in
 * `sent` whether the station sent it (1) or received it (0); -1 when there was none. */
int tl_tls_alert(struct lws *wsi, int *sent);

/* 1 when the server asked for a client certificate during the handshake (a TLS
 * CertificateRequest, RFC 8446 §4.3.2), 0 otherwise. */
int tl_tls_certificate_requested(struct lws *wsi);

/* In LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION: the verification error
 * (X509_V_ERR_*, 0 for none) and the subject of the certificate it is about. */
int tl_verify_error(void *x509_store_ctx, char *subject, size_t capacity);

/* In LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION: overrule OpenSSL's
 * verdict (`--insecure`: any certificate, whoever issued it; lws then accepts it when
 * the callback returns 0). */
void tl_verify_accept(void *x509_store_ctx);

/* The subject and issuer of the server's certificate on an established TLS connection,
 * one line each (RFC 2253); 0 when there is none. */
int tl_peer_certificate(struct lws *wsi, char *subject, size_t subject_capacity, char *issuer,
                        size_t issuer_capacity);

#endif
