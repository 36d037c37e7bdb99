/**
 * The indicator charts' code (./chart-specs.ts with Observable Plot and d3, about 300 kB), loaded when
 * the first chart is drawn rather than with the app, so that the first open does not evaluate it.
 */
import { lazyModule } from '../../app/lazy-module';

/** The chart builders of ./chart-specs.ts. */
export type ChartSpecs = typeof import('./chart-specs');

/** Loads ./chart-specs.ts (once; again after a failed load). */
export const loadChartSpecs = lazyModule<ChartSpecs>(() => import('./chart-specs'));
