// Performance marks the benchmark reads (bench/web.ts): when the app first painted its frame,
// and when the first page with data was shown.
export const FIRST_RENDER_MARK = 'workshopplanner:first-render';
export const FIRST_PAGE_MARK = 'workshopplanner:first-page';

export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
