import { chromium } from "playwright-core";
const [url, out, text, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage({ viewport: { width: 1300, height: Number(h || 1500) } });
await p.goto(url); await p.waitForTimeout(1500);
if (text) await p.evaluate((s)=>{const e=[...document.querySelectorAll('h1,h2,h3,p,td')].find(h=>h.textContent.includes(s)); if(e) e.scrollIntoView();}, text);
await p.screenshot({ path: out });
await b.close();
