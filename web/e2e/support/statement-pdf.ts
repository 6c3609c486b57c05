import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * A small digital Turkish statement for the end-to-end test: a balance sheet on page 1 and an
 * income statement on page 2, two periods, amounts in TL with Turkish separators. Printed with
 * DejaVu Sans so İ, ş, ğ and ı survive the text layer.
 *
 * `inventoriesMisprint` prints the current year's inventories wrong (the total stays right), so
 * the subtotal check fails and a reviewer has something real to correct.
 */
export interface FixtureOptions {
  company?: string;
  inventoriesMisprint?: number;
  /** Pages of explanatory notes after the statements (prose, no tables): long documents. */
  notePages?: number;
  /** The balance sheet without its grand totals: the balance cannot be checked, only reviewed. */
  withoutGrandTotals?: boolean;
  /** Notes only, no statement at all: a document the pipeline must refuse with a reason. */
  withoutStatements?: boolean;
}

type Line = [label: string, current: number | null, prior: number | null, style?: "heading" | "total"];

export const FIXTURE = {
  inventories: 500_000,
  totalCurrentAssets: 2_500_000,
  totalCurrentLiabilities: 1_500_000,
} as const;

function balanceSheet(misprint?: number): Line[] {
  return [
    ["VARLIKLAR", null, null, "heading"],
    ["Dönen Varlıklar", null, null, "heading"],
    ["Nakit ve Nakit Benzerleri", 1_200_000, 950_000],
    ["Ticari Alacaklar", 800_000, 700_000],
    ["Stoklar", misprint ?? FIXTURE.inventories, 450_000],
    ["Toplam Dönen Varlıklar", FIXTURE.totalCurrentAssets, 2_100_000, "total"],
    ["Duran Varlıklar", null, null, "heading"],
    ["Maddi Duran Varlıklar", 3_000_000, 2_800_000],
    ["Toplam Duran Varlıklar", 3_000_000, 2_800_000, "total"],
    ["TOPLAM VARLIKLAR", 5_500_000, 4_900_000, "total"],
    ["KAYNAKLAR", null, null, "heading"],
    ["Kısa Vadeli Yükümlülükler", null, null, "heading"],
    ["Kısa Vadeli Borçlanmalar", 600_000, 500_000],
    ["Ticari Borçlar", 900_000, 850_000],
    ["Toplam Kısa Vadeli Yükümlülükler", FIXTURE.totalCurrentLiabilities, 1_350_000, "total"],
    ["Uzun Vadeli Yükümlülükler", null, null, "heading"],
    ["Uzun Vadeli Borçlanmalar", 1_000_000, 1_100_000],
    ["Toplam Uzun Vadeli Yükümlülükler", 1_000_000, 1_100_000, "total"],
    ["Özkaynaklar", null, null, "heading"],
    ["Ödenmiş Sermaye", 2_000_000, 2_000_000],
    ["Geçmiş Yıllar Kârları", 450_000, 100_000],
    ["Dönem Net Kârı", 550_000, 350_000],
    ["Toplam Özkaynaklar", 3_000_000, 2_450_000, "total"],
    ["TOPLAM KAYNAKLAR", 5_500_000, 4_900_000, "total"],
  ];
}

const INCOME_STATEMENT: Line[] = [
  ["Hasılat", 6_000_000, 5_200_000],
  ["Satışların Maliyeti (-)", -4_200_000, -3_700_000],
  ["BRÜT KÂR", 1_800_000, 1_500_000, "total"],
  ["Genel Yönetim Giderleri (-)", -500_000, -450_000],
  ["Pazarlama Giderleri (-)", -450_000, -400_000],
  ["ESAS FAALİYET KÂRI", 850_000, 650_000, "total"],
  ["Finansman Giderleri (-)", -150_000, -170_000],
  ["VERGİ ÖNCESİ KÂR", 700_000, 480_000, "total"],
  ["Dönem Vergi Gideri (-)", -150_000, -130_000],
  ["DÖNEM NET KÂRI", 550_000, 350_000, "total"],
];

const NOTE_TEXT = [
  "Şirket, finansal tablolarını Türkiye Finansal Raporlama Standartlarına uygun olarak hazırlamaktadır.",
  "Finansal tablolar, gerçeğe uygun değerleri ile ölçülen finansal araçlar dışında tarihi maliyet esasına göre hazırlanmıştır.",
  "Yönetim, muhasebe politikalarının uygulanması sürecinde finansal tablolarda yer alan tutarlar üzerinde önemli etkisi olan yargılarda bulunmuştur.",
  "Stoklar, maliyet ile net gerçekleşebilir değerin düşük olanı ile değerlenmektedir; maliyet ağırlıklı ortalama yöntemiyle belirlenir.",
  "Maddi duran varlıklar, maliyet değerlerinden birikmiş amortisman ve kalıcı değer kayıpları düşülerek gösterilir.",
  "Ticari alacaklar, etkin faiz yöntemi kullanılarak iskonto edilmiş maliyetleri üzerinden değerlenmektedir.",
  "Raporlama döneminden sonra finansal tabloları önemli ölçüde etkileyecek bir olay meydana gelmemiştir.",
]
  .join(" ")
  .repeat(3);

function turkishAmount(value: number): string {
  const text = Math.abs(value)
    .toFixed(0)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return value < 0 ? `(${text})` : text;
}

export async function statementPdf(options: FixtureOptions = {}): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const regular = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
  const bold = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { CreationDate: new Date(Date.UTC(2025, 2, 1)) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const company = options.company ?? "ÖRNEK TİCARET A.Ş.";

  const page = (title: string, lines: Line[]) => {
    doc.font(bold).fontSize(13).text(company, 50, 50);
    doc.fontSize(11).text(title, 50, 70);
    doc.font(regular).fontSize(9).text("(Tutarlar Türk Lirası (TL) olarak gösterilmiştir)", 50, 88);
    let y = 120;
    doc.font(bold).fontSize(9);
    doc.text("31.12.2024", 330, y, { width: 100, align: "right" });
    doc.text("31.12.2023", 440, y, { width: 100, align: "right" });
    y += 20;
    for (const [label, current, prior, style] of lines) {
      doc.font(style ? bold : regular).fontSize(9);
      doc.text(label, style === undefined ? 62 : 50, y);
      if (current !== null) doc.text(turkishAmount(current), 330, y, { width: 100, align: "right" });
      if (prior !== null) doc.text(turkishAmount(prior), 440, y, { width: 100, align: "right" });
      y += style === "heading" ? 17 : 15;
    }
  };

  if (!options.withoutStatements) {
    page(
      "31 Aralık 2024 Tarihli Finansal Durum Tablosu (Bilanço)",
      balanceSheet(options.inventoriesMisprint).filter(
        ([label]) => !options.withoutGrandTotals || !label.startsWith("TOPLAM "),
      ),
    );
    doc.addPage();
    page("1 Ocak - 31 Aralık 2024 Dönemine Ait Kâr veya Zarar Tablosu", INCOME_STATEMENT);
  }
  for (let n = 1; n <= (options.notePages ?? 0); n++) {
    if (n > 1 || !options.withoutStatements) doc.addPage();
    doc.font(bold).fontSize(12).text(`Finansal Tablolara İlişkin Açıklayıcı Notlar — Bölüm ${n}`, 50, 50);
    doc.font(regular).fontSize(10).text(NOTE_TEXT, 50, 80, { width: 495, align: "justify", lineGap: 3 });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
