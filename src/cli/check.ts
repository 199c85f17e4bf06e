/**
 * `npm run --silent check -- FILE [sweep options]`: sweep the scenario and evaluate its `ui.checks`,
 * one PASS/FAIL line per check with the failing runs; exit 0 when all pass, 1 when one fails, 2 on
 * bad input. For CI: a design is checked by committing it with its checks.
 */
import { emit, sweepMain } from './sweepMain';

emit(await sweepMain([...process.argv.slice(2), '--check'], true));
