"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "../api/client";
import { errorFromResponse } from "../api/errors";
import { inferPageSize, type PageSize } from "./page-geometry";

export interface PageImage {
  url: string;
  size: PageSize;
  pixelWidth: number;
  pixelHeight: number;
}

/** A few decoded pages are kept; a 20-page document never holds all its images at once. */
const CACHE_LIMIT = 4;
const cache = new Map<string, Promise<PageImage>>();

function loadPage(documentId: string, page: number): Promise<PageImage> {
  const key = `${documentId}/${page}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const loading = (async () => {
    const response = await apiFetch(`/api/documents/${documentId}/pages/${page}`);
    if (!response.ok) throw await errorFromResponse(response);
    const blob = await response.blob();
    // The API may say at what resolution the page was rendered; otherwise the size is inferred.
    const dpi = Number(response.headers.get("x-page-dpi")) || undefined;
    const url = URL.createObjectURL(blob);
    const { width, height } = await imageSize(url);
    return { url, size: inferPageSize(width, height, dpi), pixelWidth: width, pixelHeight: height };
  })();
  loading.catch(() => cache.delete(key));
  cache.set(key, loading);
  while (cache.size > CACHE_LIMIT) {
    const [oldest, evicted] = cache.entries().next().value as [string, Promise<PageImage>];
    cache.delete(oldest);
    void evicted.then(
      (image) => URL.revokeObjectURL(image.url),
      () => {},
    );
  }
  return loading;
}

function imageSize(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => reject(new Error("The page image could not be decoded."));
    image.src = url;
  });
}

/** The page image (object URL and size in points), loaded on demand; the next page is prefetched. */
export function usePageImage(documentId: string, page: number, nextPage: number | undefined) {
  const [state, setState] = useState<{ key: string; image?: PageImage; error?: unknown }>({ key: "" });
  const key = `${documentId}/${page}`;

  useEffect(() => {
    let cancelled = false;
    loadPage(documentId, page).then(
      (image) => {
        if (cancelled) return;
        setState({ key, image });
        if (nextPage !== undefined) void loadPage(documentId, nextPage).catch(() => {});
      },
      (error: unknown) => {
        if (!cancelled) setState({ key, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, page, nextPage, key]);

  return state.key === key
    ? { image: state.image, error: state.error, loading: !state.image && !state.error }
    : { loading: true };
}
