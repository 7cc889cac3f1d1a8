// Fields marked data-select-on-focus (a preview link to copy) select their whole text on focus
// or click. A file, not an inline handler, so the admin's Content-Security-Policy allows it.
"use strict";
document.addEventListener("focusin", (event) => {
  if (event.target.matches && event.target.matches("input[data-select-on-focus]")) {
    event.target.select();
  }
});
document.addEventListener("click", (event) => {
  if (event.target.matches && event.target.matches("input[data-select-on-focus]")) {
    event.target.select();
  }
});
