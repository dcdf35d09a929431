"""The report, a show page and a diff page opened in a real headless Chromium (Debian's
`chromium` and `chromium-driver`, driven by selenium): they load with no console error, every
chart is drawn, links to documents work, the table sorts, labels do not overlap, long ids
wrap, and a screenshot of each is written under the test's temporary folder.

Skipped only when no Chromium is installed (CI installs it: see .ci/run).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import PARSED, RAW, SEED_NEWS, SEED_STATEMENT
from diplotext.cli import main
from diplotext.views.report import build_report
from test_report import write_corpus

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
DRIVER = shutil.which("chromedriver") or next((p for p in ("/usr/lib/chromium/chromedriver",) if Path(p).exists()), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None, reason="no chromium / chromedriver installed")


@pytest.fixture(scope="module")
def browser() -> Any:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def open_page(driver: Any, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    driver.get_log("browser")  # what an earlier page left
    driver.refresh()


def console_errors(driver: Any) -> list[dict[str, Any]]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def screenshot(driver: Any, path: Path) -> None:
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    parsed = write_corpus(root / "parsed")
    build_report(parsed, root / "report.html", texts=[RAW])
    return root


def test_report_loads_draws_every_chart_and_links_work(browser: Any, site: Path, tmp_path: Path) -> None:
    open_page(browser, site / "report.html")
    assert console_errors(browser) == []
    charts = browser.execute_script("""
        return Array.from(document.querySelectorAll('figure.chart svg')).map(function (svg) {
            var r = svg.getBoundingClientRect();
            return [r.width, r.height, svg.querySelectorAll('path, line, rect, use').length,
                    svg.querySelectorAll('text').length];
        });""")
    assert len(charts) >= 6
    for width, height, shapes, texts in charts:
        assert width > 200 and height > 100 and shapes > 5 and texts > 3
    screenshot(browser, tmp_path / "report.png")

    links = browser.execute_script("return Array.from(document.querySelectorAll('a.doc')).map(a => a.href)")
    assert len(links) == 7
    for href in links:
        browser.get(href)
        assert browser.execute_script("return document.querySelectorAll('section.block').length") > 0, href
        assert console_errors(browser) == [], href
    browser.back()


def test_the_documents_table_sorts(browser: Any, site: Path) -> None:
    open_page(browser, site / "report.html")
    column = "return Array.from(document.querySelectorAll('table.docs tbody tr')).map(r => r.cells[%d].textContent)"
    header = browser.find_elements("css selector", "table.docs th")
    names = [h.text for h in header]
    entities = names.index("entities")
    header[entities].click()
    up = [int(x) for x in browser.execute_script(column % entities)]
    assert up == sorted(up)
    header[entities].click()
    down = [int(x) for x in browser.execute_script(column % entities)]
    assert down == sorted(up, reverse=True) and up != down
    assert console_errors(browser) == []


_OVERLAPS = """
var labs = Array.from(document.querySelectorAll('a.lab')).map(function (a) { return a.getBoundingClientRect(); });
var hits = [];
for (var i = 0; i < labs.length; i++) for (var j = i + 1; j < labs.length; j++) {
  var a = labs[i], b = labs[j];
  if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) hits.push([i, j]);
}
return [labs.length, hits];
"""


def test_show_page_labels_never_overlap_and_long_ids_wrap(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "show.html"
    assert main(["show", str(SEED_NEWS), "--html", str(page)]) == 0
    open_page(browser, page)
    assert console_errors(browser) == []
    count, hits = browser.execute_script(_OVERLAPS)
    assert count > 50 and hits == []
    kinds = browser.execute_script("return Array.from(new Set(Array.from(document.querySelectorAll('mark.hl'))"
                                   ".map(m => m.classList[1])))")
    assert {"entity", "date", "event", "stance"} <= set(kinds)
    # the longest id of the page (a treaty named by its title) wraps inside its label and its cell
    widths = browser.execute_script("""
        var lab = Array.from(document.querySelectorAll('a.lab')).sort((a, b) => b.textContent.length - a.textContent.length)[0];
        var text = lab.closest('.text').getBoundingClientRect();
        return [lab.textContent.length, lab.getBoundingClientRect().width, text.width,
                document.documentElement.scrollWidth, window.innerWidth];""")
    longest, label_width, column, scroll, window = widths
    assert longest > 60 and label_width < column / 2 and scroll <= window
    browser.find_element("css selector", "a.lab").click()  # a label leads to its row in the table
    assert browser.execute_script("return location.hash").startswith("#v")
    screenshot(browser, tmp_path / "show.png")


def test_diff_page_loads(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "diff.html"
    assert main(["diff", str(SEED_STATEMENT), str(PARSED / (SEED_NEWS.stem + ".json")), "--html", str(page)]) == 0
    open_page(browser, page)
    assert console_errors(browser) == []
    rows = browser.execute_script("return [document.querySelectorAll('tr.added').length, "
                                  "document.querySelectorAll('tr.removed').length]")
    assert rows[0] > 20 and rows[1] > 10
    assert browser.execute_script("return document.documentElement.scrollWidth") <= browser.execute_script(
        "return window.innerWidth")
    screenshot(browser, tmp_path / "diff.png")
