// End-to-end: the packaged NumScan serves its page; headless Chromium uploads a sample scan,
// waits for the annotated page, checks the numbers shown, downloads the CSV and takes screenshots.
//
//   cd e2e && npm ci && node --test        (after `mvn package`; `mvn verify` runs it too)
//
// NUMSCAN_JAR and CHROMIUM override the packaged app and the browser (/usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const jar = process.env.NUMSCAN_JAR || path.join(root, 'target/quarkus-app/quarkus-run.jar');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const sample = path.join(root, 'samples/invoice-scan.png');
const expected = JSON.parse(fs.readFileSync(sample + '.expected.json', 'utf8'));
const shots = path.join(here, 'screenshots');

let server;
let serverLog = '';
let base;
let context;
let profileDir;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, ms) {
  const end = Date.now() + ms;
  let last = '';
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error('server exited with ' + server.exitCode + ':\n' + serverLog);
    try {
      const r = await fetch(url);
      if (r.ok) return r.json();
      last = r.status + ' ' + (await r.text());
    } catch (e) {
      last = String(e.message);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server not ready after ' + ms + ' ms (' + last + '):\n' + serverLog);
}

before(async () => {
  assert.ok(fs.existsSync(jar), 'package the app first (mvn package): ' + jar);
  fs.mkdirSync(shots, { recursive: true });
  const port = await freePort();
  base = 'http://127.0.0.1:' + port;
  server = spawn('java', ['-jar', jar, 'serve', '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  const health = await waitUntilReady(base + '/q/health/ready', 180_000);
  assert.equal(health.status, 'UP');

  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numscan-e2e-chromium-'));
  // A persistent context is how Playwright takes a fresh --user-data-dir.
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: browserPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
});

after(async () => {
  if (context) await context.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => { server.once('exit', r); setTimeout(r, 10_000); });
  }
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

test('uploads a scanned invoice and shows every number on the page', { timeout: 300_000 }, async () => {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(base + '/');
  assert.equal(await page.title(), 'NumScan: read the numbers in your documents');

  await page.setInputFiles('#files', sample);
  await page.waitForSelector('#progress:not([hidden])', { timeout: 10_000 });
  await page.waitForSelector('#results:not([hidden])', { timeout: 240_000 });
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('.sheet img')];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, null, { timeout: 60_000 });
  assert.equal(await page.isVisible('#error'), false, await page.textContent('#error'));

  // Every expected number appears in the table, once per time it is printed.
  const shown = await page.$$eval('tbody tr td.value', (tds) => tds.map((td) => td.textContent));
  const want = expected.pages[0].numbers.map((n) => n.value);
  const left = [...shown];
  for (const v of want) {
    const i = left.indexOf(v);
    assert.ok(i >= 0, 'expected ' + v + ' in the table; shown: ' + shown.join(' '));
    left.splice(i, 1);
  }
  assert.equal(await page.locator('.sheet .box').count(), shown.length, 'one box per row');

  // Boxes sit on their numbers: page pixels scaled by displayed width / page width.
  const check = await page.evaluate((exp) => {
    const img = document.querySelector('.sheet img');
    const r = img.getBoundingClientRect();
    const scale = r.width / exp.width;
    const boxes = [...document.querySelectorAll('.sheet .box')];
    return {
      scale,
      displayedHeight: r.height,
      worst: exp.numbers.reduce((worst, n) => {
        // The box for the expected number nearest to its place.
        let best = Infinity;
        for (const b of boxes) {
          if (b.dataset.value !== n.value) continue;
          const br = b.getBoundingClientRect();
          // The frame is drawn --pad CSS px outside the number's box.
          const pad = parseFloat(getComputedStyle(b).getPropertyValue('--pad')) || 0;
          const d = Math.max(Math.abs(br.left + pad - r.left - n.x * scale), Math.abs(br.top + pad - r.top - n.y * scale),
            Math.abs(br.width - 2 * pad - n.width * scale), Math.abs(br.height - 2 * pad - n.height * scale));
          best = Math.min(best, d);
        }
        return Math.max(worst, best);
      }, 0),
    };
  }, expected.pages[0]);
  assert.ok(Math.abs(check.displayedHeight - expected.pages[0].height * check.scale) < 2, 'image keeps its aspect ratio');
  assert.ok(check.worst <= 15 * check.scale + 2, 'boxes within 15 page pixels of the expected ones, worst '
    + (check.worst / check.scale).toFixed(1));

  // Selecting a row highlights its box, and clicking a box highlights its row.
  const row = page.locator('tbody tr', { hasText: '1,985.94' }).first();
  await row.click();
  const selectedBox = page.locator('.sheet .box.selected');
  assert.equal(await selectedBox.count(), 1);
  assert.equal(await selectedBox.getAttribute('data-value'), '1,985.94');
  const box = page.locator('.sheet .box[data-value="2024-00173"]');
  await box.click();
  assert.equal(await page.locator('tbody tr.selected td.value').textContent(), '2024-00173');
  // A smooth scroll still running from the selection hides the tip; hover again once it has settled.
  for (let attempt = 0; attempt < 10 && !(await page.isVisible('#tip')); attempt++) {
    await page.waitForTimeout(300);
    await box.hover({ position: { x: 2 + (attempt % 3), y: 2 } });
  }
  await page.waitForSelector('#tip:not([hidden])', { timeout: 5_000 });
  assert.match(await page.textContent('#tip'), /2024-00173 · \d+\.\d % sure/);

  // The CSV download is the command line's CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  assert.equal(download.suggestedFilename(), 'numscan-invoice-scan.csv');
  const csvPath = path.join(shots, 'invoice-scan.csv');
  await download.saveAs(csvPath);
  const csv = fs.readFileSync(csvPath, 'utf8');
  assert.ok(csv.startsWith('file,page,value,x,y,width,height,confidence,label\n'), csv.slice(0, 80));
  for (const v of want) {
    const field = v.includes(',') ? '"' + v + '"' : v;
    assert.ok(csv.includes('invoice-scan.png,1,' + field + ','), 'CSV lacks ' + v);
  }
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  assert.equal(json.suggestedFilename(), 'numscan-invoice-scan.json');

  await page.evaluate(() => { document.querySelector('.numbers').scrollTop = 0; });
  await page.locator('tbody tr', { hasText: '2024-00173' }).first().click();
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'invoice-scan-laptop.png'), fullPage: true });

  // Phone width: one column, the table under the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const layout = await page.evaluate(() => {
    const s = document.querySelector('.sheet').getBoundingClientRect();
    const t = document.querySelector('.numbers').getBoundingClientRect();
    return { sheetWidth: s.width, tableTop: t.top, sheetBottom: s.bottom, scrollWidth: document.documentElement.scrollWidth };
  });
  assert.ok(layout.tableTop >= layout.sheetBottom - 1, 'table under the page image on a phone');
  assert.ok(layout.scrollWidth <= 390, 'no sideways scrolling on a phone, width ' + layout.scrollWidth);
  await page.screenshot({ path: path.join(shots, 'invoice-scan-phone.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a chosen template shows the fields table and downloads it as CSV', { timeout: 300_000 }, async () => {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(base + '/');
  await page.waitForSelector('#template option[value="northwind-invoice"]', { state: 'attached', timeout: 10_000 });
  await page.selectOption('#template', 'northwind-invoice');
  await page.setInputFiles('#files', path.join(root, 'samples/fields/invoice-1.pdf'));
  await page.waitForSelector('#fields:not([hidden])', { timeout: 240_000 });

  const [header, ...rows] = fs.readFileSync(path.join(root, 'samples/fields/expected.csv'), 'utf8').trim().split('\n');
  const names = header.split(',');
  const want = rows.map((r) => r.split(',')).find((r) => r[0] === 'invoice-1.pdf');
  const columns = await page.$$eval('#fields-table thead th', (ths) => ths.map((th) => th.textContent));
  const cells = await page.$$eval('#fields-table tbody tr td', (tds) => tds.map((td) => td.textContent));
  for (const field of ['invoice_number', 'date', 'customer_id', 'net', 'tax', 'total']) {
    assert.equal(cells[columns.indexOf(field)], want[names.indexOf(field)], field);
  }
  assert.equal(cells[columns.indexOf('flagged')], 'false');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-fields')]);
  assert.equal(download.suggestedFilename(), 'numscan-invoice-1-fields.csv');
  const csvPath = path.join(shots, 'invoice-1-fields.csv');
  await download.saveAs(csvPath);
  const csv = fs.readFileSync(csvPath, 'utf8');
  assert.match(csv, /^file,template,invoice_number,invoice_number_confidence,date,/);
  assert.match(csv, /\ninvoice-1\.pdf,northwind-invoice,/);
  await page.screenshot({ path: path.join(shots, 'invoice-fields.png'), fullPage: false });
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('says in words why a file is refused', { timeout: 60_000 }, async () => {
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.setInputFiles('#files', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('no numbers here') });
  await page.waitForSelector('#error:not([hidden])', { timeout: 30_000 });
  const text = await page.textContent('#error');
  assert.match(text, /Not a document NumScan can read/);
  assert.match(text, /notes\.txt: not a PDF, PNG, JPEG or TIFF file/);
  assert.equal(await page.isVisible('#results'), false);
  await page.close();
});
