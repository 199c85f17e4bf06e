/// <reference lib="webworker" />
/** Runs elkjs off the main thread (autoLayout.ts). */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

const elk = new ELK();
self.onmessage = (e: MessageEvent<ElkNode>) => {
  elk.layout(e.data).then(
    (graph) => self.postMessage({ ok: true, graph }),
    (err: unknown) => self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
};
