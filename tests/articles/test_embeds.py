"""Which pasted addresses become an embed, from which provider, with which iframe: each
provider on the allow-list, and addresses dressed up to look like one."""

import pytest

from core.embeds import embed_for


@pytest.mark.parametrize(
    ("url", "provider", "frame_url"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "youtube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "youtube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "youtube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "vimeo", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://x.com/tagesschau/status/1790000000000000000",
            "x",
            "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true",
        ),
        (
            "https://twitter.com/tagesschau/status/1790000000000000000",
            "x",
            "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true",
        ),
        (
            "https://www.instagram.com/p/C8abc123XYZ/",
            "instagram",
            "https://www.instagram.com/p/C8abc123XYZ/embed/",
        ),
        (
            "https://bsky.app/profile/tagesschau.de/post/3kq2abcdefgh2",
            "bluesky",
            "https://embed.bsky.app/embed/tagesschau.de/app.bsky.feed.post/3kq2abcdefgh2",
        ),
        (
            "https://chaos.social/@leipzig/112233445566778899",
            "mastodon",
            "https://chaos.social/@leipzig/112233445566778899/embed",
        ),
        (
            "https://mastodon.example-zeitung.de/@redaktion/42",
            "mastodon",
            "https://mastodon.example-zeitung.de/@redaktion/42/embed",
        ),
        ("https://datawrapper.dwcdn.net/AbC12/3/", "datawrapper", "https://datawrapper.dwcdn.net/AbC12/3/"),
        ("https://www.datawrapper.de/_/AbC12/", "datawrapper", "https://datawrapper.dwcdn.net/AbC12/"),
    ],
)  # fmt: skip
def test_each_provider_on_the_allow_list_gives_its_iframe(url, provider, frame_url):
    embed = embed_for(url)

    assert embed is not None
    assert (embed.provider, embed.frame_url, embed.url) == (provider, frame_url, url)


def test_youtube_plays_from_the_no_cookie_host():
    embed = embed_for("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42")

    assert embed.origin == "https://www.youtube-nocookie.com"
    assert embed.name == "YouTube"


def test_a_host_from_the_setting_is_framed_as_pasted(settings):
    settings.EMBED_IFRAME_HOSTS = ["grafik.example-zeitung.de"]
    url = "https://grafik.example-zeitung.de/wahl/2026/karte.html"

    embed = embed_for(url)

    assert (embed.provider, embed.frame_url, embed.name) == (
        "iframe",
        url,
        "grafik.example-zeitung.de",
    )
    assert embed_for("https://evil.example-zeitung.de/wahl/karte.html") is None


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)//https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "//www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.tld/watch?v=dQw4w9WgXcQ",
        "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com@evil.tld/watch?v=dQw4w9WgXcQ",
        "https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "https://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com\\@evil.tld/watch?v=dQw4w9WgXcQ",
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>alert(1)</script>',
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&v=aaaaaaaaaaa",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/@kanal/1234",
        " https://vimeo.com/76979871",
        "https://vimeo.com/76979871\n",
        "https://127.0.0.1/@user/123",
        "https://[::1]/@user/123",
        "https://mastodon.social/@user/123?x=<",
        "https://mastodon.social/@user/123/../../admin",
        "https://x.com.evil.tld/tagesschau/status/1",
        "https://bsky.app.evil.tld/profile/a.bsky.social/post/3kq2abcdefgh2",
        "https://datawrapper.dwcdn.net.evil.tld/AbC12/",
        "https://www.instagram.com/p/C8abc123XYZ/embed/../../../accounts/login/",
        "https://example.org/some/page",
        "",
        None,
    ],
)
def test_hostile_or_unknown_addresses_are_no_embed(url):
    assert embed_for(url) is None
