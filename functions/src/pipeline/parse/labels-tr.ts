import { dictionary, type LabelEntry } from "./label-dictionary";
import { TURKISH_INCOME_STATEMENT_LABELS } from "./labels-tr-income";

const { line, part, total, sided, heading, unmapped, subtotal } = dictionary("tfrs");

const CURRENT_OR_NOT = (
  current: "trade_receivables" | "other_receivables" | "prepaid_expenses" | "short_term_investments",
) => ({ current_assets: current, non_current_assets: "other_non_current_assets" }) as const;
const LIABILITY_SIDES = {
  current_liabilities: "other_current_liabilities",
  non_current_liabilities: "other_non_current_liabilities",
} as const;
const ASSET_SIDES = {
  current_assets: "other_current_assets",
  non_current_assets: "other_non_current_assets",
} as const;
const BORROWING_SIDES = {
  current_liabilities: "short_term_borrowings",
  non_current_liabilities: "long_term_borrowings",
} as const;

/**
 * Turkish balance-sheet wording: TFRS/KAP (Finansal Durum Tablosu) and THP model statements.
 * The THP plan's own group and account names are added from the chart (labels-thp.ts).
 */
const BALANCE_SHEET: LabelEntry[] = [
  heading(undefined, ["Varlıklar", "Aktif", "Aktifler", "Aktif (Varlıklar)", "Aktif Varlıklar"], {
    side: "assets",
  }),
  heading(
    undefined,
    ["Kaynaklar", "Pasif", "Pasifler", "Pasif (Kaynaklar)", "Yükümlülükler ve Özkaynaklar"],
    {
      side: "liabilities_and_equity",
    },
  ),
  heading(undefined, ["Yükümlülükler", "Yabancı Kaynaklar"], {
    key: "total_liabilities",
    side: "liabilities_and_equity",
  }),
  heading("current_assets", ["Dönen Varlıklar"], { key: "total_current_assets" }),
  heading("non_current_assets", ["Duran Varlıklar"], { key: "total_non_current_assets" }),
  heading(
    "current_liabilities",
    ["Kısa Vadeli Yükümlülükler", "Kısa Vadeli Yabancı Kaynaklar", "Kısa Vadeli Borçlar"],
    {
      key: "total_current_liabilities",
    },
  ),
  heading(
    "non_current_liabilities",
    ["Uzun Vadeli Yükümlülükler", "Uzun Vadeli Yabancı Kaynaklar", "Uzun Vadeli Borçlar"],
    {
      key: "total_non_current_liabilities",
    },
  ),
  heading("equity", ["Özkaynaklar", "Öz Kaynaklar", "Özsermaye"], { key: "total_equity" }),

  total("total_current_assets", ["Toplam Dönen Varlıklar", "Dönen Varlıklar Toplamı"]),
  total("total_non_current_assets", ["Toplam Duran Varlıklar", "Duran Varlıklar Toplamı"]),
  total("total_assets", [
    "Toplam Varlıklar",
    "Varlıklar Toplamı",
    "Aktif Toplamı",
    "Aktif (Varlıklar) Toplamı",
    "Aktifler Toplamı",
    "Toplam Aktif",
    "Toplam Aktifler",
  ]),
  total("total_current_liabilities", [
    "Toplam Kısa Vadeli Yükümlülükler",
    "Kısa Vadeli Yükümlülükler Toplamı",
    "Toplam Kısa Vadeli Yabancı Kaynaklar",
    "Kısa Vadeli Yabancı Kaynaklar Toplamı",
  ]),
  total("total_non_current_liabilities", [
    "Toplam Uzun Vadeli Yükümlülükler",
    "Uzun Vadeli Yükümlülükler Toplamı",
    "Toplam Uzun Vadeli Yabancı Kaynaklar",
    "Uzun Vadeli Yabancı Kaynaklar Toplamı",
  ]),
  total("total_liabilities", [
    "Toplam Yükümlülükler",
    "Yükümlülükler Toplamı",
    "Toplam Yabancı Kaynaklar",
    "Yabancı Kaynaklar Toplamı",
  ]),
  total("total_equity", [
    "Toplam Özkaynaklar",
    "Özkaynaklar Toplamı",
    "Toplam Özsermaye",
    "Özsermaye Toplamı",
  ]),
  total("total_liabilities_and_equity", [
    "Toplam Kaynaklar",
    "Kaynaklar Toplamı",
    "Pasif Toplamı",
    "Pasif (Kaynaklar) Toplamı",
    "Pasifler Toplamı",
    "Toplam Pasif",
    "Toplam Yükümlülükler ve Özkaynaklar",
    "Yükümlülükler ve Özkaynaklar Toplamı",
  ]),
  subtotal(undefined, ["Ara Toplam", "Toplam", "Genel Toplam"]),

  line("cash_and_equivalents", [
    "Nakit ve Nakit Benzerleri",
    "Nakit ve Nakit Benzeri Değerler",
    "Hazır Değerler",
  ]),
  line("short_term_investments", ["Kısa Vadeli Finansal Yatırımlar", "Kısa Vadeli Yatırımlar"]),
  sided(CURRENT_OR_NOT("short_term_investments"), ["Finansal Yatırımlar", "Finansal Varlıklar"]),
  sided(CURRENT_OR_NOT("trade_receivables"), ["Ticari Alacaklar"], { usual: "trade_receivables" }),
  sided(
    CURRENT_OR_NOT("trade_receivables"),
    [
      "İlişkili Taraflardan Ticari Alacaklar",
      "İlişkili Olmayan Taraflardan Ticari Alacaklar",
      "Ticari Alacaklar (İlişkili Taraflar)",
      "Ticari Alacaklar (İlişkili Olmayan Taraflar)",
    ],
    { part: true, usual: "trade_receivables" },
  ),
  sided(CURRENT_OR_NOT("other_receivables"), ["Diğer Alacaklar"], { usual: "other_receivables" }),
  sided(
    CURRENT_OR_NOT("other_receivables"),
    [
      "İlişkili Taraflardan Diğer Alacaklar",
      "İlişkili Olmayan Taraflardan Diğer Alacaklar",
      "Diğer Alacaklar (İlişkili Taraflar)",
      "Diğer Alacaklar (İlişkili Olmayan Taraflar)",
    ],
    { part: true, usual: "other_receivables" },
  ),
  sided(ASSET_SIDES, ["Müşteri Sözleşmelerinden Doğan Varlıklar", "Türev Araçlar", "Canlı Varlıklar"]),
  line("inventories", ["Stoklar", "Stok"]),
  sided(CURRENT_OR_NOT("prepaid_expenses"), ["Peşin Ödenmiş Giderler"], { usual: "prepaid_expenses" }),
  line("other_current_assets", [
    "Cari Dönem Vergisiyle İlgili Varlıklar",
    "Diğer Dönen Varlıklar",
    "Satış Amaçlı Sınıflandırılan Duran Varlıklar",
    "Satış Amaçlı Elde Tutulan Duran Varlıklar",
  ]),
  line("other_non_current_assets", [
    "Özkaynak Yöntemiyle Değerlenen Yatırımlar",
    "Yatırım Amaçlı Gayrimenkuller",
    "Kullanım Hakkı Varlıkları",
    "Kullanım Hakkı Olan Varlıklar",
    "Ertelenmiş Vergi Varlığı",
    "Ertelenmiş Vergi Varlıkları",
    "Diğer Duran Varlıklar",
    "Uzun Vadeli Finansal Yatırımlar",
    "Uzun Vadeli Ticari Alacaklar",
  ]),
  line("property_plant_equipment", ["Maddi Duran Varlıklar"]),
  line("intangible_assets", ["Maddi Olmayan Duran Varlıklar"]),
  part("intangible_assets", ["Şerefiye", "Diğer Maddi Olmayan Duran Varlıklar"]),

  line("short_term_borrowings", [
    "Kısa Vadeli Borçlanmalar",
    "Kısa Vadeli Finansal Borçlar",
    "Kısa Vadeli Banka Kredileri",
  ]),
  part("short_term_borrowings", [
    "Uzun Vadeli Borçlanmaların Kısa Vadeli Kısımları",
    "Uzun Vadeli Kredilerin Kısa Vadeli Kısımları",
    "Uzun Vadeli Finansal Borçların Kısa Vadeli Kısımları",
  ]),
  sided(BORROWING_SIDES, ["Borçlanmalar", "Finansal Borçlar"]),
  sided(
    BORROWING_SIDES,
    [
      "Kiralama İşlemlerinden Kaynaklanan Yükümlülükler",
      "Kiralama İşlemlerinden Borçlar",
      "Kiralama İşlemlerinden Borçlanmalar",
      "Kiralama Yükümlülükleri",
      "Kiralama Borçları",
    ],
    { part: true },
  ),
  line("long_term_borrowings", [
    "Uzun Vadeli Borçlanmalar",
    "Uzun Vadeli Finansal Borçlar",
    "Uzun Vadeli Banka Kredileri",
  ]),
  sided(
    { current_liabilities: "trade_payables", non_current_liabilities: "other_non_current_liabilities" },
    ["Ticari Borçlar"],
    {
      usual: "trade_payables",
    },
  ),
  sided(
    { current_liabilities: "trade_payables", non_current_liabilities: "other_non_current_liabilities" },
    [
      "İlişkili Taraflara Ticari Borçlar",
      "İlişkili Olmayan Taraflara Ticari Borçlar",
      "Ticari Borçlar (İlişkili Taraflar)",
      "Ticari Borçlar (İlişkili Olmayan Taraflar)",
    ],
    { part: true, usual: "trade_payables" },
  ),
  sided(LIABILITY_SIDES, [
    "Diğer Borçlar",
    "İlişkili Taraflara Diğer Borçlar",
    "İlişkili Olmayan Taraflara Diğer Borçlar",
    "Çalışanlara Sağlanan Faydalar Kapsamında Borçlar",
    "Müşteri Sözleşmelerinden Doğan Yükümlülükler",
    "Ertelenmiş Gelirler",
    "Karşılıklar",
    "Diğer Finansal Yükümlülükler",
    "Türev Araçlardan Yükümlülükler",
  ]),
  line("other_current_liabilities", [
    "Dönem Karı Vergi Yükümlülüğü",
    "Cari Dönem Vergisiyle İlgili Borçlar",
    "Kısa Vadeli Karşılıklar",
    "Çalışanlara Sağlanan Faydalara İlişkin Kısa Vadeli Karşılıklar",
    "Diğer Kısa Vadeli Karşılıklar",
    "Diğer Kısa Vadeli Yükümlülükler",
  ]),
  line("other_non_current_liabilities", [
    "Uzun Vadeli Karşılıklar",
    "Çalışanlara Sağlanan Faydalara İlişkin Uzun Vadeli Karşılıklar",
    "Diğer Uzun Vadeli Karşılıklar",
    "Ertelenmiş Vergi Yükümlülüğü",
    "Ertelenmiş Vergi Yükümlülükleri",
    "Diğer Uzun Vadeli Yükümlülükler",
  ]),

  subtotal("equity", ["Ana Ortaklığa Ait Özkaynaklar", "Ana Ortaklık Özkaynakları"]),
  line("share_capital", ["Ödenmiş Sermaye", "Çıkarılmış Sermaye", "Sermaye"]),
  // TFRS prints the inflation adjustment to capital as its own equity line, apart from the
  // paid-in capital (THP's coded 502 sits inside group 50 and is read by its code instead).
  unmapped("equity", ["Sermaye Düzeltme Farkları", "Sermaye Düzeltmesi Farkları"]),
  // Banks' subordinated debt ("capital-like borrowing instruments") is a liability.
  unmapped("non_current_liabilities", ["Sermaye Benzeri Borçlanma Araçları", "Sermaye Benzeri Krediler"]),
  unmapped("equity", ["Geri Alınmış Paylar", "Karşılıklı İştirak Sermaye Düzeltmesi"], { contra: true }),
  unmapped("equity", [
    "Paylara İlişkin Primler (İskontolar)",
    "Paylara İlişkin Primler",
    "Kar veya Zararda Yeniden Sınıflandırılmayacak Birikmiş Diğer Kapsamlı Gelirler (Giderler)",
    "Kar veya Zararda Yeniden Sınıflandırılacak Birikmiş Diğer Kapsamlı Gelirler (Giderler)",
    "Kâr veya Zararda Yeniden Sınıflandırılmayacak Birikmiş Diğer Kapsamlı Gelirler veya Giderler",
    "Kâr veya Zararda Yeniden Sınıflandırılacak Birikmiş Diğer Kapsamlı Gelirler veya Giderler",
    "Maddi Duran Varlık Yeniden Değerleme Artışları (Azalışları)",
    "Tanımlanmış Fayda Planları Yeniden Ölçüm Kazançları (Kayıpları)",
    "Yabancı Para Çevrim Farkları",
    "Riskten Korunma Kazançları (Kayıpları)",
    "Kardan Ayrılan Kısıtlanmış Yedekler",
    "Diğer Yedekler",
    "Kontrol Gücü Olmayan Paylar",
    "Azınlık Payları",
  ]),
  line("retained_earnings", [
    "Geçmiş Yıllar Karları",
    "Geçmiş Yıllar Kârları (Zararları)",
    "Geçmiş Yıllar Kârları/Zararları",
    "Geçmiş Yıllar Karları veya Zararları",
    "Geçmiş Yıllar Kar/Zararları",
    "Birikmiş Karlar",
  ]),
  line("retained_earnings", ["Geçmiş Yıllar Zararları", "Geçmiş Yıl Zararları"], { contra: true }),
  line("current_year_profit", [
    "Net Dönem Karı (Zararı)",
    "Net Dönem Karı",
    "Dönem Net Karı (Zararı)",
    "Dönem Net Karı",
    "Dönem Karı (Zararı)",
    "Dönem Karı",
    "Dönem Net Kârı veya Zararı",
  ]),
  line("current_year_profit", ["Dönem Net Zararı", "Net Dönem Zararı", "Dönem Zararı"], { contra: true }),
];

export const TURKISH_LABELS: readonly LabelEntry[] = [...BALANCE_SHEET, ...TURKISH_INCOME_STATEMENT_LABELS];
