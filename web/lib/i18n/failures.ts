/**
 * Turkish wording of the processing failures the worker records (their codes); in English the
 * API's own message, which may carry figures, is shown as it is.
 */
export const TURKISH_FAILURES: Record<string, string> = {
  NO_STATEMENT_FOUND:
    "Bu belgede bilanço veya gelir tablosu bulunamadı. Dosyanın tabloların kendisini içerdiğini ve taranmış sayfaların okunaklı olduğunu kontrol edin.",
  NOT_A_PDF: "Bu dosya PDF değil. Lütfen mali tabloyu PDF olarak yükleyin.",
  PDF_CORRUPT: "PDF dosyası bozuk ya da eksik; açılamadı. Dosyayı yeniden kaydedip tekrar yükleyin.",
  PDF_EMPTY: "PDF dosyasında sayfa yok.",
  PDF_ENCRYPTED: "PDF parola korumalı. Korumayı kaldırıp tekrar yükleyin.",
  PDF_TIMEOUT: "PDF zamanında açılamadı. Dosyayı yeniden kaydedip tekrar deneyin.",
  PAGE_RENDER_TIMEOUT:
    "Bir sayfa zamanında işlenemedi. Yalnızca tablo sayfalarını yükleyin ya da daha sade bir tarama deneyin.",
  TOO_MANY_PAGES: "Belgede izin verilenden fazla sayfa var. Yalnızca mali tablo sayfalarını yükleyin.",
  FILE_TOO_LARGE: "Dosya izin verilen boyuttan büyük.",
  FILE_MISSING: "Yüklenen dosya bulunamadı. Lütfen yeniden yükleyin.",
  TIME_BUDGET_EXCEEDED:
    "Belgenin okunması süre sınırını aştı. Yalnızca tablo sayfalarını ya da daha net bir tarama yükleyin.",
  PROCESSING_FAILED: "Belge birkaç denemeye rağmen işlenemedi. Lütfen daha sonra yeniden deneyin.",
  OCR_UNAVAILABLE: "Metin tanıma (OCR) şu anda kullanılamıyor. Lütfen daha sonra yeniden deneyin.",
  OCR_TIMEOUT: "Metin tanıma (OCR) zamanında bitmedi. Daha net bir tarama deneyin.",
  OCR_FAILED: "Metin tanıma (OCR) başarısız oldu. Daha net bir tarama deneyin.",
};

export function failureMessage(
  document: { errorCode: string | null; errorMessage: string | null },
  language: "tr" | "en",
  fallback: string,
): string {
  if (language === "tr" && document.errorCode && TURKISH_FAILURES[document.errorCode]) {
    return TURKISH_FAILURES[document.errorCode]!;
  }
  return document.errorMessage ?? fallback;
}
