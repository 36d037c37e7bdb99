/**
 * The engine session the worker exposes (comlink): it keeps the loaded layers, the validated dataset
 * and the last analysis between calls, so that moving a threshold only re-thresholds access fields
 * already computed (docs/architecture.md). It is glue: every computation is in engine/ or io/. It also runs in
 * Node (tests) without a worker.
 */
import { analyze, type Analysis } from '../engine/analyze';
import { communityAccessibility, type CommunityAccessibilityRow } from '../engine/accessibility/community-accessibility';
import { type Accessibility, computeAccessibility } from '../engine/accessibility/compute-accessibility';
import { computeCoverage } from '../engine/coverage/coverage';
import { bboxOf, bboxOfPositions } from '../engine/geo/bbox';
import { createGapZoneIndex, type GapZone, type GapZoneIndex } from '../engine/coverage/gap-zones';
import { findGaps } from '../engine/coverage/gaps';
import { isochrones } from '../engine/coverage/isochrones';
import { travelTimeSurface } from '../engine/coverage/travel-time-surface';
import type { Community, Dataset, Problem, Settings } from '../engine/model';
import { writeAnalysisReport, type AnalysisReportFiles, type ReportOptions } from '../io/analysis-report';
import { loadDataset, type LayerCounts } from '../io/load-dataset';
import type { CommunityMapping } from '../io/read-communities';
import type { FacilityMapping } from '../io/read-facilities';
import { getRoadGraph, type RoadGraph } from '../engine/network/graph-builder';
import type { ElevationGrid } from '../engine/terrain/elevation-grid';
import { demFormatOf, readDemFile } from '../io/dem/read-dem';
import { snapPoints } from '../engine/network/snap';
import { crsName } from '../io/crs';
import { readLayerFile, type LayerFile, type LayerFileOptions } from '../io/read-layer-file';
import { isOsmFile } from '../io/osm/is-osm-file';
import { readOsmRoadsLayer } from '../io/osm/read-osm-roads';
import { importOsmLayerFiles } from '../io/osm/osm-layer-files';
import type { OsmImportReport } from '../io/osm/osm-import-types';
import type { RoadDistances } from '../io/crs-offset';
import { describeInputFile, type InputFileMeta } from '../io/report-metadata';
import { reportProblems } from '../io/report-summary';
import { resolveSettings } from '../io/settings';
import { coverageView, type CoverageView } from '../engine/coverage/coverage-view';
import { nearestFacilities, type NearestFacility } from '../engine/coverage/nearest-facilities';
import { servedBy as servedByOf, type ServedBy } from '../engine/coverage/served-by';
import { datasetView, type DatasetView } from '../engine/dataset-view';
import { categoryLegs } from '../engine/travel/category-modes';
import { computeIndicators, type Indicators } from '../engine/indicators/indicators';
import { categoryDemand } from '../engine/coverage/category-demand';
import { districtPolygons, type DistrictPolygon, type DistrictPolygons } from '../engine/indicators/district-polygons';
import { getPreset } from '../engine/presets';

export type LayerName = 'facilities' | 'communities' | 'roads';

/** How a layer file is read and mapped (what the mapping step lets the user correct). */
export interface LayerOptions extends Omit<LayerFileOptions, 'nearestRoadMeters'>, FacilityMapping, CommunityMapping {
  /** A layer read from a whole OpenStreetMap extract: the language of its names (default `zh`). */
  osmLang?: 'zh' | 'en';
}

/** The load report of one layer file. */
export interface LayerReport {
  layer: LayerName;
  file: string;
  format: LayerFile['format'];
  encoding: string | null;
  crs: string;
  /** Shapefile: the CRS its .prj names, in full (`CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)`). */
  prjCrsName?: string;
  fields: string[];
  lonField?: string;
  latField?: string;
  counts: LayerCounts;
  warnings: Problem[];
  errors: Problem[];
}

/** Result of loading a file: `ok` false when the file was unusable and the previous layer was kept. */
export interface LoadResult {
  ok: boolean;
  report: LayerReport;
  dataset: DatasetView;
}

/** A file to read into a layer ({@link EngineSession.loadLayers}). */
export interface LayerInput {
  layer: LayerName;
  name: string;
  bytes: Uint8Array;
  options?: LayerOptions;
}

/** What the worker does after answering a {@link EngineSession.loadLayers} call (the start's read of the sample). */
export interface AfterLoad {
  /** Compute the analysis (travel times, gap zones), then the indicators and the district outlines, when every file was usable. */
  analyse?: boolean;
  /** With `analyse`: also the travel-time surface and isochrones of this category (the one the map shows). */
  surfaceOf?: string;
}

