"""The SSRF guard: non-public addresses are refused before any connection, at every hop.

Hermetic: a recording transport stands in for the network (it answers without connecting),
names resolve through a fake resolver, and the only real server is on loopback.
"""

from __future__ import annotations

import ipaddress

import httpx
import pytest
from pytest_httpserver import HTTPServer

from veille.errors import FetchError
from veille.ingest.guard import GuardedTransport, IPAddress, refusal, system_resolver
from veille.ingest.web import fetch_document, make_client
from veille.settings import Settings

PUBLIC = "93.184.216.34"  # never contacted: the recording transport answers instead


class Recorder(httpx.BaseTransport):
    """Answers every request itself and records it: what reaches it would have connected."""

    def __init__(self, redirect_to: str | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.redirect_to = redirect_to

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.redirect_to and len(self.requests) == 1:
            return httpx.Response(302, headers={"Location": self.redirect_to})
        return httpx.Response(200, text="Un texte.", headers={"content-type": "text/plain"})


class FakeDNS:
    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.lookups: list[str] = []

    def __call__(self, host: str, port: int) -> list[IPAddress]:
        self.lookups.append(host)
        if host in self.table:
            return [ipaddress.ip_address(self.table[host])]
        return system_resolver(host, port)  # IP literals only in these tests: no DNS traffic


def guarded_client(recorder: Recorder, dns: FakeDNS, allow: bool = False) -> httpx.Client:
    settings = Settings(db=":memory:", allow_private_urls=allow)
    client = make_client(settings, recorder)
    assert isinstance(client._transport, GuardedTransport)
    client._transport.resolver = dns
    return client


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"), ("127.5.6.7", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("fc00::1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("100.64.0.1", "shared (CGNAT)"), ("100.127.255.254", "shared (CGNAT)"),
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"), ("240.0.0.1", "reserved"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("::ffff:127.0.0.1", "an IPv4-mapped address"), ("::ffff:8.8.8.8", "an IPv4-mapped address"),
    ("192.0.2.1", "private"),  # documentation range (TEST-NET-1)
])
def test_non_public_addresses_are_refused(address: str, reason: str) -> None:
    assert refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", [PUBLIC, "8.8.8.8", "2606:4700:4700::1111", "100.128.0.1"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8080/", "http://[::1]/", "http://2130706433/",
    "http://0x7f000001/", "http://127.1/", "http://0177.0.0.1/", "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/", "https://127.0.0.1/",
])
def test_loopback_in_every_spelling_is_refused_without_connecting(url: str) -> None:
    recorder, dns = Recorder(), FakeDNS({})
    # httpx itself rejects an octal dotted quad (0177.0.0.1) as an invalid URL: refused too.
    with guarded_client(recorder, dns) as client, \
            pytest.raises(FetchError, match="refused|not a usable URL"):
        fetch_document(client, url, Settings(db=":memory:"))
    assert recorder.requests == []


@pytest.mark.parametrize(("host", "address"), [
    ("intranet.example", "10.0.0.5"), ("metadata.example", "169.254.169.254"),
    ("carrier.example", "100.64.1.1"), ("v6.example", "fd12:3456::1")])
def test_a_name_resolving_to_a_private_address_is_refused(host: str, address: str) -> None:
    recorder, dns = Recorder(), FakeDNS({host: address})
    with guarded_client(recorder, dns) as client, pytest.raises(FetchError) as caught:
        fetch_document(client, f"http://{host}/page", Settings(db=":memory:"))
    assert f"{host} ({address}) is" in str(caught.value)
    assert "VEILLE_ALLOW_PRIVATE_URLS" in str(caught.value)
    assert recorder.requests == []


def test_the_connection_goes_to_the_checked_address_with_host_and_sni_kept() -> None:
    recorder, dns = Recorder(), FakeDNS({"news.example": PUBLIC})
    with guarded_client(recorder, dns) as client:
        doc = fetch_document(client, "https://news.example/a?x=1", Settings(db=":memory:"))
    (sent,) = recorder.requests
    assert sent.url.host == PUBLIC and sent.url.path == "/a" and sent.url.query == b"x=1"
    assert sent.headers["Host"] == "news.example"
    assert sent.extensions["sni_hostname"] == "news.example"
    assert dns.lookups == ["news.example"]  # one lookup, no second one to race against
    assert doc.url == "https://news.example/a?x=1"  # the name, not the IP, is recorded


def test_a_redirect_into_loopback_is_refused_at_the_second_hop() -> None:
    recorder = Recorder(redirect_to="http://localhost:6379/")
    dns = FakeDNS({"news.example": PUBLIC})
    with guarded_client(recorder, dns) as client, pytest.raises(FetchError, match="loopback"):
        fetch_document(client, "http://news.example/a", Settings(db=":memory:"))
    assert len(recorder.requests) == 1  # the public hop only


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example/a",
                                 "gopher://news.example/"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    recorder, dns = Recorder(), FakeDNS({"news.example": PUBLIC})
    with guarded_client(recorder, dns, allow=True) as client, pytest.raises(FetchError):
        fetch_document(client, url, Settings(db=":memory:", allow_private_urls=True))
    assert recorder.requests == []


def test_a_redirect_to_another_scheme_is_refused_even_when_private_urls_are_allowed() -> None:
    recorder = Recorder(redirect_to="file:///etc/passwd")
    with guarded_client(recorder, FakeDNS({}), allow=True) as client, \
            pytest.raises(FetchError, match="only http and https"):
        fetch_document(client, "http://127.0.0.1/a", Settings(db=":memory:"))
    assert len(recorder.requests) == 1


def test_a_real_loopback_server_is_refused_unless_opted_in(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/secret").respond_with_data("secret", content_type="text/plain")
    url = httpserver.url_for("/secret")
    default = Settings(db=":memory:")
    with make_client(default) as client, pytest.raises(FetchError, match="loopback"):
        fetch_document(client, url, default)
    assert httpserver.log == []
    opted_in = Settings(db=":memory:", allow_private_urls=True)
    with make_client(opted_in) as client:
        assert fetch_document(client, url, opted_in).text == "secret"
