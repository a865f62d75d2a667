"""The web page in a real browser: headless Chromium driven by Selenium, the system's browser and driver.

Install them with ``apt-get install chromium chromium-driver`` (Debian, Ubuntu); Selenium comes with the dev
extra. Without them these tests skip, saying why. Set ``FOLLOWUP_LINT_SCREENSHOTS=docs`` to write the
screenshots into docs/ (the ones committed there were taken so); otherwise they go to a temporary folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web page needs the 'web' extra (pip install -e '.[web]')")
pytest.importorskip("uvicorn", reason="the web page needs the 'web' extra (pip install -e '.[web]')")
pytest.importorskip("selenium", reason="the browser tests need Selenium (pip install -e '.[dev]')")

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from followup_lint import Config
from followup_lint.web.server import BackgroundServer
from followup_lint.web.service import Service

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((path for name in BROWSERS if (path := shutil.which(name))), None)
DRIVER = shutil.which("chromedriver")
if not (BROWSER and DRIVER):
    pytest.skip(
        "no headless Chromium and chromedriver on PATH: apt-get install chromium chromium-driver",
        allow_module_level=True,
    )

FLAWED = (
    "Hi Dana,\n\nThank you for teh interview on Tuesday about the analyst role at Acme Corp. "
    "I enjoyed hearing about the the dbt migration, and I would love to help with the dashboards.\n\n"
    "Best,\nSam"
)
WAIT = 20  # seconds: a cap that detects a hang, not a timing


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    service = Service(Config())
    service.warm_up()
    with BackgroundServer(service) as server:
        yield server.url


@pytest.fixture(scope="module")
def browser(url: str) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--window-size=1100,860")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    except WebDriverException as exc:  # a browser that cannot start here (no display libraries, ...)
        pytest.skip(f"headless Chromium does not start: {exc.msg}")
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser: Any, url: str) -> Any:
    """The page, fresh: nothing in local storage, light mode, desktop width."""
    browser.set_window_size(1100, 860)
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]}
    )
    browser.get(url)
    browser.execute_script("localStorage.clear()")
    browser.get(url)
    return browser


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$FOLLOWUP_LINT_SCREENSHOTS`` (``docs`` to update the committed ones) or a temp folder."""
    chosen = os.environ.get("FOLLOWUP_LINT_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait(driver: Any, condition: Any) -> Any:
    try:
        return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(condition)
    except TimeoutException:
        status = driver.find_element(By.ID, "status").text
        listed = rules_listed(driver)
        log = driver.get_log("browser")
        raise AssertionError(
            f"the page did not get there; status {status!r}, problems listed {listed}; {log}"
        ) from None


def texts(driver: Any, selector: str) -> list[str]:
    """The text of each element matching ``selector``, read at one instant (the lists are redrawn as you type)."""
    return driver.execute_script(f"return [...document.querySelectorAll({selector!r})].map(e => e.textContent)")


def rules_listed(driver: Any) -> list[str]:
    return texts(driver, "#findings .finding .rule-id")


def type_draft(driver: Any, text: str) -> None:
    if not driver.find_element(By.ID, "context").get_attribute("open"):  # folded on a phone's width
        driver.find_element(By.CSS_SELECTOR, "#context summary").click()
    driver.find_element(By.ID, "company").send_keys("Acme Corp")
    driver.find_element(By.ID, "draft").send_keys(text)
    wait(driver, lambda d: "grammar.doubled-word" in rules_listed(d))


def test_type_a_flawed_draft_see_it_highlighted_fix_one_problem_and_readiness_rises(page: Any, shots: Path) -> None:
    type_draft(page, FLAWED)
    marked = texts(page, "#backdrop mark")
    assert "the the" in marked and "teh" in marked
    score = int(page.find_element(By.ID, "score").text)
    page.save_screenshot(str(shots / "web-page.png"))

    entry = page.find_element(By.XPATH, "//li[contains(@class,'finding')][.//span[text()='grammar.doubled-word']]")
    assert "Write “the” once." in entry.find_element(By.CSS_SELECTOR, ".suggest").text
    entry.find_element(By.CSS_SELECTOR, ".why summary").click()
    assert entry.find_element(By.CSS_SELECTOR, ".why p").text  # the rule's documentation: why it matters
    entry.find_element(By.CSS_SELECTOR, "button.apply").click()

    wait(page, lambda d: "grammar.doubled-word" not in rules_listed(d))
    assert "about the dbt migration" in page.find_element(By.ID, "draft").get_attribute("value")
    assert "the the" not in texts(page, "#backdrop mark")
    assert int(page.find_element(By.ID, "score").text) > score
    assert page.find_element(By.ID, "words").text.endswith("/ 250")


def test_fix_all_and_undo_from_the_keyboard_and_the_draft_is_kept_in_the_browser(page: Any) -> None:
    type_draft(page, FLAWED)
    draft = page.find_element(By.ID, "draft")
    # From the editor, Tab backwards reaches the toolbar: Clear, Save, Copy, Undo (disabled: skipped), Fix all.
    draft.send_keys(Keys.SHIFT, Keys.TAB)
    for _ in range(3):
        page.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    assert page.switch_to.active_element.get_attribute("id") == "fix-all"
    page.switch_to.active_element.send_keys(Keys.ENTER)
    wait(page, lambda d: "the the" not in draft.get_attribute("value"))
    wait(page, lambda d: "grammar.doubled-word" not in rules_listed(d))

    page.find_element(By.ID, "undo").send_keys(Keys.ENTER)
    wait(page, lambda d: draft.get_attribute("value") == FLAWED)
    wait(page, lambda d: "grammar.doubled-word" in rules_listed(d))

    # A late answer to an older request (seq 1: the first keystroke's) is dropped, never shown over a newer one.
    page.execute_script(
        "worker.onmessage({data: {seq: 1, places: [], html: '', report: {files: [{path: '-', findings: [],"
        " metrics: {readiness: 100, verdict: 'ready to send'}}]}}})"
    )
    assert "grammar.doubled-word" in rules_listed(page)
    assert page.find_element(By.ID, "verdict").text != "ready to send"

    page.refresh()  # the draft and its context come back from local storage
    wait(page, lambda d: d.find_element(By.ID, "draft").get_attribute("value") == FLAWED)
    assert page.find_element(By.ID, "company").get_attribute("value") == "Acme Corp"


def test_open_a_file_or_drop_one_on_the_editor(page: Any) -> None:
    from .conftest import FIXTURES

    eml = FIXTURES / "bad" / "to-whom-it-may-concern.eml"
    chooser = page.find_element(By.ID, "file")
    page.execute_script("arguments[0].hidden = false", chooser)  # the Open button clicks it; WebDriver types the path
    chooser.send_keys(str(eml))
    wait(page, lambda d: "personalization.generic-salutation" in rules_listed(d))
    assert page.find_element(By.ID, "draft").get_attribute("value").startswith(eml.read_text(encoding="utf-8")[:40])
    assert "to-whom-it-may-concern.eml" in page.find_element(By.ID, "file-name").text

    # Drop a Markdown draft: the same events a file dragged from the desktop fires.
    page.execute_script(
        """
        const text = "Hi Dana,\\n\\nThank you for the the chat.\\n\\nSam\\n";
        const file = new File([text], "note.md", {type: "text/markdown"});
        const data = new DataTransfer();
        data.items.add(file);
        document.getElementById("editor").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true}));
        """
    )
    wait(page, lambda d: "grammar.doubled-word" in rules_listed(d))
    assert "note.md" in page.find_element(By.ID, "file-name").text


def test_at_360_pixels_in_dark_mode_the_page_fits_and_reads_light_on_dark(page: Any, shots: Path) -> None:
    page.set_window_size(360, 780)
    page.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
    )
    page.refresh()
    type_draft(page, FLAWED)
    width = page.execute_script("return document.documentElement.clientWidth")
    assert page.execute_script("return document.documentElement.scrollWidth") <= width
    background = page.execute_script("return getComputedStyle(document.documentElement).backgroundColor")
    colour = page.execute_script("return getComputedStyle(document.getElementById('draft')).color")
    assert luminance(background) < 0.1 < 0.6 < luminance(colour)
    page.execute_script("document.getElementById('draft').scrollIntoView()")
    page.save_screenshot(str(shots / "web-page-360-dark.png"))


def luminance(css: str) -> float:
    """Relative brightness (0 black, 1 white) of a CSS ``rgb(...)`` colour."""
    red, green, blue = (int(part) for part in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255
