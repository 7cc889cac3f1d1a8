vcl 4.1;
# Varnish in front of the newsroom (gunicorn on 127.0.0.1:8000); see docs/caching.md.
#
#   varnishd -a :80 -f /srv/newsroom/deploy/varnish.vcl -s malloc,1g
#   CACHE_PURGE_URL=http://127.0.0.1:80/   (in the site's environment)
#
# - Keeps what the site marks public (Cache-Control s-maxage, bounded by the site by the next
#   scheduled publication), and serves it stale for stale-while-revalidate seconds while it
#   fetches a fresh copy in the background.
# - Never keeps the admin, previews, the API or anything private or with a cookie.
# - Drops exactly the pages that show what changed: the site sends
#   "PURGE /" with "xkey-purge: a12 home ls3"; every object whose xkey header holds one of
#   those keys is banned (a lurker-friendly ban on obj.* only, so no vmod is needed).

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 30s;
}

# Who may purge: the site's own machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge !~ "^[a-z0-9-]+( [a-z0-9-]+)*$") {
            return (synth(400, "Bad keys"));
        }
        # "a12 home" -> obj.http.xkey ~ (^|\s)(a12|home)(\s|$)  (no blank: a ban's value is
        # one word)
        ban("obj.http.xkey ~ (^|\s)(" + regsuball(req.http.xkey-purge, " +", "|") + ")(\s|$)");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors' and personal pages: straight to the site, with their cookies. With another
    # ADMIN_URL (say redaktion/), write it here instead of admin. Varnish appends the
    # client's address to X-Forwarded-For: run the site with PROXY_COUNT=1.
    if (req.url ~ "^/(admin|vorschau|api)(/|$)" || req.url ~ "^/(healthz|readyz)") {
        return (pass);
    }
    # Public pages are the same for everyone: the session and CSRF cookies do not matter
    # to them, and a request with a cookie would otherwise never be served from the cache.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # Keep only what the site says a shared cache may keep.
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # s-maxage sets the ttl and stale-while-revalidate the grace: Varnish reads both from
    # Cache-Control. (stale-if-error is for CDNs; here a page past its grace is fetched anew.)
    return (deliver);
}

sub vcl_deliver {
    # The keys are for this cache only; browsers never keep the page themselves (max-age=0
    # or the feeds' own max-age, as the site sent it).
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
