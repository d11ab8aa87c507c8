/*
 * floor_client.c: the compiled floor of the link benchmark (`make bench`).
 *
 * A libwebsockets client in C that answers every OCPP CALL with a canned CALLRESULT
 * and does nothing else: no parsing beyond the message id and action, no state, no
 * storage. The console's response times are measured against it by the same central
 * system, in alternating rounds (Tests/LinkBenchmark/link_bench.py).
 *
 *   floor_client ws://127.0.0.1:PORT/path/ID
 */
#include <libwebsockets.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MESSAGE 4096
#define MAX_PENDING 64

static int finished;
static char incoming[MAX_MESSAGE];
static size_t incoming_length;
/* Answers waiting for the socket to be writeable, with LWS_PRE bytes of headroom. */
static unsigned char pending[MAX_PENDING][LWS_PRE + MAX_MESSAGE];
static size_t pending_length[MAX_PENDING];
static int pending_head, pending_count;

static const char *canned(const char *action, size_t length) {
    if (length == 16 && strncmp(action, "GetConfiguration", 16) == 0)
        return "{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"}]}";
    if (length == 19 && strncmp(action, "ChangeConfiguration", 19) == 0) return "{\"status\":\"Accepted\"}";
    if (length == 22 && strncmp(action, "RemoteStartTransaction", 22) == 0) return "{\"status\":\"Accepted\"}";
    return "{}";
}

/* A CALL is [2,"<id>","<action>",{...}]: answer it; anything else is ignored. */
static void answer(struct lws *wsi) {
    if (incoming_length < 8 || strncmp(incoming, "[2,\"", 4) != 0 || pending_count == MAX_PENDING) return;
    const char *id = incoming + 4;
    const char *id_end = memchr(id, '"', incoming_length - 4);
    if (!id_end || id_end + 3 >= incoming + incoming_length) return;
    const char *action = id_end + 3; /* past ","  */
    const char *action_end = memchr(action, '"', (size_t)(incoming + incoming_length - action));
    if (!action_end) return;
    int slot = (pending_head + pending_count) % MAX_PENDING;
    char *out = (char *)pending[slot] + LWS_PRE;
    int written = snprintf(out, MAX_MESSAGE, "[3,\"%.*s\",%s]", (int)(id_end - id), id,
                           canned(action, (size_t)(action_end - action)));
    if (written <= 0 || written >= MAX_MESSAGE) return;
    pending_length[slot] = (size_t)written;
    pending_count++;
    lws_callback_on_writable(wsi);
}

static int callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t length) {
    (void)user;
    switch (reason) {
    case LWS_CALLBACK_CLIENT_RECEIVE:
        if (incoming_length + length < MAX_MESSAGE) {
            memcpy(incoming + incoming_length, in, length);
            incoming_length += length;
        }
        if (lws_is_final_fragment(wsi)) {
            answer(wsi);
            incoming_length = 0;
        }
        break;
    case LWS_CALLBACK_CLIENT_WRITEABLE:
        if (pending_count > 0) {
            unsigned char *message = pending[pending_head] + LWS_PRE;
            if (lws_write(wsi, message, pending_length[pending_head], LWS_WRITE_TEXT) < 0) return -1;
            pending_head = (pending_head + 1) % MAX_PENDING;
            pending_count--;
            if (pending_count > 0) lws_callback_on_writable(wsi);
        }
        break;
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
    case LWS_CALLBACK_CLIENT_CLOSED:
        finished = 1;
        break;
    default:
        break;
    }
    return 0;
}

static const struct lws_protocols protocols[] = {
    {"ocpp1.6", callback, 0, MAX_MESSAGE, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

static void stop(int signal_number) {
    (void)signal_number;
    finished = 1;
}

int main(int argc, char **argv) {
    const char *protocol, *address, *path;
    int port;
    char url[1024];
    if (argc != 2 || strlen(argv[1]) >= sizeof url) {
        fprintf(stderr, "usage: floor_client ws://HOST:PORT/PATH\n");
        return 2;
    }
    strcpy(url, argv[1]);
    if (lws_parse_uri(url, &protocol, &address, &port, &path) != 0) {
        fprintf(stderr, "floor_client: bad url %s\n", argv[1]);
        return 2;
    }
    char full_path[1024];
    snprintf(full_path, sizeof full_path, "/%s", path);
    signal(SIGTERM, stop);
    signal(SIGINT, stop);
    lws_set_log_level(LLL_ERR, NULL);

    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = CONTEXT_PORT_NO_LISTEN;
    info.protocols = protocols;
    struct lws_context *context = lws_create_context(&info);
    if (!context) return 1;

    struct lws_client_connect_info connect;
    memset(&connect, 0, sizeof connect);
    connect.context = context;
    connect.address = address;
    connect.port = port;
    connect.path = full_path;
    connect.host = address;
    connect.origin = address;
    connect.protocol = "ocpp1.6";
    if (!lws_client_connect_via_info(&connect)) return 1;
    while (!finished && lws_service(context, 0) >= 0) {
    }
    lws_context_destroy(context);
    return 0;
}
