// graphs.js - small line graphs on a canvas, written for this page (no
// third-party code). drawGraph(canvas, xs, ys, format) plots ys over xs
// (seconds) with the last value, the maximum and the time span labelled.
"use strict";

function drawGraph(canvas, xs, ys, format) {
  const ctx = canvas.getContext("2d");
  const ratio = window.devicePixelRatio || 1;
  const cssW = canvas.clientWidth || canvas.width, cssH = canvas.clientHeight || canvas.height;
  if (canvas.width !== Math.round(cssW * ratio)) {
    canvas.width = Math.round(cssW * ratio);
    canvas.height = Math.round(cssH * ratio);
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  const left = 4, right = cssW - 4, top = 16, bottom = cssH - 14;
  ctx.font = "11px system-ui, sans-serif";
  ctx.fillStyle = "#667085";
  if (xs.length < 2) {
    ctx.fillText("waiting for samples…", left, top + 20);
    return;
  }
  const x0 = xs[0], x1 = xs[xs.length - 1];
  let yMax = 0;
  for (const y of ys) yMax = Math.max(yMax, y);
  if (yMax <= 0) yMax = 1;
  const px = (x) => left + (right - left) * (x - x0) / Math.max(x1 - x0, 1e-9);
  const py = (y) => bottom - (bottom - top) * y / yMax;
  ctx.strokeStyle = "#e4e7ec";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, bottom + 0.5);
  ctx.lineTo(right, bottom + 0.5);
  ctx.moveTo(left, top + 0.5);
  ctx.lineTo(right, top + 0.5);
  ctx.stroke();
  ctx.strokeStyle = "#2f6fd0";
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let i = 0; i < xs.length; i++) {
    if (i === 0) ctx.moveTo(px(xs[i]), py(ys[i]));
    else ctx.lineTo(px(xs[i]), py(ys[i]));
  }
  ctx.stroke();
  ctx.fillStyle = "#1d2430";
  const last = "now " + format(ys[ys.length - 1]);
  ctx.fillText(last, right - ctx.measureText(last).width, 11);
  ctx.fillStyle = "#667085";
  ctx.fillText("max " + format(yMax), left, 11);
  const span = "last " + formatDuration(x1 - x0);
  ctx.fillText(span, right - ctx.measureText(span).width, cssH - 2);
}

function formatDuration(seconds) {
  if (seconds < 120) return Math.round(seconds) + " s";
  if (seconds < 7200) return Math.round(seconds / 60) + " min";
  return (seconds / 3600).toFixed(1) + " h";
}
