import { eventSummary } from '../store/format';
import type { TraceEvent } from '../engine';

/**
 * The middle of a log row or a tooltip. A policy's detail is left to the decision panel: the
 * reason already says most of it, and showing both repeated the text (issue 11).
 */
export const rowSummary = (e: TraceEvent) => (e.type === 'policy' ? `${e.rule} · ${e.subject}` : eventSummary(e));
