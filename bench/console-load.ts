/**
 * The console as a person meets it: cold load of the inbox (new browser context, empty cache,
 * signed in), the JavaScript it downloads (bytes on the wire, gzip), and the customer list page's
 * API answer through the console. Needs the system running (`bash infra/start-all.sh`) and Debian's
 * Chromium. `CONSOLE_URL` (default http://127.0.0.1:3000), `RUNS` (default 15).
 */
import { chromium } from '@playwright/test';
import { describeLoad, machineSnapshot } from './support/machine';
import { median, percentile, round } from './support/stats';

const summarize = (values: readonly number[]) => ({
  p50: round(median(values)),
  p95: round(percentile(values, 95)),
  max: round(Math.max(...values)),
});

const base = process.env['CONSOLE_URL'] ?? 'http://127.0.0.1:3000';
const runs = Number(process.env['RUNS'] ?? 15);

const signInCookie = async (): Promise<{ cookie: string; csrf: string }> => {
  const people = (await (await fetch(`${base}/api/auth/people`)).json()) as {
    people: { employeeId: string; status: string }[];
  };
  const person = people.people.find((p) => p.status === 'active');
  if (person === undefined)
    throw new Error('no active person in the staff directory: seed the demo company first');
  const response = await fetch(`${base}/api/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ employeeId: person.employeeId, roles: ['staff'] }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
};

const main = async (): Promise<void> => {
  const before = machineSnapshot();
  const { cookie } = await signInCookie();
  const [name, value] = cookie.split('=');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const loads: number[] = [];
  let jsBytes = 0;
  let jsFiles = 0;
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: base }]);
    const page = await context.newPage();
    let bytes = 0;
    let files = 0;
    page.on('requestfinished', async (request) => {
      if (!request.url().endsWith('.js')) return;
      files += 1;
      // Bytes as they crossed the wire (gzip), not the decompressed script.
      bytes += (await request.sizes()).responseBodySize;
    });
    const started = Date.now();
    await page.goto(base + '/');
    await page.locator('.ant-page-header-heading-title', { hasText: '我的待办' }).waitFor();
    loads.push(Date.now() - started);
    await page.waitForLoadState('load');
    jsBytes = bytes;
    jsFiles = files;
    await context.close();
  }
  await browser.close();

  const api: number[] = [];
  for (let i = 0; i < runs * 4; i += 1) {
    const started = performance.now();
    const response = await fetch(`${base}/api/customers/customers?page=1&limit=20`, { headers: { cookie } });
    await response.arrayBuffer();
    api.push(performance.now() - started);
  }
  const after = machineSnapshot();
  const load = summarize(loads);
  const list = summarize(api);
  console.log(describeLoad('before', before));
  console.log(`cold load to the inbox (ms, ${runs} runs): p50 ${load.p50} p95 ${load.p95} max ${load.max}`);
  console.log(
    `JavaScript for the inbox: ${jsFiles} files, ${(jsBytes / 1024).toFixed(1)} kB transferred (gzip)`,
  );
  console.log(
    `GET /api/customers/customers page 1 (ms, ${api.length} calls): p50 ${list.p50} p95 ${list.p95} max ${list.max}`,
  );
  console.log(describeLoad('after', after));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
