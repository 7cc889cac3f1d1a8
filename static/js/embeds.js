// Two-click embeds (jinja2/articles/parts/embed.html): the provider's iframe is made only
// when the reader clicks "Inhalt laden"; before that nothing is requested from the provider.
(function () {
  "use strict";
  function load(figure) {
    var frame = document.createElement("iframe");
    frame.src = figure.getAttribute("data-embed-frame");
    frame.title = figure.getAttribute("data-embed-provider") || "";
    frame.className = "embed__frame";
    frame.loading = "eager";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
    frame.setAttribute("allowfullscreen", "");
    var placeholder = figure.querySelector(".embed__placeholder");
    figure.replaceChild(frame, placeholder);
    figure.classList.add("embed--loaded");
    frame.focus();
  }
  // Also called by liveticker.js for entries that arrive later; each figure is wired once
  // (the script may be on a page twice: the body and the live ticker).
  function wire(root) {
    root.querySelectorAll("figure[data-embed-frame]").forEach(function (figure) {
      var button = figure.querySelector(".embed__load");
      if (!button || figure.hasAttribute("data-embed-wired")) {
        return;
      }
      figure.setAttribute("data-embed-wired", "");
      button.hidden = false;
      button.addEventListener("click", function () {
        load(figure);
      });
    });
  }
  window.newsroomEmbeds = { wire: wire };
  wire(document);
})();
