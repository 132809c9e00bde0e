// The arithmetic of the graph's view (pure, no DOM): a scale and a translation, fitted, zoomed around a point, centred.

/** The current view: graph point (x, y) is drawn at (x * scale + translateX, y * scale + translateY). */
export interface View {
  scale: number;
  translateX: number;
  translateY: number;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;

/** Keeps a scale within the allowed range. */
export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The view that zooms by `factor` keeping the screen point (screenX, screenY) fixed. */
export function zoomAround(view: View, factor: number, screenX: number, screenY: number): View {
  const scale = clampScale(view.scale * factor);
  const applied = scale / view.scale;
  return { scale, translateX: screenX - (screenX - view.translateX) * applied, translateY: screenY - (screenY - view.translateY) * applied };
}

/** The view showing a whole `width` × `height` graph inside a viewport, never enlarged past 1. */
export function fitView(width: number, height: number, viewportWidth: number, viewportHeight: number): View {
  const scale = clampScale(Math.min(1, viewportWidth / Math.max(width, 1), viewportHeight / Math.max(height, 1)));
  return { scale, translateX: (viewportWidth - width * scale) / 2, translateY: Math.max(0, (viewportHeight - height * scale) / 2) };
}

/** Below this scale the names are unreadable: the first view then starts at the top left at this scale instead of fitting. */
export const MIN_READABLE_SCALE = 0.55;

/** The first view of a graph: the whole graph when it stays readable, else its top left at a readable scale. */
export function initialView(width: number, height: number, viewportWidth: number, viewportHeight: number): View {
  const fitted = fitView(width, height, viewportWidth, viewportHeight);
  return fitted.scale >= MIN_READABLE_SCALE ? fitted : { scale: MIN_READABLE_SCALE, translateX: 8, translateY: 8 };
}

/** The view centring graph point (x, y) in the viewport at the current scale. */
export function centerOn(view: View, x: number, y: number, viewportWidth: number, viewportHeight: number): View {
  return { scale: view.scale, translateX: viewportWidth / 2 - x * view.scale, translateY: viewportHeight / 2 - y * view.scale };
}

