import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker as TesseractWorker } from "tesseract.js";
import { AppError } from "../../app-error";
import { meanWordConfidence, type OcrWord, wordsFromBlocks } from "./ocr-words";
import type { GreyImage } from "./rasterise";
import { stageTessdata, type TessdataModel } from "./tessdata";
import { withTimeBudget } from "./time-budget";

/**
 * Tesseract page segmentation modes worth using on statements: 6 (one uniform block), 4 (one
 * column of variable-size text), 3 (fully automatic; splits tables into columns), 11 (sparse).
 */
/** 7 reads one line: a single cell looked at again (second-look.ts). */
export type PageSegmentation = 3 | 4 | 6 | 7 | 11;

/** Chosen by measurement (measure-ocr.ts): mode 3 splits a table into column blocks. */
export const DEFAULT_PAGE_SEGMENTATION: PageSegmentation = 6;
export const DEFAULT_OCR_JOB_TIMEOUT_MS = 60_000;

export interface OcrEngineOptions {
  /** Worker threads; default: the machine's available parallelism. */
  workers?: number;
  /** Default ["tur", "eng"]: Turkish first so its letters win ties (ı, ş, ğ). */
  languages?: string[];
  model?: TessdataModel;
  psm?: PageSegmentation;
  jobTimeoutMs?: number;
  /** Where language data is staged; default a folder under the system temp dir. */
  dataDir?: string;
}

export interface OcrRequest {
  image: GreyImage;
  /** Resolution of `image`; Tesseract's size filters assume a DPI and PGM carries none. */
  dpi: number;
  psm?: PageSegmentation;
  /** Only these characters may be read (an amount cell: digits and separators). */
  charset?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface OcrResult {
  words: OcrWord[];
  /** Character-weighted mean word confidence, 0..1 (0 when nothing was read). */
  confidence: number;
  ms: number;
}

/** The OCR port readPages needs: the real one is a tesseract.js worker pool. */
export interface OcrEngine {
  readonly size: number;
  readonly psm: PageSegmentation;
  recognize(request: OcrRequest): Promise<OcrResult>;
  close(): Promise<void>;
}

/** Creates a pool; workers start lazily (about 0.5 s each) and are reused until close(). */
export function createOcrEngine(options: OcrEngineOptions = {}): OcrEngine {
  return new TesseractPool(options);
}

let shared: OcrEngine | undefined;

/** The process-wide pool, reused across pages and documents. */
export function sharedOcrEngine(options: OcrEngineOptions = {}): OcrEngine {
  shared ??= createOcrEngine(options);
  return shared;
}

/** Terminates the process-wide pool's worker threads (call on shutdown). */
export async function closeOcr(): Promise<void> {
  const engine = shared;
  shared = undefined;
  await engine?.close();
}

interface Waiter {
  resolve: (worker: TesseractWorker) => void;
  reject: (error: unknown) => void;
}

class TesseractPool implements OcrEngine {
  readonly size: number;
  readonly psm: PageSegmentation;
  private readonly languages: string[];
  private readonly model: TessdataModel;
  private readonly jobTimeoutMs: number;
  private readonly dataDir: string | undefined;
  private langPath: string | undefined;
  private readonly idle: TesseractWorker[] = [];
  private readonly all = new Set<TesseractWorker>();
  private readonly waiters: Waiter[] = [];
  private starting = 0;
  private closed = false;

  constructor(options: OcrEngineOptions) {
    this.size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    this.psm = options.psm ?? DEFAULT_PAGE_SEGMENTATION;
    this.languages = options.languages ?? ["tur", "eng"];
    this.model = options.model ?? "best_int";
    this.jobTimeoutMs = options.jobTimeoutMs ?? DEFAULT_OCR_JOB_TIMEOUT_MS;
    this.dataDir = options.dataDir;
  }

