import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";

/**
 * pdfjs creates scratch canvases (soft masks, patterns, group compositing) through this factory.
 * Owning it lets us refuse a scratch canvas larger than the page budget, so a crafted PDF
 * cannot make pdfjs allocate gigabytes behind the rasteriser's back.
 */
export const MAX_SCRATCH_CANVAS_PIXELS = 64_000_000;

interface CanvasAndContext {
  canvas: Canvas | null;
  context: SKRSContext2D | null;
}

export class NapiCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    assertCanvasSize(width, height);
    const canvas = createCanvas(Math.ceil(width), Math.ceil(height));
    return { canvas, context: canvas.getContext("2d") };
  }

  reset(canvasAndContext: CanvasAndContext, width: number, height: number): void {
    if (!canvasAndContext.canvas) throw new Error("Canvas is not specified");
    assertCanvasSize(width, height);
    canvasAndContext.canvas.width = Math.ceil(width);
    canvasAndContext.canvas.height = Math.ceil(height);
  }

  destroy(canvasAndContext: CanvasAndContext): void {
    if (!canvasAndContext.canvas) throw new Error("Canvas is not specified");
    // Zero size releases the pixel memory now instead of at the next GC.
    canvasAndContext.canvas.width = 0;
    canvasAndContext.canvas.height = 0;
    canvasAndContext.canvas = null;
    canvasAndContext.context = null;
  }

  getNoAlphaContext(canvas: Canvas): SKRSContext2D {
    return canvas.getContext("2d", { alpha: false });
  }
}

function assertCanvasSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new Error("Invalid canvas size");
  if (width * height > MAX_SCRATCH_CANVAS_PIXELS) {
    throw new Error(`Canvas of ${Math.round(width)}x${Math.round(height)} exceeds the pixel budget`);
  }
}
