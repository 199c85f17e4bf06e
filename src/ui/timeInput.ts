/**
 * Times typed by people: "1:30" (m:ss), "1:02:03.500" (h:mm:ss.mmm), "90" or "90 s", "15 min",
 * "2 h", "500 ms". Returns ms, or a message saying what was expected.
 */
export function parseTime(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const t = text.trim().toLowerCase();
  const bad = { ok: false as const, message: `"${text}" is not a time: write 1:30, 90 s, 15 min, 2 h or 500 ms` };
  if (!t) return bad;
  const clock = /^(?:(\d+):)?(\d+):(\d{1,2})(?:\.(\d{1,3}))?$/.exec(t);
  if (clock) {
    const [, h, m, s, frac] = clock;
    if (Number(s) >= 60 || (h !== undefined && Number(m) >= 60)) return bad;
    const ms = ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number((frac ?? '').padEnd(3, '0'));
    return { ok: true, ms };
  }
  const unit = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|min|m|h)?$/.exec(t);
  if (!unit) return bad;
  const n = Number(unit[1]);
  const factor = { ms: 1, s: 1000, sec: 1000, min: 60_000, m: 60_000, h: 3_600_000 }[unit[2] ?? 's'] ?? 1000;
  const ms = Math.round(n * factor);
  return Number.isSafeInteger(ms) ? { ok: true, ms } : bad;
}
