"use client";

import { type FormEvent, useCallback, useState } from "react";

/**
 * A form's sending state: busy while the request runs (the button says "please wait"), and the
 * API's error to show under it. Every create/invite form had its own copy of this.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submitWith = useCallback(
    (send: () => Promise<void>) => async (event: FormEvent) => {
      event.preventDefault();
      setBusy(true);
      setError(null);
      try {
        await send();
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, error, submitWith };
}
