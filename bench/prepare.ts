// npm run bench:prepare: builds (or finds) the cached million-bill ledger that npm run bench measures, without measuring.
import { ensureBenchLedger } from './ledger-data';
import { scale } from './run';

const started = Date.now();
const ledger = ensureBenchLedger(scale, (line) => console.log(line));
console.log(`bench ledger ready in ${Math.round((Date.now() - started) / 1000)} s: ${ledger.file}`);
