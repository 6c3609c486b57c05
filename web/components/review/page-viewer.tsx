"use client";

import type { BBox } from "@finstat/functions/pipeline/types";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../lib/i18n/language";
import { boxStyle } from "../../lib/review/page-geometry";
import { usePageImage } from "../../lib/review/use-page-image";
import { ErrorMessage } from "../ui/error-message";

const ZOOMS = [100, 150, 200];

/**
 * One page at a time (a 20-page document never puts 20 large images in the page): the
 * image is fetched when its page is shown, the next one in the background, and the selected
 * value's box is drawn over it.
 */
export function PageViewer({
  documentId,
  pageCount,
  page,
  onPage,
  highlight,
  statementPages,
  pagesRead,
}: {
  documentId: string;
  pageCount: number;
  /** A long report was surveyed: only these pages were read, and only they have images. */
  pagesRead?: number[];
  page: number;
  onPage(page: number): void;
  highlight: { value?: BBox; label?: BBox } | null;
  statementPages: Set<number>;
}) {
  const { t } = useI18n();
  const [zoom, setZoom] = useState(100);
  const pages = pagesRead ?? Array.from({ length: pageCount }, (_, i) => i + 1);
  const at = pages.indexOf(page);
  const { image, error, loading } = usePageImage(documentId, page, pages[at + 1]);
  const valueBox = useRef<HTMLDivElement>(null);

  // A zoom moves the box as much as a new selection does: both bring it back into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `zoom` re-runs the scroll after the sheet is resized.
  useEffect(() => {
    if (image && highlight?.value) valueBox.current?.scrollIntoView({ block: "nearest", inline: "center" });
  }, [image, highlight?.value, zoom]);

  return (
    <div className="viewer">
      <div className="viewer__toolbar">
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={at <= 0}
          onClick={() => onPage(pages[at - 1] ?? page)}
        >
          <span aria-hidden="true">‹</span> {t("action.previous")}
        </button>
        <label className="viewer__page">
          <span>{t("review.page")}</span>
          <select value={page} onChange={(event) => onPage(Number(event.target.value))}>
            {pages.map((n) => (
              <option key={n} value={n}>
                {statementPages.has(n) ? t("review.pageWithStatement", { page: n }) : n}
              </option>
            ))}
          </select>
          <span>{t("review.ofPages", { count: pageCount })}</span>
        </label>
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={at < 0 || at >= pages.length - 1}
          onClick={() => onPage(pages[at + 1] ?? page)}
        >
          {t("action.next")} <span aria-hidden="true">›</span>
        </button>
        <fieldset className="viewer__zoom">
          <legend className="visually-hidden">{t("review.zoom")}</legend>
          {ZOOMS.map((level) => (
            <button key={level} type="button" aria-pressed={zoom === level} onClick={() => setZoom(level)}>
              {level}%
            </button>
          ))}
        </fieldset>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so the keyboard can scroll a zoomed page. */}
      <section className="viewer__canvas" tabIndex={0} aria-label={t("review.pageImageRegion")}>
        {error ? <ErrorMessage error={error} /> : null}
        {loading && <div className="viewer__placeholder" aria-hidden="true" />}
        {image && (
          <div className="viewer__sheet" style={{ width: `${zoom}%` }}>
            {/* biome-ignore lint/performance/noImgElement: an object URL of an authenticated API image; next/image cannot optimise it. */}
            <img
              src={image.url}
              alt={t("review.pageImageAlt", { page, count: pageCount })}
              width={image.pixelWidth}
              height={image.pixelHeight}
            />
            {highlight?.label && (
              <div
                className="viewer__box viewer__box--label"
                style={boxStyle(highlight.label, image.size)}
                aria-hidden="true"
              />
            )}
            {highlight?.value && (
              <div
                ref={valueBox}
                className="viewer__box viewer__box--value"
                style={boxStyle(highlight.value, image.size)}
                aria-hidden="true"
              />
            )}
          </div>
        )}
      </section>
    </div>
  );
}
