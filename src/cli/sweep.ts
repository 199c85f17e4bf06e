/**
 * `npm run --silent sweep -- FILE [--at MS[,MS...]] [--fault JSON]... [--shard K/N] [--check] [--workers N]`
 * (sweep-format.md): the sweep document on stdout and exit 0, or `path: message` lines on stderr
 * and exit 2; with `--check`, the scenario's `ui.checks` too, and exit 1 when one fails.
 */
import { emit, sweepMain } from './sweepMain';

emit(await sweepMain(process.argv.slice(2), false));
