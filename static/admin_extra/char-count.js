// A live character count under inputs marked data-char-count ("12 von 200 Zeichen"), and for
// the headline the length of the title line ("Kicker: Headline") against what search
// engines show. The texts come from the server (translated) in data attributes. A file, not
// an inline script, so the admin's Content-Security-Policy allows it.
"use strict";
(function () {
  function titleLength(input) {
    const parts = input.dataset.titleOf.split(" ")
      .map((id) => document.getElementById(id))
      .filter((element) => element && element.value.trim())
      .map((element) => element.value.trim());
    return parts.join(": ").length;
  }

  function setUp(input) {
    const output = document.createElement("div");
    output.className = "help nr-char-count";
    output.setAttribute("aria-live", "polite");
    output.id = input.id + "-count";
    input.setAttribute("aria-describedby", output.id);
    // Below the label-and-input row, not inside it (it would squeeze the input).
    (input.closest(".flex-container") || input).insertAdjacentElement("afterend", output);
    function update() {
      let text = input.dataset.charCount
        .replace("{count}", input.value.length)
        .replace("{max}", input.maxLength > 0 ? input.maxLength : "–");
      let over = false;
      if (input.dataset.titleOf) {
        const count = titleLength(input);
        const limit = Number(input.dataset.titleLimit);
        over = count > limit;
        text += " · " + input.dataset.titleCount.replace("{count}", count).replace("{limit}", limit);
      }
      output.textContent = text;
      output.classList.toggle("nr-char-count--over", over);
      output.style.color = over ? "var(--error-fg, #ba2121)" : "";
    }
    update();
    input.addEventListener("input", update);
    if (input.dataset.titleOf) {
      input.dataset.titleOf.split(" ").forEach((id) => {
        const other = document.getElementById(id);
        if (other && other !== input) other.addEventListener("input", update);
      });
    }
  }

  function init() {
    document.querySelectorAll("input[data-char-count]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
