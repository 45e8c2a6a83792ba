/*
 * Loaded into the test FalkorDB with LD_PRELOAD (tests/falkordb.py).
 *
 * FalkorDB binds its Bolt port on the wildcard address and has no option to
 * change that (socket_bind in its src/bolt/socket.c uses in6addr_any), and
 * FalkorDB 4.16's Bolt lets a client that sends no credentials in even when
 * Redis has a password.  This bind() turns every wildcard bind of the process
 * into a loopback bind, so the Bolt port is reachable from this machine only:
 * AF_INET6 wildcard becomes ::ffff:127.0.0.1 (IPv4 loopback through the
 * dual-stack socket FalkorDB opens), AF_INET wildcard becomes 127.0.0.1.
 * Every other bind is passed through unchanged.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
    static bind_fn real_bind;
    if (real_bind == NULL)
        real_bind = (bind_fn)dlsym(RTLD_NEXT, "bind");

    if (addr != NULL && addr->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
        struct sockaddr_in6 a6;
        memcpy(&a6, addr, sizeof a6);
        if (IN6_IS_ADDR_UNSPECIFIED(&a6.sin6_addr)) {
            memset(&a6.sin6_addr, 0, sizeof a6.sin6_addr);
            a6.sin6_addr.s6_addr[10] = 0xff;
            a6.sin6_addr.s6_addr[11] = 0xff;
            a6.sin6_addr.s6_addr[12] = 127;
            a6.sin6_addr.s6_addr[15] = 1;
            return real_bind(fd, (const struct sockaddr *)&a6, sizeof a6);
        }
    }
    if (addr != NULL && addr->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
        struct sockaddr_in a4;
        memcpy(&a4, addr, sizeof a4);
        if (a4.sin_addr.s_addr == htonl(INADDR_ANY)) {
            a4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            return real_bind(fd, (const struct sockaddr *)&a4, sizeof a4);
        }
    }
    return real_bind(fd, addr, len);
}
