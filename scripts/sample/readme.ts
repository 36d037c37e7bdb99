/** The README written beside the generated sample, with its figures. */
import { DISTRICTS } from './geography';
import type { SampleStats } from '../make-sample';

const KIND_RULE =
  'A facility counts as urban or rural by the kind of the community whose centroid (mean of its ring vertices) is nearest to it.';

/** Markdown README for data/sample/, from the generator's figures. */
export function sampleReadme(s: SampleStats): string {
  const fac = Object.entries(s.facilities)
    .map(([c, n]) => `| ${c} | ${n.urban} | ${n.rural} |`)
    .join('\n');
  const total = Object.values(s.facilities).reduce((a, n) => a + n.urban + n.rural, 0);
  return `# Built-in sample: synthetic Ningbo

**This data is SYNTHETIC.** It is not real Ningbo: the facilities, their names and capacities, the
communities, their outlines and populations, and the roads are all invented by a program. Only the
district centres, the rough course of the three rivers (姚江, 奉化江, 甬江) and the Hangzhou Bay coast
follow real geography, approximately. Do not use it for any real planning decision; use it to try the
tool, in tests and in demonstrations.

## How it was made

\`scripts/make-sample.ts\` (helpers in \`scripts/sample/\`), seeded PRNG mulberry32 from
\`src/engine/prng.ts\`, seed **${s.seed}**. \`npm run sample\` regenerates byte-identical files.

- Box: 121.30–121.95 E, 29.60–30.02 N (WGS84). The sea north of the coast is empty.
- Urban districts: a jittered, warped, rotated street grid around each centre, clipped where
  neighbouring districts meet, at the coast and at the river banks (rivers are crossed only by bridges):

| district | centre (lon, lat) | radius m | grid spacing m |
|---|---|---|---|
${DISTRICTS.map((d) => `| ${d.zh} (${d.key}) | ${d.lon.toFixed(2)}, ${d.lat.toFixed(2)} | ${d.radiusMeters} | ${d.spacingMeters} |`).join('\n')}

- Arterials (primary/secondary/tertiary) link the districts and lead out of the box; villages are
  Poisson-disc points (sparser in the hills) tied together and to the towns by a spanning tree of
  \`unclassified\`/\`track\` roads plus some loops.
- Where two walkable roads cross they share a vertex (identical coordinates after rounding to 6
  decimals). Exceptions, on purpose: motorways (\`highway=motorway\`, not walkable) share no vertex
  with any other road, and bridges (\`bridge: "yes"\`) meet the street network only at their two ends.
- Communities: urban blocks (\`kind: "urban"\`, 1,500–12,000 residents, denser near the centres)
  and village outlines (\`kind: "rural"\`, 200–3,000 residents).
- Facilities stand near roads beside their community; odds fall from the centres outwards and are
  lower in villages, so there are real gaps, more in the countryside. ${KIND_RULE}
  Capacity is a plausible invented figure: places (childcare), seats (canteen), daily visits
  (clinic), daily users (sports, culture, convenience).

## Files and counts

| file | content |
|---|---|
| roads.geojson | ${s.roadWays} LineStrings, ${s.segments} segments (${s.walkableSegments} walkable), ${s.motorwayWays} motorway ways, ${s.bridges} bridges; properties \`highway\`, \`name\`, \`bridge\` (bridges only) |
| communities.geojson | ${s.urbanCommunities + s.ruralCommunities} Polygons (${s.urbanCommunities} urban, ${s.ruralCommunities} rural), ${s.population} residents; properties \`id\`, \`name\`, \`kind\`, \`population\`, \`district\` (区: the street grid's district; a village: the district with the nearest centre) |
| facilities.geojson | ${total} Points; properties \`id\`, \`name\`, \`category\`, \`capacity\` |

| category | urban | rural |
|---|---|---|
${fac}

The largest connected part of the walking network holds ${(s.largestComponentShare * 100).toFixed(1)} % of its vertices.
Format: RFC 7946 GeoJSON, WGS84, coordinates to 6 decimals, compact JSON with one feature per line.
`;
}
