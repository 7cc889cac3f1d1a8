// Two-click embeds (templates/articles/parts/embed.html): the provider's iframe is made only
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
  document.querySelectorAll("figure[data-embed-frame]").forEach(function (figure) {
    var button = figure.querySelector(".embed__load");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      load(figure);
    });
  });
})();
