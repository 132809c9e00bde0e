// Pan (drag the background) and zoom (wheel, buttons, keys) of the graph, as one transform on a <g>.

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

/** Wires the pointer, wheel and keyboard to a view applied on `target`; returns the controller. */
export class PanZoom {
  #view: View = { scale: 1, translateX: 0, translateY: 0 };

  constructor(
    private readonly surface: SVGSVGElement,
    private readonly target: SVGGElement,
  ) {
    let dragging: { pointerId: number; x: number; y: number } | undefined;
    surface.addEventListener('pointerdown', (event) => {
      // Nodes and edges take clicks; only the background pans.
      if ((event.target as Element).closest('.node, .edge')) return;
      dragging = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
      surface.setPointerCapture(event.pointerId);
      surface.classList.add('panning');
    });
    surface.addEventListener('pointermove', (event) => {
      if (!dragging || dragging.pointerId !== event.pointerId) return;
      this.set({ ...this.#view, translateX: this.#view.translateX + event.clientX - dragging.x, translateY: this.#view.translateY + event.clientY - dragging.y });
      dragging = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
    });
    const stop = (): void => {
      dragging = undefined;
      surface.classList.remove('panning');
    };
    surface.addEventListener('pointerup', stop);
    surface.addEventListener('pointercancel', stop);
    surface.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const bounds = surface.getBoundingClientRect();
        this.set(zoomAround(this.#view, Math.exp(-event.deltaY / 300), event.clientX - bounds.left, event.clientY - bounds.top));
      },
      { passive: false },
    );
  }

  /** The current view. */
  get view(): View {
    return this.#view;
  }

  /** Applies a view. */
  set(view: View): void {
    this.#view = view;
    this.target.setAttribute('transform', `translate(${view.translateX} ${view.translateY}) scale(${view.scale})`);
  }

  /** Zooms by `factor` around the middle of the viewport. */
  zoomBy(factor: number): void {
    const bounds = this.surface.getBoundingClientRect();
    this.set(zoomAround(this.#view, factor, bounds.width / 2, bounds.height / 2));
  }

  /** Shows the whole graph. */
  fit(width: number, height: number): void {
    const bounds = this.surface.getBoundingClientRect();
    this.set(fitView(width, height, bounds.width, bounds.height));
  }

  /** Shows a new graph: whole if readable, else its top left (see {@link initialView}). */
  showInitial(width: number, height: number): void {
    const bounds = this.surface.getBoundingClientRect();
    this.set(initialView(width, height, bounds.width, bounds.height));
  }

  /** Centres a graph point. */
  center(x: number, y: number): void {
    const bounds = this.surface.getBoundingClientRect();
    this.set(centerOn(this.#view, x, y, bounds.width, bounds.height));
  }
}