/** What reading several files did: each file's result, then the dataset once. */
export interface LoadLayersResult {
  results: Omit<LoadResult, 'dataset'>[];
  dataset: DatasetView;
}

/** What loading an elevation file did. */
export interface DemReport {
  ok: boolean;
  file: string;
  warnings: Problem[];
  errors: Problem[];
  /** No-data samples of this file: filled from neighbours, or left without data (flat costs there). */
  noData: { filled: number; leftFlat: number };
  /** Every elevation file now in use. */
  files: string[];
}

/** What importing a whole OpenStreetMap extract did: the import's counts and each layer's load report. */
export type OsmExtractResult =
  | {
      ok: true;
      report: OsmImportReport;
      layers: LayerReport[];
      dataset: DatasetView;
      /** Milliseconds in the worker: importing, making the layers' features, then loading them into the dataset. */
      timings: { importMs: number; layersMs: number; loadMs: number };
    }
  | { ok: false; error: string };

type ProgressFn = (stage: string, fraction: number) => void;

const LAYERS: readonly LayerName[] = ['facilities', 'communities', 'roads'];

/** The layer file of an extract that was refused: one whole-file error. */
function refusedOsm(name: string, error: string): LayerFile {
  const reason = error.replace(`${name}: `, '');
  return {
    file: name,
    format: 'osm',
    features: null,
    fields: [],
    encoding: null,
    crs: 'WGS84',
    warnings: [],
    errors: [{ file: name, index: -1, reason }],
  };
}

/** Settings that change travel times (anything but thresholds and labels). */
function travelKey(s: Settings): string {
  return JSON.stringify([
    s.model,
    s.walkSpeedKmh,
    s.detourFactor,
    s.sampleSpacingMeters,
    s.maxSnapMeters,
    // modes and paces: each category's leg per kind (one graph per mode, built when a category uses it)
    s.categories.map((c) => [c.id, categoryLegs(s, c)]),
  ]);
}

