"""The SSRF guard: a fetch reaches public addresses only, and exactly the address it checked.

Veille fetches URLs that strangers choose (a feed's entry links, the API's ``{"url": ...}``).
Without a guard, anyone who can submit a URL can make the server read its own loopback
services, the private network and the cloud metadata address. So every request, each redirect
included, goes through :class:`GuardedTransport`: it resolves the host once, refuses when any
address is not public, then connects to that very address (Host header and TLS SNI keep the
name), so a DNS answer that changes between the check and the connection changes nothing.
``allow_private_urls`` (``VEILLE_ALLOW_PRIVATE_URLS=1``) lifts the address check, for intranets
and tests; the scheme check (http and https only) stays.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import httpx

from veille.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[IPAddress]]
SCHEMES = ("http", "https")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
OPT_IN = "set VEILLE_ALLOW_PRIVATE_URLS=1 or pass --allow-private-urls to allow it"


def refusal(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be fetched ("loopback", "private" ...), or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        # Python 3.11 does not look inside ::ffff:127.0.0.1; a mapped address is never needed.
        return "an IPv4-mapped address"
    checks = (
        (ip.is_loopback, "loopback"), (ip.is_unspecified, "unspecified"),
        (ip.is_link_local, "link-local"), (ip.is_multicast, "multicast"),
        (isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT, "shared (CGNAT)"),
        (ip.is_reserved, "reserved"), (ip.is_private, "private"),
        (not ip.is_global, "not a public address"),
    )
    return next((reason for hit, reason in checks if hit), None)


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to; an IP literal in any form the C library reads
    (``2130706433``, ``0x7f000001``, ``127.1``) resolves to itself, so it is checked too."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    # Drop a zone index ("fe80::1%eth0"): ipaddress cannot read it, and it is link-local anyway.
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


class GuardedTransport(httpx.BaseTransport):
    """Checks the scheme and the resolved address of every request, then connects to it."""

    def __init__(self, inner: httpx.BaseTransport, allow_private: bool = False,
                 resolver: Resolver = system_resolver) -> None:
        self.inner = inner
        self.allow_private = allow_private
        self.resolver = resolver

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in SCHEMES:
            raise FetchError(str(url), f"refused: only http and https URLs are fetched, "
                                       f"not {url.scheme}:")
        if not url.host:
            raise FetchError(str(url), "refused: the URL has no host")
        if self.allow_private:
            return self.inner.handle_request(request)
        ip = self.checked_address(url)
        # Host was set from the name when the request was built; SNI and certificate checks
        # use sni_hostname (an httpcore extension), so only the TCP connection uses the IP.
        request.url = url.copy_with(host=str(ip))
        if url.scheme == "https":
            request.extensions = {**request.extensions, "sni_hostname": url.host}
        return self.inner.handle_request(request)

    def checked_address(self, url: httpx.URL) -> IPAddress:
        """The one address to connect to; FetchError when any address of the host is refused."""
        host = url.host
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError, ValueError) as err:
            raise FetchError(str(url), f"cannot resolve {host}: {err}") from None
        if not addresses:
            raise FetchError(str(url), f"cannot resolve {host}")
        # All of them, not only the first: a name with one public and one private address
        # would otherwise depend on which one a later step picks.
        for ip in addresses:
            reason = refusal(ip)
            if reason:
                shown = host if host == str(ip) else f"{host} ({ip})"
                raise FetchError(str(url), f"refused: {shown} is {reason}; {OPT_IN}")
        return addresses[0]

    def close(self) -> None:
        self.inner.close()
