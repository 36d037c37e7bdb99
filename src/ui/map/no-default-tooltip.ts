/**
 * Takes deck.gl's default tooltip widget out of the overlay. deck.gl 9.4 adds a TooltipWidget to
 * every Deck (`widgetManager.addDefault`), with no prop to leave it out; the app shows its own
 * tooltip (ui/map/map-picking.ts) and gives deck.gl no `getTooltip`, so the widget never shows anything.
 * Yet its container is laid out after every deck.gl redraw: `WidgetManager._updateContainers`
 * reads the parent's `clientWidth`, which forces a layout of the page — about 0.2 s of the first
 * open in a software renderer (SwiftShader, 2 cores). Without widgets there is no container and
 * nothing to measure. deck.gl internals (`Deck.widgetManager`, `WidgetManager.defaultWidgets`,
 * `containers`, `_removeWidget`, `_setWidgets`, `widgets`), checked before use.
 */

/** The id deck.gl gives its default tooltip widget. */
const DEFAULT_TOOLTIP_ID = 'default-tooltip';

/** The part of deck.gl's widget manager this uses. */
export interface WidgetManagerLike {
  defaultWidgets?: { id: string }[];
  widgets?: unknown[];
  containers?: Record<string, { remove(): void }>;
  getWidgets?: () => unknown[];
  _removeWidget?: (widget: { id: string }) => void;
  _setWidgets?: (widgets: unknown[]) => void;
}

/**
 * Removes the default tooltip widget from a Deck's widget manager and, when no widget is left, the
 * empty containers it laid out on every redraw.
 * @param deck a deck.gl `Deck` (after its `onLoad`: the widget manager is made with the device)
 * @returns true when the tooltip was removed; false when this deck.gl has no such widget or
 *   manager (then nothing changes)
 */
export function dropDefaultTooltip(deck: unknown): boolean {
  const manager = (deck as { widgetManager?: WidgetManagerLike } | null | undefined)?.widgetManager;
  if (
    !manager ||
    !Array.isArray(manager.defaultWidgets) ||
    !Array.isArray(manager.widgets) ||
    typeof manager.containers !== 'object' ||
    manager.containers === null ||
    typeof manager._removeWidget !== 'function' ||
    typeof manager._setWidgets !== 'function' ||
    typeof manager.getWidgets !== 'function'
  )
    return false;
  const i = manager.defaultWidgets.findIndex((w) => w.id === DEFAULT_TOOLTIP_ID);
  if (i < 0) return false;
  const [tooltip] = manager.defaultWidgets.splice(i, 1);
  manager._removeWidget(tooltip!);
  manager._setWidgets(manager.widgets); // the resolved list without the tooltip
  if (manager.getWidgets().length === 0) {
    // widgets added later make their containers again
    for (const id of Object.keys(manager.containers)) {
      manager.containers[id]!.remove();
      delete manager.containers[id];
    }
  }
  return true;
}
