#!/usr/bin/env python3
"""The explorer in a real browser (docs/explorer.md): headless Chromium through WebDriver.

    explorer_test.py CONVMAT [--screenshots DIR] [--skip-server]

For every case, `CONVMAT show SPEC --input SHAPE --format html` is opened in
Chromium, and `--format json` of the same layer says what must light: hovering
an entry must tie exactly the entries that share a parameter with it, light its
taps, the input unit it reads and the output unit it feeds; hovering an output
unit must light exactly its row's input units, an input unit exactly its
column's output units; Step must mark the row and its window `current`. Then
`CONVMAT explore` is started and the same is checked over HTTP, with the
server's safety (loopback only, 400/413, ten clients at once, a clean stop).

Prints one line per case and `N passed, M failed`; exits 1 when any failed.
Selenium is pointed at Debian's /usr/bin/chromedriver and /usr/bin/chromium
(otherwise its manager tries to download a browser).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expected import Expected  # noqa: E402

# (name, spec, input): every padding mode, stride, dilation, groups, a transposed
# convolution, a layer without parameters, a fully connected one, and a binned one.
CASES = [
    ("conv1d", "Conv1d(2, 3, kernel_size=3)", "2x6"),
    ("zeros", "Conv2d(2, 2, 3, padding=1)", "2x4x4"),
    ("circular", "Conv2d(1, 2, 3, padding=1, padding_mode='circular')", "1x4x4"),
    ("reflect", "Conv1d(1, 1, 3, padding=2, padding_mode='reflect')", "1x6"),
    ("replicate", "Conv1d(2, 1, 3, padding=2, padding_mode='replicate')", "2x5"),
    ("constant", "Conv1d(1, 2, 3, padding=1, padding_mode='constant', padding_value=-1.0)", "1x6"),
    ("stride", "Conv2d(1, 2, 3, stride=2)", "1x7x7"),
    ("dilation", "Conv1d(1, 2, 3, dilation=2)", "1x9"),
    ("groups", "Conv2d(4, 4, 3, groups=2)", "4x5x5"),
    ("transposed", "ConvTranspose2d(2, 1, 3, stride=2)", "2x3x3"),
    ("pooling", "AvgPool2d(2)", "2x4x4"),
    ("linear", "Linear(6, 4)", "6"),
    ("binned", "Conv2d(4, 12, 5)", "4x14x14"),
]
SCREENSHOTS = {"conv1d", "circular", "binned"}


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1000"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def run(convmat, *arguments):
    done = subprocess.run([convmat, *arguments], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise Failure(f"convmat {' '.join(arguments)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def lit(driver, selector, attributes):
    """The set of (attribute values) of the elements that match selector."""
    found = set()
    for element in driver.find_elements(By.CSS_SELECTOR, selector):
        values = tuple(int(element.get_attribute(a)) for a in attributes)
        found.add(values if len(values) > 1 else values[0])
    return found


def hover(driver, element):
    """The pointer on element's centre, scrolled into view first (a move that scrolls may land elsewhere)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element)
    ActionChains(driver, duration=0).move_to_element(element).perform()


def unhover(driver):
    hover(driver, driver.find_element(By.ID, "title"))


