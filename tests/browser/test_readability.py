"""Readable at 1280 px and on a phone, measured in Chromium on every page of the built site.

- No excerpt (a code block titled with its snippet file) needs sideways scrolling at 1280 px,
  in any tab or folded block: they are all opened before measuring.
- No diagram label overflows the box drawn around it (at 1280 px), and none renders under
  11 px on a 390 px phone screen.
"""

from tests.browser_tools import watched_page
from tests.browser.test_pages import page_paths

OPEN_EVERYTHING = """() => {
  const style = document.createElement('style')
  style.textContent = '.tabbed-block { display: block !important }'
  document.head.appendChild(style)
  document.querySelectorAll('details').forEach(d => d.open = true)
}"""
OVERFLOWING_EXCERPTS = """() => [...document.querySelectorAll('article div.highlight')]
  .filter(block => (block.querySelector('.filename')?.textContent || '').startsWith('snippets/'))
  .map(block => [block.querySelector('.filename').textContent, block.querySelector('pre > code')])
  .filter(([, code]) => code.scrollWidth > code.clientWidth + 1)
  .map(([name, code]) => `${name} (${code.scrollWidth - code.clientWidth} px too wide)`)"""
LABEL_PROBLEMS = """(smallest) => {
  const problems = []
  for (const svg of document.querySelectorAll('article .ffg-diagram svg')) {
    const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || svg.getBBox().width)
    // On screen, after every transform: a rotated label is measured as it is drawn.
    const rects = [...svg.querySelectorAll('rect')].map(r => r.getBoundingClientRect())
    for (const text of svg.querySelectorAll('text')) {
      const label = text.textContent.trim()
      if (!label) continue
      const size = parseFloat(getComputedStyle(text).fontSize) * scale
      if (smallest && size < smallest) problems.push(`"${label}" renders at ${size.toFixed(1)} px`)
      const box = text.getBoundingClientRect(), cx = box.x + box.width / 2, cy = box.y + box.height / 2
      const around = rects.filter(r => r.x <= cx && cx <= r.right && r.y <= cy && cy <= r.bottom)
        .sort((a, b) => a.width * a.height - b.width * b.height)[0]
      if (!smallest && around && (box.x < around.x - 1 || box.right > around.right + 1))
        problems.push(`"${label}" overflows its box by ${Math.max(around.x - box.x,
          box.right - around.right).toFixed(0)} px`)
    }
  }
  return problems
}"""


def measure(browser, site_url, paths, viewport, checks):
    """One visit per page at this size; each check is (script, argument). Problems, by page."""
    page, watch = watched_page(browser, site_url, viewport=viewport)
    problems = []
    for path in paths:
        page.goto(site_url + path, wait_until="domcontentloaded")
        page.evaluate(OPEN_EVERYTHING)
        for script, argument in checks:
            problems += [f"{path or 'home'}: {p}" for p in page.evaluate(script, argument)]
    page.context.close()
    return problems


def with_diagrams(site):
    return [p for p in page_paths(site) if "ffg-diagram" in (site / p / "index.html").read_text(encoding="utf-8")]


def test_at_1280_px_no_excerpt_scrolls_sideways_and_no_label_leaves_its_box(browser, site_url, site):
    checks = [(OVERFLOWING_EXCERPTS, None), (LABEL_PROBLEMS, 0)]
    assert measure(browser, site_url, page_paths(site), {"width": 1280, "height": 900}, checks) == []


def test_on_a_phone_diagram_labels_are_at_least_11_px(browser, site_url, site):
    phone = {"width": 390, "height": 844}
    assert measure(browser, site_url, with_diagrams(site), phone, [(LABEL_PROBLEMS, 11)]) == []
