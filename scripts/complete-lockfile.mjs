// The registry this project installs from serves only the platform packages it runs on
// (linux-x64). `npm install` then leaves the other platforms' optional binaries (@swc/core-darwin-*,
// msgpackr-extract-win32-*, ...) out of package-lock.json, and `npm ci` refuses such a lock.
// This adds those entries back, marked optional with their os and cpu, so `npm ci` skips
// them on this platform without fetching anything. Safe to run any number of times.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OSES = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openharmony',
  'sunos',
  'aix',
  'netbsd',
  'openbsd',
];
const CPUS = ['arm64', 'x64', 'ia32', 'ppc64', 's390x', 'loong64', 'riscv64', 'arm', 'mips64el'];

const pinned = new Map();
for (const meta of Object.values(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (!pinned.has(name)) pinned.set(name, version);
  }
}

let added = 0;
for (const [name, version] of pinned) {
  if (packages[`node_modules/${name}`]) continue;
  const parts = name.split('/').pop().split('-');
  const os = OSES.find((o) => parts.includes(o));
  const cpu = CPUS.find((c) => parts.some((p) => p === c || p.startsWith(c)));
  // Only platform binaries are restored; anything else missing is a real problem for npm to report.
  if (!os || !cpu || (os === 'linux' && cpu === 'x64' && !parts.includes('musl'))) continue;
  const entry = { version, optional: true, os: [os], cpu: [cpu] };
  if (parts.includes('musl') || parts.some((p) => p.startsWith('musl'))) entry.libc = ['musl'];
  else if (parts.some((p) => p.startsWith('gnu'))) entry.libc = ['glibc'];
  packages[`node_modules/${name}`] = entry;
  added += 1;
}

if (added > 0) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) =>
      a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
    ),
  );
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(
  `package-lock.json: ${added} platform package entr${added === 1 ? 'y' : 'ies'} restored`,
);
