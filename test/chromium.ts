// Debian's chromium and the flags it needs on these machines (no sandbox as root; no
// background connections, which the closed network refuses). Used by the browser tests and
// the benchmark's Lighthouse runs.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
