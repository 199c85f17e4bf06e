/* global process, URL */
/**
 * `npm run simulate`: runs the CLI (src/cli/simulate.ts) from a bundle so that it starts about as
 * fast as a bare `node` (no TypeScript compiler at start-up; issue 8 item 5). The bundle lives in
 * node_modules/.cache/failover-lab/ and is rebuilt with esbuild when it is missing or older than
 * any of its inputs (esbuild's own list of them), so an edit is picked up on the next run.
 * `node scripts/simulate.mjs --build` only builds (npm's `prepare` step runs it after install).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}node_modules/.cache/failover-lab/`;
const bundle = `${dir}simulate.mjs`;
const inputsFile = `${dir}simulate.inputs.json`;

function stale() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const built = statSync(bundle).mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.some((f) => !existsSync(root + f) || statSync(root + f).mtimeMs > built);
  } catch {
    return true;
  }
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: ['src/cli/simulate.ts'],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    write: false,
    outfile: bundle,
    logLevel: 'warning',
  });
  mkdirSync(dir, { recursive: true });
  // Written beside and renamed, so a run started meanwhile never reads half a bundle.
  const tmp = `${bundle}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, bundle);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  writeFileSync(inputsFile, JSON.stringify([...inputs, 'package-lock.json']));
}

const buildOnly = process.argv[2] === '--build';
if (buildOnly || stale()) await build();
if (!buildOnly) await import(pathToFileURL(bundle).href);
