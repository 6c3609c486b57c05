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
  FILE_CHANGED: "Saklanan dosya yüklemede denetlenen dosyayla aynı değil. Lütfen yeniden yükleyin.",
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

/**
 * Turkish wording of the API's request errors (their codes) a user can meet in the browser.
 * In Turkish a code this list does not know reads as "unexpected error", never as the API's
 * English message; in English the API's message is shown as it is.
 */
export const TURKISH_API_ERRORS: Record<string, string> = {
  invalid_credentials: "E-posta adresi ya da parola hatalı.",
  too_many_login_attempts: "Çok fazla başarısız giriş denemesi. Birkaç dakika sonra yeniden deneyin.",
  registration_sign_in_failed:
    "Bu adres ve parolayla giriş yapılamadı. Adresin zaten bir hesabı varsa kendi parolasıyla giriş yapın; adrese bu konuda bir e-posta gönderdik.",
  unauthenticated: "Oturumunuzun süresi doldu. Lütfen yeniden giriş yapın.",
  rate_limited: "Kısa sürede çok fazla istek gönderildi. Biraz bekleyip yeniden deneyin.",
  invalid_request: "Gönderilen bilgiler geçerli değil; alanları kontrol edip yeniden deneyin.",
  not_found: "Aradığınız kayıt bulunamadı; silinmiş olabilir.",
  company_exists: "Bu isimde bir şirketiniz zaten var.",
  duplicate_document: "Bu dosya bu şirkete zaten yükleniyor.",
  // The upload checks name these failures in lower case, the worker in upper case: one text.
  not_a_pdf: TURKISH_FAILURES.NOT_A_PDF!,
  file_too_large: TURKISH_FAILURES.FILE_TOO_LARGE!,
  payload_too_large: "Gönderilen veri izin verilen boyuttan büyük.",
  file_not_found: TURKISH_FAILURES.FILE_MISSING!,
  file_url_expired: "Yükleme bağlantısının süresi doldu. Dosyayı yeniden yükleyin.",
  file_url_invalid: "Yükleme bağlantısı geçersiz. Dosyayı yeniden yükleyin.",
  upload_not_completed: "Bu belgenin yüklemesi henüz tamamlanmadı.",
  upload_already_completed: "Bu belgenin yüklemesi zaten tamamlandı.",
  document_not_ready: "Belge henüz işlenmedi; işlem bitince yeniden deneyin.",
  document_busy: "Bu belge zaten sırada ya da işleniyor.",
  retry_cannot_help:
    "Bu dosya olduğu gibi okunamıyor; yeniden denemek aynı sonucu verir. Düzeltilmiş bir dosya yükleyin.",
  unknown_period: "Bu dönem tabloda yok.",
  unknown_item: "Bu kalem tabloda yok.",
  recipients_required: "En az bir alıcı e-posta adresi girin.",
  recipients_invalid: "Alıcı e-posta adreslerinden biri geçerli değil.",
  recipients_too_many: "Bir raporu aynı anda en fazla izin verilen sayıda alıcıya gönderebilirsiniz.",
  report_email_empty: "Gönderilecek rapor seçilmedi.",
  internal_error: "Sunucuda beklenmeyen bir hata oluştu. Sorun sürerse istek kimliğini bize iletin.",
};
