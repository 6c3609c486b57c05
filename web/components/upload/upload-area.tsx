"use client";

import { type DragEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import type { DocumentView } from "../../lib/api/types";
import { formatBytes } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { UPLOAD_MAX_BYTES } from "../../lib/upload/check-pdf";
import { type UploadStep, uploadPdf } from "../../lib/upload/upload-pdf";
import { type UploadEntry, UploadRow } from "./upload-row";

/** Two files hash and upload at a time: enough to keep the line busy without freezing the tab. */
const CONCURRENT_UPLOADS = 2;
const FORGET_DONE_MS = 5000;

let nextEntryId = 0;

export function UploadArea({
  companyId,
  onUploaded,
}: {
  companyId: string;
  onUploaded(document: DocumentView): void;
}) {
  const { t, language } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const [dragging, setDragging] = useState(false);
  const running = useRef(new Set<number>());
  const input = useRef<HTMLInputElement>(null);

  const update = useCallback((id: number, patch: Partial<UploadEntry>) => {
    setEntries((current) => current.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)));
  }, []);

  const start = useCallback(
    async (entry: UploadEntry) => {
      running.current.add(entry.id);
      const onStep = (step: UploadStep) =>
        update(
          entry.id,
          step.step === "uploading"
            ? { state: "uploading", loaded: step.loaded, total: step.total }
            : { state: step.step },
        );
      try {
        const { document, duplicates } = await uploadPdf(companyId, entry.file, onStep);
        update(entry.id, { state: "done", documentId: document.id, duplicates: duplicates.length });
        onUploaded(document);
        setTimeout(() => setEntries((current) => current.filter((e) => e.id !== entry.id)), FORGET_DONE_MS);
      } catch (error) {
        update(entry.id, { state: "error", error });
      } finally {
        running.current.delete(entry.id);
      }
    },
    [companyId, onUploaded, update],
  );

  // A small scheduler: whenever a slot is free, the oldest waiting file starts.
  useEffect(() => {
    const free = CONCURRENT_UPLOADS - running.current.size;
    if (free <= 0) return;
    const waiting = entries
      .filter((entry) => entry.state === "waiting" && !running.current.has(entry.id))
      .slice(0, free);
    for (const entry of waiting) {
      update(entry.id, { state: "checking" });
      void start(entry);
    }
  }, [entries, start, update]);

  const addFiles = (files: FileList | File[]) => {
    const added = Array.from(files).map<UploadEntry>((file) => ({
      id: nextEntryId++,
      file,
      state: "waiting",
    }));
    if (added.length > 0) setEntries((current) => [...current, ...added]);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };

  return (
    <div className="upload">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; keyboard users take the file input inside it. */}
      <div
        className={`dropzone${dragging ? " dropzone--active" : ""}`}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="dropzone__icon">
          <path d="M12 3l5 5h-3v6h-4V8H7l5-5zM5 17h14v3H5z" fill="currentColor" />
        </svg>
        <p className="dropzone__text">{t("upload.drop")}</p>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept="application/pdf,.pdf"
          multiple
          className="visually-hidden"
          aria-describedby={hintId}
          onChange={(event) => {
            if (event.target.files) addFiles(event.target.files);
            event.target.value = "";
          }}
        />
        <label htmlFor={inputId} className="button button--secondary">
          {t("upload.choose")}
        </label>
        <p id={hintId} className="dropzone__hint">
          {t("upload.hint", { size: formatBytes(UPLOAD_MAX_BYTES, language) })}
        </p>
      </div>
      {entries.length > 0 && (
        <ul className="upload__list" aria-label={t("upload.listLabel")} aria-live="polite">
          {entries.map((entry) => (
            <UploadRow
              key={entry.id}
              entry={entry}
              onRetry={() => update(entry.id, { state: "waiting", error: undefined, loaded: 0 })}
              onDismiss={() => setEntries((current) => current.filter((e) => e.id !== entry.id))}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
