// Completes the tag being typed in a comma-separated tag field from its <datalist>.
// The datalist starts with the plain tag names; while typing, each option is rewritten
// to "<tags already entered>, <suggestion>" so the browser's own suggestion list matches.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[list$='-suggestions']")) {
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) continue;
    const names = Array.from(list.options, (option) => option.value);
    input.addEventListener("input", () => {
      const parts = input.value.split(",");
      const current = parts.pop().trim().toLowerCase();
      const prefix = parts.map((part) => part.trim()).filter(Boolean).join(", ");
      const chosen = new Set(parts.map((part) => part.trim().toLowerCase()));
      list.replaceChildren(
        ...names
          .filter((name) => !chosen.has(name.toLowerCase()))
          .filter((name) => name.toLowerCase().includes(current))
          .slice(0, 30)
          .map((name) => new Option(prefix ? `${prefix}, ${name}` : name))
      );
    });
  }
});
