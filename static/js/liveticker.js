// The live ticker (jinja2/liveticker/ticker.html): while it runs, ask every few seconds
// for entries newer than the newest shown (a small, cached endpoint: polling works through
// the page cache, Varnish and CDNs and holds no server worker). New entries wait behind a
// button, so nothing moves under the reader's eyes; a polite live region says how many
// came. Without JavaScript a reload shows them.
(function () {
  "use strict";
  var ticker = document.querySelector("[data-ticker-live]");
  if (!ticker || !window.fetch) {
    return;
  }
  var list = ticker.querySelector("[data-ticker-entries]");
  var button = ticker.querySelector("[data-ticker-show]");
  var status = ticker.querySelector("[data-ticker-status]");
  var after = ticker.getAttribute("data-ticker-after") || "0";
  var seconds = Math.max(1, parseFloat(ticker.getAttribute("data-ticker-poll")) || 15);
  var waiting = [];
  // The page's Content-Security-Policy lets only these origins be framed: an embed from
  // another one in a new entry keeps its link ("Auf … öffnen"); a reload makes it loadable.
  var frames = (ticker.getAttribute("data-ticker-frames") || "").split(" ");

  function framesAllowed(item) {
    var ok = true;
    item.querySelectorAll("figure[data-embed-frame]").forEach(function (figure) {
      var origin = new URL(figure.getAttribute("data-embed-frame"), window.location.href).origin;
      ok = ok && frames.indexOf(origin) !== -1;
    });
    return ok;
  }

  function label(count) {
    var text = button.getAttribute(count === 1 ? "data-one" : "data-many");
    return text.replace("{count}", String(count));
  }

  function show() {
    var first = null;
    // Newest first: the waiting entries came oldest first.
    waiting.slice().reverse().forEach(function (html) {
      var item = document.createElement("li");
      item.innerHTML = html;
      item.className = "ticker__new";
      var empty = list.querySelector(".ticker__empty");
      if (empty) {
        empty.remove();
      }
      list.insertBefore(item, first ? first.nextSibling : list.firstChild);
      first = first || item;
      if (window.newsroomEmbeds && framesAllowed(item)) {
        window.newsroomEmbeds.wire(item);
      }
    });
    waiting = [];
    button.hidden = true;
    if (first) {
      var entry = first.querySelector("article");
      entry.setAttribute("tabindex", "-1");
      entry.focus();
    }
  }

  function poll() {
    var url = ticker.getAttribute("data-ticker-url") + "?nach=" + encodeURIComponent(after);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && data.entries.length) {
          data.entries.forEach(function (entry) {
            if (!list.querySelector('[data-entry="' + entry.id + '"]')) {
              waiting.push(entry.html);
            }
          });
          after = String(data.entries[data.entries.length - 1].id);
          if (waiting.length) {
            button.textContent = label(waiting.length);
            button.hidden = false;
            status.textContent = label(waiting.length);
          }
        }
      })
      .catch(function () {})
      .then(function () {
        window.setTimeout(poll, seconds * 1000);
      });
  }

  button.addEventListener("click", show);
  window.setTimeout(poll, seconds * 1000);
})();
