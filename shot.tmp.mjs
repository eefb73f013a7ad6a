import { chromium } from '@playwright/test';
const [url, out, y, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1300, height: Number(h ?? 1200) } });
await p.goto(url);
if (y && isNaN(Number(y))) { await p.locator(y).first().scrollIntoViewIfNeeded(); await p.evaluate((s) => document.querySelector(s).scrollIntoView(), y); }
await p.screenshot({ path: out });
await b.close();
