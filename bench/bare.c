/* The bare kernel transfer bench/streams.sh holds `connect` -> `listen` against: the
 * same zero-copy calls sockkit makes for a file stdin and a /dev/null stdout, with
 * nothing else (no poll, no options, no events, blocking descriptors).
 *
 *   bare recv ADDR PORT >OUT    accept one TCP client; splice(2) socket -> pipe -> stdout
 *   bare send ADDR PORT <FILE   connect; sendfile(2) stdin -> socket; close
 *
 * Both move 1 MiB a call through a 1 MiB pipe, as sockkit does. IPv4 only; loopback is
 * all the benchmark uses. Build: cc -O2 -o bare bench/bare.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#define CHUNK (1 << 20)

static void die(const char *what) {
    perror(what);
    exit(1);
}

static struct sockaddr_in address(const char *host, const char *port) {
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((unsigned short)atoi(port));
    if (inet_pton(AF_INET, host, &sa.sin_addr) != 1) {
        fprintf(stderr, "bare: not an IPv4 address: %s\n", host);
        exit(2);
    }
    return sa;
}

static int recv_side(struct sockaddr_in sa) {
    int one = 1, l = socket(AF_INET, SOCK_STREAM, 0);
    if (l < 0) die("socket");
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(l, (struct sockaddr *)&sa, sizeof sa) < 0) die("bind");
    if (listen(l, 1) < 0) die("listen");
    int c = accept(l, NULL, NULL);
    if (c < 0) die("accept");
    close(l);
    int p[2];
    if (pipe(p) < 0) die("pipe");
    fcntl(p[1], F_SETPIPE_SZ, CHUNK);
    for (;;) {
        ssize_t n = splice(c, NULL, p[1], NULL, CHUNK, SPLICE_F_MOVE);
        if (n < 0) die("splice from the socket");
        if (n == 0) break;
        while (n > 0) {
            ssize_t m = splice(p[0], NULL, STDOUT_FILENO, NULL, (size_t)n, SPLICE_F_MOVE);
            if (m <= 0) die("splice to stdout");
            n -= m;
        }
    }
    return 0;
}

static int send_side(struct sockaddr_in sa) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) die("socket");
    if (connect(s, (struct sockaddr *)&sa, sizeof sa) < 0) die("connect");
    for (;;) {
        ssize_t n = sendfile(s, STDIN_FILENO, NULL, CHUNK);
        if (n < 0) die("sendfile");
        if (n == 0) break;
    }
    if (close(s) < 0) die("close");
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 4 || (strcmp(argv[1], "send") && strcmp(argv[1], "recv"))) {
        fprintf(stderr, "usage: bare send|recv ADDR PORT\n");
        return 2;
    }
    struct sockaddr_in sa = address(argv[2], argv[3]);
    return strcmp(argv[1], "send") == 0 ? send_side(sa) : recv_side(sa);
}
