// Small fixes to the theme's markup, re-applied after every instant navigation.

// Widths are read once the browser has laid the page out anyway: reading them while the page
// loads would force an extra layout of the whole page (Lighthouse: total blocking time).
var scrollable = new ResizeObserver(function (entries) {
  entries.forEach(function (entry) {
    var box = entry.target
    if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0")
    else box.removeAttribute("tabindex")
  })
})

document$.subscribe(function () {
  // The search overlay is a dialog; screen readers need its name (axe: aria-dialog-name).
  var search = document.querySelector(".md-search[role=dialog]")
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search")
  // The open chapter's toggle in the sidebar shows only an arrow (navigation.prune with
  // navigation.indexes); a screen reader would announce a control with no name. The name is
  // text for screen readers only: a label may carry no aria-label (axe: aria-prohibited-attr).
  document.querySelectorAll(".md-nav--primary label.md-nav__link[for^='__nav_']").forEach(function (toggle) {
    var chapter = toggle.parentNode.querySelector("a.md-nav__link")
    if (chapter && !toggle.textContent.trim()) {
      var name = document.createElement("span")
      name.className = "ffg-visually-hidden"
      name.textContent = "Show or hide the pages of " + chapter.textContent.trim()
      toggle.append(name)
    }
  })
  // A row of tab labels too wide for the screen scrolls sideways; keyboard users must be able
  // to reach it to scroll it (axe: scrollable-region-focusable).
  document.querySelectorAll(".tabbed-labels").forEach(function (labels) {
    scrollable.observe(labels)
  })
  // The theme mounts a code block only when it first scrolls into view (content.lazy in
  // mkdocs.yml), so until then it is the layout, not the theme, that says which blocks scroll.
  document.querySelectorAll(".highlight pre > code").forEach(function (code) {
    scrollable.observe(code)
  })
  // On a narrow screen a diagram keeps its drawn size (guide.css) and scrolls sideways, so its
  // labels stay readable instead of shrinking to a few pixels; same keyboard rule as above.
  document.querySelectorAll(".ffg-diagram svg").forEach(function (svg) {
    var width = svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal.width : 0
    if (width) svg.style.setProperty("--ffg-drawn-width", width + "px")
    var box = svg.closest(".ffg-diagram")
    if (box) scrollable.observe(box)
  })
})

