// Never lose typing: once a field of the article form was edited, leaving the page by any
// other way than submitting that form (a link, another button's form, closing the tab)
// asks first. Submitting the form (save or a workflow step, which saves first) does not.
// A file, not an inline script, so the admin's Content-Security-Policy allows it.
"use strict";
(function () {
  function init() {
    const form = document.getElementById("article_form");
    if (!form) return;
    // A form shown again with errors holds typing that is not saved yet.
    let edited = document.querySelector(".errornote, .errorlist") !== null;
    const markEdited = (event) => {
      if (event.target && event.target.form === form) edited = true;
    };
    document.addEventListener("input", markEdited, true);
    document.addEventListener("change", markEdited, true);
    form.addEventListener("submit", () => {
      edited = false;
    });
    window.addEventListener("beforeunload", (event) => {
      if (!edited) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers need a value to ask
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
