/** Saving files from the browser. */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a design's name: keeps letters, digits, spaces, dots, dashes. */
export function fileBase(name: unknown): string {
  const s = typeof name === 'string' ? name.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() : '';
  return s || 'design';
}

/** The scenario file's text: exactly the raw JSON, so open → save round-trips. */
export function scenarioFileText(raw: unknown): string {
  return `${JSON.stringify(raw, null, 2)}\n`;
}
