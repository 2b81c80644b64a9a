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
})
