// Sets an image's focal point by clicking on the picture in the admin; the two number
// fields stay the way to type it, and the crop previews follow at once.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector(".nr-focal__picker");
  const fx = document.getElementById("id_focal_x");
  const fy = document.getElementById("id_focal_y");
  if (!picker || !fx || !fy) return;
  const marker = picker.querySelector(".nr-focal__marker");
  const crops = document.querySelectorAll(".nr-crop");
  const show = () => {
    const x = Math.min(100, Math.max(0, Number(fx.value) || 0));
    const y = Math.min(100, Math.max(0, Number(fy.value) || 0));
    marker.style.left = `${x}%`;
    marker.style.top = `${y}%`;
    for (const crop of crops) crop.style.objectPosition = `${x}% ${y}%`;
  };
  picker.addEventListener("click", (event) => {
    const box = picker.getBoundingClientRect();
    fx.value = Math.round(((event.clientX - box.left) / box.width) * 100);
    fy.value = Math.round(((event.clientY - box.top) / box.height) * 100);
    show();
  });
  fx.addEventListener("input", show);
  fy.addEventListener("input", show);
});
