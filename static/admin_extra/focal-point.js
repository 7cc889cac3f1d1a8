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
  // The crop the renditions get (images/renditions.py, crop_box): the largest box of the
  // crop's ratio, centred on the focal point as far as the picture's edges allow.
  const place = (crop, x, y) => {
    const { naturalWidth: w, naturalHeight: h } = crop;
    const boxW = crop.clientWidth;
    const boxH = crop.clientHeight;
    if (!w || !h || !boxW || !boxH) return;
    const scale = Math.max(boxW / w, boxH / h);
    const clamp = (value, max) => Math.min(Math.max(value, 0), max);
    const left = clamp((w * scale * x) / 100 - boxW / 2, w * scale - boxW);
    const top = clamp((h * scale * y) / 100 - boxH / 2, h * scale - boxH);
    crop.style.objectPosition = `${-left}px ${-top}px`;
  };
  const show = () => {
    const x = Math.min(100, Math.max(0, Number(fx.value) || 0));
    const y = Math.min(100, Math.max(0, Number(fy.value) || 0));
    marker.style.left = `${x}%`;
    marker.style.top = `${y}%`;
    for (const crop of crops) place(crop, x, y);
  };
  for (const crop of crops) {
    if (crop.complete) show();
    else crop.addEventListener("load", show);
  }
  picker.addEventListener("click", (event) => {
    const box = picker.getBoundingClientRect();
    fx.value = Math.round(((event.clientX - box.left) / box.width) * 100);
    fy.value = Math.round(((event.clientY - box.top) / box.height) * 100);
    show();
  });
  fx.addEventListener("input", show);
  fy.addEventListener("input", show);
});