def samples(items, count=4):
    """Up to count items spread over the list: the first, the last and some between."""
    items = sorted(items)
    if len(items) <= count:
        return items
    return [items[(len(items) - 1) * k // (count - 1)] for k in range(count)]


def check_entries(driver, expected, scope="#matrix"):
    """Hover sampled entries drawn in scope; the tied, taps and units must be the expected ones."""
    drawn = lit(driver, f"{scope} [data-row]", ["data-row", "data-col"])
    check(drawn, f"no entries drawn in {scope}")
    check(drawn <= set(expected.parameters), f"{len(drawn - set(expected.parameters))} drawn entries are not nonzeros of Wᵀ")
    chosen = samples(drawn) + samples([e for e in drawn if len(expected.parameters[e]) > 1], 2)
    for r, c in chosen:
        hover(driver, driver.find_element(By.CSS_SELECTOR, f'{scope} [data-row="{r}"][data-col="{c}"]'))
        tied = lit(driver, "#matrix [data-row].tied", ["data-row", "data-col"])
        check(tied == expected.tied(r, c) & drawn, f"entry ({r}, {c}): tied {sorted(tied)[:6]}…, expected {sorted(expected.tied(r, c) & drawn)[:6]}…")
        taps = lit(driver, "#kernels [data-parameter].active", ["data-parameter"])
        check(taps == set(expected.parameters[(r, c)]), f"entry ({r}, {c}): taps {sorted(taps)}, expected {sorted(expected.parameters[(r, c)])}")
        check(lit(driver, "#input .active", ["data-unit"]) == {c}, f"entry ({r}, {c}): the input unit lit is not x_{c}")
        check(lit(driver, "#output .active", ["data-unit"]) == {r}, f"entry ({r}, {c}): the output unit lit is not y_{r}")
        info = driver.find_element(By.ID, "entry-info").text
        check(f"Wᵀ[{r + 1}, {c + 1}]" in info, f"entry ({r}, {c}): #entry-info says {info!r}")
    unhover(driver)
    check(not lit(driver, "#matrix .tied", ["data-row", "data-col"]), "entries stay tied after the hover ends")
    return len(chosen)


def check_units(driver, expected):
    """Hover sampled output and input units: exactly the row's window, the column's reach."""
    for r in samples(range(expected.rows)):
        hover(driver, driver.find_element(By.CSS_SELECTOR, f'#output [data-unit="{r}"]'))
        window = lit(driver, "#input .active", ["data-unit"])
        check(window == expected.window(r), f"y_{r}: lit x units {sorted(window)}, expected {sorted(expected.window(r))}")
        check(lit(driver, "#output .active", ["data-unit"]) == {r}, f"y_{r}: other output units lit")
    for c in samples(range(expected.cols)):
        hover(driver, driver.find_element(By.CSS_SELECTOR, f'#input [data-unit="{c}"]'))
        reach = lit(driver, "#output .active", ["data-unit"])
        check(reach == expected.reach(c), f"x_{c}: lit y units {sorted(reach)}, expected {sorted(expected.reach(c))}")
    unhover(driver)


def check_playback(driver, expected, binned):
    """Step twice: row 1 (0-based) and its window carry `current`, and nothing else."""
    step = driver.find_element(By.ID, "step")
    step.click()
    step.click()
    r = 1 % expected.rows
    check(lit(driver, "#output .current", ["data-unit"]) == {r}, f"step: the current output unit is not y_{r}")
    check(lit(driver, "#input .current", ["data-unit"]) == expected.window(r), f"step: the current window is not row {r}'s")
    if not binned:
        row = lit(driver, "#matrix [data-row].current", ["data-row", "data-col"])
        check(row == expected.row(r), f"step: the current entries are not row {r}'s")


def check_bins(driver, expected):
    """A bin's zoom draws exactly the nonzeros inside it, which link as entries do."""
    bins = driver.find_elements(By.CSS_SELECTOR, "#matrix [data-bin-row]")
    check(bins, "a binned page has no bins")
    check(not driver.find_elements(By.CSS_SELECTOR, "#matrix svg.bins [data-row]"), "bins carry data-row")
    bin = bins[len(bins) // 3]
    ActionChains(driver).move_to_element(bin).click().perform()
    edges = driver.execute_script("const b = window.convmatExplorer.state.model.bins; return [b.row_edges, b.col_edges];")
    a, b = int(bin.get_attribute("data-bin-row")), int(bin.get_attribute("data-bin-col"))
    inside = {(r, c) for (r, c) in expected.parameters if edges[0][a] <= r < edges[0][a + 1] and edges[1][b] <= c < edges[1][b + 1]}
    zoomed = lit(driver, "#zoom [data-row]", ["data-row", "data-col"])
    check(zoomed == inside, f"bin ({a}, {b}): the zoom draws {len(zoomed)} entries, {len(inside)} lie inside it")
    return check_entries(driver, expected, scope="#zoom")


def check_page(driver, convmat, name, spec, shape, directory, screenshots):
    page = os.path.join(directory, f"{name}.html")
    run(convmat, "show", spec, "--input", shape, "--format", "html", "--output", page)
    expected = Expected(json.loads(run(convmat, "show", spec, "--input", shape, "--format", "json")))
    driver.get("file://" + page)
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, f"the page logged {errors}")
    binned = bool(driver.find_elements(By.CSS_SELECTOR, "#matrix [data-bin-row]"))
    hovered = check_bins(driver, expected) if binned else check_entries(driver, expected)
    check_units(driver, expected)
    check_playback(driver, expected, binned)
    if screenshots and name in SCREENSHOTS:
        shoot(driver, expected, os.path.join(screenshots, f"explorer-{name}.png"), binned)
    return f"{hovered} entries hovered" + (", binned" if binned else "")


def shoot(driver, expected, path, binned):
    """The page with one entry hovered, as docs/explorer.md shows it."""
    driver.execute_script("window.scrollTo(0, 0)")
    scope = "#zoom" if binned else "#matrix"
    entries = driver.find_elements(By.CSS_SELECTOR, f"{scope} [data-row]")
    hover(driver, entries[len(entries) // 2])
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("convmat")
    parser.add_argument("--screenshots", help="write docs' screenshots into this folder")
    parser.add_argument("--skip-server", action="store_true")
    arguments = parser.parse_args()
    convmat = os.path.abspath(arguments.convmat)
    passed = failed = 0
    driver = browser()
    try:
        with tempfile.TemporaryDirectory() as directory:
            for name, spec, shape in CASES:
                try:
                    note = check_page(driver, convmat, name, spec, shape, directory, arguments.screenshots)
                    passed += 1
                    print(f"ok   page {name}: {spec} on {shape} ({note})")
                except Failure as failure:
                    failed += 1
                    print(f"FAIL page {name}: {spec} on {shape}: {failure}")
            if not arguments.skip_server:
                import server_test

                for name, outcome in server_test.run_all(driver, convmat, arguments.screenshots):
                    passed, failed = (passed + 1, failed) if outcome is None else (passed, failed + 1)
                    print(f"ok   server {name}" if outcome is None else f"FAIL server {name}: {outcome}")
    finally:
        driver.quit()
    print(f"explorer: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
