"use client";

import { useEffect, useRef, useState } from "react";
import { refreshSession } from "../api/client";
import type { DocumentProgress, DocumentView } from "../api/types";

/**
 * Browsers allow six HTTP/1.1 connections per origin: streaming every document of a large
 * batch would starve the page's other requests, so at most this many stream at once and the
 * rest are refreshed by polling the list.
 */
const MAX_STREAMS = 2;
const POLL_MS = 4000;
const MAX_REOPENS = 5;

export function isActive(document: Pick<DocumentView, "status">): boolean {
  return document.status === "queued" || document.status === "processing";
}

/** The documents worth streaming first: the ones being read now, then the oldest waiting. */
export function documentsToStream(documents: DocumentView[]): string[] {
  return documents
    .filter(isActive)
    .sort((a, b) => {
      if (a.status !== b.status) return a.status === "processing" ? -1 : 1;
      return a.createdAt.localeCompare(b.createdAt);
    })
    .slice(0, MAX_STREAMS)
    .map((document) => document.id);
}

/**
 * Live stage and progress of a company's documents from the API's server-sent events.
 * `apply` receives every progress, done and failed event; `poll` is called while more
 * documents are active than are streamed.
 */
export function useLiveDocuments(
  documents: DocumentView[],
  apply: (update: DocumentProgress) => void,
  poll: () => void,
): void {
  const applyRef = useRef(apply);
  const pollRef = useRef(poll);
  applyRef.current = apply;
  pollRef.current = poll;
  const [generation, setGeneration] = useState(0);
  const reopens = useRef(0);

  const streamed = documentsToStream(documents);
  const key = streamed.join(",");
  const waiting = documents.filter(isActive).length - streamed.length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reopens the streams after a session refresh.
  useEffect(() => {
    if (!key) return;
    const sources = key.split(",").map((id) => {
      const source = new EventSource(`/api/documents/${id}/events`);
      const onState = (event: MessageEvent<string>) => {
        try {
          applyRef.current(JSON.parse(event.data) as DocumentProgress);
        } catch {
          // A malformed event is skipped; the next one carries the full state again.
        }
      };
      source.addEventListener("progress", onState);
      for (const final of ["done", "failed"]) {
        source.addEventListener(final, (event) => {
          onState(event as MessageEvent<string>);
          source.close();
        });
      }
      source.addEventListener("deleted", () => {
        source.close();
        pollRef.current();
      });
      source.onerror = () => {
        // CLOSED means the server answered with an error (an expired session most often):
        // renew the session and open the streams again, a few times at most.
        if (source.readyState !== EventSource.CLOSED || reopens.current >= MAX_REOPENS) return;
        reopens.current += 1;
        void refreshSession().then(() => {
          pollRef.current();
          setGeneration((g) => g + 1);
        });
      };
      return source;
    });
    return () => {
      for (const source of sources) source.close();
    };
  }, [key, generation]);

  useEffect(() => {
    if (waiting <= 0) return;
    const timer = setInterval(() => pollRef.current(), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting]);
}
