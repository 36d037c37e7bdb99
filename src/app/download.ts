/**
 * The one way the app offers a file for download (reports, project and settings files, the map
 * image, skipped-feature tables): a Blob URL on a hidden link, clicked once. Nothing leaves the browser.
 */

/** How long (ms) a download's Blob URL stays valid after the click (the browser reads it meanwhile). */
const REVOKE_AFTER_MS = 10_000;

/** Offer `blob` as a download named `name`. Does nothing outside a browser (no document). */
export function downloadBlob(name: string, blob: Blob): void {
  if (typeof document === 'undefined') return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Offer `text` as a download named `name` (UTF-8; a BOM in the text is kept).
 * @param type MIME type, e.g. `application/json` or `text/csv;charset=utf-8`
 */
export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}
