"use client";

import { useEffect, useState } from "react";
import { useI18n } from "../../lib/i18n/language";

export interface SavedCorrection {
  id: number;
  text: string;
  /** The ratios the correction moved, old → new. */
  ratios: string;
}

const VISIBLE_MS = 12_000;

/**
 * What a correction did, where the reviewer is looking: pinned to the corner of the screen
 * (the ratio panel may be scrolled away) and read out by screen readers.
 */
export function SavedToast({ saved, onClose }: { saved: SavedCorrection | null; onClose(): void }) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (!saved) return;
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  return (
    <div role="status" aria-live="polite" className="toast-region">
      {saved && visible && (
        <div className="toast" key={saved.id}>
          <p className="toast__text">{saved.text}</p>
          <p className="toast__ratios">{saved.ratios}</p>
          <button
            type="button"
            className="toast__close"
            aria-label={t("action.dismiss")}
            onClick={() => {
              setVisible(false);
              onClose();
            }}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
