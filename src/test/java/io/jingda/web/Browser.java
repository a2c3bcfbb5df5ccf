package io.jingda.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Headless Debian chromium through /usr/bin/chromedriver (never a downloaded browser: the driver
 * path is explicit, so Selenium Manager is not used). Each page gets its own window, and so its
 * own sessionStorage, like a separate phone. Tests skip where chromium or the driver is missing.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("jingda.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("jingda.chromedriver", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    final String base;
    private final Map<String, Map<String, Object>> metrics = new java.util.HashMap<>();

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser tests need " + CHROMIUM + " and " + DRIVER + " (apt-get install chromium chromium-driver)");
    }

    static Browser start(String base) {
        assumeAvailable();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows", "--mute-audio",
                "--window-size=1366,900", "--lang=zh-CN");
        o.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withSilent(true).build();
        return new Browser(new ChromeDriver(service, o), base);
    }

    /** A new window (its own sessionStorage) at path; returns its handle. */
    String open(String path) {
        if (driver.getWindowHandles().size() > 1 || !"data:,".equals(driver.getCurrentUrl())) {
            driver.switchTo().newWindow(WindowType.WINDOW);
        }
        String handle = driver.getWindowHandle();
        driver.get(base + path);
        return handle;
    }

    Browser to(String handle) {
        driver.switchTo().window(handle);
        return this;
    }

    /** Phone (360 px, like a small Android) or desktop metrics for the current window. */
    Browser phone() {
        return emulate(Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    }

    Browser desktop() {
        return emulate(Map.of("width", 1366, "height", 860, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A phone of the given CSS size (390x844: an iPhone 12-15; 360x640: a small Android). */
    Browser phone(int width, int height) {
        return emulate(Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** A projector or monitor of the given CSS size (1920x1080, 1280x720). */
    Browser display(int width, int height) {
        return emulate(Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The element's box in viewport coordinates: {top, bottom, left, right, innerHeight, innerWidth}. */
    @SuppressWarnings("unchecked")
    Map<String, Number> box(String css) {
        return (Map<String, Number>) js("const e = document.querySelector(arguments[0]); if (!e) return null;"
                + "const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
                + " innerHeight: window.innerHeight, innerWidth: window.innerWidth};", css);
    }

    /** True if the element is wholly inside the viewport. */
    boolean onScreen(String css) {
        Map<String, Number> b = box(css);
        return b != null && b.get("top").doubleValue() >= 0 && b.get("left").doubleValue() >= 0
                && b.get("bottom").doubleValue() <= b.get("innerHeight").doubleValue() + 0.5
                && b.get("right").doubleValue() <= b.get("innerWidth").doubleValue() + 0.5;
    }

    /** The page is no taller or wider than the viewport (nothing to scroll to). */
    boolean fitsViewport() {
        return (Boolean) js("const d = document.documentElement; return d.scrollHeight <= window.innerHeight + 1"
                + " && d.scrollWidth <= window.innerWidth + 1;");
    }

    /** The computed font size in CSS px of the first element css selects. */
    double fontSize(String css) {
        return ((Number) js("return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);", css))
                .doubleValue();
    }

    private Browser emulate(Map<String, Object> size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", size);
        // the pages honour reduced motion: screenshots show the end state, not a frame of an animation
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        metrics.put(driver.getWindowHandle(), size);
        return this;
    }

    /** Clicks what by finds, again if the page redrew it in between (the pages redraw on live frames). */
    void click(By by) {
        until(d -> {
            try {
                WebElement e = d.findElement(by);
                if (!e.isDisplayed() || !e.isEnabled()) {
                    return false;
                }
                e.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        }, "clicking " + by);
    }

    /**
     * Replaces the text of a field with {@code text}, finding it again if the page re-rendered it in between
     * (a stale element), until the field holds that text.
     */
    void type(By by, String text) {
        until(d -> {
            try {
                WebElement e = d.findElement(by);
                if (text.equals(e.getDomProperty("value"))) {
                    return true;
                }
                // select-all then type, not clear(): clear() fires change without input, and a page that
                // re-renders on change would bring the old text back
                e.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
                return text.equals(d.findElement(by).getDomProperty("value"));
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        }, "typing into " + by);
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for '" + text + "' in " + by + "; page: "
                        + bodyText()).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits for the condition; an element the page redrew meanwhile (live frames) means "not yet", not a failure. */
    <T> T until(Function<WebDriver, T> condition, String what) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> what + "; page: " + bodyText()).until(condition);
    }

    String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Saves the whole page of the current window (up to 4000 CSS px tall) as
     * target/screenshots/{name}.png: the emulated viewport is stretched to the page for the shot
     * and put back afterwards.
     */
    @SuppressWarnings("unchecked")
    void shot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Map<String, Object> size = metrics.get(driver.getWindowHandle());
            if (size != null) {
                Number h = (Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
                Map<String, Object> tall = new java.util.HashMap<>(size);
                tall.put("height", Math.min(4000, Math.max(h.intValue(), ((Number) size.get("height")).intValue())));
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", tall);
            }
            File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            if (size != null) {
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form login, as a person would: /host or /admin redirects to /login and back. */
    void login(String path, String user, String password) {
        driver.get(base + path);
        await(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-btn")).click();
        until(d -> d.getCurrentUrl().endsWith(path) && !d.findElements(By.cssSelector("header.bar")).isEmpty(),
                "signed in and back at " + path);
    }

    /** No script injected through user text has run. */
    boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return false;
        }
    }

    /** On a failure: every window's screenshot and the browser console, for the person reading the report. */
    void dumpAll(String prefix) {
        int i = 0;
        for (String handle : driver.getWindowHandles()) {
            try {
                driver.switchTo().window(handle);
                shot(prefix + "-" + (i++));
                System.err.println("[" + prefix + " window " + (i - 1) + "] " + driver.getCurrentUrl() + "\n" + bodyText());
            } catch (RuntimeException e) {
                System.err.println("[" + prefix + "] " + e);
            }
        }
        try {
            driver.manage().logs().get("browser").forEach(l -> System.err.println("[console] " + l));
        } catch (RuntimeException e) {
            System.err.println("[console] unavailable: " + e);
        }
    }

    /** Runs a test body; on failure leaves screenshots and the console behind, then rethrows. */
    void run(String name, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | AssertionError e) {
            dumpAll("failure-" + name);
            throw e;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
