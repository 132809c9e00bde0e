// Pan (drag the background) and zoom (wheel, buttons, keys) of the graph, as one transform on a <g>.
import { centerOn, fitView, initialView, zoomAround, type View } from './view';

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
