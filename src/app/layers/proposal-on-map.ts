/**
 * What the map draws of the proposal while a site is dragged. In a software renderer every deck.gl
 * redraw is waited for on the page's main thread (Chromium reads the WebGL canvas back for its
 * software compositor): about 165 ms for the facilities, service areas and newly covered
 * communities of the sample in SwiftShader. A drag redrew them twice per pointer move (the moved
 * dot, then the worker's answer), so the site lagged the hand and the answer waited behind frames.
 * While a drag lasts the map keeps the proposal as it was when the drag began (the dragged site
 * itself follows the pointer as a DOM disc, ui/siting/drag-disc.ts); the side panel follows every
 * answer, and the map is redrawn once, with the final answer, when the drag ends.
 */
import type { SitingState } from '../siting-store';

/** The keys of the siting state the map layers and picking read. */
const KEYS = ['sites', 'coveredSamples', 'category', 'dragging', 'numbers', 'serviceAreas', 'newlyCovered'] as const;

/** The part of the siting state the map layers and picking read. */
export type ProposalOnMap = Pick<SitingState, (typeof KEYS)[number]>;

/** The slice of the state the map reads. */
export function proposalSlice(s: SitingState): ProposalOnMap {
  return Object.fromEntries(KEYS.map((k) => [k, s[k]])) as ProposalOnMap;
}

/**
 * The slice the map shows next: `prev` (the same object) while the same site is still dragged or
 * nothing it reads changed, else `next`. A drag's first slice (the state when it began, with
 * `dragging` set) is held until the drag ends.
 */
export function proposalToShow(prev: ProposalOnMap | undefined, next: ProposalOnMap): ProposalOnMap {
  if (!prev) return next;
  if (next.dragging !== null && prev.dragging === next.dragging) return prev;
  return KEYS.every((k) => Object.is(prev[k], next[k])) ? prev : next;
}