  async recognize(request: OcrRequest): Promise<OcrResult> {
    const { signal } = request;
    signal?.throwIfAborted();
    const worker = await this.acquire();
    const started = performance.now();
    const timeoutMs = request.timeoutMs ?? this.jobTimeoutMs;
    let healthy = true;
    const abandon = () => {
      healthy = false;
      this.discard(worker);
    };
    let rejectOnAbort: (reason: unknown) => void = () => {};
    const abortion = new Promise<never>((_, reject) => {
      rejectOnAbort = reject;
    });
    const onAbort = () => {
      abandon();
      rejectOnAbort(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const job = worker.recognize(
        toPgm(request.image),
        {
          tessedit_pageseg_mode: String(request.psm ?? this.psm),
          preserve_interword_spaces: "1",
          user_defined_dpi: String(Math.round(request.dpi)),
          ...(request.charset ? { tessedit_char_whitelist: request.charset } : {}),
        } as Record<string, string>,
        { blocks: true, text: false },
      );
      const result = await withTimeBudget(
        Promise.race([job, abortion]),
        timeoutMs,
        () => new AppError("ocr_timeout", "Reading a scanned page took too long.", { timeoutMs }),
        abandon,
      );
      const words = wordsFromBlocks(result.data);
      return { words, confidence: meanWordConfidence(words), ms: performance.now() - started };
    } catch (error) {
      // A failed job may leave the wasm heap in any state: never reuse that worker.
      if (healthy) abandon();
      if (error instanceof AppError || signal?.aborted) throw error;
      // tesseract.js rejects with bare strings; a crashed worker is worth another delivery.
      throw new AppError("ocr_failed", "The OCR engine failed on a page; please try again.", undefined, {
        cause: error,
      });
    } finally {
      signal?.removeEventListener("abort", onAbort);
      if (healthy) this.release(worker);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(closedError());
    const workers = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate().catch(() => {})));
  }

  private acquire(): Promise<TesseractWorker> {
    if (this.closed) return Promise.reject(closedError());
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(busy(worker));
    if (this.all.size + this.starting < this.size) return this.spawn();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private release(worker: TesseractWorker): void {
    if (this.closed || !this.all.has(worker)) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(worker);
    else this.idle.push(idle(worker));
  }

  private discard(worker: TesseractWorker): void {
    if (!this.all.delete(worker)) return;
    void worker.terminate().catch(() => {});
    const waiter = this.waiters.shift();
    if (waiter) this.spawn().then(waiter.resolve, waiter.reject);
  }

  private async spawn(): Promise<TesseractWorker> {
    this.starting += 1;
    try {
      return await this.startWorker();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("ocr_unavailable", "The OCR engine could not be started.", undefined, {
        cause: error,
      });
    } finally {
      this.starting -= 1;
    }
  }

  private async startWorker(): Promise<TesseractWorker> {
    this.langPath ??= stageTessdata(this.languages, this.model, this.dataDir);
    // Loaded with the first worker: a digital statement never needs Tesseract.
    const { createWorker, OEM } = await import("tesseract.js");
    const worker = await createWorker(this.languages, OEM.LSTM_ONLY, {
      langPath: this.langPath,
      gzip: true,
      cacheMethod: "none",
      cachePath: join(tmpdir(), "finstat-tesseract-cache"),
      // Without a handler tesseract.js rethrows worker errors inside a message listener,
      // which would crash the process; the job's own promise already carries the error.
      errorHandler: () => {},
    });
    // Tesseract's own diagnostics ("Detected 250 diacritics") would land on stdout, where
    // `npm run analyze -- --json` promises exactly one JSON document.
    await worker.setParameters({ debug_file: "/dev/null" } as Parameters<
      TesseractWorker["setParameters"]
    >[0]);
    if (this.closed) {
      await worker.terminate();
      throw closedError();
    }
    this.all.add(worker);
    return busy(worker);
  }
}

/** Binary greymap: Leptonica reads it directly, with no PNG encode/decode per page. */
function toPgm(image: GreyImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, "ascii"), image.pixels]);
}

/** An idle worker thread must not keep the process alive; a busy one must. */
function idle(worker: TesseractWorker): TesseractWorker {
  threadOf(worker)?.unref();
  return worker;
}

function busy(worker: TesseractWorker): TesseractWorker {
  threadOf(worker)?.ref();
  return worker;
}

function threadOf(worker: TesseractWorker): { ref(): void; unref(): void } | undefined {
  const thread = (worker as unknown as { worker?: { ref?: () => void; unref?: () => void } }).worker;
  return thread?.ref && thread.unref ? (thread as { ref(): void; unref(): void }) : undefined;
}

function closedError(): AppError {
  return new AppError("ocr_closed", "The OCR engine has been shut down.");
}
