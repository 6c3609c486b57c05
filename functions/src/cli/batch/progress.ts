/** What the batch has done so far, for the progress line. */
export interface BatchProgress {
  files: number;
  done: number;
  failed: number;
  /** Pages read by the files done. */
  pages: number;
  elapsedMs: number;
}

const BAR_WIDTH = 24;

/** "[#######.................] 12/50 files · 1 failed · 4.2 pages/s · ETA 1m05s" */
export function formatProgress(p: BatchProgress): string {
  const filled = p.files === 0 ? 0 : Math.round((p.done / p.files) * BAR_WIDTH);
  const parts = [`[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${p.done}/${p.files} files`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  const seconds = p.elapsedMs / 1000;
  if (p.pages > 0 && seconds > 0) parts.push(`${(p.pages / seconds).toFixed(1)} pages/s`);
  if (p.done > 0 && p.done < p.files) parts.push(`ETA ${duration((seconds / p.done) * (p.files - p.done))}`);
  return parts.join(" · ");
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(s % 60).padStart(2, "0")}s`;
}

/**
 * Redraws one status line on a terminal (files done, pages/s, ETA); on anything else, a pipe
 * or a log file, it stays silent, so that stderr holds only what a reader needs.
 */
export function progressLine(stream: NodeJS.WriteStream, files: number) {
  const started = performance.now();
  const state = { files, done: 0, failed: 0, pages: 0 };
  const live = stream.isTTY === true;
  const draw = () => {
    if (live)
      stream.write(`\r\x1b[2K${formatProgress({ ...state, elapsedMs: performance.now() - started })}`);
  };
  const timer = live ? setInterval(draw, 500) : undefined;
  timer?.unref();
  draw();
  return {
    fileDone(pages: number, ok: boolean) {
      state.done += 1;
      state.pages += pages;
      if (!ok) state.failed += 1;
      draw();
    },
    /** Prints a line above the status line (a failed file's reason). */
    note(line: string) {
      if (live) stream.write(`\r\x1b[2K${line}\n`);
      else stream.write(`${line}\n`);
      draw();
    },
    end() {
      if (timer) clearInterval(timer);
      if (live) stream.write("\r\x1b[2K");
    },
  };
}
