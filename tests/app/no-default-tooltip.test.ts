/**
 * deck.gl's default tooltip widget leaves the overlay (ui/map/no-default-tooltip), tested on the
 * installed deck.gl's own WidgetManager and TooltipWidget (internals: a deck.gl upgrade that changes
 * them fails here). A minimal stand-in for `document` takes the widget's elements; the parent element
 * counts the reads of `clientWidth` (each a forced layout of the page in the browser).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDefaultTooltip } from '../../src/ui/map/no-default-tooltip';

const lib = path.resolve(__dirname, '../../node_modules/@deck.gl/core/dist/lib');
type Manager = {
  addDefault(w: unknown): void;
  getWidgets(): { id: string }[];
  onRedraw(o: { viewports: unknown[]; layers: unknown[] }): void;
  containers: Record<string, unknown>;
};
const { WidgetManager } = (await import(path.join(lib, 'widget-manager.js'))) as { WidgetManager: new (o: unknown) => Manager };
const { TooltipWidget } = (await import(path.join(lib, 'tooltip-widget.js'))) as { TooltipWidget: new () => { id: string } };

/** Just enough of a DOM element for deck.gl's widget manager. */
class FakeElement {
  style: Record<string, string> = {};
  className = '';
  children: FakeElement[] = [];
  parent: FakeElement | null = null;
  classList = { add: () => {}, remove: () => {} };
  widthReads = 0;
  get clientWidth() {
    this.widthReads++;
    return 800;
  }
  get clientHeight() {
    return 600;
  }
  append(c: FakeElement) {
    c.parent = this;
    this.children.push(c);
  }
  remove() {
    if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
    this.parent = null;
  }
  querySelector(sel: string) {
    return this.children.find((c) => `.${c.className}` === sel) ?? null;
  }
}

const g = globalThis as { document?: unknown };
const hadDocument = 'document' in g;
beforeAll(() => {
  if (!hadDocument) g.document = { createElement: () => new FakeElement() };
});
afterAll(() => {
  if (!hadDocument) delete g.document;
});

/** A widget manager as a Deck makes it: the default tooltip added. */
function deckLike() {
  const parent = new FakeElement();
  const manager = new WidgetManager({ deck: { width: 800, height: 600 }, parentElement: parent });
  manager.addDefault(new TooltipWidget());
  return { widgetManager: manager, parent };
}

describe('dropDefaultTooltip', () => {
  it('removes the tooltip deck.gl adds, its element and container, so a redraw forces no layout', () => {
    const with_ = deckLike();
    expect(with_.widgetManager.getWidgets().map((w) => w.id)).toEqual(['default-tooltip']);
    with_.widgetManager.onRedraw({ viewports: [], layers: [] });
    expect(with_.parent.widthReads).toBe(1); // deck.gl alone: a layout read per redraw

    const deck = deckLike();
    expect(dropDefaultTooltip(deck)).toBe(true);
    expect(deck.widgetManager.getWidgets()).toEqual([]);
    expect(deck.widgetManager.containers).toEqual({});
    expect(deck.parent.children).toEqual([]);
    deck.widgetManager.onRedraw({ viewports: [], layers: [] });
    deck.widgetManager.onRedraw({ viewports: [], layers: [] });
    expect(deck.parent.widthReads).toBe(0);
    expect(dropDefaultTooltip(deck)).toBe(false); // already gone: nothing to do
  });

  it('changes nothing where the deck has no such manager', () => {
    expect(dropDefaultTooltip(undefined)).toBe(false);
    expect(dropDefaultTooltip({})).toBe(false);
    const odd = { widgetManager: { defaultWidgets: [{ id: 'default-tooltip' }] } };
    expect(dropDefaultTooltip(odd)).toBe(false);
    expect(odd.widgetManager.defaultWidgets).toHaveLength(1);
  });
});
