import { dictionary, type LabelEntry } from "./label-dictionary";

const { line, part, total, result, sided, heading, unmapped, subtotal } = dictionary("tfrs");

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
      "Kiralama Yükümlülükleri",
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
  part("share_capital", ["Sermaye Düzeltme Farkları", "Sermaye Düzeltmesi Farkları"]),
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

/** Turkish income-statement wording: TFRS/KAP (Kâr veya Zarar Tablosu) and THP results. */
const INCOME_STATEMENT: LabelEntry[] = [
  line("revenue", ["Hasılat", "Satış Gelirleri", "Net Satışlar", "Net Satış Hasılatı", "Net Hasılat"]),
  line("revenue", ["Satışlar"], { cap: 0.85 }),
  line("cost_of_sales", [
    "Satışların Maliyeti",
    "Satılan Malın Maliyeti",
    "Satılan Malların Maliyeti",
    "Satış Maliyetleri",
  ]),
  result("gross_profit", [
    "Ticari Faaliyetlerden Brüt Kar (Zarar)",
    "Brüt Kar (Zarar)",
    "Brüt Kar",
    "Brüt Satış Karı",
    "Brüt Satış Kârı veya Zararı",
    "Brüt Kâr veya Zarar",
  ]),
  part("operating_expenses", [
    "Genel Yönetim Giderleri",
    "Pazarlama Giderleri",
    "Pazarlama, Satış ve Dağıtım Giderleri",
    "Satış, Pazarlama ve Dağıtım Giderleri",
    "Satış ve Pazarlama Giderleri",
    "Araştırma ve Geliştirme Giderleri",
  ]),
  line("operating_expenses", ["Faaliyet Giderleri"]),
  line("other_operating_income", ["Esas Faaliyetlerden Diğer Gelirler", "Diğer Faaliyet Gelirleri"]),
  line("other_operating_expense", ["Esas Faaliyetlerden Diğer Giderler", "Diğer Faaliyet Giderleri"]),
  result("operating_profit", [
    "Esas Faaliyet Karı (Zararı)",
    "Esas Faaliyet Karı",
    "Faaliyet Karı (Zararı)",
    "Faaliyet Karı",
    "Faaliyet Kârı veya Zararı",
  ]),
  unmapped("income", [
    "Yatırım Faaliyetlerinden Gelirler",
    "Yatırım Faaliyetlerinden Giderler",
    "Özkaynak Yöntemiyle Değerlenen Yatırımların Kar/Zararlarından Paylar",
    "Özkaynak Yöntemiyle Değerlenen Yatırımların Karlarından (Zararlarından) Paylar",
    "Durdurulan Faaliyetler Dönem Karı (Zararı)",
    "Durdurulan Faaliyetlerden Dönem Karı (Zararı)",
    "Kontrol Gücü Olmayan Paylar",
    "Ana Ortaklık Payları",
  ]),
  subtotal("income", [
    "Finansman Gideri Öncesi Faaliyet Karı (Zararı)",
    "Finansman Gideri Öncesi Faaliyet Karı",
    "Olağan Kâr veya Zarar",
    "Sürdürülen Faaliyetler Dönem Karı (Zararı)",
    "Sürdürülen Faaliyetler Dönem Karı",
    "Toplam Kapsamlı Gelir (Gider)",
    "Toplam Kapsamlı Gelir",
  ]),
  line("finance_income", ["Finansman Gelirleri", "Finansal Gelirler"]),
  line("finance_expense", ["Finansman Giderleri", "Finansal Giderler"]),
  part("finance_expense", ["Faiz Giderleri"]),
  result("profit_before_tax", [
    "Sürdürülen Faaliyetler Vergi Öncesi Karı (Zararı)",
    "Sürdürülen Faaliyetler Vergi Öncesi Karı",
    "Vergi Öncesi Kar (Zarar)",
    "Vergi Öncesi Kar",
    "Vergi Öncesi Dönem Karı",
    "Vergi Öncesi Karı",
  ]),
  result("profit_before_tax", ["Dönem Kârı veya Zararı"], { cap: 0.9, alternatives: ["net_income"] }),
  line("income_tax_expense", [
    "Sürdürülen Faaliyetler Vergi Geliri (Gideri)",
    "Sürdürülen Faaliyetler Vergi (Gideri) Geliri",
    "Sürdürülen Faaliyetler Vergi Gideri",
    "Vergi Geliri (Gideri)",
    "Vergi (Gideri) Geliri",
    "Vergi Gideri",
    "Gelir Vergisi Gideri",
  ]),
  part("income_tax_expense", [
    "Dönem Vergi Gideri",
    "Dönem Vergi (Gideri) Geliri",
    "Dönem Vergi Geliri (Gideri)",
    "Ertelenmiş Vergi Geliri (Gideri)",
    "Ertelenmiş Vergi (Gideri) Geliri",
    "Ertelenmiş Vergi Gideri",
    "Ertelenmiş Vergi Geliri",
  ]),
  total("net_income", [
    "Net Dönem Karı (Zararı)",
    "Net Dönem Karı",
    "Dönem Net Karı (Zararı)",
    "Dönem Net Karı",
    "Dönem Net Kârı veya Zararı",
    "Net Kar (Zarar)",
    "Net Kar",
  ]),
  total("net_income", ["Dönem Karı (Zararı)", "Dönem Karı"], {
    cap: 0.85,
    alternatives: ["profit_before_tax"],
  }),
  line("depreciation_amortization", [
    "Amortisman ve İtfa Payları",
    "Amortisman ve İtfa Giderleri",
    "Amortisman ve İtfa Payı Giderleri",
    "Amortisman Giderleri",
    "Amortisman",
  ]),
  heading(undefined, ["Diğer Kapsamlı Gelir", "Diğer Kapsamlı Gelirler", "Diğer Kapsamlı Gelir (Gider)"], {
    statement: "income_statement",
    opensBlock: "other_comprehensive_income",
  }),
  heading(undefined, ["Dönem Karının (Zararının) Dağılımı", "Dönem Karının Dağılımı"], {
    statement: "income_statement",
    opensBlock: "attribution",
  }),
  heading(undefined, ["Pay Başına Kazanç", "Pay Başına Kazanç (Zarar)", "Hisse Başına Kazanç"], {
    statement: "income_statement",
    opensBlock: "per_share",
  }),
  heading("income", ["Sürdürülen Faaliyetler", "Kar veya Zarar", "Kâr veya Zarar Kısmı"]),
];

export const TURKISH_LABELS: readonly LabelEntry[] = [...BALANCE_SHEET, ...INCOME_STATEMENT];
