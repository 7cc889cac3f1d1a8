"""Third-party content in an article: which addresses may be embedded, from which provider,
and the iframe address that shows them.

An editor pastes the address of a post or video as they see it (``<figure data-embed="…">``
in the body); ``embed_for`` reads it and answers with an ``Embed`` (the provider's name, the
address to link to, the iframe to load after the reader's click and that iframe's origin for
the Content-Security-Policy), or None for anything not on the allow-list. Only https, only
the providers' own hosts by exact name (no ``youtube.com.evil.tld``), no user names, ports
or odd characters in the address.

The iframe addresses are the providers' privacy-friendlier ones where there is one
(youtube-nocookie.com, Vimeo's ``dnt=1``, X's ``dnt=true``); none of them needs a script of
ours or theirs on the page. Hosts of further iframe providers (a newsroom's own graphics
server, say) come from the ``EMBED_IFRAME_HOSTS`` setting: their addresses are framed as
pasted.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from django.conf import settings

MAX_LENGTH = 2000
# Letters, digits and hyphens in dot-separated labels: what a host name may be (no IP
# literals, no ports, no percent-encoding, no trailing dot).
HOST_NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Printable ASCII without spaces, quotes, angle brackets and backslashes.
SAFE_URL = re.compile(r"^https://[!#$%&()*+,\-./0-9:;=?@A-Z\[\]_a-z~]+$")

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?$")
VIMEO_PATH = re.compile(r"^/(?:video/)?(\d{1,12})/?$")
X_HOSTS = {"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"}
X_PATH = re.compile(r"^/[A-Za-z0-9_]{1,15}/status/(\d{1,20})/?$")
INSTAGRAM_HOSTS = {"instagram.com", "www.instagram.com"}
INSTAGRAM_PATH = re.compile(r"^/(p|reel|tv)/([A-Za-z0-9_-]{5,40})/?$")
BLUESKY_PATH = re.compile(
    r"^/profile/((?:did:plc:[a-z2-7]{24})|(?:[a-z0-9][a-z0-9.-]{0,251}[a-z0-9]))"
    r"/post/([a-z2-7]{13})/?$"
)
MASTODON_PATH = re.compile(r"^/@([A-Za-z0-9_]{1,30})/(\d{1,20})/?$")
DATAWRAPPER_HOSTS = {"datawrapper.dwcdn.net", "datawrapper.de", "www.datawrapper.de"}
DATAWRAPPER_PATH = re.compile(r"^/(?:_/)?([A-Za-z0-9]{5})(?:/(\d{1,4}))?/?$")


@dataclass(frozen=True)
class Embed:
    """An allowed embed: ``provider`` (a key), ``name`` (for readers), ``url`` (as pasted,
    the link for readers without JavaScript and for feeds), ``frame_url`` (loaded after the
    click), ``kind`` ("video": 16:9, "post": a tall card, "graphic")."""

    provider: str
    name: str
    url: str
    frame_url: str
    kind: str

    @property
    def origin(self):
        """The iframe's origin, as the Content-Security-Policy's frame-src names it."""
        parts = urlsplit(self.frame_url)
        return f"{parts.scheme}://{parts.netloc}"


def _split(url):
    """The parts of a plain https address, or None for anything else."""
    if not isinstance(url, str) or len(url) > MAX_LENGTH or not SAFE_URL.fullmatch(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname or ""
    # "https://youtube.com@evil.tld/": the user name part is a classic disguise.
    if parts.scheme != "https" or "@" in parts.netloc or port is not None:
        return None
    if parts.netloc != host or not HOST_NAME.fullmatch(host):
        return None  # upper case, a port, an IP address or no host at all
    return parts


def _youtube(parts, url):
    video = None
    if parts.hostname in YOUTUBE_HOSTS:
        if parts.path == "/watch":
            ids = parse_qs(parts.query).get("v", [])
            video = ids[0] if len(ids) == 1 else None
        elif match := YOUTUBE_PATH.fullmatch(parts.path):
            video = match.group(1)
    elif parts.hostname == "youtu.be":
        video = parts.path[1:].rstrip("/")
    if not video or not YOUTUBE_ID.fullmatch(video):
        return None
    return Embed(
        "youtube", "YouTube", url, f"https://www.youtube-nocookie.com/embed/{video}", "video"
    )


def _vimeo(parts, url):
    if parts.hostname not in {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}:
        return None
    match = VIMEO_PATH.fullmatch(parts.path)
    if not match or (parts.hostname == "player.vimeo.com") != parts.path.startswith("/video/"):
        return None
    frame = f"https://player.vimeo.com/video/{match.group(1)}?dnt=1"
    return Embed("vimeo", "Vimeo", url, frame, "video")


def _x(parts, url):
    if parts.hostname not in X_HOSTS or not (match := X_PATH.fullmatch(parts.path)):
        return None
    frame = f"https://platform.twitter.com/embed/Tweet.html?id={match.group(1)}&dnt=true"
    return Embed("x", "X (Twitter)", url, frame, "post")


def _instagram(parts, url):
    if parts.hostname not in INSTAGRAM_HOSTS or not (match := INSTAGRAM_PATH.fullmatch(parts.path)):
        return None
    kind, code = match.groups()
    frame = f"https://www.instagram.com/{kind}/{code}/embed/"
    return Embed("instagram", "Instagram", url, frame, "post")


def _bluesky(parts, url):
    if parts.hostname != "bsky.app" or not (match := BLUESKY_PATH.fullmatch(parts.path)):
        return None
    author, post = match.groups()
    frame = f"https://embed.bsky.app/embed/{quote(author)}/app.bsky.feed.post/{post}"
    return Embed("bluesky", "Bluesky", url, frame, "post")


def _mastodon(parts, url):
    # Any instance: the address's shape tells a Mastodon post (https://host/@user/123).
    if parts.hostname in KNOWN_HOSTS or parts.query or parts.fragment:
        return None
    if not (match := MASTODON_PATH.fullmatch(parts.path)):
        return None
    user, post = match.groups()
    frame = f"https://{parts.hostname}/@{user}/{post}/embed"
    return Embed("mastodon", "Mastodon", url, frame, "post")


def _datawrapper(parts, url):
    if parts.hostname not in DATAWRAPPER_HOSTS or not (
        match := DATAWRAPPER_PATH.fullmatch(parts.path)
    ):
        return None
    chart, version = match.groups()
    frame = f"https://datawrapper.dwcdn.net/{chart}/" + (f"{version}/" if version else "")
    return Embed("datawrapper", "Datawrapper", url, frame, "graphic")


def _listed_iframe(parts, url):
    hosts = {host.lower() for host in getattr(settings, "EMBED_IFRAME_HOSTS", ())}
    if parts.hostname not in hosts:
        return None
    return Embed("iframe", parts.hostname, url, url, "graphic")


# Hosts of the providers above: never read as a Mastodon instance.
KNOWN_HOSTS = {
    *YOUTUBE_HOSTS, "youtu.be", "vimeo.com", "www.vimeo.com", "player.vimeo.com", *X_HOSTS,
    *INSTAGRAM_HOSTS, "bsky.app", *DATAWRAPPER_HOSTS,
}  # fmt: skip
# Providers with hosts of their own first; Mastodon (any host) after them.
PROVIDERS = [_youtube, _vimeo, _x, _instagram, _bluesky, _datawrapper, _listed_iframe, _mastodon]


def embed_for(url):
    """The ``Embed`` for an address an editor pasted, or None if it is not allowed."""
    parts = _split(url)
    if parts is None:
        return None
    for provider in PROVIDERS:
        embed = provider(parts, url)
        if embed is not None:
            return embed
    return None
