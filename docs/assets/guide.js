// Small fixes to the theme's markup, re-applied after every instant navigation.
document$.subscribe(function () {
  // The search overlay is a dialog; screen readers need its name (axe: aria-dialog-name).
  var search = document.querySelector(".md-search[role=dialog]")
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search")
  // A row of tab labels too wide for the screen scrolls sideways; keyboard users must be able
  // to reach it to scroll it (axe: scrollable-region-focusable).
  document.querySelectorAll(".tabbed-labels").forEach(function (labels) {
    if (labels.scrollWidth > labels.clientWidth) labels.setAttribute("tabindex", "0")
  })
  // On a narrow screen a diagram keeps its drawn size (guide.css) and scrolls sideways, so its
  // labels stay readable instead of shrinking to a few pixels; same keyboard rule as above.
  document.querySelectorAll(".ffg-diagram svg").forEach(function (svg) {
    var width = svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal.width : 0
    if (width) svg.style.setProperty("--ffg-drawn-width", width + "px")
    var box = svg.closest(".ffg-diagram")
    if (box && box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0")
  })
})