export function createSession() {
  const files: Partial<Record<LayerName, { read: LayerFile; options: LayerOptions; meta: InputFileMeta }>> = {};
  let settings: Settings = resolveSettings(undefined, 'settings').value!;
  let loaded: ReturnType<typeof loadDataset> | null = null;
  let analysis: { result: Analysis; key: string; dataset: Dataset; zoneIndex: GapZoneIndex; zones: Map<string, GapZone[]> } | null = null;

  /** Gap zones of every category, cached per category and thresholds (a slider moves one category). */
  const zonesNow = (a: NonNullable<typeof analysis>): GapZone[] =>
    settings.categories.flatMap((cat, k) => {
      const key = `${cat.id}:${cat.thresholdMinutes.urban}:${cat.thresholdMinutes.rural}`;
      let z = a.zones.get(key);
      if (!z) {
        z = a.zoneIndex.zones(a.result.fields[k]!, cat, k);
        a.zones.set(key, z);
      }
      return z;
    });

  /**
   * The layers of the last OpenStreetMap extract imported, keyed by its SHA-256, the language and
   * the categories' OSM tags: loading the same extract into another layer (a restored workspace, a
   * restarted worker, the mapping step) takes its layer from here instead of importing again.
   */
  let extract: { key: string; layers: Record<LayerName, LayerFile> } | null = null;
  const extractKey = (sha256: string, lang: 'zh' | 'en') =>
    JSON.stringify([sha256, lang, settings.categories.map((c) => [c.id, c.osmTags])]);

  /** Elevation files the network costs follow (docs/architecture.md, "Terrain"), in the order loaded. */
  const dem: { grid: ElevationGrid; meta: InputFileMeta }[] = [];

  /** The walkable graph of the loaded roads (cached per roads array: the analysis shares it), or null without roads. */
  const roadGraph = (): RoadGraph | null => {
    const roads = loaded?.dataset.roads;
    return roads && roads.length > 0 ? getRoadGraph(roads) : null;
  };

  /** Metres to the nearest loaded road (for the GCJ-02/BD-09 offset check), or undefined without roads. */
  const roadDistances = (): RoadDistances | undefined => {
    const graph = roadGraph();
    return graph ? (lon, lat, maxMeters = Infinity) => snapPoints(graph, lon, lat, maxMeters).accessMeters : undefined;
  };

  const reload = (): ReturnType<typeof loadDataset> => {
    // an extract none of whose layers is loaded any more is forgotten (its roads are the bulk of memory)
    const kept = extract;
    if (kept && !LAYERS.some((l) => files[l]?.read === kept.layers[l])) extract = null;
    const layer = (n: LayerName) => ({ features: files[n]?.read.features ?? [], file: files[n]?.read.file ?? n });
    loaded = loadDataset(
      { facilities: layer('facilities'), communities: layer('communities'), roads: files.roads ? layer('roads') : null },
      settings,
      { facilities: files.facilities?.options ?? {}, communities: files.communities?.options ?? {} },
    );
    analysis = null;
    return loaded;
  };

  /** Read a file; a usable one replaces its layer's file (the dataset is not assembled: the caller reloads). */
  const readInto = async (layer: LayerName, name: string, bytes: Uint8Array, options: LayerOptions): Promise<LayerFile> => {
    let read: LayerFile;
    let meta: InputFileMeta;
    const lang = options.osmLang;
    if (isOsmFile(name, bytes) && (layer === 'roads' || lang !== undefined)) {
      // OpenStreetMap is WGS84 by definition: no offset check against the roads
      meta = describeInputFile(layer, name, bytes, 'osm', 'WGS84');
      if (lang === undefined) read = readOsmRoadsLayer(name, bytes);
      else if (extract?.key === extractKey(meta.sha256, lang)) read = extract.layers[layer];
      else {
        // a layer of a whole extract (restored, or re-read by the mapping step): all three are kept for the others
        const r = importOsmLayerFiles(name, bytes, settings.categories, lang);
        if (r.ok) extract = { key: extractKey(meta.sha256, lang), layers: r.layers };
        read = r.ok ? r.layers[layer] : refusedOsm(name, r.error);
      }
    } else {
      // points are checked against the loaded roads for a GCJ-02/BD-09 offset
      const nearestRoadMeters = layer !== 'roads' ? roadDistances() : undefined;
      read = await readLayerFile(name, bytes, { ...options, ...(nearestRoadMeters ? { nearestRoadMeters } : {}) });
      meta = describeInputFile(layer, name, bytes, read.format, read.crs);
    }
    if (read.features) files[layer] = { read, options, meta };
    return read;
  };

  const report = (layer: LayerName, read: LayerFile): LayerReport => {
    const own = (p: Problem) => p.file === read.file;
    const counts = loaded?.counts[layer] ?? { read: 0, kept: 0, skipped: 0 };
    return {
      layer,
      file: read.file,
      format: read.format,
      encoding: read.encoding,
      crs: read.crs,
      ...(read.prjCrs ? { prjCrsName: crsName(read.prjCrs) } : {}),
      fields: read.fields,
      ...(read.lonField ? { lonField: read.lonField } : {}),
      ...(read.latField ? { latField: read.latField } : {}),
      counts,
      warnings: [...read.warnings, ...(loaded?.warnings.filter(own) ?? [])],
      errors: [...read.errors, ...(loaded?.errors.filter(own) ?? [])],
    };
  };

  // 2SFCA / E2SFCA of the current analysis under the current thresholds and weights (made on demand)
  let accessibilityMemo: { result: Analysis; key: string; value: Accessibility } | null = null;
  const accessibilityOf = (a: NonNullable<typeof analysis>): Accessibility => {
    const key = JSON.stringify(settings.categories.map((c) => [c.id, c.thresholdMinutes, c.accessWeights ?? null]));
    if (!accessibilityMemo || accessibilityMemo.result !== a.result || accessibilityMemo.key !== key) {
      accessibilityMemo = {
        result: a.result,
        key,
        value: computeAccessibility(a.result.travel, a.dataset, a.result.samples, settings, {
          population: categoryDemand(
            a.dataset.communities,
            a.result.samples,
            settings.categories.map((c) => c.id),
          ),
        }),
      };
    }
    return accessibilityMemo.value;
  };

  // the travel-time grid and isochrones of a category, once per analysis, category, kind and thresholds
  let surfaceMemo: { result: Analysis; key: string; value: ReturnType<typeof computeSurface> } | null = null;
  const computeSurface = (a: NonNullable<typeof analysis>, categoryId: string, kind: 'urban' | 'rural') => {
    const { result, dataset } = a;
    const cat = settings.categories.find((c) => c.id === categoryId);
    if (!cat) throw new Error(`surface: unknown category "${categoryId}"`);
    const s = result.samples;
    const box = bboxOfPositions(
      dataset.facilities.map((f) => [f.lon, f.lat]),
      bboxOf(s.lon, s.lat, s.count),
    );
    if (!box || !Number.isFinite(box[0])) return null;
    const surface = travelTimeSurface(result.travel, dataset, settings, categoryId, box, 200, kind);
    const iso = isochrones(surface, [cat.thresholdMinutes.urban * 60, cat.thresholdMinutes.rural * 60]);
    return { surface, isochrones: iso };
  };
  const surfaceOf = (a: NonNullable<typeof analysis>, categoryId: string, kind: 'urban' | 'rural') => {
    const cat = settings.categories.find((c) => c.id === categoryId);
    const key = JSON.stringify([categoryId, kind, cat?.thresholdMinutes ?? null]);
    if (!surfaceMemo || surfaceMemo.result !== a.result || surfaceMemo.key !== key) {
      surfaceMemo = { result: a.result, key, value: computeSurface(a, categoryId, kind) };
    }
    return surfaceMemo.value;
  };

  // the plan's indicators of the current coverage and thresholds (the panel, the print view and the reports share them)
  let indicatorsMemo: { coverage: Analysis['coverage']; key: string; value: Indicators } | null = null;
  const indicatorsOf = (a: NonNullable<typeof analysis>): Indicators => {
    const key = JSON.stringify([settings.preset, settings.categories.map((c) => [c.id, c.thresholdMinutes])]);
    if (!indicatorsMemo || indicatorsMemo.coverage !== a.result.coverage || indicatorsMemo.key !== key) {
      const value = computeIndicators(a.dataset, a.result, settings, getPreset(settings.preset)?.targets ?? [], 100);
      indicatorsMemo = { coverage: a.result.coverage, key, value };
    }
    return indicatorsMemo.value;
  };
  // the districts' dissolved outlines, once per communities array (they depend on nothing else)
  const outlines = new WeakMap<readonly Community[], DistrictPolygons>();
  const outlinesOf = (communities: readonly Community[]): DistrictPolygons => {
    let hit = outlines.get(communities);
    if (!hit) outlines.set(communities, (hit = districtPolygons(communities)));
    return hit;
  };

  const ensureAnalysis = (onProgress?: ProgressFn): NonNullable<typeof analysis> => {
    const plain = (loaded ?? reload()).dataset;
    const data = dem.length > 0 ? { ...plain, elevation: dem.map((d) => d.grid) } : plain;
    const key = JSON.stringify([travelKey(settings), dem.map((d) => d.meta.sha256)]);
    if (!analysis || analysis.key !== key) {
      const result = analyze(data, settings, onProgress);
      analysis = {
        result,
        key,
        dataset: data,
        zoneIndex: createGapZoneIndex(result.samples, settings.sampleSpacingMeters),
        zones: new Map(),
      };
    }
    return analysis;
  };

  return {
    /**
     * Add an elevation file (SRTM .hgt/.hgt.zip or GeoTIFF in EPSG:4326): the next analysis follows
     * its slopes. A file that is not a DEM is refused with the reason and changes nothing; a file of
     * the same name replaces the earlier one.
     */
    async loadDem(name: string, bytes: Uint8Array): Promise<DemReport> {
      const read = await readDemFile(name, bytes);
      if (read.value) {
        const at = dem.findIndex((d) => d.meta.file === name);
        if (at >= 0) dem.splice(at, 1);
        dem.push({ grid: read.value, meta: describeInputFile('dem', name, bytes, demFormatOf(name, bytes) ?? 'geotiff', 'WGS84') });
        analysis = null;
      }
      return {
        ok: read.value !== null,
        file: name,
        warnings: read.warnings,
        errors: read.errors,
        noData: read.noData,
        files: dem.map((d) => d.meta.file),
      };
    },

    /** Remove every elevation file: flat ground again. */
    clearDem(): void {
      dem.length = 0;
      analysis = null;
    },

    /**
     * Read a file into a layer. An unusable file (invalid JSON, no coordinate columns, not a zip …)
     * leaves the previous layer in place and says why.
     */
    async loadLayer(layer: LayerName, name: string, bytes: Uint8Array, options: LayerOptions = {}): Promise<LoadResult> {
      const read = await readInto(layer, name, bytes, options);
      if (read.features) reload();
      return { ok: read.features !== null, report: report(layer, read), dataset: datasetView(loaded?.dataset ?? null) };
    },

    /**
     * Read several files into their layers, in order, as {@link loadLayer} would one by one, but
     * with the dataset assembled and sent back once (assembling checks and snaps everything loaded,
     * and each view sent is a copy of the whole dataset) and in one round trip — the start's read of
     * the sample or a saved workspace does not wait between files for a main thread busy drawing.
     * Each file's report is made after the last one is in (its counts and checks are of the whole
     * dataset, e.g. an offset of the facilities against roads read after them).
     * @param then `analyse`: once it has answered, and when every file was usable, the worker goes on
     *   to compute the analysis (travel times, gap zones), then the travel-time surface of the
     *   category `surfaceOf` (the one the map shows), the indicators and the district outlines, so the
     *   coverage(), surface(), indicators() and districtOutlines() asked for a moment later only read
     *   the results — the start's read of the sample, while the page is still busy with its first
     *   render. Loading a layer or changing settings in between makes them be computed again.
     */
    async loadLayers(inputs: readonly LayerInput[], then: AfterLoad = {}): Promise<LoadLayersResult> {
      const reads: LayerFile[] = [];
      for (let i = 0; i < inputs.length; i++) {
        const { layer, name, bytes, options = {} } = inputs[i]!;
        const read = await readInto(layer, name, bytes, options);
        reads.push(read);
        // points read after the roads are checked against them (as loadLayer one by one would)
        if (read.features && layer === 'roads' && i < inputs.length - 1) reload();
      }
      if (reads.some((r) => r.features)) reload();
      const result = {
        results: reads.map((read, i) => ({ ok: read.features !== null, report: report(inputs[i]!.layer, read) })),
        dataset: datasetView(loaded?.dataset ?? null),
      };
      if (then.analyse && reads.every((r) => r.features)) {
        // after the answer is posted, each step its own task (a call that comes in between is not held
        // up by the rest); they stop when something else is loaded, and a failure is reported by the
        // call that asks for the same thing next
        const dataset = loaded;
        const steps: (() => unknown)[] = [
          () => zonesNow(ensureAnalysis()),
          ...(then.surfaceOf ? [() => surfaceOf(ensureAnalysis(), then.surfaceOf!, 'urban')] : []),
          () => indicatorsOf(ensureAnalysis()),
          () => outlinesOf(dataset!.dataset.communities),
        ];
        const next = (): void => {
          const step = steps.shift();
          if (!step || loaded !== dataset) return;
          try {
            step();
            setTimeout(next, 0);
          } catch {
            // asked for again, it is computed again and its error reported
          }
        };
        setTimeout(next, 0);
      }
      return result;
    },

    /**
     * Import a whole OpenStreetMap extract into the three layers with the current categories: the
     * import's features become the layers as they are (no GeoJSON text on the way), each with its
     * load report, and the dataset is assembled once. The layers remember the extract, so loading
     * its bytes into a layer again (`loadLayer`, with `osmLang`) takes the same layer. A refused
     * extract says why and changes nothing.
     */
    importOsmExtract(name: string, bytes: Uint8Array, lang: 'zh' | 'en'): OsmExtractResult {
      const r = importOsmLayerFiles(name, bytes, settings.categories, lang);
      if (!r.ok) return r;
      const t0 = performance.now();
      const meta = describeInputFile('roads', name, bytes, 'osm', 'WGS84');
      extract = { key: extractKey(meta.sha256, lang), layers: r.layers };
      for (const l of LAYERS) files[l] = { read: r.layers[l], options: { osmLang: lang }, meta: { ...meta, layer: l } };
      reload();
      const layers = LAYERS.map((l) => report(l, r.layers[l]));
      return {
        ok: true,
        report: r.report,
        layers,
        dataset: datasetView(loaded!.dataset),
        timings: { importMs: r.importMs, layersMs: r.layersMs, loadMs: performance.now() - t0 },
      };
    },

    /** Remove a layer (e.g. roads, to use the straight-line model). */
    clearLayer(layer: LayerName): DatasetView {
      delete files[layer];
      return datasetView(reload().dataset);
    },

    /** Validate and apply settings; invalid settings are rejected with their problems and the old ones stay. */
    setSettings(raw: unknown): { ok: boolean; settings: Settings; warnings: Problem[]; errors: Problem[] } {
      const res = resolveSettings(raw, 'settings');
      if (!res.value) return { ok: false, settings, warnings: res.warnings, errors: res.errors };
      const categoriesChanged =
        JSON.stringify(res.value.categories.map((c) => [c.id, c.keywords, c.osmTags, c.populationField])) !==
        JSON.stringify(settings.categories.map((c) => [c.id, c.keywords, c.osmTags, c.populationField]));
      settings = res.value;
      if (categoriesChanged) reload(); // facilities are mapped to categories; communities read the demand columns
      return { ok: true, settings, warnings: res.warnings, errors: res.errors };
    },

    /**
     * Coverage under the current settings: travel times are computed only when something other than
     * a threshold changed since the last call; otherwise the access fields are re-thresholded.
     */
    coverage(onProgress?: ProgressFn): CoverageView & { recomputed: boolean; warnings: Problem[] } {
      const before = analysis;
      const a = ensureAnalysis(onProgress);
      const { result, dataset } = a;
      const recomputed = before !== a;
      const cov = recomputed ? result.coverage : computeCoverage(result.samples, result.fields, settings);
      const gaps = recomputed ? result.gaps : findGaps(dataset.communities, cov);
      result.coverage = cov;
      result.gaps = gaps;
      return { ...coverageView(result, zonesNow(a), settings), recomputed, warnings: result.warnings };
    },

    /** Travel-time grid of a category (heat layer) and its isochrones at the urban and rural thresholds. */
    surface(categoryId: string, kind: 'urban' | 'rural' = 'urban') {
      return surfaceOf(ensureAnalysis(), categoryId, kind);
    },

    /**
     * The report files of the current analysis (gaps.geojson, communities.geojson, summary.json,
     * coverage.csv) with their provenance (input files with SHA-256 and feature counts).
     * @param options export CRS, report time, proposed sites (see io/analysis-report.ts)
     */
    reportFiles(options: Omit<ReportOptions, 'inputs'> = {}): AnalysisReportFiles {
      const a = ensureAnalysis();
      const { result, dataset } = a;
      const inputs = (['facilities', 'communities', 'roads'] as const).flatMap((n) => {
        const f = files[n];
        return f ? [{ ...f.meta, features: loaded?.counts[n] ?? null }] : [];
      });
      const accessibility = accessibilityOf(a);
      inputs.push(...dem.map((d) => d.meta));
      return writeAnalysisReport({
        dataset,
        analysis: result,
        zones: zonesNow(a),
        settings,
        problems: reportProblems(
          [...(loaded?.warnings ?? []), ...result.warnings, ...accessibility.warnings, ...outlinesOf(dataset.communities).warnings],
          loaded?.errors ?? [],
        ),
        options: {
          ...options,
          inputs,
          accessibility,
          indicators: indicatorsOf(a),
          districtPolygons: outlinesOf(dataset.communities).districts,
        },
      });
    },

    /**
     * The plan's indicators of the current coverage (minutes bands, urban/rural, equity, districts,
     * dashboard; engine/indicators), with 100-step Lorenz curves for the charts.
     */
    indicators(): Indicators {
      return indicatorsOf(ensureAnalysis());
    },

    /**
     * Each district's communities dissolved into one outline (districts in the order of the
     * indicators' districts; null geometry: point communities only), for the map and the fly-to.
     */
    districtOutlines(): DistrictPolygon[] {
      return outlinesOf((loaded ?? reload()).dataset.communities).districts;
    },

    /** Current settings. */
    getSettings(): Settings {
      return settings;
    },

    /** Whom a facility serves: communities whose nearest facility of its category is this one (map click). */
    servedBy(facilityIndex: number): ServedBy {
      const { result, dataset } = ensureAnalysis();
      return servedByOf(dataset, result.samples, result.fields, settings, facilityIndex);
    },

    /** The nearest facility of every category from a community's representative sample (map click). */
    communityDetail(communityIndex: number): NearestFacility[] {
      const { result, dataset } = ensureAnalysis();
      return nearestFacilities(dataset, result.samples, result.fields, settings, communityIndex);
    },

    /** A community's places per 1,000 residents (2SFCA, E2SFCA) per category (map click). */
    communityAccessibility(communityIndex: number): CommunityAccessibilityRow[] {
      return communityAccessibility(accessibilityOf(ensureAnalysis()), communityIndex);
    },

    /**
     * In-worker access for other session parts (siting): the current analysis (computed if needed),
     * its dataset and settings. Not for comlink callers: the analysis holds functions.
     */
    current(): { analysis: Analysis; dataset: Dataset; settings: Settings } {
      const a = ensureAnalysis();
      return { analysis: a.result, dataset: a.dataset, settings };
    },

    /** In-worker only: metres to the nearest loaded road, for checking uploaded candidates' CRS. */
    roadDistances,
  };
}

export type EngineSession = ReturnType<typeof createSession>;
