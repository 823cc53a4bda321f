// The Chromium features the test browser runs without, as one `--disable-features` switch.
//
// Chromium honours only the last `--disable-features` on its command line: a second one replaces the
// first, whole (see puppeteer/puppeteer#10887, browserless/browserless#5450). Playwright passes its own
// list and puts ours after it, so ours must carry Playwright's list too. Playwright does not export it;
// PLAYWRIGHT_DISABLED_FEATURES mirrors playwright-core 1.65's `chromiumSwitches.ts`, and
// test/e2e/chromiumSwitches.test.ts fails when a Playwright update passes a feature this list lacks.
//
// What we add: Chromium 156 preloads the address bar's drop-down as a WebUI page, in a renderer process
// of its own, for every browser window, and a headless browser context is a window. Nobody sees it in a
// test, and it cost a fifth of the browser suites' CPU (everyRole.test.ts: 10 of 66 CPU-seconds, wall
// 51.6 → 41.6 s without it, 2026-12-02). Puppeteer disables the same two features by default
// (puppeteer/puppeteer#15278).

/** playwright-core 1.65.1's own `--disable-features` list, in its order. */
const PLAYWRIGHT_DISABLED_FEATURES: readonly string[] = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
]

/** Browser UI that a headless test never shows: the omnibox pop-up WebUI, preloaded per window. */
export const UNSEEN_BROWSER_UI_FEATURES: readonly string[] = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']

/** The one `--disable-features` switch for the test browser: Playwright's list and ours. */
export function disableFeaturesSwitch(): string {
  return `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSEEN_BROWSER_UI_FEATURES].join(',')}`
}
