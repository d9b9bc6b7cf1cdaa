// Runs Electronegativity over the app's source and fails on any finding. Known false positives are switched off next
// to the code they concern (`// eng-disable CHECK`, the reason on the line above), never here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ELECTRON_VERSION = '45.0.0';
const BIN = join('node_modules', '.bin', 'electronegativity');
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const out = join(dir, 'findings.csv');
try {
  // The whole of src at once: its global checks look for the CSP and navigation limits anywhere in the app.
  execFileSync(BIN, ['--input', 'src', '--electron-version', ELECTRON_VERSION, '--relative', '--output', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const findings = readFileSync(out, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  if (findings.length > 0) {
    console.error(`Electronegativity: ${findings.length} finding(s) in src:`);
    for (const f of findings) console.error(`  ${f}`);
    console.error('Fix each one, or justify a false positive with `// eng-disable CHECK` beside the code.');
    process.exit(1);
  }
  console.log('Electronegativity: no findings in src.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
