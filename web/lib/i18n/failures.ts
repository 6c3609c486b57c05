import type { ErrorCode } from "@finstat/functions/error-codes";
import type { WebErrorCode } from "../api/errors";

const AGAIN_LATER = "Lütfen biraz sonra yeniden deneyin.";
const UPLOAD_AGAIN = "Lütfen dosyayı yeniden yükleyin.";
const UNEXPECTED = "Sunucuda beklenmeyen bir hata oluştu. Sorun sürerse istek kimliğini bize iletin.";

/**
 * Turkish wording of every error code: the API's request errors and the processing failures
 * the worker records on a document. Typed by the code union, so a code added to ERROR_CODES
 * without its Turkish text does not compile. In English the API's own message, which may
 * carry figures, is shown as it is.
 */
export const TURKISH_ERRORS: Record<ErrorCode | WebErrorCode, string> = {
  bad_request: "İstek geçerli değil; alanları kontrol edip yeniden deneyin.",
  invalid_request: "Gönderilen bilgiler geçerli değil; alanları kontrol edip yeniden deneyin.",
  invalid_json: "İstek okunamadı. Sayfayı yenileyip yeniden deneyin.",
  invalid_characters: "Gönderilen metinde saklanamayan karakterler var; bunları silip yeniden deneyin.",
  unauthorized: "Oturumunuzun süresi doldu. Lütfen yeniden giriş yapın.",
  forbidden: "Bu işlem için yetkiniz yok.",
  not_found: "Aradığınız kayıt bulunamadı; silinmiş olabilir.",
  method_not_allowed: "Bu işlem desteklenmiyor.",
  conflict: "Bu işlem kaydın şu anki durumuyla çelişiyor. Sayfayı yenileyip yeniden deneyin.",
  payload_too_large: "Gönderilen veri izin verilen boyuttan büyük.",
  unsupported_media_type: "Gönderilen verinin türü desteklenmiyor.",
  rate_limited: "Kısa sürede çok fazla istek gönderildi. Biraz bekleyip yeniden deneyin.",
  internal_error: UNEXPECTED,
  origin_not_allowed: "Bu siteden gelen istekler kabul edilmiyor.",

  unauthenticated: "Oturumunuzun süresi doldu. Lütfen yeniden giriş yapın.",
  invalid_credentials: "E-posta adresi ya da parola hatalı.",
  csrf_token_invalid: "İsteğin güvenlik anahtarı eksik. Sayfayı yenileyip yeniden deneyin.",
  too_many_login_attempts: "Çok fazla başarısız giriş denemesi. Birkaç dakika sonra yeniden deneyin.",
  registration_sign_in_failed:
    "Bu adres ve parolayla giriş yapılamadı. Adresin zaten bir hesabı varsa kendi parolasıyla giriş yapın; adrese bu konuda bir e-posta gönderdik.",

  company_exists: "Bu isimde bir şirketiniz zaten var.",
  account_sole_owner:
    "Başka üyeleri olan bir organizasyonun tek sahibisiniz. Hesabınızı silmeden önce sahipliği bir üyeye devredin.",
  duplicate_document: "Bu dosya bu şirkete zaten yükleniyor.",
  file_too_large: "Dosya izin verilen boyuttan büyük.",
  upload_url_invalid: `Yükleme bağlantısı artık olmayan bir belgeye ait. ${UPLOAD_AGAIN}`,
  upload_missing: "Dosya henüz ulaşmadı. Size verilen adrese yükleyip yeniden deneyin.",
  upload_already_completed: "Bu belgenin yüklemesi zaten tamamlandı.",
  upload_not_completed: "Bu belgenin yüklemesi henüz tamamlanmadı.",
  upload_content_type_mismatch: "Yükleme bağlantısı bu dosya türünü kabul etmiyor.",
  upload_size_mismatch: `Yüklenen dosya bildirilen boyutta değil. ${UPLOAD_AGAIN}`,
  upload_checksum_mismatch: `Yüklenen dosya sağlama toplamıyla uyuşmuyor. ${UPLOAD_AGAIN}`,
  document_not_ready: "Belge henüz işlenmedi; işlem bitince yeniden deneyin.",
  assignee_not_eligible: "Bu kişi kuruluşun bu belgeyi inceleyebilecek bir üyesi değil.",
  document_busy: "Bu belge zaten sırada ya da işleniyor.",
  retry_cannot_help:
    "Bu dosya olduğu gibi okunamıyor; yeniden denemek aynı sonucu verir. Düzeltilmiş bir dosya yükleyin.",

  file_not_found: `Yüklenen dosya bulunamadı. ${UPLOAD_AGAIN}`,
  file_unreadable: "Dosya okunamadı.",
  file_url_expired: "Yükleme bağlantısının süresi doldu. Dosyayı yeniden yükleyin.",
  file_url_invalid: "Yükleme bağlantısı geçersiz. Dosyayı yeniden yükleyin.",
  invalid_storage_key: "Dosya adresi geçersiz.",

  not_a_pdf: "Bu dosya PDF değil. Lütfen mali tabloyu PDF olarak yükleyin.",
  pdf_corrupt: "PDF dosyası bozuk ya da eksik; açılamadı. Dosyayı yeniden kaydedip tekrar yükleyin.",
  pdf_encrypted: "PDF parola korumalı. Korumayı kaldırıp tekrar yükleyin.",
  pdf_empty: "PDF dosyasında sayfa yok.",
  pdf_timeout: "PDF zamanında açılamadı. Dosyayı yeniden kaydedip tekrar deneyin.",
  page_render_timeout:
    "Bir sayfa zamanında işlenemedi. Yalnızca tablo sayfalarını yükleyin ya da daha sade bir tarama deneyin.",
  page_range_invalid: "İstenen sayfalar bu PDF'te yok.",
  too_many_pages: "Belgede izin verilenden fazla sayfa var. Yalnızca mali tablo sayfalarını yükleyin.",
  no_statement_pages:
    "Belgenin hiçbir sayfasında rakamlarıyla bir bilanço ya da gelir tablosu başlığı bulunamadı. Tabloların sayfalarını yükleyin.",
  no_statement_found:
    "Bu belgede bilanço veya gelir tablosu bulunamadı. Dosyanın tabloların kendisini içerdiğini ve taranmış sayfaların okunaklı olduğunu kontrol edin.",
  file_missing: `Yüklenen dosya bulunamadı. ${UPLOAD_AGAIN}`,
  file_changed: `Saklanan dosya yüklemede denetlenen dosyayla aynı değil. ${UPLOAD_AGAIN}`,
  time_budget_exceeded:
    "Belgenin okunması süre sınırını aştı. Yalnızca tablo sayfalarını ya da daha net bir tarama yükleyin.",
  ocr_timeout: "Metin tanıma (OCR) zamanında bitmedi. Daha net bir tarama deneyin.",
  ocr_failed: "Metin tanıma (OCR) başarısız oldu. Daha net bir tarama deneyin.",
  ocr_unavailable: `Metin tanıma (OCR) şu anda kullanılamıyor. ${AGAIN_LATER}`,
  ocr_closed: `Metin tanıma (OCR) kapatıldı. ${AGAIN_LATER}`,
  pipeline_thread_died: "Belgenin okunması beklenmedik biçimde durdu; yeniden denenecek.",
  processing_failed: "Belge birkaç denemeye rağmen işlenemedi. Lütfen daha sonra yeniden deneyin.",

  unknown_period: "Bu dönem tabloda yok.",
  unknown_item: "Bu kalem tabloda yok.",
  key_not_in_statement: "Bu kalem bu tablo türünde yer almıyor.",

  invalid_statements: "Çözümlenecek tablolar eksik ya da bozuk.",
  invalid_documents: "Şirketin çözümlenecek belgeleri eksik.",
  invalid_alert_thresholds: "Uyarı eşikleri negatif olmayan sayılar olmalı.",

  report_language_unsupported: "Raporlar Türkçe (tr) ve İngilizce (en) hazırlanabilir.",
  report_without_statements: "Bu belgede mali tablo bulunamadığı için rapor hazırlanamıyor.",
  report_input_invalid: "Rapor için çözümleme eksik ya da bozuk; belgeyi yeniden çözümleyin.",
  report_email_empty: "Gönderilecek rapor seçilmedi.",
  report_too_large_for_email: "Rapor e-postayla gönderilemeyecek kadar büyük.",
  recipients_invalid: "Alıcı e-posta adreslerinden biri geçerli değil.",
  recipients_required: "En az bir alıcı e-posta adresi girin.",
  recipients_too_many: "Bir raporu aynı anda en fazla izin verilen sayıda alıcıya gönderebilirsiniz.",
  email_rate_limited: "Bir saatte gönderilebilecek rapor e-postası sınırına ulaşıldı.",
  mail_config_invalid: UNEXPECTED,
  mail_send_failed: "E-posta sunucusu iletiyi kabul etmedi.",
  mail_unavailable: `E-posta sunucusu şu anda ileti kabul etmiyor. ${AGAIN_LATER}`,

  webhook_url_insecure: "Webhook adresleri https kullanmalı.",
  webhook_url_credentials: "Webhook adresine kullanıcı adı ya da parola yazmayın.",
  webhook_url_private: "Webhook adresi özel ya da ayrılmış bir ağ adresine çıkıyor.",
  webhook_url_invalid: "Webhook adresi çözümlenemedi.",
  webhook_limit: "Bir hesapta izin verilenden fazla webhook olamaz.",

  api_key_invalid: "API anahtarı tanınmadı. Anahtarı eksiksiz kopyaladığınızdan emin olun.",
  api_key_revoked: "Bu API anahtarı iptal edilmiş; yeni bir anahtar oluşturun.",
  api_key_creator_gone:
    "Bu API anahtarını oluşturan kişi artık kuruluşun üyesi değil; anahtar geçersiz. Yeni bir anahtar oluşturun.",
  api_key_exceeds_creator:
    "Bu API anahtarını oluşturan kişinin rolü artık anahtarın rolüne izin vermiyor; anahtar çalışmaz. Yeni bir anahtar oluşturun.",
  api_key_not_allowed: "Bu işlem API anahtarıyla yapılamaz; oturum açarak yapın.",
  api_key_role_not_allowed: "Bir API anahtarına kendi rolünüzün izin vermediği yetkiler verilemez.",
  personal_organisation: "Kişisel organizasyon, kullanıcısı varken silinemez.",
  last_owner:
    "Organizasyonun son sahibi ayrılamaz, çıkarılamaz ya da rolü düşürülemez; önce sahipliği devredin.",
  owner_only: "Sahip rolünü yalnızca bir sahip verebilir, değiştirebilir ya da kaldırabilir.",
  client_companies_invalid: "Müşteri rolü için bu organizasyonun en az bir şirketini seçin.",
  already_member: "Bu kişi zaten organizasyonun üyesi.",
  invitation_expired: "Bu davetin süresi dolmuş. Yeni bir davet isteyin.",
  invitation_revoked: "Bu davet geri alınmış.",
  invitation_declined: "Bu davet reddedilmiş.",
  invitation_used: "Bu davet zaten kabul edilmiş.",
  invitation_wrong_email: "Bu davet başka bir e-posta adresine gönderildi; o adresle giriş yapın.",
};

/** The Turkish text of a code the API sent, which may be one this web build does not know yet. */
export function turkishError(code: string | null | undefined): string | undefined {
  return code && Object.hasOwn(TURKISH_ERRORS, code) ? TURKISH_ERRORS[code as ErrorCode] : undefined;
}

export function failureMessage(
  document: { errorCode: string | null; errorMessage: string | null },
  language: "tr" | "en",
  fallback: string,
): string {
  const turkish = language === "tr" ? turkishError(document.errorCode) : undefined;
  return turkish ?? document.errorMessage ?? fallback;
}
