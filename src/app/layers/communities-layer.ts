/** Communities on the map (drawn by MapLibre, maplibre-overlays): the opacity of their kind-coloured fill. */

/** Opacity 0–255 of community fills (outlines are opaque). */
export const COMMUNITY_FILL_ALPHA = 110;
